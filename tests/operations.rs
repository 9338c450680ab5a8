//! The operations layer under the conditions of real use: two programs on
//! one file (the TUI and a script), lists of intents that must be all or
//! nothing, dry runs, and many processes creating or migrating one file at
//! the same moment. Every race here is made deterministic by ordering the
//! two connections' steps by hand.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use giaoban::clock::Clock;
use giaoban::domain::{Task, TaskKind, TaskStatus};
use giaoban::ops::{self, Board, Intent};
use giaoban::store::{Store, StoreError, TaskFilter, UndoScope, SCHEMA_VERSION};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const TODAY: &str = "2026-11-23";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 23)
}

fn at(h: u32, min: u32) -> NaiveDateTime {
    today().and_hms_opt(h, min, 0).unwrap()
}

/// A store on `path` with a clock that does not move.
fn open(path: &Path, h: u32) -> Store {
    let mut store = Store::open(path).unwrap();
    store.set_clock(Clock::fixed(at(h, 0)));
    store
}

fn org_id(store: &Store, code: &str) -> i64 {
    store.resolve_organization(code).unwrap().id
}

/// A new task on `lead`'s board; its id.
fn add_task(store: &mut Store, title: &str, lead: &str) -> i64 {
    let lead = org_id(store, lead);
    let task = Task::new(title, lead, TaskKind::Specific);
    let changes =
        ops::execute(store, Intent::AddTask { task, board: Board::Org(lead), kind_given: false, first_note: None })
            .unwrap();
    changes.created_id().expect("AddTask reports the id it created")
}

/// One number from the file, read through a connection of its own (a third
/// program looking at the file).
fn count(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Runs one intent that must go through.
fn run(store: &mut Store, intent: Intent) {
    let _ = ops::execute(store, intent).unwrap();
}

fn version_in_file(path: &Path, id: i64) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT version FROM tasks WHERE id = ?1", [id], |r| r.get(0)).unwrap()
}

/// The task as a fresh program opening the file sees it.
fn task_in_file(path: &Path, id: i64) -> Task {
    Store::open(path).unwrap().task(id).unwrap()
}

fn history_rows(path: &Path) -> i64 {
    count(path, "SELECT COUNT(*) FROM history")
}

fn task_rows(path: &Path) -> i64 {
    count(path, "SELECT COUNT(*) FROM tasks")
}

fn is_conflict(r: &Result<ops::Changes, StoreError>, id: i64) -> bool {
    matches!(r, Err(StoreError::Conflict { what: "task", id: got }) if *got == id)
}

/// Two programs on one file, with one task both can see.
struct TwoPrograms {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// The TUI: reads the task, then saves what its user typed.
    a: Store,
    /// Another process that changes the task in between.
    b: Store,
    id: i64,
}

impl TwoPrograms {
    fn new() -> TwoPrograms {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("giaoban.db");
        let mut a = open(&path, 9);
        let id = add_task(&mut a, "Vận động quỹ Vì người nghèo", "HND");
        let b = open(&path, 10);
        TwoPrograms { _dir: dir, path, a, b, id }
    }
}

// 1. A stale edit is refused; nothing of it is written.

#[test]
fn an_edit_based_on_a_stale_read_is_refused_and_the_other_change_survives() {
    let mut p = TwoPrograms::new();
    let read = p.a.task(p.id).unwrap();
    let v = read.version;

    run(&mut p.b, Intent::SetTaskStatus { id: p.id, status: TaskStatus::Done, version: None });
    let history_before = history_rows(&p.path);

    let mut edited = read.clone();
    edited.title = "Vận động quỹ Vì người nghèo năm 2026".into();
    let r = ops::execute(&mut p.a, Intent::EditTask(edited));
    assert!(is_conflict(&r, p.id), "a save over someone else's change is a conflict, got {r:?}");

    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::Done, "the other program's change is kept");
    assert_eq!(now.completed_on, Some(today()));
    assert_eq!(now.title, "Vận động quỹ Vì người nghèo", "the refused edit wrote nothing");
    assert_eq!(now.version, v + 1, "only the other program's save moved the version");
    assert_eq!(history_rows(&p.path), history_before, "the refused edit left no history");

    // Read again, edit again: both changes are there.
    let mut fresh = p.a.task(p.id).unwrap();
    assert_eq!(fresh.status, TaskStatus::Done, "a re-read sees the other program's change");
    fresh.title = "Vận động quỹ Vì người nghèo năm 2026".into();
    run(&mut p.a, Intent::EditTask(fresh));
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.title, "Vận động quỹ Vì người nghèo năm 2026");
    assert_eq!(now.status, TaskStatus::Done);
    assert_eq!(now.version, v + 2);
}

