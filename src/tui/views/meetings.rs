//! Past and planned briefings; Enter opens one.

use super::detail::Subject;
use super::{cell, fit, pane, row_style, step, Scroll, Shared};
use crate::domain::{Meeting, MeetingStatus};
use crate::i18n::t;
use crate::store::{Store, StoreError};
use crate::text::{format_date, format_time, weekday_short};
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Briefings read around the selected one: a screen holds at most this
/// many, however long the history (moving past them reads the next ones).
const WINDOW: usize = 240;
/// Moving closer than this to either end of what was read reads again.
const MARGIN: usize = 80;

#[derive(Default)]
pub struct MeetingsView {
    /// Briefings on file.
    pub total: usize,
    /// The briefings read, from position `start` in the newest-first order.
    pub meetings: Vec<(Meeting, usize, usize)>,
    start: usize,
    /// Position of the selected briefing in the newest-first order.
    pub selected: usize,
    scroll: Scroll,
}

impl MeetingsView {
    pub fn load(&mut self, store: &Store, _sh: &Shared) -> Result<(), StoreError> {
        let keep = self.selected_subject();
        self.total = store.meeting_count()?;
        let at = match keep {
            Some(Subject::Meeting(id)) => store.meeting_position(id)?,
            _ => None,
        };
        self.selected = match at {
            Some(i) => i,
            None if keep.is_some() => self.selected,
            // Start on the briefing being worked towards.
            None => match store.earliest_open_meeting()? {
                Some(id) => store.meeting_position(id)?.unwrap_or(0),
                None => 0,
            },
        }
        .min(self.total.saturating_sub(1));
        self.read_around(store)
    }

    /// Reads the briefings around the selected one.
    fn read_around(&mut self, store: &Store) -> Result<(), StoreError> {
        self.start = self.selected.saturating_sub(WINDOW / 2);
        self.meetings = store.meetings_page(self.start, WINDOW)?;
        Ok(())
    }

    /// The selected briefing's row, if read.
    fn selected_row(&self) -> Option<&(Meeting, usize, usize)> {
        self.meetings.get(self.selected.checked_sub(self.start)?)
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        self.selected_row().map(|m| Subject::Meeting(m.0.id))
    }

    pub fn focus(&mut self, id: i64, store: &Store) -> Result<(), StoreError> {
        if let Some(i) = store.meeting_position(id)? {
            self.selected = i;
            self.read_around(store)?;
        }
        Ok(())
    }

    /// Moves the selection; reads further briefings when it comes near
    /// the end of those read.
    pub fn navigate(&mut self, action: Action, store: &Store) -> Result<(), StoreError> {
        step(&mut self.selected, self.total, action, 10);
        let end = self.start + self.meetings.len();
        let near_start = self.start > 0 && self.selected < self.start + MARGIN;
        let near_end = end < self.total && self.selected + MARGIN >= end;
        if near_start || near_end || self.selected_row().is_none() {
            self.read_around(store)?;
        }
        Ok(())
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let inner = pane(f, area, &format!("{} ({})", t("screen.meetings"), self.total), true, sh);
        let w = inner.width as usize;
        if self.meetings.is_empty() {
            f.render_widget(Paragraph::new(fit(&t("meetings.none"), w)).style(th.dim), inner);
            return;
        }
        let lang = crate::i18n::lang();
        let status_w = 13;
        let fixed = 8 + 20 + status_w + 10;
        let place_w = w.saturating_sub(fixed).max(6);
        let mut lines = vec![Line::styled(
            fit(
                &format!(
                    "{}{}{}{}{}",
                    cell(&t("col.number"), 8),
                    cell(&t("col.when"), 20),
                    cell(&t("col.status"), status_w),
                    cell(&t("col.place"), place_w),
                    t("tui.items_conclusions")
                ),
                w,
            ),
            th.dim,
        )];
        let height = (inner.height as usize).saturating_sub(1);
        // Positions are counted in the whole list; the rows read start at `start`.
        let off = self.scroll.window(self.selected, self.total, height).max(self.start);
        let shown = self.meetings.iter().enumerate().map(|(i, m)| (self.start + i, m));
        for (i, (m, items, conclusions)) in shown.skip(off - self.start).take(height) {
            let when = format!(
                "{} {} {}",
                weekday_short(m.starts_at.date(), lang),
                format_date(m.starts_at.date()),
                format_time(m.starts_at.time())
            );
            let row = format!(
                "{}{}{}{}{:>3} {:>3}",
                cell(&format!("{}/{}", m.number, m.year), 8),
                cell(&when, 20),
                cell(&t(&m.status.label_key()), status_w),
                cell(&m.place, place_w),
                items,
                conclusions
            );
            let base = if m.status == MeetingStatus::Closed { Style::default() } else { th.title };
            lines.push(Line::styled(fit(&row, w), row_style(i == self.selected, base, sh)));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}
