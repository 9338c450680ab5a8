//! Line-editing buffer for TUI text fields. Pure logic: the UI maps keys to
//! these methods and draws `visible()`.
//!
//! The value is always NFC and the cursor is a grapheme index, so one
//! keypress never leaves half a letter (e.g. "ệ" is one backspace).

use super::normalize::{nfc, strip_controls, Newlines};
use super::width::grapheme_width;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    /// NFC text; contains '\n' only in multi-line mode.
    value: String,
    /// Cursor position in grapheme clusters from the start.
    cursor: usize,
    multiline: bool,
}

fn is_space(g: &str) -> bool {
    g.chars().all(char::is_whitespace)
}

impl TextInput {
    /// Empty single-line field.
    pub fn new() -> Self {
        Self::default()
    }

    /// Empty multi-line field ('\n' allowed).
    pub fn multiline() -> Self {
        Self { multiline: true, ..Self::default() }
    }

    /// Single-line field with an initial value; cursor at the end.
    pub fn with_value(s: &str) -> Self {
        let mut input = Self::new();
        input.set_value(s);
        input
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// Replaces the value (sanitized like a paste) and moves the cursor to the end.
    pub fn set_value(&mut self, s: &str) {
        self.value = self.sanitize(s);
        self.cursor = self.len();
    }

    /// Paste cleanup: no escapes/controls; line breaks kept only when multi-line.
    fn sanitize(&self, s: &str) -> String {
        let mode = if self.multiline { Newlines::Keep } else { Newlines::Space };
        strip_controls(s, mode)
    }

    fn graphemes(&self) -> Vec<&str> {
        self.value.graphemes(true).collect()
    }

    fn len(&self) -> usize {
        self.value.graphemes(true).count()
    }

    /// Byte offset of grapheme index `g` (or the end).
    fn byte_at(&self, g: usize) -> usize {
        self.value.grapheme_indices(true).nth(g).map_or(self.value.len(), |(i, _)| i)
    }

    /// Types one character. Combining marks sent as separate key events compose
    /// with the previous letter, and the cursor stays after that letter.
    pub fn insert_char(&mut self, c: char) {
        match c {
            '\n' if self.multiline => self.insert_clean("\n"),
            '\t' => self.insert_clean(" "),
            c if c.is_control() => {}
            c => self.insert_clean(c.encode_utf8(&mut [0; 4])),
        }
    }

    /// Pastes text: controls stripped, '\n' -> ' ' in single-line mode, NFC.
    pub fn insert_str(&mut self, s: &str) {
        let clean = self.sanitize(s);
        self.insert_clean(&clean);
    }

    fn insert_clean(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let at = self.byte_at(self.cursor);
        let prefix = nfc(&format!("{}{}", &self.value[..at], text));
        let joined = format!("{}{}", prefix, &self.value[at..]);
        self.value = nfc(&joined);
        // Cursor goes after every grapheme that starts inside the new prefix;
        // a grapheme merged across the boundary counts as typed.
        self.cursor = self.value.grapheme_indices(true).take_while(|(i, _)| *i < prefix.len()).count();
    }

    fn remove_range(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte_at(from), self.byte_at(to));
        self.value.replace_range(a..b, "");
        // Removing text can bring a stray mark next to a letter.
        self.value = nfc(&self.value);
        // Clamp in case normalization merged graphemes around the cut.
        self.cursor = from.min(self.len());
    }

