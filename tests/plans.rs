//! Every query the screens run looks its rows up by an index: the
//! statements are recorded while a user walks the whole interface over a
//! year of generated history, and each one's EXPLAIN QUERY PLAN is read.
//! A plan that reads a whole table of the history ("SCAN tasks") fails,
//! naming the statement. (A plan, never a time: timings are benchmarks.)

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::store::Store;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::collections::BTreeSet;

/// Tables that grow with every week of work; the others (organizations,
/// people, settings, the number register) stay small.
const HISTORY_TABLES: &[&str] = &[
    "tasks",
    "task_notes",
    "task_orgs",
    "task_people",
    "targets",
    "target_actuals",
    "meetings",
    "agenda_items",
    "attendance",
    "pending_items",
    "history",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The history tables a statement names, with the aliases it gives them
/// ("FROM tasks t", "JOIN task_orgs AS o"): plans name a table by its alias.
fn names(sql: &str) -> Vec<(String, &'static str)> {
    let words: Vec<&str> =
        sql.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    let keyword = |w: &str| {
        [
            "AS", "ON", "WHERE", "JOIN", "LEFT", "INNER", "CROSS", "GROUP", "ORDER", "LIMIT", "USING", "SET", "UNION",
            "AND", "OR", "NOT", "INDEXED",
        ]
        .contains(&w.to_ascii_uppercase().as_str())
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(table) = HISTORY_TABLES.iter().find(|t| **t == *w) else { continue };
        out.push((table.to_string(), *table));
        let mut next = words.get(i + 1).copied();
        if next.is_some_and(|n| n.eq_ignore_ascii_case("AS")) {
            next = words.get(i + 2).copied();
        }
        if let Some(alias) = next.filter(|n| !keyword(n) && !n.chars().all(|c| c.is_ascii_digit())) {
            out.push((alias.to_string(), *table));
        }
    }
    out
}

/// A plan step that reads a history table through without an index.
fn full_scan(step: &str, names: &[(String, &'static str)]) -> Option<&'static str> {
    let rest = step.strip_prefix("SCAN ")?;
    let name = rest.split_whitespace().next()?;
    let table = names.iter().find(|(n, _)| n == name).map(|(_, t)| *t)?;
    (!rest.contains(" USING ")).then_some(table)
}

#[test]
fn plan_steps_and_aliases_are_read_right() {
    let n = names("SELECT t.id FROM tasks t JOIN task_orgs AS o ON o.task_id = t.id, organizations g");
    assert_eq!(full_scan("SCAN t", &n), Some("tasks"));
    assert_eq!(full_scan("SCAN o", &n), Some("task_orgs"));
    assert_eq!(full_scan("SCAN g", &n), None, "organizations stay small");
    assert_eq!(full_scan("SCAN history USING INDEX history_at", &names("SELECT 1 FROM history")), None);
    assert_eq!(full_scan("SEARCH t USING INDEX tasks_status (status=?)", &n), None);
    assert_eq!(full_scan("SCAN tasks", &names("SELECT id FROM tasks WHERE 1")), Some("tasks"));
}

#[test]
fn every_query_the_screens_run_uses_an_index() {
    let mut store = Store::in_memory().unwrap();
    giaoban::demo::bulk::fill_years(&mut store, today(), 1, giaoban::demo::bulk::DEFAULT_SEED, false).unwrap();
    let recorded = store.record_statements().unwrap();
    let mut app = giaoban::tui::build_app(store, today(), &Config::default()).unwrap();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut press = |app: &mut giaoban::tui::app::App, code: KeyCode| {
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
    };
    // The walk: every screen, its list, a detail, the boards round, the
    // overview's periods, a search typed letter by letter.
    let ch = KeyCode::Char;
    for c in ['1', 'j', 'j', 'k'] {
        press(&mut app, ch(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, ch('2'));
    for _ in 0..8 {
        press(&mut app, ch('j'));
        press(&mut app, ch(']'));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    for screen in ['3', '4'] {
        press(&mut app, ch(screen));
        press(&mut app, ch('j'));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
    }
    press(&mut app, ch('5'));
    for _ in 0..4 {
        press(&mut app, ch('p'));
    }
    press(&mut app, ch('/'));
    for c in "vi nguoi ngheo".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);

    app.store.stop_recording().unwrap();
    let statements: BTreeSet<String> = recorded.lock().unwrap().iter().cloned().collect();
    let queries: Vec<&String> = statements
        .iter()
        .filter(|s| {
            let head = s.trim_start().to_ascii_uppercase();
            head.starts_with("SELECT") || head.starts_with("WITH")
        })
        .collect();
    assert!(queries.len() > 20, "the walk ran only {} distinct queries: {queries:#?}", queries.len());
    let mut problems = Vec::new();
    for sql in &queries {
        let plan = app.store.query_plan(sql).unwrap();
        let n = names(sql);
        for step in &plan {
            if let Some(table) = full_scan(step, &n) {
                problems.push(format!("reads all of {table}: {step}\n  in: {sql}\n  plan: {plan:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} queries read a whole history table:\n{}", problems.len(), problems.join("\n\n"));
}
