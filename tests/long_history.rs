//! Screens that hold a window of a long history: what they read is what
//! they show, and every record stays reachable by keys and by search.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::store::Store;
use giaoban::tui::build_app;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn render(app: &giaoban::tui::app::App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..40).map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string() + "\n").collect()
}

fn key(app: &mut giaoban::tui::app::App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The demo's briefings and, before them, `n` weekly briefings held from
/// 1990 on, written by a second connection as an older file would hold them.
fn file_with_old_briefings(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = Store::open(&path).unwrap();
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let mut numbers = std::collections::HashMap::new();
    for i in 0..n {
        let day = first + chrono::Duration::weeks(i as i64);
        let year = chrono::Datelike::year(&day);
        let number = numbers.entry(year).and_modify(|k| *k += 1).or_insert(1);
        conn.execute(
            "INSERT INTO meetings (year, number, kind, starts_at, place, status) VALUES (?1, ?2, 'weekly', ?3, ?4, 'closed')",
            rusqlite::params![year, *number, format!("{day} 07:30"), format!("Phòng họp số {}", i + 1)],
        )
        .unwrap();
    }
    (dir, path)
}

#[test]
fn every_briefing_of_a_long_history_is_reached_by_keys_and_by_search() {
    let old = 700;
    let (_dir, path) = file_with_old_briefings(old);
    let store = Store::open(&path).unwrap();
    let total = store.meeting_count().unwrap();
    assert!(total > old, "the demo's briefings come after the old ones");
    let mut app = build_app(store, today(), &Config::default()).unwrap();
    key(&mut app, KeyCode::Char('4'));
    let screen = render(&app);
    assert!(screen.contains(&format!("({total})")), "the title counts every briefing:\n{screen}");
    assert!(app.meetings.meetings.len() < total, "the screen reads a window, not the whole history");

    // End: the first briefing ever held, selected and on screen.
    key(&mut app, KeyCode::End);
    let screen = render(&app);
    assert!(screen.contains("Phòng họp số 1 "), "the oldest briefing is shown at End:\n{screen}");
    assert!(screen.contains("1/1990"), "{screen}");
    key(&mut app, KeyCode::Enter);
    assert!(render(&app).contains("Phòng họp số 1"), "Enter opens the oldest briefing");
    key(&mut app, KeyCode::Esc);

    // Up from the oldest, one by one, through the window's edge: every
    // row in turn, none skipped.
    for i in 2..=300 {
        key(&mut app, KeyCode::Up);
        let screen = render(&app);
        assert!(screen.contains(&format!("Phòng họp số {i} ")), "briefing {i} after {} presses:\n{screen}", i - 1);
    }
    // Page by page down again to the oldest.
    for _ in 0..40 {
        key(&mut app, KeyCode::PageDown);
    }
    assert!(render(&app).contains("Phòng họp số 1 "));
    // Home: the newest (the demo's planned briefing).
    key(&mut app, KeyCode::Home);
    let newest = app.store.meetings_page(0, 1).unwrap().remove(0).0;
    assert_eq!(app.meetings.selected, 0);
    assert!(render(&app).contains(&format!("{}/{}", newest.number, newest.year)), "Home shows the newest briefing");

    // Search finds an old briefing and the list goes to it.
    key(&mut app, KeyCode::Char('/'));
    for c in "Phòng họp số 123".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    assert!(screen.contains("Phòng họp số 123"), "search opens the list on briefing 123:\n{screen}");
}

/// The folded words of a title, as the search compares them.
fn words(title: &str) -> Vec<String> {
    giaoban::text::fold(title).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect()
}

#[test]
fn a_word_typed_in_part_finds_every_whole_word_it_begins() {
    let mut store = Store::in_memory().unwrap();
    let lead = store.resolve_organization("HND").unwrap().id;
    let mut titles: Vec<String> = [
        "Hỗ trợ người nghèo đón Tết",
        "Nguồn vốn vay ưu đãi",
        "Thăm hỏi gia đình ông Nguyễn Văn Tám",
        "Lễ kỷ niệm ngày Nguyệt thực",
        "Đường giao thông nông thôn",
        "Nghiệm thu công trình",
    ]
    .map(String::from)
    .to_vec();
    // More whole words beginning "mabc" than a query is expanded into.
    titles.extend((0..20).map(|i| format!("Mã số mabc{i:02}x")));
    for t in &titles {
        store
            .write(|w| w.add_task(giaoban::domain::Task::new(t, lead, giaoban::domain::TaskKind::Common), None))
            .unwrap();
    }
    let check = |store: &Store, titles: &[String]| {
        for q in
            ["nguo", "nguy", "nguyen", "ngh", "nghi", "duon thon", "mabc", "mabc1", "mabc07x", "nguoi ngheo", "xyzw"]
        {
            let tokens = giaoban::store::search::query_tokens(q);
            let mut expected: Vec<&str> = titles
                .iter()
                .filter(|t| tokens.iter().all(|tok| words(t).iter().any(|w| w.starts_with(tok.as_str()))))
                .map(String::as_str)
                .collect();
            let mut found: Vec<String> = store
                .search(q, &[giaoban::store::SearchKind::Task], 100)
                .unwrap()
                .into_iter()
                .map(|h| h.label)
                .collect();
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "search {q:?}");
        }
    };
    check(&store, &titles);
    // A word new to the file, written by an edit, is found in part at once.
    let mut t =
        store.tasks(&Default::default(), today()).unwrap().into_iter().find(|t| t.title.starts_with("Nghiệm")).unwrap();
    t.title = "Nghiệm thu công trình Phượng Hoàng".into();
    titles.retain(|x| !x.starts_with("Nghiệm"));
    titles.push(t.title.clone());
    store.write(|w| w.update_task(t)).unwrap();
    check(&store, &titles);
    assert_eq!(store.search("phuon hoan", &[], 10).unwrap().len(), 1);
}
