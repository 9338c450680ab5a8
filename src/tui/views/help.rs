//! The help screen: every key of the current screen and the global ones,
//! generated from the keymap in force.

use super::{popup_area, popup_block};
use crate::i18n::t;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// (section, key labels, description) rows for the screen under the popup.
pub fn rows(app: &App) -> Vec<(String, String, String)> {
    let km = &app.shared.keymap;
    let mut out = Vec::new();
    for mode in [app.screen.mode(), Mode::Global] {
        for (action, keys) in km.bindings(mode) {
            if keys.is_empty() {
                continue;
            }
            let labels = keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ");
            out.push((t(&format!("mode.{}", mode.name())), labels, t(&format!("action.{}", action.name()))));
        }
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let sh = &app.shared;
    let outer = popup_area(area, 72, area.height);
    let inner = popup_block(f, outer, &t("help.title"), sh);
    let mut lines = Vec::new();
    let mut section = String::new();
    for (sec, keys, what) in rows(app) {
        if sec != section {
            if !section.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(sec.clone(), sh.theme.section));
            section = sec;
        }
        lines.push(Line::from(vec![
            Span::styled(super::cell(&keys, 22), sh.theme.key),
            Span::raw(super::fit(&what, (inner.width as usize).saturating_sub(22))),
        ]));
    }
    let max = lines.len().saturating_sub(inner.height as usize);
    let visible: Vec<Line> = lines.into_iter().skip(scroll.min(max)).collect();
    f.render_widget(Paragraph::new(visible), inner);
}
