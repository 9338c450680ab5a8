//! Unicode cleanup for user input and for text drawn on the terminal.

use std::iter::Peekable;
use std::str::Chars;
use unicode_normalization::UnicodeNormalization;

/// How line breaks are treated while stripping control characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Newlines {
    /// '\n', '\r\n' and '\r' become one space (single-line fields).
    Space,
    /// '\r\n' and '\r' become '\n' (multi-line notes).
    Keep,
    /// '\n' becomes a space, '\r' is dropped (terminal drawing).
    Terminal,
}

/// Unicode NFC; stored text is always NFC so comparisons and widths are stable.
pub fn nfc(s: &str) -> String {
    // Stored text is NFC already: a quick check saves composing it again
    // each time a screen measures or draws it.
    if is_already_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

/// Whether `s` is certainly NFC (ASCII, or the quick check says so).
pub(crate) fn is_already_nfc(s: &str) -> bool {
    s.is_ascii() || unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
}

/// Bidi controls can visually reorder a line (Trojan-source style), so they are dropped.
/// U+061C (Arabic letter mark) is included for the same reason.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Skips an escape sequence whose ESC has already been consumed.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            // CSI: parameter/intermediate bytes 0x20..=0x3F, then one final byte.
            while let Some(&c) = chars.peek() {
                if ('\u{40}'..='\u{7E}').contains(&c) {
                    chars.next();
                    break;
                }
                if !(' '..='?').contains(&c) {
                    // Malformed: stop here so following text is kept.
                    break;
                }
                chars.next();
            }
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            // OSC/DCS/SOS/PM/APC: string until BEL, ST (ESC \) or C1 ST.
            while let Some(c) = chars.next() {
                match c {
                    '\u{07}' | '\u{9C}' => break,
                    '\u{1B}' => {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        Some(c) if (' '..='/').contains(&c) => {
            // nF sequences like "ESC ( B": intermediates then one final byte.
            while chars.peek().is_some_and(|c| (' '..='/').contains(c)) {
                chars.next();
            }
            if chars.peek().is_some_and(|c| ('0'..='~').contains(c)) {
                chars.next();
            }
        }
        Some(c) if ('0'..='~').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Removes escape sequences, control and bidi characters, maps tabs to spaces and
/// handles line breaks per `mode`. Whitespace is not collapsed. Result is NFC
/// (normalized after stripping so marks separated by junk still compose).
pub(crate) fn strip_controls(s: &str, mode: Newlines) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1B}' => skip_escape(&mut chars),
            '\t' => out.push(' '),
            '\n' => out.push(if mode == Newlines::Keep { '\n' } else { ' ' }),
            '\r' => match mode {
                Newlines::Keep | Newlines::Space => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push(if mode == Newlines::Keep { '\n' } else { ' ' });
                }
                Newlines::Terminal => {}
            },
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    nfc(&out)
}

/// Cleans a single-line field (title, name, place): NFC, no controls/escapes/bidi,
/// whitespace runs collapsed to one space, trimmed.
pub fn clean_line(s: &str) -> String {
    let stripped = strip_controls(s, Newlines::Space);
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans a multi-line note: like `clean_line` per line, but keeps line breaks
/// (CRLF/CR -> '\n') and leading indentation (bullets in notes rely on it).
/// Trailing whitespace of each line and trailing blank lines are removed.
pub fn clean_text(s: &str) -> String {
    let stripped = strip_controls(s, Newlines::Keep);
    let lines: Vec<String> = stripped
        .split('\n')
        .map(|line| {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let collapsed = body.split_whitespace().collect::<Vec<_>>().join(" ");
            if collapsed.is_empty() {
                String::new()
            } else {
                format!("{indent}{collapsed}")
            }
        })
        .collect();
    let joined = lines.join("\n");
    // Leading blank lines carry no content either.
    joined.trim_start_matches('\n').trim_end().to_string()
}

/// Folding for search: strips Vietnamese diacritics, maps đ to d, lowercases.
/// Works on NFC or NFD input since it decomposes first.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .flat_map(|c| match c {
            // Ð (U+00D0, Icelandic eth) looks like Đ and turns up in pasted text.
            'đ' | 'Đ' | 'Ð' | 'ð' => 'd'.to_lowercase(),
            c => c.to_lowercase(),
        })
        .collect()
}

