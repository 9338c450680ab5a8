//! Several accounts, one file: a leader's account reads the secretary's
//! database with read permission only, whether or not the secretary has it
//! open, and leaves nothing behind that could lock the secretary out.
//! Needs root to act as another account (CI runs as root); elsewhere the
//! tests say they are skipped.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2026-11-23";

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A folder every account can enter and read, with a copy of the binary in
/// it (the build folder may not be open to other accounts).
struct Place {
    _dir: tempfile::TempDir,
    root: PathBuf,
    bin: PathBuf,
    db: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = root.join("giaoban");
        std::fs::copy(env!("CARGO_BIN_EXE_giaoban"), &bin).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let db = root.join("khoi.db");
        Place { _dir: dir, root, bin, db }
    }

    fn as_owner(&self, args: &[&str]) -> std::process::Output {
        Command::new(&self.bin)
            .env("GIAOBAN_CONFIG", self.root.join("none.toml"))
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg(TODAY)
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs giaoban as the account `nobody`, as a leader logged in over SSH.
    fn as_leader(&self, args: &[&str]) -> std::process::Output {
        let line = format!(
            "NO_COLOR=1 GIAOBAN_CONFIG=/nonexistent {} --db {} --today {TODAY} {}",
            self.bin.display(),
            self.db.display(),
            args.join(" ")
        );
        Command::new("su").args(["-s", "/bin/sh", "nobody", "-c", &line]).output().unwrap()
    }

    fn listing(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

fn text(o: &std::process::Output) -> String {
    format!(
        "exit {:?}\n{}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_leader_with_read_permission_reads_with_the_owner_away_and_present() {
    if !is_root() {
        eprintln!("skipped: acting as another account needs root (CI runs as root)");
        return;
    }
    let place = Place::new();
    assert!(place.as_owner(&["demo"]).status.success());
    chmod(&place.db, 0o644);

    // The owner's session is closed: the leader reads, and nothing is left behind.
    let before = place.listing();
    let out = place.as_leader(&["status"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hội Nông dân"), "{}", text(&out));
    assert_eq!(place.listing(), before, "the leader created files beside the database");

    // The owner has the file open and has just saved: the leader reads it too.
    let mut owner = giaoban::store::Store::open(&place.db).unwrap();
    let hnd = owner.resolve_organization("HND").unwrap().id;
    let intent = giaoban::ops::Intent::AddTask {
        task: giaoban::domain::Task::new("Việc vừa giao lúc họp", hnd, giaoban::domain::TaskKind::Specific),
        board: giaoban::ops::Board::Org(hnd),
        kind_given: false,
        first_note: None,
    };
    let _ = giaoban::ops::execute(&mut owner, intent).unwrap();
    let out = place.as_leader(&["search", "vua", "giao"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Việc vừa giao lúc họp"), "{}", text(&out));

    // A leader's reads never stop the owner's next save.
    let intent = giaoban::ops::Intent::AddTask {
        task: giaoban::domain::Task::new("Việc sau khi lãnh đạo xem", hnd, giaoban::domain::TaskKind::Specific),
        board: giaoban::ops::Board::Org(hnd),
        kind_given: false,
        first_note: None,
    };
    assert!(giaoban::ops::execute(&mut owner, intent).is_ok());
    // Every file beside the database still belongs to the owner.
    for name in place.listing() {
        let meta = std::fs::metadata(place.root.join(&name)).unwrap();
        assert_eq!(std::os::unix::fs::MetadataExt::uid(&meta), 0, "{name} is not the owner's");
    }
}
