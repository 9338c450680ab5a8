//! The detail pane: everything about one task, pending item, briefing,
//! agenda item or person, scrolling when long.

use super::{popup_area, popup_block, Shared};
use crate::i18n::t;
use crate::store::{Store, StoreError};
use crate::text::{format_date, format_datetime, format_decimal, format_percent, sanitize_for_terminal, wrap_to_width};
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Task(i64),
    Pending(i64),
    Meeting(i64),
    AgendaItem(i64),
    Person(i64),
}

/// Which part of the theme a line uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Normal,
    Title,
    Section,
    Label,
    Warning,
    Dim,
}

pub struct Detail {
    pub subject: Subject,
    pub title: String,
    /// Logical lines (label, text, tone); wrapped to the popup's width when drawn.
    pub lines: Vec<(String, String, Tone)>,
    scroll: usize,
    max_scroll: Cell<usize>,
}

impl Detail {
    pub fn open(subject: Subject, store: &Store, sh: &Shared) -> Result<Detail, StoreError> {
        let mut d = Detail { subject, title: String::new(), lines: Vec::new(), scroll: 0, max_scroll: Cell::new(0) };
        d.reload(store, sh)?;
        Ok(d)
    }

    pub fn reload(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let mut b = Builder::default();
        match self.subject {
            Subject::Task(id) => {
                let task = store.task(id)?;
                self.title = format!("#{} {}", task.id, task.title);
                b.text(&task.title, Tone::Title);
                b.field("field.kind", t(&task.kind.label_key()));
                let mut status = t(&task.status.label_key());
                if let Some(late) = task.days_late(sh.today) {
                    status = format!("{status} · {}", crate::i18n::tn("task.days_late", late, &[]));
                }
                b.field_tone(
                    "field.status",
                    status,
                    if task.is_overdue(sh.today) { Tone::Warning } else { Tone::Normal },
                );
                b.field("field.lead", sh.org(task.lead_org_id).map(|o| o.name.clone()).unwrap_or_default());
                b.field(
                    "field.with",
                    task.with_org_ids.iter().map(|i| sh.org_short(*i)).collect::<Vec<_>>().join(", "),
                );
                b.field(
                    "field.people",
                    task.person_ids.iter().map(|i| sh.person_name(*i)).collect::<Vec<_>>().join(", "),
                );
                b.field("field.place", task.place.clone());
                b.field("field.start", task.start_date.map(format_date).unwrap_or_default());
                b.field("field.deadline", task.deadline.map(format_date).unwrap_or_default());
                b.field("field.completed", task.completed_on.map(format_date).unwrap_or_default());
                let mut source = task.source.doc_number.clone();
                if let Some(d) = task.source.doc_date {
                    source = format!("{source} ({})", format_date(d));
                }
                if let Some(mid) = task.source.meeting_id {
                    if let Ok(m) = store.meeting(mid) {
                        let label = crate::i18n::meeting_label(&m);
                        source = format!("{source} {label}, {}", format_date(m.starts_at.date())).trim().to_string();
                    }
                }
                b.field("field.source", source);
                if !task.description.is_empty() {
                    b.blank();
                    b.text(&task.description, Tone::Normal);
                }
                let targets = store.targets(id)?;
                if !targets.is_empty() {
                    b.section("detail.targets");
                    for g in &targets {
                        b.text(
                            &format!(
                                "{}: {} / {} {} ({})",
                                g.indicator,
                                format_decimal(g.actual(), 2),
                                format_decimal(g.target_value, 2),
                                g.unit,
                                format_percent(g.achieved_percent())
                            ),
                            Tone::Normal,
                        );
                        // Every dated value, newest first: the history of the figure.
                        for a in g.actuals.iter().rev() {
                            b.pair(
                                &format!("  {}", format_date(a.recorded_on)),
                                &format!("{} {}", format_decimal(a.value, 2), g.unit),
                                Tone::Dim,
                            );
                        }
                    }
                }
                let notes = store.task_notes(id)?;
                if !notes.is_empty() {
                    b.section("detail.notes");
                    for n in notes.iter().rev() {
                        b.dated(&format_date(n.noted_on), &n.text);
                    }
                }
                b.history(store, "tasks", id)?;
            }
            Subject::Pending(id) => {
                let p = store.pending_item(id)?;
                self.title = format!("#{} {}", p.id, t(&p.kind.label_key()));
                b.text(&p.text, Tone::Title);
                b.field("field.kind", t(&p.kind.label_key()));
                b.field("field.status", t(&p.status.label_key()));
                b.field("field.raised_by", p.raised_by_org_id.map(|i| sh.org_short(i)).unwrap_or_default());
                let to = p.addressed_org_id.map(|i| sh.org_short(i)).unwrap_or_else(|| p.addressed_to.clone());
                b.field("field.addressed_to", to);
                b.field("field.raised_on", format_date(p.raised_on));
                b.field("field.days_open", p.days_open(sh.today).to_string());
                b.field_tone(
                    "field.answer_due",
                    p.answer_due.map(format_date).unwrap_or_default(),
                    if p.answer_overdue(sh.today) { Tone::Warning } else { Tone::Normal },
                );
                if !p.answer.is_empty() {
                    b.section("field.answer");
                    b.dated(&p.answered_on.map(format_date).unwrap_or_default(), &p.answer);
                }
                b.history(store, "pending_items", id)?;
            }
            Subject::Meeting(id) => {
                let names = crate::ops::Names::load(store)?;
                let sum = crate::ops::BriefingSummary::load(store, id, sh.today, &names)?;
                let m = &sum.meeting;
                self.title = crate::i18n::meeting_label(m);
                b.text(&format!("{} · {}", t(&m.kind.label_key()), crate::i18n::meeting_when(m)), Tone::Title);
                b.field("field.status", t(&m.status.label_key()));
                b.field("field.place", m.place.clone());
                b.field("field.chair", sum.chair.clone().unwrap_or_default());
                b.field("field.secretary", sum.secretary.clone().unwrap_or_default());
                b.field("field.started_at", m.started_at.map(format_datetime).unwrap_or_default());
                b.field("field.ends_at", m.ends_at.map(format_datetime).unwrap_or_default());
                if !sum.attendance.is_empty() {
                    b.section("detail.attendance");
                    for a in &sum.attendance {
                        let what = if a.present {
                            format!("{} {}", t("detail.present"), a.attendees)
                        } else {
                            format!("{} — {}", t("detail.absent"), a.reason)
                        };
                        b.pair(
                            &names.short(a.org_id),
                            what.trim(),
                            if a.present { Tone::Normal } else { Tone::Warning },
                        );
                    }
                }
                b.section("detail.agenda");
                for i in &sum.agenda {
                    let org = i.org_id.map(|o| format!(" ({})", names.short(o))).unwrap_or_default();
                    b.text(&format!("{}. {}{}", i.position, i.title, org), Tone::Normal);
                    for (key, text) in [("field.notes", &i.notes), ("field.outcome", &i.outcome)] {
                        if !text.is_empty() {
                            b.text(&format!("   {}: {text}", t(key)), Tone::Dim);
                        }
                    }
                }
                if !m.notes.is_empty() {
                    b.section("field.notes");
                    b.text(&m.notes, Tone::Normal);
                }
                if !sum.pending_raised.is_empty() {
                    b.section("detail.pending_raised");
                    for p in &sum.pending_raised {
                        let by = p.raised_by_org_id.map(|o| names.short(o)).unwrap_or_default();
                        b.pair(&by, &format!("{} · {}", p.text, t(&p.status.label_key())), Tone::Normal);
                    }
                }
                if !sum.settled.is_empty() {
                    b.section("detail.settled");
                    for x in &sum.settled {
                        match x {
                            crate::ops::read::Settled::Task { task, change } => b.pair(
                                &names.short(task.lead_org_id),
                                &format!("#{} {} — {change}", task.id, task.title),
                                Tone::Normal,
                            ),
                            crate::ops::read::Settled::Pending { item } => {
                                let by = item.raised_by_org_id.map(|o| names.short(o)).unwrap_or_default();
                                b.pair(&by, &format!("{} — {}", item.text, item.answer), Tone::Normal)
                            }
                        }
                    }
                }
                if !sum.conclusions.is_empty() {
                    b.section("detail.conclusions");
                    for task in &sum.conclusions {
                        let due = task.deadline.map(format_date).unwrap_or_default();
                        b.pair(
                            &names.short(task.lead_org_id),
                            &format!("{} · {} · {}", task.title, due, t(&task.status.label_key())),
                            if task.is_overdue(sh.today) { Tone::Warning } else { Tone::Normal },
                        );
                    }
                }
            }
            Subject::AgendaItem(id) => {
                let i = store.agenda_item(id)?;
                self.title = i.title.clone();
                b.text(&i.title, Tone::Title);
                b.field("field.presenter", i.org_id.map(|o| sh.org_short(o)).unwrap_or_default());
                b.field("field.minutes", i.planned_minutes.map(|m| m.to_string()).unwrap_or_default());
                if !i.notes.is_empty() {
                    b.section("field.notes");
                    b.text(&i.notes, Tone::Normal);
                }
                if !i.outcome.is_empty() {
                    b.section("field.outcome");
                    b.text(&i.outcome, Tone::Normal);
                }
                let tasks = store.tasks(
                    &crate::store::TaskFilter {
                        meeting_id: Some(i.meeting_id),
                        include_finished: true,
                        ..Default::default()
                    },
                    sh.today,
                )?;
                let linked: Vec<_> = tasks.iter().filter(|t| t.source.agenda_item_id == Some(id)).collect();
                if !linked.is_empty() {
                    b.section("detail.conclusions");
                    for task in linked {
                        b.pair(&sh.org_short(task.lead_org_id), &task.title, Tone::Normal);
                    }
                }
            }
            Subject::Person(id) => {
                let p = store.person(id)?;
                self.title = p.full_name.clone();
                b.text(&p.full_name, Tone::Title);
                b.field("field.title", p.title.clone());
                b.field(
                    "field.org",
                    p.org_id.map(|o| sh.org(o).map(|o| o.name.clone()).unwrap_or_default()).unwrap_or_default(),
                );
                b.field("field.phone", p.phone.clone().unwrap_or_default());
                b.field("field.roles", p.roles.join(", "));
            }
        }
        self.lines = b.lines;
        Ok(())
    }

