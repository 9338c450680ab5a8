//! The help screen: every key of the current screen and the global ones,
//! generated from the keymap in force.

use super::{popup_area, popup_block};
use crate::i18n::t;
use crate::tui::keymap::Mode;
use crate::tui::state::{Screen, Shared};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// (section, key labels, description) rows for the screen under the popup.
pub fn rows(sh: &Shared, screen: Screen) -> Vec<(String, String, String)> {
    let km = &sh.keymap;
    let mut out = Vec::new();
    for mode in [screen.mode(), Mode::Global] {
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

pub fn draw(f: &mut Frame, area: Rect, sh: &Shared, screen: Screen, scroll: usize) {
    let outer = popup_area(area, 72, area.height);
    let inner = popup_block(f, outer, &t("help.title"), sh);
    let mut lines = Vec::new();
    let mut section = String::new();
    for (sec, keys, what) in rows(sh, screen) {
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
