//! Fixtures shared by several test files.

use giaoban::store::{Store, VERSIONED};
use std::path::Path;

/// A file at schema 1 (the store's first migration only) holding one task,
/// "Đường liên thôn": what a file written by the first release looks like.
pub fn schema_1_file(path: &Path) {
    drop(Store::open(path).unwrap());
    let conn = rusqlite::Connection::open(path).unwrap();
    // Undo migrations 2 to 4: the search index, row versions, who changed what.
    conn.execute_batch(
        "DROP TABLE search_index; DROP INDEX history_at; DROP INDEX history_actor;
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
