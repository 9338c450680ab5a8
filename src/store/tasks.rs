//! Tasks with their coordinating organizations, people, notes and targets.

use super::history::{bump_version, changed, delete_checked, delete_row, snapshot, version_of};
use super::{conv, Result, Store, StoreError, Write};
use crate::domain::{Target, TargetActual, Task, TaskKind, TaskNote, TaskSource, TaskStatus};
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

/// Which tasks a board, list or command shows. The default is every open
/// (not done, not cancelled) task.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskFilter {
    /// An organization's work: the tasks it leads or coordinates (see
    /// `work_of`), whatever their kind.
    pub org_id: Option<i64>,
    /// A second organization whose work the tasks must also be (a filter
    /// on an organization's board).
    pub also_org_id: Option<i64>,
    /// Tasks this organization leads.
    pub lead_org_id: Option<i64>,
    /// Only these statuses; empty means open ones unless `include_finished`.
    pub statuses: Vec<TaskStatus>,
    pub include_finished: bool,
    pub kinds: Vec<TaskKind>,
    pub exclude_kind: Option<TaskKind>,
    /// Deadline before `today` and not finished.
    pub overdue: bool,
    /// Deadline within this many days from `today` (overdue ones included).
    pub due_within: Option<i64>,
    pub person_id: Option<i64>,
    /// Accent-insensitive part of the place.
    pub place: Option<String>,
    pub meeting_id: Option<i64>,
    /// Done tasks completed on or after this date (a board's "done this period").
    pub done_since: Option<NaiveDate>,
    pub ids: Option<Vec<i64>>,
    /// Folded words that must all appear in the title.
    pub words: Vec<String>,
}

const TASK_COLUMNS: &str = "t.id, t.title, t.description, t.kind, t.lead_org_id, t.place, t.doc_number, t.doc_date,
    t.meeting_id, t.agenda_item_id, t.start_date, t.deadline, t.status, t.completed_on,
    (SELECT group_concat(org_id) FROM task_orgs WHERE task_id = t.id),
    (SELECT group_concat(person_id) FROM task_people WHERE task_id = t.id), t.version";

fn task_from_row(r: &Row) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        kind: TaskKind::from_code(&r.get::<_, String>(3)?).unwrap_or(TaskKind::Specific),
        lead_org_id: r.get(4)?,
        place: r.get(5)?,
        source: TaskSource {
            doc_number: r.get(6)?,
            doc_date: conv::parse_date(r.get(7)?),
            meeting_id: r.get(8)?,
            agenda_item_id: r.get(9)?,
        },
        start_date: conv::parse_date(r.get(10)?),
        deadline: conv::parse_date(r.get(11)?),
        status: TaskStatus::from_code(&r.get::<_, String>(12)?).unwrap_or(TaskStatus::NotStarted),
        completed_on: conv::parse_date(r.get(13)?),
        with_org_ids: conv::ids(r.get(14)?),
        person_ids: conv::ids(r.get(15)?),
        version: r.get(16)?,
    })
}

fn load_task(tx: &Connection, id: i64) -> Result<Task> {
    tx.query_row(&format!("SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id = ?1"), [id], task_from_row)
        .optional()?
        .ok_or(StoreError::NotFound { what: "task", id })
}

