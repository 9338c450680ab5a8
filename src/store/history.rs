//! Change history: every insert, update and delete, with old and new values,
//! grouped by the user action that made it, so an action can be undone.

use super::{search, Result, Store, StoreError, Write};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::{Map, Value};

/// Whether rows of `tbl` are recorded: every versioned table, and the roll
/// call; link tables are recorded inside `tasks`.
fn is_recorded(tbl: &str) -> bool {
    tbl == "attendance" || super::schema::VERSIONED.contains(&tbl)
}

/// Whose changes an undo may reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoScope {
    /// This program run's (a TUI session).
    Session,
    /// This account's, from any run (`giaoban undo`).
    Account,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub action_id: i64,
    pub at: String,
    pub table: String,
    pub record_id: i64,
    pub op: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// The row `id` of `tbl` as a JSON object; tasks carry their links too.
pub(crate) fn snapshot(tx: &Connection, tbl: &str, id: i64) -> Result<Option<Value>> {
    debug_assert!(is_recorded(tbl));
    let mut stmt = tx.prepare_cached(&format!("SELECT * FROM {tbl} WHERE id = ?1"))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let row = stmt
        .query_row([id], |r| {
            let mut map = Map::new();
            for (i, name) in names.iter().enumerate() {
                let v = match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::from(n),
                    ValueRef::Real(x) => Value::from(x),
                    ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Value::Null,
                };
                map.insert(name.clone(), v);
            }
            Ok(map)
        })
        .optional()?;
    let Some(mut map) = row else { return Ok(None) };
    if tbl == "tasks" {
        for (key, sql) in [
            ("with_org_ids", "SELECT org_id FROM task_orgs WHERE task_id = ?1 ORDER BY org_id"),
            ("person_ids", "SELECT person_id FROM task_people WHERE task_id = ?1 ORDER BY person_id"),
        ] {
            let mut s = tx.prepare_cached(sql)?;
            let ids: Vec<i64> = s.query_map([id], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
            map.insert(key.into(), Value::from(ids));
        }
    }
    Ok(Some(Value::Object(map)))
}

pub(crate) fn record(tx: &Write, tbl: &str, id: i64, op: &str, old: &Option<Value>, new: &Option<Value>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO history (action_id, at, tbl, record_id, op, old, new, actor, session)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        tx.action,
        tx.stamp(),
        tbl,
        id,
        op,
        old.as_ref().map(|v| v.to_string()),
        new.as_ref().map(|v| v.to_string()),
        tx.store().who.actor,
        tx.store().who.session
    ])?;
    Ok(())
}

/// Two snapshots that differ only in bookkeeping (version, save time).
fn same_content(a: Option<&Value>, b: Option<&Value>) -> bool {
    let strip = |v: Option<&Value>| {
        let mut v = v.cloned();
        if let Some(Value::Object(m)) = v.as_mut() {
            m.remove("version");
            m.remove("updated_at");
        }
        v
    };
    strip(a) == strip(b)
}

/// Records that row `id` was inserted (`old` is None) or updated, and keeps
/// the search index in step.
pub(crate) fn changed(tx: &Write, tbl: &str, id: i64, old: Option<Value>) -> Result<()> {
    let new = snapshot(tx, tbl, id)?;
    if old.is_some() && same_content(old.as_ref(), new.as_ref()) {
        return Ok(());
    }
    let op = if old.is_some() { "update" } else { "insert" };
    record(tx, tbl, id, op, &old, &new)?;
    search::reindex(tx, tbl, id)
}

/// Deletes row `id` of `tbl`, recording its last values. Callers delete
/// dependent rows first so that undo can restore parents before children.
pub(crate) fn delete_row(tx: &Write, tbl: &str, id: i64) -> Result<bool> {
    let Some(old) = snapshot(tx, tbl, id)? else {
        return Ok(false);
    };
    tx.execute(&format!("DELETE FROM {tbl} WHERE id = ?1"), [id])?;
    record(tx, tbl, id, "delete", &Some(old), &None)?;
    search::reindex(tx, tbl, id)?;
    Ok(true)
}

/// What a table's rows are called in messages (`what.*` in the catalogs).
pub(crate) fn what_of(tbl: &str) -> &'static str {
    match tbl {
        "organizations" => "organization",
        "people" => "person",
        "meetings" => "meeting",
        "agenda_items" => "agenda_item",
        "tasks" => "task",
        "task_notes" => "note",
        "targets" => "target",
        "target_actuals" => "actual",
        "pending_items" => "pending",
        _ => "record",
    }
}

