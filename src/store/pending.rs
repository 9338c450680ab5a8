//! Pending items: obstacles, proposals and petitions carried until resolved.

use super::history::{bump_version, changed, delete_checked, snapshot};
use super::{conv, Result, Store, StoreError, Write};
use crate::domain::{PendingItem, PendingKind, PendingStatus};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

const PENDING_COLUMNS: &str = "id, kind, text, raised_by_org_id, meeting_id, addressed_org_id, addressed_to,
    raised_on, answer_due, status, answer, answered_on, version";

pub(super) fn pending_from_row(r: &Row) -> rusqlite::Result<PendingItem> {
    Ok(PendingItem {
        id: r.get(0)?,
        kind: PendingKind::from_code(&r.get::<_, String>(1)?).unwrap_or(PendingKind::Obstacle),
        text: r.get(2)?,
        raised_by_org_id: r.get(3)?,
        meeting_id: r.get(4)?,
        addressed_org_id: r.get(5)?,
        addressed_to: r.get(6)?,
        raised_on: conv::parse_date(r.get(7)?).unwrap_or_default(),
        answer_due: conv::parse_date(r.get(8)?),
        status: PendingStatus::from_code(&r.get::<_, String>(9)?).unwrap_or(PendingStatus::Open),
        answer: r.get(10)?,
        answered_on: conv::parse_date(r.get(11)?),
        version: r.get(12)?,
    })
}

pub(super) fn pending_columns(alias: &str) -> String {
    PENDING_COLUMNS.split(',').map(|c| format!("{alias}.{}", c.trim())).collect::<Vec<_>>().join(", ")
}

fn write_pending(tx: &Connection, p: &PendingItem) -> Result<()> {
    tx.execute(
        "UPDATE pending_items SET kind = ?2, text = ?3, raised_by_org_id = ?4, meeting_id = ?5, addressed_org_id = ?6,
             addressed_to = ?7, raised_on = ?8, answer_due = ?9, status = ?10, answer = ?11, answered_on = ?12
         WHERE id = ?1",
        params![
            p.id,
            p.kind.code(),
            p.text,
            p.raised_by_org_id,
            p.meeting_id,
            p.addressed_org_id,
            p.addressed_to,
            conv::date(p.raised_on),
            conv::opt_date(p.answer_due),
            p.status.code(),
            p.answer,
            conv::opt_date(p.answered_on)
        ],
    )?;
    Ok(())
}

impl Store {
    /// Pending items, oldest first; open ones only unless `all`.
    pub fn pending_items(&self, org_id: Option<i64>, all: bool) -> Result<Vec<PendingItem>> {
        // One statement per case, so that each is planned on its index.
        let by_org = if org_id.is_some() { "(raised_by_org_id = ?1 OR addressed_org_id = ?1)" } else { "?1 IS NULL" };
        let open = if all { "1" } else { "status = 'open'" };
        self.pending_where(&format!("{by_org} AND {open}"), params![org_id])
    }

    /// Pending items raised at a briefing, oldest first.
    pub fn pending_of_meeting(&self, meeting_id: i64) -> Result<Vec<PendingItem>> {
        self.pending_where("meeting_id = ?1", params![meeting_id])
    }

    /// Pending items answered on a day, oldest first.
    pub fn pending_answered_on(&self, day: NaiveDate) -> Result<Vec<PendingItem>> {
        self.pending_where("answered_on = ?1", params![conv::date(day)])
    }

    /// Pending items matching `condition`, oldest first.
    fn pending_where(&self, condition: &str, args: impl rusqlite::Params) -> Result<Vec<PendingItem>> {
        let sql = format!("SELECT {PENDING_COLUMNS} FROM pending_items WHERE {condition} ORDER BY raised_on, id");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(args, pending_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn pending_item(&self, id: i64) -> Result<PendingItem> {
        self.row(&format!("SELECT {PENDING_COLUMNS} FROM pending_items WHERE id = ?1"), [id], pending_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "pending", id })
    }
}

impl Write<'_> {
    pub fn add_pending_item(&self, item: PendingItem) -> Result<i64> {
        let p = item.validated()?;
        self.run(|tx| {
            tx.execute(
                "INSERT INTO pending_items (kind, text, raised_on, status) VALUES (?1, ?2, ?3, ?4)",
                params![p.kind.code(), p.text, conv::date(p.raised_on), p.status.code()],
            )?;
            let id = tx.last_insert_rowid();
            write_pending(tx, &PendingItem { id, ..p.clone() })?;
            changed(tx, "pending_items", id, None)?;
            Ok(id)
        })
    }

    pub fn update_pending_item(&self, item: PendingItem) -> Result<()> {
        let p = item.validated()?;
        self.run(|tx| {
            let old = snapshot(tx, "pending_items", p.id)?.ok_or(StoreError::NotFound { what: "pending", id: p.id })?;
            bump_version(tx, "pending_items", p.id, Some(p.version))?;
            write_pending(tx, &p)?;
            changed(tx, "pending_items", p.id, Some(old))
        })
    }

    pub fn delete_pending_item(&self, id: i64, expected: Option<i64>) -> Result<()> {
        delete_checked(self, "pending_items", id, expected)
    }

    /// Records the answer to a pending item on `on`.
    pub fn answer_pending_item(&self, id: i64, answer: &str, on: NaiveDate, expected: Option<i64>) -> Result<()> {
        let mut p = self.store().pending_item(id)?;
        if expected.is_some_and(|v| v != p.version) {
            return Err(StoreError::Conflict { what: "pending", id });
        }
        p.answer_with(answer, on);
        self.update_pending_item(p)
    }

    /// Sets a pending item's status (closing it, or reopening it).
    pub fn set_pending_status(&self, id: i64, status: PendingStatus, expected: Option<i64>) -> Result<()> {
        let mut p = self.store().pending_item(id)?;
        if expected.is_some_and(|v| v != p.version) {
            return Err(StoreError::Conflict { what: "pending", id });
        }
        p.status = status;
        match status {
            PendingStatus::Open => p.answered_on = None,
            _ if p.answered_on.is_none() => p.answered_on = Some(self.today()),
            _ => {}
        }
        self.update_pending_item(p)
    }
}
