//! The operations layer: one place where a user's intent becomes one
//! transaction. The faces (TUI, CLI, and the documents and import to come)
//! describe what the user wants as an [`Intent`]; [`execute`] applies the
//! domain rules once, runs it (or a list of them) in one `BEGIN IMMEDIATE`
//! transaction that checks the version of every row it overwrites, and
//! returns the [`Changes`] it made. [`dry_run`] does the same and rolls back.
//! Reads that a face shows come from the read models in [`read`].

pub mod export;
mod intent;
pub mod overview;
pub mod period;
pub mod read;
pub mod remind;
mod rules;

pub use intent::{match_place, quick_draft, Board, Intent};
pub use read::{BoardPage, BriefingSummary, HistoryLine, Names, TaskDetail};
pub use rules::{default_start, task_kind};

use crate::store::{Result, Store, StoreError, Write};

/// The kind of record a change touched, as the screens care about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Organization,
    Person,
    Meeting,
    Attendance,
    AgendaItem,
    Task,
    Note,
    Target,
    Value,
    Pending,
    Setting,
}

impl Entity {
    fn from_table(tbl: &str) -> Option<Entity> {
        Some(match tbl {
            "organizations" => Entity::Organization,
            "people" => Entity::Person,
            "meetings" => Entity::Meeting,
            "attendance" => Entity::Attendance,
            "agenda_items" => Entity::AgendaItem,
            "tasks" => Entity::Task,
            "task_notes" => Entity::Note,
            "targets" => Entity::Target,
            "target_actuals" => Entity::Value,
            "pending_items" => Entity::Pending,
            "settings" => Entity::Setting,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Created,
    Updated,
    Deleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub entity: Entity,
    pub id: i64,
    pub op: Op,
}

/// What an executed intent (or list of intents) changed, so that a face
/// refreshes only what is affected. `created` holds, per intent, the id of
/// the record it created, if any.
#[must_use]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub changes: Vec<Change>,
    pub created: Vec<Option<i64>>,
    /// The tables an undo reversed, in the order it reversed them.
    pub undone: Vec<String>,
}

impl Changes {
    /// The id the (first) intent created.
    pub fn created_id(&self) -> Option<i64> {
        self.created.iter().flatten().next().copied()
    }

    pub fn touches(&self, entity: Entity) -> bool {
        self.changes.iter().any(|c| c.entity == entity)
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One problem of a dry run, with the index of the intent it belongs to.
#[derive(Debug)]
pub struct Problem {
    pub index: usize,
    pub error: StoreError,
}

/// Runs one intent as one transaction.
pub fn execute(store: &mut Store, intent: Intent) -> Result<Changes> {
    execute_all(store, vec![intent])
}

/// Runs a list of intents as one transaction: all of them, or (on the
/// first refusal) none.
pub fn execute_all(store: &mut Store, intents: Vec<Intent>) -> Result<Changes> {
    store.write(|w| {
        let mut created = Vec::with_capacity(intents.len());
        let mut undone = Vec::new();
        for intent in intents {
            let out = intent::apply(w, intent)?;
            created.push(out.created);
            undone.extend(out.undone);
        }
        Ok(Changes { changes: changes_of(w)?, created, undone })
    })
}

/// Runs a list of intents as one transaction, each in a savepoint so that
/// every refusal is found (with its index), in one pass: with
/// `keep_valid` the others commit; without, any refusal rolls all back.
pub fn execute_checked(store: &mut Store, intents: Vec<Intent>, keep_valid: bool) -> Result<(Changes, Vec<Problem>)> {
    store.write_if(|w| {
        let (changes, problems) = run_each(w, intents)?;
        let commit = problems.is_empty() || keep_valid;
        Ok(((changes, problems), commit))
    })
}

fn run_each(w: &Write, intents: Vec<Intent>) -> Result<(Changes, Vec<Problem>)> {
    let mut problems = Vec::new();
    let mut created = Vec::with_capacity(intents.len());
    for (index, intent) in intents.into_iter().enumerate() {
        w.execute_batch("SAVEPOINT intent")?;
        match intent::apply(w, intent) {
            Ok(out) => {
                w.execute_batch("RELEASE intent")?;
                created.push(out.created);
            }
            Err(error) => {
                w.execute_batch("ROLLBACK TO intent; RELEASE intent")?;
                created.push(None);
                problems.push(Problem { index, error });
            }
        }
    }
    Ok((Changes { changes: changes_of(w)?, created, undone: Vec::new() }, problems))
}

/// Runs `f` with a transaction in which intents can be executed one after
/// another, each seeing what the previous created (the demo, an import with
/// references). Everything commits at the end, or nothing.
pub fn transaction<T>(store: &mut Store, f: impl FnOnce(&mut Batch) -> Result<T>) -> Result<T> {
    store.write(|w| {
        let mut batch = Batch { w };
        f(&mut batch)
    })
}

/// Intents executed inside one transaction (see [`transaction`]).
pub struct Batch<'a, 'w> {
    w: &'a Write<'w>,
}

impl Batch<'_, '_> {
    /// Executes one intent; returns the id it created, if any.
    pub fn run(&mut self, intent: Intent) -> Result<Option<i64>> {
        Ok(intent::apply(self.w, intent)?.created)
    }

    /// Reads inside the transaction.
    pub fn store(&self) -> &Store {
        self.w.store()
    }
}

/// Executes every intent in one transaction and rolls it back: nothing is
/// written. Returns each intent's problem with its index; an intent that
/// fails does not stop the next from being checked (each runs in its own
/// savepoint, so one failure does not leave half of it behind).
pub fn dry_run(store: &mut Store, intents: Vec<Intent>) -> Result<(Changes, Vec<Problem>)> {
    store.dry_run(|w| run_each(w, intents))
}

/// The rows this action wrote, from its history.
fn changes_of(w: &Write) -> Result<Vec<Change>> {
    let mut stmt = w.prepare_cached("SELECT tbl, record_id, op FROM history WHERE action_id = ?1 ORDER BY id")?;
    let rows =
        stmt.query_map([w.action], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (tbl, id, op) = row?;
        let Some(entity) = Entity::from_table(&tbl) else { continue };
        let op = match op.as_str() {
            "insert" => Op::Created,
            "delete" => Op::Deleted,
            _ => Op::Updated,
        };
        out.push(Change { entity, id, op });
    }
    Ok(out)
}
