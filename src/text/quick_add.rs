//! One-line task entry for the secretary:
//! `Vận động quỹ Vì người nghèo @HND +HLHPN #Quảng Đức !30/11`.
//!
//! Markers (only at the start of a word and followed by text):
//! `@` lead organization, `+` coordinating organization (repeatable),
//! `#` place (runs until the next marker word), `!` deadline (one word).
//! Organization and date tokens are returned raw; the caller resolves them.

use super::normalize::clean_line;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuickAdd {
    pub title: String,
    pub lead: Option<String>,
    pub with: Vec<String>,
    pub place: Option<String>,
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Lead,
    With,
    Place,
    Deadline,
}

/// Splits a word into its marker and value when it is a marker word.
fn marker(word: &str) -> Option<(Marker, &str)> {
    let mut chars = word.chars();
    let kind = match chars.next()? {
        '@' => Marker::Lead,
        '+' => Marker::With,
        '#' => Marker::Place,
        '!' => Marker::Deadline,
        _ => return None,
    };
    let value = chars.as_str();
    // A lone marker character ("Tháng 11 + 12") is ordinary text.
    (!value.is_empty()).then_some((kind, value))
}

/// Parses a quick-add line. Input is cleaned first (NFC, no controls,
/// single spaces). Rules beyond the basics:
/// - a second `@` does not replace the lead; it is added to `with`;
/// - a second `#` place is appended to the first with ", ";
/// - a later `!` deadline replaces an earlier one (typed corrections win).
pub fn parse_quick_add(input: &str) -> QuickAdd {
    let line = clean_line(input);
    let mut out = QuickAdd::default();
    let mut title: Vec<&str> = Vec::new();
    let mut place_words: Vec<Vec<&str>> = Vec::new();
    // True while words after a `#` belong to the place.
    let mut in_place = false;

    for word in line.split(' ').filter(|w| !w.is_empty()) {
        match marker(word) {
            Some((kind, value)) => {
                in_place = kind == Marker::Place;
                match kind {
                    Marker::Lead if out.lead.is_none() => out.lead = Some(value.to_string()),
                    Marker::Lead | Marker::With => out.with.push(value.to_string()),
                    Marker::Place => place_words.push(vec![value]),
                    Marker::Deadline => out.deadline = Some(value.to_string()),
                }
            }
            None if in_place => {
                if let Some(words) = place_words.last_mut() {
                    words.push(word);
                }
            }
            None => title.push(word),
        }
    }

    out.title = title.join(" ");
    if !place_words.is_empty() {
        let places: Vec<String> = place_words.iter().map(|w| w.join(" ")).collect();
        out.place = Some(places.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn full_example() {
        let q = parse_quick_add("Vận động quỹ Vì người nghèo @HND +HLHPN #Quảng Đức !30/11");
        assert_eq!(
            q,
            QuickAdd {
                title: "Vận động quỹ Vì người nghèo".into(),
                lead: s("HND"),
                with: vec!["HLHPN".into()],
                place: s("Quảng Đức"),
                deadline: s("30/11"),
            }
        );
    }

    #[test]
    fn no_markers() {
        let q = parse_quick_add("  Họp   giao ban  tuần ");
        assert_eq!(q.title, "Họp giao ban tuần");
        assert_eq!(q.lead, None);
        assert!(q.with.is_empty());
        assert_eq!(q.place, None);
        assert_eq!(q.deadline, None);
        assert_eq!(parse_quick_add(""), QuickAdd::default());
    }

    #[test]
    fn only_markers() {
        let q = parse_quick_add("@nong-dan +CCB !t6");
        assert_eq!(q.title, "");
        assert_eq!(q.lead, s("nong-dan"));
        assert_eq!(q.with, vec!["CCB".to_string()]);
        assert_eq!(q.deadline, s("t6"));
    }

    #[test]
    fn marker_chars_inside_words_and_alone() {
        let q = parse_quick_add("Gửi email@x.vn báo cáo Tháng 11 + 12 ! # @");
        assert_eq!(q.title, "Gửi email@x.vn báo cáo Tháng 11 + 12 ! # @");
        assert_eq!(q, QuickAdd { title: q.title.clone(), ..QuickAdd::default() });
        let q = parse_quick_add("C#-style a+b x!y");
        assert_eq!(q.title, "C#-style a+b x!y");
    }

    #[test]
    fn place_runs_until_next_marker_or_end() {
        let q = parse_quick_add("Thăm hộ nghèo !+7 #Thôn 3 xã Quảng Đức");
        assert_eq!(q.title, "Thăm hộ nghèo");
        assert_eq!(q.place, s("Thôn 3 xã Quảng Đức"));
        assert_eq!(q.deadline, s("+7"));
        let q = parse_quick_add("Họp #Hội trường UBND +MTTQ cuối tuần");
        assert_eq!(q.place, s("Hội trường UBND"));
        // Words after a non-place marker go back to the title.
        assert_eq!(q.title, "Họp cuối tuần");
        assert_eq!(q.with, vec!["MTTQ".to_string()]);
    }

    #[test]
    fn repeated_markers() {
        let q = parse_quick_add("Tết @HND @CCB +HLHPN +DTN +HLHPN !1/1 !t6 #A #B c");
        assert_eq!(q.lead, s("HND"));
        assert_eq!(q.with, vec!["CCB", "HLHPN", "DTN", "HLHPN"].into_iter().map(String::from).collect::<Vec<_>>());
        assert_eq!(q.deadline, s("t6"));
        assert_eq!(q.place, s("A, B c"));
        assert_eq!(q.title, "Tết");
    }

    #[test]
    fn cleans_and_normalizes() {
        let q = parse_quick_add("Qu\u{0079}\u{0303}\tho\u{0323}c bo\u{0302}\u{0309}ng\n@HND\u{1b}[31m");
        assert_eq!(q.title, "Quỹ học bổng");
        assert_eq!(q.lead, s("HND"));
    }
}
