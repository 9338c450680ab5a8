//! Bars and sparklines in characters, for `status --chart` and Tổng quan:
//! each kind of segment has its own pattern, so a chart reads without
//! colour, and plain ASCII where block characters cannot be shown.

/// The patterns of a bar's three segments: on time, held up, overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub on_time: char,
    pub blocked: char,
    pub overdue: char,
    /// Sparkline levels, lowest first.
    pub levels: &'static [char],
}

pub const BLOCKS: Glyphs =
    Glyphs {
        on_time: '█', blocked: '▒', overdue: '▓', levels: &['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']
    };
pub const ASCII: Glyphs =
    Glyphs { on_time: '#', blocked: '~', overdue: '!', levels: &['_', '.', '-', '=', '+', '*', '#'] };

/// Widths of each segment in a bar of at most `width` cells, scaled so that
/// `max` fills it; a segment with any count keeps at least one cell.
pub fn segments(counts: &[u32], max: u32, width: usize) -> Vec<usize> {
    if max == 0 || width == 0 {
        return vec![0; counts.len()];
    }
    let mut cells: Vec<usize> = counts
        .iter()
        .map(|&c| if c == 0 { 0 } else { ((c as f64 / max as f64) * width as f64).round().max(1.0) as usize })
        .collect();
    // Rounding up the small ones may overflow: take it from the largest.
    while cells.iter().sum::<usize>() > width {
        if let Some(big) = cells.iter_mut().max() {
            *big -= 1;
        }
    }
    cells
}

/// A bar of on time, held up and overdue counts.
pub fn bar(counts: [u32; 3], max: u32, width: usize, g: &Glyphs) -> String {
    let cells = segments(&counts, max, width);
    let mut out = String::new();
    for (n, ch) in cells.iter().zip([g.on_time, g.blocked, g.overdue]) {
        out.extend(std::iter::repeat_n(ch, *n));
    }
    out
}

/// One character per value, its height relative to the largest.
pub fn sparkline(values: &[u32], g: &Glyphs) -> String {
    let max = values.iter().copied().max().unwrap_or(0);
    let top = g.levels.len() - 1;
    values
        .iter()
        .map(
            |&v| if max == 0 { g.levels[0] } else { g.levels[((v as f64 / max as f64) * top as f64).round() as usize] },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_keep_small_segments_visible() {
        assert_eq!(bar([10, 0, 10], 20, 10, &ASCII), "#####!!!!!");
        assert_eq!(bar([1, 1, 98], 100, 10, &ASCII), "#~!!!!!!!!");
        assert_eq!(bar([0, 0, 0], 0, 10, &ASCII), "");
        assert_eq!(bar([5, 0, 0], 10, 10, &BLOCKS), "█████");
        assert!(segments(&[1, 1, 1], 3, 2).iter().sum::<usize>() <= 2);
    }

    #[test]
    fn sparklines_rise_with_the_values() {
        assert_eq!(sparkline(&[0, 3, 6], &ASCII), "_=#");
        assert_eq!(sparkline(&[0, 0], &BLOCKS), "▁▁");
        assert_eq!(sparkline(&[1, 8], &BLOCKS), "▂█");
    }
}
