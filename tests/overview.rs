//! Tổng quan: the bloc at a glance on the demo with a fixed date — its
//! screen at 80x24 and 120x40 (with and without colour), the same numbers as
//! the period report, `status --chart` in ASCII through a pipe, and the
//! period report's chart in the workbook.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::ops::overview::Overview;
use giaoban::ops::period::{Category, Period, PeriodReport};
use giaoban::tui::app::{App, Screen};
use giaoban::tui::build_app;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app(theme: Option<&str>) -> App {
    let mut config = Config::default();
    config.theme = theme.map(String::from);
    build_app(common::demo_on(today()), today(), &config).unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The screen's text, and whether any cell has a colour.
fn render(app: &App, w: u16, h: u16) -> (String, bool) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    let mut coloured = false;
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            let c = &buf[(x, y)];
            line.push_str(c.symbol());
            coloured |= !matches!(c.fg, Color::Reset) || !matches!(c.bg, Color::Reset);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    (out, coloured)
}

#[test]
fn the_overview_at_80x24_and_120x40_reads_with_and_without_colour() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut a = app(None);
        key(&mut a, KeyCode::Char('5'));
        assert_eq!(a.screen, Screen::Overview);
        let (text, coloured) = render(&a, w, h);
        assert!(coloured);
        insta::assert_snapshot!(format!("overview_{w}x{h}"), text);
        // Without colour the same text: patterns and numbers carry the meaning.
        let mut mono = app(Some("mono"));
        key(&mut mono, KeyCode::Char('5'));
        let (plain, coloured) = render(&mono, w, h);
        assert!(!coloured, "mono draws no colour");
        assert_eq!(plain, text);
        for pattern in ['█', '▓'] {
            assert!(plain.contains(pattern), "{pattern} missing:\n{plain}");
        }
        assert!(plain.contains("trong hạn") && plain.contains("quá hạn"), "the legend names the patterns");
    }
    // A wider terminal shows more weeks, not bigger marks.
    let mut a = app(None);
    key(&mut a, KeyCode::Char('5'));
    let (narrow, _) = render(&a, 80, 24);
    let (wide, _) = render(&a, 160, 40);
    let spark = |s: &str| {
        s.lines()
            .find(|l| l.contains("Hoàn thành/tuần"))
            .map(|l| l.chars().filter(|c| "▁▂▃▄▅▆▇█".contains(*c)).count())
            .unwrap_or(0)
    };
    assert_eq!(spark(&narrow), 12, "{narrow}");
    assert!(spark(&wide) > 12, "{wide}");
}

#[test]
fn the_bars_are_the_period_reports_numbers() {
    let store = common::demo_on(today());
    for period in [Period::Week, Period::Month, Period::Quarter, Period::Year] {
        let ov = Overview::load(&store, period, today(), 12).unwrap();
        let report = PeriodReport::load(&store, period, today()).unwrap();
        assert!(!ov.orgs.is_empty());
        for line in &ov.orgs {
            let r = report.orgs.iter().find(|o| o.org_id == line.org_id).unwrap();
            assert_eq!(line.on_time + line.blocked, r.counts.open_in_time, "{} {period:?}", line.short);
            assert_eq!(line.overdue, r.counts.open_overdue, "{} {period:?}", line.short);
            assert_eq!(line.rate, r.counts.on_time_rate());
            let blocked = r.tasks.iter().filter(|t| t.category == Category::OpenInTime && t.blocked).count() as u32;
            assert_eq!(line.blocked, blocked);
        }
    }
    let ov = Overview::load(&store, Period::Month, today(), 12).unwrap();
    assert_eq!(ov.weeks.len(), 12);
    assert!(ov.weeks.windows(2).all(|w| w[0].from < w[1].from));
    assert_eq!(ov.days_to_next, Some(7), "the demo's next briefing is on Monday 30/11");
}

