//! Drawing. Views read the app's state and never change the data.

pub mod agenda;
pub mod board;
pub mod detail;
pub mod help;
pub mod meetings;
pub mod menu;
pub mod pending;
pub mod prompt;
pub mod rollcall;
pub mod search;

use super::app::{App, Popup};
use super::keymap::{Action, Mode};
pub use super::state::{Screen, Shared};
use crate::i18n::t;
use crate::text::{display_width, pad_to_width, sanitize_for_terminal, truncate_to_width};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
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

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let sh = &app.shared;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = crate::i18n::tf("tui.too_small", &[("w", MIN_WIDTH.to_string()), ("h", MIN_HEIGHT.to_string())]);
        f.render_widget(Paragraph::new(fit(&msg, area.width as usize)), Rect { height: 1, ..area });
        return;
    }
    let [header, tabs, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)])
            .areas(area);
    draw_header(f, header, sh);
    draw_tabs(f, tabs, app);
    match app.screen {
        Screen::Agenda => app.agenda.draw(f, body, sh, app.running),
        Screen::Boards => app.boards.draw(f, body, sh),
        Screen::Pending => app.pending.draw(f, body, sh),
        Screen::Meetings => app.meetings.draw(f, body, sh),
    }
    for popup in &app.popups {
        match popup {
            Popup::Help { scroll } => help::draw(f, body, &app.shared, app.screen, *scroll),
            Popup::Detail(d) => d.draw(f, body, sh),
            Popup::Search(s) => s.draw(f, body, sh),
            Popup::Prompt(p) => p.draw(f, body, sh),
            Popup::Menu(m) => m.draw(f, body, sh),
            Popup::Confirm(c) => c.draw(f, body, sh),
            Popup::RollCall(r) => r.draw(f, body, sh),
            Popup::Form(fp) => fp.form.draw(f, body, sh),
        }
    }
    draw_footer(f, footer, app);
}

fn draw_header(f: &mut Frame, area: Rect, sh: &Shared) {
    let lang = crate::i18n::lang();
    let date =
        format!("{} · {}", crate::text::format_long_date(sh.today, lang), crate::text::week_label(sh.today, lang));
    let ro = if sh.read_only { format!(" [{}]", t("tui.read_only")) } else { String::new() };
    let right = format!("{date}{ro}");
    let room = (area.width as usize).saturating_sub(display_width(&right) + 1);
    let name = if sh.settings.bloc_name.is_empty() { "giaoban".to_string() } else { sh.settings.bloc_name.clone() };
    let left = fit(&name, room);
    let gap = (area.width as usize).saturating_sub(display_width(&left) + display_width(&right));
    let line = Line::from(vec![
        Span::styled(left, sh.theme.header),
        Span::raw(" ".repeat(gap)),
        Span::styled(date, sh.theme.header),
        Span::styled(ro, sh.theme.warning),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

fn draw_tabs(f: &mut Frame, area: Rect, app: &App) {
    let th = &app.shared.theme;
    let narrow = area.width < 70;
    let mut spans = Vec::new();
    for (i, s) in Screen::ALL.iter().enumerate() {
        let name = if narrow { t(&format!("{}_short", s.title_key())) } else { t(s.title_key()) };
        let label = format!(" {} {} ", i + 1, name);
        spans.push(Span::styled(label, if *s == app.screen { th.tab_active } else { th.tab }));
        spans.push(Span::styled("│", th.border));
    }
    spans.pop();
    // The filter in force, at the right, where it cannot be missed.
    if let Some(filter) = &app.shared.filter {
        let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
        let label = format!(" {}: {} ", t("filter.active"), filter.raw);
        let room = (area.width as usize).saturating_sub(used + 1);
        if room > 8 {
            let label = fit(&label, room);
            spans.push(Span::raw(" ".repeat(room - display_width(&label) + 1)));
            spans.push(Span::styled(label, th.warning));
        }
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The few keys that matter where the user is, from the keymap in force.
fn footer_actions(app: &App) -> &'static [Action] {
    use Action::*;
    let mode = app.mode();
    match mode {
        // Only quick entries expand into a form.
        Mode::Prompt
            if !matches!(
                app.popups.last(),
                Some(Popup::Prompt(p)) if matches!(p.kind, prompt::PromptKind::QuickAdd { .. } | prompt::PromptKind::Conclusion { .. })
            ) =>
        {
            &[Open, Back]
        }
        // During the briefing, the keys that run it.
        Mode::Agenda
            if app.agenda.meeting.as_ref().is_some_and(|m| m.status == crate::domain::MeetingStatus::InProgress) =>
        {
            &[NextItem, ItemNotes, Conclusion, RaisePending, RollCall, CloseBriefing, Help]
        }
        Mode::Board => &[Open, Add, Status, PrevOrg, NextOrg, Filter, Search, Help, Quit],
        Mode::Pending => &[Open, Add, Status, PrevOrg, NextOrg, Filter, Search, Help, Quit],
        Mode::Agenda => &[Open, StartBriefing, NextItem, Conclusion, RollCall, Help, Quit],
        Mode::Meetings => &[Open, Add, NextBriefing, Search, NextScreen, Help, Quit],
        Mode::Detail => &[Down, Edit, Note, Back],
        Mode::Help => &[Down, Back],
        Mode::Search => &[Down, Open, Back],
        Mode::Prompt => &[Open, Expand, Back],
        Mode::Menu => &[Down, Open, Back],
        Mode::Confirm => &[Yes, No],
        Mode::Form => &[Save, Back],
        Mode::RollCall => &[Toggle, Edit, Back],
        Mode::Global => &[Help, Quit],
    }
}

fn draw_footer(f: &mut Frame, area: Rect, app: &App) {
    let th = &app.shared.theme;
    if let Some((msg, is_err)) = &app.message {
        let style = if *is_err { th.warning } else { th.done };
        f.render_widget(Paragraph::new(Span::styled(fit(msg, area.width as usize), style)), area);
        return;
    }
    let mode = app.mode();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for action in footer_actions(app) {
        let key = app.shared.keymap.label(mode, *action);
        if key.is_empty() {
            continue;
        }
        let label = t(&format!("hint.{}", action.name()));
        let w = display_width(&key) + display_width(&label) + 3;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(key, th.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
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
