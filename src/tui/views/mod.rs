//! Drawing. Views read the app's state and never change the data.

pub mod agenda;
pub mod board;
pub mod detail;
pub mod help;
pub mod meetings;
pub mod menu;
pub mod overview;
pub mod pending;
pub mod prompt;
pub mod review;
pub mod rollcall;
pub mod search;

use super::keymap::Action;
pub use super::state::{Screen, Shared};
use crate::text::{pad_to_width, sanitize_for_terminal, truncate_to_width};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};
use ratatui::Frame;
use std::cell::Cell;

/// Below this the screen shows one line asking for a larger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Text from the database, safe to draw and cut to `width` cells.
pub fn fit(s: &str, width: usize) -> String {
    truncate_to_width(&sanitize_for_terminal(s), width)
}

/// Like `fit` but padded to exactly `width` cells.
pub fn cell(s: &str, width: usize) -> String {
    pad_to_width(&sanitize_for_terminal(s), width)
}

/// Whether the layout should collapse its panes.
pub fn compact(area: Rect) -> bool {
    area.width < 60 || area.height < 16
}

/// A scrolling window over a list: keeps the selection visible.
#[derive(Debug, Default)]
pub struct Scroll {
    offset: Cell<usize>,
}

impl Scroll {
    pub fn window(&self, selected: usize, len: usize, height: usize) -> usize {
        let h = height.max(1);
        let mut off = self.offset.get().min(len.saturating_sub(1));
        if selected < off {
            off = selected;
        } else if selected >= off + h {
            off = selected + 1 - h;
        }
        if len <= h {
            off = 0;
        }
        self.offset.set(off);
        off
    }
}

impl Scroll {
    /// The first item to show when items have different heights, keeping
    /// `selected` of `len` items in view of `height` lines. `item_height`
    /// is asked only about the items near the window (never the whole
    /// list), so a long column costs what is on screen.
    pub fn window_by_height(
        &self,
        selected: usize,
        len: usize,
        height: usize,
        mut item_height: impl FnMut(usize) -> usize,
    ) -> usize {
        if len == 0 {
            self.offset.set(0);
            return 0;
        }
        let selected = selected.min(len - 1);
        let mut off = self.offset.get().min(len - 1).min(selected);
        // The first item from which the selection still fits, walking back.
        let mut lowest = selected;
        let mut sum = item_height(selected);
        while lowest > off {
            let h = item_height(lowest - 1);
            if sum + h > height {
                break;
            }
            sum += h;
            lowest -= 1;
        }
        off = off.max(lowest);
        // Everything fits: show from the top.
        let mut total = 0;
        let mut all_fit = true;
        for i in 0..len {
            total += item_height(i);
            if total > height {
                all_fit = false;
                break;
            }
        }
        if all_fit {
            off = 0;
        }
        self.offset.set(off);
        off
    }
}

/// Moves a selection index for a navigation action; true if it changed.
pub fn step(selected: &mut usize, len: usize, action: Action, page: usize) -> bool {
    if len == 0 {
        *selected = 0;
        return false;
    }
    let before = *selected;
    let last = len - 1;
    *selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (*selected + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (*selected + page).min(last),
        _ => *selected,
    }
    .min(last);
    before != *selected
}

/// Applies a line-editing key (typing, Backspace, arrows, Ctrl-W/U/A/E) to
/// `input`; false if the key is not an edit.
pub fn edit_line(input: &mut crate::text::TextInput, key: &crate::tui::keymap::Key) -> bool {
    use crate::tui::keymap::KeyCode2;
    match key.code {
        KeyCode2::Char(c) if !key.ctrl && !key.alt => input.insert_char(c),
        KeyCode2::Char('w') if key.ctrl => input.delete_word_before(),
        KeyCode2::Char('u') if key.ctrl => input.clear(),
        KeyCode2::Char('a') if key.ctrl => input.home(),
        KeyCode2::Char('e') if key.ctrl => input.end(),
        KeyCode2::Backspace => input.backspace(),
        KeyCode2::Delete => input.delete(),
        KeyCode2::Left if key.ctrl || key.alt => input.word_left(),
        KeyCode2::Right if key.ctrl || key.alt => input.word_right(),
        KeyCode2::Left => input.left(),
        KeyCode2::Right => input.right(),
        KeyCode2::Home => input.home(),
        KeyCode2::End => input.end(),
        _ => return false,
    }
    true
}

/// A bordered popup over most of `area`.
pub fn popup_area(area: Rect, max_w: u16, max_h: u16) -> Rect {
    let w = area.width.min(max_w).max(area.width.min(20));
    let h = area.height.min(max_h);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

pub fn popup_block(f: &mut Frame, area: Rect, title: &str, sh: &Shared) -> Rect {
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(sh.theme.border_focus)
        .title(Span::styled(format!(" {} ", fit(title, area.width.saturating_sub(4) as usize)), sh.theme.title));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// A titled pane.
pub fn pane(f: &mut Frame, area: Rect, title: &str, focused: bool, sh: &Shared) -> Rect {
    let style = if focused { sh.theme.border_focus } else { sh.theme.border };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {} ", fit(title, area.width.saturating_sub(4) as usize)), sh.theme.title));
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// One row of a list, highlighted when selected.
pub fn row_style(selected: bool, base: Style, sh: &Shared) -> Style {
    if selected {
        base.patch(sh.theme.selected)
    } else {
        base
    }
}
