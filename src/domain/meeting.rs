use super::{check_line, check_text, coded_enum, DomainError};
use chrono::{Datelike, Duration, NaiveDateTime};
use serde::Serialize;

coded_enum!(
    /// How often, or why, a briefing is held.
    MeetingKind {
        Weekly = "weekly" ["tuan", "hang tuan", "giao ban tuan"],
        Monthly = "monthly" ["thang", "hang thang", "giao ban thang"],
        Extraordinary = "extraordinary" ["dot xuat", "bat thuong"],
    }
);

coded_enum!(
    MeetingStatus {
        Planned = "planned" ["du kien", "ke hoach", "chua hop"],
        InProgress = "in-progress" ["dang hop"],
        Closed = "closed" ["da ket thuc", "ket thuc", "da hop"],
    }
);

/// One coordination briefing (cuộc họp giao ban).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub year: i32,
    /// Number within its year: "Giao ban số 12/2026".
    pub number: i64,
    pub kind: MeetingKind,
    /// When it is scheduled; the next regular briefing follows from this.
    pub starts_at: NaiveDateTime,
    /// When it actually began (recorded by "start the briefing").
    pub started_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub place: String,
    pub chair_id: Option<i64>,
    pub secretary_id: Option<i64>,
    pub status: MeetingStatus,
    pub notes: String,
}

impl Meeting {
    pub fn new(number: i64, kind: MeetingKind, starts_at: NaiveDateTime, place: &str) -> Self {
        Meeting {
            id: 0,
            version: 1,
            year: starts_at.year(),
            number,
            kind,
            starts_at,
            started_at: None,
            ends_at: None,
            place: place.to_string(),
            chair_id: None,
            secretary_id: None,
            status: MeetingStatus::Planned,
            notes: String::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        if self.number <= 0 {
            return Err(DomainError::BadNumber);
        }
        self.year = self.starts_at.year();
        self.place = check_line("place", &self.place, false)?;
        self.notes = check_text("notes", &self.notes)?;
        // The end is compared with the actual start: a briefing may be held
        // earlier than scheduled.
        if let (Some(end), Some(start)) = (self.ends_at, self.started_at) {
            if end < start {
                return Err(DomainError::EndBeforeStart);
            }
        }
        Ok(self)
    }

    pub fn is_closed(&self) -> bool {
        self.status == MeetingStatus::Closed
    }

    /// A closed meeting keeps its record; only its notes may still change.
    pub fn check_edit(&self, updated: &Meeting) -> Result<(), DomainError> {
        if !self.is_closed() {
            return Ok(());
        }
        let mut same = updated.clone();
        same.notes = self.notes.clone();
        if same != *self {
            return Err(DomainError::MeetingClosed);
        }
        Ok(())
    }

    /// When the next regular briefing after this one falls: one period
    /// later, at this one's time rounded down to the quarter hour (the
    /// recorded start is the actual one, often a few minutes late).
    pub fn next_start(&self) -> NaiveDateTime {
        use chrono::Timelike;
        let t = self.starts_at.time();
        let time = chrono::NaiveTime::from_hms_opt(t.hour(), t.minute() / 15 * 15, 0).unwrap_or(t);
        let start = self.starts_at.date().and_time(time);
        match self.kind {
            MeetingKind::Monthly => {
                let d = self.starts_at.date();
                let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
                let day = d.day().min(28);
                chrono::NaiveDate::from_ymd_opt(y, m, day)
                    .map(|nd| nd.and_time(time))
                    .unwrap_or(start + Duration::days(30))
            }
            _ => start + Duration::days(7),
        }
    }
}

/// Whether an organization attended a briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub meeting_id: i64,
    pub org_id: i64,
    pub present: bool,
    pub reason: String,
    /// Who attended for the organization (names, free text).
    pub attendees: String,
}

/// One item on a briefing's agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub title: String,
    /// Organization that presents the item.
    pub org_id: Option<i64>,
    pub planned_minutes: Option<i64>,
    pub notes: String,
    pub outcome: String,
    /// Standing items are copied into the next briefing.
    pub standing: bool,
}

impl AgendaItem {
    pub fn new(meeting_id: i64, title: &str, org_id: Option<i64>, planned_minutes: Option<i64>) -> Self {
        AgendaItem {
            id: 0,
            version: 1,
            meeting_id,
            position: 0,
            title: title.to_string(),
            org_id,
            planned_minutes,
            notes: String::new(),
            outcome: String::new(),
            standing: false,
        }
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        self.title = check_line("title", &self.title, true)?;
        self.notes = check_text("notes", &self.notes)?;
        self.outcome = check_text("outcome", &self.outcome)?;
        if let Some(m) = self.planned_minutes {
            if !(0..=24 * 60).contains(&m) {
                return Err(DomainError::BadNumber);
            }
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(8, 0, 0).unwrap()
    }

    #[test]
    fn closed_meeting_only_accepts_note_changes() {
        let mut m = Meeting::new(3, MeetingKind::Weekly, at(2026, 11, 16), "Hội trường");
        m.status = MeetingStatus::Closed;
        let mut notes_only = m.clone();
        notes_only.notes = "Bổ sung".into();
        assert!(m.check_edit(&notes_only).is_ok());
        let mut moved = m.clone();
        moved.place = "Phòng họp 2".into();
        assert_eq!(m.check_edit(&moved), Err(DomainError::MeetingClosed));
    }

    #[test]
    fn next_briefing_follows_the_kind() {
        let w = Meeting::new(1, MeetingKind::Weekly, at(2026, 11, 23), "");
        assert_eq!(w.next_start(), at(2026, 11, 30));
        let m = Meeting::new(1, MeetingKind::Monthly, at(2026, 12, 15), "");
        assert_eq!(m.next_start(), at(2027, 1, 15));
    }

    #[test]
    fn end_before_start_is_refused() {
        let mut m = Meeting::new(1, MeetingKind::Weekly, at(2026, 11, 23), "");
        m.started_at = Some(at(2026, 11, 23));
        m.ends_at = Some(at(2026, 11, 22));
        assert_eq!(m.validated(), Err(DomainError::EndBeforeStart));
        // Held earlier than scheduled is fine.
        let mut early = Meeting::new(1, MeetingKind::Weekly, at(2026, 11, 23), "");
        early.started_at = Some(at(2026, 11, 20));
        early.ends_at = Some(at(2026, 11, 20));
        assert!(early.validated().is_ok());
    }
}
