use super::{check_line, check_text, coded_enum, DomainError};
use chrono::NaiveDate;
use serde::Serialize;

coded_enum!(
    /// Where a task comes from (nhiệm vụ chung / riêng / ngành dọc / kết luận).
    TaskKind {
        Common = "common" ["chung", "nhiem vu chung", "viec chung"],
        Specific = "specific" ["rieng", "nhiem vu rieng"],
        Superior = "superior" ["nganh doc", "cap tren"],
        Conclusion = "conclusion" ["ket luan", "tu ket luan"],
    }
);

coded_enum!(
    TaskStatus {
        NotStarted = "not-started" ["chua bat dau", "chua trien khai", "chua thuc hien", "moi"],
        InProgress = "in-progress" ["dang thuc hien", "dang lam", "dang trien khai", "qua han"],
        Blocked = "blocked" ["vuong mac", "bi vuong", "kho khan"],
        Done = "done" ["hoan thanh", "da hoan thanh", "xong", "da xong"],
        Cancelled = "cancelled" ["huy", "da huy", "canceled"],
    }
);

impl TaskStatus {
    /// Done and cancelled tasks are finished: they are never overdue or carried over.
    pub fn is_finished(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Cancelled)
    }
}

/// Where a task was decided: a document, or a briefing's agenda item.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TaskSource {
    /// Document number, e.g. "15-KH/MTTQ".
    pub doc_number: String,
    pub doc_date: Option<NaiveDate>,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
}

/// A task on an organization's board: "rõ người, rõ việc, rõ địa chỉ".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub title: String,
    pub description: String,
    pub kind: TaskKind,
    pub lead_org_id: i64,
    /// Coordinating organizations (phối hợp).
    pub with_org_ids: Vec<i64>,
    pub person_ids: Vec<i64>,
    /// Địa bàn: commune, village.
    pub place: String,
    pub source: TaskSource,
    pub start_date: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub status: TaskStatus,
    pub completed_on: Option<NaiveDate>,
}

impl Task {
    pub fn new(title: &str, lead_org_id: i64, kind: TaskKind) -> Self {
        Task {
            id: 0,
            version: 1,
            title: title.to_string(),
            description: String::new(),
            kind,
            lead_org_id,
            with_org_ids: Vec::new(),
            person_ids: Vec::new(),
            place: String::new(),
            source: TaskSource::default(),
            start_date: None,
            deadline: None,
            status: TaskStatus::NotStarted,
            completed_on: None,
        }
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        self.title = check_line("title", &self.title, true)?;
        self.description = check_text("description", &self.description)?;
        self.place = check_line("place", &self.place, false)?;
        self.source.doc_number = check_line("doc_number", &self.source.doc_number, false)?;
        if let (Some(start), Some(deadline)) = (self.start_date, self.deadline) {
            if deadline < start {
                return Err(DomainError::DeadlineBeforeStart);
            }
        }
        self.with_org_ids.retain(|id| *id != self.lead_org_id);
        self.with_org_ids.sort_unstable();
        self.with_org_ids.dedup();
        self.person_ids.sort_unstable();
        self.person_ids.dedup();
        Ok(self)
    }

    /// Overdue: the deadline has passed and the task is neither done nor cancelled.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.is_finished() && self.deadline.is_some_and(|d| d < today)
    }

    /// Days past the deadline, for overdue tasks.
    pub fn days_late(&self, today: NaiveDate) -> Option<i64> {
        self.is_overdue(today).then(|| (today - self.deadline.unwrap_or(today)).num_days())
    }

    /// Moves the task to `status`: finishing as done records today as the
    /// completion date; any other status clears it.
    pub fn set_status(&mut self, status: TaskStatus, today: NaiveDate) {
        if status == TaskStatus::Done {
            if self.status != TaskStatus::Done || self.completed_on.is_none() {
                self.completed_on = Some(today);
            }
        } else {
            self.completed_on = None;
        }
        self.status = status;
    }

    /// Finished after its deadline ("hoàn thành quá hạn").
    pub fn done_late(&self) -> bool {
        matches!((self.status, self.completed_on, self.deadline), (TaskStatus::Done, Some(c), Some(d)) if c > d)
    }
}

