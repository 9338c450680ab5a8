//! The whole frame: header, screen tabs, the current screen, the popups
//! over it and the footer of keys. The one drawing function that reads the
//! application; every view below draws from what it is given.

use super::app::{App, Popup};
use super::keymap::{Action, Mode};
use super::state::{Screen, Shared};
use super::views::{fit, help, prompt, MIN_HEIGHT, MIN_WIDTH};
use crate::i18n::t;
use crate::text::display_width;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let sh = &app.shared;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = crate::i18n::tf("tui.too_small", &[("w", MIN_WIDTH.to_string()), ("h", MIN_HEIGHT.to_string())]);
        f.render_widget(Paragraph::new(fit(&msg, area.width as usize)), Rect { height: 1, ..area });
        return;
    }
    // A message longer than the line gets the lines it needs (up to three):
    // an error sentence is never cut off.
    let footer_h = app
        .message
        .as_ref()
        .map_or(1, |(m, _)| crate::text::wrap_to_width(m, area.width as usize).len().clamp(1, 3) as u16);
    let [header, tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    draw_header(f, header, sh);
    draw_tabs(f, tabs, app);
    match app.screen {
        Screen::Agenda => app.agenda.draw(f, body, sh, app.running),
        Screen::Boards => app.boards.draw(f, body, sh),
        Screen::Pending => app.pending.draw(f, body, sh),
        Screen::Meetings => app.meetings.draw(f, body, sh),
        Screen::Overview => app.overview.draw(f, body, sh),
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
            Popup::Review(r) => r.draw(f, body, sh),
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
    let left = fit_keeping_the_end(&name, room);
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
    // Full names when they fit with the filter in force beside them.
    let full: usize =
        Screen::ALL.iter().enumerate().map(|(i, s)| display_width(&format!(" {} {} │", i + 1, t(s.title_key())))).sum();
    let room_for_filter = if app.shared.filter.is_some() { 24 } else { 0 };
    let narrow = full + room_for_filter > area.width as usize;
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
            &[NextItem, ItemNotes, Conclusion, Review, RaisePending, RollCall, CloseBriefing, Help]
        }
        Mode::Board => &[Open, Add, Status, PrevOrg, NextOrg, Filter, Search, Help, Quit],
        Mode::Pending => &[Open, Add, Status, PrevOrg, NextOrg, Filter, Search, Help, Quit],
        Mode::Agenda => &[Open, StartBriefing, NextItem, Conclusion, RollCall, Help, Quit],
        Mode::Meetings => &[Open, Add, Document, NextBriefing, Search, NextScreen, Help, Quit],
        Mode::Overview => &[Open, Period, Down, NextScreen, Search, Help, Quit],
        Mode::Detail => &[Down, Edit, Note, Back],
        Mode::Help => &[Down, Back],
        Mode::Search => &[Down, Open, Back],
        Mode::Prompt => &[Open, Expand, Back],
        Mode::Menu => &[Down, Open, Back],
        Mode::Confirm => &[Yes, No],
        Mode::Form => &[Save, Back],
        Mode::RollCall => &[Toggle, AllPresent, Edit, Chair, Secretary, Back],
        Mode::Review => &[Done, Edit, Answer, Note, Open, Back],
        Mode::Global => &[Help, Quit],
    }
}

fn draw_footer(f: &mut Frame, area: Rect, app: &App) {
    let th = &app.shared.theme;
    if let Some((msg, is_err)) = &app.message {
        let style = if *is_err { th.warning } else { th.done };
        let mut lines = crate::text::wrap_to_width(&crate::text::sanitize_for_terminal(msg), area.width as usize);
        lines.truncate(area.height as usize);
        f.render_widget(Paragraph::new(lines.into_iter().map(|l| Line::styled(l, style)).collect::<Vec<_>>()), area);
        return;
    }
    let mode = app.mode();
    let hint = |action: Action| {
        let key = app.shared.keymap.label(mode, action);
        // Enter in a one-line prompt saves what was typed; in a list it chooses.
        let name = match (mode, action) {
            (Mode::Prompt, Action::Open) => "save",
            (Mode::Menu, Action::Open) => "choose",
            (Mode::Review, Action::Edit) => "postpone",
            (Mode::Review, Action::Note) => "comment",
            _ => action.name(),
        };
        let label = t(&format!("hint.{name}"));
        let w = display_width(&key) + display_width(&label) + 3;
        (key, label, w)
    };
    let actions = footer_actions(app);
    // `?` is always shown: room is kept for it at the end.
    let help = actions.contains(&Action::Help).then(|| hint(Action::Help)).filter(|(k, _, _)| !k.is_empty());
    let room = (area.width as usize).saturating_sub(help.as_ref().map_or(0, |h| h.2));
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    for action in actions.iter().filter(|a| **a != Action::Help) {
        let (key, label, w) = hint(*action);
        if key.is_empty() {
            continue;
        }
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(key, th.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    if let Some((key, label, _)) = help {
        spans.push(Span::styled(key, th.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A long name cut in the middle, so that its distinguishing end (the
/// locality) stays: "Khối MTTQ … xã hội huyện Hải Hà".
fn fit_keeping_the_end(name: &str, room: usize) -> String {
    if display_width(name) <= room {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let head = words.iter().take(2).copied().collect::<Vec<_>>().join(" ");
    let mut tail: Vec<&str> = Vec::new();
    for w in words.iter().skip(2).rev() {
        let candidate = format!("{head} … {w} {}", tail.iter().rev().copied().collect::<Vec<_>>().join(" "));
        if display_width(candidate.trim_end()) > room {
            break;
        }
        tail.push(w);
    }
    if tail.is_empty() {
        return fit(name, room);
    }
    tail.reverse();
    format!("{head} … {}", tail.join(" "))
}
