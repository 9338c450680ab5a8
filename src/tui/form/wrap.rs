//! Laying out a multi-line value: wrapped at words for the screen, with the
//! cursor found again on it; moving the cursor between lines.

use crate::text::{display_width, TextInput};
use unicode_segmentation::UnicodeSegmentation;

/// The value wrapped at words (a word longer than the line is broken) and
/// where the cursor lands (row, col). Every character stays where it was
/// typed, spaces included, so the cursor is always on the right one.
pub(super) fn hard_wrap(input: &TextInput, width: usize) -> (Vec<String>, usize, usize) {
    let width = width.max(1);
    let cursor = input.cursor_graphemes();
    // Rows of (grapheme index, grapheme, display width).
    let mut rows: Vec<Vec<(usize, &str, usize)>> = vec![Vec::new()];
    for (i, g) in input.value().graphemes(true).enumerate() {
        if g == "\n" {
            if let Some(r) = rows.last_mut() {
                r.push((i, "", 0));
            }
            rows.push(Vec::new());
            continue;
        }
        let w = display_width(g);
        let row_w: usize = rows.last().map_or(0, |r| r.iter().map(|c| c.2).sum());
        if row_w + w > width && row_w > 0 && g != " " {
            let row = rows.last_mut().expect("one row at least");
            // Carry the word being typed to the next line, if it has a start here.
            let carried = match row.iter().rposition(|c| c.1 == " ") {
                Some(sp) if sp + 1 < row.len() => row.split_off(sp + 1),
                Some(_) => Vec::new(),
                None => Vec::new(),
            };
            rows.push(carried);
        }
        if let Some(r) = rows.last_mut() {
            r.push((i, g, w));
        }
    }
    let text: Vec<String> = rows.iter().map(|r| r.iter().map(|c| c.1).collect()).collect();
    let mut at = None;
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for c in row {
            if c.0 == cursor {
                at = Some((r, col));
            }
            col += c.2;
        }
    }
    let (mut row, mut col) = at.unwrap_or_else(|| {
        let last = rows.len() - 1;
        (last, rows[last].iter().map(|c| c.2).sum())
    });
    let mut text = text;
    if col >= width {
        row += 1;
        col = 0;
        if row >= text.len() {
            text.push(String::new());
        }
    }
    (text, row, col)
}

/// Up and Down in a multi-line field: the same column on the line above or below.
pub(super) fn line_up(inp: &mut TextInput) {
    let col = inp.cursor_col();
    inp.home();
    inp.left();
    let end = inp.cursor_graphemes();
    inp.home();
    while inp.cursor_col() < col && inp.cursor_graphemes() < end {
        inp.right();
    }
}

pub(super) fn line_down(inp: &mut TextInput) {
    let col = inp.cursor_col();
    inp.end();
    inp.right();
    let line = inp.cursor_line();
    while inp.cursor_col() < col {
        let at = inp.cursor_graphemes();
        inp.right();
        if inp.cursor_graphemes() == at {
            break;
        }
        if inp.cursor_line() != line {
            inp.left();
            break;
        }
    }
}