/// Moves row `id` of `tbl` to its next version. With `expected`, refuses
/// (as a conflict) when the row is no longer at that version: someone else
/// saved it since it was read.
pub(crate) fn bump_version(tx: &Connection, tbl: &str, id: i64, expected: Option<i64>) -> Result<()> {
    debug_assert!(super::schema::VERSIONED.contains(&tbl));
    let n = tx
        .prepare_cached(&format!(
            "UPDATE {tbl} SET version = version + 1 WHERE id = ?1 AND (?2 IS NULL OR version = ?2)"
        ))?
        .execute(params![id, expected])?;
    if n == 1 {
        return Ok(());
    }
    let exists: bool =
        tx.query_row(&format!("SELECT EXISTS(SELECT 1 FROM {tbl} WHERE id = ?1)"), [id], |r| r.get(0))?;
    Err(if exists {
        StoreError::Conflict { what: what_of(tbl), id }
    } else {
        StoreError::NotFound { what: what_of(tbl), id }
    })
}

/// The stored version of row `id` of `tbl`.
pub(crate) fn version_of(tx: &Connection, tbl: &str, id: i64) -> Result<Option<i64>> {
    Ok(tx.query_row(&format!("SELECT version FROM {tbl} WHERE id = ?1"), [id], |r| r.get(0)).optional()?)
}

/// Deletes row `id` of `tbl` as `delete_row` does, refusing when it is no
/// longer at the `expected` version.
pub(crate) fn delete_checked(tx: &Write, tbl: &str, id: i64, expected: Option<i64>) -> Result<()> {
    if let Some(v) = expected {
        match version_of(tx, tbl, id)? {
            None => return Err(StoreError::NotFound { what: what_of(tbl), id }),
            Some(current) if current != v => return Err(StoreError::Conflict { what: what_of(tbl), id }),
            Some(_) => {}
        }
    }
    if !delete_row(tx, tbl, id)? {
        return Err(StoreError::NotFound { what: what_of(tbl), id });
    }
    Ok(())
}

/// Writes `values` (a snapshot) back as row `id`, inserting or replacing.
/// The row's version moves on, so an edit read before the undo is stale.
fn restore_row(tx: &Connection, tbl: &str, values: &Value) -> Result<()> {
    let Some(map) = values.as_object() else {
        return Ok(());
    };
    let columns: Vec<&String> = map.keys().filter(|k| *k != "with_org_ids" && *k != "person_ids").collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT OR REPLACE INTO {tbl} ({}) VALUES ({})",
        columns.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
        placeholders.join(", ")
    );
    let mut vals: Vec<rusqlite::types::Value> = columns.iter().map(|c| json_to_sql(&map[*c])).collect();
    // REPLACE would delete and cascade children; update in place when present.
    let id = map.get("id").and_then(Value::as_i64).unwrap_or(0);
    if let Some(i) = columns.iter().position(|c| c.as_str() == "version") {
        let current = version_of(tx, tbl, id)?;
        let old = map["version"].as_i64().unwrap_or(1);
        vals[i] = rusqlite::types::Value::Integer(current.unwrap_or(old).max(old) + 1);
    }
    let exists: bool =
        tx.query_row(&format!("SELECT EXISTS(SELECT 1 FROM {tbl} WHERE id = ?1)"), [id], |r| r.get(0))?;
    if exists {
        let sets: Vec<String> = columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
        let sql = format!("UPDATE {tbl} SET {} WHERE id = ?{}", sets.join(", "), columns.len() + 1);
        let mut all = vals.clone();
        all.push(rusqlite::types::Value::Integer(id));
        tx.execute(&sql, rusqlite::params_from_iter(all))?;
    } else {
        tx.execute(&sql, rusqlite::params_from_iter(vals))?;
    }
    if tbl == "tasks" {
        for (key, link, col) in [("with_org_ids", "task_orgs", "org_id"), ("person_ids", "task_people", "person_id")] {
            tx.execute(&format!("DELETE FROM {link} WHERE task_id = ?1"), [id])?;
            for v in map.get(key).and_then(Value::as_array).into_iter().flatten() {
                if let Some(other) = v.as_i64() {
                    tx.execute(&format!("INSERT OR IGNORE INTO {link} (task_id, {col}) VALUES (?1, ?2)"), [id, other])?;
                }
            }
        }
    }
    Ok(())
}

/// Settings are keyed by name; their history stores `{"key", "value"}`.
fn undo_setting(tx: &Write, old: Option<&str>) -> Result<()> {
    let Some(old) = old.and_then(|s| serde_json::from_str::<Value>(s).ok()) else {
        return Ok(());
    };
    let (Some(key), Some(value)) = (old["key"].as_str(), old["value"].as_str()) else {
        return Ok(());
    };
    let before: Option<String> =
        tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [key, value])?;
    let before = before.map(|v| serde_json::json!({"key": key, "value": v}));
    record(tx, "settings", 0, "update", &before, &Some(old.clone()))
}

