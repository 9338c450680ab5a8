//! The bulk history as generated, on one year (about 52 briefings and
//! 5,000 tasks) to keep the suite quick.

use super::sink::TABLES;
use super::*;
use crate::domain::TaskStatus;
use crate::store::{SearchKind, TaskFilter, UndoScope};
use rusqlite::types::ValueRef;
use std::sync::{Mutex, MutexGuard, OnceLock};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn generate(seed: u64) -> (Store, BulkSummary) {
    let mut store = Store::in_memory().unwrap();
    let s = fill_years(&mut store, today(), 1, seed, false).unwrap();
    (store, s)
}

/// One year generated once with the default seed, shared by the tests
/// that only read it.
fn shared() -> MutexGuard<'static, (Store, BulkSummary)> {
    static ONE: OnceLock<Mutex<(Store, BulkSummary)>> = OnceLock::new();
    ONE.get_or_init(|| Mutex::new(generate(DEFAULT_SEED))).lock().unwrap_or_else(|e| e.into_inner())
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn all_tasks(store: &Store) -> Vec<Task> {
    store.tasks(&TaskFilter { include_finished: true, ..Default::default() }, today()).unwrap()
}

/// Every row of every table (the seeded organizations' history, dated by
/// the clock, aside), as text.
fn dump(store: &Store) -> Vec<String> {
    let c = store.conn();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<std::result::Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let filter = if t == "history" { " WHERE tbl <> 'organizations'" } else { "" };
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"{filter}")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
            out.push(format!("{t}|{}", cells.join("|")));
        }
    }
    out
}

/// The row as `history::snapshot` reads it: every column by name, and a
/// task's links.
fn stored_snapshot(store: &Store, tbl: &str, id: i64) -> String {
    let c = store.conn();
    let mut stmt = c.prepare(&format!("SELECT * FROM {tbl} WHERE id = ?1")).unwrap();
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut map = stmt
        .query_row([id], |r| {
            let mut map = Map::new();
            for (i, name) in names.iter().enumerate() {
                let v = match r.get_ref(i)? {
                    ValueRef::Null | ValueRef::Blob(_) => Value::Null,
                    ValueRef::Integer(n) => Value::from(n),
                    ValueRef::Real(x) => Value::from(x),
                    ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                };
                map.insert(name.clone(), v);
            }
            Ok(map)
        })
        .unwrap();
    if tbl == "tasks" {
        for (key, sql) in [
            ("with_org_ids", "SELECT org_id FROM task_orgs WHERE task_id = ?1 ORDER BY org_id"),
            ("person_ids", "SELECT person_id FROM task_people WHERE task_id = ?1 ORDER BY person_id"),
        ] {
            let ids: Vec<i64> = c
                .prepare(sql)
                .unwrap()
                .query_map([id], |r| r.get(0))
                .unwrap()
                .collect::<std::result::Result<_, _>>()
                .unwrap();
            map.insert(key.into(), Value::from(ids));
        }
    }
    Value::Object(map).to_string()
}

#[test]
fn columns_are_the_stored_ones() {
    let store = Store::in_memory().unwrap();
    for (tbl, cols) in TABLES {
        let stored: Vec<String> = store
            .conn()
            .prepare(&format!("PRAGMA table_info({tbl})"))
            .unwrap()
            .query_map([], |r| r.get(1))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        assert_eq!(stored, cols, "{tbl}: the generator writes every column, in order");
        assert_eq!(cols.contains(&"uid"), crate::store::IDENTIFIED.contains(&tbl), "{tbl}: identity");
    }
}

