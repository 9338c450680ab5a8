use thiserror::Error;

/// A rule the user's input broke. Each variant has a sentence in the i18n
/// catalogs (`err.<variant>`), so the user reads it in their own language.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DomainError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("the deadline is before the start date")]
    DeadlineBeforeStart,
    #[error("the answer due date is before the raised date")]
    AnswerBeforeRaised,
    #[error("the meeting is closed")]
    MeetingClosed,
    #[error("the end time is before the start time")]
    EndBeforeStart,
    #[error("the meeting number must be positive")]
    BadNumber,
    #[error("the organization code must be 1-12 ASCII letters or digits")]
    BadOrgCode,
    #[error("a target value must be a positive number")]
    BadTargetValue,
    #[error("{key} takes one of: {valid}")]
    BadSetting { key: &'static str, valid: &'static str },
}

impl DomainError {
    /// Key of this error's sentence in the i18n catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            DomainError::Empty { .. } => "err.empty",
            DomainError::TooLong { .. } => "err.too_long",
            DomainError::DeadlineBeforeStart => "err.deadline_before_start",
            DomainError::AnswerBeforeRaised => "err.answer_before_raised",
            DomainError::MeetingClosed => "err.meeting_closed",
            DomainError::EndBeforeStart => "err.end_before_start",
            DomainError::BadNumber => "err.bad_number",
            DomainError::BadOrgCode => "err.bad_org_code",
            DomainError::BadTargetValue => "err.bad_target_value",
            DomainError::BadSetting { .. } => "err.bad_setting",
        }
    }
}