fn json_to_sql(v: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as S;
    match v {
        Value::Null => S::Null,
        Value::Bool(b) => S::Integer(*b as i64),
        Value::Number(n) => n.as_i64().map(S::Integer).unwrap_or_else(|| S::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => S::Text(s.clone()),
        other => S::Text(other.to_string()),
    }
}

impl Store {
    /// History of one record, newest first.
    pub fn history(&self, tbl: &str, record_id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, action_id, at, tbl, record_id, op, old, new FROM history
             WHERE tbl = ?1 AND record_id = ?2 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map(params![tbl, record_id], entry_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Number of user actions that can still be undone (by anyone).
    pub fn undo_depth(&self) -> Result<i64> {
        Ok(self.row("SELECT COUNT(DISTINCT action_id) FROM history WHERE undone = 0", [], |r| r.get(0))?)
    }
}

impl Write<'_> {
    /// Reverses the most recent action not yet undone, as one new action
    /// that the history records too. Returns the tables it touched.
    /// Reverses the latest action not yet undone of `scope`: this program
    /// run's (the TUI), or this account's (a command). Refused when someone
    /// else has since changed a record that action wrote: undoing it would
    /// throw their change away.
    pub fn undo(&self, scope: UndoScope) -> Result<Vec<String>> {
        self.run(|tx| {
            let who = &tx.store().who;
            let (column, value) = match scope {
                UndoScope::Session => ("session", who.session.as_str()),
                UndoScope::Account => ("actor", who.actor.as_str()),
            };
            let last: Option<i64> = tx
                .query_row(
                    &format!("SELECT MAX(action_id) FROM history WHERE undone = 0 AND {column} = ?1"),
                    [value],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            let Some(last) = last else {
                return Err(StoreError::NothingToUndo);
            };
            let built_on: Option<String> = tx
                .query_row(
                    "SELECT later.actor FROM history later JOIN history mine
                       ON mine.action_id = ?1 AND later.tbl = mine.tbl AND later.record_id = mine.record_id
                     WHERE later.action_id > ?1 AND later.undone = 0
                       AND (later.actor <> mine.actor OR later.session <> mine.session)
                     LIMIT 1",
                    [last],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(by) = built_on {
                return Err(StoreError::UndoBuiltOn { by });
            }
            let mut stmt =
                tx.prepare("SELECT tbl, record_id, op, old FROM history WHERE action_id = ?1 ORDER BY id DESC")?;
            let steps: Vec<(String, i64, String, Option<String>)> = stmt
                .query_map([last], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<std::result::Result<_, _>>()?;
            drop(stmt);
            let mut tables = Vec::new();
            for (tbl, id, op, old) in steps {
                if tbl == "settings" {
                    undo_setting(tx, old.as_deref())?;
                    tables.push(tbl);
                    continue;
                }
                if !is_recorded(&tbl) {
                    continue;
                }
                let before = snapshot(tx, &tbl, id)?;
                match op.as_str() {
                    "insert" => {
                        tx.execute(&format!("DELETE FROM {tbl} WHERE id = ?1"), [id])?;
                        record(tx, &tbl, id, "delete", &before, &None)?;
                        search::reindex(tx, &tbl, id)?;
                    }
                    _ => {
                        let old: Option<Value> = old.and_then(|s| serde_json::from_str(&s).ok());
                        if let Some(old) = old {
                            restore_row(tx, &tbl, &old)?;
                            changed(tx, &tbl, id, before)?;
                        }
                    }
                }
                tables.push(tbl);
            }
            tx.execute("UPDATE history SET undone = 1 WHERE action_id IN (?1, ?2)", [last, tx.action])?;
            Ok(tables)
        })
    }
}

impl Store {
    /// Changes recorded between two moments in the given tables, oldest first.
    pub fn history_between(
        &self,
        from: chrono::NaiveDateTime,
        to: chrono::NaiveDateTime,
        tables: &[&str],
    ) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, action_id, at, tbl, record_id, op, old, new FROM history
             WHERE at >= ?1 AND at <= ?2 ORDER BY id",
        )?;
        let fmt = |d: chrono::NaiveDateTime| d.format("%Y-%m-%d %H:%M:%S").to_string();
        let rows = stmt.query_map(params![fmt(from), fmt(to + chrono::Duration::seconds(59))], entry_from_row)?;
        let mut out: Vec<HistoryEntry> = rows.collect::<std::result::Result<_, _>>()?;
        out.retain(|h| tables.contains(&h.table.as_str()));
        Ok(out)
    }
}

fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<HistoryEntry> {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(HistoryEntry {
        id: r.get(0)?,
        action_id: r.get(1)?,
        at: r.get(2)?,
        table: r.get(3)?,
        record_id: r.get(4)?,
        op: r.get(5)?,
        old: parse(r.get(6)?),
        new: parse(r.get(7)?),
    })
}

impl Write<'_> {
    /// Makes everything recorded so far the starting point: undo stops here.
    /// Used after seeding a new file and after loading the demo.
    pub fn seal_history(&self) -> Result<()> {
        self.execute("UPDATE history SET undone = 1 WHERE undone = 0", [])?;
        Ok(())
    }
}
