//! Every record as versioned JSON, and back: `giaoban export json` writes
//! each table (history included) in a fixed order, one row per line, so the
//! same data always gives the same bytes; `import json` restores such a
//! file exactly into an empty database, or merges it into one that has data
//! by the records' stable identities, never duplicating one.

use super::history::changed;
use super::schema::{IDENTIFIED, SCHEMA_VERSION};
use super::{Result, Store, StoreError, Write};
use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::OptionalExtension;
use serde_json::Value;
use std::collections::HashMap;

/// What the file says it is.
pub const DUMP_FORMAT: &str = "giaoban-export";
/// The layout of the file itself (tables of columns and rows).
pub const DUMP_VERSION: i64 = 1;

/// Tables in the order they are written and restored: every table a row
/// refers to comes before it. Tables a later version adds follow by name.
const ORDER: &[&str] = &[
    "settings",
    "organizations",
    "people",
    "meetings",
    "attendance",
    "agenda_items",
    "tasks",
    "task_orgs",
    "task_people",
    "task_notes",
    "targets",
    "target_actuals",
    "pending_items",
    "document_numbers",
    "history",
];

/// What each table's columns refer to (merged records get new ids).
const LINKS: &[(&str, &str, &str)] = &[
    ("people", "org_id", "organizations"),
    ("meetings", "chair_id", "people"),
    ("meetings", "secretary_id", "people"),
    ("attendance", "meeting_id", "meetings"),
    ("attendance", "org_id", "organizations"),
    ("agenda_items", "meeting_id", "meetings"),
    ("agenda_items", "org_id", "organizations"),
    ("tasks", "lead_org_id", "organizations"),
    ("tasks", "meeting_id", "meetings"),
    ("tasks", "agenda_item_id", "agenda_items"),
    ("task_orgs", "task_id", "tasks"),
    ("task_orgs", "org_id", "organizations"),
    ("task_people", "task_id", "tasks"),
    ("task_people", "person_id", "people"),
    ("task_notes", "task_id", "tasks"),
    ("targets", "task_id", "tasks"),
    ("target_actuals", "target_id", "targets"),
    ("pending_items", "raised_by_org_id", "organizations"),
    ("pending_items", "meeting_id", "meetings"),
    ("pending_items", "addressed_org_id", "organizations"),
];

/// Tables of data people entered: a database with none of them is empty.
const USER_DATA: &[&str] = &["people", "meetings", "agenda_items", "tasks", "pending_items"];

#[derive(Debug, Clone, PartialEq)]
pub struct DumpTable {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// A parsed export.
#[derive(Debug, Clone, PartialEq)]
pub struct Dump {
    pub schema: i64,
    pub tables: Vec<DumpTable>,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DumpError {
    #[error("not a giaoban export")]
    Foreign,
    #[error("written by a newer giaoban (file {found}, this build {supported})")]
    Newer { found: i64, supported: i64 },
    #[error("damaged: {0}")]
    Damaged(String),
}

/// How many rows a merge added and found already there, per table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    pub added: Vec<(String, usize)>,
    pub present: Vec<(String, usize)>,
}

fn tables(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    // The search index (its entries, rows, words and titles) and the
    // figures by day are derived: never exported; the index is rebuilt on
    // import, the figures kept by the tasks' own triggers.
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'search!_%' ESCAPE '!' AND name <> 'task_days' ORDER BY name",
    )?;
    let found: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
    let mut out: Vec<String> = ORDER.iter().filter(|t| found.iter().any(|f| f == *t)).map(|t| t.to_string()).collect();
    out.extend(found.into_iter().filter(|f| !ORDER.contains(&f.as_str())));
    Ok(out)
}

/// The columns in declared order, and the key to sort rows by.
fn layout(conn: &rusqlite::Connection, table: &str) -> Result<(Vec<String>, String)> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let info: Vec<(String, i64)> =
        stmt.query_map([], |r| Ok((r.get(1)?, r.get(5)?)))?.collect::<std::result::Result<_, _>>()?;
    let mut keys: Vec<&(String, i64)> = info.iter().filter(|(_, pk)| *pk > 0).collect();
    keys.sort_by_key(|(_, pk)| *pk);
    let order = if keys.is_empty() {
        "rowid".to_string()
    } else {
        keys.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", ")
    };
    Ok((info.into_iter().map(|(c, _)| c).collect(), order))
}