#[test]
fn one_year_is_in_proportion() {
    let guard = shared();
    let (store, s) = &*guard;
    assert_eq!(s.years, 1);
    assert_eq!(s.meetings, 53, "52 weekly briefings held and the next one planned");
    assert!((4_500..=5_800).contains(&s.tasks), "{} tasks", s.tasks);
    assert!((12_000..=18_000).contains(&s.notes), "{} notes", s.notes);
    assert!((400..=600).contains(&s.agenda_items), "{} agenda items", s.agenda_items);
    assert!((800..=1_300).contains(&s.pending), "{} pending items", s.pending);
    assert!((140..=200).contains(&s.people), "{} people", s.people);
    assert_eq!(s.attendance, 52 * 6, "every organization at every held briefing");
    assert!(s.targets >= 200 && s.actuals >= s.targets, "{} targets, {} values", s.targets, s.actuals);
    for (tbl, n) in [
        ("meetings", s.meetings),
        ("agenda_items", s.agenda_items),
        ("attendance", s.attendance),
        ("tasks", s.tasks),
        ("task_notes", s.notes),
        ("targets", s.targets),
        ("target_actuals", s.actuals),
        ("pending_items", s.pending),
        ("people", s.people),
    ] {
        assert_eq!(count(store, &format!("SELECT COUNT(*) FROM {tbl}")) as usize, n, "{tbl}");
    }
    let history = count(store, "SELECT COUNT(*) FROM history WHERE tbl <> 'organizations'") as usize;
    assert_eq!(s.history, history);
    // Every organization has a few dozen people; pending items mostly answered.
    let per_org = count(store, "SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM people GROUP BY org_id)");
    assert!(per_org >= 20, "{per_org} people in the smallest organization");
    let open = count(store, "SELECT COUNT(*) FROM pending_items WHERE status = 'open'") as f64;
    assert!(open / (s.pending as f64) < 0.2, "{open} of {} pending items open", s.pending);
    let settings = store.settings().unwrap();
    assert_eq!(settings.locality, "Hải Hà");
}

#[test]
fn same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (a, sa) = generate(DEFAULT_SEED);
    let (b, sb) = generate(DEFAULT_SEED);
    assert_eq!(sa, sb);
    let (da, db) = (dump(&a), dump(&b));
    assert!(da.len() > 20_000, "{} rows", da.len());
    assert!(da == db, "the same seed gives the same rows");
    // What `status --json` is made of.
    let status = |s: &Store| format!("{:?}", s.status_report(today(), None).unwrap());
    assert_eq!(status(&a), status(&b));
    let (c, _) = generate(DEFAULT_SEED + 1);
    assert!(dump(&c) != da, "another seed gives other data");
    assert_ne!(status(&c), status(&a));
}

#[test]
fn held_briefings_have_their_roll_call_and_chair() {
    let guard = shared();
    let (store, _) = &*guard;
    let meetings = store.meetings().unwrap();
    let planned: Vec<&Meeting> = meetings.iter().filter(|m| m.status == MeetingStatus::Planned).collect();
    assert_eq!(planned.len(), 1);
    assert!(planned[0].starts_at.date() > today());
    assert_eq!(store.next_meeting(today()).unwrap().map(|m| m.id), Some(planned[0].id));
    for m in meetings.iter().filter(|m| m.is_closed()) {
        assert!(m.starts_at.date() < today(), "held before today");
        assert!(m.chair_id.is_some() && m.secretary_id.is_some(), "briefing {} has a chair", m.number);
        assert!(m.started_at.is_some() && m.ends_at > m.started_at);
        assert!(!m.notes.is_empty());
        let roll = store.attendance(m.id).unwrap();
        assert_eq!(roll.len(), 6, "briefing {}/{}", m.number, m.year);
        for a in &roll {
            assert_eq!(a.present, a.reason.is_empty(), "a reason for each absence, none for those present");
            assert_eq!(a.present, !a.attendees.is_empty());
        }
        let agenda = store.agenda(m.id).unwrap();
        assert!((5..=12).contains(&agenda.len()), "{} items", agenda.len());
        assert!(agenda.iter().enumerate().all(|(i, it)| it.position == i as i64 + 1));
    }
    // Numbered one after another within each year.
    let mut by_start = meetings.clone();
    by_start.sort_by_key(|m| m.starts_at);
    for pair in by_start.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.year == b.year {
            assert_eq!(b.number, a.number + 1, "{}/{} after {}/{}", b.number, b.year, a.number, a.year);
        } else {
            assert_eq!(b.number, 1);
        }
    }
}

