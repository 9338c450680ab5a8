//! The full-screen interface, driven end to end through a pseudo-terminal:
//! the built binary runs in a pty of a given size, its output is fed to a
//! vt100 parser, and the tests look at the parsed screen as a user would.
//!
//! Synchronisation is always "poll the parsed screen (or the child) until a
//! condition holds, with a generous deadline": never a bare sleep.

#[path = "common/pty.rs"]
mod pty;

use portable_pty::CommandBuilder;
use pty::{Tui, WAIT};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");
const TODAY: &str = "2026-11-23";

/// Deadline for the child to exit after it was asked to.
const EXIT: Duration = Duration::from_secs(15);

const TAB: &[u8] = b"\t";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";
const PAGE_DOWN: &[u8] = b"\x1b[6~";

/// A temporary directory with a database holding the demo data.
struct Env {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Env {
    fn with_demo() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("giaoban.db");
        let env = Env { dir, db };
        env.cli(&["demo"]);
        env
    }

    fn config(&self) -> PathBuf {
        // Never created: the app runs with its defaults.
        self.dir.path().join("no-such-config.toml")
    }

    /// Runs a subcommand and returns its stdout; fails the test if it fails.
    fn cli(&self, args: &[&str]) -> String {
        let out = Command::new(BIN)
            .env_remove("GIAOBAN_LANG")
            .env_remove("GIAOBAN_DB")
            .env_remove("GIAOBAN_TODAY")
            .env("GIAOBAN_CONFIG", self.config())
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg(TODAY)
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "giaoban {args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The open tasks led by an organization on its own board (the common
    /// tasks are on the "Việc chung" board): (id, title).
    fn board_tasks(&self, org: &str) -> Vec<(i64, String)> {
        let json: Value = serde_json::from_str(&self.cli(&["tasks", "--org", org, "--json"])).unwrap();
        let tasks: Vec<(i64, String)> = json
            .as_array()
            .expect("tasks --json prints an array")
            .iter()
            .map(|t| (t["id"].as_i64().unwrap(), t["title"].as_str().unwrap().to_string()))
            .collect();
        assert!(!tasks.is_empty(), "the demo has no work of {org}");
        tasks
    }
}

/// The first `n` characters of `s` (cards cut titles to the column width).
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The app on the environment's database in a pty of `rows` x `cols`.
fn spawn_with(env: &Env, rows: u16, cols: u16, answer_queries: bool) -> Tui {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.arg("--db");
    cmd.arg(&env.db);
    cmd.arg("--today");
    cmd.arg(TODAY);
    cmd.cwd(env.dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("GIAOBAN_CONFIG", env.config());
    for var in ["GIAOBAN_LANG", "GIAOBAN_DB", "GIAOBAN_TODAY", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    Tui::spawn_command(cmd, rows, cols, answer_queries)
}

fn spawn(env: &Env, rows: u16, cols: u16) -> Tui {
    spawn_with(env, rows, cols, true)
}

/// The text of the reverse-video cells of one row (the active tab).
fn inverse_text(s: &vt100::Screen, row: u16) -> String {
    let (_, cols) = s.size();
    let mut text = String::new();
    for col in 0..cols.get() {
        if let Some(cell) = s.cell(row, col) {
            if cell.inverse() && !cell.is_wide_continuation() {
                text.push_str(if cell.has_contents() { cell.contents() } else { " " });
            }
        }
    }
    text.trim().to_string()
}

/// Row of the board's tab strip: header, screen tabs, then the strip.
const STRIP_ROW: u16 = 2;

/// The boards in the order of the tab strip, up to the farmers' union.
const BOARDS_TO_FARMERS: [&str; 5] = ["Việc chung", "MTTQ", "ĐTN", "HLHPN", "HND"];

/// From the first board, presses `]` once per board, each time waiting until
/// the next one is the active (reverse video) tab. Waiting for a known label,
/// not merely for a change, keeps a half-drawn strip from being mistaken
/// for a step.
fn step_through_boards(tui: &mut Tui, labels: &[&str]) {
    let first = labels[0];
    tui.wait_until(&format!("{first:?} as the active board tab"), WAIT, |s| {
        inverse_text(s, STRIP_ROW).starts_with(first)
    });
    for label in &labels[1..] {
        tui.send(b"]");
        tui.wait_until(&format!("{label:?} as the active board tab"), WAIT, |s| {
            inverse_text(s, STRIP_ROW).starts_with(label)
        });
    }
}

#[test]
fn opens_the_farmers_board_shows_a_task_detail_and_quits() {
    let env = Env::with_demo();
    let hnd = env.board_tasks("HND");
    let mut tui = spawn(&env, 24, 80);

    tui.wait_for("Tuần 48");
    tui.wait_for("Thứ Hai, 23/11/2026");
    assert!(tui.with_screen(|s| s.alternate_screen()), "the TUI is not on the alternate screen");
    assert!(tui.with_screen(|s| s.hide_cursor()), "the TUI shows the cursor");

    tui.send(TAB);
    step_through_boards(&mut tui, &BOARDS_TO_FARMERS);
    // Cards show whole titles, wrapped at words.
    let prefixes: Vec<String> = hnd.iter().map(|(_, t)| prefix(t, 12)).collect();
    tui.wait_until("a card of a task led by HND", WAIT, |s| {
        let text = s.contents();
        inverse_text(s, STRIP_ROW).starts_with("HND") && prefixes.iter().any(|p| text.contains(p.as_str()))
    });
    // The board holds the farmers' work, as `tasks --org HND` lists it: a
    // task led by another organization appears only if HND coordinates it.
    let text = tui.contents();
    assert!(text.contains("Hỗ trợ xây"), "the common task HND coordinates is missing:\n{}", tui.dump());

    tui.send(ENTER);
    let headings: Vec<String> = hnd.iter().map(|(id, t)| format!("#{id} {}", prefix(t, 12))).collect();
    tui.wait_until("the detail of a task of HND's work (\"#<id> <title>\")", WAIT, |s| {
        let text = s.contents();
        headings.iter().any(|h| text.contains(h.as_str()))
    });
    let shown = headings.iter().find(|h| tui.contents().contains(h.as_str())).unwrap().clone();

    tui.send(ESC);
    tui.wait_gone(&shown);
    tui.wait_for("Chưa bắt đầu");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// Starts the app, waits for the header, sends `sig` and checks the way out.
fn signal_restores_the_terminal(sig: &str) {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    assert!(tui.with_screen(|s| s.alternate_screen()));
    tui.signal(sig);
    let status = tui.wait_exit(EXIT);
    assert_eq!(status.signal(), None, "killed by a signal instead of exiting: {status:?}");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
    tui.assert_restored(&status);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM");
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"\x03");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// A 60x20 window: the header still fits, and the boards show one status
/// column at a time; `l` moves to the next.
#[test]
fn works_at_60x20() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 20, 60);
    tui.wait_for("23/11/2026");
    tui.wait_for("Tuần 48");

    tui.send(TAB);
    tui.wait_until("the boards with the common tasks", WAIT, |s| inverse_text(s, STRIP_ROW).starts_with("Việc chung"));
    tui.wait_for("Chưa bắt đầu (");
    assert_eq!(tui.with_screen(panes), 1, "not a single status pane:\n{}", tui.dump());
    let text = tui.contents();
    for other in ["Đang thực hiện", "Vướng mắc", "Hoàn thành"] {
        assert!(!text.contains(other), "{other:?} shown beside the first column:\n{}", tui.dump());
    }

    tui.send(b"l");
    tui.wait_for("Đang thực hiện (");
    assert_eq!(tui.with_screen(panes), 1, "not a single status pane:\n{}", tui.dump());
    assert!(!tui.contents().contains("Chưa bắt đầu"), "the first column is still shown:\n{}", tui.dump());

    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// How many panes start on the row under the board's tab strip.
fn panes(s: &vt100::Screen) -> usize {
    let (_, cols) = s.size();
    s.rows(0, cols.get()).nth(STRIP_ROW as usize + 1).map_or(0, |r| r.matches('┌').count())
}

#[test]
fn too_small_window_shows_one_line() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 8, 30);
    tui.wait_for("40×10");
    let lines: Vec<String> = tui.contents().lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    assert_eq!(lines.len(), 1, "more than one line on a too small window:\n{}", tui.dump());
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// A row of the search popup whose text, between the borders, is `text`.
fn has_result_row(s: &vt100::Screen, text: &str) -> bool {
    let (_, cols) = s.size();
    s.rows(0, cols.get()).any(|r| r.trim().trim_matches('│').trim() == text)
}

fn search_shows_the_farmers_union(tui: &mut Tui, typed: &str) {
    tui.wait_for(&format!("/ {typed}"));
    tui.wait_for("Việc (");
    // The organizations come last: page down to them.
    for _ in 0..5 {
        tui.send(PAGE_DOWN);
    }
    tui.wait_until("the group \"Tổ chức (1)\" with the row \"Hội Nông dân\"", WAIT, |s| {
        s.contents().contains("Tổ chức (1)") && has_result_row(s, "Hội Nông dân")
    });
    tui.send(ESC);
    tui.wait_gone("Tìm kiếm");
    tui.wait_for("Chương trình họp");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

#[test]
fn typing_vietnamese_into_search() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"/");
    tui.wait_for("Tìm kiếm");
    tui.send("nông dân".as_bytes());
    search_shows_the_farmers_union(&mut tui, "nông dân");
}

#[test]
fn typing_without_accents_into_search() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"/");
    tui.wait_for("Tìm kiếm");
    tui.send(b"nong dan");
    search_shows_the_farmers_union(&mut tui, "nong dan");
}

