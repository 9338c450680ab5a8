//! `giaoban status --chart`: the bars of Tổng quan in characters — block
//! characters on a terminal, ASCII through a pipe or with `--ascii`.

use super::args::StatusArgs;
use super::{CliError, CliResult, Ctx};
use crate::i18n::{t, tf};
use crate::ops::overview::Overview;
use crate::ops::period::Period;
use crate::report::chart::{self, Glyphs};
use crate::text::{pad_to_width, sanitize_for_terminal as clean};
use std::io::IsTerminal;

/// Weeks of the bloc's trend.
const WEEKS: usize = 12;

pub fn status_chart(ctx: &Ctx, a: &StatusArgs) -> CliResult {
    let period = match &a.period {
        Some(p) => Period::parse(p).ok_or_else(|| CliError::Usage(tf("export.bad_period", &[("input", p.clone())])))?,
        None => Period::Month,
    };
    let ascii = a.ascii || !std::io::stdout().is_terminal();
    let g: &Glyphs = if ascii { &chart::ASCII } else { &chart::BLOCKS };
    let ov = Overview::load(&ctx.store, period, ctx.today, WEEKS)?;
    let only = a.org.as_deref().map(|o| ctx.resolve_org(o)).transpose()?;
    print!("{}", render(&ov, only.map(|o| o.id), g, ctx.style.width.max(60)));
    Ok(())
}

/// The chart as text, `width` columns at most.
pub fn render(ov: &Overview, only: Option<i64>, g: &Glyphs, width: usize) -> String {
    let mut out = String::new();
    out.push_str(&clean(&tf("chart.title", &[("period", ov.label.clone()), ("next", ov.next_label())])));
    out.push('\n');
    out.push_str(&tf(
        "chart.legend",
        &[("on_time", g.on_time.to_string()), ("blocked", g.blocked.to_string()), ("overdue", g.overdue.to_string())],
    ));
    out.push('\n');
    let lines: Vec<_> = ov.orgs.iter().filter(|o| only.is_none_or(|id| id == o.org_id)).collect();
    let max = lines.iter().map(|o| o.open()).max().unwrap_or(0);
    let label_w = lines.iter().map(|o| crate::text::display_width(&o.short)).max().unwrap_or(4).max(4);
    // Name, bar, the three counts, the rate.
    let bar_w = width.saturating_sub(label_w + 2 + 14 + 8).clamp(10, 40);
    for o in &lines {
        let bar = chart::bar([o.on_time, o.blocked, o.overdue], max, bar_w, g);
        let counts = format!("{} · {} · {}", o.on_time, o.blocked, o.overdue);
        let rate = crate::report::period::rate(o.rate);
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            pad_to_width(&clean(&o.short), label_w),
            pad_to_width(&bar, bar_w),
            pad_to_width(&counts, 12),
            rate
        ));
    }
    let done: Vec<u32> = ov.weeks.iter().map(|w| w.completed).collect();
    let late: Vec<u32> = ov.weeks.iter().map(|w| w.overdue).collect();
    let labels = [tf("chart.completed", &[("n", ov.weeks.len().to_string())]), t("chart.overdue")];
    let w = labels.iter().map(|l| crate::text::display_width(l)).max().unwrap_or(0);
    for (label, values) in labels.iter().zip([&done, &late]) {
        let now = tf("chart.now", &[("n", values.last().copied().unwrap_or(0).to_string())]);
        out.push_str(&format!("{}  {}  {now}\n", pad_to_width(label, w), chart::sparkline(values, g)));
    }
    out
}
