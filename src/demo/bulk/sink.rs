//! Rows as they are stored: each table's columns, the values of a row, the
//! history's snapshot of it, and the prepared statements that insert them.

use super::*;

/// The tables written, with their columns in the stored order (what
/// `SELECT *` returns, so what the history's snapshot holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum T {
    People,
    Meetings,
    Attendance,
    Agenda,
    Tasks,
    Notes,
    Targets,
    Actuals,
    Pending,
}

pub(super) const TABLES: [(&str, &[&str]); 9] = [
    ("people", &["id", "full_name", "title", "org_id", "phone", "roles", "version", "uid"]),
    (
        "meetings",
        &[
            "id",
            "year",
            "number",
            "kind",
            "starts_at",
            "started_at",
            "ends_at",
            "place",
            "chair_id",
            "secretary_id",
            "status",
            "notes",
            "version",
            "uid",
        ],
    ),
    ("attendance", &["id", "meeting_id", "org_id", "present", "reason", "attendees"]),
    (
        "agenda_items",
        &[
            "id",
            "meeting_id",
            "position",
            "title",
            "org_id",
            "planned_minutes",
            "notes",
            "outcome",
            "standing",
            "version",
            "uid",
        ],
    ),
    (
        "tasks",
        &[
            "id",
            "title",
            "description",
            "kind",
            "lead_org_id",
            "place",
            "place_fold",
            "doc_number",
            "doc_date",
            "meeting_id",
            "agenda_item_id",
            "start_date",
            "deadline",
            "status",
            "completed_on",
            "created_at",
            "updated_at",
            "version",
            "uid",
        ],
    ),
    ("task_notes", &["id", "task_id", "noted_on", "text", "version", "uid"]),
    ("targets", &["id", "task_id", "indicator", "unit", "target_value", "version", "uid"]),
    ("target_actuals", &["id", "target_id", "recorded_on", "value", "version", "uid"]),
    (
        "pending_items",
        &[
            "id",
            "kind",
            "text",
            "raised_by_org_id",
            "meeting_id",
            "addressed_org_id",
            "addressed_to",
            "raised_on",
            "answer_due",
            "status",
            "answer",
            "answered_on",
            "version",
            "uid",
        ],
    ),
];

pub(super) fn text(s: impl Into<String>) -> Sql {
    Sql::Text(s.into())
}

pub(super) fn int(n: i64) -> Sql {
    Sql::Integer(n)
}

pub(super) fn opt_int(n: Option<i64>) -> Sql {
    n.map_or(Sql::Null, Sql::Integer)
}

pub(super) fn date(d: NaiveDate) -> Sql {
    text(d.format("%Y-%m-%d").to_string())
}

pub(super) fn opt_date(d: Option<NaiveDate>) -> Sql {
    d.map_or(Sql::Null, date)
}

/// A briefing's time as the store keeps it (to the minute).
pub(super) fn minute(d: NaiveDateTime) -> Sql {
    text(d.format("%Y-%m-%d %H:%M").to_string())
}

/// A save time as the store keeps it (`created_at`, history).
pub(super) fn stamp(d: NaiveDateTime) -> String {
    d.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The stored row as the history's snapshot writes it.
pub(super) fn snapshot(cols: &[&str], values: &[Sql], links: Option<(&[i64], &[i64])>) -> String {
    let mut map = Map::new();
    for (c, v) in cols.iter().zip(values) {
        let v = match v {
            Sql::Null | Sql::Blob(_) => Value::Null,
            Sql::Integer(n) => Value::from(*n),
            Sql::Real(x) => Value::from(*x),
            Sql::Text(s) => Value::from(s.as_str()),
        };
        map.insert((*c).to_string(), v);
    }
    if let Some((orgs, people)) = links {
        map.insert("with_org_ids".into(), Value::from(orgs.to_vec()));
        map.insert("person_ids".into(), Value::from(people.to_vec()));
    }
    Value::Object(map).to_string()
}

/// Prepared inserts, the next id of each table, and the history rows.
pub(super) struct Sink<'c> {
    pub(super) conn: &'c Connection,
    pub(super) rows: Vec<Statement<'c>>,
    pub(super) task_orgs: Statement<'c>,
    pub(super) task_people: Statement<'c>,
    pub(super) history: Statement<'c>,
    pub(super) next_id: [i64; 9],
    pub(super) counts: [usize; 9],
    pub(super) next_history: i64,
    pub(super) action: i64,
    pub(super) actor: String,
    pub(super) session: String,
    pub(super) uids: Rng,
}

