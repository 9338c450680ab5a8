//! The one-line filter typed on boards and lists:
//!
//! `@HND` organization · `~Hoa` person · `#Quảng Đức` place · `!` overdue ·
//! `<7` due within 7 days · `s:vuong` status · `k:chung` kind · other words
//! must appear in the title. Everything is accent- and case-insensitive and
//! every part is optional; parts combine (all must hold).

use crate::text::fold;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterSpec {
    pub org: Option<String>,
    pub person: Option<String>,
    pub place: Option<String>,
    pub overdue: bool,
    pub due_within: Option<i64>,
    pub statuses: Vec<String>,
    pub kinds: Vec<String>,
    /// Folded words that must all appear in the title or text.
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FilterError {
    /// `<` not followed by a number of days.
    BadDays(String),
    /// A marker with nothing after it.
    Empty(String),
}

impl FilterSpec {
    pub fn is_empty(&self) -> bool {
        *self == FilterSpec::default()
    }

    pub fn parse(input: &str) -> Result<FilterSpec, FilterError> {
        let cleaned = crate::text::clean_line(input);
        let mut spec = FilterSpec::default();
        let mut words = cleaned.split_whitespace().peekable();
        while let Some(w) = words.next() {
            let marker = |p: &str| w.strip_prefix(p).map(str::to_string);
            if let Some(rest) = marker("@") {
                spec.org = Some(non_empty(rest, w)?);
            } else if let Some(rest) = marker("~") {
                spec.person = Some(non_empty(rest, w)?);
            } else if let Some(rest) = marker("#") {
                // A place runs until the next marked word.
                let mut place = non_empty(rest, w)?;
                while let Some(next) = words.peek() {
                    if is_marked(next) {
                        break;
                    }
                    place.push(' ');
                    place.push_str(next);
                    words.next();
                }
                spec.place = Some(place);
            } else if w == "!" || matches!(fold(w).as_str(), "quahan" | "overdue") {
                spec.overdue = true;
            } else if let Some(rest) = marker("<") {
                let days = rest.trim_end_matches(['d', 'n']);
                spec.due_within =
                    Some(days.parse::<i64>().ok().filter(|d| *d >= 0).ok_or(FilterError::BadDays(w.to_string()))?);
            } else if let Some(rest) = w.strip_prefix("s:").or_else(|| w.strip_prefix("S:")) {
                spec.statuses.push(non_empty(rest.to_string(), w)?);
            } else if let Some(rest) = w.strip_prefix("k:").or_else(|| w.strip_prefix("K:")) {
                spec.kinds.push(non_empty(rest.to_string(), w)?);
            } else {
                spec.words
                    .extend(fold(w).split(|c: char| !c.is_alphanumeric()).filter(|s| !s.is_empty()).map(String::from));
            }
        }
        Ok(spec)
    }

    /// Whether `text` holds every word (accent-insensitively).
    pub fn text_matches(&self, text: &str) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let folded = fold(text);
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

fn is_marked(w: &str) -> bool {
    w.starts_with(['@', '~', '#', '<']) || w == "!" || w.starts_with("s:") || w.starts_with("k:")
}

fn non_empty(rest: String, word: &str) -> Result<String, FilterError> {
    if rest.is_empty() {
        Err(FilterError::Empty(word.to_string()))
    } else {
        Ok(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_combine() {
        let f = FilterSpec::parse("@nong-dan ~Hoa #Quảng Đức ! <7 s:vuong k:chung quỹ nghèo").unwrap();
        assert_eq!(f.org.as_deref(), Some("nong-dan"));
        assert_eq!(f.person.as_deref(), Some("Hoa"));
        assert_eq!(f.place.as_deref(), Some("Quảng Đức"));
        assert!(f.overdue);
        assert_eq!(f.due_within, Some(7));
        assert_eq!(f.statuses, vec!["vuong"]);
        assert_eq!(f.kinds, vec!["chung"]);
        assert_eq!(f.words, vec!["quy", "ngheo"]);
        assert!(f.text_matches("Vận động Quỹ Vì người nghèo"));
        assert!(!f.text_matches("Vận động Quỹ"));
    }

    #[test]
    fn place_runs_to_the_next_marker_and_bad_parts_are_named() {
        let f = FilterSpec::parse("#thôn 5 xã Quảng Thành @HND").unwrap();
        assert_eq!(f.place.as_deref(), Some("thôn 5 xã Quảng Thành"));
        assert_eq!(f.org.as_deref(), Some("HND"));
        assert_eq!(FilterSpec::parse("<abc"), Err(FilterError::BadDays("<abc".into())));
        assert_eq!(FilterSpec::parse("@"), Err(FilterError::Empty("@".into())));
        assert!(FilterSpec::parse("   ").unwrap().is_empty());
    }
}
