//! Commands that change the database; each is one transaction.

use super::args::{DemoArgs, InitArgs, OrgCommand, SettingsArgs, SettingsCommand, TaskAddArgs, TaskCommand};
use super::json::{self, Names};
use super::output::{hanging, Align, Table};
use super::{print_json, CliError, CliResult, Ctx};
use crate::domain::{OrgKind, Organization, Task, TaskKind};
use crate::i18n::{t, tf};
use crate::ops::{self, Board, Intent};
use crate::text::format_date;

pub fn init(ctx: &mut Ctx, a: InitArgs) -> CliResult {
    let intents: Vec<Intent> = [("bloc_name", &a.name), ("locality", &a.locality), ("level", &a.level)]
        .into_iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| Intent::SetSetting { key: key.into(), value: v.clone() }))
        .collect();
    if !intents.is_empty() {
        let _ = ops::execute_all(&mut ctx.store, intents)?;
    }
    let path = ctx.store.path().map(|p| p.display().to_string()).unwrap_or_default();
    println!("{}", tf("init.done", &[("path", path.clone()), ("n", ctx.store.organizations()?.len().to_string())]));
    if let Some(group) = &a.shared {
        let mode = ctx.store.share_with_group(group, a.group_writes)?;
        let dir = ctx.store.path().and_then(|p| p.parent()).map(|d| d.display().to_string()).unwrap_or_default();
        println!(
            "{}",
            tf("init.shared", &[("path", path), ("group", group.clone()), ("mode", format!("{mode:o}")), ("dir", dir)])
        );
    }
    Ok(())
}

pub fn demo(ctx: &mut Ctx, a: DemoArgs) -> CliResult {
    if let Some(years) = a.years.as_deref() {
        return demo_years(ctx, years, a.seed, a.force);
    }
    let summary = crate::demo::fill(&mut ctx.store, ctx.today, a.force)?;
    println!(
        "{}",
        tf(
            "demo.done",
            &[
                ("meetings", summary.meetings.to_string()),
                ("tasks", summary.tasks.to_string()),
                ("pending", summary.pending.to_string()),
                ("people", summary.people.to_string()),
            ]
        )
    );
    Ok(())
}

/// `demo --years N`: a history of N years, generated in bulk.
fn demo_years(ctx: &mut Ctx, input: &str, seed: Option<u64>, force: bool) -> CliResult {
    use crate::demo::bulk::{fill_years, DEFAULT_SEED, MAX_YEARS};
    let years = input.trim().parse::<u32>().ok().filter(|y| (1..=MAX_YEARS).contains(y)).ok_or_else(|| {
        CliError::Usage(tf("demo.bad_years", &[("input", input.to_string()), ("max", MAX_YEARS.to_string())]))
    })?;
    let s = fill_years(&mut ctx.store, ctx.today, years, seed.unwrap_or(DEFAULT_SEED), force)?;
    println!(
        "{}",
        crate::i18n::tn(
            "demo.years_done",
            years as i64,
            &[
                ("meetings", s.meetings.to_string()),
                ("tasks", s.tasks.to_string()),
                ("notes", s.notes.to_string()),
                ("pending", s.pending.to_string()),
                ("people", s.people.to_string()),
            ]
        )
    );
    Ok(())
}

pub fn task(ctx: &mut Ctx, c: TaskCommand) -> CliResult {
    match c {
        TaskCommand::Add(a) => task_add(ctx, a),
        TaskCommand::Status { id, status, if_version } => {
            let status = super::parse_status(&status)?;
            let _ = ops::execute(&mut ctx.store, Intent::SetTaskStatus { id, status, version: if_version })?;
            println!("{}", tf("task.status_set", &[("id", id.to_string()), ("status", t(&status.label_key()))]));
            Ok(())
        }
        TaskCommand::Due { id, date, if_version } => {
            let deadline = match date.trim() {
                "none" | "-" | "" => None,
                d => Some(ctx.parse_date(d)?),
            };
            let _ = ops::execute(&mut ctx.store, Intent::Reschedule { id, deadline, version: if_version })?;
            println!("{}", tf("edit.rescheduled", &[("id", id.to_string())]));
            Ok(())
        }
        TaskCommand::Delete { id, if_version } => {
            let _ = ops::execute(&mut ctx.store, Intent::DeleteTask { id, version: if_version })?;
            println!("{}", tf("task.deleted", &[("id", id.to_string())]));
            Ok(())
        }
        TaskCommand::Note { id, text } => {
            let _ = ops::execute(&mut ctx.store, Intent::AddNote { task_id: id, on: ctx.today, text })?;
            println!("{}", tf("task.note_added", &[("id", id.to_string())]));
            Ok(())
        }
        TaskCommand::Show { id, json: as_json } => task_show(ctx, id, as_json),
    }
}