// 2. The same for delete, status change and reschedule.

#[test]
fn a_delete_based_on_a_stale_read_is_refused_and_the_task_stays() {
    let mut p = TwoPrograms::new();
    let v = p.a.task(p.id).unwrap().version;

    run(&mut p.b, Intent::SetTaskStatus { id: p.id, status: TaskStatus::InProgress, version: Some(v) });
    let history_before = history_rows(&p.path);

    let r = ops::execute(&mut p.a, Intent::DeleteTask { id: p.id, version: Some(v) });
    assert!(is_conflict(&r, p.id), "deleting what someone else just changed is a conflict, got {r:?}");
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::InProgress, "the task is still there with the other's change");
    assert_eq!(now.version, v + 1);
    assert_eq!(history_rows(&p.path), history_before);

    let fresh = p.a.task(p.id).unwrap();
    run(&mut p.a, Intent::DeleteTask { id: p.id, version: Some(fresh.version) });
    assert!(matches!(Store::open(&p.path).unwrap().task(p.id), Err(StoreError::NotFound { what: "task", .. })));
}

#[test]
fn a_status_change_based_on_a_stale_read_is_refused() {
    let mut p = TwoPrograms::new();
    let read = p.a.task(p.id).unwrap();
    let v = read.version;

    let mut renamed = p.b.task(p.id).unwrap();
    renamed.title = "Vận động quỹ Vì người nghèo tại xã Quảng Đức".into();
    run(&mut p.b, Intent::EditTask(renamed));
    let history_before = history_rows(&p.path);

    let r = ops::execute(&mut p.a, Intent::SetTaskStatus { id: p.id, status: TaskStatus::Blocked, version: Some(v) });
    assert!(is_conflict(&r, p.id), "got {r:?}");
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::NotStarted, "the refused status change wrote nothing");
    assert_eq!(now.title, "Vận động quỹ Vì người nghèo tại xã Quảng Đức", "the other's rename is kept");
    assert_eq!(now.version, v + 1);
    assert_eq!(history_rows(&p.path), history_before);

    let fresh = p.a.task(p.id).unwrap();
    run(&mut p.a, Intent::SetTaskStatus { id: p.id, status: TaskStatus::Blocked, version: Some(fresh.version) });
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::Blocked);
    assert_eq!(now.title, "Vận động quỹ Vì người nghèo tại xã Quảng Đức");
}

#[test]
fn a_reschedule_based_on_a_stale_read_is_refused() {
    let mut p = TwoPrograms::new();
    let read = p.a.task(p.id).unwrap();
    let v = read.version;

    run(&mut p.b, Intent::SetTaskStatus { id: p.id, status: TaskStatus::InProgress, version: Some(v) });
    let history_before = history_rows(&p.path);

    let r = ops::execute(&mut p.a, Intent::Reschedule { id: p.id, deadline: Some(d(2026, 12, 15)), version: Some(v) });
    assert!(is_conflict(&r, p.id), "got {r:?}");
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.deadline, None, "the refused reschedule wrote nothing");
    assert_eq!(now.status, TaskStatus::InProgress);
    assert_eq!(now.version, v + 1);
    assert_eq!(history_rows(&p.path), history_before);

    let fresh = p.a.task(p.id).unwrap();
    run(&mut p.a, Intent::Reschedule { id: p.id, deadline: Some(d(2026, 12, 15)), version: Some(fresh.version) });
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.deadline, Some(d(2026, 12, 15)));
    assert_eq!(now.status, TaskStatus::InProgress);
}

