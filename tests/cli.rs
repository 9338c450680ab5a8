//! The command line, run as a user would: the built binary on a temporary
//! database with a fixed today.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

struct Env {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("giaoban.db");
        Env { _dir: dir, db }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("giaoban").unwrap();
        c.env_remove("GIAOBAN_LANG")
            .env("GIAOBAN_CONFIG", self.db.with_extension("toml"))
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg("2026-11-23");
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Exit code and stderr of a failing run.
    fn fails(&self, args: &[&str]) -> (i32, String) {
        let out = self.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        (out.status.code().unwrap(), String::from_utf8(out.stderr).unwrap())
    }

    fn add(&self, title: &str, org: &str, extra: &[&str]) -> i64 {
        let mut args = vec!["task", "add", "--title", title, "--org", org];
        args.extend_from_slice(extra);
        self.ok(&args).trim().parse().unwrap()
    }
}

fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn init_is_idempotent_and_records_the_bloc() {
    let env = Env::new();
    let out = env.ok(&[
        "init",
        "--name",
        "Khối MTTQ và các đoàn thể chính trị - xã hội huyện Hải Hà",
        "--locality",
        "Hải Hà",
    ]);
    assert!(out.contains("6 tổ chức"), "{out}");
    env.ok(&["init"]);
    let settings = env.ok(&["settings"]);
    assert!(settings.contains("locality      Hải Hà"), "{settings}");
    let orgs = env.json(&["org", "list", "--json"]);
    assert_eq!(orgs.as_array().unwrap().len(), 6);
}

#[test]
fn organizations_match_by_code_and_name_with_or_without_diacritics() {
    let env = Env::new();
    for (i, org) in ["HND", "hnd", "Hội Nông dân", "hoi nong dan", "HOI NONG DAN", "nong-dan"].iter().enumerate() {
        env.add(&format!("Việc {i}"), org, &[]);
    }
    let tasks = env.json(&["tasks", "--org", "hội nông dân", "--json"]);
    let leads: Vec<&str> = tasks.as_array().unwrap().iter().map(|t| t["lead"].as_str().unwrap()).collect();
    assert_eq!(leads, vec!["HND"; 6]);
    let status = env.json(&["status", "--org", "hoi nong dan", "--json"]);
    assert_eq!(status["organizations"].as_array().unwrap().len(), 1);
    assert_eq!(status["organizations"][0]["code"], "HND");
    assert_eq!(status["organizations"][0]["open"], 6);
}

#[test]
fn json_shapes_are_stable() {
    let env = Env::new();
    let id = env.add(
        "Vận động quỹ Vì người nghèo",
        "HND",
        &["--with", "HLHPN", "--place", "Quảng Đức", "--due", "20/11/2026", "--start", "01/11/2026"],
    );
    env.add("Tập huấn kỹ thuật nuôi tôm", "HND", &["--due", "2026-12-10"]);
    let tasks = env.json(&["tasks", "--json"]);
    let t = &tasks[0];
    assert_eq!(t["id"], id);
    assert_eq!(t["title"], "Vận động quỹ Vì người nghèo");
    assert_eq!(t["lead"], "HND");
    assert_eq!(t["with"], serde_json::json!(["HLHPN"]));
    assert_eq!(t["status"], "not-started");
    assert_eq!(t["deadline"], "2026-11-20");
    assert_eq!(t["overdue"], true);
    assert_eq!(t["place"], "Quảng Đức");
    assert_eq!(tasks[1]["overdue"], false);

    let status = env.json(&["status", "--json"]);
    for key in ["next_meeting", "organizations", "pending_open", "most_overdue"] {
        assert!(status.get(key).is_some(), "status --json lacks {key}");
    }
    let hnd = status["organizations"].as_array().unwrap().iter().find(|o| o["code"] == "HND").unwrap();
    for key in ["code", "name", "open", "overdue", "blocked", "done_this_week"] {
        assert!(hnd.get(key).is_some(), "organization lacks {key}");
    }
    assert_eq!((hnd["open"].as_i64(), hnd["overdue"].as_i64()), (Some(2), Some(1)));
    assert_eq!(status["most_overdue"][0]["id"], id);
    assert!(status["next_meeting"].is_null());
}

