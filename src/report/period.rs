//! The period report in Markdown: the summary table, then each
//! organization's tasks by category, its targets and its pending items.

use crate::ops::period::{Category, PeriodReport};
use crate::text::{format_date, format_decimal};
use std::fmt::Write;

fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "/")
}

/// "87,5%" (Vietnamese decimal comma), or "—" when nothing came due.
pub fn rate(r: Option<f64>) -> String {
    r.map(|r| crate::text::format_percent(r * 100.0)).unwrap_or_else(|| "—".into())
}

pub fn to_markdown(r: &PeriodReport, label: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", label("report.title").replace("{period}", &r.period_label));
    let _ = writeln!(out, "**{}**\n", cell(&r.bloc));
    let _ = writeln!(
        out,
        "{}\n",
        label("report.dates").replace("{from}", &format_date(r.from)).replace("{to}", &format_date(r.to))
    );
    let cats: Vec<String> = Category::ALL.iter().map(|c| label(c.key())).collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |",
        label("report.col.org"),
        cats.join(" | "),
        label("report.col.total"),
        label("report.col.rate"),
        label("report.col.pending_raised"),
        label("report.col.pending_answered"),
        label("report.col.pending_open")
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut total = crate::ops::period::Counts::default();
    let (mut raised, mut answered, mut open) = (0, 0, 0);
    for o in &r.orgs {
        let c = &o.counts;
        for cat in Category::ALL {
            for _ in 0..c.get(cat) {
                total.add(cat);
            }
        }
        raised += o.pending.raised;
        answered += o.pending.answered;
        open += o.pending.open;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&o.name),
            c.on_time,
            c.late,
            c.open_in_time,
            c.open_overdue,
            c.total(),
            rate(c.on_time_rate()),
            o.pending.raised,
            o.pending.answered,
            o.pending.open
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | **{}** | **{}** | **{}** | **{}** | **{}** | **{raised}** | **{answered}** | **{open}** |\n",
        label("report.col.total"),
        total.on_time,
        total.late,
        total.open_in_time,
        total.open_overdue,
        total.total(),
        rate(total.on_time_rate())
    );
    let _ = writeln!(out, "{}\n", label("report.rate_note"));
    for o in &r.orgs {
        let _ = writeln!(out, "## {}\n", cell(&o.name));
        if o.tasks.is_empty() {
            let _ = writeln!(out, "{}\n", label("report.no_tasks"));
        }
        for cat in Category::ALL {
            let tasks: Vec<_> = o.tasks.iter().filter(|t| t.category == cat).collect();
            if tasks.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {} ({})\n", label(cat.key()), tasks.len());
            for t in tasks {
                let due = t.deadline.map(format_date).unwrap_or_else(|| "—".into());
                let done = t.completed_on.map(|d| format!("; {} {}", label("report.col.completed"), format_date(d)));
                let with = if t.with.is_empty() {
                    String::new()
                } else {
                    format!("; {} {}", label("report.col.with"), t.with)
                };
                let _ = writeln!(
                    out,
                    "- #{} {} ({} {due}{}{with})",
                    t.id,
                    cell(&t.title),
                    label("report.col.deadline"),
                    done.unwrap_or_default()
                );
            }
            out.push('\n');
        }
        if !o.targets.is_empty() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|",
                label("report.col.indicator"),
                label("report.col.unit"),
                label("report.col.target"),
                label("report.col.actual"),
                label("report.col.percent")
            );
            for g in &o.targets {
                let pct = crate::text::percent(g.actual, g.target).map(crate::text::format_percent).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {pct} |",
                    cell(&g.indicator),
                    cell(&g.unit),
                    format_decimal(g.target, 2),
                    format_decimal(g.actual, 2)
                );
            }
            out.push('\n');
        }
    }
    out
}