// 3. The command line's --if-version.

fn giaoban(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_giaoban"));
    c.env_remove("GIAOBAN_LANG")
        .env_remove("GIAOBAN_DB")
        .env_remove("GIAOBAN_TODAY")
        .env("GIAOBAN_CONFIG", db.with_extension("toml"))
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .arg("--today")
        .arg(TODAY)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn describe(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_command_line_refuses_a_stale_version_with_one_sentence_and_exit_1() {
    let mut p = TwoPrograms::new();
    let v = version_in_file(&p.path, p.id);

    // Another program moves the task on after the script read version v.
    run(&mut p.b, Intent::SetTaskStatus { id: p.id, status: TaskStatus::Blocked, version: Some(v) });

    let id = p.id.to_string();
    let stale = v.to_string();
    let out = giaoban(&p.path).args(["task", "status", &id, "done", "--if-version", &stale]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a conflict is a failure, not bad usage\n{}", describe(&out));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one sentence on stderr: {stderr:?}");
    assert!(stderr.contains(&id), "the sentence names the task: {stderr:?}");
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::Blocked, "the other program's change is kept");
    assert_eq!(now.version, v + 1);

    let current = version_in_file(&p.path, p.id).to_string();
    let out = giaoban(&p.path).args(["task", "status", &id, "done", "--if-version", &current]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let now = task_in_file(&p.path, p.id);
    assert_eq!(now.status, TaskStatus::Done);
    assert_eq!(now.completed_on, Some(today()), "dated by --today");
}

// 4. A list of intents is all or nothing.

#[test]
fn a_list_with_one_refused_intent_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = open(&path, 9);
    add_task(&mut store, "Tổng hợp kiến nghị cử tri", "MTTQ");
    let hnd = org_id(&store, "HND");
    let good = || Intent::AddTask {
        task: Task::new("Khảo sát hộ nghèo", hnd, TaskKind::Specific),
        board: Board::Org(hnd),
        kind_given: false,
        first_note: Some("Đã gửi công văn".into()),
    };
    let tasks_before = task_rows(&path);
    let notes_before = count(&path, "SELECT COUNT(*) FROM task_notes");
    let history_before = history_rows(&path);
    let depth_before = store.undo_depth().unwrap();

    let empty_title = Intent::AddTask {
        task: Task::new("   ", hnd, TaskKind::Specific),
        board: Board::Org(hnd),
        kind_given: false,
        first_note: None,
    };
    let r = ops::execute_all(&mut store, vec![good(), empty_title]);
    assert!(matches!(r, Err(StoreError::Invalid(_))), "an empty title is refused, got {r:?}");

    let unknown_org = Intent::AddTask {
        task: Task::new("Việc của tổ chức không có", 999, TaskKind::Specific),
        board: Board::Org(999),
        kind_given: false,
        first_note: None,
    };
    let r = ops::execute_all(&mut store, vec![good(), unknown_org]);
    assert!(
        matches!(r, Err(StoreError::NotFound { what: "organization", id: 999 })),
        "an unknown organization is refused, got {r:?}"
    );

    assert_eq!(task_rows(&path), tasks_before, "the good intent before the refused one was rolled back");
    assert_eq!(count(&path, "SELECT COUNT(*) FROM task_notes"), notes_before);
    assert_eq!(history_rows(&path), history_before, "no history of a refused list");
    assert_eq!(store.undo_depth().unwrap(), depth_before, "nothing new to undo");

    // The store is still usable afterwards: the good intent alone goes through.
    let changes = ops::execute_all(&mut store, vec![good()]).unwrap();
    assert!(changes.created_id().is_some());
    assert_eq!(task_rows(&path), tasks_before + 1);
}

// 5. A dry run changes nothing.

#[test]
fn a_dry_run_reports_each_problem_by_index_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = open(&path, 9);
    let existing = add_task(&mut store, "Tổng hợp kiến nghị cử tri", "MTTQ");
    let hnd = org_id(&store, "HND");

    let watcher = rusqlite::Connection::open(&path).unwrap();
    let data_version =
        |c: &rusqlite::Connection| -> i64 { c.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap() };
    let seen_before = data_version(&watcher);
    let tasks_before = task_rows(&path);
    let history_before = history_rows(&path);
    let task_before = store.task(existing).unwrap();

    let intents = vec![
        Intent::AddTask {
            task: Task::new("Khảo sát hộ nghèo", hnd, TaskKind::Specific),
            board: Board::Org(hnd),
            kind_given: false,
            first_note: None,
        },
        Intent::AddTask {
            task: Task::new("", hnd, TaskKind::Specific),
            board: Board::Org(hnd),
            kind_given: false,
            first_note: None,
        },
        Intent::SetTaskStatus { id: existing, status: TaskStatus::Done, version: Some(task_before.version) },
        Intent::DeleteTask { id: 4242, version: None },
        Intent::Reschedule { id: existing, deadline: Some(d(2026, 12, 1)), version: Some(task_before.version) },
    ];
    let (changes, problems) = ops::dry_run(&mut store, intents).unwrap();

    let indices: Vec<usize> = problems.iter().map(|p| p.index).collect();
    assert_eq!(indices, vec![1, 3, 4], "problems: {problems:?}");
    assert!(matches!(problems[0].error, StoreError::Invalid(_)), "{:?}", problems[0].error);
    assert!(matches!(problems[1].error, StoreError::NotFound { what: "task", id: 4242 }), "{:?}", problems[1].error);
    // The status change before it moved the version within the dry run.
    assert!(matches!(problems[2].error, StoreError::Conflict { what: "task", .. }), "{:?}", problems[2].error);
    assert_eq!(changes.created.len(), 5, "one entry per intent");
    assert!(changes.created[0].is_some(), "what the first intent would create is reported");
    assert!(changes.created[1..].iter().all(Option::is_none));

    assert_eq!(task_rows(&path), tasks_before, "no task was added");
    assert_eq!(history_rows(&path), history_before, "no history was written");
    assert_eq!(store.task(existing).unwrap(), task_before, "the existing task is as it was");
    assert_eq!(data_version(&watcher), seen_before, "another program saw no commit");

    // The dry run closed its transaction: a real write goes through.
    run(&mut store, Intent::SetTaskStatus { id: existing, status: TaskStatus::Done, version: None });
    assert_ne!(data_version(&watcher), seen_before, "a real write is seen by another program");
}