/// Writes every column and link of `task` over row `task.id`.
fn write_task(tx: &Write, t: &Task) -> Result<()> {
    tx.execute(
        "UPDATE tasks SET title = ?2, description = ?3, kind = ?4, lead_org_id = ?5, place = ?6, place_fold = ?7,
             doc_number = ?8, doc_date = ?9, meeting_id = ?10, agenda_item_id = ?11, start_date = ?12,
             deadline = ?13, status = ?14, completed_on = ?15, updated_at = ?16 WHERE id = ?1",
        params![
            t.id,
            t.title,
            t.description,
            t.kind.code(),
            t.lead_org_id,
            t.place,
            crate::text::fold(&t.place),
            t.source.doc_number,
            conv::opt_date(t.source.doc_date),
            t.source.meeting_id,
            t.source.agenda_item_id,
            conv::opt_date(t.start_date),
            conv::opt_date(t.deadline),
            t.status.code(),
            conv::opt_date(t.completed_on),
            tx.stamp()
        ],
    )?;
    tx.execute("DELETE FROM task_orgs WHERE task_id = ?1", [t.id])?;
    for org in &t.with_org_ids {
        tx.execute("INSERT OR IGNORE INTO task_orgs (task_id, org_id) VALUES (?1, ?2)", [t.id, *org])?;
    }
    tx.execute("DELETE FROM task_people WHERE task_id = ?1", [t.id])?;
    for p in &t.person_ids {
        tx.execute("INSERT OR IGNORE INTO task_people (task_id, person_id) VALUES (?1, ?2)", [t.id, *p])?;
    }
    Ok(())
}

/// The one definition of "an organization's work": the tasks it leads or
/// coordinates, common ones included. `status`, the board strip, an
/// organization's board, `tasks --org` and the most-overdue list all count
/// with it. `t` is the tasks table's alias, `org` the organization's id.
pub(crate) fn work_of(t: &str, org: &str) -> String {
    format!(
        "({t}.lead_org_id = {org} OR EXISTS(SELECT 1 FROM task_orgs x WHERE x.task_id = {t}.id AND x.org_id = {org}))"
    )
}

fn note_from_row(r: &Row) -> rusqlite::Result<TaskNote> {
    Ok(TaskNote {
        id: r.get(0)?,
        task_id: r.get(1)?,
        noted_on: conv::parse_date(r.get(2)?).unwrap_or_default(),
        text: r.get(3)?,
        version: r.get(4)?,
    })
}

fn actual_from_row(r: &Row) -> rusqlite::Result<TargetActual> {
    Ok(TargetActual {
        id: r.get(0)?,
        target_id: r.get(1)?,
        recorded_on: conv::parse_date(r.get(2)?).unwrap_or_default(),
        value: r.get(3)?,
        version: r.get(4)?,
    })
}

fn ensure_org(tx: &Connection, id: i64) -> Result<()> {
    let ok: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM organizations WHERE id = ?1)", [id], |r| r.get(0))?;
    if ok {
        Ok(())
    } else {
        Err(StoreError::NotFound { what: "organization", id })
    }
}