/// A dated progress note on a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskNote {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub task_id: i64,
    pub noted_on: NaiveDate,
    pub text: String,
}

/// A numeric target on a task (chỉ tiêu): 27 houses, 1,5 tỷ đồng.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub task_id: i64,
    pub indicator: String,
    /// đồng, nhà, mô hình, cuộc, lượt, hộ, %
    pub unit: String,
    pub target_value: f64,
    pub actuals: Vec<TargetActual>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetActual {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub target_id: i64,
    pub recorded_on: NaiveDate,
    /// Cumulative value reached on that date.
    pub value: f64,
}

impl Target {
    pub fn validated(mut self) -> Result<Self, DomainError> {
        self.indicator = check_line("indicator", &self.indicator, true)?;
        self.unit = check_line("unit", &self.unit, false)?;
        if !(self.target_value.is_finite() && self.target_value > 0.0) {
            return Err(DomainError::BadTargetValue);
        }
        Ok(self)
    }

    /// The latest recorded value (actuals are cumulative).
    pub fn actual(&self) -> f64 {
        self.actuals.iter().max_by_key(|a| (a.recorded_on, a.id)).map(|a| a.value).unwrap_or(0.0)
    }

    /// Achieved share of the target, in percent.
    pub fn achieved_percent(&self) -> f64 {
        if self.target_value > 0.0 {
            self.actual() / self.target_value * 100.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn overdue_means_deadline_passed_and_not_finished() {
        let today = d(2026, 11, 23);
        let mut t = Task::new("Vận động quỹ", 1, TaskKind::Common);
        assert!(!t.is_overdue(today));
        t.deadline = Some(d(2026, 11, 20));
        assert!(t.is_overdue(today));
        assert_eq!(t.days_late(today), Some(3));
        t.deadline = Some(today);
        assert!(!t.is_overdue(today), "due today is not late yet");
        t.deadline = Some(d(2026, 11, 1));
        t.set_status(TaskStatus::Cancelled, today);
        assert!(!t.is_overdue(today));
    }

    #[test]
    fn done_records_completion_and_reopening_clears_it() {
        let today = d(2026, 11, 23);
        let mut t = Task::new("Xây nhà Đại đoàn kết", 1, TaskKind::Specific);
        t.deadline = Some(d(2026, 11, 20));
        t.set_status(TaskStatus::Done, today);
        assert_eq!(t.completed_on, Some(today));
        assert!(t.done_late());
        t.set_status(TaskStatus::InProgress, today);
        assert_eq!(t.completed_on, None);
    }

    #[test]
    fn deadline_before_start_is_refused() {
        let mut t = Task::new("Giám sát", 1, TaskKind::Common);
        t.start_date = Some(d(2026, 12, 1));
        t.deadline = Some(d(2026, 11, 30));
        assert_eq!(t.validated(), Err(DomainError::DeadlineBeforeStart));
    }

    #[test]
    fn lead_is_not_also_coordinating() {
        let mut t = Task::new("Hội nghị cử tri", 1, TaskKind::Common);
        t.with_org_ids = vec![3, 1, 2, 3];
        assert_eq!(t.validated().unwrap().with_org_ids, vec![2, 3]);
    }

    #[test]
    fn target_percent_uses_latest_actual() {
        let mut tg = Target {
            id: 1,
            task_id: 1,
            indicator: "Nhà Đại đoàn kết".into(),
            unit: "nhà".into(),
            target_value: 27.0,
            actuals: vec![],
            version: 1,
        };
        assert_eq!(tg.achieved_percent(), 0.0);
        tg.actuals.push(TargetActual { id: 1, target_id: 1, recorded_on: d(2026, 10, 1), value: 9.0, version: 1 });
        tg.actuals.push(TargetActual { id: 2, target_id: 1, recorded_on: d(2026, 11, 1), value: 18.0, version: 1 });
        assert!((tg.achieved_percent() - 66.666).abs() < 0.01);
        tg.target_value = 0.0;
        assert_eq!(tg.validated(), Err(DomainError::BadTargetValue));
    }
}