fn to_json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => Value::from(x),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(*b as i64),
        Value::Number(n) if n.is_i64() => Sql::Integer(n.as_i64().unwrap_or(0)),
        Value::Number(n) => Sql::Real(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

impl Store {
    /// Writes every table, in one read transaction, to `out`.
    pub fn dump_json(&self, out: &mut dyn std::io::Write) -> Result<()> {
        let io = |e: std::io::Error| StoreError::Io { path: std::path::PathBuf::from("-"), source: e };
        self.read(|s| {
            let conn = s.conn();
            writeln!(out, "{{\n  \"format\": \"{DUMP_FORMAT}\",\n  \"version\": {DUMP_VERSION},").map_err(io)?;
            let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            writeln!(out, "  \"schema\": {schema},\n  \"tables\": [").map_err(io)?;
            let names = tables(conn)?;
            for (t, table) in names.iter().enumerate() {
                let (columns, order) = layout(conn, table)?;
                let cols = serde_json::to_string(&columns).unwrap_or_default();
                write!(out, "    {{\n      \"name\": \"{table}\",\n      \"columns\": {cols},\n      \"rows\": [")
                    .map_err(io)?;
                let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
                let mut rows = stmt.query([])?;
                let mut first = true;
                while let Some(row) = rows.next()? {
                    let values: Vec<Value> = (0..columns.len())
                        .map(|i| row.get_ref(i).map(to_json))
                        .collect::<std::result::Result<_, _>>()?;
                    let line = serde_json::to_string(&values).unwrap_or_default();
                    write!(out, "{}\n        {line}", if first { "" } else { "," }).map_err(io)?;
                    first = false;
                }
                let close = if first { "]" } else { "\n      ]" };
                writeln!(out, "{close}\n    }}{}", if t + 1 < names.len() { "," } else { "" }).map_err(io)?;
            }
            writeln!(out, "  ]\n}}").map_err(io)?;
            Ok(())
        })
    }

    /// Whether the file holds no data people entered (only what a new
    /// database starts with).
    pub fn is_empty_of_data(&self) -> Result<bool> {
        for t in USER_DATA {
            let any: bool = self.conn().query_row(&format!("SELECT EXISTS(SELECT 1 FROM {t})"), [], |r| r.get(0))?;
            if any {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Reads an export, refusing a file that is not one or is from a newer giaoban.
pub fn parse_dump(bytes: &[u8]) -> std::result::Result<Dump, DumpError> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| {
        if bytes.iter().take(64).any(|b| *b == b'{') {
            DumpError::Damaged(e.to_string())
        } else {
            DumpError::Foreign
        }
    })?;
    if v.get("format").and_then(Value::as_str) != Some(DUMP_FORMAT) {
        return Err(DumpError::Foreign);
    }
    let version = v.get("version").and_then(Value::as_i64).unwrap_or(0);
    let schema = v.get("schema").and_then(Value::as_i64).unwrap_or(0);
    if version > DUMP_VERSION || schema > SCHEMA_VERSION {
        return Err(DumpError::Newer { found: schema.max(version), supported: SCHEMA_VERSION });
    }
    let bad = |what: &str| DumpError::Damaged(what.to_string());
    let mut out = Vec::new();
    for t in v.get("tables").and_then(Value::as_array).ok_or_else(|| bad("tables"))? {
        let name = t.get("name").and_then(Value::as_str).ok_or_else(|| bad("name"))?;
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad(name));
        }
        let columns: Vec<String> = t
            .get("columns")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("columns"))?
            .iter()
            .map(|c| c.as_str().filter(|c| c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).map(String::from))
            .collect::<Option<_>>()
            .ok_or_else(|| bad("columns"))?;
        let mut rows = Vec::new();
        for r in t.get("rows").and_then(Value::as_array).ok_or_else(|| bad("rows"))? {
            let row = r.as_array().filter(|r| r.len() == columns.len()).ok_or_else(|| bad(name))?;
            rows.push(row.clone());
        }
        out.push(DumpTable { name: name.to_string(), columns, rows });
    }
    Ok(Dump { schema, tables: out })
}

/// The columns of `table` in this database.
fn columns_here(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    Ok(layout(conn, table)?.0)
}

