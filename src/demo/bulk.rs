//! `giaoban demo --years N`: a deterministic history of N years at the
//! proportions of a real bloc, written in bulk. For ten years: about 520
//! weekly briefings with their agenda and roll call, 50,000 tasks with
//! 150,000 progress notes, targets with dated values, 10,000 pending items
//! and a few dozen people per organization.
//!
//! The content is that of the 12-week sample (`assets/demo.toml`): titles,
//! places and names are combined with places, months and quarters so that
//! searching finds realistic text. Statuses follow the 12-week sample too:
//! older work mostly done (some late, some cancelled), recent work open, a
//! share of it overdue or blocked; older pending items answered, recent
//! ones open.
//!
//! Rows go in through prepared statements inside one transaction, each
//! created record with the "insert" row the history would hold (the same
//! snapshot of the stored row), and the search index is built once at the
//! end. Every date and time comes from the seed and `today`, never from the
//! clock, so the same years, seed and today give the same database.

use super::content::{content, TaskDef, Th};
use super::figures::{progress_note, round_value};
use super::rng::Rng;
use crate::domain::{
    AgendaItem, DomainError, Meeting, MeetingKind, MeetingStatus, PendingItem, PendingStatus, Person, Task, TaskKind,
    TaskStatus,
};
use crate::store::{Result, Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::types::Value as Sql;
use rusqlite::{params, Connection, OptionalExtension, Statement};
use serde_json::{Map, Value};
use std::collections::HashSet;

mod gen;
mod parts;
mod sink;

use gen::Gen;
use parts::first_day;
use sink::{stamp, Sink};

#[cfg(test)]
#[path = "bulk_tests.rs"]
mod tests;

/// The longest history generated, in years.
pub const MAX_YEARS: u32 = 100;

/// The seed used when none is given (the 12-week sample's).
pub const DEFAULT_SEED: u64 = super::SEED;

/// What was generated, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkSummary {
    pub years: u32,
    pub people: usize,
    pub meetings: usize,
    pub agenda_items: usize,
    pub attendance: usize,
    pub tasks: usize,
    pub notes: usize,
    pub targets: usize,
    pub actuals: usize,
    pub pending: usize,
    pub history: usize,
}

/// Fills `store` with `years` years of the sample bloc's work, ending at
/// `today`. A database that already has briefings or tasks is refused
/// unless `force`, which first deletes every task, pending item, briefing
/// and person with their history (organizations and settings stay).
pub fn fill_years(store: &mut Store, today: NaiveDate, years: u32, seed: u64, force: bool) -> Result<BulkSummary> {
    if !(1..=MAX_YEARS).contains(&years) {
        return Err(DomainError::BadNumber.into());
    }
    let has_data: bool =
        store
            .conn()
            .query_row("SELECT EXISTS(SELECT 1 FROM meetings) OR EXISTS(SELECT 1 FROM tasks)", [], |r| r.get(0))?;
    if has_data && !force {
        return Err(StoreError::DemoRefused);
    }
    let tuned = store.path().is_some().then(|| Tuning::apply(store.conn())).transpose()?;
    let result = store.write(|w| {
        if force {
            clear(w)?;
        }
        // Identities differ between samples of other lengths, seeds or days.
        let uid_seed = seed.rotate_left(17) ^ ((years as u64) << 40) ^ today.num_days_from_ce() as u64;
        let mut sink = Sink::new(w, w.action, uid_seed)?;
        settings(&mut sink, today, years, force)?;
        let mut gen = Gen::new(&mut sink, today, years, seed)?;
        gen.people()?;
        gen.history()?;
        let mut summary = sink.summary(years);
        drop(sink);
        crate::store::search::rebuild(w)?;
        // The sample is a starting point: undo never unloads it piece by piece.
        w.seal_history()?;
        summary.history = w
            .query_row("SELECT COUNT(*) FROM history WHERE action_id = ?1", [w.action], |r| r.get::<_, i64>(0))?
            as usize;
        Ok(summary)
    });
    if let Some(t) = tuned {
        t.restore(store.conn())?;
    }
    result
}

/// Settings for one large transaction on a file: a rollback journal (new
/// pages past the end of the file are not journaled, where the write-ahead
/// log would take every page twice), no sync until the end, a cache large
/// enough that pages are written once, at commit, and statement journals in
/// memory (an insert into a table with an identity trigger keeps one, which
/// otherwise goes to a temporary file once a large statement spilled it).
struct Tuning {
    journal: String,
    synchronous: i64,
    cache: i64,
    temp_store: i64,
}

impl Tuning {
    fn apply(c: &Connection) -> Result<Tuning> {
        let journal: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let synchronous: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        let cache: i64 = c.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let temp_store: i64 = c.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
        // Another program with the file open keeps it in WAL: then the
        // load runs in WAL as well.
        let _: String = c.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        c.pragma_update(None, "synchronous", "OFF")?;
        c.pragma_update(None, "cache_size", -1_048_576)?; // KiB: up to 1 GiB
        c.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(Tuning { journal, synchronous, cache, temp_store })
    }

    fn restore(self, c: &Connection) -> Result<()> {
        c.pragma_update(None, "cache_size", self.cache)?;
        c.pragma_update(None, "temp_store", self.temp_store)?;
        c.pragma_update(None, "synchronous", self.synchronous)?;
        let _: String = c.query_row(&format!("PRAGMA journal_mode = {}", self.journal), [], |r| r.get(0))?;
        Ok(())
    }
}

/// Work data and its history, deleted in bulk (children first).
const CLEARED: &[&str] = &[
    "target_actuals",
    "targets",
    "task_notes",
    "task_people",
    "task_orgs",
    "tasks",
    "pending_items",
    "attendance",
    "agenda_items",
    "meetings",
    "people",
];

fn clear(c: &Connection) -> Result<()> {
    for tbl in CLEARED {
        c.execute(&format!("DELETE FROM {tbl}"), [])?;
    }
    // Their ids start again at 1: older history would speak of other records.
    let list: Vec<String> = CLEARED.iter().map(|t| format!("'{t}'")).collect();
    c.execute(&format!("DELETE FROM history WHERE tbl IN ({})", list.join(", ")), [])?;
    Ok(())
}

/// The bloc's name, locality and level, as `set_setting` records them.
fn settings(sink: &mut Sink, today: NaiveDate, years: u32, force: bool) -> Result<()> {
    let bloc = &content().bloc;
    let at = stamp(first_day(today, years).and_hms_opt(7, 0, 0).unwrap_or_default());
    for (key, value) in [("bloc_name", bloc.name), ("locality", bloc.locality), ("level", bloc.level)] {
        let current: Option<String> =
            sink.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        let empty = current.as_deref().is_none_or(|v| v.trim().is_empty());
        if !(force || empty) || current.as_deref() == Some(value) {
            continue;
        }
        sink.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [key, value])?;
        let op = if current.is_some() { "update" } else { "insert" };
        let old = current.map(|v| serde_json::json!({"key": key, "value": v}).to_string());
        let new = serde_json::json!({"key": key, "value": value}).to_string();
        sink.record("settings", 0, op, old, new, &at)?;
    }
    Ok(())
}