impl Store {
    /// Tasks matching `filter`, soonest deadline first (no deadline last).
    pub fn tasks(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Vec<Task>> {
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<SqlValue> = Vec::new();
        let arg = |v: SqlValue, args: &mut Vec<SqlValue>| {
            args.push(v);
            format!("?{}", args.len())
        };
        for org in [filter.org_id, filter.also_org_id].into_iter().flatten() {
            let p = arg(SqlValue::Integer(org), &mut args);
            clauses.push(work_of("t", &p));
        }
        if let Some(org) = filter.lead_org_id {
            let p = arg(SqlValue::Integer(org), &mut args);
            clauses.push(format!("t.lead_org_id = {p}"));
        }
        // Recently done work with other statuses: two index ranges (the
        // statuses, and done since the day), never every task done before.
        let done_since = filter.done_since.filter(|_| filter.statuses.contains(&TaskStatus::Done));
        if let Some(since) = done_since {
            let others: Vec<String> = filter
                .statuses
                .iter()
                .filter(|s| **s != TaskStatus::Done)
                .map(|s| arg(SqlValue::Text(s.code().into()), &mut args))
                .collect();
            let p = arg(SqlValue::Text(conv::date(since)), &mut args);
            let recent = format!("(t.status = 'done' AND t.completed_on >= {p})");
            clauses.push(if others.is_empty() {
                recent
            } else {
                format!("(t.status IN ({}) OR {recent})", others.join(", "))
            });
        } else if !filter.statuses.is_empty() {
            let list: Vec<String> =
                filter.statuses.iter().map(|s| arg(SqlValue::Text(s.code().into()), &mut args)).collect();
            clauses.push(format!("t.status IN ({})", list.join(", ")));
        } else if !filter.include_finished {
            clauses.push("t.status IN ('not-started', 'in-progress', 'blocked')".into());
        }
        if !filter.kinds.is_empty() {
            let list: Vec<String> =
                filter.kinds.iter().map(|k| arg(SqlValue::Text(k.code().into()), &mut args)).collect();
            clauses.push(format!("t.kind IN ({})", list.join(", ")));
        }
        if let Some(k) = filter.exclude_kind {
            let p = arg(SqlValue::Text(k.code().into()), &mut args);
            clauses.push(format!("t.kind <> {p}"));
        }
        if filter.overdue {
            let p = arg(SqlValue::Text(conv::date(today)), &mut args);
            clauses.push(format!("t.deadline < {p} AND t.status IN ('not-started', 'in-progress', 'blocked')"));
        }
        if let Some(days) = filter.due_within {
            let until = today + chrono::Duration::days(days.max(0));
            let p = arg(SqlValue::Text(conv::date(until)), &mut args);
            clauses.push(format!("t.deadline IS NOT NULL AND t.deadline <= {p}"));
        }
        if let Some(person) = filter.person_id {
            let p = arg(SqlValue::Integer(person), &mut args);
            clauses.push(format!("EXISTS(SELECT 1 FROM task_people y WHERE y.task_id = t.id AND y.person_id = {p})"));
        }
        if let Some(place) = filter.place.as_deref().map(crate::text::fold).filter(|p| !p.is_empty()) {
            let p = arg(SqlValue::Text(format!("%{}%", place.replace(['%', '_'], ""))), &mut args);
            clauses.push(format!("t.place_fold LIKE {p}"));
        }
        if let Some(m) = filter.meeting_id {
            let p = arg(SqlValue::Integer(m), &mut args);
            clauses.push(format!("t.meeting_id = {p}"));
        }
        if let Some(since) = filter.done_since.filter(|_| done_since.is_none()) {
            let p = arg(SqlValue::Text(conv::date(since)), &mut args);
            clauses.push(format!("(t.status <> 'done' OR t.completed_on >= {p})"));
        }
        if let Some(ids) = &filter.ids {
            let list: Vec<String> = ids.iter().map(|i| arg(SqlValue::Integer(*i), &mut args)).collect();
            clauses.push(format!("t.id IN ({})", if list.is_empty() { "NULL".into() } else { list.join(", ") }));
        }
        let where_sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
        let sql =
            format!("SELECT {TASK_COLUMNS} FROM tasks t {where_sql} ORDER BY t.deadline IS NULL, t.deadline, t.id");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), task_from_row)?;
        let mut tasks: Vec<Task> = rows.collect::<std::result::Result<_, _>>()?;
        if !filter.words.is_empty() {
            tasks.retain(|t| {
                let title = crate::text::fold(&t.title);
                filter.words.iter().all(|w| title.contains(w.as_str()))
            });
        }
        Ok(tasks)
    }

    pub fn task(&self, id: i64) -> Result<Task> {
        self.row(&format!("SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id = ?1"), [id], task_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "task", id })
    }

    /// Every place used on a task, in Vietnamese alphabetical order: read
    /// from the place index one step per place, not task by task.
    pub fn places(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "WITH RECURSIVE p(place) AS (
                 SELECT MIN(place) FROM tasks WHERE place > ''
                 UNION ALL
                 SELECT (SELECT MIN(place) FROM tasks WHERE place > p.place) FROM p WHERE p.place IS NOT NULL
             )
             SELECT place FROM p WHERE place IS NOT NULL",
        )?;
        let mut places: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        places.sort_by_cached_key(|p| crate::text::collation_key(p));
        places.dedup_by(|a, b| crate::text::fold(a) == crate::text::fold(b));
        Ok(places)
    }

    /// A task's progress notes, oldest first.
    pub fn task_notes(&self, task_id: i64) -> Result<Vec<TaskNote>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, task_id, noted_on, text, version FROM task_notes WHERE task_id = ?1 ORDER BY noted_on, id",
        )?;
        let rows = stmt.query_map([task_id], note_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn task_note(&self, id: i64) -> Result<TaskNote> {
        self.row("SELECT id, task_id, noted_on, text, version FROM task_notes WHERE id = ?1", [id], note_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "note", id })
    }

    /// One target with its recorded values.
    pub fn target(&self, id: i64) -> Result<Target> {
        let task_id: i64 = self
            .row("SELECT task_id FROM targets WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NotFound { what: "target", id })?;
        self.targets(task_id)?.into_iter().find(|g| g.id == id).ok_or(StoreError::NotFound { what: "target", id })
    }

    /// A task's targets with their recorded values.
    pub fn targets(&self, task_id: i64) -> Result<Vec<Target>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, task_id, indicator, unit, target_value, version FROM targets WHERE task_id = ?1 ORDER BY id",
        )?;
        let mut targets: Vec<Target> = stmt
            .query_map([task_id], |r| {
                Ok(Target {
                    id: r.get(0)?,
                    task_id: r.get(1)?,
                    indicator: r.get(2)?,
                    unit: r.get(3)?,
                    target_value: r.get(4)?,
                    actuals: Vec::new(),
                    version: r.get(5)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut act = self.conn().prepare_cached(
            "SELECT id, target_id, recorded_on, value, version FROM target_actuals WHERE target_id = ?1 ORDER BY recorded_on, id",
        )?;
        for t in &mut targets {
            t.actuals = act.query_map([t.id], actual_from_row)?.collect::<std::result::Result<_, _>>()?;
        }
        Ok(targets)
    }

    /// One recorded value: (target id, date, value).
    pub fn target_actual(&self, id: i64) -> Result<TargetActual> {
        self.row(
            "SELECT id, target_id, recorded_on, value, version FROM target_actuals WHERE id = ?1",
            [id],
            actual_from_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound { what: "target", id })
    }
}

impl Write<'_> {
    /// Adds a task, with an optional first progress note, as one action.
    pub fn add_task(&self, task: Task, first_note: Option<(NaiveDate, &str)>) -> Result<i64> {
        let mut t = task.validated()?;
        if t.status == TaskStatus::Done && t.completed_on.is_none() {
            t.completed_on = first_note.map(|(d, _)| d).or(t.start_date);
        }
        let note = match first_note {
            Some((d, text)) => Some((d, crate::domain::check_text("note", text)?)).filter(|(_, s)| !s.is_empty()),
            None => None,
        };
        self.run(|tx| {
            ensure_org(tx, t.lead_org_id)?;
            for o in &t.with_org_ids {
                ensure_org(tx, *o)?;
            }
            let now = tx.stamp();
            tx.execute(
                "INSERT INTO tasks (title, kind, lead_org_id, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![t.title, t.kind.code(), t.lead_org_id, t.status.code(), now],
            )?;
            let id = tx.last_insert_rowid();
            write_task(tx, &Task { id, ..t.clone() })?;
            changed(tx, "tasks", id, None)?;
            if let Some((d, text)) = &note {
                tx.execute("INSERT INTO task_notes (task_id, noted_on, text) VALUES (?1, ?2, ?3)", params![id, conv::date(*d), text])?;
                changed(tx, "task_notes", tx.last_insert_rowid(), None)?;
            }
            Ok(id)
        })
    }

    /// Saves every field of a task.
    pub fn update_task(&self, task: Task) -> Result<()> {
        let t = task.validated()?;
        self.run(|tx| {
            let old = snapshot(tx, "tasks", t.id)?.ok_or(StoreError::NotFound { what: "task", id: t.id })?;
            bump_version(tx, "tasks", t.id, Some(t.version))?;
            ensure_org(tx, t.lead_org_id)?;
            for o in &t.with_org_ids {
                ensure_org(tx, *o)?;
            }
            write_task(tx, &t)?;
            changed(tx, "tasks", t.id, Some(old))
        })
    }

    /// Moves a task to `status`, recording today as its completion date
    /// or clearing it. With `expected`, only if nobody changed it since.
    pub fn set_task_status(&self, id: i64, status: TaskStatus, expected: Option<i64>) -> Result<Task> {
        self.run(|tx| {
            let mut t = load_task(tx, id)?;
            let old = snapshot(tx, "tasks", id)?;
            bump_version(tx, "tasks", id, expected)?;
            t.set_status(status, tx.today());
            write_task(tx, &t)?;
            changed(tx, "tasks", id, old)?;
            load_task(tx, id)
        })
    }

    /// Moves a task's deadline (rescheduling carried-over work); a deadline
    /// before the start moves the start with it.
    pub fn reschedule_task(&self, id: i64, deadline: Option<NaiveDate>, expected: Option<i64>) -> Result<Task> {
        self.run(|tx| {
            let mut t = load_task(tx, id)?;
            if expected.is_some_and(|v| v != t.version) {
                return Err(StoreError::Conflict { what: "task", id });
            }
            t.deadline = deadline;
            if let (Some(d), Some(s)) = (deadline, t.start_date) {
                if d < s {
                    t.start_date = Some(d);
                }
            }
            self.update_task(t)?;
            load_task(tx, id)
        })
    }

    /// Deletes a task with its notes and targets; with `expected`, only if
    /// nobody changed it since it was read.
    pub fn delete_task(&self, id: i64, expected: Option<i64>) -> Result<()> {
        self.run(|tx| {
            let t = load_task(tx, id)?;
            if expected.is_some_and(|v| v != t.version) {
                return Err(StoreError::Conflict { what: "task", id });
            }
            let actuals: Vec<i64> = tx
                .prepare("SELECT a.id FROM target_actuals a JOIN targets g ON g.id = a.target_id WHERE g.task_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for a in actuals {
                delete_row(tx, "target_actuals", a)?;
            }
            for (tbl, sql) in [
                ("targets", "SELECT id FROM targets WHERE task_id = ?1"),
                ("task_notes", "SELECT id FROM task_notes WHERE task_id = ?1"),
            ] {
                let ids: Vec<i64> =
                    tx.prepare(sql)?.query_map([id], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
                for rid in ids {
                    delete_row(tx, tbl, rid)?;
                }
            }
            delete_row(tx, "tasks", id)?;
            Ok(())
        })
    }

    pub fn add_task_note(&self, task_id: i64, on: NaiveDate, text: &str) -> Result<i64> {
        let text = crate::domain::check_text("note", text)?;
        if text.is_empty() {
            return Err(crate::domain::DomainError::Empty { field: "note" }.into());
        }
        self.run(|tx| {
            load_task(tx, task_id)?;
            tx.execute(
                "INSERT INTO task_notes (task_id, noted_on, text) VALUES (?1, ?2, ?3)",
                params![task_id, conv::date(on), text],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "task_notes", id, None)?;
            Ok(id)
        })
    }

    pub fn update_task_note(&self, note: TaskNote) -> Result<()> {
        let text = crate::domain::check_text("note", &note.text)?;
        if text.is_empty() {
            return Err(crate::domain::DomainError::Empty { field: "note" }.into());
        }
        self.run(|tx| {
            let old = snapshot(tx, "task_notes", note.id)?.ok_or(StoreError::NotFound { what: "note", id: note.id })?;
            bump_version(tx, "task_notes", note.id, Some(note.version))?;
            tx.execute(
                "UPDATE task_notes SET noted_on = ?2, text = ?3 WHERE id = ?1",
                params![note.id, conv::date(note.noted_on), text],
            )?;
            changed(tx, "task_notes", note.id, Some(old))
        })
    }

    pub fn delete_task_note(&self, id: i64, expected: Option<i64>) -> Result<()> {
        delete_checked(self, "task_notes", id, expected)
    }

    pub fn add_target(&self, target: Target) -> Result<i64> {
        let t = target.validated()?;
        self.run(|tx| {
            load_task(tx, t.task_id)?;
            tx.execute(
                "INSERT INTO targets (task_id, indicator, unit, target_value) VALUES (?1, ?2, ?3, ?4)",
                params![t.task_id, t.indicator, t.unit, t.target_value],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "targets", id, None)?;
            Ok(id)
        })
    }

    pub fn update_target(&self, target: Target) -> Result<()> {
        let t = target.validated()?;
        self.run(|tx| {
            let old = snapshot(tx, "targets", t.id)?.ok_or(StoreError::NotFound { what: "target", id: t.id })?;
            bump_version(tx, "targets", t.id, Some(t.version))?;
            tx.execute(
                "UPDATE targets SET indicator = ?2, unit = ?3, target_value = ?4 WHERE id = ?1",
                params![t.id, t.indicator, t.unit, t.target_value],
            )?;
            changed(tx, "targets", t.id, Some(old))
        })
    }

    pub fn delete_target(&self, id: i64, expected: Option<i64>) -> Result<()> {
        self.run(|tx| {
            if let Some(v) = expected {
                if version_of(tx, "targets", id)?.is_some_and(|cur| cur != v) {
                    return Err(StoreError::Conflict { what: "target", id });
                }
            }
            let actuals: Vec<i64> = tx
                .prepare("SELECT id FROM target_actuals WHERE target_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for a in actuals {
                delete_row(tx, "target_actuals", a)?;
            }
            if !delete_row(tx, "targets", id)? {
                return Err(StoreError::NotFound { what: "target", id });
            }
            Ok(())
        })
    }

    /// Records the value a target has reached on a date.
    pub fn add_target_actual(&self, target_id: i64, on: NaiveDate, value: f64) -> Result<i64> {
        if !value.is_finite() || value < 0.0 {
            return Err(crate::domain::DomainError::BadTargetValue.into());
        }
        self.run(|tx| {
            let exists: bool =
                tx.query_row("SELECT EXISTS(SELECT 1 FROM targets WHERE id = ?1)", [target_id], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::NotFound { what: "target", id: target_id });
            }
            tx.execute(
                "INSERT INTO target_actuals (target_id, recorded_on, value) VALUES (?1, ?2, ?3)",
                params![target_id, conv::date(on), value],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "target_actuals", id, None)?;
            Ok(id)
        })
    }

    /// Corrects a recorded value or its date.
    pub fn update_target_actual(&self, a: &TargetActual) -> Result<()> {
        if !a.value.is_finite() || a.value < 0.0 {
            return Err(crate::domain::DomainError::BadTargetValue.into());
        }
        let id = a.id;
        self.run(|tx| {
            let old = snapshot(tx, "target_actuals", id)?.ok_or(StoreError::NotFound { what: "actual", id })?;
            bump_version(tx, "target_actuals", id, Some(a.version))?;
            tx.execute(
                "UPDATE target_actuals SET recorded_on = ?2, value = ?3 WHERE id = ?1",
                params![id, conv::date(a.recorded_on), a.value],
            )?;
            changed(tx, "target_actuals", id, Some(old))
        })
    }

    pub fn delete_target_actual(&self, id: i64, expected: Option<i64>) -> Result<()> {
        delete_checked(self, "target_actuals", id, expected)
    }
}