// 6 and 7. Many processes on one file at once.

fn spawn_all(commands: Vec<Command>) -> Vec<Output> {
    let children: Vec<_> = commands.into_iter().map(|mut c| c.spawn().unwrap()).collect();
    children.into_iter().map(|c| c.wait_with_output().unwrap()).collect()
}

#[test]
fn eight_processes_creating_the_same_new_file_at_once_all_succeed_and_seed_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let commands = (1..=8)
        .map(|n| {
            let mut c = giaoban(&path);
            c.args(["task", "add", "--title", &format!("Việc {n}"), "--org", "HND"]);
            c
        })
        .collect();
    let outputs = spawn_all(commands);
    for (n, out) in outputs.iter().enumerate() {
        assert_eq!(out.status.code(), Some(0), "process {} failed\n{}", n + 1, describe(out));
    }

    assert_eq!(task_rows(&path), 8, "every process's task is there");
    assert_eq!(count(&path, "SELECT COUNT(*) FROM organizations"), 6, "the organizations were seeded once");
    assert_eq!(count(&path, "SELECT COUNT(DISTINCT title) FROM tasks"), 8);
    assert_eq!(count(&path, "PRAGMA user_version"), SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let store = Store::open(&path).unwrap();
    let hnd = org_id(&store, "HND");
    let hnd_work = store.tasks(&TaskFilter { org_id: Some(hnd), ..Default::default() }, today()).unwrap();
    assert_eq!(hnd_work.len(), 8);
}

