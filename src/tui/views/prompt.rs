//! A one-line prompt over the screen: the filter now, quick entries later.

use super::{fit, popup_block, Shared};
use crate::text::TextInput;
use crate::tui::keymap::Key;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Filter,
    /// A task on a board: `None` is the common board.
    QuickAdd {
        org_id: Option<i64>,
    },
    /// A conclusion of a briefing, optionally of one agenda item.
    Conclusion {
        meeting_id: i64,
        item_id: Option<i64>,
    },
    /// The version is the record's when the prompt opened: a change made
    /// by someone else since is not overwritten.
    Reschedule {
        task_id: i64,
        version: Option<i64>,
    },
    Answer {
        pending_id: i64,
        version: Option<i64>,
    },
    /// A carried-over task moved to a new deadline: "dd/mm/yyyy reason".
    Postpone {
        task_id: i64,
        version: Option<i64>,
    },
    /// A carried-over task stays open: the comment becomes a progress note.
    Comment {
        task_id: i64,
    },
    /// The file to write the document just produced into.
    DocumentFile,
    /// The spreadsheet of tasks to import.
    ImportFile,
    /// Absence reason or attendees of one organization at roll call.
    RollCall {
        meeting_id: i64,
        org_id: i64,
        present: bool,
    },
}

pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
    /// Why the last submission was refused, shown under the input.
    pub error: Option<String>,
    /// What the prompt opened with, to tell typed work from a prefill.
    initial: String,
}

impl Prompt {
    pub fn new(kind: PromptKind, value: &str) -> Prompt {
        Prompt { kind, input: TextInput::with_value(value), error: None, initial: value.to_string() }
    }

    /// A quick entry or conclusion with something typed beyond its prefill:
    /// closing it asks first, as a form does.
    pub fn holds_typed_work(&self) -> bool {
        matches!(self.kind, PromptKind::QuickAdd { .. } | PromptKind::Conclusion { .. })
            && self.input.value().trim() != self.initial.trim()
    }

    /// Edits the line for a typed key; false if the key is not an edit.
    pub fn edit(&mut self, key: &Key) -> bool {
        let edited = super::edit_line(&mut self.input, key);
        if edited {
            self.error = None;
        }
        edited
    }

    fn title_key(&self) -> &'static str {
        match self.kind {
            PromptKind::Filter => "filter.title",
            PromptKind::QuickAdd { .. } => "quick.title",
            PromptKind::Conclusion { .. } => "quick.conclusion_title",
            PromptKind::Reschedule { .. } => "quick.reschedule_title",
            PromptKind::Answer { .. } => "quick.answer_title",
            PromptKind::Postpone { .. } => "review.postpone_title",
            PromptKind::Comment { .. } => "review.comment_title",
            PromptKind::DocumentFile => "export.file_title",
            PromptKind::ImportFile => "import.file_title",
            PromptKind::RollCall { present: true, .. } => "rollcall.attendees_title",
            PromptKind::RollCall { present: false, .. } => "rollcall.reason_title",
        }
    }

    fn hint_key(&self) -> &'static str {
        match self.kind {
            PromptKind::Filter => "filter.hint",
            PromptKind::QuickAdd { .. } | PromptKind::Conclusion { .. } => "quick.hint",
            PromptKind::Reschedule { .. } => "quick.date_hint",
            PromptKind::Answer { .. } => "quick.answer_hint",
            PromptKind::Postpone { .. } => "review.postpone_hint",
            PromptKind::Comment { .. } => "review.comment_hint",
            PromptKind::DocumentFile => "export.file_hint",
            PromptKind::ImportFile => "import.file_hint",
            PromptKind::RollCall { .. } => "rollcall.prompt_hint",
        }
    }

    /// A live reading of what Enter would save, where that helps.
    fn preview(&self, sh: &Shared) -> Option<(String, bool)> {
        let value = self.input.value();
        match self.kind {
            PromptKind::Reschedule { .. } => Some(match crate::text::parse_date(value, sh.today) {
                Ok(d) => (format!("→ {}", crate::text::format_long_date(d, crate::i18n::lang())), false),
                Err(_) if value.trim().is_empty() => (crate::i18n::t("quick.no_deadline"), false),
                Err(_) => (crate::i18n::tf("err.bad_date", &[("input", value.to_string())]), true),
            }),
            PromptKind::QuickAdd { .. } | PromptKind::Conclusion { .. } => {
                use crate::i18n::{t, tf};
                let q = crate::text::parse_quick_add(value);
                let mut parts = Vec::new();
                let mut bad = false;
                if let Some(date) = q.deadline.as_deref() {
                    match crate::text::parse_date(date, sh.today) {
                        Ok(d) => parts.push(format!(
                            "{}: {}",
                            t("field.deadline"),
                            crate::text::format_long_date(d, crate::i18n::lang())
                        )),
                        Err(_) => {
                            parts.push(tf("err.bad_date", &[("input", date.to_string())]));
                            bad = true;
                        }
                    }
                }
                // The place it will be: one already on file, or a new one (said so).
                if let Some(typed) = q.place.as_deref().filter(|p| !p.trim().is_empty()) {
                    let place = crate::ops::match_place(&sh.places, typed);
                    let known = sh.places.contains(&place);
                    let key = if known { "field.place" } else { "quick.new_place" };
                    parts.push(format!("{}: {place}", t(key)));
                }
                (!parts.is_empty()).then(|| (parts.join(" · "), bad))
            }
            _ => None,
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let w = area.width.min(100);
        let outer = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + area.height.saturating_sub(5) / 2,
            width: w,
            height: 5.min(area.height),
        };
        let inner = popup_block(f, outer, &crate::i18n::t(self.title_key()), sh);
        if inner.height == 0 {
            return;
        }
        let iw = inner.width as usize;
        let (shown, cursor) = self.input.visible(iw.saturating_sub(3));
        f.render_widget(
            Paragraph::new(Line::from(vec![Span::styled("> ", th.key), Span::raw(shown)])),
            Rect { height: 1, ..inner },
        );
        f.set_cursor_position(Position::new(inner.x + 2 + cursor as u16, inner.y));
        if inner.height >= 2 {
            let (text, style) = match (&self.error, self.preview(sh)) {
                (Some(e), _) => (e.clone(), th.warning),
                (None, Some((p, true))) => (p, th.warning),
                (None, Some((p, false))) => (format!("{p} · {}", crate::i18n::t(self.hint_key())), th.dim),
                (None, None) => (crate::i18n::t(self.hint_key()), th.dim),
            };
            let lines: Vec<Line> = crate::text::wrap_to_width(&text, iw)
                .into_iter()
                .take(inner.height as usize - 1)
                .map(|l| Line::styled(fit(&l, iw), style))
                .collect();
            f.render_widget(Paragraph::new(lines), Rect { y: inner.y + 1, height: inner.height - 1, ..inner });
        }
    }
}
