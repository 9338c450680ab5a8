//! Tổng quan (screen 5): each organization's open work as a bar — on time,
//! held up, overdue, each with its own pattern and its numbers in text, so
//! it reads without colour — its on-time rate over the period, its targets
//! as gauges and the oldest item waiting for its answer; below, the bloc's
//! tasks completed and overdue week by week, as many weeks as fit.

use super::detail::Subject;
use super::{cell, fit, pane, row_style, step, Scroll, Shared};
use crate::i18n::{t, tf};
use crate::ops::overview::Overview;
use crate::ops::period::Period;
use crate::report::chart;
use crate::store::{Store, StoreError};
use crate::tui::keymap::Action;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Weeks loaded for the trend: twelve show at 80 columns, a wide terminal
/// shows up to half a year (what is read grows with the weeks, not the years).
pub const WEEKS: usize = 26;

/// What a row of the screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Org(i64),
    /// The organization's `index`th target, of task `task_id`.
    Target {
        org_id: i64,
        index: usize,
        task_id: i64,
    },
    /// "… and N more targets" under an organization's targets.
    MoreTargets(i64),
    Pending(i64),
}

pub struct OverviewView {
    pub data: Option<Overview>,
    pub period: Period,
    pub selected: usize,
    scroll: Scroll,
}

impl Default for OverviewView {
    fn default() -> Self {
        OverviewView { data: None, period: Period::Month, selected: 0, scroll: Scroll::default() }
    }
}

impl OverviewView {
    pub fn load(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        self.data = Some(Overview::load(store, self.period, sh.today, WEEKS)?);
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
        Ok(())
    }

    /// The next period: week, month, quarter, year, week…
    pub fn next_period(&mut self) {
        self.period = match self.period {
            Period::Week => Period::Month,
            Period::Month => Period::Quarter,
            Period::Quarter => Period::Year,
            _ => Period::Week,
        };
    }

    /// The selectable rows in order: each organization, its targets, its oldest item.
    pub fn rows(&self) -> Vec<RowKind> {
        let mut out = Vec::new();
        for o in self.data.iter().flat_map(|d| d.orgs.iter()) {
            out.push(RowKind::Org(o.org_id));
            out.extend(o.targets.iter().enumerate().map(|(index, g)| RowKind::Target {
                org_id: o.org_id,
                index,
                task_id: g.task_id,
            }));
            if o.more_targets > 0 {
                out.push(RowKind::MoreTargets(o.org_id));
            }
            if let Some(p) = &o.oldest_pending {
                out.push(RowKind::Pending(p.id));
            }
        }
        out
    }

    pub fn selected_row(&self) -> Option<RowKind> {
        self.rows().get(self.selected).copied()
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        match self.selected_row()? {
            RowKind::Target { task_id, .. } => Some(Subject::Task(task_id)),
            RowKind::Pending(id) => Some(Subject::Pending(id)),
            RowKind::Org(_) | RowKind::MoreTargets(_) => None,
        }
    }

