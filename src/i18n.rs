//! User-facing strings, from the catalogs in assets/i18n.
//!
//! Vietnamese is the default. The language is per thread, so tests of both
//! languages can run side by side; the app sets it once at start.

use crate::domain::DomainError;
pub use crate::text::Lang;
use std::cell::Cell;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Vi) };
}

pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn lang() -> Lang {
    LANG.with(|l| l.get())
}

/// Reads a language name: "vi", "en", "english", "tiếng việt"...
pub fn parse_lang(s: &str) -> Option<Lang> {
    match crate::text::fold(s.trim()).as_str() {
        "vi" | "vi-vn" | "vi_vn" | "vie" | "tieng viet" | "vietnamese" => Some(Lang::Vi),
        "en" | "en-us" | "en_us" | "en-gb" | "eng" | "english" | "tieng anh" => Some(Lang::En),
        _ => None,
    }
}

// The catalogs, flattened and sorted by key at build time (src/build.rs).
include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// A language's strings by key ("err.not_found"), sorted by key.
#[derive(Debug, Clone, Copy)]
pub struct Catalog(&'static [(&'static str, &'static str)]);

impl Catalog {
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.0.iter().map(|(k, _)| *k)
    }
}

pub fn catalog(lang: Lang) -> Catalog {
    match lang {
        Lang::Vi => Catalog(VI),
        Lang::En => Catalog(EN),
    }
}

/// The string for `key` in the current language (falling back to
/// Vietnamese, then to the key itself so a gap is visible, never a crash).
pub fn t(key: &str) -> String {
    catalog(lang())
        .get(key)
        .or_else(|| catalog(Lang::Vi).get(key))
        .map(str::to_string)
        .unwrap_or_else(|| key.to_string())
}

