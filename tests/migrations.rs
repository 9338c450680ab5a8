//! Opening files: new, current, older, newer, damaged, read-only.

mod common;

use giaoban::store::{Store, StoreError, SCHEMA_VERSION};

#[test]
fn a_new_file_gets_the_current_schema_and_the_organizations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/giaoban.db");
    let store = Store::open(&path).unwrap();
    assert!(path.exists(), "the directory and file are created on first use");
    assert_eq!(store.organizations().unwrap().len(), 6);
    drop(store);
    // Opening again is idempotent.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.organizations().unwrap().len(), 6);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn a_newer_file_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("CREATE TABLE future (x); PRAGMA user_version = {};", SCHEMA_VERSION + 1)).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("newer.db-wal").exists());
}

#[test]
fn an_older_file_is_copied_aside_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    common::schema_1_file(&path);
    let store = Store::open(&path).unwrap();
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.contains(".v1-") && n.ends_with(".bak")
        })
        .collect();
    assert_eq!(backups.len(), 1, "one copy is kept before migrating");
    // The migration built the search index over what the file held.
    assert_eq!(store.search("duong lien thon", &[], 5).unwrap().len(), 1);
    // and listed its words: a word typed in part finds the whole word.
    assert_eq!(store.search("duon lie", &[], 5).unwrap().len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Biên bản họp giao ban — không phải cơ sở dữ liệu\n".repeat(100)).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotADatabase)));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn read_only_opening_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    drop(Store::open(&path).unwrap());
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.is_read_only());
    assert!(matches!(store.write(|w| w.set_setting("locality", "Hải Hà")), Err(StoreError::ReadOnly)));
    assert_eq!(store.settings().unwrap().locality, "");
}

/// Opening an older file to write says, before the wait, that it is being
/// upgraded (on the error stream, once); a view command, which never
/// upgrades, does not say it.
#[test]
fn upgrading_an_old_file_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    common::schema_1_file(&path);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_giaoban"))
            .env_remove("GIAOBAN_LANG")
            .env("GIAOBAN_CONFIG", dir.path().join("config.toml"))
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&path)
            .args(args)
            .output()
            .unwrap()
    };
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let look = run(&["status"]);
    assert!(!text(&look.stderr).contains("Đang nâng cấp"), "{}", text(&look.stderr));
    let first = run(&["init"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let said = format!("Đang nâng cấp {} từ phiên bản 1 lên {SCHEMA_VERSION}", path.display());
    assert!(text(&first.stderr).contains(&said), "{}", text(&first.stderr));
    assert!(!text(&first.stdout).contains("Đang nâng cấp"), "the output stays the command's own");
    let again = run(&["init"]);
    assert!(again.status.success());
    assert!(!text(&again.stderr).contains("Đang nâng cấp"), "{}", text(&again.stderr));
}
