//! Plain types of the bloc's coordination work and the rules that govern them.
//! Nothing here touches the disk, the clock or the terminal.

mod error;
pub mod filter;
mod meeting;
mod org;
mod pending;
mod task;

pub use error::DomainError;
pub use filter::{FilterError, FilterSpec};
pub use meeting::{AgendaItem, Attendance, Meeting, MeetingKind, MeetingStatus};
pub use org::{resolve_org, resolve_person, MatchQuality, OrgKind, Organization, Person, PersonMatch, Settings};
pub use pending::{PendingItem, PendingKind, PendingStatus};
pub use task::{Target, TargetActual, Task, TaskKind, TaskNote, TaskSource, TaskStatus};

/// Longest single-line text accepted (titles, names, places).
pub const MAX_LINE: usize = 500;
/// Longest multi-line text accepted (descriptions, notes, answers).
pub const MAX_TEXT: usize = 20_000;

/// Declares an enum stored and exchanged by a stable ASCII code, with the
/// Vietnamese and English words a user may type for each value.
macro_rules! coded_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal [$($word:literal),*]),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable code used in the database, JSON and on the command line.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Accepts the code or any listed word, case- and accent-insensitively.
            pub fn parse_user(input: &str) -> Option<Self> {
                let folded = crate::text::fold(input.trim()).replace(['_', ' '], "-");
                $(
                    if folded == $code || [$($word),*].iter().any(|w| crate::text::fold(w).replace(' ', "-") == folded) {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// Key of the value's label in the i18n catalogs.
            pub fn label_key(self) -> String {
                format!("{}.{}", stringify!($name), self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}
pub(crate) use coded_enum;

/// Checks a single-line text field: cleaned, non-empty when required, bounded.
pub fn check_line(field: &'static str, value: &str, required: bool) -> Result<String, DomainError> {
    let cleaned = crate::text::clean_line(value);
    if required && cleaned.is_empty() {
        return Err(DomainError::Empty { field });
    }
    if cleaned.chars().count() > MAX_LINE {
        return Err(DomainError::TooLong { field, max: MAX_LINE });
    }
    Ok(cleaned)
}

/// Checks a multi-line text field.
pub fn check_text(field: &'static str, value: &str) -> Result<String, DomainError> {
    let cleaned = crate::text::clean_text(value);
    if cleaned.chars().count() > MAX_TEXT {
        return Err(DomainError::TooLong { field, max: MAX_TEXT });
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_accept_codes_and_vietnamese_words() {
        assert_eq!(TaskStatus::parse_user("in-progress"), Some(TaskStatus::InProgress));
        assert_eq!(TaskStatus::parse_user("Đang thực hiện"), Some(TaskStatus::InProgress));
        assert_eq!(TaskStatus::parse_user("hoan thanh"), Some(TaskStatus::Done));
        assert_eq!(TaskStatus::parse_user("vuong mac"), Some(TaskStatus::Blocked));
        assert_eq!(TaskStatus::parse_user("finished?"), None);
        for s in TaskStatus::ALL {
            assert_eq!(TaskStatus::from_code(s.code()), Some(*s));
        }
    }

    #[test]
    fn line_fields_are_cleaned_and_bounded() {
        assert_eq!(check_line("title", "  Họp\u{1b}[31m  giao ban\n", true).unwrap(), "Họp giao ban");
        assert_eq!(check_line("title", " \t ", true), Err(DomainError::Empty { field: "title" }));
        let long = "a".repeat(10_000);
        assert_eq!(check_line("title", &long, true), Err(DomainError::TooLong { field: "title", max: MAX_LINE }));
    }
}
