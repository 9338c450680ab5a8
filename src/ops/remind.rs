//! The reminder sheet's read model (phiếu đôn đốc): for one organization,
//! its overdue work, its work due within a few days, and the pending items
//! addressed to it that still wait for an answer.

use crate::domain::{Organization, PendingItem, Task};
use crate::store::{Result, Store, TaskFilter};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub org: Organization,
    pub today: NaiveDate,
    pub within: i64,
    /// Deadline passed, not finished; most overdue first.
    pub overdue: Vec<Task>,
    /// Deadline from today to `within` days ahead.
    pub due_soon: Vec<Task>,
    /// Open pending items addressed to the organization, oldest first.
    pub pending: Vec<PendingItem>,
}

impl Reminder {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.due_soon.is_empty() && self.pending.is_empty()
    }

    /// One organization's reminder: its work as `status` counts it (tasks it
    /// leads or coordinates).
    pub fn load(store: &Store, org: &Organization, today: NaiveDate, within: i64) -> Result<Reminder> {
        store.read(|s| {
            let mut overdue =
                s.tasks(&TaskFilter { org_id: Some(org.id), overdue: true, ..Default::default() }, today)?;
            overdue.sort_by_key(|t| (t.deadline, t.id));
            let mut due_soon = s.tasks(
                &TaskFilter { org_id: Some(org.id), due_within: Some(within.max(0)), ..Default::default() },
                today,
            )?;
            due_soon.retain(|t| t.deadline.is_some_and(|d| d >= today));
            due_soon.sort_by_key(|t| (t.deadline, t.id));
            let mut pending: Vec<PendingItem> = s
                .pending_items(Some(org.id), false)?
                .into_iter()
                .filter(|p| p.addressed_org_id == Some(org.id))
                .collect();
            pending.sort_by_key(|p| (p.raised_on, p.id));
            Ok(Reminder { org: org.clone(), today, within, overdue, due_soon, pending })
        })
    }
}
