//! `giaoban export …` and `giaoban remind …`: documents of record written
//! to a file, or (Markdown and text) to the screen.

use super::args::{Document, ExportArgs, ImportCommand, RemindArgs};
use super::{CliError, CliResult, Ctx};
use crate::exchange::JsonImported;
use crate::i18n::{t, tf};
use crate::ops::export::{self, BriefingDoc, ExportError, Format, Produced};
use crate::ops::period::Period;
use std::path::{Path, PathBuf};

impl From<ExportError> for CliError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::Refused(m) => CliError::Usage(m),
            ExportError::Io(m) => CliError::Fail(m),
            ExportError::Store(e) => e.into(),
        }
    }
}

/// The format asked for: --format, else the file's extension, else `default`.
fn format_of(given: Option<&str>, output: Option<&Path>, default: Format) -> CliResult<Format> {
    if let Some(f) = given {
        return Format::parse(f).ok_or_else(|| {
            CliError::Usage(tf(
                "export.bad_format",
                &[("format", f.to_string()), ("valid", "docx, md, txt, xlsx, csv, ics".into())],
            ))
        });
    }
    Ok(output.filter(|p| p.as_os_str() != "-").and_then(Format::of_path).unwrap_or(default))
}

/// Writes what was produced: to the screen for "-" (text only), to the
/// named file, or — no name given — text to the screen and files under the
/// offered name in the current folder.
fn deliver(p: &Produced, output: Option<&Path>) -> CliResult {
    let shows = p.format.is_text() || matches!(p.format, Format::Ics | Format::Json);
    let to_screen = match output {
        Some(o) => o.as_os_str() == "-",
        None => shows,
    };
    if to_screen {
        if !shows {
            return Err(CliError::Usage(tf("export.not_for_screen", &[("format", p.format.ext().into())])));
        }
        // Through a pipe the export goes byte for byte (it escapes what it
        // must); on a terminal it is shown safely, like everything else.
        use std::io::IsTerminal;
        if p.format == Format::Json && !std::io::stdout().is_terminal() {
            use std::io::Write;
            return std::io::stdout()
                .write_all(&p.bytes)
                .map_err(|e| CliError::Fail(tf("err.io", &[("path", "-".into()), ("reason", e.to_string())])));
        }
        let text = String::from_utf8_lossy(&p.bytes);
        for line in text.lines() {
            println!("{}", crate::text::sanitize_for_terminal(line));
        }
        return Ok(());
    }
    let path = output.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from(&p.name));
    let shown = export::write_file(&path, &p.bytes)?;
    println!("{}", tf("export.written", &[("path", crate::text::sanitize_for_terminal(&shown.display().to_string()))]));
    Ok(())
}

pub fn export(ctx: &mut Ctx, a: ExportArgs) -> CliResult {
    let out = a.output.as_deref();
    let briefing = match a.document {
        Document::Minutes => Some(BriefingDoc::Minutes),
        Document::Conclusions => Some(BriefingDoc::Conclusions),
        Document::Invitation => Some(BriefingDoc::Invitation),
        _ => None,
    };
    if let Some(which) = briefing {
        let meeting = match (&a.meeting, which) {
            (Some(spec), _) => super::view::find_meeting(ctx, spec)?,
            (None, BriefingDoc::Invitation) => {
                ctx.store.next_meeting(ctx.today)?.ok_or_else(|| CliError::Fail(t("status.none_planned")))?
            }
            (None, _) => return Err(CliError::Usage(tf("err.cli.missing", &[("arg", "--meeting <N>".into())]))),
        };
        let format = format_of(a.format.as_deref(), out, Format::Markdown)?;
        let produced = export::briefing_document(&mut ctx.store, which, meeting.id, format, a.number)?;
        return deliver(&produced, out);
    }
    if a.number.is_some() || a.meeting.is_some() {
        return Err(CliError::Usage(t("export.only_briefing_options")));
    }
    match a.document {
        Document::Report => {
            let period = match (&a.period, &a.from, &a.to) {
                (Some(p), _, _) => {
                    Period::parse(p).ok_or_else(|| CliError::Usage(tf("export.bad_period", &[("input", p.clone())])))?
                }
                (None, Some(from), Some(to)) => {
                    let (from, to) = (ctx.parse_date(from)?, ctx.parse_date(to)?);
                    if to < from {
                        return Err(CliError::Usage(t("export.to_before_from")));
                    }
                    Period::Range(from, to)
                }
                _ => Period::Month,
            };
            let format = format_of(a.format.as_deref(), out, Format::Markdown)?;
            deliver(&export::period_report(&ctx.store, period, format)?, out)
        }
        _ if a.period.is_some() || a.from.is_some() => Err(CliError::Usage(t("export.only_report_options"))),
        Document::Json => {
            let format = format_of(a.format.as_deref(), out, Format::Json)?;
            if format != Format::Json {
                return Err(CliError::Usage(tf(
                    "export.bad_format",
                    &[("format", format.ext().into()), ("valid", "json".into())],
                )));
            }
            let bytes = crate::exchange::export_json(&ctx.store)?;
            deliver(&Produced { bytes, format, name: "giaoban.json".into(), number: None }, out)
        }
        Document::Tasks => {
            let format = format_of(a.format.as_deref(), out, Format::Xlsx)?;
            deliver(&crate::exchange::export_tasks(&ctx.store, format)?, out)
        }
        _ => {
            let format = format_of(a.format.as_deref(), out, Format::Ics)?;
            if format != Format::Ics {
                return Err(CliError::Usage(tf(
                    "export.bad_format",
                    &[("format", format.ext().into()), ("valid", "ics".into())],
                )));
            }
            deliver(&export::calendar(&ctx.store)?, out)
        }
    }
}

