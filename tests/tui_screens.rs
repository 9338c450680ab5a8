//! The screens as a user sees them: every screen of the demo data at 80x24
//! and 120x40 (fixed today), the help generated from the keymap, resizing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::store::Store;
use giaoban::tui::app::{App, Screen};
use giaoban::tui::keymap::Mode;
use giaoban::tui::{build_app, views};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn demo_app() -> App {
    let mut store = Store::in_memory().unwrap();
    // A fixed clock: every time the history shows is the same on every run.
    store.set_clock(giaoban::clock::Clock::fixed(today().and_hms_opt(7, 45, 0).unwrap()));
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    build_app(store, today(), &Config::default()).unwrap()
}

/// The screen as text.
fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Goes to the Farmers' Union board.
fn farmers_board(app: &mut App) {
    key(app, KeyCode::Char('2'));
    let hnd = app.store.resolve_organization("HND").unwrap().id;
    for _ in 0..app.boards.tabs.len() {
        if app.boards.tabs[app.boards.tab].org_id == Some(hnd) {
            return;
        }
        key(app, KeyCode::Char(']'));
    }
    panic!("no board for HND");
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut app = demo_app();
        insta::assert_snapshot!(format!("agenda_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Boards);
        insta::assert_snapshot!(format!("board_common_{w}x{h}"), render(&app, w, h));
        farmers_board(&mut app);
        insta::assert_snapshot!(format!("board_hnd_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("task_detail_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Pending);
        insta::assert_snapshot!(format!("pending_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.screen, Screen::Meetings);
        insta::assert_snapshot!(format!("meetings_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Char('G'));
        key(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("meeting_detail_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('?'));
        insta::assert_snapshot!(format!("help_meetings_{w}x{h}"), render(&app, w, h));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('/'));
        chars(&mut app, "nong dan");
        insta::assert_snapshot!(format!("search_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn small_terminals_compact_then_show_one_line() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('2'));
    let screen = render(&app, 50, 16);
    assert!(screen.contains("Chưa bắt đầu"), "{screen}");
    assert!(!screen.contains("Đang thực hiện"), "one column at a time when narrow:\n{screen}");
    key(&mut app, KeyCode::Char('l'));
    assert!(render(&app, 50, 16).contains("Đang thực hiện"));
    let tiny = render(&app, 30, 8);
    assert!(tiny.starts_with("Cần cửa sổ ≥ 40×10."), "{tiny}");
    assert_eq!(tiny.lines().filter(|l| !l.is_empty()).count(), 1);
}

#[test]
fn resizing_keeps_the_selection() {
    let mut app = demo_app();
    farmers_board(&mut app);
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Char('j'));
    let before = app.boards.selected_task().map(|t| t.id);
    assert!(before.is_some());
    for (w, h) in [(120, 40), (45, 12), (20, 5), (80, 24)] {
        render(&app, w, h);
        assert_eq!(app.boards.selected_task().map(|t| t.id), before, "after {w}x{h}");
    }
}

#[test]
fn overdue_cards_show_days_late() {
    let mut app = demo_app();
    farmers_board(&mut app);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("trễ "), "overdue cards say how late:\n{screen}");
}

#[test]
fn help_lists_every_bound_key_of_the_screen() {
    let mut app = demo_app();
    for screen in ['1', '2', '3', '4'] {
        key(&mut app, KeyCode::Char(screen));
        let mode = app.screen.mode();
        key(&mut app, KeyCode::Char('?'));
        assert_eq!(app.mode(), Mode::Help);
        let rows = views::help::rows(&app.shared, app.screen);
        for m in [mode, Mode::Global] {
            for (action, keys) in app.shared.keymap.bindings(m) {
                let labels = keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ");
                assert!(rows.iter().any(|(_, k, _)| *k == labels), "help of {mode:?} lacks {action:?} ({labels})");
            }
        }
        // And the popup shows them (tall enough to hold all rows).
        let text = render(&app, 100, 60);
        for (_, keys, what) in &rows {
            assert!(text.contains(keys.as_str()) && text.contains(what.as_str()), "{keys} {what} not drawn");
        }
        key(&mut app, KeyCode::Esc);
        assert_ne!(app.mode(), Mode::Help);
    }
}

#[test]
fn remapped_keys_show_in_footer_and_help() {
    let mut store = Store::in_memory().unwrap();
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    let cfg = Config::parse("[keys.board]\nnext_org = \"n\"\nbogus = \"x\"\n", None).unwrap();
    let mut app = build_app(store, today(), &cfg).unwrap();
    let msg = app.message.clone().expect("the bad line is reported");
    assert!(msg.0.contains("dòng 3") && msg.0.contains("bogus"), "{msg:?}");
    key(&mut app, KeyCode::Char('2'));
    let first = app.boards.tab;
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.boards.tab, first + 1, "n now moves to the next organization");
    let screen = render(&app, 80, 24);
    assert!(screen.lines().last().unwrap().contains("n tổ chức sau"), "{screen}");
}

#[test]
fn database_text_cannot_drive_the_terminal() {
    let mut store = Store::in_memory().unwrap();
    let hnd = store.resolve_organization("HND").unwrap().id;
    let mut t = giaoban::domain::Task::new("Việc an toàn", hnd, giaoban::domain::TaskKind::Specific);
    t.description = "dòng 1\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}đảo ngược\u{1b}[2J".into();
    let id = store.write(|w| w.add_task(t, None)).unwrap();
    // Write hostile text straight into the file, as another program might.
    let mut app = build_app(store, today(), &Config::default()).unwrap();
    farmers_board(&mut app);
    assert_eq!(app.boards.selected_task().map(|t| t.id), Some(id));
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}') && !screen.contains('\u{7}'), "{screen:?}");
    assert!(screen.contains("đảo ngược"));
}

#[test]
fn filters_combine_show_in_the_header_and_clear_with_one_key() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('2'));
    let all: usize = app.boards.columns.iter().map(|c| c.len()).sum();
    key(&mut app, KeyCode::Char('f'));
    chars(&mut app, "@nong-dan !");
    key(&mut app, KeyCode::Enter);
    let today = today();
    let shown: Vec<_> = app.boards.columns.iter().flatten().collect();
    assert!(!shown.is_empty() && shown.len() < all);
    let hnd = app.store.resolve_organization("HND").unwrap().id;
    for t in &shown {
        assert!(t.is_overdue(today), "{} is not overdue", t.title);
        assert!(t.lead_org_id == hnd || t.with_org_ids.contains(&hnd), "{} does not involve HND", t.title);
    }
    let screen = render(&app, 80, 24);
    assert!(screen.lines().nth(1).unwrap().contains("Lọc: @nong-dan !"), "{screen}");
    // The same filter narrows the pending list.
    key(&mut app, KeyCode::Char('3'));
    assert!(app.pending.items.iter().all(|p| p.answer_overdue(today)));
    key(&mut app, KeyCode::Char('x'));
    assert!(app.shared.filter.is_none());
    assert!(!render(&app, 80, 24).contains("Lọc:"));
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.boards.columns.iter().map(|c| c.len()).sum::<usize>(), all);
}

#[test]
fn a_bad_filter_is_explained_and_changes_nothing() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('f'));
    chars(&mut app, "@xyz");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Prompt, "the prompt stays open");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Không có tổ chức"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(app.shared.filter.is_none());
}

