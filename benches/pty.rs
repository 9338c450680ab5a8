//! The interface as a process, as a leader over SSH meets it: the release
//! binary starts in a pseudo-terminal of 120x40 on the generator's file and
//! the time to its first whole frame is taken (process start, opening the
//! file, loading the agenda, drawing, the terminal receiving it); then one
//! run visits everything — every screen, every board, the overview's
//! periods, a card's detail, a search typed letter by letter — and its
//! peak memory (VmHWM) is read before it quits.
//!
//! `cargo bench --bench pty` (sizes from `GIAOBAN_BENCH_YEARS`, default
//! `1,10`); `GIAOBAN_BENCH_QUICK=1` (CI): one year, two starts. Each key
//! waits for the screen to change (the parsed screen, never a sleep).
//! Figures go in docs/BENCHMARKS.md; nothing here asserts a time.

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/common/pty.rs"]
mod pty;

use portable_pty::CommandBuilder;
use pty::{Tui, WAIT};
use std::path::Path;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_giaoban");

fn spawn(db: &Path) -> Tui {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.arg("--db");
    cmd.arg(db);
    cmd.arg("--today");
    cmd.arg(common::today().to_string());
    cmd.env("TERM", "xterm-256color");
    cmd.env("GIAOBAN_CONFIG", db.with_extension("no-config.toml"));
    for var in ["GIAOBAN_LANG", "GIAOBAN_DB", "GIAOBAN_TODAY", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    Tui::spawn_command(cmd, 40, 120, true)
}

/// The whole frame is on the screen: its first and last rows are drawn.
fn frame_drawn(s: &vt100::Screen) -> bool {
    let rows: Vec<String> = s.rows(0, 120).collect();
    rows.first().is_some_and(|r| !r.trim().is_empty()) && rows.last().is_some_and(|r| !r.trim().is_empty())
}

/// Presses `keys`, waits until the screen shows something else and the
/// frame has been written out (a large frame arrives in several reads: no
/// output for 50 ms after the change).
fn press(tui: &mut Tui, keys: &[u8]) {
    let before = tui.contents();
    tui.send(keys);
    tui.wait_until(&format!("the screen to change after {keys:?}"), WAIT, |s| s.contents() != before);
    let quiet = Duration::from_millis(50);
    let last = tui.last_output.clone();
    tui.wait_until("the frame to be written out", WAIT, move |_| last.lock().unwrap().elapsed() >= quiet);
}

/// Peak resident memory of a process, from /proc (kB).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn quit(mut tui: Tui) {
    tui.send(b"q");
    let status = tui.wait_exit(WAIT);
    assert!(status.success(), "giaoban quit with {status:?}");
}

fn main() {
    let starts = if common::quick() { 2 } else { 30 };
    println!("| history | first frame p50 ms | p99 ms | max ms | starts | peak RSS after visiting everything |");
    println!("|---|---|---|---|---|---|");
    for years in common::years() {
        let db = common::data(years);
        let mut first: Vec<Duration> = Vec::new();
        for _ in 0..starts {
            let t = Instant::now();
            let mut tui = spawn(&db);
            tui.wait_until("the first frame", WAIT, frame_drawn);
            first.push(tui.last_output() - t);
            quit(tui);
        }
        first.sort();

        let mut tui = spawn(&db);
        tui.wait_until("the first frame", WAIT, frame_drawn);
        press(&mut tui, b"\r"); // the agenda's first row in detail
        press(&mut tui, b"\x1b");
        press(&mut tui, b"2");
        for _ in 0..8 {
            press(&mut tui, b"]");
        }
        press(&mut tui, b"\r");
        press(&mut tui, b"\x1b");
        for screen in [b"3", b"4"] {
            press(&mut tui, screen);
            press(&mut tui, b"\x1b[F"); // End: the oldest row
        }
        press(&mut tui, b"5");
        for _ in 0..3 {
            press(&mut tui, b"p");
        }
        press(&mut tui, b"/");
        // A space alone changes nothing on screen: it goes with the next letter.
        for typed in ["v", "i", " n", "g", "u", "o", "i", " n", "g", "h", "e", "o"] {
            press(&mut tui, typed.as_bytes());
        }
        press(&mut tui, b"\x1b");
        let rss = peak_rss_kb(tui.pid()).map(|kb| format!("{:.1} MB", kb as f64 / 1024.0)).unwrap_or("—".into());
        quit(tui);
        println!(
            "| {years} year(s) | {} | {} | {} | {starts} | {rss} |",
            common::ms(common::percentile(&first, 0.5)),
            common::ms(common::percentile(&first, 0.99)),
            common::ms(*first.last().unwrap()),
        );
    }
}