#[test]
fn eight_processes_migrating_an_old_file_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    common::schema_1_file(&path);
    assert_eq!(count(&path, "PRAGMA user_version"), 1);

    // Looking never upgrades the file: a read command refuses, unchanged.
    let mut look = giaoban(&path);
    look.arg("status");
    let out = look.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    assert_eq!(count(&path, "PRAGMA user_version"), 1);

    // Eight processes that write, at once: the file is upgraded once.
    let commands = (0..8)
        .map(|i| {
            let mut c = giaoban(&path);
            c.args(["task", "note", "1", &format!("Ghi chú {i}")]);
            c
        })
        .collect();
    let outputs = spawn_all(commands);
    for (n, out) in outputs.iter().enumerate() {
        assert_eq!(out.status.code(), Some(0), "process {} failed\n{}", n + 1, describe(out));
    }

    assert_eq!(count(&path, "PRAGMA user_version"), SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.contains(".v1-") && n.ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 1, "the file was copied aside once, by the one process that migrated it");
    assert_eq!(task_rows(&path), 1);
    assert_eq!(count(&path, "SELECT COUNT(*) FROM organizations"), 6);

    let store = Store::open(&path).unwrap();
    let hits = store.search("duong lien thon", &[], 5).unwrap();
    assert_eq!(hits.len(), 1, "the old task is searchable after the migration");
    let task = store.tasks(&TaskFilter::default(), today()).unwrap();
    assert_eq!(task.len(), 1);
    assert_eq!(task[0].title, "Đường liên thôn");
}

// 8. Every count of an organization's work agrees.

#[test]
fn the_status_report_the_board_strip_and_the_task_list_count_the_same_on_the_demo() {
    let mut store = Store::in_memory().unwrap();
    store.set_clock(Clock::fixed(at(8, 0)));
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    let boards = store.board_counts(today()).unwrap();

    let mut any_open = 0;
    let mut any_overdue = 0;
    for org in store.organizations().unwrap() {
        let report = store.status_report(today(), Some(org.id)).unwrap();
        assert_eq!(report.orgs.len(), 1, "a report for {} counts {} only", org.code, org.code);
        let in_report = &report.orgs[0];
        assert_eq!(in_report.org_id, org.id);
        let board = boards.iter().find(|b| b.org_id == Some(org.id)).expect("every organization has a board");
        let open = store.tasks(&TaskFilter { org_id: Some(org.id), ..Default::default() }, today()).unwrap();
        let overdue =
            store.tasks(&TaskFilter { org_id: Some(org.id), overdue: true, ..Default::default() }, today()).unwrap();

        assert_eq!(in_report.open, open.len() as i64, "{}: status open vs task list", org.code);
        assert_eq!(board.open, open.len() as i64, "{}: board strip open vs task list", org.code);
        assert_eq!(in_report.overdue, overdue.len() as i64, "{}: status overdue vs task list", org.code);
        assert_eq!(board.overdue, overdue.len() as i64, "{}: board strip overdue vs task list", org.code);
        assert!(overdue.iter().all(|t| t.is_overdue(today())), "{}: overdue list holds only overdue tasks", org.code);
        // The board screen's own page shows those same open tasks.
        let page =
            giaoban::ops::BoardPage::load(&store, Board::Org(org.id), TaskFilter::default(), today(), true).unwrap();
        assert_eq!(
            page.tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
            open.iter().map(|t| t.id).collect::<Vec<_>>(),
            "{}: the board page vs the task list",
            org.code
        );
        let shown = report.most_overdue.len();
        assert_eq!(shown, overdue.len().min(5), "{}: the report's most-overdue list", org.code);
        any_open += open.len();
        any_overdue += overdue.len();
    }
    assert!(any_open > 0 && any_overdue > 0, "the demo has open and overdue work to count");

    let common = boards.iter().find(|b| b.org_id.is_none()).expect("the common board is counted");
    let common_tasks =
        store.tasks(&TaskFilter { kinds: vec![TaskKind::Common], ..Default::default() }, today()).unwrap();
    assert_eq!(common.open, common_tasks.len() as i64, "common board open vs task list");
    let common_overdue = common_tasks.iter().filter(|t| t.is_overdue(today())).count() as i64;
    assert_eq!(common.overdue, common_overdue, "common board overdue vs task list");
}