#[test]
fn tasks_keep_their_dates_and_statuses() {
    let guard = shared();
    let (store, _) = &*guard;
    let tasks = all_tasks(store);
    let mut late = 0;
    for t in &tasks {
        let (start, deadline) = (t.start_date.unwrap(), t.deadline.unwrap());
        assert!(deadline >= start, "#{} ends before it starts", t.id);
        assert!(start <= today());
        match t.status {
            TaskStatus::Done => {
                let c = t.completed_on.unwrap_or_else(|| panic!("done task #{} has no completion date", t.id));
                assert!(c >= start && c <= today(), "#{}", t.id);
                late += t.done_late() as usize;
            }
            _ => assert!(t.completed_on.is_none(), "#{}", t.id),
        }
        assert!(!t.person_ids.is_empty());
        if t.kind == TaskKind::Conclusion {
            let m = store.meeting(t.source.meeting_id.unwrap()).unwrap();
            assert!(m.is_closed() && t.source.agenda_item_id.is_some());
            assert_eq!(start, m.starts_at.date());
        }
    }
    let of = |s: TaskStatus| tasks.iter().filter(|t| t.status == s).count();
    let done = of(TaskStatus::Done);
    assert!(done * 100 / tasks.len() >= 75, "older work is mostly done: {done} of {}", tasks.len());
    assert!(late * 100 / done >= 10 && late * 100 / done <= 50, "{late} of {done} done late");
    let cancelled = of(TaskStatus::Cancelled);
    assert!(cancelled > 0 && cancelled * 100 / tasks.len() < 6, "{cancelled} cancelled");
    let open = store.tasks(&TaskFilter::default(), today()).unwrap();
    let overdue = store.tasks(&TaskFilter { overdue: true, ..Default::default() }, today()).unwrap();
    let share = overdue.len() * 100 / open.len();
    assert!((8..=35).contains(&share), "{} of {} open tasks overdue", overdue.len(), open.len());
    assert!(of(TaskStatus::Blocked) > 0 && of(TaskStatus::NotStarted) > 0 && of(TaskStatus::InProgress) > 0);
    let hnd = store.resolve_organization("HND").unwrap();
    let hnd_overdue =
        store.tasks(&TaskFilter { overdue: true, lead_org_id: Some(hnd.id), ..Default::default() }, today()).unwrap();
    assert!(!hnd_overdue.is_empty());
    // Older work is finished: nothing due over a year ago is still open.
    assert!(overdue.iter().all(|t| t.deadline.unwrap() > today() - Duration::days(366)));
}

#[test]
fn search_finds_generated_titles_without_diacritics() {
    let guard = shared();
    let (store, _) = &*guard;
    let tasks = all_tasks(store);
    let varied = tasks.iter().find(|t| t.title.contains(" tại xã ")).expect("a title with its place");
    let query = crate::text::fold(&varied.title);
    assert_ne!(query, varied.title.to_lowercase(), "the title has diacritics");
    let hits = store.search(&query, &[SearchKind::Task], 100).unwrap();
    assert!(hits.iter().any(|h| h.label == varied.title), "{query}");
    let fund = store.search("vi nguoi ngheo", &[], 30).unwrap();
    assert!(fund.len() >= 10, "{} hits", fund.len());
    let notes = store.search("da van dong duoc trieu dong", &[SearchKind::Note], 30).unwrap();
    assert!(!notes.is_empty(), "progress notes are indexed");
    // Titles vary: months, quarters, places, rounds.
    let distinct: HashSet<&str> = tasks.iter().map(|t| t.title.as_str()).collect();
    assert!(distinct.len() * 4 > tasks.len(), "{} titles for {} tasks", distinct.len(), tasks.len());
}