impl<'c> Sink<'c> {
    pub(super) fn new(conn: &'c Connection, action: i64, uid_seed: u64) -> Result<Sink<'c>> {
        let mut rows = Vec::new();
        let mut next_id = [1; 9];
        for (i, (tbl, cols)) in TABLES.iter().enumerate() {
            let marks: Vec<String> = (1..=cols.len()).map(|k| format!("?{k}")).collect();
            let sql = format!("INSERT INTO {tbl} ({}) VALUES ({})", cols.join(", "), marks.join(", "));
            rows.push(conn.prepare(&sql)?);
            next_id[i] = conn.query_row(&format!("SELECT COALESCE(MAX(id), 0) + 1 FROM {tbl}"), [], |r| r.get(0))?;
        }
        let next_history = conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM history", [], |r| r.get(0))?;
        // Who the history names, as the store records it: the account.
        let actor = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| uid());
        Ok(Sink {
            conn,
            rows,
            task_orgs: conn.prepare("INSERT INTO task_orgs (task_id, org_id) VALUES (?1, ?2)")?,
            task_people: conn.prepare("INSERT INTO task_people (task_id, person_id) VALUES (?1, ?2)")?,
            history: conn.prepare(
                "INSERT INTO history (id, action_id, at, tbl, record_id, op, old, new, undone, actor, session)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10)",
            )?,
            next_id,
            counts: [0; 9],
            next_history,
            action,
            actor,
            // One tag for the whole sample, not this run's: the same seed
            // gives the same rows.
            session: "demo".into(),
            uids: Rng::new(uid_seed),
        })
    }

    /// Inserts one row of `t` from its values after the id (the version,
    /// 1, and the identity are added), with links for a task, and its
    /// history row at `at`.
    pub(super) fn put(&mut self, t: T, mut values: Vec<Sql>, at: &str, links: Option<(&[i64], &[i64])>) -> Result<i64> {
        let i = t as usize;
        let (tbl, cols) = TABLES[i];
        let id = self.next_id[i];
        self.next_id[i] += 1;
        values.insert(0, Sql::Integer(id));
        if cols.contains(&"version") {
            values.push(Sql::Integer(1));
        }
        if cols.contains(&"uid") {
            // The stable identity, drawn from the seed rather than left to
            // the store's random one: the same seed gives the same rows.
            values.push(Sql::Text(format!("{:016x}{:016x}", self.uids.next(), self.uids.next())));
        }
        debug_assert_eq!(values.len(), cols.len(), "{tbl}");
        self.rows[i].execute(rusqlite::params_from_iter(values.iter()))?;
        if let Some((orgs, people)) = links {
            for o in orgs {
                self.task_orgs.execute([id, *o])?;
            }
            for p in people {
                self.task_people.execute([id, *p])?;
            }
        }
        let json = snapshot(cols, &values, links);
        self.record(tbl, id, "insert", None, json, at)?;
        self.counts[i] += 1;
        Ok(id)
    }

    pub(super) fn record(
        &mut self,
        tbl: &str,
        id: i64,
        op: &str,
        old: Option<String>,
        new: String,
        at: &str,
    ) -> Result<()> {
        let hid = self.next_history;
        self.next_history += 1;
        self.history.execute(params![hid, self.action, at, tbl, id, op, old, new, self.actor, self.session])?;
        Ok(())
    }

    pub(super) fn summary(&self, years: u32) -> BulkSummary {
        let n = |t: T| self.counts[t as usize];
        BulkSummary {
            years,
            people: n(T::People),
            meetings: n(T::Meetings),
            agenda_items: n(T::Agenda),
            attendance: n(T::Attendance),
            tasks: n(T::Tasks),
            notes: n(T::Notes),
            targets: n(T::Targets),
            actuals: n(T::Actuals),
            pending: n(T::Pending),
            history: 0,
        }
    }
}

/// The account's number, when its name is not in the environment.
#[cfg(unix)]
pub(super) fn uid() -> String {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }.to_string()
}

#[cfg(not(unix))]
pub(super) fn uid() -> String {
    String::new()
}
