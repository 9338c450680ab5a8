//! The agenda of the current or next briefing, with what it carries over
//! from earlier briefings grouped by organization.

use super::detail::Subject;
use super::{cell, compact, fit, pane, row_style, step, Scroll, Shared};
use crate::domain::{AgendaItem, Meeting, PendingItem, Task};
use crate::i18n::{t, tf};
use crate::store::{Store, StoreError};
use crate::text::format_date;
use crate::tui::keymap::Action;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub enum Row {
    Section(String),
    Group(String),
    Item(AgendaItem),
    Task(Task),
    Pending(PendingItem),
}

impl Row {
    fn selectable(&self) -> bool {
        !matches!(self, Row::Section(_) | Row::Group(_))
    }
}

#[derive(Default)]
pub struct AgendaView {
    pub meeting: Option<Meeting>,
    pub rows: Vec<Row>,
    /// Index into `rows` of the selected (selectable) row.
    pub selected: usize,
    /// Conclusions of this briefing, by agenda item.
    pub linked: Vec<Task>,
    /// Whether the file has briefings at all (what to suggest when none is coming).
    any_meeting: bool,
    scroll: Scroll,
}

impl AgendaView {
    pub fn load(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let keep = self.selected_subject();
        let was_at = self.selected;
        self.rows.clear();
        self.linked.clear();
        self.meeting = store.next_meeting(sh.today)?;
        let Some(m) = &self.meeting else {
            self.any_meeting = store.meeting_count()? > 0;
            self.selected = 0;
            return Ok(());
        };
        // The same record of the briefing that its detail and the command line show.
        let names = crate::ops::Names::load(store)?;
        let summary = crate::ops::BriefingSummary::load(store, m.id, sh.today, &names)?;
        self.rows.push(Row::Section(t("agenda.items")));
        self.rows.extend(summary.agenda.into_iter().map(Row::Item));
        self.linked = summary.conclusions;
        let (tasks, pending) = (summary.carried_tasks, summary.carried_pending);
        if !tasks.is_empty() || !pending.is_empty() {
            self.rows
                .push(Row::Section(tf("agenda.carried_count", &[("n", (tasks.len() + pending.len()).to_string())])));
            // Grouped by organization in the bloc's order; unassigned last.
            let mut groups: Vec<Option<i64>> = sh.orgs.iter().map(|o| Some(o.id)).collect();
            groups.push(None);
            for g in groups {
                let ts: Vec<&Task> = tasks.iter().filter(|t| Some(t.lead_org_id) == g).collect();
                let ps: Vec<&PendingItem> = pending.iter().filter(|p| p.raised_by_org_id == g).collect();
                let (ts, ps) = if g.is_none() {
                    // Work of inactive organizations or none at all.
                    let known = |id: i64| sh.org(id).is_some();
                    (
                        tasks.iter().filter(|t| !known(t.lead_org_id)).collect::<Vec<_>>(),
                        pending.iter().filter(|p| p.raised_by_org_id.is_none_or(|o| !known(o))).collect::<Vec<_>>(),
                    )
                } else {
                    (ts, ps)
                };
                if ts.is_empty() && ps.is_empty() {
                    continue;
                }
                let name = g
                    .and_then(|id| sh.org(id))
                    .map(|o| format!("{} — {}", o.short_name, o.name))
                    .unwrap_or_else(|| t("agenda.other"));
                self.rows.push(Row::Group(name));
                self.rows.extend(ts.into_iter().cloned().map(Row::Task));
                self.rows.extend(ps.into_iter().cloned().map(Row::Pending));
            }
        }
        self.selected = self.first_selectable();
        if let Some(subject) = keep {
            match self.rows.iter().position(|r| subject_of(r) == Some(subject)) {
                Some(i) => self.selected = i,
                // Settled and gone (a carried-over task done): the row that
                // took its place is next, not the top of the agenda.
                None => {
                    let from = was_at.min(self.rows.len().saturating_sub(1));
                    let next = (from..self.rows.len()).chain((0..from).rev()).find(|i| self.rows[*i].selectable());
                    self.selected = next.unwrap_or(self.selected);
                }
            }
        }
        Ok(())
    }

    fn first_selectable(&self) -> usize {
        self.rows.iter().position(Row::selectable).unwrap_or(0)
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        self.rows.get(self.selected).and_then(subject_of)
    }

    /// Selects an agenda item of this briefing; false if it is not here.
    pub fn focus_item(&mut self, id: i64) -> bool {
        match self.rows.iter().position(|r| matches!(r, Row::Item(i) if i.id == id)) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
    }

