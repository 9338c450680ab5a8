//! What the period report reads: every task that was open at some point of
//! the period or completed in it, the targets of those tasks with their
//! value at the period's end, and the pending items addressed to each
//! organization — each in one query.

use super::conv::day_at;
use super::{Result, Store};
use chrono::NaiveDate;

/// One task's facts for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodTask {
    pub id: i64,
    pub title: String,
    pub lead_org_id: i64,
    pub with_org_ids: Vec<i64>,
    pub deadline: Option<NaiveDate>,
    /// Only when completed on or before the period's end.
    pub completed_on: Option<NaiveDate>,
    /// Marked as held up (vướng mắc) now.
    pub blocked: bool,
}

/// A target of a reported task, with the latest value on or before the end.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodTarget {
    pub task_id: i64,
    pub indicator: String,
    pub unit: String,
    pub target: f64,
    pub actual: f64,
}

/// Pending items addressed to one organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeriodPending {
    pub org_id: i64,
    pub raised: u32,
    pub answered: u32,
    pub open: u32,
}

/// The tasks in the report over ?1..?2 judged on ?3: completed in the
/// period, or begun by ?3 and not completed by then; cancelled ones left
/// out. Each row: id, lead, deadline, the completion day if on or before
/// ?3, held up now. Three ranges of one index that holds every column
/// read (`tasks_dates`), so that ten years of finished work are not read
/// for this month's report, and counting the period reads no task row.
const PERIOD_ROWS: &str = "
      SELECT id, lead_org_id, deadline, CASE WHEN completed_on <= ?3 THEN completed_on END AS done, 0 AS blocked
        FROM tasks WHERE status = 'done' AND completed_on BETWEEN ?1 AND ?2
      UNION ALL
      SELECT id, lead_org_id, deadline, NULL, status = 'blocked' FROM tasks
       WHERE status IN ('not-started', 'in-progress', 'blocked')
         AND COALESCE(start_date, substr(created_at, 1, 10)) <= ?3
      UNION ALL
      SELECT id, lead_org_id, deadline, NULL, 0 FROM tasks
       WHERE status = 'done' AND completed_on > ?3 AND completed_on NOT BETWEEN ?1 AND ?2
         AND COALESCE(start_date, substr(created_at, 1, 10)) <= ?3";

/// The targets of the period's tasks: the tasks first (`CROSS JOIN` keeps
/// SQLite from reading every target on file and looking each task up).
fn period_targets_sql() -> String {
    format!(
        "SELECT g.task_id, g.indicator, g.unit, g.target_value,
                COALESCE((SELECT a.value FROM target_actuals a
                           WHERE a.target_id = g.id AND a.recorded_on <= ?3
                           ORDER BY a.recorded_on DESC, a.id DESC LIMIT 1), 0)
           FROM ({PERIOD_ROWS}) p CROSS JOIN targets g ON g.task_id = p.id ORDER BY g.task_id, g.id"
    )
}

/// A row of [`PERIOD_ROWS`] (its first five columns), without title or partners.
fn period_row(r: &rusqlite::Row) -> rusqlite::Result<PeriodTask> {
    Ok(PeriodTask {
        id: r.get(0)?,
        title: String::new(),
        lead_org_id: r.get(1)?,
        with_org_ids: Vec::new(),
        deadline: day_at(r, 2)?,
        completed_on: day_at(r, 3)?,
        blocked: r.get(4)?,
    })
}