/// `t` with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, String)]) -> String {
    let mut s = t(key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// `tf` for a count `n` (given as the argument "n"): the key's `_one` form
/// when n is 1 and the catalog has one ("1 agenda item", not "items").
pub fn tn(key: &str, n: i64, args: &[(&str, String)]) -> String {
    let one = format!("{key}_one");
    let key = if n == 1 && (catalog(lang()).contains_key(&one)) { one.as_str() } else { key };
    let mut all = vec![("n", n.to_string())];
    all.extend(args.iter().cloned());
    tf(key, &all)
}

/// When a briefing is, or was held: "Thứ Hai, 30/11/2026 08:00"; held on
/// another day than planned, that day with the planned one after it.
pub fn meeting_when(m: &crate::domain::Meeting) -> String {
    use crate::text::{format_date, format_long_date, format_time};
    let at = m.started_at.unwrap_or(m.starts_at);
    let when = format!("{} {}", format_long_date(at.date(), lang()), format_time(at.time()));
    if at.date() == m.starts_at.date() {
        when
    } else {
        format!("{when} ({})", tf("meeting.planned_for", &[("date", format_date(m.starts_at.date()))]))
    }
}

/// "Cuộc họp số 12/2026": how a briefing is named everywhere.
pub fn meeting_label(m: &crate::domain::Meeting) -> String {
    tf("meeting.label", &[("number", m.number.to_string()), ("year", m.year.to_string())])
}

/// A task status in any words the product shows or accepts, in either
/// language, accents optional: the code (`blocked`), the domain's words
/// (`vuong mac`), every label on screen (`Vướng`, `Đang làm`, `Blocked`), or
/// an unambiguous beginning of one of them (`vuong`, `hoan`).
pub fn parse_status(input: &str) -> Option<crate::domain::TaskStatus> {
    use crate::domain::TaskStatus;
    if let Some(s) = TaskStatus::parse_user(input) {
        return Some(s);
    }
    let norm =
        |s: &str| crate::text::fold(s.trim()).replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let typed = norm(input);
    if typed.is_empty() {
        return None;
    }
    let mut words: Vec<(String, TaskStatus)> = Vec::new();
    for status in TaskStatus::ALL {
        words.push((norm(status.code()), *status));
        for lang in [Lang::Vi, Lang::En] {
            for key in [status.label_key(), format!("board.short.{}", status.code())] {
                if let Some(label) = catalog(lang).get(&key) {
                    words.push((norm(label), *status));
                }
            }
        }
    }
    if let Some((_, s)) = words.iter().find(|(w, _)| *w == typed) {
        return Some(*s);
    }
    let mut hits: Vec<TaskStatus> = words.iter().filter(|(w, _)| w.starts_with(&typed)).map(|(_, s)| *s).collect();
    hits.sort();
    hits.dedup();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "Unknown status", listing the valid codes.
pub fn unknown_status(input: &str) -> String {
    let valid = crate::domain::TaskStatus::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ");
    tf("err.bad_status", &[("input", input.to_string()), ("valid", valid)])
}

/// Why a typed name did not pick exactly one person; None if it did.
pub fn person_problem(input: &str, found: &crate::domain::PersonMatch) -> Option<String> {
    use crate::domain::PersonMatch;
    match found {
        PersonMatch::One(_) => None,
        PersonMatch::None => Some(tf("err.unknown_person", &[("input", input.to_string())])),
        PersonMatch::Many(many) => {
            let names = many.iter().map(|p| p.full_name.clone()).collect::<Vec<_>>().join(", ");
            Some(tf("err.ambiguous_person", &[("input", input.to_string()), ("names", names)]))
        }
    }
}

/// The sentence for a broken rule, naming the field in the user's language.
pub fn domain_error(e: &DomainError) -> String {
    match e {
        DomainError::Empty { field } => tf(e.key(), &[("field", t(&format!("field.{field}")))]),
        DomainError::TooLong { field, max } => {
            tf(e.key(), &[("field", t(&format!("field.{field}"))), ("max", crate::text::format_int(*max as i64))])
        }
        DomainError::BadSetting { key, valid } => {
            tf(e.key(), &[("key", key.to_string()), ("valid", valid.to_string())])
        }
        _ => t(e.key()),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn counts_of_one_read_in_the_singular() {
        set_lang(Lang::En);
        assert_eq!(tn("status.agenda_items", 1, &[]), "1 agenda item");
        assert_eq!(tn("status.agenda_items", 5, &[]), "5 agenda items");
        assert_eq!(tn("tui.late", 1, &[]), "1 day late");
        set_lang(Lang::Vi);
        assert_eq!(tn("tui.late", 1, &[]), tf("tui.late", &[("n", "1".into())]));
    }

    #[test]
    fn every_status_word_on_screen_is_understood() {
        use crate::domain::TaskStatus as S;
        for (typed, want) in [
            ("vuong", Some(S::Blocked)),
            ("Vướng", Some(S::Blocked)),
            ("blocked", Some(S::Blocked)),
            ("dang lam", Some(S::InProgress)),
            ("Đang thực hiện", Some(S::InProgress)),
            ("doing", Some(S::InProgress)),
            ("xong", Some(S::Done)),
            ("hoan", Some(S::Done)),
            ("chua", Some(S::NotStarted)),
            ("Đã hủy", Some(S::Cancelled)),
            // Ambiguous beginnings and nonsense are not guessed.
            ("d", None),
            ("dang", Some(S::InProgress)),
            ("h", None),
            ("xyz", None),
            ("", None),
        ] {
            assert_eq!(parse_status(typed), want, "{typed:?}");
        }
    }

    use super::*;

    #[test]
    fn both_catalogs_have_the_same_keys() {
        let vi = catalog(Lang::Vi);
        let en = catalog(Lang::En);
        let mut missing: Vec<_> = vi.keys().filter(|k| !en.contains_key(k)).collect();
        missing.extend(en.keys().filter(|k| !vi.contains_key(k)));
        missing.sort();
        assert!(missing.is_empty(), "keys in one catalog only: {missing:?}");
    }

    #[test]
    fn every_domain_error_and_enum_value_has_a_label() {
        use crate::domain::*;
        for lang in [Lang::Vi, Lang::En] {
            let c = catalog(lang);
            let mut keys: Vec<String> = Vec::new();
            keys.extend(TaskStatus::ALL.iter().map(|s| s.label_key()));
            keys.extend(TaskKind::ALL.iter().map(|s| s.label_key()));
            keys.extend(MeetingKind::ALL.iter().map(|s| s.label_key()));
            keys.extend(MeetingStatus::ALL.iter().map(|s| s.label_key()));
            keys.extend(PendingKind::ALL.iter().map(|s| s.label_key()));
            keys.extend(PendingStatus::ALL.iter().map(|s| s.label_key()));
            keys.extend(OrgKind::ALL.iter().map(|s| s.label_key()));
            keys.extend(crate::store::SearchKind::ALL.iter().map(|s| s.label_key()));
            for k in keys {
                assert!(c.contains_key(&k), "{lang:?} lacks {k}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        set_lang(Lang::En);
        let s = domain_error(&DomainError::TooLong { field: "title", max: 500 });
        assert!(s.contains("500") && s.to_lowercase().contains("title"), "{s}");
        set_lang(Lang::Vi);
        let s = domain_error(&DomainError::Empty { field: "title" });
        assert!(s.contains("Tiêu đề"), "{s}");
    }
}
