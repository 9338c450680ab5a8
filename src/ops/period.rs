//! The period report's read model: per organization, its tasks in the four
//! categories of government task-tracking reports, its targets and the
//! pending items addressed to it, over a period.

use chrono::NaiveDate;

/// Where a task stands for a period report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Hoàn thành đúng hạn: completed in the period, on or before its deadline (or without one).
    OnTime,
    /// Hoàn thành quá hạn: completed in the period, after its deadline.
    Late,
    /// Đang thực hiện trong hạn: not completed at the period's end, deadline not passed.
    OpenInTime,
    /// Đang thực hiện quá hạn: not completed at the period's end, deadline passed.
    OpenOverdue,
}

impl Category {
    pub const ALL: [Category; 4] = [Category::OnTime, Category::Late, Category::OpenInTime, Category::OpenOverdue];

    /// The catalog key of its label ("report.cat.on_time").
    pub fn key(self) -> &'static str {
        match self {
            Category::OnTime => "report.cat.on_time",
            Category::Late => "report.cat.late",
            Category::OpenInTime => "report.cat.open_in_time",
            Category::OpenOverdue => "report.cat.open_overdue",
        }
    }
}

/// The four counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub on_time: u32,
    pub late: u32,
    pub open_in_time: u32,
    pub open_overdue: u32,
}

impl Counts {
    pub fn get(&self, c: Category) -> u32 {
        match c {
            Category::OnTime => self.on_time,
            Category::Late => self.late,
            Category::OpenInTime => self.open_in_time,
            Category::OpenOverdue => self.open_overdue,
        }
    }

    pub fn add(&mut self, c: Category) {
        match c {
            Category::OnTime => self.on_time += 1,
            Category::Late => self.late += 1,
            Category::OpenInTime => self.open_in_time += 1,
            Category::OpenOverdue => self.open_overdue += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.on_time + self.late + self.open_in_time + self.open_overdue
    }

    /// Tasks that came due or were completed: on time + late + open overdue.
    pub fn came_due(&self) -> u32 {
        self.on_time + self.late + self.open_overdue
    }

    /// The on-time rate: completed on time over the tasks that came due or
    /// were completed (on time + late + open overdue); none when there were none.
    pub fn on_time_rate(&self) -> Option<f64> {
        let due = self.came_due();
        (due > 0).then(|| self.on_time as f64 / due as f64)
    }
}

/// One task as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTask {
    pub id: i64,
    pub title: String,
    /// Short names of the coordinating organizations, comma-separated.
    pub with: String,
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub category: Category,
    /// Open and marked as held up (vướng mắc).
    pub blocked: bool,
}

/// A target of one of the organization's tasks: the latest value on or
/// before the period's end.
pub use crate::store::PeriodTarget as ReportTarget;

/// Pending items addressed to the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PendingCounts {
    /// Raised during the period.
    pub raised: u32,
    /// Answered or closed during the period.
    pub answered: u32,
    /// Still open at the period's end (whenever raised).
    pub open: u32,
}

/// One organization's part of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgReport {
    pub org_id: i64,
    pub code: String,
    pub name: String,
    pub short: String,
    pub counts: Counts,
    /// Its tasks, by category then deadline.
    pub tasks: Vec<ReportTask>,
    pub targets: Vec<ReportTarget>,
    pub pending: PendingCounts,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    /// The bloc's name, as in the settings.
    pub bloc: String,
    /// "tháng 11/2026", "quý IV/2026", "từ 01/11/2026 đến 30/11/2026".
    pub period_label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the report was made (categories of open tasks are judged on
    /// the earlier of this and `to`).
    pub made_on: NaiveDate,
    pub orgs: Vec<OrgReport>,
}

/// Which stretch of time a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
    Range(NaiveDate, NaiveDate),
}

impl Period {
    pub fn parse(word: &str) -> Option<Period> {
        match crate::text::fold(word.trim()).as_str() {
            "week" | "tuan" => Some(Period::Week),
            "month" | "thang" => Some(Period::Month),
            "quarter" | "quy" => Some(Period::Quarter),
            "year" | "nam" => Some(Period::Year),
            _ => None,
        }
    }