    pub fn scroll(&mut self, action: Action) {
        let max = self.max_scroll.get();
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll + 10,
            Action::First => 0,
            Action::Last => max,
            _ => self.scroll,
        }
        .min(max);
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let outer = popup_area(area, 100, area.height);
        let inner = popup_block(f, outer, &self.title, sh);
        let width = inner.width.saturating_sub(1) as usize;
        let th = &sh.theme;
        let label_w = self
            .lines
            .iter()
            .filter(|(l, _, _)| !l.is_empty())
            .map(|(l, _, _)| crate::text::display_width(l))
            .max()
            .unwrap_or(0)
            .min(18);
        let mut out: Vec<Line> = Vec::new();
        for (label, text, tone) in &self.lines {
            let style = match tone {
                Tone::Normal => Style::default(),
                Tone::Title => th.title,
                Tone::Section => th.section,
                Tone::Label => th.dim,
                Tone::Warning => th.warning,
                Tone::Dim => th.dim,
            };
            if label.is_empty() {
                if text.is_empty() {
                    out.push(Line::raw(""));
                    continue;
                }
                for l in wrap_to_width(&sanitize_for_terminal_keep_lines(text), width) {
                    out.push(Line::styled(l, style));
                }
            } else {
                let room = width.saturating_sub(label_w + 1).max(10);
                for (n, l) in wrap_to_width(&sanitize_for_terminal_keep_lines(text), room).into_iter().enumerate() {
                    let lab = if n == 0 { super::cell(label, label_w) } else { " ".repeat(label_w) };
                    out.push(Line::from(vec![Span::styled(lab, th.dim), Span::raw(" "), Span::styled(l, style)]));
                }
            }
        }
        let height = inner.height as usize;
        self.max_scroll.set(out.len().saturating_sub(height));
        let scroll = self.scroll.min(self.max_scroll.get());
        let visible: Vec<Line> = out.into_iter().skip(scroll).take(height).collect();
        f.render_widget(Paragraph::new(visible), inner);
    }
}

