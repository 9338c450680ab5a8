//! Numbered migrations, tracked in `PRAGMA user_version`.

use super::StoreError;
use rusqlite::Connection as Transaction;

type Migration = fn(&Transaction) -> Result<(), StoreError>;

/// Every migration in order; the schema version is their count.
const MIGRATIONS: &[Migration] = &[
    v1_core,
    v2_search_index,
    v3_versions,
    v4_who,
    v5_document_numbers,
    v6_identities,
    v7_completed_index,
    v8_search_by_date,
    v9_screen_indexes,
    v10_search_terms,
    v11_done_dates,
    v12_title_index,
    v13_task_dates,
    v14_search_newest_first,
    v15_task_days,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Runs the migrations after `from` inside the caller's write transaction,
/// so that a file is migrated once, all or nothing, however many processes
/// open it at the same moment.
pub(super) fn migrate(conn: &rusqlite::Connection, from: i64) -> Result<(), StoreError> {
    for (i, step) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        step(conn)?;
        conn.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    Ok(())
}

fn v1_core(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        r#"
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE organizations (
            id         INTEGER PRIMARY KEY,
            code       TEXT NOT NULL UNIQUE,
            name       TEXT NOT NULL,
            short_name TEXT NOT NULL,
            kind       TEXT NOT NULL,
            sort_order INTEGER NOT NULL DEFAULT 0,
            active     INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE people (
            id        INTEGER PRIMARY KEY,
            full_name TEXT NOT NULL,
            title     TEXT NOT NULL DEFAULT '',
            org_id    INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            phone     TEXT,
            roles     TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX people_org ON people(org_id);
        CREATE TABLE meetings (
            id           INTEGER PRIMARY KEY,
            year         INTEGER NOT NULL,
            number       INTEGER NOT NULL,
            kind         TEXT NOT NULL,
            starts_at    TEXT NOT NULL,
            started_at   TEXT,
            ends_at      TEXT,
            place        TEXT NOT NULL DEFAULT '',
            chair_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
            secretary_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            status       TEXT NOT NULL,
            notes        TEXT NOT NULL DEFAULT '',
            UNIQUE (year, number)
        );
        CREATE INDEX meetings_start ON meetings(starts_at);
        CREATE TABLE attendance (
            id         INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            org_id     INTEGER NOT NULL REFERENCES organizations(id),
            present    INTEGER NOT NULL,
            reason     TEXT NOT NULL DEFAULT '',
            attendees  TEXT NOT NULL DEFAULT '',
            UNIQUE (meeting_id, org_id)
        );
        CREATE TABLE agenda_items (
            id              INTEGER PRIMARY KEY,
            meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position        INTEGER NOT NULL,
            title           TEXT NOT NULL,
            org_id          INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            planned_minutes INTEGER,
            notes           TEXT NOT NULL DEFAULT '',
            outcome         TEXT NOT NULL DEFAULT '',
            standing        INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX agenda_meeting ON agenda_items(meeting_id, position);
        CREATE TABLE tasks (
            id             INTEGER PRIMARY KEY,
            title          TEXT NOT NULL,
            description    TEXT NOT NULL DEFAULT '',
            kind           TEXT NOT NULL,
            lead_org_id    INTEGER NOT NULL REFERENCES organizations(id),
            place          TEXT NOT NULL DEFAULT '',
            place_fold     TEXT NOT NULL DEFAULT '',
            doc_number     TEXT NOT NULL DEFAULT '',
            doc_date       TEXT,
            meeting_id     INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            start_date     TEXT,
            deadline       TEXT,
            status         TEXT NOT NULL,
            completed_on   TEXT,
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL
        );
        CREATE INDEX tasks_lead_status ON tasks(lead_org_id, status);
        CREATE INDEX tasks_status_deadline ON tasks(status, deadline);
        CREATE INDEX tasks_deadline ON tasks(deadline);
        CREATE INDEX tasks_meeting ON tasks(meeting_id);
        CREATE TABLE task_orgs (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            org_id  INTEGER NOT NULL REFERENCES organizations(id),
            PRIMARY KEY (task_id, org_id)
        ) WITHOUT ROWID;
        CREATE INDEX task_orgs_org ON task_orgs(org_id);
        CREATE TABLE task_people (
            task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            PRIMARY KEY (task_id, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX task_people_person ON task_people(person_id);
        CREATE TABLE task_notes (
            id       INTEGER PRIMARY KEY,
            task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            noted_on TEXT NOT NULL,
            text     TEXT NOT NULL
        );
        CREATE INDEX task_notes_task ON task_notes(task_id, noted_on);
        CREATE TABLE targets (
            id           INTEGER PRIMARY KEY,
            task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            indicator    TEXT NOT NULL,
            unit         TEXT NOT NULL DEFAULT '',
            target_value REAL NOT NULL
        );
        CREATE INDEX targets_task ON targets(task_id);
        CREATE TABLE target_actuals (
            id          INTEGER PRIMARY KEY,
            target_id   INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
            recorded_on TEXT NOT NULL,
            value       REAL NOT NULL
        );
        CREATE INDEX target_actuals_target ON target_actuals(target_id);
        CREATE TABLE pending_items (
            id               INTEGER PRIMARY KEY,
            kind             TEXT NOT NULL,
            text             TEXT NOT NULL,
            raised_by_org_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            meeting_id       INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            addressed_org_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
            addressed_to     TEXT NOT NULL DEFAULT '',
            raised_on        TEXT NOT NULL,
            answer_due       TEXT,
            status           TEXT NOT NULL,
            answer           TEXT NOT NULL DEFAULT '',
            answered_on      TEXT
        );
        CREATE INDEX pending_status ON pending_items(status, raised_on);
        CREATE INDEX pending_org ON pending_items(raised_by_org_id);
        CREATE TABLE history (
            id        INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL,
            at        TEXT NOT NULL,
            tbl       TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            op        TEXT NOT NULL,
            old       TEXT,
            new       TEXT,
            undone    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX history_record ON history(tbl, record_id);
        CREATE INDEX history_action ON history(action_id);
        "#,
    )?;
    Ok(())
}

/// Full-text index over accent-folded text (see `search.rs`), in its first
/// shape; migration 8 replaces it and fills it from the file.
fn v2_search_index(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        r#"
        CREATE VIRTUAL TABLE search_index USING fts5(
            kind UNINDEXED,
            ref_id UNINDEXED,
            parent_id UNINDEXED,
            is_open UNINDEXED,
            date UNINDEXED,
            label UNINDEXED,
            title,
            body,
            raw UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        "#,
    )?;
    Ok(())
}

/// Tables whose rows are edited by people: each row carries a version that
/// every update and delete checks and raises, so a stale write is refused.
pub const VERSIONED: &[&str] = &[
    "organizations",
    "people",
    "meetings",
    "agenda_items",
    "tasks",
    "task_notes",
    "targets",
    "target_actuals",
    "pending_items",
];

fn v3_versions(tx: &Transaction) -> Result<(), StoreError> {
    for tbl in VERSIONED {
        tx.execute_batch(&format!("ALTER TABLE {tbl} ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))?;
    }
    // What was settled while a briefing was held is read from the history by time.
    tx.execute_batch("CREATE INDEX history_at ON history(at)")?;
    Ok(())
}

/// Who made each change: the account, and the program run (a TUI session or
/// one command), so that undo reverses one's own work only.
fn v4_who(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "ALTER TABLE history ADD COLUMN actor TEXT NOT NULL DEFAULT '';
         ALTER TABLE history ADD COLUMN session TEXT NOT NULL DEFAULT '';
         CREATE INDEX history_actor ON history(actor, action_id);",
    )?;
    Ok(())
}

/// The register of issued document numbers: one sequence per type and year,
/// each number given once, to one document (a briefing's minutes, say).
fn v5_document_numbers(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE document_numbers (
             kind      TEXT NOT NULL,
             year      INTEGER NOT NULL,
             number    INTEGER NOT NULL CHECK (number > 0),
             subject   TEXT NOT NULL,
             issued_on TEXT NOT NULL,
             actor     TEXT NOT NULL DEFAULT '',
             PRIMARY KEY (kind, year, number),
             UNIQUE (kind, subject)
         );",
    )?;
    Ok(())
}

/// Records that another file may hold too carry a stable identity, so that
/// merging one bloc's export into another matches them instead of
/// duplicating them. Every new row gets one as it is inserted.
pub const IDENTIFIED: &[&str] =
    &["people", "meetings", "agenda_items", "tasks", "task_notes", "targets", "target_actuals", "pending_items"];

fn v6_identities(tx: &Transaction) -> Result<(), StoreError> {
    for tbl in IDENTIFIED {
        tx.execute_batch(&format!(
            "ALTER TABLE {tbl} ADD COLUMN uid TEXT;
             UPDATE {tbl} SET uid = lower(hex(randomblob(16)));
             CREATE UNIQUE INDEX {tbl}_uid ON {tbl}(uid);
             CREATE TRIGGER {tbl}_uid AFTER INSERT ON {tbl} WHEN NEW.uid IS NULL
             BEGIN UPDATE {tbl} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;"
        ))?;
    }
    Ok(())
}

/// Period reports and the weekly trend look up tasks by when they were
/// completed: an index, so that the cost follows the period, not the years.
fn v7_completed_index(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch("CREATE INDEX IF NOT EXISTS tasks_status_completed ON tasks(status, completed_on);")?;
    Ok(())
}

/// The search index in the order results are shown: each entry's rowid
/// puts newer records after older ones (before them since schema 14), so
/// that the newest matches of a word are read first and a search stops
/// after the rows it shows. Open work has an index of its own
/// (`search_index_open`, small however long the history), finished work
/// the other, so that neither list is filtered entry by entry; the `state`
/// column holds the record's kind as a word for a search of one kind;
/// prefix indexes for one to three letters, so that the first letters
/// typed read one list each (Vietnamese syllables are short: four letters
/// leave few words). `search_index_rows` says where each record's entry
/// is.
fn v8_search_by_date(tx: &Transaction) -> Result<(), StoreError> {
    let columns = "kind UNINDEXED, ref_id UNINDEXED, parent_id UNINDEXED, is_open UNINDEXED, date UNINDEXED,
        label UNINDEXED, title, body, raw UNINDEXED, state,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'";
    tx.execute_batch(&format!(
        "DROP TABLE IF EXISTS search_index;
         CREATE VIRTUAL TABLE search_index USING fts5({columns});
         CREATE VIRTUAL TABLE search_index_open USING fts5({columns});
         CREATE TABLE search_index_rows (
             kind   TEXT NOT NULL,
             ref_id INTEGER NOT NULL,
             row    INTEGER NOT NULL,
             open   INTEGER NOT NULL,
             PRIMARY KEY (kind, ref_id)
         ) WITHOUT ROWID;"
    ))?;
    super::search::rebuild(tx)
}

/// Indexes for what the screens read, so that none of them reads a table of
/// the history through: the open briefings, the places on file (read one
/// step per place), pending items addressed to an organization, raised at a
/// briefing and answered in a period.
fn v9_screen_indexes(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS meetings_status ON meetings(status, starts_at);
         CREATE INDEX IF NOT EXISTS tasks_place ON tasks(place);
         CREATE INDEX IF NOT EXISTS pending_addressed ON pending_items(addressed_org_id, status);
         CREATE INDEX IF NOT EXISTS pending_answered ON pending_items(answered_on);
         CREATE INDEX IF NOT EXISTS pending_meeting ON pending_items(meeting_id);",
    )?;
    Ok(())
}

/// The words of the search index, listed once each (see `search::Terms`),
/// so that a word typed in part is looked up as the whole words it begins.
fn v10_search_terms(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch("CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;")?;
    super::search::fill_terms(tx)
}

/// The dates of done work in the index that finds it, so that the weekly
/// trend (completed and late, week by week) reads half a year of finished
/// tasks without looking each one up; it serves every query of the index
/// it replaces (status, completion day). A target's values by day, so that
/// its value on a day is one index step instead of sorting all its values.
fn v11_done_dates(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS tasks_done_dates ON tasks(status, completed_on, deadline, start_date, created_at);
         DROP INDEX IF EXISTS tasks_status_completed;
         CREATE INDEX IF NOT EXISTS target_actuals_by_day ON target_actuals(target_id, recorded_on);
         DROP INDEX IF EXISTS target_actuals_target;",
    )?;
    Ok(())
}

/// The titles in an index of their own, beside each index of entries
/// (open work, finished work), so that a search for matches in titles reads
/// titles only, not every note's text (see `search::Indexer`).
fn v12_title_index(tx: &Transaction) -> Result<(), StoreError> {
    let columns = "title, state, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'";
    tx.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_titles USING fts5({columns});
         CREATE VIRTUAL TABLE IF NOT EXISTS search_titles_open USING fts5({columns});"
    ))?;
    super::search::fill_titles(tx)
}

/// The index of done work's dates also holds each task's lead and kind, so
/// that the period's counts per organization (the overview) and the common
/// board's counts are answered from the index without reading task rows.
/// It serves every query of the index it replaces, whose columns it begins
/// with.
fn v13_task_dates(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS tasks_dates
             ON tasks(status, completed_on, deadline, start_date, created_at, lead_org_id, kind);
         DROP INDEX IF EXISTS tasks_done_dates;",
    )?;
    Ok(())
}

/// The search index keyed newest first (negated keys, read in ascending
/// order): FTS5 skips ahead in its lists only when reading them forwards,
/// so a few common words found together in few records cost half as much.
/// Every entry gets its new key: the index is rebuilt.
fn v14_search_newest_first(tx: &Transaction) -> Result<(), StoreError> {
    super::search::rebuild(tx)
}

/// The bloc's work by day, kept by triggers on the tasks (see
/// `daily`), so that the overview's weekly trend reads the days of its
/// weeks, not the tasks completed in them.
fn v15_task_days(tx: &Transaction) -> Result<(), StoreError> {
    super::daily::create(tx)?;
    super::daily::fill(tx)
}
