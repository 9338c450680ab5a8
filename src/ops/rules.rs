//! Domain rules that need more than one record: applied here once, for
//! every face.

use crate::domain::TaskKind;
use chrono::NaiveDate;

/// The kind of a new task: a conclusion when it was decided at a briefing,
/// common when it goes on the common board, the organization's own else.
pub fn task_kind(from_meeting: bool, common_board: bool) -> TaskKind {
    if from_meeting {
        TaskKind::Conclusion
    } else if common_board {
        TaskKind::Common
    } else {
        TaskKind::Specific
    }
}

/// A new task starts today, or on its deadline when that is earlier.
pub fn default_start(today: NaiveDate, deadline: Option<NaiveDate>) -> NaiveDate {
    deadline.map_or(today, |d| d.min(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_follows_where_a_task_is_decided() {
        assert_eq!(task_kind(true, true), TaskKind::Conclusion);
        assert_eq!(task_kind(false, true), TaskKind::Common);
        assert_eq!(task_kind(false, false), TaskKind::Specific);
    }

    #[test]
    fn start_is_never_after_the_deadline() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert_eq!(default_start(d(10), None), d(10));
        assert_eq!(default_start(d(10), Some(d(20))), d(10));
        assert_eq!(default_start(d(10), Some(d(5))), d(5));
    }
}
