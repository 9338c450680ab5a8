//! Open pending items, oldest first, optionally for one organization.

use super::detail::Subject;
use super::{cell, fit, pane, row_style, step, Scroll, Shared};
use crate::domain::PendingItem;
use crate::i18n::{t, tf};
use crate::store::{Store, StoreError};
use crate::text::format_date;
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Default)]
pub struct PendingView {
    pub items: Vec<PendingItem>,
    pub selected: usize,
    /// Index into the organizations: None shows every organization.
    pub org: Option<usize>,
    scroll: Scroll,
    pending_focus: Option<i64>,
}

impl PendingView {
    pub fn load(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let keep = self.pending_focus.take().or_else(|| self.items.get(self.selected).map(|p| p.id));
        let org_id = self.org.and_then(|i| sh.orgs.get(i)).map(|o| o.id);
        self.items = store.pending_items(org_id, false)?;
        if let Some(f) = &sh.filter {
            let spec = crate::domain::FilterSpec { words: f.words.clone(), ..Default::default() };
            let today = sh.today;
            self.items.retain(|p| {
                f.org_id.is_none_or(|o| p.raised_by_org_id == Some(o) || p.addressed_org_id == Some(o))
                    && (!f.overdue || p.answer_overdue(today))
                    && f.due_within
                        .is_none_or(|d| p.answer_due.is_some_and(|due| due <= today + chrono::Duration::days(d)))
                    && (f.pending_kinds.is_empty() || f.pending_kinds.contains(&p.kind))
                    && f.task_kinds.is_empty()
                    && spec.text_matches(&format!("{} {} {}", p.text, p.answer, p.addressed_to))
            });
        }
        self.selected = keep.and_then(|id| self.items.iter().position(|p| p.id == id)).unwrap_or(0);
        Ok(())
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        self.items.get(self.selected).map(|p| Subject::Pending(p.id))
    }

    /// True when the organization filter changed and the list must reload.
    pub fn navigate(&mut self, action: Action, sh: &Shared) -> bool {
        let n = sh.orgs.len();
        match action {
            Action::NextOrg => {
                self.org = match self.org {
                    None if n > 0 => Some(0),
                    Some(i) if i + 1 < n => Some(i + 1),
                    _ => None,
                };
                true
            }
            Action::PrevOrg => {
                self.org = match self.org {
                    None if n > 0 => Some(n - 1),
                    Some(0) | None => None,
                    Some(i) => Some(i - 1),
                };
                true
            }
            other => {
                step(&mut self.selected, self.items.len(), other, 10);
                false
            }
        }
    }

    pub fn focus(&mut self, item: &PendingItem, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        self.org = None;
        self.pending_focus = Some(item.id);
        self.load(store, sh)?;
        if self.items.get(self.selected).is_none_or(|p| p.id != item.id) {
            // Answered or closed: not in the open list.
            self.selected = 0;
        }
        Ok(())
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let filter = match self.org.and_then(|i| sh.orgs.get(i)) {
            Some(o) => o.short_name.clone(),
            None => t("pending.all_orgs"),
        };
        let title = format!("{} · {} ({})", t("screen.pending"), filter, self.items.len());
        let inner = pane(f, area, &title, true, sh);
        let w = inner.width as usize;
        if self.items.is_empty() {
            f.render_widget(Paragraph::new(fit(&t("pending.none"), w)).style(th.dim), inner);
            return;
        }
        // Fixed columns around a flexible text column; all shown at 80 columns.
        let wide = w >= 100;
        let (to_w, due_w) = if wide { (16, 10) } else { (10, 6) };
        let widths = [9, 0, 7, to_w, 7, due_w];
        let fixed: usize = widths.iter().sum::<usize>() + widths.len() - 1;
        let text_w = w.saturating_sub(fixed).max(10);
        let join = |cols: [String; 6]| -> String {
            cols.iter()
                .enumerate()
                .map(|(i, c)| cell(c, if i == 1 { text_w } else { widths[i] }))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut lines = vec![Line::styled(
            fit(
                &join([
                    t("col.kind"),
                    t("col.text"),
                    t("col.raised_by_short"),
                    t("col.addressed_to"),
                    t("col.days_open"),
                    t("col.answer_due_short"),
                ]),
                w,
            ),
            th.dim,
        )];
        let height = (inner.height as usize).saturating_sub(1);
        let off = self.scroll.window(self.selected, self.items.len(), height);
        for (i, p) in self.items.iter().enumerate().skip(off).take(height) {
            let due = p.answer_due.map(|d| if wide { format_date(d) } else { d.format("%d/%m").to_string() });
            let row = join([
                t(&format!("short.{}", p.kind.label_key())),
                p.text.replace('\n', " "),
                p.raised_by_org_id.map(|o| sh.org_short(o)).unwrap_or_default(),
                p.addressed_org_id.map(|o| sh.org_short(o)).unwrap_or_else(|| p.addressed_to.clone()),
                tf("tui.days", &[("n", p.days_open(sh.today).to_string())]),
                due.unwrap_or_default(),
            ]);
            let base = if p.answer_overdue(sh.today) { th.warning } else { Style::default() };
            lines.push(Line::styled(fit(&row, w), row_style(i == self.selected, base, sh)));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}