/// Keeps line breaks of multi-line text, cleaning each line.
fn sanitize_for_terminal_keep_lines(s: &str) -> String {
    s.lines().map(sanitize_for_terminal).collect::<Vec<_>>().join("\n")
}

#[derive(Default)]
struct Builder {
    lines: Vec<(String, String, Tone)>,
}

impl Builder {
    fn text(&mut self, s: &str, tone: Tone) {
        self.lines.push((String::new(), s.to_string(), tone));
    }
    fn blank(&mut self) {
        self.lines.push((String::new(), String::new(), Tone::Normal));
    }
    fn section(&mut self, key: &str) {
        self.blank();
        self.lines.push((String::new(), t(key), Tone::Section));
    }
    fn field(&mut self, key: &str, value: String) {
        self.field_tone(key, value, Tone::Normal);
    }
    fn field_tone(&mut self, key: &str, value: String, tone: Tone) {
        if !value.trim().is_empty() {
            self.lines.push((t(key), value, tone));
        }
    }
    fn pair(&mut self, label: &str, value: &str, tone: Tone) {
        self.lines.push((label.to_string(), value.to_string(), tone));
    }
    fn dated(&mut self, date: &str, text: &str) {
        self.lines.push((date.to_string(), text.to_string(), Tone::Normal));
    }
    /// The record's history in the user's words (field labels, names, dates).
    fn history(&mut self, store: &Store, tbl: &str, id: i64) -> Result<(), StoreError> {
        let hist = store.history(tbl, id)?;
        if hist.is_empty() {
            return Ok(());
        }
        self.section("detail.history");
        let names = crate::ops::Names::load(store)?;
        for line in crate::ops::read::describe_history(&hist[..hist.len().min(8)], &names) {
            self.lines.push((line.at, line.text, Tone::Dim));
        }
        Ok(())
    }
}