fn task_add(ctx: &mut Ctx, a: TaskAddArgs) -> CliResult {
    let lead = ctx.store.resolve_active_organization(&a.org)?;
    let mut with = Vec::new();
    for w in &a.with {
        for part in w.split(',').filter(|p| !p.trim().is_empty()) {
            with.push(ctx.store.resolve_active_organization(part)?.id);
        }
    }
    // The lead is not also its own partner.
    with.retain(|id| *id != lead.id);
    let kind = a.kind.as_deref().map(super::view::parse_kind).transpose()?;
    let mut task = Task::new(&a.title, lead.id, kind.unwrap_or(TaskKind::Specific));
    task.with_org_ids = with;
    task.place = a.place.clone().unwrap_or_default();
    task.description = a.description.clone().unwrap_or_default();
    task.deadline = a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    task.start_date = a.start.as_deref().map(|s| ctx.parse_date(s)).transpose()?;
    let board = if kind == Some(TaskKind::Common) { Board::Common } else { Board::Org(lead.id) };
    let intent = Intent::AddTask { task, board, kind_given: kind.is_some(), first_note: a.note.clone() };
    let id = ops::execute(&mut ctx.store, intent)?.created_id().unwrap_or_default();
    println!("{id}");
    Ok(())
}

fn task_show(ctx: &Ctx, id: i64, as_json: bool) -> CliResult {
    let names = Names::load(&ctx.store)?;
    let detail = crate::ops::TaskDetail::load(&ctx.store, id, &names)?;
    let (task, notes, targets) = (&detail.task, &detail.notes, &detail.targets);
    if as_json {
        #[derive(serde::Serialize)]
        struct Full<'a> {
            #[serde(flatten)]
            task: json::TaskJson,
            version: i64,
            notes: &'a [crate::domain::TaskNote],
            targets: Vec<serde_json::Value>,
            history: Vec<serde_json::Value>,
        }
        let targets = targets
            .iter()
            .map(|g| {
                serde_json::json!({
                    "indicator": g.indicator, "unit": g.unit, "target": g.target_value,
                    "actual": g.actual(), "percent": (g.achieved_percent() * 10.0).round() / 10.0,
                    "values": g.actuals.iter().map(|a| serde_json::json!({
                        "date": a.recorded_on.format("%Y-%m-%d").to_string(), "value": a.value
                    })).collect::<Vec<_>>()
                })
            })
            .collect();
        let history = detail.history.iter().map(|h| serde_json::json!({"at": h.at, "change": h.text})).collect();
        return print_json(&Full {
            task: json::task(task, &names, ctx.today),
            version: task.version,
            notes,
            targets,
            history,
        });
    }
    let st = &ctx.style;
    let clean = crate::text::sanitize_for_terminal;
    let w = st.width;
    let mut out = String::new();
    for line in hanging(&format!("#{} ", task.id), &clean(&task.title), w).lines() {
        out.push_str(&st.bold(line));
        out.push('\n');
    }
    let mut field = |k: &str, v: String| {
        if !v.is_empty() {
            out.push_str(&hanging(&format!("{} ", crate::text::pad_to_width(&t(k), 18)), &clean(&v), w));
        }
    };
    field("field.kind", t(&task.kind.label_key()));
    field("field.status", t(&task.status.label_key()));
    let lead = names.org(task.lead_org_id).map(|o| o.name.clone()).unwrap_or_default();
    field("field.lead", lead);
    field("field.with", task.with_org_ids.iter().map(|i| names.short(*i)).collect::<Vec<_>>().join(", "));
    field("field.people", task.person_ids.iter().map(|i| names.person(*i)).collect::<Vec<_>>().join(", "));
    field("field.place", task.place.clone());
    field("field.start", task.start_date.map(format_date).unwrap_or_default());
    let mut due = task.deadline.map(format_date).unwrap_or_default();
    if let Some(late) = task.days_late(ctx.today) {
        due = format!("{due} ({})", crate::i18n::tn("task.days_late", late, &[]));
    }
    field("field.deadline", due);
    field("field.completed", task.completed_on.map(format_date).unwrap_or_default());
    field("field.source", task.source.doc_number.clone());
    field("field.meeting", detail.meeting.as_ref().map(crate::i18n::meeting_label).unwrap_or_default());
    field("task.version", task.version.to_string());
    if !task.description.is_empty() {
        out.push('\n');
        out.push_str(&hanging("", &clean(&task.description), w));
    }
    if !targets.is_empty() {
        out.push_str(&format!("\n{}\n", st.bold(&t("detail.targets"))));
        for g in targets {
            let line = format!(
                "{}: {} / {} {} ({})",
                clean(&g.indicator),
                crate::text::format_decimal(g.actual(), 2),
                crate::text::format_decimal(g.target_value, 2),
                clean(&g.unit),
                crate::text::format_percent(g.achieved_percent())
            );
            out.push_str(&hanging("  ", &line, w));
            for a in &g.actuals {
                let value = format!("{} {}", crate::text::format_decimal(a.value, 2), clean(&g.unit));
                out.push_str(&hanging(&format!("    {}  ", format_date(a.recorded_on)), &value, w));
            }
        }
    }
    if !notes.is_empty() {
        out.push_str(&format!("\n{}\n", st.bold(&t("detail.notes"))));
        for n in notes {
            out.push_str(&hanging(&format!("  {}  ", format_date(n.noted_on)), &clean(&n.text), w));
        }
    }
    if !detail.history.is_empty() {
        out.push_str(&format!("\n{}\n", st.bold(&t("detail.history"))));
        for h in &detail.history {
            out.push_str(&hanging(&format!("  {}  ", h.at), &clean(&h.text), w));
        }
    }
    print!("{out}");
    Ok(())
}

