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

#[derive(Default)]
pub struct MeetingsView {
    pub meetings: Vec<(Meeting, usize, usize)>,
    pub selected: usize,
    scroll: Scroll,
}

impl MeetingsView {
    pub fn load(&mut self, store: &Store, _sh: &Shared) -> Result<(), StoreError> {
        let keep = self.meetings.get(self.selected).map(|m| m.0.id);
        self.meetings = store.meetings_with_counts()?;
        self.selected = match keep {
            Some(id) => self.meetings.iter().position(|m| m.0.id == id).unwrap_or(0),
            // Start on the briefing being worked towards.
            None => self.meetings.iter().rposition(|m| m.0.status != MeetingStatus::Closed).unwrap_or(0),
        };
        Ok(())
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        self.meetings.get(self.selected).map(|m| Subject::Meeting(m.0.id))
    }

    pub fn focus(&mut self, id: i64) {
        if let Some(i) = self.meetings.iter().position(|m| m.0.id == id) {
            self.selected = i;
        }
    }

    pub fn navigate(&mut self, action: Action) {
        step(&mut self.selected, self.meetings.len(), action, 10);
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let inner = pane(f, area, &format!("{} ({})", t("screen.meetings"), self.meetings.len()), true, sh);
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
        let off = self.scroll.window(self.selected, self.meetings.len(), height);
        for (i, (m, items, conclusions)) in self.meetings.iter().enumerate().skip(off).take(height) {
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