    /// Deletes the whole grapheme before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.remove_range(self.cursor - 1, self.cursor);
        }
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            self.remove_range(self.cursor, self.cursor + 1);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// Grapheme index range of the line holding the cursor.
    fn line_bounds(&self) -> (usize, usize) {
        let gs = self.graphemes();
        let start = gs[..self.cursor].iter().rposition(|g| *g == "\n").map_or(0, |i| i + 1);
        let end = gs[self.cursor..].iter().position(|g| *g == "\n").map_or(gs.len(), |i| self.cursor + i);
        (start, end)
    }

    /// Start of the field (start of the current line when multi-line).
    pub fn home(&mut self) {
        self.cursor = self.line_bounds().0;
    }

    /// End of the field (end of the current line when multi-line).
    pub fn end(&mut self) {
        self.cursor = self.line_bounds().1;
    }

    fn word_left_pos(&self) -> usize {
        let gs = self.graphemes();
        let mut i = self.cursor;
        while i > 0 && is_space(gs[i - 1]) {
            i -= 1;
        }
        while i > 0 && !is_space(gs[i - 1]) {
            i -= 1;
        }
        i
    }

    /// To the start of the previous word (words are whitespace-separated).
    pub fn word_left(&mut self) {
        self.cursor = self.word_left_pos();
    }

    /// To the end of the next word.
    pub fn word_right(&mut self) {
        let gs = self.graphemes();
        let mut i = self.cursor;
        while i < gs.len() && is_space(gs[i]) {
            i += 1;
        }
        while i < gs.len() && !is_space(gs[i]) {
            i += 1;
        }
        self.cursor = i;
    }

    /// Ctrl-W: deletes back to the start of the previous word.
    pub fn delete_word_before(&mut self) {
        let start = self.word_left_pos();
        self.remove_range(start, self.cursor);
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    pub fn cursor_graphemes(&self) -> usize {
        self.cursor
    }

    /// Display columns from the start of the (current) line to the cursor.
    pub fn cursor_col(&self) -> usize {
        let (start, _) = self.line_bounds();
        self.graphemes()[start..self.cursor].iter().map(|g| grapheme_width(g)).sum()
    }

    /// Zero-based line of the cursor (always 0 in single-line mode).
    pub fn cursor_line(&self) -> usize {
        self.graphemes()[..self.cursor].iter().filter(|g| **g == "\n").count()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Lines of the value; a trailing '\n' yields a final empty line so the
    /// cursor has somewhere to be.
    pub fn lines(&self) -> Vec<&str> {
        self.value.split('\n').collect()
    }

    /// Text of the cursor's line to draw in a field `width` cells wide, and
    /// the cursor column inside it. Scrolls only as far as needed to keep the
    /// cursor (which needs one cell of its own) on screen.
    pub fn visible(&self, width: usize) -> (String, usize) {
        if width == 0 {
            return (String::new(), 0);
        }
        let gs = self.graphemes();
        let (start, end) = self.line_bounds();
        let line = &gs[start..end];
        let cur = self.cursor - start;
        let widths: Vec<usize> = line.iter().map(|g| grapheme_width(g)).collect();
        let mut col: usize = widths[..cur].iter().sum();
        let mut first = 0;
        while col > width - 1 && first < cur {
            col -= widths[first];
            first += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for (g, w) in line[first..].iter().zip(&widths[first..]) {
            if used + w > width {
                break;
            }
            used += w;
            shown.push_str(g);
        }
        (shown, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_marks_as_separate_keys() {
        let mut t = TextInput::new();
        t.insert_char('e');
        t.insert_char('\u{0302}');
        assert_eq!(t.value(), "ê");
        assert_eq!(t.cursor_graphemes(), 1);
        t.insert_char('\u{0323}');
        assert_eq!(t.value(), "ệ");
        assert_eq!(t.cursor_graphemes(), 1);
        // Mid-text too: "a|b" + circumflex.
        let mut t = TextInput::with_value("ab");
        t.left();
        t.insert_char('\u{0302}');
        assert_eq!(t.value(), "âb");
        assert_eq!(t.cursor_graphemes(), 1);
    }

    #[test]
    fn nfd_value_and_one_backspace() {
        let mut t = TextInput::with_value("Vie\u{0323}\u{0302}t");
        assert_eq!(t.value(), "Việt");
        assert_eq!(t.cursor_graphemes(), 4);
        t.left();
        t.backspace();
        assert_eq!(t.value(), "Vit");
        assert_eq!(t.cursor_graphemes(), 2);
        // A letter with a mark that has no precomposed form is still one grapheme.
        let mut t = TextInput::new();
        t.insert_str("x\u{0302}\u{0323}");
        assert_eq!(t.cursor_graphemes(), 1);
        t.backspace();
        assert!(t.is_empty());
        t.backspace();
        assert_eq!(t.cursor_graphemes(), 0);
    }

    #[test]
    fn editing_and_movement() {
        let mut t = TextInput::with_value("Họp chi bộ");
        t.home();
        assert_eq!(t.cursor_graphemes(), 0);
        t.delete();
        assert_eq!(t.value(), "ọp chi bộ");
        t.end();
        t.delete();
        assert_eq!(t.value(), "ọp chi bộ");
        t.word_left();
        assert_eq!(t.cursor_graphemes(), 7);
        t.word_left();
        assert_eq!(t.cursor_graphemes(), 3);
        t.word_right();
        assert_eq!(t.cursor_graphemes(), 6);
        t.right();
        t.right();
        t.right();
        t.right();
        assert_eq!(t.cursor_graphemes(), 9);
        t.delete_word_before();
        assert_eq!(t.value(), "ọp chi ");
        t.delete_word_before();
        assert_eq!(t.value(), "ọp ");
        t.insert_char('\t');
        t.insert_char('\u{7}');
        assert_eq!(t.value(), "ọp  ");
        t.clear();
        assert!(t.is_empty());
        assert_eq!(t.cursor_graphemes(), 0);
    }

    #[test]
    fn wide_cursor_col() {
        let mut t = TextInput::with_value("a中文😀");
        assert_eq!(t.cursor_col(), 7);
        t.left();
        assert_eq!(t.cursor_col(), 5);
        t.home();
        t.right();
        assert_eq!(t.cursor_col(), 1);
        t.right();
        assert_eq!(t.cursor_col(), 3);
    }

    #[test]
    fn paste_into_single_line() {
        let mut t = TextInput::with_value("ab");
        t.left();
        t.insert_str("X\r\nY\nZ\u{1b}[31m\u{202E}");
        assert_eq!(t.value(), "aX Y Zb");
        assert_eq!(t.cursor_graphemes(), 6);
        t.insert_char('\n');
        assert_eq!(t.value(), "aX Y Zb");
    }

    #[test]
    fn multiline_mode() {
        let mut t = TextInput::multiline();
        assert!(t.is_multiline());
        t.insert_str("Dòng 1\r\nDòng 2");
        t.insert_char('\n');
        assert_eq!(t.value(), "Dòng 1\nDòng 2\n");
        assert_eq!(t.lines(), vec!["Dòng 1", "Dòng 2", ""]);
        assert_eq!(t.cursor_line(), 2);
        assert_eq!(t.cursor_col(), 0);
        t.left();
        assert_eq!(t.cursor_line(), 1);
        assert_eq!(t.cursor_col(), 6);
        t.home();
        assert_eq!(t.cursor_graphemes(), 7);
        t.end();
        assert_eq!(t.cursor_graphemes(), 13);
        assert_eq!(t.visible(20), ("Dòng 2".to_string(), 6));
        t.backspace();
        t.backspace();
        assert_eq!(t.value(), "Dòng 1\nDòng\n");
    }

    #[test]
    fn visible_scrolls() {
        let mut t = TextInput::with_value("abcdefghij");
        assert_eq!(t.visible(5), ("ghij".to_string(), 4));
        t.home();
        assert_eq!(t.visible(5), ("abcde".to_string(), 0));
        for _ in 0..5 {
            t.right();
        }
        assert_eq!(t.visible(5), ("bcdef".to_string(), 4));
        t.left();
        assert_eq!(t.visible(5), ("abcde".to_string(), 4));
        assert_eq!(t.visible(0), (String::new(), 0));
        assert_eq!(t.visible(20), ("abcdefghij".to_string(), 4));
        // Wide characters are never cut in half.
        let t = TextInput::with_value("中文中文");
        assert_eq!(t.visible(4), ("文".to_string(), 2));
        let mut t = TextInput::with_value("中文中文");
        t.home();
        assert_eq!(t.visible(5), ("中文".to_string(), 0));
    }
}