pub fn remind(ctx: &Ctx, a: RemindArgs) -> CliResult {
    if !(0..=366).contains(&a.within) {
        return Err(CliError::Usage(tf("remind.bad_within", &[("input", a.within.to_string())])));
    }
    let out = a.output.as_deref();
    let format = format_of(a.format.as_deref(), out, Format::Text)?;
    let orgs = match &a.org {
        Some(o) => vec![ctx.resolve_org(o)?],
        None => ctx
            .store
            .organizations()?
            .into_iter()
            .filter(|o| o.active && o.kind != crate::domain::OrgKind::Office)
            .collect(),
    };
    if orgs.len() == 1 {
        let (p, _) = export::reminder(&ctx.store, &orgs[0], a.within, format)?;
        return deliver(&p, out);
    }
    // Every organization: one file each in a folder, or one after another on the screen.
    if format.is_text() && out.is_none_or(|o| o.as_os_str() == "-") {
        let mut quiet = 0;
        for org in &orgs {
            let (p, r) = export::reminder(&ctx.store, org, a.within, format)?;
            if r.is_empty() {
                quiet += 1;
                continue;
            }
            deliver(&p, Some(Path::new("-")))?;
            println!();
        }
        if quiet == orgs.len() {
            println!("{}", t("remind.nothing"));
        }
        return Ok(());
    }
    let dir = out.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        return Err(CliError::Usage(tf("remind.need_dir", &[("path", dir.display().to_string())])));
    }
    for org in &orgs {
        let (p, _) = export::reminder(&ctx.store, org, a.within, format)?;
        deliver(&p, Some(&dir.join(&p.name)))?;
    }
    Ok(())
}

pub fn import(ctx: &mut Ctx, c: ImportCommand) -> CliResult {
    match c {
        ImportCommand::Json { file, merge } => {
            let bytes = read_input(&file)?;
            match crate::exchange::import_json(&mut ctx.store, &bytes, merge)? {
                JsonImported::Restored(n) => {
                    println!("{}", tf("import.restored", &[("rows", crate::text::format_int(n as i64))]))
                }
                JsonImported::Merged(r) => {
                    let added: usize = r.added.iter().map(|(_, n)| n).sum();
                    let present: usize = r.present.iter().map(|(_, n)| n).sum();
                    println!(
                        "{}",
                        tf(
                            "import.merged",
                            &[
                                ("added", crate::text::format_int(added as i64)),
                                ("present", crate::text::format_int(present as i64))
                            ]
                        )
                    );
                    for (table, n) in r.added.iter().filter(|(_, n)| *n > 0) {
                        println!("  {:<16} +{n}", t(&format!("table.{table}")));
                    }
                }
            }
            Ok(())
        }
        ImportCommand::Tasks(a) => super::import::import_tasks(ctx, a),
    }
}

/// A file's bytes, or one sentence naming it and why not.
fn read_input(path: &Path) -> CliResult<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| CliError::Fail(tf("err.io", &[("path", path.display().to_string()), ("reason", e.to_string())])))
}

impl From<crate::exchange::ImportError> for CliError {
    fn from(e: crate::exchange::ImportError) -> Self {
        match e {
            crate::exchange::ImportError::Refused(m) => CliError::Usage(m),
            crate::exchange::ImportError::Store(e) => e.into(),
        }
    }
}