#[test]
fn an_empty_database_says_how_to_start() {
    let store = Store::in_memory().unwrap();
    let app = build_app(store, today(), &Config::default()).unwrap();
    let screen = render(&app, 80, 24);
    assert!(screen.contains("giaoban demo"), "{screen}");
    assert!(screen.contains("màn hình 4"), "{screen}");
}

/// The record of a held briefing is one read model: the meeting detail on
/// screen and `giaoban agenda --meeting N` show the same attendance,
/// conclusions and pending items.
#[test]
fn a_held_briefing_reads_the_same_on_screen_and_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = Store::open(&path).unwrap();
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    let names = giaoban::ops::Names::load(&store).unwrap();
    let held = store.meetings().unwrap().into_iter().find(|m| m.is_closed()).expect("the demo has held briefings");
    let summary = giaoban::ops::BriefingSummary::load(&store, held.id, today(), &names).unwrap();
    assert!(!summary.conclusions.is_empty() && !summary.attendance.is_empty());
    let app = build_app(store, today(), &Config::default()).unwrap();
    let detail = giaoban::tui::views::detail::Detail::open(
        giaoban::tui::views::detail::Subject::Meeting(held.id),
        &app.store,
        &app.shared,
    )
    .unwrap();
    let on_screen: Vec<String> = detail.lines.iter().map(|(label, text, _)| format!("{label} {text}")).collect();
    let out = assert_cmd::Command::cargo_bin("giaoban")
        .unwrap()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .args(["--db", path.to_str().unwrap(), "--today", "2026-11-23", "agenda", "--meeting"])
        .arg(format!("{}/{}", held.number, held.year))
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    for task in &summary.conclusions {
        assert!(on_screen.iter().any(|l| l.contains(&task.title)), "conclusion #{} missing on screen", task.id);
        assert!(printed.contains(&format!("#{} ", task.id)), "conclusion #{} missing in the CLI:\n{printed}", task.id);
    }
    for a in &summary.attendance {
        let org = names.short(a.org_id);
        assert!(on_screen.iter().any(|l| l.starts_with(&org)), "{org}'s attendance missing on screen");
        assert!(printed.lines().any(|l| l.trim_start().starts_with(&org)), "{org}'s attendance missing in the CLI");
    }
    for p in &summary.pending_raised {
        assert!(on_screen.iter().any(|l| l.contains(&p.text)), "pending #{} missing on screen", p.id);
        assert!(printed.contains(&format!("#{} ", p.id)), "pending #{} missing in the CLI", p.id);
    }
}