#[test]
fn the_other_screens_and_quit_are_a_key_away_from_the_overview() {
    let mut a = app(None);
    for (k, screen) in [('1', Screen::Agenda), ('2', Screen::Boards), ('3', Screen::Pending), ('4', Screen::Meetings)] {
        key(&mut a, KeyCode::Char('5'));
        assert_eq!(a.screen, Screen::Overview);
        key(&mut a, KeyCode::Char(k));
        assert_eq!(a.screen, screen, "key {k} on the overview");
    }
    key(&mut a, KeyCode::Char('5'));
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.screen, Screen::Agenda, "Tab goes round to the first screen");
    key(&mut a, KeyCode::Char('5'));
    key(&mut a, KeyCode::Char('/'));
    let (search, _) = render(&a, 80, 24);
    assert!(search.contains("/ "), "{search}");
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('q'));
    assert!(a.quit, "q quits from the overview");
}

#[test]
fn enter_on_a_bar_opens_the_organizations_board_and_p_changes_the_period() {
    let mut a = app(None);
    key(&mut a, KeyCode::Char('5'));
    let (before, _) = render(&a, 80, 24);
    assert!(before.contains("tháng 11/2026"), "{before}");
    key(&mut a, KeyCode::Char('p'));
    let (after, _) = render(&a, 80, 24);
    assert!(after.contains("quý IV/2026"), "{after}");
    // The first row is the Front's bar.
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.screen, Screen::Boards);
    let board = a.boards.tabs[a.boards.tab].org_id;
    assert_eq!(board, Some(a.store.resolve_organization("MTTQ").unwrap().id));
}

