//! Read-only commands.

use super::args::{AgendaArgs, JsonArg, PendingArgs, SearchArgs, StatusArgs, TasksArgs};
use super::json::{self, Names};
use super::output::{Align, Table};
use super::{print_json, CliError, CliResult, Ctx};
use crate::domain::{Meeting, TaskKind};
use crate::i18n::{t, tf};
use crate::store::{SearchKind, TaskFilter};
use crate::text::{format_date, format_datetime, format_long_date, format_time, week_label};
use serde::Serialize;

/// The bloc and today, on one line when it fits the width, else on two.
fn header_lines(ctx: &Ctx) -> CliResult<String> {
    let s = ctx.store.settings()?;
    let lang = crate::i18n::lang();
    let date = format!("{} · {}", format_long_date(ctx.today, lang), week_label(ctx.today, lang));
    let name = crate::text::sanitize_for_terminal(&s.bloc_name);
    let one = format!("{name} — {date}");
    Ok(if name.is_empty() {
        date
    } else if crate::text::display_width(&one) <= ctx.style.width {
        one
    } else {
        let name = crate::text::wrap_to_width(&name, ctx.style.width).join("\n");
        format!("{name}\n{date}")
    })
}

#[derive(Serialize)]
struct StatusJson {
    today: String,
    next_meeting: Option<json::MeetingJson>,
    organizations: Vec<OrgStatusJson>,
    pending_open: i64,
    most_overdue: Vec<json::TaskJson>,
}

#[derive(Serialize)]
struct OrgStatusJson {
    code: String,
    name: String,
    open: i64,
    overdue: i64,
    blocked: i64,
    done_this_week: i64,
}

pub fn status(ctx: &Ctx, a: StatusArgs) -> CliResult {
    if a.chart {
        return super::chart::status_chart(ctx, &a);
    }
    let org = a.org.as_deref().map(|o| ctx.resolve_org(o)).transpose()?;
    let report = ctx.store.status_report(ctx.today, org.as_ref().map(|o| o.id))?;
    let names = Names::load(&ctx.store)?;
    if a.json {
        return print_json(&StatusJson {
            today: ctx.today.format("%Y-%m-%d").to_string(),
            next_meeting: report.next_meeting.as_ref().map(|m| json::meeting(m, &names, report.next_meeting_items)),
            organizations: report
                .orgs
                .iter()
                .filter_map(|c| {
                    let o = names.org(c.org_id)?;
                    Some(OrgStatusJson {
                        code: o.code.clone(),
                        name: o.name.clone(),
                        open: c.open,
                        overdue: c.overdue,
                        blocked: c.blocked,
                        done_this_week: c.done_this_week,
                    })
                })
                .collect(),
            pending_open: report.pending_open,
            most_overdue: report.most_overdue.iter().map(|t| json::task(t, &names, ctx.today)).collect(),
        });
    }
    let st = &ctx.style;
    let mut out = String::new();
    for line in header_lines(ctx)?.lines() {
        out.push_str(&st.bold(line));
        out.push('\n');
    }
    out.push('\n');
    match &report.next_meeting {
        Some(m) => {
            let line = format!(
                "{}: {} · {} {} · {} · {}",
                t("status.next_meeting"),
                crate::i18n::meeting_label(m),
                format_long_date(m.starts_at.date(), crate::i18n::lang()),
                format_time(m.starts_at.time()),
                if m.place.is_empty() { "—".to_string() } else { crate::text::sanitize_for_terminal(&m.place) },
                crate::i18n::tn("status.agenda_items", report.next_meeting_items as i64, &[])
            );
            for l in crate::text::wrap_to_width(&line, st.width) {
                out.push_str(&l);
                out.push('\n');
            }
        }
        None => out.push_str(&format!("{}: {}\n", t("status.next_meeting"), t("status.none_planned"))),
    }
    out.push('\n');
    let mut table = Table::new(
        &[t("col.org"), t("col.open"), t("col.overdue"), t("col.blocked"), t("col.done_week")],
        &[Align::Left, Align::Right, Align::Right, Align::Right, Align::Right],
        0,
    );
    for c in &report.orgs {
        let Some(o) = names.org(c.org_id) else {
            continue;
        };
        if !o.active && c.open == 0 {
            continue;
        }
        table.row(
            vec![
                format!("{} {}", crate::text::pad_to_width(&names.short(o.id), 5), o.name),
                c.open.to_string(),
                c.overdue.to_string(),
                c.blocked.to_string(),
                c.done_this_week.to_string(),
            ],
            c.overdue > 0,
        );
    }
    out.push_str(&table.render(st));
    out.push('\n');
    out.push_str(&format!("{}: {}\n", t("status.pending_open"), report.pending_open));
    if !report.most_overdue.is_empty() {
        out.push('\n');
        out.push_str(&st.bold(&t("status.most_overdue")));
        out.push('\n');
        out.push_str(&task_table(ctx, &report.most_overdue, &names).render(st));
    }
    print!("{out}");
    Ok(())
}

