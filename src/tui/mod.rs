//! The full-screen interface.
//!
//! The terminal is restored on every way out: normal quit, error (the
//! guard's Drop), panic (the hook), SIGTERM and SIGHUP (flags checked by
//! the loop, which then returns normally).

pub mod app;
pub mod briefing;
mod documents;
pub mod edit;
pub mod form;
pub mod forms;
pub mod frame;
pub mod keymap;
mod settings;
pub mod state;
pub mod theme;
pub mod views;

use crate::config::Config;
use crate::store::Store;
use app::App;
use chrono::NaiveDate;
use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use keymap::Keymap;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use state::Screen;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use theme::Theme;

/// How often the loop wakes without input: to see signals and other
/// processes' commits (a cheap `PRAGMA data_version`, no reload).
const TICK: Duration = Duration::from_millis(500);

/// Builds the app from the config: keymap, theme, and the config's problems
/// as the first message.
pub fn build_app(store: Store, today: NaiveDate, config: &Config) -> anyhow::Result<App> {
    let (keymap, mut problems) = Keymap::from_config(config);
    problems.extend(config.warnings.iter().cloned());
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = match Theme::select(config.theme.as_deref(), no_color) {
        Ok(th) => th,
        Err(name) => {
            problems.push(config.problem("config.bad_value", config.line_of_key("theme"), "theme", &name));
            Theme::ansi16()
        }
    };
    let mut app = App::new(store, today, keymap, theme).map_err(|e| anyhow::anyhow!(e.message()))?;
    // Leaders who only read want the bloc at a glance first.
    let start = match config.start.as_deref() {
        Some("boards") => Screen::Boards,
        Some("pending") => Screen::Pending,
        Some("meetings") => Screen::Meetings,
        Some("overview") => Screen::Overview,
        Some(_) => Screen::Agenda,
        None if app.shared.read_only => Screen::Overview,
        None => Screen::Agenda,
    };
    if start != Screen::Agenda {
        app.show(start).map_err(|e| anyhow::anyhow!(e.message()))?;
    }
    if let Some(first) = problems.first() {
        let more = problems.len() - 1;
        let msg = if more > 0 { format!("{first} (+{more})") } else { first.clone() };
        app.message = Some((msg, true));
    }
    Ok(app)
}

pub fn run(store: Store, today: NaiveDate, config: Config) -> anyhow::Result<()> {
    let mut app = build_app(store, today, &config)?;
    // A write that finds the file locked waits a moment, then the app keeps
    // drawing and tries again on its own (see `App::tick`).
    app.store.set_busy_timeout(std::time::Duration::from_millis(300))?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let guard = TerminalGuard::enter(config.mouse)?;
    // No `terminal.clear()`: it asks the terminal where the cursor is, which
    // some terminals never answer; the guard has cleared the screen already.
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let result = event_loop(&mut terminal, &mut app, &stop);
    drop(terminal);
    drop(guard);
    result
}

/// Reads terminal events on their own thread. When the terminal goes away
/// without a hang-up signal, crossterm's reader can spin on end-of-file and
/// never return; on its own thread it cannot stop the main loop from
/// noticing and leaving (the process exit ends the thread).
fn spawn_reader() -> std::sync::mpsc::Receiver<io::Result<event::Event>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || loop {
        let ev = event::read();
        let failed = ev.is_err();
        if tx.send(ev).is_err() || failed {
            break;
        }
    });
    rx
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    use std::sync::mpsc::RecvTimeoutError;
    let events = spawn_reader();
    let mut dirty = true;
    // Other processes' commits are looked for on a steady beat, also while
    // the user is typing (the check is one cheap pragma).
    let mut last_check = std::time::Instant::now();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|f| frame::draw(f, app))?;
        }
        match events.recv_timeout(TICK) {
            Ok(ev) => {
                let ev = ev?;
                if let event::Event::Resize(_, _) = ev {
                    terminal.autoresize()?;
                }
                app.handle_event(ev);
                if last_check.elapsed() >= TICK {
                    app.refresh_if_changed();
                    last_check = std::time::Instant::now();
                }
                dirty = true;
            }
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                // A terminal that has gone (closed window, dropped link) ends the app.
                if terminal::size().is_err() {
                    break;
                }
                // A running agenda item's timer ticks on screen.
                dirty = app.refresh_if_changed() || app.running.is_some();
                app.tick();
                last_check = std::time::Instant::now();
            }
        }
    }
    Ok(())
}

/// Puts the terminal back into its ordinary state; safe to call twice.
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
}

struct TerminalGuard;

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(
            out,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        ) {
            restore_terminal();
            return Err(e);
        }
        if mouse {
            let _ = execute!(out, EnableMouseCapture);
        }
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}