#[test]
fn leading_and_coordinating_both_count_as_an_organizations_work() {
    let mut store = Store::in_memory().unwrap();
    store.set_clock(Clock::fixed(at(8, 0)));
    let a = org_id(&store, "HND");
    let b = org_id(&store, "HLHPN");
    let others: Vec<i64> =
        store.organizations().unwrap().iter().map(|o| o.id).filter(|id| *id != a && *id != b).collect();

    // 1: led by A. 2: led by B, A coordinating, overdue. 3: common, led by B, A coordinating.
    let t1 = Task::new("Hội nghị tập huấn chi hội trưởng", a, TaskKind::Specific);
    let mut t2 = Task::new("Khảo sát hộ nghèo cần hỗ trợ", b, TaskKind::Specific);
    t2.with_org_ids = vec![a];
    t2.deadline = Some(d(2026, 11, 20));
    let mut t3 = Task::new("Ngày hội Đại đoàn kết toàn dân tộc", b, TaskKind::Common);
    t3.with_org_ids = vec![a];
    // 4: led by A, partners A itself and B: counted once for each.
    let mut t4 = Task::new("Sơ kết mô hình tổ hợp tác", a, TaskKind::Specific);
    t4.with_org_ids = vec![a, b];
    let intents = vec![
        Intent::AddTask { task: t1, board: Board::Org(a), kind_given: false, first_note: None },
        Intent::AddTask { task: t2, board: Board::Org(b), kind_given: false, first_note: None },
        Intent::AddTask { task: t3, board: Board::Common, kind_given: false, first_note: None },
        Intent::AddTask { task: t4, board: Board::Org(a), kind_given: false, first_note: None },
    ];
    let changes = ops::execute_all(&mut store, intents).unwrap();
    assert_eq!(changes.created.iter().flatten().count(), 4);

    let boards = store.board_counts(today()).unwrap();
    let board = |org: Option<i64>| boards.iter().find(|c| c.org_id == org).unwrap().clone();
    let report = |org: i64| store.status_report(today(), Some(org)).unwrap().orgs[0].clone();
    let listed = |org: i64, overdue: bool| {
        store.tasks(&TaskFilter { org_id: Some(org), overdue, ..Default::default() }, today()).unwrap().len() as i64
    };

    for (org, open, overdue, name) in
        [(a, 4, 1, "A (leads 1 and 4, coordinates 2 and 3)"), (b, 3, 1, "B (leads 2 and 3, coordinates 4)")]
    {
        assert_eq!(report(org).open, open, "{name}: status report");
        assert_eq!(board(Some(org)).open, open, "{name}: board strip");
        assert_eq!(listed(org, false), open, "{name}: task list");
        assert_eq!(report(org).overdue, overdue, "{name}: status report overdue");
        assert_eq!(board(Some(org)).overdue, overdue, "{name}: board strip overdue");
        assert_eq!(listed(org, true), overdue, "{name}: overdue list");
    }
    assert_eq!(board(None).open, 1, "the common board holds task 3 only");
    assert_eq!(board(None).overdue, 0);
    for org in others {
        assert_eq!(board(Some(org)).open, 0, "an organization with no part in any task counts nothing");
        assert_eq!(listed(org, false), 0);
    }
}