#[test]
fn history_holds_an_insert_per_record_as_the_store_records_it() {
    let (mut store, s) = generate(DEFAULT_SEED);
    for (tbl, _) in TABLES {
        let missing = count(
            &store,
            &format!(
                "SELECT COUNT(*) FROM {tbl} r WHERE NOT EXISTS (SELECT 1 FROM history h
                   WHERE h.tbl = '{tbl}' AND h.record_id = r.id AND h.op = 'insert')"
            ),
        );
        assert_eq!(missing, 0, "{tbl} rows without their insert");
        let rows = count(&store, &format!("SELECT COUNT(*) FROM {tbl}"));
        let inserts = count(&store, &format!("SELECT COUNT(*) FROM history WHERE tbl = '{tbl}' AND op = 'insert'"));
        assert_eq!(rows, inserts, "{tbl}: one insert per row");
        let sample: Vec<(i64, String)> = store
            .conn()
            .prepare(&format!(
                "SELECT record_id, new FROM history WHERE tbl = '{tbl}' AND op = 'insert' AND record_id % 97 IN (1, 2)"
            ))
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        assert!(!sample.is_empty(), "{tbl}");
        for (id, new) in sample {
            assert_eq!(new, stored_snapshot(&store, tbl, id), "{tbl} {id}");
        }
    }
    assert_eq!(count(&store, "SELECT COUNT(*) FROM history WHERE undone = 0"), 0, "the sample is sealed");
    assert_eq!(store.history("tasks", 1).unwrap().len(), 1);

    // The store's own update records, as the old values, exactly the
    // snapshot the generator wrote; undo goes back to it, and no further.
    let id = s.tasks as i64 / 2;
    let inserted: String = store
        .conn()
        .query_row("SELECT new FROM history WHERE tbl = 'tasks' AND record_id = ?1", [id], |r| r.get(0))
        .unwrap();
    let before = store.task(id).unwrap();
    store
        .write(|w| {
            let mut t = w.store().task(id)?;
            t.title.push_str(" (bổ sung)");
            w.update_task(t)
        })
        .unwrap();
    let old: String = store
        .conn()
        .query_row("SELECT old FROM history WHERE tbl = 'tasks' AND record_id = ?1 AND op = 'update'", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(old, inserted);
    let actors: i64 = count(&store, "SELECT COUNT(DISTINCT actor) FROM history WHERE tbl = 'tasks'");
    assert_eq!(actors, 1, "the sample is recorded as the account's, like the store's own changes");
    store.write(|w| w.undo(UndoScope::Account)).unwrap();
    assert_eq!(store.task(id).unwrap().title, before.title);
    assert!(matches!(store.write(|w| w.undo(UndoScope::Account)), Err(StoreError::NothingToUndo)));
    let findings = store.doctor(false).unwrap();
    assert!(findings.iter().all(|f| f.ok), "{findings:?}");
}

#[test]
fn refuses_a_database_with_work_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("years.db");
    let mut store = Store::open(&path).unwrap();
    assert!(matches!(fill_years(&mut store, today(), 0, 1, false), Err(StoreError::Invalid(_))));
    assert!(matches!(fill_years(&mut store, today(), MAX_YEARS + 1, 1, false), Err(StoreError::Invalid(_))));
    let first = fill_years(&mut store, today(), 1, 7, false).unwrap();
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "the file is left as the store keeps it");
    assert!(matches!(fill_years(&mut store, today(), 1, 7, false), Err(StoreError::DemoRefused)));
    assert!(matches!(super::super::fill(&mut store, today(), false), Err(StoreError::DemoRefused)));
    let again = fill_years(&mut store, today(), 1, 7, true).unwrap();
    // The settings are already the sample's: only their history differs.
    assert_eq!(BulkSummary { history: 0, ..again }, BulkSummary { history: 0, ..first.clone() });
    assert_eq!(count(&store, "SELECT MIN(id) FROM tasks"), 1, "replaced, not added to");
    assert_eq!(count(&store, "SELECT COUNT(*) FROM history WHERE tbl = 'tasks'") as usize, first.tasks);
    let findings = store.doctor(false).unwrap();
    assert!(findings.iter().all(|f| f.ok), "{findings:?}");
    drop(store);

    // The 12-week sample is work too.
    let mut small = Store::in_memory().unwrap();
    super::super::fill(&mut small, today(), false).unwrap();
    assert!(matches!(fill_years(&mut small, today(), 1, 7, false), Err(StoreError::DemoRefused)));
    let replaced = fill_years(&mut small, today(), 1, 7, true).unwrap();
    assert_eq!(replaced.tasks, first.tasks);
    assert_eq!(count(&small, "SELECT COUNT(*) FROM tasks") as usize, first.tasks);
}