/// At 80x24, on every board, every card's whole title can be read (wrapped
/// at words), and the selected card's lead, deadline and place are shown
/// under the columns without opening it.
#[test]
fn every_card_title_is_readable_at_80x24() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('2'));
    let boards = app.boards.tabs.len();
    for _ in 0..boards {
        for col in 0..4 {
            app.boards.column = col;
            app.boards.rows[col] = 0;
            for _ in 0..app.boards.columns[col].len() {
                let task = app.boards.selected_task().unwrap().clone();
                let screen = render(&app, 80, 24);
                let text: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
                for word in task.title.split_whitespace() {
                    assert!(text.contains(word), "{:?}: {word:?} not on screen\n{screen}", task.title);
                }
                let lead = app.shared.org_short(task.lead_org_id);
                let info =
                    screen.lines().rev().nth(1).unwrap_or("").to_string() + screen.lines().rev().nth(2).unwrap_or("");
                assert!(info.contains(&format!("#{}", task.id)) && info.contains(&lead), "{info}");
                if let Some(d) = task.deadline {
                    assert!(info.contains(&giaoban::text::format_date(d)), "deadline of #{}: {info}", task.id);
                }
                key(&mut app, KeyCode::Char('j'));
            }
        }
        key(&mut app, KeyCode::Char(']'));
    }
}

/// The carried-over review settles one row per key and moves on: done,
/// rescheduled with a reason (a progress note), answered.
#[test]
fn the_carried_over_review_settles_each_item_with_one_key() {
    use giaoban::tui::views::review::ReviewRow;
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('v'));
    let rows = |app: &App| match app.popups.last() {
        Some(giaoban::tui::app::Popup::Review(r)) => (r.rows.clone(), r.selected),
        _ => panic!("the review is not open"),
    };
    let (before, _) = rows(&app);
    assert!(before.len() > 3, "the demo carries work over");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Rà soát việc chuyển từ kỳ trước"), "{screen}");

    // d: the first task is done, the next row is up.
    let ReviewRow::Task(first) = &before[0] else { panic!("tasks come first") };
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.store.task(first.id).unwrap().status, giaoban::domain::TaskStatus::Done);
    let (after, sel) = rows(&app);
    assert_eq!((after.len(), sel, &after[0]), (before.len() - 1, 0, &before[1]));

    // e: a new deadline with the reason, kept as a note; the next row is up.
    let ReviewRow::Task(second) = &after[0] else { panic!("a task") };
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "15/12/2026 chờ kinh phí của huyện");
    key(&mut app, KeyCode::Enter);
    let moved = app.store.task(second.id).unwrap();
    assert_eq!(moved.deadline, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));
    let notes = app.store.task_notes(second.id).unwrap();
    assert!(notes.last().unwrap().text.contains("chờ kinh phí của huyện"));
    assert_eq!(rows(&app).1, 1);

    // a on the last row, a pending item: answered, gone from the review.
    key(&mut app, KeyCode::Char('G'));
    let (list, sel) = rows(&app);
    let ReviewRow::Pending(p) = &list[sel] else { panic!("pending items come last") };
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "Công văn số 125/UBND ngày 20/11/2026");
    key(&mut app, KeyCode::Enter);
    assert!(!app.store.pending_item(p.id).unwrap().is_open());
    assert_eq!(rows(&app).0.len(), list.len() - 1);
}

/// On the agenda, marking a carried-over task done keeps the place: the
/// next carried-over row is selected, not agenda item 1.
#[test]
fn settling_a_carried_over_row_keeps_the_place() {
    use giaoban::tui::views::agenda::Row;
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('1'));
    let first_task = app.agenda.rows.iter().position(|r| matches!(r, Row::Task(_))).expect("carried-over tasks");
    app.agenda.selected = first_task;
    let id_of = |r: &Row| match r {
        Row::Task(t) => Some(("task", t.id)),
        Row::Pending(p) => Some(("pending", p.id)),
        _ => None,
    };
    let next = app.agenda.rows[first_task + 1..].iter().find_map(id_of);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Menu);
    key(&mut app, KeyCode::Char('4')); // Hoàn thành
    assert_eq!(id_of(&app.agenda.rows[app.agenda.selected]), next, "the next row is up");
}