fn cmd(db: &std::path::Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("giaoban")
        .unwrap()
        .env_remove("GIAOBAN_LANG")
        .env("NO_COLOR", "1")
        .env("GIAOBAN_CONFIG", db.with_extension("toml"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn status_chart_through_a_pipe_is_ascii_and_matches_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    cmd(&db, &["demo"]);
    let chart = cmd(&db, &["status", "--chart"]);
    assert!(chart.is_ascii() || chart.chars().all(|c| c.is_ascii() || !"█▒▓▁▂▃▄▅▆▇".contains(c)), "{chart}");
    assert!(!chart.contains('█'), "no block characters through a pipe:\n{chart}");
    assert!(chart.contains('#') && chart.contains('!'), "{chart}");
    let store = giaoban::store::Store::open_read_only(&db).unwrap();
    let ov = Overview::load(&store, Period::Month, today(), 12).unwrap();
    for o in &ov.orgs {
        let line = chart.lines().find(|l| l.starts_with(&o.short)).unwrap_or_else(|| panic!("{} missing", o.short));
        assert!(line.contains(&format!("{} · {} · {}", o.on_time, o.blocked, o.overdue)), "{line}");
    }
    let one = cmd(&db, &["status", "--chart", "--org", "HND", "--period", "quý"]);
    assert_eq!(one.lines().filter(|l| l.starts_with("HND ")).count(), 1, "one bar:\n{one}");
    assert!(!one.lines().any(|l| l.starts_with("MTTQ ")), "only the organization asked for:\n{one}");
    assert!(one.contains("quý IV/2026"));
}

#[test]
fn the_reports_workbook_carries_a_chart_of_the_four_categories() {
    let store = common::demo_on(today());
    let period = Period::Range(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today());
    let xlsx = giaoban::ops::export::period_report(&store, period, giaoban::ops::export::Format::Xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes)).unwrap();
    let mut chart = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/charts/chart1.xml").unwrap(), &mut chart).unwrap();
    assert!(chart.contains("<c:barChart>") && chart.contains(r#"<c:grouping val="stacked"/>"#), "{chart}");
    let orgs = PeriodReport::load(&store, period, today()).unwrap().orgs.len() as u32;
    let last = 5 + orgs; // the first organization is on row 6
    for col in ['C', 'D', 'E', 'F'] {
        let values = format!("'Tổng hợp'!${col}$6:${col}${last}");
        assert!(chart.contains(&values), "{values} missing");
        assert!(chart.contains(&format!("'Tổng hợp'!${col}$5")), "the series name is the column's header");
    }
    assert!(chart.contains(&format!("'Tổng hợp'!$B$6:$B${last}")), "the organizations are the categories");
}

/// The overview's summary (read from an index only) counts the same tasks,
/// in the same categories, with the same targets, as the full report.
#[test]
fn the_summary_counts_what_the_report_lists() {
    let store = common::demo_on(today());
    for day in [today(), today() - chrono::Duration::days(40), today() + chrono::Duration::days(20)] {
        for period in [Period::Week, Period::Month, Period::Quarter, Period::Year] {
            let full = PeriodReport::load(&store, period, day).unwrap();
            let summary = PeriodReport::summary(&store, period, day).unwrap();
            assert!(full.orgs.iter().any(|o| !o.tasks.is_empty()), "{period:?} on {day}: no task to compare");
            assert_eq!(full.orgs.len(), summary.orgs.len());
            for (f, s) in full.orgs.iter().zip(&summary.orgs) {
                assert_eq!((f.org_id, f.counts, &f.targets, f.pending), (s.org_id, s.counts, &s.targets, s.pending));
                let facts = |o: &giaoban::ops::period::OrgReport| -> Vec<_> {
                    o.tasks.iter().map(|t| (t.id, t.category, t.blocked, t.deadline, t.completed_on)).collect()
                };
                assert_eq!(facts(f), facts(s), "{} {period:?} on {day}", f.short);
                assert!(f.tasks.iter().all(|t| !t.title.is_empty()), "the full report has its titles");
            }
        }
    }
}

/// The report's and the trend's queries look tasks up by an index: their
/// cost follows the period, not the years on file.
#[test]
fn the_report_and_trend_queries_use_indexes() {
    let store = common::demo_on(today());
    for (name, plan) in store.report_query_plans().unwrap() {
        assert!(!plan.is_empty(), "{name}");
        for step in &plan {
            assert!(!(step.starts_with("SCAN tasks") || step == "SCAN t"), "{name} reads every task: {plan:?}");
        }
        assert!(
            plan.iter()
                .any(|s| s.contains("USING INDEX") || s.contains("USING COVERING INDEX") || s.contains("PRIMARY KEY")),
            "{name}: {plan:?}"
        );
    }
    let plans = store.report_query_plans().unwrap();
    let (_, counts) = plans.iter().find(|(name, _)| name == "period counts").unwrap();
    let searches: Vec<&String> = counts.iter().filter(|s| s.starts_with("SEARCH")).collect();
    assert_eq!(searches.len(), 3, "{counts:?}");
    assert!(searches.iter().all(|s| s.contains("USING COVERING INDEX")), "counting reads no task row: {counts:?}");
    let (_, targets) = plans.iter().find(|(name, _)| name == "period targets").unwrap();
    assert!(!targets.iter().any(|s| s.starts_with("SCAN g")), "every target read: {targets:?}");
}

/// Half a year of weeks ending on the fixed day.
fn half_year() -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
    (0..26)
        .rev()
        .map(|k| {
            let from = today() - chrono::Duration::weeks(k);
            (from, (from + chrono::Duration::days(6)).min(today()))
        })
        .collect()
}

/// The weekly trend against the same counts taken task by task over every
/// task on file; the work done and the work late in the half year.
fn trend_against_tasks(store: &giaoban::store::Store, conn: &rusqlite::Connection) -> (u32, u32) {
    let weeks = store.weekly_counts(&half_year()).unwrap();
    let count = |sql: &str, days: &[chrono::NaiveDate]| -> u32 {
        conn.query_row(sql, rusqlite::params_from_iter(days.iter().map(|d| d.to_string())), |r| r.get(0)).unwrap()
    };
    let (mut late, mut done) = (0, 0);
    for w in &weeks {
        let completed = count(
            "SELECT COUNT(*) FROM tasks NOT INDEXED WHERE status = 'done' AND completed_on BETWEEN ?1 AND ?2",
            &[w.from, w.to],
        );
        let overdue = count(
            "SELECT COUNT(*) FROM tasks NOT INDEXED WHERE deadline < ?1
               AND COALESCE(start_date, substr(created_at, 1, 10)) <= ?1
               AND (status IN ('not-started', 'in-progress', 'blocked') OR (status = 'done' AND completed_on > ?1))",
            &[w.to],
        );
        assert_eq!((w.completed, w.overdue), (completed, overdue), "week of {}", w.from);
        done += completed;
        late += overdue;
    }
    (done, late)
}

/// A generated year of history in `dir`: the store, a second connection
/// to the same file, and its path.
fn generated_year(dir: &std::path::Path) -> (giaoban::store::Store, rusqlite::Connection, std::path::PathBuf) {
    let path = dir.join("year.db");
    let mut store = giaoban::store::Store::open(&path).unwrap();
    giaoban::demo::bulk::fill_years(&mut store, today(), 1, giaoban::demo::bulk::DEFAULT_SEED, false).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    (store, conn, path)
}

/// The weekly trend (completed in each week, overdue at its end) over half
/// a year of a generated year of history, against the same counts taken
/// task by task over every task on file.
#[test]
fn the_weekly_trend_counts_every_task_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let (store, conn, path) = generated_year(dir.path());
    let (done, late) = trend_against_tasks(&store, &conn);
    assert!(done > 1000 && late > 100, "the half year has work done and work late: {done}, {late}");
    // A file from before the figures by day gets them, filled, on opening.
    drop(store);
    conn.execute_batch(
        "DROP TRIGGER task_days_insert; DROP TRIGGER task_days_update; DROP TRIGGER task_days_delete;
         DROP TABLE task_days; PRAGMA user_version = 14;",
    )
    .unwrap();
    let store = giaoban::store::Store::open(&path).unwrap();
    assert_eq!(trend_against_tasks(&store, &conn), (done, late));
}

/// The figures by day follow every change to the tasks, however it is
/// made: tasks completed, reopened, cancelled, their deadlines and start
/// days moved, deleted, added. `doctor` finds them in step, sees a figure
/// changed behind its back and puts it right with `--repair`.
#[test]
fn the_figures_by_day_follow_every_change_to_the_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, conn, _) = generated_year(dir.path());
    let before = trend_against_tasks(&store, &conn);
    conn.execute_batch(
        "UPDATE tasks SET status = 'done', completed_on = date('2026-11-23', '-' || (id % 90) || ' days')
          WHERE status IN ('not-started', 'in-progress') AND id % 3 = 0;
         UPDATE tasks SET status = 'in-progress', completed_on = NULL WHERE status = 'done' AND id % 17 = 0;
         UPDATE tasks SET status = 'cancelled' WHERE status = 'done' AND id % 19 = 0;
         UPDATE tasks SET deadline = date(deadline, '-20 days') WHERE deadline IS NOT NULL AND id % 7 = 0;
         UPDATE tasks SET deadline = NULL WHERE id % 23 = 0;
         UPDATE tasks SET start_date = date(COALESCE(deadline, '2026-10-01'), '-3 days') WHERE id % 11 = 0;
         DELETE FROM tasks WHERE id % 29 = 0;
         INSERT INTO tasks (title, lead_org_id, status, deadline, start_date, completed_on, created_at, updated_at, kind)
         SELECT title || ' (2)', lead_org_id, status, date(deadline, '+5 days'), start_date, completed_on,
                created_at, updated_at, kind FROM tasks WHERE id % 31 = 0;",
    )
    .unwrap();
    let after = trend_against_tasks(&store, &conn);
    assert_ne!(before, after, "the changes moved the trend");
    let days_ok = giaoban::i18n::t("doctor.days_ok");
    let findings = |store: &mut giaoban::store::Store, repair: bool| -> Vec<String> {
        store.doctor(repair).unwrap().into_iter().map(|f| f.text).collect()
    };
    assert!(findings(&mut store, false).contains(&days_ok));
    conn.execute(
        "UPDATE task_days SET done = done + 1 WHERE day = (SELECT MAX(day) FROM task_days WHERE done > 0)",
        [],
    )
    .unwrap();
    assert!(findings(&mut store, false).contains(&giaoban::i18n::t("doctor.days_bad")));
    assert!(findings(&mut store, true).contains(&days_ok));
    assert_eq!(trend_against_tasks(&store, &conn), after);
}