    pub fn navigate(&mut self, action: Action) {
        let selectable: Vec<usize> = (0..self.rows.len()).filter(|i| self.rows[*i].selectable()).collect();
        let Some(mut pos) = selectable.iter().position(|i| *i == self.selected) else {
            return;
        };
        step(&mut pos, selectable.len(), action, 10);
        self.selected = selectable[pos];
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared, running: Option<crate::tui::state::Running>) {
        let th = &sh.theme;
        let Some(m) = &self.meeting else {
            // A file with held briefings needs the next one, not the demo.
            let key = if self.any_meeting { "agenda.no_next_meeting" } else { "agenda.no_meeting" };
            let text = crate::text::wrap_to_width(&t(key), area.width as usize);
            f.render_widget(Paragraph::new(text.into_iter().map(Line::raw).collect::<Vec<_>>()).style(th.dim), area);
            return;
        };
        let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let mut header = format!(
            "{} · {} · {}",
            crate::i18n::meeting_label(m),
            crate::i18n::meeting_when(m),
            t(&m.status.label_key()),
        );
        if !m.place.is_empty() {
            header.push_str(&format!(" · {}", m.place));
        }
        if let Some(c) = m.chair_id {
            header.push_str(&format!(" · {}: {}", t("field.chair"), sh.person_name(c)));
        }
        let item = running.and_then(|r| {
            self.rows.iter().find_map(|row| match row {
                Row::Item(i) if i.id == r.item_id => Some((i, r.since.elapsed().as_secs())),
                _ => None,
            })
        });
        match item {
            // While an item is discussed, the header is its timer.
            Some((i, secs)) => {
                let planned = i.planned_minutes.unwrap_or(0);
                let over = planned > 0 && secs > planned as u64 * 60;
                let clock = format!("{:02}:{:02} / {}′", secs / 60, secs % 60, planned);
                let w = head.width as usize;
                let left = format!("▶ {} {}. {}", t("briefing.timer"), i.position, i.title);
                let room = w.saturating_sub(crate::text::display_width(&clock) + 1);
                let line = Line::from(vec![
                    Span::styled(cell(&left, room), th.title),
                    Span::raw(" "),
                    Span::styled(clock, if over { th.warning } else { th.done }),
                ]);
                f.render_widget(Paragraph::new(line), head);
            }
            None => f.render_widget(Paragraph::new(Span::styled(fit(&header, head.width as usize), th.title)), head),
        }

        let (list_area, detail_area) = if compact(body) {
            (body, None)
        } else if body.width >= 100 {
            let [l, r] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body);
            (l, Some(r))
        } else {
            let [l, r] = Layout::vertical([Constraint::Min(8), Constraint::Length(7)]).areas(body);
            (l, Some(r))
        };
        let inner = pane(f, list_area, &t("screen.agenda"), true, sh);
        self.draw_rows(f, inner, sh, running.map(|r| r.item_id));
        if let Some(d) = detail_area {
            let inner = pane(f, d, &t("tui.details"), false, sh);
            let mut lines = self.detail_lines(sh, inner.width as usize);
            // More than the pane holds: say so; Enter shows it all, scrolling.
            if lines.len() > inner.height as usize && inner.height > 0 {
                lines.truncate(inner.height as usize - 1);
                lines.push(Line::styled(fit(&t("agenda.more_in_detail"), inner.width as usize), sh.theme.dim));
            }
            f.render_widget(Paragraph::new(lines), inner);
        }
    }

    fn draw_rows(&self, f: &mut Frame, area: Rect, sh: &Shared, running: Option<i64>) {
        let th = &sh.theme;
        let w = area.width as usize;
        let h = area.height as usize;
        if self.rows.len() <= 1 {
            f.render_widget(Paragraph::new(t("agenda.empty")).style(th.dim), area);
            return;
        }
        let off = self.scroll.window(self.selected, self.rows.len(), h);
        let mut lines = Vec::new();
        for (i, row) in self.rows.iter().enumerate().skip(off).take(h) {
            let sel = i == self.selected;
            let line = match row {
                Row::Section(s) => Line::styled(fit(s, w), th.section),
                Row::Group(s) => Line::styled(fit(&format!(" {s}"), w), th.title),
                Row::Item(item) => {
                    let org = item.org_id.map(|o| sh.org_short(o)).unwrap_or_default();
                    let mins = item.planned_minutes.map(|m| format!("{m}′")).unwrap_or_default();
                    let right = format!(" {:<6}{:>4}", org, mins);
                    let mark = if Some(item.id) == running { "▶" } else { " " };
                    let left = format!("{mark}{:>2}. {}", item.position, item.title);
                    let room = w.saturating_sub(crate::text::display_width(&right));
                    Line::styled(format!("{}{}", cell(&left, room), right), row_style(sel, Style::default(), sh))
                }
                Row::Task(task) => {
                    let late = task.days_late(sh.today);
                    let due = match (task.deadline, late) {
                        (Some(_), Some(n)) => tf("tui.late_short", &[("n", n.to_string())]),
                        (Some(d), None) => format_date(d)[..5].to_string(),
                        _ => String::new(),
                    };
                    let right = format!(" {due:>10}");
                    let left = format!("   • {}", task.title);
                    let room = w.saturating_sub(crate::text::display_width(&right));
                    let base = if late.is_some() { th.warning } else { Style::default() };
                    Line::styled(format!("{}{}", cell(&left, room), right), row_style(sel, base, sh))
                }
                Row::Pending(p) => {
                    let tag = t(&format!("short.{}", p.kind.label_key()));
                    let right = format!(" {:>10}", tf("tui.days", &[("n", p.days_open(sh.today).to_string())]));
                    let left = format!("   ◦ [{tag}] {}", p.text);
                    let room = w.saturating_sub(crate::text::display_width(&right));
                    let base = if p.answer_overdue(sh.today) { th.warning } else { th.blocked };
                    Line::styled(format!("{}{}", cell(&left, room), right), row_style(sel, base, sh))
                }
            };
            lines.push(line);
        }
        f.render_widget(Paragraph::new(lines), area);
    }

    fn detail_lines(&self, sh: &Shared, w: usize) -> Vec<Line<'static>> {
        let th = &sh.theme;
        let mut out = Vec::new();
        // Wrapped at words; nothing is cut in the middle of a syllable.
        let wrap = |text: &str, style: Style, out: &mut Vec<Line<'static>>| {
            for l in crate::text::wrap_to_width(&crate::text::sanitize_for_terminal(text), w.max(1)) {
                out.push(Line::styled(l, style));
            }
        };
        let kv = |k: &str, v: String, out: &mut Vec<Line<'static>>| {
            let label = format!("{}:", t(k));
            let text = crate::text::sanitize_for_terminal(&format!("{label} {v}"));
            for (i, l) in crate::text::wrap_to_width(&text, w.max(1)).into_iter().enumerate() {
                match l.strip_prefix(label.as_str()).filter(|_| i == 0) {
                    Some(rest) => {
                        out.push(Line::from(vec![Span::styled(label.clone(), th.dim), Span::raw(rest.to_string())]))
                    }
                    None => out.push(Line::raw(l)),
                }
            }
        };
        match self.rows.get(self.selected) {
            Some(Row::Item(item)) => {
                wrap(&item.title, th.title, &mut out);
                if let Some(o) = item.org_id.and_then(|o| sh.org(o)) {
                    kv("field.presenter", o.name.clone(), &mut out);
                }
                if let Some(m) = item.planned_minutes {
                    kv("field.minutes", m.to_string(), &mut out);
                }
                if !item.notes.is_empty() {
                    kv("field.notes", item.notes.replace('\n', " "), &mut out);
                }
                if !item.outcome.is_empty() {
                    kv("field.outcome", item.outcome.replace('\n', " "), &mut out);
                }
                let linked: Vec<&Task> =
                    self.linked.iter().filter(|t| t.source.agenda_item_id == Some(item.id)).collect();
                if !linked.is_empty() {
                    out.push(Line::styled(t("detail.conclusions"), th.section));
                    for task in linked {
                        wrap(
                            &format!("• {} {}", sh.org_short(task.lead_org_id), task.title),
                            Style::default(),
                            &mut out,
                        );
                    }
                }
            }
            Some(Row::Task(task)) => {
                wrap(&task.title, th.title, &mut out);
                kv("field.lead", sh.org(task.lead_org_id).map(|o| o.name.clone()).unwrap_or_default(), &mut out);
                kv("field.status", t(&task.status.label_key()), &mut out);
                let mut due = task.deadline.map(format_date).unwrap_or_default();
                if let Some(n) = task.days_late(sh.today) {
                    due = format!("{due} ({})", crate::i18n::tn("task.days_late", n, &[]));
                }
                kv("field.deadline", due, &mut out);
                if !task.place.is_empty() {
                    kv("field.place", task.place.clone(), &mut out);
                }
            }
            Some(Row::Pending(p)) => {
                wrap(&p.text, th.title, &mut out);
                kv("field.kind", t(&p.kind.label_key()), &mut out);
                kv("field.raised_on", format_date(p.raised_on), &mut out);
                let to = p.addressed_org_id.map(|i| sh.org_short(i)).unwrap_or_else(|| p.addressed_to.clone());
                kv("field.addressed_to", to, &mut out);
                if let Some(d) = p.answer_due {
                    kv("field.answer_due", format_date(d), &mut out);
                }
            }
            _ => {}
        }
        out
    }
}

fn subject_of(row: &Row) -> Option<Subject> {
    match row {
        Row::Item(i) => Some(Subject::AgendaItem(i.id)),
        Row::Task(t) => Some(Subject::Task(t.id)),
        Row::Pending(p) => Some(Subject::Pending(p.id)),
        _ => None,
    }
}
