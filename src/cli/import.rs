//! `giaoban import tasks FILE`: a spreadsheet of tasks. The plan is shown
//! (what would be created or changed, every problem by row and column);
//! `--dry-run` stops there, otherwise it is applied as one transaction.

use super::args::ImportTasksArgs;
use super::{CliResult, Ctx};
use crate::exchange::import::{self, Plan, RowAction};
use crate::i18n::{t, tf};
use crate::text::{format_int, sanitize_for_terminal as clean};
use std::io::IsTerminal;

/// Rows at which a terminal gets a progress bar.
const BAR_FROM: usize = 2_000;
/// How many legacy conversions and changes the summary shows.
const SHOWN: usize = 10;

pub fn import_tasks(ctx: &mut Ctx, a: ImportTasksArgs) -> CliResult {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(t("import.reading"));
        bar
    });
    let mut progress = |i: usize, n: usize| {
        if let Some(b) = &bar {
            if i == 1 && n >= BAR_FROM {
                b.set_length(n as u64);
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            if i.is_multiple_of(500) || i == n {
                b.set_position(i as u64);
            }
        }
    };
    let mut plan = import::plan(&ctx.store, &a.file, a.sheet.as_deref(), a.convert_legacy, &mut progress)?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if a.dry_run {
        import::try_plan(&mut ctx.store, &mut plan)?;
        print_plan(&plan, true);
        return Ok(());
    }
    // One pass: the rows the store refuses are found as they are written.
    let spinner = (std::io::stderr().is_terminal() && plan.rows.len() >= BAR_FROM).then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.set_message(t("import.writing"));
        s.enable_steady_tick(std::time::Duration::from_millis(120));
        s
    });
    let applied = import::apply(&mut ctx.store, &mut plan, a.skip_invalid);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    print_plan(&plan, false);
    let _changes = applied?;
    let skipped = if a.skip_invalid { plan.invalid_rows() } else { 0 };
    println!(
        "{}",
        tf(
            "import.done",
            &[
                ("created", format_int(plan.creates() as i64)),
                ("updated", format_int(plan.updates() as i64)),
                ("skipped", format_int(skipped as i64)),
            ]
        )
    );
    Ok(())
}

fn print_plan(plan: &Plan, dry: bool) {
    println!(
        "{}",
        clean(&tf(
            "import.read",
            &[
                ("sheet", plan.sheet.clone()),
                ("header", plan.header_row.to_string()),
                ("encoding", plan.encoding.clone()),
                ("rows", format_int(plan.rows.len() as i64)),
            ]
        ))
    );
    if !plan.unknown.is_empty() {
        println!("{}", clean(&tf("import.unknown_columns", &[("columns", plan.unknown.join(", "))])));
    }
    if !plan.legacy.is_empty() {
        let key = if plan.converted { "import.legacy_converted" } else { "import.legacy_found" };
        println!("{}", clean(&tf(key, &[("n", format_int(plan.legacy.len() as i64))])));
        for (row, _, before, after) in plan.legacy.iter().take(SHOWN) {
            println!(
                "  {}",
                clean(&tf(
                    "import.legacy_cell",
                    &[("row", row.to_string()), ("before", before.clone()), ("after", after.clone())]
                ))
            );
        }
    }
    println!(
        "{}",
        tf(
            if dry { "import.would" } else { "import.will" },
            &[
                ("created", format_int(plan.creates() as i64)),
                ("updated", format_int(plan.updates() as i64)),
                ("unchanged", format_int(plan.unchanged() as i64)),
                ("invalid", format_int(plan.invalid_rows() as i64)),
            ]
        )
    );
    for r in &plan.rows {
        if let Some(RowAction::Update { id, changes }) = &r.action {
            println!(
                "  {}",
                clean(&tf(
                    "import.row_update",
                    &[("row", r.row.to_string()), ("id", id.to_string()), ("changes", changes.join("; "))]
                ))
            );
        }
    }
    for p in &plan.problems {
        println!("{}", clean(&p.sentence()));
    }
}