fn task_table(ctx: &Ctx, tasks: &[crate::domain::Task], names: &Names) -> Table {
    // A wide terminal gets who does it and the whole place; 80 columns keep
    // the title's room. Titles wrap at words, never cut.
    let wide = ctx.style.width >= 110;
    let mut headers = vec![t("col.id"), t("col.title"), t("col.lead")];
    let mut align = vec![Align::Right, Align::Left, Align::Left];
    if wide {
        headers.push(t("col.person"));
        align.push(Align::Left);
    }
    headers.extend([t("col.status"), t("col.deadline"), t("col.place")]);
    align.extend([Align::Left, Align::Left, Align::Left]);
    let place = headers.len() - 1;
    let mut table = Table::new(&headers, &align, 1).wrap().cap(place, if wide { 32 } else { 14 });
    if wide {
        table = table.cap(3, 22);
    }
    for task in tasks {
        let mut lead = names.short(task.lead_org_id);
        if !task.with_org_ids.is_empty() {
            lead.push('+');
        }
        let deadline = match (task.deadline, task.days_late(ctx.today)) {
            (Some(d), Some(late)) => format!("{} (-{late})", format_date(d)),
            (Some(d), None) => format_date(d),
            (None, _) => "—".into(),
        };
        let mut cells = vec![task.id.to_string(), task.title.clone(), lead];
        if wide {
            let people: Vec<String> = task.person_ids.iter().map(|p| names.person(*p)).collect();
            cells.push(people.join(", "));
        }
        // Short status words leave the title room in 80 columns.
        cells.extend([t(&format!("board.short.{}", task.status.code())), deadline, task.place.clone()]);
        table.row(cells, task.is_overdue(ctx.today));
    }
    table
}

pub fn tasks(ctx: &Ctx, a: TasksArgs) -> CliResult {
    let mut filter =
        TaskFilter { include_finished: a.all, overdue: a.overdue, due_within: a.due_within, ..Default::default() };
    if let Some(o) = &a.org {
        filter.org_id = Some(ctx.resolve_org(o)?.id);
    }
    for s in &a.status {
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let st = super::parse_status(part)?;
            filter.statuses.push(st);
        }
    }
    if let Some(k) = &a.kind {
        filter.kinds.push(parse_kind(k)?);
    }
    if let Some(p) = &a.person {
        filter.person_id = Some(resolve_person(ctx, p)?);
    }
    filter.place = a.place.clone();
    if a.due_within.is_some_and(|d| d < 0) {
        return Err(CliError::Usage(t("err.bad_days")));
    }
    let tasks = ctx.store.tasks(&filter, ctx.today)?;
    let names = Names::load(&ctx.store)?;
    if a.json {
        let list: Vec<_> = tasks.iter().map(|t| json::task(t, &names, ctx.today)).collect();
        return print_json(&list);
    }
    if tasks.is_empty() {
        println!("{}", t("tasks.none"));
        return Ok(());
    }
    print!("{}", task_table(ctx, &tasks, &names).render(&ctx.style));
    println!("{}", ctx.style.dim(&tf("tasks.count", &[("n", tasks.len().to_string())])));
    Ok(())
}

