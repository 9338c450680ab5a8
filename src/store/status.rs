//! Read-only views: the status summary and the carry-over of a briefing.

use super::pending::{pending_columns, pending_from_row};
use super::{conv, Result, Store, TaskFilter};
use crate::domain::{Meeting, PendingItem, Task, TaskKind};
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;
use serde::Serialize;

/// Task counts of one organization's board (tasks it leads).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgCounts {
    pub org_id: i64,
    pub open: i64,
    pub overdue: i64,
    pub blocked: i64,
    pub done_this_week: i64,
}

#[derive(Debug, Clone)]
pub struct StatusReport {
    pub next_meeting: Option<Meeting>,
    pub next_meeting_items: usize,
    pub orgs: Vec<OrgCounts>,
    pub pending_open: i64,
    pub most_overdue: Vec<Task>,
}

/// Monday of the week `d` falls in.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

impl Store {
    /// Per-organization counts over each one's work (`work_of`).
    pub fn org_counts(&self, today: NaiveDate) -> Result<Vec<OrgCounts>> {
        // Each organization's work as `work_of` defines it (leads it, or
        // coordinates it), counted from two index ranges — open tasks, and
        // tasks done since the week began — once for the leads and once for
        // the coordinating organizations (an organization both leading and
        // coordinating a task counts it once), never task by organization.
        let sql = "SELECT org, SUM(open), SUM(late), SUM(blocked), SUM(done) FROM (
                 SELECT lead_org_id AS org, 1 AS open, deadline < ?1 AS late, status = 'blocked' AS blocked, 0 AS done
                   FROM tasks WHERE status IN ('not-started', 'in-progress', 'blocked')
                 UNION ALL
                 SELECT lead_org_id, 0, 0, 0, 1 FROM tasks WHERE status = 'done' AND completed_on >= ?2
                 UNION ALL
                 SELECT x.org_id, 1, t.deadline < ?1, t.status = 'blocked', 0 FROM tasks t JOIN task_orgs x ON x.task_id = t.id
                  WHERE t.status IN ('not-started', 'in-progress', 'blocked') AND x.org_id <> t.lead_org_id
                 UNION ALL
                 SELECT x.org_id, 0, 0, 0, 1 FROM tasks t JOIN task_orgs x ON x.task_id = t.id
                  WHERE t.status = 'done' AND t.completed_on >= ?2 AND x.org_id <> t.lead_org_id
             ) GROUP BY org";
        let mut stmt = self.conn().prepare_cached(sql)?;
        let counted: std::collections::HashMap<i64, OrgCounts> = stmt
            .query_map(params![conv::date(today), conv::date(week_start(today))], |r| {
                let n = |i: usize| -> rusqlite::Result<i64> { Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0)) };
                let org_id: i64 = r.get(0)?;
                Ok((org_id, OrgCounts { org_id, open: n(1)?, overdue: n(2)?, blocked: n(3)?, done_this_week: n(4)? }))
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut orgs =
            self.conn().prepare_cached("SELECT id FROM organizations ORDER BY active DESC, sort_order, id")?;
        let ids = orgs.query_map([], |r| r.get::<_, i64>(0))?.collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(ids
            .into_iter()
            .map(|org_id| {
                counted.get(&org_id).cloned().unwrap_or(OrgCounts {
                    org_id,
                    open: 0,
                    overdue: 0,
                    blocked: 0,
                    done_this_week: 0,
                })
            })
            .collect())
    }

    /// What `giaoban status` prints, optionally limited to one organization:
    /// the read model of the bloc's (or one organization's) status, read as
    /// of one moment.
    pub fn status_report(&self, today: NaiveDate, org_id: Option<i64>) -> Result<StatusReport> {
        self.read(|s| s.status_report_now(today, org_id))
    }

    fn status_report_now(&self, today: NaiveDate, org_id: Option<i64>) -> Result<StatusReport> {
        let next_meeting = self.next_meeting(today)?;
        let next_meeting_items = match &next_meeting {
            Some(m) => self.agenda(m.id)?.len(),
            None => 0,
        };
        let orgs = self.org_counts(today)?.into_iter().filter(|c| org_id.is_none_or(|o| o == c.org_id)).collect();
        let pending_open: i64 = self.row(
            "SELECT COUNT(*) FROM pending_items WHERE status = 'open'
               AND (?1 IS NULL OR raised_by_org_id = ?1 OR addressed_org_id = ?1)",
            [org_id],
            |r| r.get(0),
        )?;
        let mut most_overdue = self.tasks(&TaskFilter { overdue: true, org_id, ..Default::default() }, today)?;
        most_overdue.truncate(5);
        Ok(StatusReport { next_meeting, next_meeting_items, orgs, pending_open, most_overdue })
    }

    /// What a briefing reviews first: open tasks decided at earlier
    /// briefings, and open pending items raised before it.
    pub fn carried_over(&self, meeting: &Meeting, today: NaiveDate) -> Result<(Vec<Task>, Vec<PendingItem>)> {
        let earlier: Vec<i64> = self
            .conn()
            .prepare_cached("SELECT id FROM meetings WHERE starts_at < ?1")?
            .query_map([conv::datetime(meeting.starts_at)], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let tasks: Vec<Task> = if earlier.is_empty() {
            Vec::new()
        } else {
            let ids: Vec<i64> = {
                let mut stmt = self.conn().prepare_cached(
                    "SELECT t.id FROM tasks t JOIN meetings m ON m.id = t.meeting_id
                     WHERE t.kind = ?1 AND t.status IN ('not-started', 'in-progress', 'blocked') AND m.starts_at < ?2",
                )?;
                let rows = stmt
                    .query_map(params![TaskKind::Conclusion.code(), conv::datetime(meeting.starts_at)], |r| r.get(0))?;
                rows.collect::<std::result::Result<_, _>>()?
            };
            self.tasks(&TaskFilter { ids: Some(ids), ..Default::default() }, today)?
        };
        let sql = format!(
            "SELECT {} FROM pending_items p LEFT JOIN meetings m ON m.id = p.meeting_id
             WHERE p.status = 'open' AND (
                 (p.meeting_id IS NOT NULL AND m.starts_at < ?1)
                 OR (p.meeting_id IS NULL AND p.raised_on < ?2))
             ORDER BY p.raised_on, p.id",
            pending_columns("p")
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let pending = stmt
            .query_map(
                params![conv::datetime(meeting.starts_at), conv::date(meeting.starts_at.date())],
                pending_from_row,
            )?
            .collect::<std::result::Result<_, _>>()?;
        Ok((tasks, pending))
    }
}

/// Open and overdue counts of one board: the common tasks (`org_id` None)
/// or an organization's work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardCounts {
    pub org_id: Option<i64>,
    pub open: i64,
    pub overdue: i64,
}

impl Store {
    pub fn board_counts(&self, today: NaiveDate) -> Result<Vec<BoardCounts>> {
        let mut out: Vec<BoardCounts> = self
            .org_counts(today)?
            .into_iter()
            .map(|c| BoardCounts { org_id: Some(c.org_id), open: c.open, overdue: c.overdue })
            .collect();
        let (open, overdue) = self.row(
            "SELECT COUNT(*), SUM(deadline < ?1) FROM tasks
             WHERE kind = 'common' AND status IN ('not-started', 'in-progress', 'blocked')",
            [conv::date(today)],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0))),
        )?;
        out.insert(0, BoardCounts { org_id: None, open, overdue });
        Ok(out)
    }
}