impl Store {
    /// Tasks completed between `from` and `to`, and tasks begun by `until`
    /// and not completed by then (cancelled ones are left out).
    pub fn period_tasks(&self, from: NaiveDate, to: NaiveDate, until: NaiveDate) -> Result<Vec<PeriodTask>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT p.id, p.lead_org_id, p.deadline, p.done, p.blocked, t.title,
                    (SELECT group_concat(org_id) FROM task_orgs o WHERE o.task_id = p.id)
               FROM ({PERIOD_ROWS}) p JOIN tasks t ON t.id = p.id ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([from.to_string(), to.to_string(), until.to_string()], |r| {
            let with: Option<String> = r.get(6)?;
            Ok(PeriodTask {
                title: r.get(5)?,
                with_org_ids: with.unwrap_or_default().split(',').filter_map(|s| s.parse().ok()).collect(),
                ..period_row(r)?
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The same tasks as [`Store::period_tasks`] without their titles and
    /// partners: what counting them needs, read from the index alone.
    pub fn period_task_facts(&self, from: NaiveDate, to: NaiveDate, until: NaiveDate) -> Result<Vec<PeriodTask>> {
        let mut stmt = self.conn().prepare_cached(&format!("SELECT * FROM ({PERIOD_ROWS}) ORDER BY 1"))?;
        let rows = stmt.query_map([from.to_string(), to.to_string(), until.to_string()], period_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The targets of the tasks in the report over `from`..`to` judged on
    /// `until` (those [`Store::period_tasks`] returns), each with its latest
    /// value on or before `until` (zero when none was recorded yet): the
    /// period's tasks read from their index, then one index step per task.
    pub fn period_targets(&self, from: NaiveDate, to: NaiveDate, until: NaiveDate) -> Result<Vec<PeriodTarget>> {
        let mut stmt = self.conn().prepare_cached(&period_targets_sql())?;
        let rows = stmt.query_map([from.to_string(), to.to_string(), until.to_string()], |r| {
            Ok(PeriodTarget {
                task_id: r.get(0)?,
                indicator: r.get(1)?,
                unit: r.get(2)?,
                target: r.get(3)?,
                actual: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Per organization: pending items addressed to it raised in the
    /// period, answered or closed in it, and open at `until`.
    pub fn period_pending(&self, from: NaiveDate, to: NaiveDate, until: NaiveDate) -> Result<Vec<PeriodPending>> {
        let mut stmt = self.conn().prepare_cached(
            // Each count read by its own index: raised in the period (by
            // status and day), answered in it, open at the end (open now,
            // or answered after it).
            "SELECT org, SUM(raised), SUM(answered), SUM(open) FROM (
                 SELECT addressed_org_id AS org, 1 AS raised, 0 AS answered, 0 AS open FROM pending_items
                  WHERE status IN ('open', 'answered', 'closed') AND raised_on BETWEEN ?1 AND ?2
                 UNION ALL
                 SELECT addressed_org_id, 0, 1, 0 FROM pending_items
                  WHERE answered_on BETWEEN ?1 AND ?2 AND status <> 'open'
                 UNION ALL
                 SELECT addressed_org_id, 0, 0, 1 FROM pending_items WHERE status = 'open' AND raised_on <= ?3
                 UNION ALL
                 SELECT addressed_org_id, 0, 0, 1 FROM pending_items
                  WHERE answered_on > ?3 AND status <> 'open' AND raised_on <= ?3
             ) WHERE org IS NOT NULL GROUP BY org",
        )?;
        let rows = stmt.query_map([from.to_string(), to.to_string(), until.to_string()], |r| {
            Ok(PeriodPending { org_id: r.get(0)?, raised: r.get(1)?, answered: r.get(2)?, open: r.get(3)? })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl Store {
    /// The oldest open pending item addressed to each organization.
    pub fn oldest_open_pending(&self) -> Result<Vec<crate::domain::PendingItem>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {} FROM pending_items p
              WHERE p.status = 'open' AND p.addressed_org_id IS NOT NULL
                AND p.id = (SELECT q.id FROM pending_items q
                             WHERE q.status = 'open' AND q.addressed_org_id = p.addressed_org_id
                             ORDER BY q.raised_on, q.id LIMIT 1)",
            super::pending::pending_columns("p")
        ))?;
        let rows = stmt.query_map([], super::pending::pending_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl Store {
    /// What SQLite does for each query of the period report and the weekly
    /// trend (EXPLAIN QUERY PLAN), so that a check can see they look tasks
    /// up by an index instead of reading them all.
    pub fn report_query_plans(&self) -> Result<Vec<(String, Vec<String>)>> {
        let queries = [
            ("period tasks", format!("SELECT p.id, t.title FROM ({PERIOD_ROWS}) p JOIN tasks t ON t.id = p.id")),
            ("period counts", format!("SELECT * FROM ({PERIOD_ROWS})")),
            ("period targets", period_targets_sql()),
            ("weeks, days", super::daily::DAYS_FROM.to_string()),
            ("weeks, open with a deadline", super::daily::OPEN_WITH_DEADLINE.to_string()),
        ];
        queries.into_iter().map(|(name, sql)| Ok((name.to_string(), self.query_plan(&sql)?))).collect()
    }
}