#[test]
fn status_changes_notes_and_filters() {
    let env = Env::new();
    let a = env.add("Giám sát thực hiện chính sách bảo hiểm y tế", "MTTQ", &["--due", "+3"]);
    let b = env.add("Hội nghị tiếp xúc cử tri", "MTTQ", &["--due", "+30"]);
    env.ok(&["task", "status", &a.to_string(), "hoàn thành"]);
    env.ok(&["task", "status", &b.to_string(), "vuong mac"]);
    env.ok(&["task", "note", &b.to_string(), "Chờ UBND xã bố trí hội trường"]);
    let open = env.json(&["tasks", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1, "done tasks are hidden by default");
    let all = env.json(&["tasks", "--all", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let done = env.json(&["tasks", "--status", "done", "--json"]);
    assert_eq!(done[0]["id"], a);
    // The words the tables show ("Vướng") and their beginnings are statuses too.
    for word in ["vuong", "Vướng", "vướng mắc"] {
        let blocked = env.json(&["tasks", "--status", word, "--json"]);
        assert_eq!(blocked[0]["id"], b, "--status {word}");
    }
    let (code, err) = env.fails(&["tasks", "--status", "h"]);
    assert_eq!(code, 2, "an ambiguous status is bad input: {err}");
    assert_eq!(done[0]["completed_on"], "2026-11-23");
    let soon = env.json(&["tasks", "--due-within", "7", "--all", "--json"]);
    assert_eq!(soon.as_array().unwrap().len(), 1);
    let shown = env.json(&["task", "show", &b.to_string(), "--json"]);
    assert_eq!(shown["status"], "blocked");
    assert_eq!(shown["notes"][0]["text"], "Chờ UBND xã bố trí hội trường");
    let status = env.json(&["status", "--json"]);
    let mttq = status["organizations"].as_array().unwrap().iter().find(|o| o["code"] == "MTTQ").unwrap().clone();
    assert_eq!((mttq["blocked"].as_i64(), mttq["done_this_week"].as_i64()), (Some(1), Some(1)));
}

#[test]
fn plain_output_fits_80_columns_and_has_no_escapes_through_a_pipe() {
    let env = Env::new();
    // The demo: a long bloc name, briefings held and planned, long places.
    env.ok(&["demo"]);
    let id = env.add(
        &"Tuyên truyền cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam ".repeat(3),
        "HLHPN",
        &["--due", "01/11/2026"],
    );
    let id = id.to_string();
    for args in [
        &["status"][..],
        &["status", "--org", "HND"],
        &["tasks"],
        &["pending"],
        &["agenda"],
        &["agenda", "--meeting", "46"],
        &["meetings"],
        &["org", "list"],
        &["task", "show", &id],
    ] {
        let out = env.ok(args);
        for line in out.lines() {
            assert!(giaoban::text::display_width(line) <= 80, "{args:?}: too wide: {line}");
            assert!(!line.contains('\u{1b}'), "{args:?}: escape in {line:?}");
        }
    }
    let tasks = env.ok(&["tasks"]);
    assert!(tasks.contains("01/11/2026"), "dates are dd/mm/yyyy: {tasks}");
    // Long titles wrap at words over several lines: every word is there.
    let words: String = tasks.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Người Việt Nam ưu tiên dùng hàng Việt Nam Tuyên truyền"), "titles wrap, not cut: {tasks}");
}

#[test]
fn bad_input_exits_2_with_one_sentence_and_changes_nothing() {
    let env = Env::new();
    env.add("Việc có sẵn", "HND", &[]);
    let before = file_bytes(&env.db);

    let (code, err) = env.fails(&["task", "add", "--title", "X", "--org", "XYZ"]);
    assert_eq!(code, 2);
    assert!(err.contains("MTTQ, DTN, HLHPN, HND, HCCB, LDLD"), "lists the valid codes: {err}");
    let (code, err) = env.fails(&["task", "add", "--title", "X", "--org", "HND", "--due", "31/02/2026"]);
    assert_eq!(code, 2);
    assert!(err.contains("dd/mm/yyyy"), "says the expected format: {err}");
    let (code, _) =
        env.fails(&["task", "add", "--title", "X", "--org", "HND", "--start", "10/12/2026", "--due", "01/12/2026"]);
    assert_eq!(code, 2);
    let long = "x".repeat(10_000);
    let (code, err) = env.fails(&["task", "add", "--title", &long, "--org", "HND"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    let (code, _) = env.fails(&["task", "status", "1", "finished"]);
    assert_eq!(code, 2);
    let (code, _) = env.fails(&["tasks", "--frobnicate"]);
    assert_eq!(code, 2);
    let (code, err) = env.fails(&["task", "status", "999", "done"]);
    assert_eq!(code, 1);
    assert!(err.contains("999"), "{err}");
    let (code, _) = env.fails(&["--today", "hôm qua", "status"]);
    assert_eq!(code, 2);

    assert_eq!(file_bytes(&env.db), before, "nothing changed");
}

#[test]
fn a_newer_database_is_refused_with_a_sentence() {
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute_batch("PRAGMA user_version = 99;").unwrap();
    }
    let before = file_bytes(&env.db);
    let (code, err) = env.fails(&["status"]);
    assert_eq!(code, 1);
    assert!(err.contains("mới hơn"), "{err}");
    assert_eq!(file_bytes(&env.db), before);
}

#[test]
fn english_on_request() {
    let env = Env::new();
    env.ok(&["init"]);
    let out = env.ok(&["--lang", "en", "status"]);
    assert!(out.contains("Monday, 23/11/2026 · Week 48"), "{out}");
    assert!(out.contains("Open pending items"), "{out}");
    let help = env.cmd().env("GIAOBAN_LANG", "en").arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("Commands:") && help.contains("Search everything"), "{help}");
    let vi = env.ok(&["--help"]);
    assert!(vi.contains("Lệnh:") && vi.contains("Tìm mọi thứ"), "{vi}");
}

#[test]
fn completions_are_printed() {
    let env = Env::new();
    let out = env.ok(&["completions", "bash"]);
    assert!(out.contains("giaoban"));
}

#[test]
fn undo_reverses_the_last_change() {
    let env = Env::new();
    let id = env.add("Kiểm tra mô hình Dân vận khéo", "DTN", &[]);
    env.ok(&["task", "status", &id.to_string(), "done"]);
    env.ok(&["undo"]);
    let t = env.json(&["task", "show", &id.to_string(), "--json"]);
    assert_eq!(t["status"], "not-started");
}

#[test]
fn looking_at_a_missing_file_does_not_create_it() {
    let env = Env::new();
    let (code, err) = env.fails(&["status"]);
    assert_eq!(code, 1);
    assert!(err.contains("giaoban init"), "{err}");
    assert!(!env.db.exists(), "no empty database was created");
    env.ok(&["init"]);
    assert!(env.db.exists());
}

#[test]
fn command_line_mistakes_are_one_sentence_in_the_interface_language() {
    let env = Env::new();
    env.ok(&["init"]);
    for args in [&["tasks", "--bogus"][..], &["task", "add"], &["tasks", "--due-within", "abc"], &["frobnicate"]] {
        let (code, err) = env.fails(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("Lỗi: "), "{args:?}: {err}");
    }
}

#[test]
fn inactive_or_duplicate_organizations_are_refused() {
    let env = Env::new();
    env.ok(&["init"]);
    let (code, err) = env.fails(&["org", "add", "TEST", "Hội Nông dân"]);
    assert_eq!(code, 2);
    assert!(err.contains("Hội Nông dân"), "{err}");
    env.ok(&["org", "deactivate", "HCCB"]);
    let (code, err) = env.fails(&["task", "add", "--title", "Việc mới", "--org", "HCCB"]);
    assert_eq!(code, 2);
    assert!(err.contains("HCCB"), "{err}");
    // The lead named again as a partner is ignored, not turned into a common task.
    let id = env.add("Việc riêng", "HND", &["--with", "HND"]);
    let t = env.json(&["task", "show", &id.to_string(), "--json"]);
    assert_eq!((t["kind"].as_str(), t["with"].as_array().map(|a| a.len())), (Some("specific"), Some(0)));
}

#[test]
fn a_wide_terminal_gets_whole_places_and_who_does_the_work() {
    let env = Env::new();
    env.ok(&["demo"]);
    let out = env.cmd().env("COLUMNS", "140").args(["tasks", "--org", "HND"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains("Người thực hiện"), "a person column on a wide terminal: {header}");
    assert!(text.lines().all(|l| giaoban::text::display_width(l) <= 140), "{text}");
    // Places are whole there ("xã Quảng Thịnh" and "xã Quảng Thành" stay apart).
    assert!(!text.lines().any(|l| l.contains("xã Quảng Th…")), "{text}");
    // Through a pipe at 80 columns the person column gives its room to the title.
    let narrow = env.ok(&["tasks", "--org", "HND"]);
    assert!(!narrow.lines().next().unwrap().contains("Người thực hiện"));
}

/// Text planted in the file by another program reaches no terminal raw: no
/// ESC, BEL or C1 byte, and no bidi override, on any output path.
#[test]
fn planted_control_sequences_never_reach_the_terminal() {
    let env = Env::new();
    env.ok(&["demo"]);
    let evil = "X\u{1b}]0;pwn\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}Y\u{1b}[2J";
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        for sql in [
            "UPDATE tasks SET title = title || ?1, place = place || ?1, description = description || ?1",
            "UPDATE task_notes SET text = text || ?1",
            "UPDATE meetings SET place = place || ?1, notes = notes || ?1",
            "UPDATE agenda_items SET title = title || ?1, notes = notes || ?1, outcome = outcome || ?1",
            "UPDATE pending_items SET text = text || ?1, addressed_to = addressed_to || ?1, answer = answer || ?1",
            "UPDATE people SET full_name = full_name || ?1, title = title || ?1",
            "UPDATE organizations SET name = name || ?1, short_name = short_name || ?1",
            "UPDATE attendance SET attendees = attendees || ?1, reason = reason || ?1",
            "UPDATE settings SET value = value || ?1",
        ] {
            conn.execute(sql, [evil]).unwrap();
        }
    }
    let bad = |b: &u8| *b == 0x1b || *b == 0x07;
    let commands: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["status", "--json"],
        vec!["status", "--org", "HND"],
        vec!["tasks", "--all"],
        vec!["tasks", "--all", "--json"],
        vec!["task", "show", "1"],
        vec!["task", "show", "1", "--json"],
        vec!["pending", "--all"],
        vec!["pending", "--all", "--json"],
        vec!["agenda"],
        vec!["agenda", "--json"],
        vec!["agenda", "--meeting", "46"],
        vec!["meetings"],
        vec!["meetings", "--json"],
        vec!["people"],
        vec!["people", "--json"],
        vec!["places"],
        vec!["places", "--json"],
        vec!["search", "x"],
        vec!["search", "x", "--json"],
        vec!["org", "list"],
        vec!["org", "list", "--json"],
        vec!["settings"],
        // Errors that echo what was typed.
        vec!["tasks", "--org", "\u{1b}]0;pwn\u{7}"],
        vec!["task", "status", "1", "\u{1b}[2J"],
        vec!["agenda", "--meeting", "\u{9b}31m"],
    ];
    for args in commands {
        let out = env.cmd().args(&args).output().unwrap();
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(!bytes.iter().any(bad), "{args:?} {name}: {}", String::from_utf8_lossy(bytes));
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c) || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{args:?} {name}: C1 or bidi control in {text:?}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_one_sentence() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    env.ok(&["init"]);
    let bad = std::ffi::OsStr::from_bytes(b"H\xf4i N\xf4ng d\xe2n");
    for args in [
        vec![std::ffi::OsStr::new("tasks"), std::ffi::OsStr::new("--org"), bad],
        vec![std::ffi::OsStr::new("--db"), bad],
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
        assert!(err.contains("UTF-8") && !err.contains("panicked"), "{err}");
    }
}

/// Commands that only look never write: on an empty file, another program's
/// SQLite file or a file from a newer giaoban, they refuse with one
/// sentence and leave every byte, and the folder's listing, as it was.
#[test]
fn read_commands_on_odd_files_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let foreign = dir.path().join("foreign.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);").unwrap();
    }
    let newer = dir.path().join("newer.db");
    {
        let env = Env { _dir: tempfile::tempdir().unwrap(), db: newer.clone() };
        env.ok(&["init"]);
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.execute_batch("PRAGMA user_version = 99;").unwrap();
    }
    let listing = || {
        // Each file's name, size and a checksum of its bytes.
        let mut v: Vec<(String, usize, u64)> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                let sum = bytes.iter().fold(0u64, |h, b| h.wrapping_mul(1_099_511_628_211).wrapping_add(*b as u64));
                (p.file_name().unwrap().to_string_lossy().into_owned(), bytes.len(), sum)
            })
            .collect();
        v.sort();
        v
    };
    let before = listing();
    for db in [&empty, &foreign, &newer] {
        for args in [&["status"][..], &["tasks"], &["agenda"], &["search", "x"], &["task", "show", "1"]] {
            let out = Command::cargo_bin("giaoban")
                .unwrap()
                .env("NO_COLOR", "1")
                .env("GIAOBAN_CONFIG", dir.path().join("none.toml"))
                .arg("--db")
                .arg(db)
                .args(args)
                .output()
                .unwrap();
            assert!(!out.status.success(), "{db:?} {args:?} succeeded");
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.trim_end().lines().count(), 1, "{db:?} {args:?}: {err}");
        }
    }
    // Another program's file is refused by writing commands too.
    let out = Command::cargo_bin("giaoban")
        .unwrap()
        .arg("--db")
        .arg(&foreign)
        .args(["task", "add", "--title", "X", "--org", "HND"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(listing(), before, "nothing written, no file created beside them");
}

/// Backups run themselves: one on the first write of each day, seven kept
/// (the `backups` setting), each a whole database with the file's mode; and
/// `giaoban backup DIR` on request.
#[test]
fn a_backup_a_day_seven_kept_and_one_on_request() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["init"]);
    let dir = env.db.parent().unwrap().to_path_buf();
    let daily = || {
        let mut v: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".daily-"))
            .collect();
        v.sort();
        v
    };
    for day in 1..=10 {
        let date = format!("2026-11-{day:02}");
        for n in 0..2 {
            let out = Command::cargo_bin("giaoban")
                .unwrap()
                .env("GIAOBAN_CONFIG", env.db.with_extension("toml"))
                .arg("--db")
                .arg(&env.db)
                .args(["--today", &date, "task", "add", "--title", &format!("Việc {day}-{n}"), "--org", "HND"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let kept = daily();
    assert_eq!(kept.len(), 7, "{kept:?}");
    assert!(kept.last().unwrap().contains("20261110"), "{kept:?}");
    assert!(kept.first().unwrap().contains("20261104"), "{kept:?}");
    // A copy is a whole database, as private as the file.
    let copy = dir.join(kept.last().unwrap());
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let tasks: i64 = conn.query_row("SELECT COUNT(*) FROM tasks", [], |r| r.get(0)).unwrap();
    assert_eq!(tasks, 18, "the copy is the file as it was before that day's first write");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&copy), mode(&env.db));

    // On request, into another folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = env.ok(&["backup", elsewhere.path().to_str().unwrap()]);
    let made: Vec<_> = std::fs::read_dir(elsewhere.path()).unwrap().collect();
    assert_eq!(made.len(), 1, "{out}");
}

/// `giaoban doctor` says the file is healthy, finds a search index out of
/// step (exit 1), and `--repair` rebuilds it without touching the data.
#[test]
fn doctor_checks_and_repairs_only_derived_data() {
    let env = Env::new();
    env.ok(&["demo"]);
    env.ok(&["backup"]);
    let report = env.ok(&["doctor"]);
    assert!(report.lines().all(|l| l.starts_with('✓')), "{report}");
    let tasks_before = env.json(&["tasks", "--all", "--json"]);
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute("DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index LIMIT 5)", []).unwrap();
    }
    let (code, _) = env.fails(&["doctor"]);
    assert_eq!(code, 1);
    let out = env.cmd().arg("doctor").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).lines().any(|l| l.starts_with('✗') && l.contains("--repair")));
    env.ok(&["doctor", "--repair"]);
    env.ok(&["doctor"]);
    assert_eq!(env.json(&["tasks", "--all", "--json"]), tasks_before, "repair changed no task");
}