pub(super) fn parse_kind(k: &str) -> CliResult<TaskKind> {
    TaskKind::parse_user(k).ok_or_else(|| {
        CliError::Usage(tf(
            "err.bad_kind",
            &[
                ("input", k.to_string()),
                ("valid", TaskKind::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ")),
            ],
        ))
    })
}

/// A person by accent-insensitive name part; ambiguous or unknown is bad usage.
fn resolve_person(ctx: &Ctx, input: &str) -> CliResult<i64> {
    let people = ctx.store.people()?;
    match crate::domain::resolve_person(&people, input) {
        crate::domain::PersonMatch::One(p) => Ok(p.id),
        other => Err(CliError::Usage(crate::i18n::person_problem(input, &other).unwrap_or_default())),
    }
}

pub fn pending(ctx: &Ctx, a: PendingArgs) -> CliResult {
    let org = a.org.as_deref().map(|o| ctx.resolve_org(o)).transpose()?;
    let items = ctx.store.pending_items(org.map(|o| o.id), a.all)?;
    let names = Names::load(&ctx.store)?;
    if a.json {
        let list: Vec<_> = items.iter().map(|p| json::pending(p, &names, ctx.today)).collect();
        return print_json(&list);
    }
    if items.is_empty() {
        println!("{}", t("pending.none"));
        return Ok(());
    }
    let mut table = Table::new(
        &[
            t("col.id"),
            t("col.kind"),
            t("col.text"),
            t("col.raised_by"),
            t("col.addressed_to"),
            t("col.days_open"),
            t("col.answer_due"),
        ],
        &[Align::Right, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Left],
        2,
    )
    .cap(4, 14);
    for p in &items {
        table.row(
            vec![
                p.id.to_string(),
                t(&format!("short.{}", p.kind.label_key())),
                p.text.clone(),
                p.raised_by_org_id.map(|id| names.short(id)).unwrap_or_default(),
                p.addressed_org_id.map(|id| names.short(id)).unwrap_or_else(|| p.addressed_to.clone()),
                p.days_open(ctx.today).to_string(),
                p.answer_due.map(format_date).unwrap_or_else(|| "—".into()),
            ],
            p.answer_overdue(ctx.today),
        );
    }
    print!("{}", table.render(&ctx.style));
    Ok(())
}

#[derive(Serialize)]
struct AgendaJson {
    meeting: json::MeetingJson,
    items: Vec<json::AgendaItemJson>,
    attendance: Vec<AttendanceJson>,
    carried_over: Vec<json::CarriedJson>,
    conclusions: Vec<json::TaskJson>,
    pending_raised: Vec<json::PendingJson>,
    settled: Vec<serde_json::Value>,
}

/// The record of a briefing that has been held: who came, what each item
/// concluded, the tasks assigned, pending items raised and what was settled.
fn summary_text(sum: &crate::ops::BriefingSummary, names: &Names, ctx: &Ctx) -> String {
    let st = &ctx.style;
    let clean = crate::text::sanitize_for_terminal;
    // Lines are cleaned whole, after assembly: names and text alike.
    let fit = |s: String| crate::text::truncate_to_width(&clean(&s), st.width.max(40));
    let short = |id: i64| clean(&names.short(id));
    let mut out = String::new();
    let section = |out: &mut String, key: &str| {
        out.push('\n');
        out.push_str(&st.bold(&t(key)));
        out.push('\n');
    };
    if !sum.attendance.is_empty() {
        section(&mut out, "detail.attendance");
        for a in &sum.attendance {
            let what = if a.present {
                format!("{} {}", t("detail.present"), clean(&a.attendees))
            } else {
                format!("{} — {}", t("detail.absent"), clean(&a.reason))
            };
            out.push_str(&fit(format!("  {} {}", crate::text::pad_to_width(&short(a.org_id), 9), what.trim())));
            out.push('\n');
        }
    }
    let discussed: Vec<_> = sum.agenda.iter().filter(|i| !i.notes.is_empty() || !i.outcome.is_empty()).collect();
    if !discussed.is_empty() {
        section(&mut out, "agenda.contents");
        for i in discussed {
            out.push_str(&format!("  {}. {}\n", i.position, clean(&i.title)));
            for (key, text) in [("field.notes", &i.notes), ("field.outcome", &i.outcome)] {
                if !text.is_empty() {
                    for l in crate::text::wrap_to_width(&clean(&format!("{}: {}", t(key), text)), st.width.max(40) - 5)
                    {
                        out.push_str(&format!("     {l}\n"));
                    }
                }
            }
        }
    }
    if !sum.conclusions.is_empty() {
        section(&mut out, "detail.conclusions");
        for task in &sum.conclusions {
            let mut who = short(task.lead_org_id);
            for w in &task.with_org_ids {
                who.push_str(&format!("+{}", short(*w)));
            }
            let due = task.deadline.map(format_date).unwrap_or_else(|| "—".into());
            let head = format!("  #{} {who} · {due} · {}: ", task.id, t(&task.status.label_key()));
            out.push_str(&fit(format!("{head}{}", clean(&task.title))));
            out.push('\n');
        }
    }
    if !sum.pending_raised.is_empty() {
        section(&mut out, "detail.pending_raised");
        for p in &sum.pending_raised {
            let by = p.raised_by_org_id.map(&short).unwrap_or_default();
            let by = crate::text::pad_to_width(&by, 9);
            out.push_str(&fit(format!("  {by} #{} {}: {}", p.id, t(&p.status.label_key()), clean(&p.text))));
            out.push('\n');
        }
    }
    if !sum.settled.is_empty() {
        section(&mut out, "detail.settled");
        for x in &sum.settled {
            let line = match x {
                crate::ops::read::Settled::Task { task, change } => {
                    format!("  {:<6} #{} {} — {}", short(task.lead_org_id), task.id, clean(&task.title), clean(change))
                }
                crate::ops::read::Settled::Pending { item } => {
                    let by = item.raised_by_org_id.map(&short).unwrap_or_default();
                    format!("  {by:<6} #{} {} — {}", item.id, clean(&item.text), clean(&item.answer))
                }
            };
            out.push_str(&fit(line));
            out.push('\n');
        }
    }
    out
}

#[derive(Serialize)]
struct AttendanceJson {
    org: String,
    present: bool,
    reason: String,
    attendees: String,
}

/// Finds the briefing `--meeting N` (this year's number N, or N/YYYY) names.
pub(super) fn find_meeting(ctx: &Ctx, spec: &str) -> CliResult<Meeting> {
    let bad = || CliError::Usage(tf("err.bad_meeting", &[("input", spec.to_string())]));
    let (n, year) = match spec.split_once('/') {
        Some((n, y)) => (n.trim().parse::<i64>().map_err(|_| bad())?, y.trim().parse::<i32>().map_err(|_| bad())?),
        None => (spec.trim().parse::<i64>().map_err(|_| bad())?, chrono::Datelike::year(&ctx.today)),
    };
    ctx.store
        .meeting_by_number(year, n)?
        .ok_or_else(|| CliError::Fail(tf("err.no_meeting", &[("number", n.to_string()), ("year", year.to_string())])))
}

pub fn agenda(ctx: &Ctx, a: AgendaArgs) -> CliResult {
    let meeting = match &a.meeting {
        Some(spec) => find_meeting(ctx, spec)?,
        None => match ctx.store.next_meeting(ctx.today)? {
            Some(m) => m,
            None => {
                if a.json {
                    println!("null");
                } else {
                    println!("{}", t("status.none_planned"));
                }
                return Ok(());
            }
        },
    };
    let names = Names::load(&ctx.store)?;
    let sum = crate::ops::BriefingSummary::load(&ctx.store, meeting.id, ctx.today, &names)?;
    let meeting = sum.meeting.clone();
    let (items, attendance, conclusions) = (&sum.agenda, &sum.attendance, &sum.conclusions);
    let (carried_tasks, carried_pending) = (&sum.carried_tasks, &sum.carried_pending);
    if a.json {
        return print_json(&AgendaJson {
            meeting: json::meeting(&meeting, &names, items.len()),
            items: items.iter().map(|i| json::agenda_item(i, &names)).collect(),
            attendance: attendance
                .iter()
                .map(|a| AttendanceJson {
                    org: names.code(a.org_id),
                    present: a.present,
                    reason: a.reason.clone(),
                    attendees: a.attendees.clone(),
                })
                .collect(),
            carried_over: json::carried(carried_tasks, carried_pending, &names, ctx.today),
            pending_raised: sum.pending_raised.iter().map(|p| json::pending(p, &names, ctx.today)).collect(),
            settled: sum
                .settled
                .iter()
                .map(|x| match x {
                    crate::ops::read::Settled::Task { task, change } => {
                        serde_json::json!({"kind": "task", "id": task.id, "title": task.title, "change": change})
                    }
                    crate::ops::read::Settled::Pending { item } => {
                        serde_json::json!({"kind": "pending", "id": item.id, "title": item.text, "answer": item.answer})
                    }
                })
                .collect(),
            conclusions: conclusions.iter().map(|t| json::task(t, &names, ctx.today)).collect(),
        });
    }
    let st = &ctx.style;
    let mut out = String::new();
    out.push_str(&st.bold(&format!(
        "{} · {} · {}",
        crate::i18n::meeting_label(&meeting),
        crate::i18n::meeting_when(&meeting),
        t(&meeting.status.label_key())
    )));
    out.push('\n');
    let clean = crate::text::sanitize_for_terminal;
    let mut line = |key: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!("{}: {}\n", t(key), clean(value)));
        }
    };
    line("field.place", &meeting.place);
    line("field.chair", sum.chair.as_deref().unwrap_or(""));
    line("field.secretary", sum.secretary.as_deref().unwrap_or(""));
    line("field.started_at", &meeting.started_at.map(format_datetime).unwrap_or_default());
    line("field.ends_at", &meeting.ends_at.map(format_datetime).unwrap_or_default());
    out.push('\n');
    let mut table = Table::new(
        &["#".to_string(), t("col.item"), t("col.presenter"), t("col.minutes")],
        &[Align::Right, Align::Left, Align::Left, Align::Right],
        1,
    );
    for i in items {
        table.row(
            vec![
                i.position.to_string(),
                i.title.clone(),
                i.org_id.map(|id| names.short(id)).unwrap_or_default(),
                i.planned_minutes.map(|m| m.to_string()).unwrap_or_default(),
            ],
            false,
        );
    }
    if table.is_empty() {
        out.push_str(&t("agenda.empty"));
        out.push('\n');
    } else {
        out.push_str(&table.render(st));
    }
    if !carried_tasks.is_empty() || !carried_pending.is_empty() {
        out.push('\n');
        out.push_str(&st.bold(&t("agenda.carried_over")));
        out.push('\n');
        for c in json::carried(carried_tasks, carried_pending, &names, ctx.today) {
            let tag = if c.kind == "task" { t("agenda.tag_task") } else { t("agenda.tag_pending") };
            let line = format!(
                "  {:<6} {} #{} {}{}",
                c.lead.unwrap_or_default(),
                tag,
                c.id,
                crate::text::sanitize_for_terminal(&c.title),
                c.deadline
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                    .map(|d| format!(" ({})", format_date(d)))
                    .unwrap_or_default()
            );
            let line = crate::text::truncate_to_width(&line, st.width);
            out.push_str(&if c.overdue { st.warn(&line) } else { line });
            out.push('\n');
        }
    }
    out.push_str(&summary_text(&sum, &names, ctx));
    print!("{out}");
    Ok(())
}

