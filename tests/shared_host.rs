//! Several accounts, one file: a leader's account reads the secretary's
//! database with read permission only, whether or not the secretary has it
//! open, and leaves nothing behind that could lock the secretary out.
//! Needs root to act as another account (CI runs as root); elsewhere the
//! tests say they are skipped.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2026-11-23";

/// Root, with the tools to create accounts and act as them.
fn is_root() -> bool {
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let tools = ["su", "useradd", "groupadd"].iter().all(|t| {
        Command::new("sh").args(["-c", &format!("command -v {t}")]).output().is_ok_and(|o| o.status.success())
    });
    root && tools
}

/// The binary where every account can run it (the build folder may not be
/// open to other accounts): linked, or else copied, once per test run — a
/// copy being written while another test starts a process would make that
/// process's exec of it fail as "text file busy".
fn shared_binary() -> &'static Path {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = dir.join("giaoban");
        if std::fs::hard_link(env!("CARGO_BIN_EXE_giaoban"), &bin).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_giaoban"), &bin).unwrap();
        }
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        bin
    })
}

/// A folder every account can enter and read.
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
        let bin = shared_binary().to_path_buf();
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
        eprintln!("skipped: acting as another account needs root with su and useradd (CI runs as root)");
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
    // A change asked for by the leader is refused, saying why.
    let out = place.as_leader(&["task", "note", "1", "x"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody"), "{}", text(&out));
    assert_eq!(place.listing(), before);

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

#[test]
fn a_leader_without_read_permission_is_told_whose_file_it_is_and_what_to_ask() {
    if !is_root() {
        eprintln!("skipped: acting as another account needs root with su and useradd (CI runs as root)");
        return;
    }
    let place = Place::new();
    assert!(place.as_owner(&["demo"]).status.success());
    chmod(&place.db, 0o600);
    let before = place.listing();
    for args in [&["status"][..], &["search", "duong"], &["task", "note", "1", "x"]] {
        let out = place.as_leader(args);
        assert_ne!(out.status.code(), Some(0), "{}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nobody") && err.contains("root") && err.contains("init --shared"), "{}", text(&out));
        assert!(!err.contains("unable to open"), "SQLite's own words reached the leader: {}", text(&out));
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {}", text(&out));
    }
    assert_eq!(place.listing(), before, "nothing was created beside the file");
}

/// Creates a Unix group and accounts for the test, once (root only).
fn accounts(group: &str, users: &[&str]) {
    let _ = Command::new("groupadd").args(["-f", group]).output();
    for u in users {
        let exists = Command::new("id").arg(u).output().is_ok_and(|o| o.status.success());
        if !exists {
            let out = Command::new("useradd").args(["-M", "-N", "-g", group, "-s", "/bin/sh", u]).output().unwrap();
            assert!(out.status.success(), "useradd {u}: {}", text(&out));
        }
    }
}

fn run_as(user: &str, place: &Place, args: &[&str]) -> std::process::Output {
    let line = format!(
        "umask 022; NO_COLOR=1 GIAOBAN_CONFIG=/nonexistent {} --db {} --today {TODAY} {}",
        place.bin.display(),
        place.db.display(),
        args.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(" ")
    );
    Command::new("su").args(["-s", "/bin/sh", user, "-c", &line]).output().unwrap()
}

/// The administrator's set-up: the secretary shares the file with the
/// leaders' group; a leader reads and, when allowed, writes; nobody's files
/// lock anybody out, and every file beside the database keeps its group.
#[test]
fn a_shared_file_serves_the_group_and_locks_nobody_out() {
    use std::os::unix::fs::MetadataExt;
    if !is_root() {
        eprintln!("skipped: creating accounts needs root with su and useradd (CI runs as root)");
        return;
    }
    accounts("gbkhoi", &["gbthuky", "gblanhdao"]);
    let place = Place::new();
    // The secretary owns the folder, as on the office's server.
    let out = Command::new("chown").args(["gbthuky", &place.root.display().to_string()]).output().unwrap();
    assert!(out.status.success());

    let out = run_as("gbthuky", &place, &["init", "--shared", "gbkhoi", "--group-writes"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run_as("gbthuky", &place, &["demo"]);
    assert!(out.status.success(), "{}", text(&out));
    let gid = std::fs::metadata(&place.db).unwrap().gid();
    assert_eq!(std::fs::metadata(&place.db).unwrap().mode() & 0o777, 0o660);

    // The leader reads, then writes (the group may), from another account.
    let out = run_as("gblanhdao", &place, &["status"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = run_as("gblanhdao", &place, &["task", "note", "1", "Lãnh đạo đã xem"]);
    assert!(out.status.success(), "{}", text(&out));

    // The secretary's next save works whoever touched the files last.
    let out = run_as("gbthuky", &place, &["task", "note", "1", "Thư ký ghi tiếp"]);
    assert!(out.status.success(), "{}", text(&out));
    for name in place.listing().into_iter().filter(|n| n.starts_with("khoi.db")) {
        let meta = std::fs::metadata(place.root.join(&name)).unwrap();
        assert_eq!(meta.gid(), gid, "{name} lost the group");
        assert!(meta.mode() & 0o060 == 0o060, "{name} is not group read-write: {:o}", meta.mode());
    }

    // A group that does not exist is one sentence, nothing changed.
    let out = run_as("gbthuky", &place, &["init", "--shared", "khong-co-nhom"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end().lines().count(), 1);
}