    pub fn navigate(&mut self, action: Action) {
        let len = self.rows().len();
        step(&mut self.selected, len, action, 10);
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        let Some(d) = &self.data else { return };
        let title = format!("{} — {} · {}", t("screen.overview"), d.label, d.next_label());
        let inner = pane(f, area, &title, true, sh);
        let w = inner.width as usize;
        let g = &chart::BLOCKS;
        let legend = tf(
            "overview.legend",
            &[
                ("on_time", g.on_time.to_string()),
                ("blocked", g.blocked.to_string()),
                ("overdue", g.overdue.to_string()),
            ],
        );
        let mut lines: Vec<Line> = vec![Line::styled(fit(&legend, w), th.dim)];
        // The trend takes the last two lines.
        let body_h = (inner.height as usize).saturating_sub(3);
        let max = d.orgs.iter().map(|o| o.open()).max().unwrap_or(0);
        let label_w = d.orgs.iter().map(|o| crate::text::display_width(&o.short)).max().unwrap_or(4).clamp(4, 8);
        let tail_w = 12 + 1 + 7;
        let bar_w = w.saturating_sub(label_w + 2 + tail_w + 1).clamp(6, 50);
        let rows = self.rows();
        let mut drawn: Vec<Line> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let sel = i == self.selected;
            let line = match row {
                RowKind::Org(id) => {
                    let Some(o) = d.orgs.iter().find(|o| o.org_id == *id) else { continue };
                    let cells = chart::segments(&[o.on_time, o.blocked, o.overdue], max, bar_w);
                    let mut spans = vec![Span::styled(cell(&o.short, label_w + 2), row_style(sel, th.title, sh))];
                    for (n, (ch, style)) in
                        cells.iter().zip([(g.on_time, th.done), (g.blocked, th.blocked), (g.overdue, th.warning)])
                    {
                        spans.push(Span::styled(ch.to_string().repeat(*n), style));
                    }
                    spans.push(Span::raw(" ".repeat(bar_w - cells.iter().sum::<usize>() + 1)));
                    let counts = format!("{}·{}·{}", o.on_time, o.blocked, o.overdue);
                    let rate = crate::report::period::rate(o.rate);
                    spans.push(Span::styled(
                        format!("{} {}", cell(&counts, 12), cell(&rate, 7)),
                        row_style(sel, Style::default(), sh),
                    ));
                    Line::from(spans)
                }
                RowKind::Target { org_id, index, .. } => {
                    let Some(gauge) = d.orgs.iter().find(|o| o.org_id == *org_id).and_then(|o| o.targets.get(*index))
                    else {
                        continue;
                    };
                    let pct = crate::text::percent(gauge.actual, gauge.target).unwrap_or(0.0);
                    let gw = 10usize;
                    let full = ((pct / 100.0).clamp(0.0, 1.0) * gw as f64).round() as usize;
                    let text = if crate::text::fold(&gauge.unit) == "dong" {
                        let money = |x: f64| crate::text::format_money_short(x.round() as i64);
                        format!("{}/{}", money(gauge.actual), money(gauge.target))
                    } else {
                        let n = |x: f64| crate::text::format_decimal(x, 2);
                        format!("{}/{} {}", n(gauge.actual), n(gauge.target), gauge.unit)
                    };
                    let text_w = crate::text::display_width(&text).min(26);
                    let name_w = w.saturating_sub(label_w + 2 + gw + 1 + 1 + text_w + 1 + 7);
                    Line::from(vec![
                        Span::raw(" ".repeat(label_w + 2)),
                        Span::styled(format!("{}{} ", "■".repeat(full), "□".repeat(gw - full)), th.done),
                        Span::styled(
                            format!(
                                "{} {} {}",
                                cell(&gauge.indicator, name_w),
                                cell(&text, text_w),
                                crate::text::pad_left_to_width(&crate::text::format_percent(pct), 7)
                            ),
                            row_style(sel, th.dim, sh),
                        ),
                    ])
                }
                RowKind::MoreTargets(id) => {
                    let Some(o) = d.orgs.iter().find(|o| o.org_id == *id) else { continue };
                    let text = tf("overview.more_targets", &[("n", o.more_targets.to_string())]);
                    Line::from(vec![
                        Span::raw(" ".repeat(label_w + 2)),
                        Span::styled(fit(&text, w.saturating_sub(label_w + 2)), row_style(sel, th.dim, sh)),
                    ])
                }
                RowKind::Pending(id) => {
                    let Some(p) = d.orgs.iter().filter_map(|o| o.oldest_pending.as_ref()).find(|p| p.id == *id) else {
                        continue;
                    };
                    let days = (sh.today - p.raised_on).num_days().max(0);
                    let text = tf("overview.oldest", &[("n", days.to_string()), ("text", p.text.clone())]);
                    Line::from(vec![
                        Span::raw(" ".repeat(label_w + 2)),
                        Span::styled(fit(&text, w.saturating_sub(label_w + 2)), row_style(sel, th.warning, sh)),
                    ])
                }
            };
            drawn.push(line);
        }
        let off = self.scroll.window(self.selected, drawn.len(), body_h);
        lines.extend(drawn.into_iter().skip(off).take(body_h));
        while lines.len() < body_h + 1 {
            lines.push(Line::raw(""));
        }
        let labels = [t("overview.completed"), t("overview.overdue")];
        let lw = labels.iter().map(|l| crate::text::display_width(l)).max().unwrap_or(0) + 1;
        // Twelve weeks; a wide terminal shows more of them, not bigger marks.
        let tail = 18;
        let room = w.saturating_sub(lw + tail);
        let weeks = if w < 100 { room.min(12) } else { room.min(d.weeks.len()) }.max(1);
        let recent = &d.weeks[d.weeks.len().saturating_sub(weeks)..];
        let done: Vec<u32> = recent.iter().map(|x| x.completed).collect();
        let late: Vec<u32> = recent.iter().map(|x| x.overdue).collect();
        for (label, values, style) in [(&labels[0], &done, th.done), (&labels[1], &late, th.warning)] {
            let now = values.last().copied().unwrap_or(0);
            lines.push(Line::from(vec![
                Span::styled(cell(label, lw), th.dim),
                Span::styled(chart::sparkline(values, g), style),
                Span::raw(format!(
                    " {}",
                    tf("overview.weeks_now", &[("weeks", values.len().to_string()), ("n", now.to_string())])
                )),
            ]));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}