pub fn org(ctx: &mut Ctx, c: OrgCommand) -> CliResult {
    match c {
        OrgCommand::List(a) => {
            let mut orgs = ctx.store.organizations()?;
            if a.alpha {
                orgs.sort_by_cached_key(|x| crate::text::collation_key(&x.name));
            }
            if a.json {
                return print_json(&orgs);
            }
            let mut table = Table::new(
                &[t("col.code"), t("col.name"), t("col.short"), t("col.active")],
                &[Align::Left, Align::Left, Align::Left, Align::Left],
                1,
            );
            for o in &orgs {
                table.row(
                    vec![
                        o.code.clone(),
                        o.name.clone(),
                        o.short_name.clone(),
                        if o.active { t("yes") } else { t("no") },
                    ],
                    false,
                );
            }
            print!("{}", table.render(&ctx.style));
            Ok(())
        }
        OrgCommand::Add { code, name, short } => {
            let org = Organization::new(&code, &name, short.as_deref().unwrap_or(""), OrgKind::Member);
            let _ = ops::execute(&mut ctx.store, Intent::AddOrg(org))?;
            println!("{}", tf("org.added", &[("code", code.trim().to_ascii_uppercase())]));
            Ok(())
        }
        OrgCommand::Rename { org, name, short } => {
            let mut o = ctx.resolve_org(&org)?;
            o.name = name;
            if let Some(s) = short {
                o.short_name = s;
            }
            let code = o.code.clone();
            let _ = ops::execute(&mut ctx.store, Intent::EditOrg(o))?;
            println!("{}", tf("org.renamed", &[("code", code)]));
            Ok(())
        }
        OrgCommand::Deactivate { org } => set_active(ctx, &org, false),
        OrgCommand::Activate { org } => set_active(ctx, &org, true),
        OrgCommand::Delete { org } => {
            let o = ctx.resolve_org(&org)?;
            let _ = ops::execute(&mut ctx.store, Intent::DeleteOrg { id: o.id, version: Some(o.version) })?;
            println!("{}", tf("org.deleted", &[("code", o.code)]));
            Ok(())
        }
    }
}

fn set_active(ctx: &mut Ctx, org: &str, active: bool) -> CliResult {
    let mut o = ctx.resolve_org(org)?;
    o.active = active;
    let code = o.code.clone();
    let _ = ops::execute(&mut ctx.store, Intent::EditOrg(o))?;
    println!("{}", tf(if active { "org.activated" } else { "org.deactivated" }, &[("code", code)]));
    Ok(())
}

pub fn settings(ctx: &mut Ctx, a: SettingsArgs) -> CliResult {
    if let Some(SettingsCommand::Set { key, value }) = a.command {
        let _ = ops::execute(&mut ctx.store, Intent::SetSetting { key, value })?;
    }
    let s = ctx.store.settings()?;
    for key in crate::domain::Settings::KEYS {
        println!("{:<13} {}", key, crate::text::sanitize_for_terminal(s.get(key).unwrap_or("")));
    }
    Ok(())
}

pub fn undo(ctx: &mut Ctx) -> CliResult {
    let tables = ops::execute(&mut ctx.store, Intent::Undo { scope: crate::store::UndoScope::Account })?.undone;
    let mut what: Vec<String> = tables.iter().map(|tb| t(&format!("table.{tb}"))).collect();
    what.dedup();
    println!("{}", tf("undo.done", &[("what", what.join(", "))]));
    Ok(())
}

pub fn backup(ctx: &Ctx, dir: Option<std::path::PathBuf>) -> CliResult {
    let beside = ctx.store.path().and_then(|p| p.parent()).filter(|d| !d.as_os_str().is_empty());
    let dir = dir.or_else(|| beside.map(|d| d.to_path_buf())).unwrap_or_else(|| std::path::PathBuf::from("."));
    let target = ctx.store.backup_to(&dir, "manual")?;
    println!("{}", tf("backup.done", &[("path", target.display().to_string())]));
    Ok(())
}

pub fn doctor(ctx: &mut Ctx, repair: bool) -> CliResult {
    let findings = ctx.store.doctor(repair)?;
    for f in &findings {
        let mark = if f.ok { "✓" } else { "✗" };
        let line = format!("{mark} {}", crate::text::sanitize_for_terminal(&f.text));
        println!("{}", if f.ok { line } else { ctx.style.warn(&line) });
    }
    let problems = findings.iter().filter(|f| !f.ok).count();
    if problems > 0 {
        return Err(CliError::Fail(tf("doctor.problems", &[("n", problems.to_string())])));
    }
    Ok(())
}
