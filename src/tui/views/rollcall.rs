//! Roll call: each organization present or absent (with a reason), on one screen.

use super::{cell, fit, popup_area, popup_block, row_style, step, Shared};
use crate::i18n::t;
use crate::store::{Store, StoreError};
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub struct RollRow {
    pub org_id: i64,
    pub label: String,
    /// None: not called yet.
    pub present: Option<bool>,
    pub reason: String,
    pub attendees: String,
}

pub struct RollCall {
    pub meeting_id: i64,
    pub rows: Vec<RollRow>,
    pub selected: usize,
    /// Who chairs the briefing and who takes the minutes (the minutes need both).
    pub chair: String,
    pub secretary: String,
}

impl RollCall {
    pub fn open(meeting_id: i64, store: &Store, sh: &Shared) -> Result<RollCall, StoreError> {
        let mut r =
            RollCall { meeting_id, rows: Vec::new(), selected: 0, chair: String::new(), secretary: String::new() };
        r.reload(store, sh)?;
        Ok(r)
    }

    pub fn reload(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let att = store.attendance(self.meeting_id)?;
        let m = store.meeting(self.meeting_id)?;
        self.chair = m.chair_id.map(|p| sh.person_name(p)).unwrap_or_default();
        self.secretary = m.secretary_id.map(|p| sh.person_name(p)).unwrap_or_default();
        self.rows = sh
            .orgs
            .iter()
            .map(|o| {
                let a = att.iter().find(|a| a.org_id == o.id);
                RollRow {
                    org_id: o.id,
                    label: format!("{} — {}", o.short_name, o.name),
                    present: a.map(|a| a.present),
                    reason: a.map(|a| a.reason.clone()).unwrap_or_default(),
                    attendees: a.map(|a| a.attendees.clone()).unwrap_or_default(),
                }
            })
            .collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn navigate(&mut self, action: Action) {
        step(&mut self.selected, self.rows.len(), action, 5);
    }

    pub fn current(&self) -> Option<&RollRow> {
        self.rows.get(self.selected)
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let outer = popup_area(area, 90, (self.rows.len() as u16 + 6).min(area.height));
        let present = self.rows.iter().filter(|r| r.present == Some(true)).count();
        let title = format!("{} · {}/{}", t("rollcall.title"), present, self.rows.len());
        let inner = popup_block(f, outer, &title, sh);
        let w = inner.width as usize;
        let mut lines = Vec::new();
        let none = t("form.none");
        let officer =
            |key: &str, name: &str| format!("{}: {}", t(key), if name.is_empty() { none.as_str() } else { name });
        lines.push(Line::styled(
            fit(
                &format!("{} · {}", officer("field.chair", &self.chair), officer("field.secretary", &self.secretary)),
                w,
            ),
            th.dim,
        ));
        lines.push(Line::raw(""));
        for (i, r) in self.rows.iter().enumerate() {
            let (mark, style) = match r.present {
                Some(true) => (t("rollcall.present"), th.done),
                Some(false) => (t("rollcall.absent"), th.warning),
                None => (t("rollcall.unknown"), th.dim),
            };
            let extra = if r.present == Some(false) { &r.reason } else { &r.attendees };
            let label_w = (w / 2).max(10);
            let row = format!("{} {} {}", cell(&r.label, label_w), cell(&mark, 8), extra);
            lines.push(Line::styled(cell(&row, w), row_style(i == self.selected, style, sh)));
        }
        lines.push(Line::styled(fit(&t("rollcall.hint"), w), th.dim));
        f.render_widget(Paragraph::new(lines), inner);
    }
}