    /// The period's first and last day, for the one that holds `today`.
    pub fn bounds(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        use chrono::{Datelike, Duration};
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
        let (y, m) = (today.year(), today.month());
        let month_end = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            ymd(ny, nm, 1) - Duration::days(1)
        };
        match self {
            Period::Week => {
                let start = today - Duration::days(today.weekday().num_days_from_monday() as i64);
                (start, start + Duration::days(6))
            }
            Period::Month => (ymd(y, m, 1), month_end(y, m)),
            Period::Quarter => {
                let first = (m - 1) / 3 * 3 + 1;
                (ymd(y, first, 1), month_end(y, first + 2))
            }
            Period::Year => (ymd(y, 1, 1), ymd(y, 12, 31)),
            Period::Range(a, b) => (a, b),
        }
    }

    /// "tháng 11/2026", "quý IV/2026", "tuần 49/2026", "năm 2026", or the dates.
    pub fn label(self, today: NaiveDate) -> String {
        use crate::i18n::tf;
        use chrono::Datelike;
        let (from, to) = self.bounds(today);
        let y = from.year().to_string();
        match self {
            Period::Week => tf(
                "report.period.week",
                &[
                    ("n", format!("{:02}", from.iso_week().week())),
                    ("year", from.iso_week().year().to_string()),
                    ("from", crate::text::format_date(from)),
                    ("to", crate::text::format_date(to)),
                ],
            ),
            Period::Month => tf("report.period.month", &[("n", format!("{:02}", from.month())), ("year", y)]),
            Period::Quarter => {
                let q = ["I", "II", "III", "IV"][(from.month0() / 3) as usize];
                tf("report.period.quarter", &[("n", q.to_string()), ("year", y)])
            }
            Period::Year => tf("report.period.year", &[("year", y)]),
            Period::Range(..) => tf(
                "report.period.range",
                &[("from", crate::text::format_date(from)), ("to", crate::text::format_date(to))],
            ),
        }
    }
}

/// Where an open task stands on `on`; where a completed one stands.
pub fn category(deadline: Option<NaiveDate>, completed_on: Option<NaiveDate>, on: NaiveDate) -> Category {
    match (completed_on, deadline) {
        (Some(done), Some(due)) if done > due => Category::Late,
        (Some(_), _) => Category::OnTime,
        (None, Some(due)) if due < on => Category::OpenOverdue,
        (None, _) => Category::OpenInTime,
    }
}

impl PeriodReport {
    /// The report over `period` as of `today`: each task counts once, for
    /// the organization that leads it (chủ trì); open tasks are judged on
    /// the earlier of the period's end and `today`.
    pub fn load(store: &crate::store::Store, period: Period, today: NaiveDate) -> crate::store::Result<PeriodReport> {
        Self::read(store, period, today, true)
    }

    /// The same report with its counts and targets, but its tasks without
    /// titles or partners (what the overview shows): read from an index,
    /// no task row.
    pub fn summary(
        store: &crate::store::Store,
        period: Period,
        today: NaiveDate,
    ) -> crate::store::Result<PeriodReport> {
        Self::read(store, period, today, false)
    }

    fn read(
        store: &crate::store::Store,
        period: Period,
        today: NaiveDate,
        titles: bool,
    ) -> crate::store::Result<PeriodReport> {
        let (from, to) = period.bounds(today);
        let until = to.min(today);
        store.read(|s| {
            let names = super::Names::orgs_only(s)?;
            let settings = s.settings()?;
            let tasks = if titles { s.period_tasks(from, to, until)? } else { s.period_task_facts(from, to, until)? };
            let mut targets: std::collections::HashMap<i64, Vec<crate::store::PeriodTarget>> = Default::default();
            for g in s.period_targets(from, to, until)? {
                targets.entry(g.task_id).or_default().push(g);
            }
            let pending = s.period_pending(from, to, until)?;
            let mut orgs: Vec<OrgReport> = s
                .organizations()?
                .into_iter()
                .filter(|o| o.active || tasks.iter().any(|t| t.lead_org_id == o.id))
                .map(|o| OrgReport {
                    org_id: o.id,
                    short: names.short(o.id),
                    code: o.code,
                    name: o.name,
                    counts: Counts::default(),
                    tasks: Vec::new(),
                    targets: Vec::new(),
                    pending: pending
                        .iter()
                        .find(|p| p.org_id == o.id)
                        .map(|p| PendingCounts { raised: p.raised, answered: p.answered, open: p.open })
                        .unwrap_or_default(),
                })
                .collect();
            for t in &tasks {
                let Some(org) = orgs.iter_mut().find(|o| o.org_id == t.lead_org_id) else { continue };
                let cat = category(t.deadline, t.completed_on, until);
                org.counts.add(cat);
                org.tasks.push(ReportTask {
                    id: t.id,
                    title: t.title.clone(),
                    with: t.with_org_ids.iter().map(|o| names.short(*o)).collect::<Vec<_>>().join(", "),
                    deadline: t.deadline,
                    completed_on: t.completed_on,
                    category: cat,
                    blocked: t.blocked,
                });
                org.targets.extend(targets.remove(&t.id).unwrap_or_default());
            }
            for o in &mut orgs {
                o.tasks.sort_by_key(|t| (t.category, t.deadline.is_none(), t.deadline, t.id));
            }
            Ok(PeriodReport {
                bloc: settings.bloc_name,
                period_label: period.label(today),
                from,
                to,
                made_on: today,
                orgs,
            })
        })
    }
}