#[test]
fn pasting_into_search() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    assert!(tui.with_screen(|s| s.bracketed_paste()), "bracketed paste is not enabled");
    tui.send(b"/");
    tui.wait_for("Tìm kiếm");
    tui.send("\x1b[200~nông dân\x1b[201~".as_bytes());
    search_shows_the_farmers_union(&mut tui, "nông dân");
}

/// Some terminals (serial consoles, minimal emulators, a slow link) never
/// answer a cursor position query. The app clears the screen with ratatui's
/// `Terminal::clear`, which asks where the cursor is, and crossterm gives up
/// after 2 s: the app exits 1 with "Lỗi: The cursor position could not be
/// read within a normal duration" instead of starting.
#[test]
fn starts_on_a_terminal_that_does_not_answer_cursor_queries() {
    let env = Env::with_demo();
    let mut tui = spawn_with(&env, 24, 80, false);
    tui.wait_for("Tuần 48");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

#[test]
fn quick_add_stores_a_vietnamese_title_composed() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(TAB);
    step_through_boards(&mut tui, &BOARDS_TO_FARMERS);
    tui.send(b"a");
    tui.wait_for("Thêm việc nhanh");
    // The prompt starts with "@HND "; the title goes before it. An input
    // method that sends decomposed letters: "Tập" as T a U+0323 U+0302 p.
    let typed = "Ta\u{0323}\u{0302}p huấn chuyển đổi số cho hội viên ";
    tui.send(typed.as_bytes());
    tui.send(b"\x1b[F"); // End
    tui.send("#Quảng Đức !mai".as_bytes());
    tui.wait_for("Thứ Ba, 24/11/2026");
    tui.send(ENTER);
    tui.wait_for("Đã thêm việc #");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);

    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (title, place, deadline, lead): (String, String, String, String) = conn
        .query_row(
            "SELECT t.title, t.place, t.deadline, o.code FROM tasks t JOIN organizations o ON o.id = t.lead_org_id
             ORDER BY t.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(title, "Tập huấn chuyển đổi số cho hội viên");
    assert!(title.chars().all(|c| !('\u{0300}'..='\u{036f}').contains(&c)), "stored NFC: {title:?}");
    // "#Quảng Đức" is the demo's "xã Quảng Đức", not a new place beside it.
    assert_eq!((place.as_str(), deadline.as_str(), lead.as_str()), ("xã Quảng Đức", "2026-11-24", "HND"));
}

