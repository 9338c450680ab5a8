use super::{check_line, check_text, coded_enum, DomainError};
use chrono::NaiveDate;
use serde::Serialize;

coded_enum!(
    /// What kind of unresolved matter is carried from briefing to briefing.
    PendingKind {
        Obstacle = "obstacle" ["kho khan", "vuong mac", "kho khan vuong mac"],
        Proposal = "proposal" ["de xuat", "kien nghi", "de xuat kien nghi"],
        VoterPetition = "petition" ["kien nghi cu tri", "cu tri"],
        Question = "question" ["cau hoi", "hoi co quan", "chat van"],
    }
);

coded_enum!(
    PendingStatus {
        Open = "open" ["dang cho", "chua giai quyet", "mo"],
        Answered = "answered" ["da tra loi", "tra loi"],
        Closed = "closed" ["da dong", "dong", "da giai quyet"],
    }
);

/// An obstacle, proposal or petition, open until it is answered or closed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PendingItem {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub kind: PendingKind,
    pub text: String,
    pub raised_by_org_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub addressed_org_id: Option<i64>,
    /// An outside authority, when not a bloc organization ("UBND xã").
    pub addressed_to: String,
    pub raised_on: NaiveDate,
    pub answer_due: Option<NaiveDate>,
    pub status: PendingStatus,
    pub answer: String,
    pub answered_on: Option<NaiveDate>,
}

impl PendingItem {
    pub fn new(kind: PendingKind, text: &str, raised_on: NaiveDate) -> Self {
        PendingItem {
            id: 0,
            version: 1,
            kind,
            text: text.to_string(),
            raised_by_org_id: None,
            meeting_id: None,
            addressed_org_id: None,
            addressed_to: String::new(),
            raised_on,
            answer_due: None,
            status: PendingStatus::Open,
            answer: String::new(),
            answered_on: None,
        }
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        self.text = check_text("text", &self.text)?;
        if self.text.is_empty() {
            return Err(DomainError::Empty { field: "text" });
        }
        self.addressed_to = check_line("addressed_to", &self.addressed_to, false)?;
        self.answer = check_text("answer", &self.answer)?;
        if self.answer_due.is_some_and(|due| due < self.raised_on) {
            return Err(DomainError::AnswerBeforeRaised);
        }
        Ok(self)
    }

    pub fn is_open(&self) -> bool {
        self.status == PendingStatus::Open
    }

    pub fn days_open(&self, today: NaiveDate) -> i64 {
        (today - self.raised_on).num_days().max(0)
    }

    /// Records the answer; an answered item leaves the carry-over.
    pub fn answer_with(&mut self, answer: &str, on: NaiveDate) {
        self.answer = answer.to_string();
        self.answered_on = Some(on);
        self.status = PendingStatus::Answered;
    }

    pub fn answer_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.answer_due.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answering_closes_the_carry_over() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let mut p = PendingItem::new(PendingKind::VoterPetition, "Sửa đường liên thôn", d(2));
        p.answer_due = Some(d(20));
        assert!(p.is_open());
        assert!(p.answer_overdue(d(23)));
        assert_eq!(p.days_open(d(23)), 21);
        p.answer_with("UBND xã đã bố trí kinh phí", d(23));
        assert!(!p.is_open());
        assert!(!p.answer_overdue(d(23)));
    }

    #[test]
    fn empty_text_and_due_before_raised_are_refused() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        assert_eq!(
            PendingItem::new(PendingKind::Obstacle, "  ", d(2)).validated(),
            Err(DomainError::Empty { field: "text" })
        );
        let mut p = PendingItem::new(PendingKind::Obstacle, "Thiếu kinh phí", d(10));
        p.answer_due = Some(d(9));
        assert_eq!(p.validated(), Err(DomainError::AnswerBeforeRaised));
    }
}
