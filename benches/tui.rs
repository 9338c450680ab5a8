//! The full-screen interface as a user drives it, on the generator's data
//! (`giaoban demo --years N`): every navigation key pressed many times, the
//! time from the key to the drawn frame (the key's handling and the draw,
//! as the event loop does both) and the bytes the frame writes to the
//! terminal at 120x40; the first visit to each screen on a freshly opened
//! file; search as you type.
//!
//! `cargo bench --bench tui` (sizes from `GIAOBAN_BENCH_YEARS`, default
//! `1,10`; `100` is about half a million tasks). The files are made once in
//! `target/bench-data/` and kept. `GIAOBAN_BENCH_QUICK=1` (CI): one year,
//! a few presses per key, to prove the benchmark runs. Figures go in
//! docs/BENCHMARKS.md; nothing here asserts a time.

#[path = "common/mod.rs"]
mod common;

use common::{data, quick, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::store::Store;
use giaoban::tui::app::App;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Counts what the frame writes, as a terminal would receive it.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Screen {
    term: Terminal<CrosstermBackend<Counter>>,
    bytes: Counter,
}

impl Screen {
    fn new(w: u16, h: u16) -> Screen {
        let bytes = Counter::default();
        let term = Terminal::with_options(
            CrosstermBackend::new(bytes.clone()),
            TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) },
        )
        .unwrap();
        Screen { term, bytes }
    }

    /// Draws the app; the bytes this frame wrote.
    fn draw(&mut self, app: &App) -> usize {
        let before = self.bytes.0.load(Ordering::Relaxed);
        self.term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
        self.bytes.0.load(Ordering::Relaxed) - before
    }
}

fn open_app(path: &Path) -> App {
    let store = Store::open(path).unwrap();
    giaoban::tui::build_app(store, today(), &Config::default()).unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Key-to-frame times and bytes of one kind of key.
#[derive(Default)]
struct Sample {
    times: Vec<Duration>,
    bytes: Vec<usize>,
}

impl Sample {
    fn press(&mut self, app: &mut App, screen: &mut Screen, ev: KeyEvent) {
        let t = Instant::now();
        app.handle_key(ev);
        let b = screen.draw(app);
        self.times.push(t.elapsed());
        self.bytes.push(b);
    }

    fn row(&mut self, what: &str) -> String {
        self.times.sort();
        self.bytes.sort();
        let pct = |p: f64| common::percentile(&self.times, p);
        let ms = common::ms;
        let b50 = self.bytes[(self.bytes.len() - 1) / 2];
        let bmax = *self.bytes.last().unwrap();
        format!(
            "| {what} | {} | {} | {} | {} | {b50} | {bmax} |",
            self.times.len(),
            ms(pct(0.5)),
            ms(pct(0.99)),
            ms(*self.times.last().unwrap())
        )
    }
}

fn main() {
    // `cargo test --benches` passes no arguments; `cargo bench` passes --bench.
    let years = common::years();
    let n = if quick() { 10 } else { 1000 };
    let fresh = if quick() { 3 } else { 100 };
    for y in years {
        let path = data(y);
        println!("\n### {y} year(s): {}\n", path.display());
        println!("| key | presses | p50 ms | p99 ms | max ms | bytes p50 | bytes max |");
        println!("|---|---|---|---|---|---|---|");
        for line in run(&path, n, fresh) {
            println!("{line}");
        }
    }
}

fn run(path: &Path, n: usize, fresh: usize) -> Vec<String> {
    let mut out = Vec::new();

    // First frame: open the file, load what the first screen shows, draw.
    let mut first = Sample::default();
    for _ in 0..fresh {
        let t = Instant::now();
        let app = open_app(path);
        let mut screen = Screen::new(120, 40);
        let b = screen.draw(&app);
        first.times.push(t.elapsed());
        first.bytes.push(b);
    }
    out.push(first.row("first frame (open, load, draw)"));

    // First visit to each screen on a file just opened.
    for (c, what) in [
        ('2', "first visit: boards"),
        ('3', "first visit: pending"),
        ('4', "first visit: meetings"),
        ('5', "first visit: overview"),
    ] {
        let mut s = Sample::default();
        for _ in 0..fresh {
            let mut app = open_app(path);
            let mut screen = Screen::new(120, 40);
            screen.draw(&app);
            s.press(&mut app, &mut screen, ch(c));
        }
        out.push(s.row(what));
    }

    let mut app = open_app(path);
    let mut screen = Screen::new(120, 40);
    screen.draw(&app);
    for c in ['2', '3', '4', '5', '1'] {
        app.handle_key(ch(c));
        screen.draw(&app);
    }

    // Moving in a list: down eight, up eight, on each screen with one.
    for (c, what) in [('1', "move: agenda"), ('2', "move: board"), ('3', "move: pending"), ('4', "move: meetings")] {
        app.handle_key(ch(c));
        screen.draw(&app);
        let mut s = Sample::default();
        for i in 0..n {
            let k = if (i / 8) % 2 == 0 { KeyCode::Down } else { KeyCode::Up };
            s.press(&mut app, &mut screen, key(k));
        }
        out.push(s.row(what));
    }

    // Next board, round the organizations.
    app.handle_key(ch('2'));
    screen.draw(&app);
    let mut s = Sample::default();
    for _ in 0..n {
        s.press(&mut app, &mut screen, ch(']'));
    }
    out.push(s.row("next board `]`"));

    // Next screen, round the five (each visited before).
    let mut s = Sample::default();
    for _ in 0..n {
        s.press(&mut app, &mut screen, key(KeyCode::Tab));
    }
    out.push(s.row("next screen `Tab`"));

    // Open a card's detail and close it again.
    app.handle_key(ch('2'));
    screen.draw(&app);
    let (mut open, mut close) = (Sample::default(), Sample::default());
    for _ in 0..n / 2 {
        open.press(&mut app, &mut screen, key(KeyCode::Enter));
        close.press(&mut app, &mut screen, key(KeyCode::Esc));
    }
    out.push(open.row("open detail `Enter` (board)"));
    out.push(close.row("close detail `Esc`"));

    // Search as you type: each letter runs the search again.
    let queries = ["vi nguoi ngheo", "duong", "quỹ hỗ trợ nông dân", "bao hiem y te", "chuyen doi so"];
    let mut s = Sample::default();
    'typing: loop {
        for q in queries {
            app.handle_key(ch('/'));
            screen.draw(&app);
            for c in q.chars() {
                s.press(&mut app, &mut screen, ch(c));
                if s.times.len() >= n {
                    break 'typing;
                }
            }
            app.handle_key(key(KeyCode::Esc));
            screen.draw(&app);
        }
    }
    out.push(s.row("search as you type (a letter)"));

    // 100 realistic searches (benches/queries.txt): the last letter of
    // each, when the whole query is searched.
    let queries: Vec<&str> =
        include_str!("queries.txt").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    let mut s = Sample::default();
    for round in 0..(n / queries.len()).max(1) {
        for q in &queries {
            app.handle_key(ch('/'));
            let mut letters: Vec<char> = q.chars().collect();
            let last = letters.pop().unwrap_or(' ');
            for c in letters {
                app.handle_key(ch(c));
            }
            screen.draw(&app);
            s.press(&mut app, &mut screen, ch(last));
            app.handle_key(key(KeyCode::Esc));
            screen.draw(&app);
        }
        if quick() && round == 0 {
            break;
        }
    }
    out.push(s.row("search, 100 queries (the letter that completes each)"));
    out
}