/// The README's filter `s:vuong` works as typed, without accents.
#[test]
fn the_filter_s_vuong_shows_blocked_work() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"2");
    tui.wait_for("mở/trễ:");
    tui.send(b"f");
    tui.send(b"s:vuong");
    tui.send(ENTER);
    tui.wait_for("s:vuong");
    tui.wait_until("only the blocked column holds cards", WAIT, |s| {
        let text = s.contents();
        text.contains("Chưa làm (0)") && text.contains("Xong (0)") && text.contains("Vướng mắc (5)")
    });
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// Esc on a typed conclusion asks; "n" goes back to the line as typed.
#[test]
fn esc_in_the_conclusion_prompt_asks_first() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"c");
    tui.wait_for("Ghi kết luận");
    tui.send("Rà soát hộ nghèo !+7".as_bytes());
    tui.send(ESC);
    tui.wait_for("Bỏ các thay đổi?");
    tui.send(b"n");
    tui.wait_gone("Bỏ các thay đổi?");
    tui.wait_for("Rà soát hộ nghèo !+7");
    tui.send(ESC);
    tui.wait_for("Bỏ các thay đổi?");
    tui.send(b"y");
    tui.wait_gone("Rà soát hộ nghèo");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// In the full task form, Enter on a place suggestion takes the place on
