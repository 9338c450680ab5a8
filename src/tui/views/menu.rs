//! Small choosers over the screen: a list to pick from (status, column,
//! presence) and a yes/no confirmation.

use super::{cell, fit, popup_block, row_style, step, Shared};
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What choosing from a menu does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuPurpose {
    /// The record's id and its version when the menu opened.
    TaskStatus(i64, i64),
    PendingStatus(i64, i64),
    People,
    Orgs,
    /// A task's notes, targets and recorded values; the value encodes which.
    Entries(i64),
    /// A save refused because someone else changed the record: keep mine,
    /// take theirs, or go back to the form.
    Conflict,
    /// Which document to write (an index into the choices offered).
    Document,
    /// The preview of a spreadsheet import: import all, the valid rows, or not.
    Import,
    /// Who chairs (or takes the minutes of) a briefing, at its version.
    Chair(i64, i64),
    Secretary(i64, i64),
}

/// One of a task's entries, packed into a menu value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Note(i64),
    Target(i64),
    Actual(i64),
}

impl Entry {
    pub fn pack(self) -> i64 {
        match self {
            Entry::Note(id) => id * 4,
            Entry::Target(id) => id * 4 + 1,
            Entry::Actual(id) => id * 4 + 2,
        }
    }
    pub fn unpack(v: i64) -> Entry {
        match v % 4 {
            1 => Entry::Target(v / 4),
            2 => Entry::Actual(v / 4),
            _ => Entry::Note(v / 4),
        }
    }
}

pub struct Menu {
    pub purpose: MenuPurpose,
    pub title: String,
    pub options: Vec<(String, i64)>,
    pub selected: usize,
    /// Lines shown above the options (what someone else changed).
    pub notes: Vec<String>,
}

impl Menu {
    pub fn navigate(&mut self, action: Action) {
        step(&mut self.selected, self.options.len(), action, 5);
    }

    /// Digits 1-9 pick an option directly.
    pub fn pick_digit(&mut self, c: char) -> bool {
        match c.to_digit(10).map(|d| d as usize) {
            Some(d) if d >= 1 && d <= self.options.len() => {
                self.selected = d - 1;
                true
            }
            _ => false,
        }
    }

    pub fn value(&self) -> Option<i64> {
        self.options.get(self.selected).map(|o| o.1)
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let w = self
            .options
            .iter()
            .map(|o| crate::text::display_width(&o.0))
            .max()
            .unwrap_or(10)
            .max(crate::text::display_width(&self.title))
            .max(self.notes.iter().map(|n| crate::text::display_width(n)).max().unwrap_or(0)) as u16
            + 8;
        let iw_guess = (w.min(area.width) as usize).saturating_sub(2).max(10);
        let notes: Vec<String> = self.notes.iter().flat_map(|n| crate::text::wrap_to_width(n, iw_guess)).collect();
        let extra = if notes.is_empty() { 0 } else { notes.len() as u16 + 1 };
        let h = self.options.len() as u16 + 2 + extra;
        let outer = super::popup_area(area, w.min(area.width), h.min(area.height));
        let inner = popup_block(f, outer, &self.title, sh);
        let iw = inner.width as usize;
        let mut lines: Vec<Line> = notes.iter().map(|n| Line::styled(cell(n, iw), sh.theme.dim)).collect();
        if !notes.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.extend(self.options.iter().enumerate().map(|(i, (label, _))| {
            Line::styled(
                cell(&format!("{} {}", i + 1, label), iw),
                row_style(i == self.selected, Default::default(), sh),
            )
        }));
        f.render_widget(Paragraph::new(lines), inner);
    }
}

/// What a confirmed "yes" does.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    /// What to delete, at the version it had when the question was asked.
    Delete(super::detail::Subject, Option<i64>),
    DeleteEntry(Entry, Option<i64>),
    CloseBriefing(i64),
    /// Start the briefing now, on another day than it was planned for.
    StartBriefing(i64),
    /// Close the quick entry or conclusion under the question, dropping what was typed.
    DiscardPrompt,
}

pub struct Confirm {
    pub question: String,
    pub then: Confirmed,
}

impl Confirm {
    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let question = format!("{} ({})", self.question, crate::i18n::t("confirm.keys"));
        let w = (crate::text::display_width(&question) as u16 + 4).min(area.width).min(80);
        let lines = crate::text::wrap_to_width(&question, w.saturating_sub(2) as usize);
        let outer = super::popup_area(area, w, (lines.len() as u16 + 2).min(area.height));
        let inner = popup_block(f, outer, &crate::i18n::t("confirm.title"), sh);
        let text: Vec<Line> =
            lines.iter().map(|l| Line::styled(fit(l, inner.width as usize), sh.theme.warning)).collect();
        f.render_widget(Paragraph::new(text), inner);
    }
}