impl Write<'_> {
    /// Restores an export into a database without data of its own: every
    /// row with its id, then the search index rebuilt. Columns this version
    /// added since the file was written take their defaults.
    pub fn restore_dump(&self, dump: &Dump) -> Result<usize> {
        if !self.store().is_empty_of_data()? {
            return Err(StoreError::NotEmpty);
        }
        self.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let here = tables(self)?;
        for t in here.iter().rev() {
            self.execute(&format!("DELETE FROM {t}"), [])?;
        }
        let mut count = 0;
        for table in &dump.tables {
            if !here.contains(&table.name) {
                continue;
            }
            let known = columns_here(self, &table.name)?;
            let keep: Vec<usize> = (0..table.columns.len()).filter(|i| known.contains(&table.columns[*i])).collect();
            let names: Vec<&str> = keep.iter().map(|i| table.columns[*i].as_str()).collect();
            let marks: Vec<String> = (1..=keep.len()).map(|i| format!("?{i}")).collect();
            let mut stmt = self.prepare(&format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.name,
                names.join(", "),
                marks.join(", ")
            ))?;
            for row in &table.rows {
                stmt.execute(rusqlite::params_from_iter(keep.iter().map(|i| to_sql(&row[*i]))))?;
                count += 1;
            }
        }
        super::search::rebuild(self)?;
        Ok(count)
    }

    /// Adds what an export holds and this database lacks: organizations
    /// matched by code, briefings by identity or by their number, the other
    /// records by identity; links and references follow the new ids. What
    /// is already here stays as it is. One action, undone in one step.
    pub fn merge_dump(&self, dump: &Dump) -> Result<MergeReport> {
        self.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let here = tables(self)?;
        let mut ids: HashMap<&str, HashMap<i64, i64>> = HashMap::new();
        let mut report = MergeReport::default();
        let mut inserted: Vec<(String, i64)> = Vec::new();
        for table in &dump.tables {
            let name = table.name.as_str();
            if name == "history" || !here.contains(&table.name) {
                continue;
            }
            let known = columns_here(self, name)?;
            let required = not_null_columns(self, name)?;
            let col = |c: &str| table.columns.iter().position(|x| x == c);
            let (mut added, mut present) = (0, 0);
            for row in &table.rows {
                let get = |c: &str| col(c).map(|i| &row[i]);
                let old_id = get("id").and_then(Value::as_i64);
                // Is it here already?
                let found: Option<i64> = match name {
                    "organizations" => self.lookup("organizations", "code", get("code"))?,
                    "meetings" => match self.lookup(name, "uid", get("uid"))? {
                        Some(id) => Some(id),
                        None => self
                            .query_row(
                                "SELECT id FROM meetings WHERE year = ?1 AND number = ?2",
                                rusqlite::params![get("year").map(to_sql), get("number").map(to_sql)],
                                |r| r.get(0),
                            )
                            .optional()?,
                    },
                    n if IDENTIFIED.contains(&n) => self.lookup(name, "uid", get("uid"))?,
                    _ => None,
                };
                if let (Some(found), Some(old)) = (found, old_id) {
                    ids.entry(name_of(name)).or_default().insert(old, found);
                    present += 1;
                    continue;
                }
                // Its references, moved to this database's ids.
                let mut names = Vec::new();
                let mut values = Vec::new();
                let mut orphan = false;
                for (i, c) in table.columns.iter().enumerate() {
                    if c == "id" || !known.contains(c) {
                        continue;
                    }
                    let mut v = to_sql(&row[i]);
                    if let Some((_, _, target)) = LINKS.iter().find(|(t, k, _)| *t == name && k == c) {
                        if let Sql::Integer(old) = v {
                            v = match ids.get(target).and_then(|m| m.get(&old)) {
                                Some(new) => Sql::Integer(*new),
                                None => {
                                    orphan |= required.contains(c);
                                    Sql::Null
                                }
                            };
                        }
                    }
                    if name == "document_numbers" && c == "subject" {
                        if let Sql::Text(s) = &v {
                            let moved = s
                                .strip_prefix("meeting:")
                                .and_then(|n| n.parse::<i64>().ok())
                                .and_then(|n| ids.get("meetings").and_then(|m| m.get(&n)))
                                .map(|n| format!("meeting:{n}"));
                            v = Sql::Text(moved.unwrap_or_else(|| s.clone()));
                        }
                    }
                    names.push(c.as_str());
                    values.push(v);
                }
                if orphan {
                    // What it belongs to is in neither database.
                    continue;
                }
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                let n = self.execute(
                    &format!("INSERT OR IGNORE INTO {name} ({}) VALUES ({})", names.join(", "), marks.join(", ")),
                    rusqlite::params_from_iter(values),
                )?;
                if n == 0 {
                    present += 1;
                    continue;
                }
                added += 1;
                let new_id = self.last_insert_rowid();
                if let Some(old) = old_id {
                    ids.entry(name_of(name)).or_default().insert(old, new_id);
                }
                if known.iter().any(|c| c == "id") {
                    inserted.push((name.to_string(), new_id));
                }
            }
            report.added.push((name.to_string(), added));
            report.present.push((name.to_string(), present));
        }
        // Recorded once every link is in, so that a task's record carries them.
        for (tbl, id) in inserted {
            if super::schema::VERSIONED.contains(&tbl.as_str()) || tbl == "attendance" {
                changed(self, &tbl, id, None)?;
            }
        }
        Ok(report)
    }

    fn lookup(&self, table: &str, column: &str, value: Option<&Value>) -> Result<Option<i64>> {
        let Some(v) = value.filter(|v| !v.is_null()) else { return Ok(None) };
        Ok(self
            .query_row(&format!("SELECT id FROM {table} WHERE {column} = ?1"), [to_sql(v)], |r| r.get(0))
            .optional()?)
    }
}

/// The table names as `'static` keys of the id maps.
fn name_of(name: &str) -> &'static str {
    ORDER.iter().find(|t| **t == name).copied().unwrap_or("other")
}

fn not_null_columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let cols = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, bool>(3)?)))?;
    let mut out = Vec::new();
    for c in cols {
        let (name, not_null) = c?;
        if not_null {
            out.push(name);
        }
    }
    Ok(out)
}
