//! Reviewing carried-over work: the earlier conclusions and pending items a
//! briefing goes through first, one row each, settled with one key (done,
//! reschedule with a reason, answered, still open with a comment). After an
//! action the next row is up.

use super::{cell, fit, popup_area, popup_block, row_style, step, Scroll, Shared};
use crate::domain::{PendingItem, Task};
use crate::i18n::{t, tn};
use crate::store::{Store, StoreError};
use crate::text::format_date;
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewRow {
    Task(Task),
    Pending(PendingItem),
}

pub struct Review {
    pub meeting_id: i64,
    pub rows: Vec<ReviewRow>,
    pub selected: usize,
    scroll: Scroll,
}

impl Review {
    pub fn open(meeting_id: i64, store: &Store, sh: &Shared) -> Result<Review, StoreError> {
        let mut r = Review { meeting_id, rows: Vec::new(), selected: 0, scroll: Scroll::default() };
        r.reload(store, sh)?;
        Ok(r)
    }

    /// Settled rows drop out; the selection stays at its place, which is
    /// then the next row.
    pub fn reload(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let names = crate::ops::Names::load(store)?;
        let sum = crate::ops::BriefingSummary::load(store, self.meeting_id, sh.today, &names)?;
        self.rows = sum.carried_tasks.into_iter().map(ReviewRow::Task).collect();
        self.rows.extend(sum.carried_pending.into_iter().map(ReviewRow::Pending));
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn navigate(&mut self, action: Action) {
        step(&mut self.selected, self.rows.len(), action, 5);
    }

    pub fn current(&self) -> Option<&ReviewRow> {
        self.rows.get(self.selected)
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let outer = popup_area(area, 100, area.height);
        let title = format!("{} · {}", t("review.title"), tn("review.left", self.rows.len() as i64, &[]));
        let inner = popup_block(f, outer, &title, sh);
        let w = inner.width as usize;
        let mut lines = Vec::new();
        if self.rows.is_empty() {
            lines.push(Line::styled(fit(&t("review.all_settled"), w), th.done));
        }
        let per_page = (inner.height.saturating_sub(1) as usize / 2).max(1);
        let off = self.scroll.window(self.selected, self.rows.len(), per_page);
        for (i, row) in self.rows.iter().enumerate().skip(off).take(per_page) {
            let selected = i == self.selected;
            let (head, text, late) = match row {
                ReviewRow::Task(task) => {
                    let mut head = format!("{} #{} {}", t("agenda.tag_task"), task.id, sh.org_short(task.lead_org_id));
                    if let Some(d) = task.deadline {
                        head.push_str(&format!(" · {}", format_date(d)));
                    }
                    if let Some(n) = task.days_late(sh.today) {
                        head.push_str(&format!(" ({})", tn("tui.late", n, &[])));
                    }
                    (head, task.title.clone(), task.is_overdue(sh.today))
                }
                ReviewRow::Pending(p) => {
                    let by = p.raised_by_org_id.map(|o| sh.org_short(o)).unwrap_or_default();
                    let head = format!(
                        "{} #{} {by} · {}",
                        t("agenda.tag_pending"),
                        p.id,
                        tn("review.days_open", p.days_open(sh.today), &[])
                    );
                    (head, p.text.replace('\n', " "), p.answer_overdue(sh.today))
                }
            };
            let style = if late { th.warning } else { th.title };
            lines.push(Line::styled(cell(&head, w), row_style(selected, style, sh)));
            lines.push(Line::styled(cell(&format!("  {text}"), w), row_style(selected, th.dim, sh)));
        }
        lines.truncate(inner.height.saturating_sub(1) as usize);
        while lines.len() < inner.height.saturating_sub(1) as usize {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(fit(&t("review.hint"), w), th.dim));
        f.render_widget(Paragraph::new(lines), inner);
    }
}