/// file, not the fragment typed.
#[test]
fn enter_in_the_place_field_takes_the_place_shown() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"2");
    tui.wait_for("mở/trễ:");
    tui.send(b"a");
    tui.wait_for("Thêm việc nhanh");
    tui.send("Tập huấn ".as_bytes());
    tui.send(TAB); // the full form
    tui.wait_for("Việc mới");
    for _ in 0..4 {
        tui.send(TAB); // lead, partners, people, place
    }
    tui.send(b"quang duc");
    tui.wait_for("xã Quảng Đức");
    tui.send(ENTER);
    tui.wait_until("the place field holds the place on file", WAIT, |s| {
        s.contents().lines().any(|l| l.contains("Địa điểm") && l.contains("xã Quảng Đức"))
    });
    tui.send(ESC);
    tui.wait_for("Bỏ các thay đổi?");
    tui.send(b"y");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// The carried-over review settles a row with one key and shows the next.
#[test]
fn the_carried_over_review_settles_a_row_with_one_key() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"v");
    tui.wait_for("Rà soát việc chuyển từ kỳ trước · còn 28 mục");
    tui.send(b"d");
    tui.wait_for("còn 27 mục");
    tui.send(ESC);
    tui.wait_gone("Rà soát việc chuyển từ kỳ trước");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}

/// Another process's commit shows while the user keeps pressing keys (one
/// every 200 ms, as someone reading the board does): within five key
/// presses, and an open form keeps what was typed.
#[test]
fn another_process_commit_shows_while_keys_are_pressed() {
    let env = Env::with_demo();
    let mut tui = spawn(&env, 24, 80);
    tui.wait_for("Tuần 48");
    tui.send(b"2");
    tui.wait_for("Việc chung 11/2!");
    env.cli(&["task", "add", "--title", "Khảo sát ý kiến từ tài khoản khác", "--org", "MTTQ", "--kind", "common"]);
    let mut seen = false;
    for i in 0..5 {
        // Keys that keep the user busy without changing what is shown.
        tui.send(if i % 2 == 0 { b"j" } else { b"k" });
        std::thread::sleep(Duration::from_millis(200));
        if tui.contents().contains("Việc chung 12/2!") {
            seen = true;
            break;
        }
    }
    assert!(seen, "the new task did not show within five key presses:\n{}", tui.dump());

    // A form open while another commit arrives keeps its input.
    tui.send(b"e");
    tui.wait_for("Sửa việc");
    tui.send(" (đã sửa)".as_bytes());
    env.cli(&["task", "add", "--title", "Một việc nữa", "--org", "MTTQ", "--kind", "common"]);
    for _ in 0..4 {
        tui.send(b"\x1b[D\x1b[C"); // Left, Right: the cursor moves, nothing changes
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(tui.contents().contains("(đã sửa)"), "the typed text is gone:\n{}", tui.dump());
    tui.send(ESC);
    tui.wait_for("Bỏ các thay đổi?");
    tui.send(b"y");
    tui.wait_for("Việc chung 13/2!");
    tui.send(b"q");
    let status = tui.wait_exit(EXIT);
    tui.assert_restored(&status);
}