/// Makes database text safe to draw: no escape sequences, controls or bidi
/// characters; '\t' and '\n' become spaces. Result is NFC.
pub fn sanitize_for_terminal(s: &str) -> String {
    strip_controls(s, Newlines::Terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("e\u{0302}\u{0323}"), "ệ");
        assert_eq!(nfc("Vie\u{0323}\u{0302}t"), "Việt");
        assert_eq!(nfc("abc"), "abc");
    }

    #[test]
    fn clean_line_basic() {
        assert_eq!(clean_line("  Họp   chi bộ \t tháng 11\n"), "Họp chi bộ tháng 11");
        assert_eq!(clean_line("a\r\nb"), "a b");
        assert_eq!(clean_line(""), "");
        assert_eq!(clean_line(" \t\n "), "");
    }

    #[test]
    fn clean_line_strips_controls_escapes_bidi() {
        assert_eq!(clean_line("\u{1b}[31mĐỏ\u{1b}[0m"), "Đỏ");
        assert_eq!(clean_line("a\u{7}b\u{7f}c\u{85}d"), "abcd");
        assert_eq!(clean_line("x\u{202E}yz\u{2066}w\u{200F}"), "xyzw");
        assert_eq!(clean_line("title\u{1b}]0;evil\u{7}!"), "title!");
    }

    #[test]
    fn clean_line_composes_after_stripping() {
        // A control between base and mark must not prevent composition.
        assert_eq!(clean_line("e\u{0}\u{0302}"), "ê");
        assert_eq!(clean_line("Qu\u{0079}\u{0303}"), "Quỹ");
    }

    #[test]
    fn clean_text_keeps_newlines() {
        assert_eq!(clean_text("Dòng 1  \r\nDòng   2\rDòng 3\n\n"), "Dòng 1\nDòng 2\nDòng 3");
        assert_eq!(clean_text("\n\nA\t \n  - mục\n"), "A\n  - mục");
        assert_eq!(clean_text("a\n\n\nb"), "a\n\n\nb");
        assert_eq!(clean_text("x\u{1b}[2Jy\u{200E}"), "xy");
        assert_eq!(clean_text("   "), "");
    }

    #[test]
    fn fold_examples() {
        assert_eq!(fold("Quỹ Vì người nghèo"), "quy vi nguoi ngheo");
        assert_eq!(fold("ĐƯỜNG"), "duong");
        assert_eq!(fold("Hội Liên hiệp Phụ nữ"), "hoi lien hiep phu nu");
        // NFD input folds the same way.
        assert_eq!(fold("Vie\u{0323}\u{0302}t Nam"), "viet nam");
        assert_eq!(fold("đăk lăk"), "dak lak");
        assert_eq!(fold("HN 2026"), "hn 2026");
    }

    #[test]
    fn sanitize_terminal() {
        assert_eq!(sanitize_for_terminal("a\tb\nc\r\n"), "a b c ");
        assert_eq!(sanitize_for_terminal("\u{1b}[1;31mX\u{1b}[m"), "X");
        assert_eq!(sanitize_for_terminal("\u{1b}]8;;http://x\u{1b}\\link"), "link");
        assert_eq!(sanitize_for_terminal("\u{1b}(Bok\u{1b}c"), "ok");
        assert_eq!(sanitize_for_terminal("a\u{9b}b\u{80}c"), "abc");
        assert_eq!(sanitize_for_terminal("x\u{202D}y"), "xy");
        assert_eq!(sanitize_for_terminal("o\u{031B}"), "ơ");
        // A lone ESC at the end is just dropped.
        assert_eq!(sanitize_for_terminal("end\u{1b}"), "end");
        // Whitespace is not collapsed here: layout stays as stored.
        assert_eq!(sanitize_for_terminal("a  b"), "a  b");
    }

    #[test]
    fn malformed_csi_keeps_following_text() {
        assert_eq!(sanitize_for_terminal("\u{1b}[12ở đây"), "ở đây");
        assert_eq!(sanitize_for_terminal("\u{1b}[1\u{1b}[0mok"), "ok");
    }
}
