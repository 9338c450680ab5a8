//! Plain-text output: aligned columns that fit the terminal (80 through a
//! pipe), colour only on a terminal and never with NO_COLOR.

use crate::text::{display_width, pad_left_to_width, pad_to_width, sanitize_for_terminal, truncate_to_width};
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    pub fn detect() -> Style {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = if tty {
            crossterm::terminal::size().map(|(w, _)| w as usize).unwrap_or(80)
        } else {
            std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(80)
        };
        Style { color: tty && !no_color, width: width.clamp(40, 240) }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn warn(&self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Right,
}

/// A table whose `flex` column takes the room the others leave.
pub struct Table {
    headers: Vec<String>,
    align: Vec<Align>,
    rows: Vec<(Vec<String>, bool)>,
    flex: usize,
    caps: Vec<Option<usize>>,
    /// The flexible column wraps at words over several lines instead of
    /// being cut.
    wrap: bool,
}

impl Table {
    pub fn new(headers: &[String], align: &[Align], flex: usize) -> Table {
        Table {
            headers: headers.to_vec(),
            align: align.to_vec(),
            rows: Vec::new(),
            flex,
            caps: vec![None; headers.len()],
            wrap: false,
        }
    }

    /// Wraps the flexible column (titles) instead of cutting it.
    pub fn wrap(mut self) -> Table {
        self.wrap = true;
        self
    }

    /// Limits a column's width so the flexible one keeps its room.
    pub fn cap(mut self, col: usize, max: usize) -> Table {
        if let Some(c) = self.caps.get_mut(col) {
            *c = Some(max);
        }
        self
    }

    /// Adds a row; `warn` paints it in the warning colour.
    pub fn row(&mut self, cells: Vec<String>, warn: bool) {
        self.rows.push((cells.into_iter().map(|c| sanitize_for_terminal(&c)).collect(), warn));
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self, style: &Style) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| display_width(h)).collect();
        for (cells, _) in &self.rows {
            for (i, c) in cells.iter().enumerate().take(n) {
                widths[i] = widths[i].max(display_width(c));
            }
        }
        for (w, cap) in widths.iter_mut().zip(&self.caps) {
            if let Some(cap) = cap {
                *w = (*w).min(*cap);
            }
        }
        let others: usize = widths.iter().enumerate().filter(|(i, _)| *i != self.flex).map(|(_, w)| w + 2).sum();
        let room = style.width.saturating_sub(others).max(12);
        widths[self.flex] = widths[self.flex].min(room);
        let line = |cells: &[String]| -> String {
            let mut out = Vec::new();
            for (i, w) in widths.iter().enumerate() {
                let cell = cells.get(i).map(String::as_str).unwrap_or("");
                let cell = truncate_to_width(cell, *w);
                let last = i + 1 == n;
                out.push(match self.align.get(i) {
                    Some(Align::Right) => pad_left_to_width(&cell, *w),
                    _ if last => cell,
                    _ => pad_to_width(&cell, *w),
                });
            }
            out.join("  ").trim_end().to_string()
        };
        let mut s = style.bold(&line(&self.headers));
        s.push('\n');
        for (cells, warn) in &self.rows {
            let flex_lines = match cells.get(self.flex) {
                Some(text) if self.wrap => crate::text::wrap_to_width(text, widths[self.flex]),
                _ => Vec::new(),
            };
            let mut first = cells.clone();
            if let Some(l) = flex_lines.first() {
                first[self.flex] = l.clone();
            }
            let mut rows = vec![line(&first)];
            for more in flex_lines.iter().skip(1) {
                let mut cont = vec![String::new(); n];
                cont[self.flex] = more.clone();
                rows.push(line(&cont));
            }
            for l in rows {
                s.push_str(&if *warn { style.warn(&l) } else { l });
                s.push('\n');
            }
        }
        s
    }
}

/// `text` word-wrapped to `width`, its first line after `head` and the others
/// indented under it: "Địa điểm           thôn 5, xã Quảng Thành, …".
pub fn hanging(head: &str, text: &str, width: usize) -> String {
    let indent = crate::text::display_width(head);
    let room = width.saturating_sub(indent).max(20);
    let mut out = String::new();
    for (i, line) in crate::text::wrap_to_width(text, room).iter().enumerate() {
        if i == 0 {
            out.push_str(head);
        } else {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str(head.trim_end());
        out.push('\n');
    }
    out
}
