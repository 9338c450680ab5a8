//! Tổng quan, the bloc at a glance: for each organization its open work
//! on time, held up and overdue, its on-time rate and targets over the
//! period, the oldest item waiting for its answer; for the bloc, tasks
//! completed and overdue week by week and the days to the next briefing.
//! The bars are the period report's own figures for the same period.

use super::period::{Category, Period, PeriodReport, ReportTarget};
use crate::domain::{Meeting, PendingItem};
use crate::store::{Result, Store, WeekCounts};
use chrono::{Datelike, Duration, NaiveDate};

/// One organization's line.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgLine {
    pub org_id: i64,
    pub short: String,
    pub name: String,
    /// Open, deadline not passed, not held up.
    pub on_time: u32,
    /// Open, deadline not passed, held up (vướng mắc).
    pub blocked: u32,
    /// Open, deadline passed (held up or not).
    pub overdue: u32,
    /// The period report's on-time rate.
    pub rate: Option<f64>,
    /// The targets furthest behind, at most [`TARGETS_SHOWN`].
    pub targets: Vec<ReportTarget>,
    /// The period's other targets (the period report lists them all).
    pub more_targets: usize,
    pub oldest_pending: Option<PendingItem>,
}

/// Targets shown per organization: the furthest behind; a long history
/// would otherwise push the other organizations off the screen.
pub const TARGETS_SHOWN: usize = 3;

impl OrgLine {
    pub fn open(&self) -> u32 {
        self.on_time + self.blocked + self.overdue
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub period: Period,
    pub label: String,
    pub orgs: Vec<OrgLine>,
    /// Oldest first; the last is the week holding today.
    pub weeks: Vec<WeekCounts>,
    pub next: Option<Meeting>,
    /// Days from today to the next briefing (0: today).
    pub days_to_next: Option<i64>,
}

impl Overview {
    /// "giao ban sau 6 ngày", "giao ban hôm nay", or that none is planned.
    pub fn next_label(&self) -> String {
        use crate::i18n::{t, tf};
        match self.days_to_next {
            Some(0) => t("chart.next_today"),
            Some(n) => tf("chart.next_in", &[("n", n.to_string())]),
            None => t("chart.next_none"),
        }
    }

    /// The overview over `period` as of `today`, with `weeks` weeks of the
    /// bloc's trend.
    pub fn load(store: &Store, period: Period, today: NaiveDate, weeks: usize) -> Result<Overview> {
        let report = PeriodReport::summary(store, period, today)?;
        store.read(|s| {
            let pending = s.oldest_open_pending()?;
            let orgs = report
                .orgs
                .iter()
                .filter(|o| {
                    s.organization(o.org_id).is_ok_and(|x| x.active && x.kind != crate::domain::OrgKind::Office)
                })
                .map(|o| {
                    let open = |c: Category, blocked: bool| {
                        o.tasks.iter().filter(|t| t.category == c && t.blocked == blocked).count() as u32
                    };
                    OrgLine {
                        org_id: o.org_id,
                        short: o.short.clone(),
                        name: o.name.clone(),
                        on_time: open(Category::OpenInTime, false),
                        blocked: open(Category::OpenInTime, true),
                        overdue: o.counts.open_overdue,
                        rate: o.counts.on_time_rate(),
                        targets: behind_first(&o.targets),
                        more_targets: o.targets.len().saturating_sub(TARGETS_SHOWN),
                        oldest_pending: pending.iter().find(|p| p.addressed_org_id == Some(o.org_id)).cloned(),
                    }
                })
                .collect();
            let monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
            let spans: Vec<(NaiveDate, NaiveDate)> = (0..weeks.max(1) as i64)
                .rev()
                .map(|k| {
                    let from = monday - Duration::weeks(k);
                    (from, (from + Duration::days(6)).min(today))
                })
                .collect();
            let next = s.next_meeting(today)?;
            let days_to_next = next.as_ref().map(|m| (m.starts_at.date() - today).num_days().max(0));
            Ok(Overview {
                period,
                label: report.period_label.clone(),
                orgs,
                weeks: s.weekly_counts(&spans)?,
                next,
                days_to_next,
            })
        })
    }
}

/// The targets furthest behind first (lowest share reached), at most
/// [`TARGETS_SHOWN`]; ties keep the report's order.
fn behind_first(targets: &[ReportTarget]) -> Vec<ReportTarget> {
    let share = |g: &ReportTarget| crate::text::percent(g.actual, g.target).unwrap_or(0.0);
    let mut v = targets.to_vec();
    v.sort_by(|a, b| share(a).partial_cmp(&share(b)).unwrap_or(std::cmp::Ordering::Equal));
    v.truncate(TARGETS_SHOWN);
    v
}