pub fn meetings(ctx: &Ctx, a: JsonArg) -> CliResult {
    let meetings = ctx.store.meetings()?;
    let names = Names::load(&ctx.store)?;
    if a.json {
        let mut list = Vec::new();
        for m in &meetings {
            list.push(json::meeting(m, &names, ctx.store.agenda(m.id)?.len()));
        }
        return print_json(&list);
    }
    let mut table = Table::new(
        &[t("col.number"), t("col.when"), t("col.kind"), t("col.status"), t("col.place")],
        &[Align::Right, Align::Left, Align::Left, Align::Left, Align::Left],
        4,
    );
    for m in &meetings {
        table.row(
            vec![
                format!("{}/{}", m.number, m.year),
                format_datetime(m.starts_at),
                t(&m.kind.label_key()),
                t(&m.status.label_key()),
                m.place.clone(),
            ],
            false,
        );
    }
    if table.is_empty() {
        println!("{}", t("meetings.none"));
    } else {
        print!("{}", table.render(&ctx.style));
    }
    Ok(())
}

#[derive(Serialize)]
struct SearchJson {
    kind: SearchKind,
    id: i64,
    parent_id: Option<i64>,
    label: String,
    text: String,
    open: bool,
}

pub fn search(ctx: &Ctx, a: SearchArgs) -> CliResult {
    let mut kinds = Vec::new();
    for k in &a.kind {
        for part in k.split(',').filter(|p| !p.trim().is_empty()) {
            kinds.push(SearchKind::parse_user(part).ok_or_else(|| {
                CliError::Usage(tf(
                    "err.bad_search_kind",
                    &[
                        ("input", part.to_string()),
                        ("valid", SearchKind::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ")),
                    ],
                ))
            })?);
        }
    }
    let query = a.query.join(" ");
    let hits = ctx.store.search(&query, &kinds, a.limit.max(1))?;
    if a.json {
        let list: Vec<_> = hits
            .iter()
            .map(|h| SearchJson {
                kind: h.kind,
                id: h.id,
                parent_id: h.parent_id,
                label: h.label.clone(),
                text: h.text.clone(),
                open: h.is_open,
            })
            .collect();
        return print_json(&list);
    }
    if hits.is_empty() {
        println!("{}", t("search.none"));
        return Ok(());
    }
    let st = &ctx.style;
    let mut out = String::new();
    for kind in SearchKind::ALL {
        let group: Vec<_> = hits.iter().filter(|h| h.kind == *kind).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&st.bold(&format!("{} ({})", t(&format!("group.{}", kind.label_key())), group.len())));
        out.push('\n');
        for h in group {
            let mut line =
                format!("  #{:<5} {}", h.parent_id.unwrap_or(h.id), crate::text::sanitize_for_terminal(&h.label));
            if h.text != h.label && !h.text.is_empty() {
                line.push_str(" — ");
                line.push_str(&crate::text::sanitize_for_terminal(&h.text));
            }
            let line = crate::text::truncate_to_width(&line, st.width);
            out.push_str(&if h.is_open { line } else { st.dim(&line) });
            out.push('\n');
        }
    }
    print!("{out}");
    Ok(())
}

pub fn people(ctx: &Ctx, a: JsonArg) -> CliResult {
    let people = ctx.store.people()?;
    if a.json {
        return print_json(&people);
    }
    if people.is_empty() {
        println!("{}", t("people.none"));
        return Ok(());
    }
    let names = Names::load(&ctx.store)?;
    let mut table = Table::new(
        &[t("col.name"), t("col.title_job"), t("col.org"), t("col.phone")],
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        1,
    );
    for p in &people {
        table.row(
            vec![
                p.full_name.clone(),
                p.title.clone(),
                p.org_id.map(|o| names.short(o)).unwrap_or_default(),
                p.phone.clone().unwrap_or_default(),
            ],
            false,
        );
    }
    print!("{}", table.render(&ctx.style));
    Ok(())
}

pub fn places(ctx: &Ctx, a: JsonArg) -> CliResult {
    let places = ctx.store.places()?;
    if a.json {
        return print_json(&places);
    }
    for p in places {
        println!("{}", crate::text::sanitize_for_terminal(&p));
    }
    Ok(())
}
