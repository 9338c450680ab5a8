//! Terminal cell widths for NFC text, grapheme-safe truncation and wrapping.

use super::normalize::nfc;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ELLIPSIS: &str = "…";

/// Width of one grapheme cluster. Measuring per grapheme keeps truncation,
/// padding and `display_width` consistent with each other.
pub(crate) fn grapheme_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

/// Terminal columns taken by `s` once normalized to NFC (NFD input measures
/// the same), summed per grapheme cluster.
pub fn display_width(s: &str) -> usize {
    // Printable ASCII takes a cell a byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    if super::normalize::is_already_nfc(s) {
        return s.graphemes(true).map(grapheme_width).sum();
    }
    nfc(s).graphemes(true).map(grapheme_width).sum()
}

/// Cuts `s` to at most `max` columns, ending with "…" when something was cut.
/// Never splits a grapheme or a wide character; `max == 0` gives "".
pub fn truncate_to_width(s: &str, max: usize) -> String {
    let s = nfc(s);
    if display_width(&s) <= max {
        return s;
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1; // one cell for the ellipsis
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(g);
    }
    // "Hội Liên…" reads better than "Hội Liên …".
    let mut out = out.trim_end().to_string();
    out.push_str(ELLIPSIS);
    out
}

/// Truncates, then pads on the right to exactly `width` columns.
pub fn pad_to_width(s: &str, width: usize) -> String {
    let mut t = truncate_to_width(s, width);
    let w = display_width(&t);
    t.push_str(&" ".repeat(width.saturating_sub(w)));
    t
}

/// Truncates, then pads on the left (right-aligned) to exactly `width` columns.
pub fn pad_left_to_width(s: &str, width: usize) -> String {
    let t = truncate_to_width(s, width);
    let w = display_width(&t);
    format!("{}{t}", " ".repeat(width.saturating_sub(w)))
}

/// Splits a word wider than `width` into pieces on grapheme boundaries.
/// A single grapheme wider than `width` gets a line of its own.
fn split_long_word(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for g in word.graphemes(true) {
        let w = grapheme_width(g);
        if cur_w + w > width && !cur.is_empty() {
            pieces.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        cur.push_str(g);
        cur_w += w;
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}

/// Greedy word wrap to `width` columns. Explicit '\n' always breaks (an empty
/// line stays an empty line); spaces between words collapse to one; words
/// longer than a line are broken on grapheme boundaries. `width == 0` gives
/// no lines.
pub fn wrap_to_width(s: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let s = nfc(s);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut cur = String::new();
        let mut cur_w = 0;
        for word in para.split_whitespace() {
            let w = display_width(word);
            if !cur.is_empty() && cur_w + 1 + w <= width {
                cur.push(' ');
                cur.push_str(word);
                cur_w += 1 + w;
                continue;
            }
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            if w <= width {
                cur = word.to_string();
                cur_w = w;
            } else {
                let mut pieces = split_long_word(word, width);
                // The last piece can take following words.
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                cur_w = display_width(&last);
                cur = last;
            }
        }
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const HLHPN: &str = "Hội Liên hiệp Phụ nữ";
    const NFD_VIET: &str = "Vie\u{0323}\u{0302}t Nam";

    #[test]
    fn widths() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width(HLHPN), 20);
        assert_eq!(display_width(NFD_VIET), 8);
        assert_eq!(display_width(NFD_VIET), display_width("Việt Nam"));
        assert_eq!(display_width("中文"), 4);
        assert_eq!(display_width("a😀b"), 4);
        assert_eq!(display_width("👍🏽"), 2);
    }

    #[test]
    fn truncation() {
        assert_eq!(truncate_to_width(HLHPN, 20), HLHPN);
        assert_eq!(truncate_to_width(HLHPN, 10), "Hội Liên…");
        assert_eq!(truncate_to_width(HLHPN, 12), "Hội Liên hi…");
        assert_eq!(truncate_to_width(HLHPN, 1), "…");
        assert_eq!(truncate_to_width(HLHPN, 0), "");
        assert_eq!(truncate_to_width("", 0), "");
        // NFD input comes out NFC and is cut by grapheme.
        assert_eq!(truncate_to_width(NFD_VIET, 4), "Việ…");
        // A wide char that does not fit is left out, never split.
        assert_eq!(truncate_to_width("中文字", 4), "中…");
        assert_eq!(display_width(&truncate_to_width("中文字", 4)), 3);
        assert_eq!(truncate_to_width("ab😀cd", 4), "ab…");
    }

    #[test]
    fn padding() {
        assert_eq!(pad_to_width("Hội", 6), "Hội   ");
        assert_eq!(pad_to_width(NFD_VIET, 10), "Việt Nam  ");
        assert_eq!(pad_to_width("中文字", 4), "中… ");
        assert_eq!(display_width(&pad_to_width("中文字", 4)), 4);
        assert_eq!(pad_to_width(HLHPN, 10), "Hội Liên… ");
        assert_eq!(pad_left_to_width("42", 5), "   42");
        assert_eq!(pad_left_to_width("中", 3), " 中");
        assert_eq!(pad_to_width("x", 0), "");
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap_to_width(HLHPN, 10), vec!["Hội Liên", "hiệp Phụ", "nữ"]);
        assert_eq!(wrap_to_width("a\n\nb c", 10), vec!["a", "", "b c"]);
        assert_eq!(wrap_to_width("", 5), vec![""]);
        assert_eq!(wrap_to_width("abc", 0), Vec::<String>::new());
        assert_eq!(wrap_to_width("Nghịquyết dài x", 4), vec!["Nghị", "quyế", "t", "dài", "x"]);
        // The tail of a broken word shares its line with the next word.
        assert_eq!(wrap_to_width("abcdefg h", 5), vec!["abcde", "fg h"]);
        assert_eq!(wrap_to_width("中文中文", 3), vec!["中", "文", "中", "文"]);
        assert_eq!(wrap_to_width("中", 1), vec!["中"]);
        let nfd = wrap_to_width(NFD_VIET, 4);
        assert_eq!(nfd, vec!["Việt", "Nam"]);
        for line in wrap_to_width("Vận động quỹ 😀 Vì người nghèo năm 2026", 7) {
            assert!(display_width(&line) <= 7, "{line:?}");
        }
    }
}
