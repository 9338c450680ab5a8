//! Fixtures shared by several test files.

use giaoban::store::{Store, VERSIONED};
use std::path::Path;

/// A file at schema 1 (the store's first migration only) holding one task,
/// "Đường liên thôn": what a file written by the first release looks like.
#[allow(dead_code)]
pub fn schema_1_file(path: &Path) {
    drop(Store::open(path).unwrap());
    let conn = rusqlite::Connection::open(path).unwrap();
    // Undo migrations 2 to 13: the search index (its rows, words, titles),
    // row versions, who changed what, the register of document numbers,
    // stable identities, the completion index, the screens' indexes.
    conn.execute_batch(
        "DROP INDEX tasks_dates; DROP INDEX meetings_status; DROP INDEX tasks_place;
         DROP INDEX pending_addressed; DROP INDEX pending_answered; DROP INDEX pending_meeting;",
    )
    .unwrap();
    for tbl in giaoban::store::IDENTIFIED {
        conn.execute_batch(&format!(
            "DROP TRIGGER {tbl}_uid; DROP INDEX {tbl}_uid; ALTER TABLE {tbl} DROP COLUMN uid;"
        ))
        .unwrap();
    }
    conn.execute_batch(
        "DROP TABLE document_numbers; DROP TABLE search_index; DROP TABLE search_index_open; DROP TABLE search_index_rows; DROP TABLE search_terms; DROP TABLE search_titles; DROP TABLE search_titles_open; DROP INDEX history_at; DROP INDEX history_actor;
         ALTER TABLE history DROP COLUMN actor; ALTER TABLE history DROP COLUMN session;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    for tbl in VERSIONED {
        conn.execute_batch(&format!("ALTER TABLE {tbl} DROP COLUMN version")).unwrap();
    }
    conn.execute(
        "INSERT INTO tasks (title, kind, lead_org_id, status, created_at, updated_at)
         VALUES ('Đường liên thôn', 'specific', 1, 'not-started', '2026-11-01', '2026-11-01')",
        [],
    )
    .unwrap();
}

/// The demo in memory, filled and clocked at 07:45 on `today`.
#[allow(dead_code)]
pub fn demo_on(today: chrono::NaiveDate) -> Store {
    let mut store = Store::in_memory().unwrap();
    store.set_clock(giaoban::clock::Clock::fixed(today.and_hms_opt(7, 45, 0).unwrap()));
    giaoban::demo::fill(&mut store, today, false).unwrap();
    store
}