/// Undo is one's own: a session undoes what it did, not what another
/// account did meanwhile; undoing a change someone else has built on is
/// refused and changes nothing; `giaoban undo` undoes the calling account's.
#[test]
fn undo_reverses_only_ones_own_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut secretary = open(&path, 9);
    secretary.set_who("thuky", "tui-1");
    let mut leader = open(&path, 9);
    leader.set_who("lanhdao", "tui-2");
    let hnd = secretary.resolve_organization("HND").unwrap().id;
    let add = |title: &str| Intent::AddTask {
        task: Task::new(title, hnd, TaskKind::Specific),
        board: Board::Org(hnd),
        kind_given: false,
        first_note: None,
    };
    let mine = ops::execute(&mut secretary, add("Việc của thư ký")).unwrap().created_id().unwrap();
    let theirs = ops::execute(&mut leader, add("Việc của lãnh đạo")).unwrap().created_id().unwrap();

    // The secretary's undo takes back the secretary's task, not the leader's later one.
    let _ = ops::execute(&mut secretary, Intent::Undo { scope: UndoScope::Session }).unwrap();
    assert!(secretary.task(mine).is_err());
    assert!(secretary.task(theirs).is_ok());

    // The leader changes a task the secretary edited afterwards: the leader's
    // change is built on, so the leader's undo is refused, nothing changes.
    let t = leader.task(theirs).unwrap();
    let _ = ops::execute(
        &mut leader,
        Intent::SetTaskStatus { id: theirs, status: TaskStatus::InProgress, version: Some(t.version) },
    )
    .unwrap();
    let mut edited = secretary.task(theirs).unwrap();
    edited.title = "Việc của lãnh đạo, thư ký bổ sung".into();
    let _ = ops::execute(&mut secretary, Intent::EditTask(edited)).unwrap();
    let before = leader.task(theirs).unwrap();
    match ops::execute(&mut leader, Intent::Undo { scope: UndoScope::Session }) {
        Err(StoreError::UndoBuiltOn { by }) => assert_eq!(by, "thuky"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(leader.task(theirs).unwrap(), before);

    // From the command line, the calling account's latest action is undone.
    let out = giaoban(&path).env("USER", "thuky").arg("undo").output().unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(leader.task(theirs).unwrap().title, "Việc của lãnh đạo");
}

/// Eight processes writing a hundred times each, at once: every write is
/// there and nobody was shown an error.
#[test]
fn eight_processes_a_hundred_writes_each_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    let out = giaoban(&path).args(["task", "add", "--title", "Việc chung của Khối", "--org", "MTTQ"]).output().unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    let children: Vec<_> = (0..8)
        .map(|p| {
            let script = format!(
                "for i in $(seq 1 100); do \"$BIN\" --db \"$DB\" --today 2026-11-23 task note 1 \"tiến độ {p}-$i\" >/dev/null || exit 1; done"
            );
            Command::new("sh")
                .args(["-c", &script])
                .env("BIN", env!("CARGO_BIN_EXE_giaoban"))
                .env("DB", &path)
                .env("GIAOBAN_CONFIG", dir.path().join("none.toml"))
                .env_remove("GIAOBAN_LANG")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (n, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "writer {n}: {}", describe(&out));
    }
    assert_eq!(count(&path, "SELECT COUNT(*) FROM task_notes"), 800);
    assert_eq!(count(&path, "SELECT COUNT(DISTINCT text) FROM task_notes"), 800);
}

/// Writers killed (SIGKILL) at random moments, 300 times: the file stays
/// whole and every write a writer reported done is there.
#[cfg(unix)]
#[test]
fn writers_killed_at_random_moments_lose_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let out = giaoban(&path).args(["task", "add", "--title", "Việc thử", "--org", "MTTQ"]).output().unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut acknowledged = Vec::new();
    for i in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = giaoban(&path)
            .args(["task", "note", "1", &format!("ghi {i}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The moment to kill it: anywhere from before it opens the file to after it is done.
        std::thread::sleep(std::time::Duration::from_micros(seed % 25_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            acknowledged.push(i);
        }
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    for i in &acknowledged {
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM task_notes WHERE text = ?1", [format!("ghi {i}")], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "write {i} was reported done but is missing");
    }
    // The file still takes writes after all that.
    drop(conn);
    let out = giaoban(&path).args(["task", "note", "1", "sau cùng"]).output().unwrap();
    assert!(out.status.success(), "{}", describe(&out));
    eprintln!("{} of 300 writers finished before being killed", acknowledged.len());
}