/// Quick add says which place a `#place` will be: the one on file it matches
/// (accents and the "xã" optional), or a new place, said so.
#[test]
fn quick_add_names_the_place_it_will_use() {
    let mut app = demo_app();
    farmers_board(&mut app);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::End);
    chars(&mut app, "Tập huấn #quang duc");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Địa điểm: xã Quảng Đức"), "{screen}");
    for _ in 0.."quang duc".chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "thôn Mới Lập");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Địa điểm mới: thôn Mới Lập"), "{screen}");
}

/// An error sentence longer than the screen is wide is shown whole, over
/// the lines it needs.
#[test]
fn a_long_error_is_not_cut_at_80_columns() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('f'));
    chars(&mut app, "s:khongco");
    key(&mut app, KeyCode::Enter);
    let msg = match app.popups.last() {
        Some(giaoban::tui::app::Popup::Prompt(p)) => p.error.clone(),
        _ => None,
    };
    // The filter prompt keeps its own error; put one in the footer too.
    let sentence = msg.unwrap_or_else(|| giaoban::i18n::unknown_status("khongco"));
    key(&mut app, KeyCode::Esc);
    app.message = Some((sentence.clone(), true));
    let screen = render(&app, 80, 24);
    let text = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(display_width(&sentence) > 80, "a long sentence: {sentence}");
    assert!(text.contains(&sentence.split_whitespace().collect::<Vec<_>>().join(" ")), "{screen}");
}

fn display_width(s: &str) -> usize {
    giaoban::text::display_width(s)
}

/// `w` on a held briefing offers its documents in Word and Markdown, then
/// writes the chosen one to a file named for it, and says where.
#[test]
fn w_on_a_held_briefing_writes_its_minutes() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('4'));
    while !matches!(app.meetings.selected_subject(), Some(giaoban::tui::views::detail::Subject::Meeting(id)) if app.store.meeting(id).unwrap().number == 46)
    {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.mode(), Mode::Menu);
    let menu = render(&app, 80, 24);
    for offer in ["Biên bản — Word (.docx)", "Thông báo kết luận — Markdown", "Báo cáo tháng — Excel", "Lịch giao ban"]
    {
        assert!(menu.contains(offer), "{offer} not offered:\n{menu}");
    }
    key(&mut app, KeyCode::Enter);
    match app.popups.last() {
        Some(giaoban::tui::app::Popup::Prompt(p)) => assert_eq!(p.input.value(), "bien-ban-giao-ban-46-2026.docx"),
        _ => panic!("no file prompt"),
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bien-ban.docx");
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    chars(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let bytes = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("BIÊN BẢN") && xml.contains("Số: 01/BB-KMTTQ"));
    assert!(app.message.as_ref().is_some_and(|(m, err)| !err && m.contains("bien-ban.docx")), "{:?}", app.message);
}

/// `w` on a board offers the organization's reminder sheet; as plain text
/// it lists the board's overdue work.
#[test]
fn w_on_a_board_writes_the_organizations_reminder() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('2'));
    while app.boards.tabs.get(app.boards.tab).and_then(|t| t.org_id).is_none() {
        key(&mut app, KeyCode::Char(']'));
    }
    key(&mut app, KeyCode::Char('w'));
    let menu = render(&app, 80, 24);
    assert!(menu.contains("Phiếu đôn đốc — văn bản thường"), "{menu}");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("don-doc.txt");
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    chars(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("ĐÔN ĐỐC — "), "{text}");
}

/// `I` imports a spreadsheet: the file prompt, a preview of what would be
/// created, then the import on confirmation.
#[test]
fn i_previews_a_spreadsheet_then_imports_it() {
    let mut app = demo_app();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("viec.csv");
    std::fs::write(
        &file,
        "Tên công việc,Đơn vị chủ trì,Hạn hoàn thành\r\nVận động quỹ khuyến học,HND,20/12/2026\r\n,HND,\r\n",
    )
    .unwrap();
    key(&mut app, KeyCode::Char('I'));
    assert_eq!(app.mode(), Mode::Prompt);
    chars(&mut app, file.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Menu, "{:?}", app.message);
    let preview = render(&app, 80, 24);
    assert!(preview.contains("Sẽ tạo 1 việc"), "{preview}");
    assert!(preview.contains("Dòng 3, cột Tên công việc"), "{preview}");
    assert!(preview.contains("Nhập các dòng hợp lệ (bỏ 1 dòng lỗi)"), "{preview}");
    key(&mut app, KeyCode::Enter);
    assert!(app.message.as_ref().is_some_and(|(m, err)| !err && m.contains("1 việc mới")), "{:?}", app.message);
    let found = app.store.search("quy khuyen hoc", &[], 5).unwrap();
    assert!(!found.is_empty(), "the imported task is searchable");
}
