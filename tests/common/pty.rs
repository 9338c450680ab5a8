//! A terminal for the full-screen interface: the built binary runs in a
//! pseudo-terminal of a given size, its output is fed to a vt100 parser
//! (which answers the cursor position queries a terminal answers), and the
//! caller looks at the parsed screen as a user would. Shared by the
//! end-to-end tests and the process benchmark.
//!
//! Synchronisation is always "poll the parsed screen (or the child) until a
//! condition holds, with a deadline": never a bare sleep.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, ExitStatus, MasterPty, PtySize};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often a condition is re-checked.
pub const POLL: Duration = Duration::from_millis(5);
/// Deadline for one screen condition; generous for a loaded 2-core machine.
pub const WAIT: Duration = Duration::from_secs(15);

/// The terminal's input side, shared by the test and the reader thread
/// (which answers the app's cursor position queries, as a terminal does).
/// Kept open until the child is gone: dropping portable-pty's writer types
/// "\n" and VEOF into the terminal.
pub type Input = Arc<Mutex<Option<Box<dyn Write + Send>>>>;

/// "Device status report": where is the cursor? A terminal answers
/// `ESC [ row ; col R`. ratatui's `Terminal::clear` asks it.
pub const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// One run of the TUI in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    child: Box<dyn Child + Send + Sync>,
    input: Input,
    master: Box<dyn MasterPty + Send>,
    /// Signalled by the reader thread when the pty reached end of file.
    eof: mpsc::Receiver<()>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    /// When the terminal last received output.
    pub last_output: Arc<Mutex<Instant>>,
}

impl Tui {
    /// Runs `cmd` in a pseudo-terminal of `rows` x `cols`.
    /// `answer_queries`: whether the emulated terminal answers cursor
    /// position queries, as every real terminal does.
    pub fn spawn_command(cmd: CommandBuilder, rows: u16, cols: u16, answer_queries: bool) -> Tui {
        let pair =
            native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("openpty");
        let child = pair.slave.spawn_command(cmd).expect("spawn giaoban in the pty");
        // Only the child may hold the slave side, so that the master reads
        // end of file once the child is gone.
        drop(pair.slave);

        let parser =
            Arc::new(Mutex::new(vt100::Parser::new(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(cols).unwrap(), 0)));
        let input: Input = Arc::new(Mutex::new(Some(pair.master.take_writer().expect("pty writer"))));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (tx, eof) = mpsc::channel();
        let last_output = Arc::new(Mutex::new(Instant::now()));
        let (sink, answers, stamp) = (Arc::clone(&parser), Arc::clone(&input), Arc::clone(&last_output));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // How much of CURSOR_QUERY the output ended with so far (a query
            // may be split across reads).
            let mut matched = 0;
            loop {
                let n = match reader.read(&mut buf) {
                    // Linux reports EIO on the master once the slave is closed.
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let mut parser = sink.lock().unwrap();
                let mut from = 0;
                for i in 0..n {
                    matched = if buf[i] == CURSOR_QUERY[matched] {
                        matched + 1
                    } else if buf[i] == CURSOR_QUERY[0] {
                        1
                    } else {
                        0
                    };
                    if matched == CURSOR_QUERY.len() {
                        matched = 0;
                        parser.process(&buf[from..=i]);
                        from = i + 1;
                        if answer_queries {
                            let (row, col) = parser.screen().cursor_position();
                            if let Some(w) = answers.lock().unwrap().as_mut() {
                                let _ = write!(w, "\x1b[{};{}R", row + 1, col + 1);
                                let _ = w.flush();
                            }
                        }
                    }
                }
                parser.process(&buf[from..n]);
                *stamp.lock().unwrap() = Instant::now();
            }
            let _ = tx.send(());
        });
        Tui { parser, child, input, master: pair.master, eof, reader: Some(reader), status: None, last_output }
    }

    /// Types bytes into the terminal.
    pub fn send(&mut self, bytes: &[u8]) {
        let mut input = self.input.lock().unwrap();
        let w = input.as_mut().expect("the terminal's input is open while the child runs");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Runs `f` on the parsed screen as it is now.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    pub fn contents(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// The screen with row numbers, for failure messages.
    pub fn dump(&self) -> String {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols.get()).enumerate().map(|(i, r)| format!("{i:2}|{r}")).collect::<Vec<_>>().join("\n")
        })
    }

    /// Waits until `cond` holds on the screen; panics with the screen on
    /// timeout or if the child exits first.
    pub fn wait_until(&mut self, what: &str, timeout: Duration, cond: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if self.with_screen(&cond) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the last output arrive before the final look.
                let _ = self.eof.recv_timeout(Duration::from_secs(2));
                if self.with_screen(&cond) {
                    return;
                }
                panic!("giaoban exited ({status:?}) while waiting for {what}; screen:\n{}", self.dump());
            }
            if Instant::now() >= deadline {
                panic!("timed out after {timeout:?} waiting for {what}; screen:\n{}", self.dump());
            }
            std::thread::sleep(POLL);
        }
    }

    /// When the terminal last received output (the frame a condition
    /// waited for was drawn by then).
    pub fn last_output(&self) -> Instant {
        *self.last_output.lock().unwrap()
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), WAIT, |s| s.contents().contains(text));
    }

    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to disappear"), WAIT, |s| !s.contents().contains(text));
    }

    /// Waits for the child to exit, then for the pty to be drained, so that
    /// the parsed screen is the terminal's final state.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!("giaoban did not exit within {timeout:?}; screen:\n{}", self.dump());
            }
            std::thread::sleep(POLL);
        };
        self.status = Some(status.clone());
        let left = deadline.saturating_duration_since(Instant::now()).max(Duration::from_secs(5));
        self.eof.recv_timeout(left).unwrap_or_else(|_| {
            panic!("the pty did not reach end of file after giaoban exited; screen:\n{}", self.dump())
        });
        self.reader.take().unwrap().join().expect("reader thread");
        status
    }

    /// Checks what every way out must leave behind: exit code 0, the main
    /// screen back, the cursor shown, and the line discipline in cooked mode.
    pub fn assert_restored(&self, status: &ExitStatus) {
        assert!(status.success(), "exit status {status:?}; screen:\n{}", self.dump());
        self.with_screen(|s| {
            assert!(!s.alternate_screen(), "still on the alternate screen");
            assert!(!s.hide_cursor(), "the cursor is still hidden");
            assert!(!s.bracketed_paste(), "bracketed paste is still on");
        });
        self.assert_cooked_mode();
    }

    /// The terminal's modes as `stty -a` prints them, read from the slave
    /// side after the child is gone.
    pub fn assert_cooked_mode(&self) {
        let Some(tty) = self.master.tty_name() else {
            return;
        };
        let Ok(out) = Command::new("stty").arg("-a").arg("-F").arg(&tty).output() else {
            return; // no stty here: nothing to check with
        };
        assert!(out.status.success(), "stty -a -F {}: {}", tty.display(), String::from_utf8_lossy(&out.stderr));
        let modes: Vec<String> = String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_string).collect();
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(modes.iter().any(|m| m == mode), "terminal left without {mode}: {modes:?}");
        }
    }

    /// Sends a signal to the child with the system's `kill`.
    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("child pid");
        let st = Command::new("kill").arg(format!("-{sig}")).arg(pid.to_string()).status().expect("run kill");
        assert!(st.success(), "kill -{sig} {pid} failed");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the app running.
        if self.status.is_none() {
            if let Ok(None) = self.child.try_wait() {
                let _ = self.child.kill();
                let _ = self.child.wait();
            }
        }
    }
}
