//! The bloc's work by day (`task_days`), kept by triggers on `tasks`: how
//! many tasks were completed each day, and how the count of overdue tasks
//! changes each day. The weekly trend of the overview reads the days of its
//! weeks from it instead of the tasks of those weeks.
//!
//! A task is overdue on day D when it has a deadline before D, was begun
//! (its start day, or the day it was created) on or before D, is not
//! cancelled and was not completed by D. So it is overdue from
//! `s = max(deadline + 1 day, begun)` up to the day before its completion:
//! it adds one to `late` on day `s` and, once completed after `s`, takes
//! one off on its completion day. The tasks overdue on D are the sum of
//! `late` over the days up to D, which is the open tasks with a deadline
//! less the sum over the days after D: what is read stays the weeks shown
//! and the deadlines still to come, however long the history.

use super::conv::day_at;
use super::{Result, Store};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The day a task (`r` is `NEW` or `OLD`) becomes overdue, if it ever does.
fn overdue_from(r: &str) -> String {
    format!("max(date({r}.deadline, '+1 day'), COALESCE({r}.start_date, substr({r}.created_at, 1, 10)))")
}

/// Whether the task counts as overdue at some day: a deadline, not
/// cancelled, and if done, completed (on a known day) after it fell due.
fn ever_overdue(r: &str) -> String {
    format!(
        "{r}.deadline IS NOT NULL AND {r}.status <> 'cancelled'
         AND ({r}.status <> 'done' OR ({r}.completed_on IS NOT NULL AND {s} < {r}.completed_on))",
        s = overdue_from(r)
    )
}

/// The statements adding (`sign` 1) or taking off (-1) the days of task `r`.
fn apply(r: &str, sign: i32) -> String {
    let upsert = "ON CONFLICT(day) DO UPDATE SET done = done + excluded.done, late = late + excluded.late";
    format!(
        "INSERT INTO task_days (day, done, late) SELECT {r}.completed_on, {sign}, 0
          WHERE {r}.status = 'done' AND {r}.completed_on IS NOT NULL {upsert};
         INSERT INTO task_days (day, done, late) SELECT {s}, 0, {sign} WHERE {e} {upsert};
         INSERT INTO task_days (day, done, late) SELECT {r}.completed_on, 0, -({sign})
          WHERE {e} AND {r}.status = 'done' {upsert};",
        s = overdue_from(r),
        e = ever_overdue(r),
    )
}

/// The table and the triggers that keep it (schema 15).
pub(crate) fn create(tx: &Connection) -> Result<()> {
    let columns = "status, completed_on, deadline, start_date, created_at";
    tx.execute_batch(&format!(
        "CREATE TABLE IF NOT EXISTS task_days (
             day  TEXT PRIMARY KEY,
             done INTEGER NOT NULL DEFAULT 0,
             late INTEGER NOT NULL DEFAULT 0
         ) WITHOUT ROWID;
         CREATE TRIGGER IF NOT EXISTS task_days_insert AFTER INSERT ON tasks BEGIN {new} END;
         CREATE TRIGGER IF NOT EXISTS task_days_delete AFTER DELETE ON tasks BEGIN {old} END;
         CREATE TRIGGER IF NOT EXISTS task_days_update AFTER UPDATE OF {columns} ON tasks BEGIN {old} {new} END;",
        new = apply("NEW", 1),
        old = apply("OLD", -1),
    ))?;
    Ok(())
}

/// Fills the table afresh from every task on file.
pub(crate) fn fill(tx: &Connection) -> Result<()> {
    tx.execute_batch(&format!(
        "DELETE FROM task_days;
         INSERT INTO task_days (day, done, late)
         SELECT day, SUM(done), SUM(late) FROM (
             SELECT completed_on AS day, 1 AS done, 0 AS late FROM tasks
              WHERE status = 'done' AND completed_on IS NOT NULL
             UNION ALL SELECT {s}, 0, 1 FROM tasks t WHERE {e}
             UNION ALL SELECT completed_on, 0, -1 FROM tasks t WHERE {e} AND t.status = 'done'
         ) GROUP BY day;",
        s = overdue_from("t"),
        e = ever_overdue("t"),
    ))?;
    Ok(())
}

/// Every day's figures, for comparing the table with a fresh fill (days
/// whose figures came back to nothing are left out).
pub(crate) fn dump(c: &Connection) -> Result<Vec<(String, i64, i64)>> {
    let mut stmt = c.prepare("SELECT day, done, late FROM task_days WHERE done <> 0 OR late <> 0 ORDER BY day")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// The days from a day on: completions, and changes to the overdue count.
pub(super) const DAYS_FROM: &str = "SELECT day, done, late FROM task_days WHERE day >= ?1 ORDER BY day DESC";

/// Open tasks with a deadline: the overdue count once every deadline on
/// file has passed (the sum of `late` over every day).
pub(super) const OPEN_WITH_DEADLINE: &str =
    "SELECT COUNT(*) FROM tasks WHERE status IN ('not-started', 'in-progress', 'blocked') AND deadline IS NOT NULL";

/// Tasks completed in one week and overdue at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekCounts {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub completed: u32,
    pub overdue: u32,
}

impl Store {
    /// For each (first, last) day, oldest week first: tasks completed in
    /// it, and tasks overdue on its last day (begun, deadline passed, not
    /// completed by then). Reads the days from the first week on, newest
    /// first, and one count of the open tasks.
    pub fn weekly_counts(&self, weeks: &[(NaiveDate, NaiveDate)]) -> Result<Vec<WeekCounts>> {
        let Some(first) = weeks.iter().map(|w| w.0).min() else { return Ok(Vec::new()) };
        let mut out: Vec<WeekCounts> =
            weeks.iter().map(|&(from, to)| WeekCounts { from, to, completed: 0, overdue: 0 }).collect();
        let open: i64 = self.conn().prepare_cached(OPEN_WITH_DEADLINE)?.query_row([], |r| r.get(0))?;
        // Weeks by their last day, newest first, walked beside the days.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(out[i].to));
        let mut next = order.iter().peekable();
        let mut later = 0i64;
        let mut stmt = self.conn().prepare_cached(DAYS_FROM)?;
        let mut rows = stmt.query([first.to_string()])?;
        while let Some(r) = rows.next()? {
            let Some(day) = day_at(r, 0)? else { continue };
            let (done, late): (i64, i64) = (r.get(1)?, r.get(2)?);
            // Every day after a week's end has been added: its count is known.
            while let Some(&&i) = next.peek() {
                if day > out[i].to {
                    break;
                }
                out[i].overdue = (open - later).max(0) as u32;
                next.next();
            }
            later += late;
            for w in out.iter_mut().filter(|w| w.from <= day && day <= w.to) {
                w.completed += done.max(0) as u32;
            }
        }
        for &i in next {
            out[i].overdue = (open - later).max(0) as u32;
        }
        Ok(out)
    }
}