#[test]
fn export_writes_the_minutes_and_refuses_a_briefing_not_held() {
    let env = Env::new();
    env.ok(&["demo"]);
    let file = env.db.with_file_name("bien-ban-46.md");
    let out = env.ok(&["export", "minutes", "--meeting", "46", "-o", file.to_str().unwrap()]);
    assert!(out.contains("bien-ban-46.md"), "{out}");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.contains("# BIÊN BẢN") && md.contains("Hội nghị giao ban số 46/2026"));
    let shown = env.ok(&["export", "conclusions", "--meeting", "46/2026"]);
    assert!(shown.contains("# THÔNG BÁO"), "{shown}");
    let (code, err) = env.fails(&["export", "minutes", "--meeting", "47"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("47/2026"), "{err}");
}

/// Documents from the command line: formats from --format or the file's
/// extension, Word files under the offered name when no file is given,
/// the screen refused for them, and bad requests refused with one sentence
/// and nothing written.
#[test]
fn export_writes_each_document_in_the_format_asked() {
    let env = Env::new();
    env.ok(&["demo"]);
    let dir = env.db.parent().unwrap().to_path_buf();
    let docx = dir.join("tb.docx");
    env.ok(&["export", "conclusions", "--meeting", "46", "-o", docx.to_str().unwrap()]);
    assert_eq!(&file_bytes(&docx)[..2], b"PK", "a .docx is a zip");
    // No file named: the offered name, in the current folder.
    let out = env
        .cmd()
        .current_dir(&dir)
        .args(["export", "minutes", "--meeting", "46", "--format", "docx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.join("bien-ban-giao-ban-46-2026.docx").exists(), "{}", String::from_utf8_lossy(&out.stdout));
    let (code, err) = env.fails(&["export", "minutes", "--meeting", "46", "--format", "docx", "-o", "-"]);
    assert_eq!(code, 2, "{err}");
    // The invitation goes to the next briefing by default; Markdown on the screen.
    let md = env.ok(&["export", "invitation"]);
    assert!(md.contains("# GIẤY MỜI") && md.contains("Số: 01/GM-KMTTQ"), "{md}");
    // The report: this month by default, or the dates given; Excel and CSV.
    let md = env.ok(&["export", "report"]);
    assert!(md.contains("tháng 11/2026") && md.contains("Hoàn thành đúng hạn"), "{md}");
    let csv = dir.join("r.csv");
    env.ok(&["export", "report", "--from", "01/11/2026", "--to", "23/11/2026", "-o", csv.to_str().unwrap()]);
    assert!(file_bytes(&csv).starts_with(b"\xEF\xBB\xBF"), "CSV for Excel starts with a BOM");
    let xlsx = dir.join("r.xlsx");
    env.ok(&["export", "report", "--period", "quý", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(&file_bytes(&xlsx)[..2], b"PK");
    let ics = env.ok(&["export", "calendar"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    // Refusals: one sentence, exit 2, no file.
    for (args, says) in [
        (vec!["export", "report", "--period", "fortnight"], "fortnight"),
        (vec!["export", "report", "--from", "23/11/2026", "--to", "01/11/2026"], "--to"),
        (vec!["export", "report", "--from", "31/02/2026", "--to", "01/03/2026"], "31/02/2026"),
        (vec!["export", "minutes", "--meeting", "46", "--format", "pdf"], "pdf"),
        (vec!["export", "report", "--format", "docx", "-o", "x.docx"], "docx"),
        (vec!["export", "calendar", "--number", "3"], "--number"),
        (vec!["remind", "--within", "-3"], "-3"),
        (vec!["remind", "--org", "XYZ"], "XYZ"),
    ] {
        let (code, err) = env.fails(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(says) && err.lines().count() == 1, "{args:?}: {err}");
    }
    assert!(!dir.join("x.docx").exists());
}

#[test]
fn remind_prints_each_organizations_sheet_or_writes_them_to_a_folder() {
    let env = Env::new();
    env.ok(&["demo"]);
    let one = env.ok(&["remind", "--org", "nong dan", "--within", "3"]);
    assert!(one.starts_with("ĐÔN ĐỐC — Hội Nông dân (23/11/2026)"), "{one}");
    assert!(one.contains("Đến hạn trong 3 ngày") || !one.contains("Đến hạn"), "{one}");
    let all = env.ok(&["remind"]);
    assert!(all.matches("ĐÔN ĐỐC — ").count() >= 2, "{all}");
    let dir = env.db.parent().unwrap().join("don-doc");
    std::fs::create_dir(&dir).unwrap();
    env.ok(&["remind", "--format", "docx", "-o", dir.to_str().unwrap()]);
    let files: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(files.iter().any(|f| f == "phieu-don-doc-hnd-2026-11-23.docx"), "{files:?}");
    assert_eq!(files.len(), 6, "one sheet per organization: {files:?}");
}
