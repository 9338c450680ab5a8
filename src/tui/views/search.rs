//! Global search: results grouped by kind, updated as the user types.

use super::{cell, fit, popup_area, popup_block, row_style, step, Scroll, Shared};
use crate::i18n::{t, tf};
use crate::store::{SearchHit, SearchKind, Store, StoreError};
use crate::text::TextInput;
use crate::tui::keymap::{Action, Key};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Results shown at most.
const LIMIT: usize = 100;

#[derive(Default)]
pub struct SearchPopup {
    pub input: TextInput,
    /// Hits in display order (grouped by kind).
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    scroll: Scroll,
}

impl SearchPopup {
    /// Edits the query for a typed key; false if the key is not an edit.
    pub fn edit(&mut self, key: &Key) -> bool {
        super::edit_line(&mut self.input, key)
    }

    pub fn rerun(&mut self, store: &Store) -> Result<(), StoreError> {
        let hits = store.search(self.input.value(), &[], LIMIT)?;
        // Grouped by kind in a fixed order, each group keeping its ranking.
        self.hits = SearchKind::ALL.iter().flat_map(|k| hits.iter().filter(move |h| h.kind == *k).cloned()).collect();
        self.selected = 0;
        Ok(())
    }

    pub fn selected_hit(&self) -> Option<&SearchHit> {
        self.hits.get(self.selected)
    }

    pub fn navigate(&mut self, action: Action) {
        step(&mut self.selected, self.hits.len(), action, 10);
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let outer = popup_area(area, 100, area.height);
        let inner = popup_block(f, outer, &t("search.title"), sh);
        if inner.height < 2 {
            return;
        }
        let w = inner.width as usize;
        let prompt = "/ ";
        let (shown, cursor) = self.input.visible(w.saturating_sub(prompt.len() + 1));
        f.render_widget(
            Paragraph::new(Line::from(vec![Span::styled(prompt, th.key), Span::raw(shown)])),
            Rect { height: 1, ..inner },
        );
        f.set_cursor_position(Position::new(inner.x + (prompt.len() + cursor) as u16, inner.y));
        let list = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
        if self.input.value().trim().is_empty() {
            f.render_widget(Paragraph::new(fit(&t("search.hint"), w)).style(th.dim), list);
            return;
        }
        if self.hits.is_empty() {
            f.render_widget(Paragraph::new(fit(&t("search.none"), w)).style(th.dim), list);
            return;
        }
        // Rows: a heading before each kind, then its hits; only the rows in
        // the window are written out (a page of hits is longer than the
        // screen).
        let mut rows: Vec<(Option<usize>, SearchKind)> = Vec::new();
        for (i, h) in self.hits.iter().enumerate() {
            if rows.last().is_none_or(|(_, k)| *k != h.kind) {
                rows.push((None, h.kind));
            }
            rows.push((Some(i), h.kind));
        }
        let sel_row = rows.iter().position(|(i, _)| *i == Some(self.selected)).unwrap_or(0);
        let height = list.height as usize;
        let off = self.scroll.window(sel_row, rows.len(), height);
        let mut lines: Vec<Line> = rows[off..]
            .iter()
            .take(height)
            .map(|(hit, kind)| match hit {
                None => {
                    let n = self.hits.iter().filter(|x| x.kind == *kind).count();
                    Line::styled(format!("{} ({n})", t(&format!("group.{}", kind.label_key()))), th.section)
                }
                Some(i) => {
                    let h = &self.hits[*i];
                    let mut text = format!("  {}", h.label.replace('\n', " "));
                    if !h.text.is_empty() && h.text != h.label {
                        text.push_str(" — ");
                        text.push_str(&h.text.replace('\n', " "));
                    }
                    let base = if h.is_open { Default::default() } else { th.dim };
                    Line::styled(cell(&text, w), row_style(*i == self.selected, base, sh))
                }
            })
            .collect();
        if lines.len() < height && self.hits.len() >= LIMIT {
            lines.push(Line::styled(tf("search.more", &[("n", LIMIT.to_string())]), th.dim));
        }
        f.render_widget(Paragraph::new(lines), list);
    }
}
