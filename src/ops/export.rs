//! Producing a document of record: what the CLI's `export` and `remind` and
//! the TUI's document keys share. Loads the read model, gives the document
//! its number from the register (when the file can be written), builds the
//! content once and writes it in the format asked for.

use super::period::{Period, PeriodReport};
use super::remind::Reminder;
use super::{BriefingSummary, Intent, Names};
use crate::domain::{MeetingStatus, Organization};
use crate::i18n::{t, tf};
use crate::report::{self, doc::Document, Office};
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// The file formats documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Markdown,
    Text,
    Xlsx,
    Csv,
    Ics,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().trim_start_matches('.') {
            "docx" | "word" => Some(Format::Docx),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "xlsx" | "excel" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            "ics" | "ical" => Some(Format::Ics),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file name's extension names.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }

    pub fn ext(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Json => "json",
        }
    }

    /// Whether the bytes are text a terminal may show.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Markdown | Format::Text)
    }
}

/// The documents of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingDoc {
    Minutes,
    Conclusions,
    Invitation,
}

impl BriefingDoc {
    fn kind(self) -> &'static str {
        match self {
            BriefingDoc::Minutes => report::kind::MINUTES,
            BriefingDoc::Conclusions => report::kind::CONCLUSIONS,
            BriefingDoc::Invitation => report::kind::INVITATION,
        }
    }

    fn stem(self) -> &'static str {
        match self {
            BriefingDoc::Minutes => "bien-ban-giao-ban",
            BriefingDoc::Conclusions => "thong-bao-ket-luan",
            BriefingDoc::Invitation => "giay-moi-giao-ban",
        }
    }
}

#[derive(Debug)]
pub enum ExportError {
    /// The request cannot be met as asked (one sentence, the user's language).
    Refused(String),
    /// The file could not be written (one sentence naming it and why).
    Io(String),
    Store(StoreError),
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> Self {
        ExportError::Store(e)
    }
}

impl ExportError {
    pub fn message(&self) -> String {
        match self {
            ExportError::Refused(s) | ExportError::Io(s) => s.clone(),
            ExportError::Store(e) => e.message(),
        }
    }
}

/// A document ready to be written.
#[derive(Debug, Clone)]
pub struct Produced {
    pub bytes: Vec<u8>,
    pub format: Format,
    /// The file name offered when none is given: "bien-ban-giao-ban-12-2026.docx".
    pub name: String,
    /// The number the document carries, when it has one.
    pub number: Option<i64>,
}

fn refuse_format(format: Format, allowed: &[Format]) -> Result<(), ExportError> {
    if allowed.contains(&format) {
        return Ok(());
    }
    let list: Vec<&str> = allowed.iter().map(|f| f.ext()).collect();
    Err(ExportError::Refused(tf("export.bad_format", &[("format", format.ext().into()), ("valid", list.join(", "))])))
}

fn written(doc: &Document, format: Format) -> Vec<u8> {
    match format {
        Format::Docx => report::docx::to_docx(doc),
        _ => report::to_markdown(doc).into_bytes(),
    }
}

/// A briefing's minutes, notice of conclusions or invitation. The number is
/// taken from the register (the one it already has, `wanted`, or the next),
/// unless the file is open read-only: then the number it already has, or a
/// space to write one in.
pub fn briefing_document(
    store: &mut Store,
    which: BriefingDoc,
    meeting_id: i64,
    format: Format,
    wanted: Option<i64>,
) -> Result<Produced, ExportError> {
    refuse_format(format, &[Format::Docx, Format::Markdown])?;
    let today = store.clock().today();
    let meeting = store.meeting(meeting_id)?;
    let held = meeting.status != MeetingStatus::Planned;
    if which != BriefingDoc::Invitation && !held {
        return Err(ExportError::Refused(tf("export.not_held", &[("meeting", crate::i18n::meeting_label(&meeting))])));
    }
    if which == BriefingDoc::Invitation && meeting.status == MeetingStatus::Closed {
        return Err(ExportError::Refused(tf(
            "export.already_held",
            &[("meeting", crate::i18n::meeting_label(&meeting))],
        )));
    }
    let dated = match which {
        BriefingDoc::Invitation => today,
        _ => meeting.ends_at.unwrap_or(meeting.starts_at).date(),
    };
    let subject = format!("meeting:{meeting_id}");
    let number = if store.read_only_reason().is_some() {
        if wanted.is_some() {
            return Err(ExportError::Refused(t("export.number_read_only")));
        }
        store.document_number(which.kind(), &subject)?.map(|(_, n)| n)
    } else {
        let intent =
            Intent::IssueNumber { kind: which.kind().into(), subject, year: report::number_year(dated), wanted };
        super::execute(store, intent)?.created.first().copied().flatten()
    };
    let names = Names::load(store)?;
    let office = Office::new(&store.settings()?, &names);
    let sum = BriefingSummary::load(store, meeting_id, today, &names)?;
    let doc = match which {
        BriefingDoc::Minutes => report::briefing::minutes(&sum, &office, &names, number),
        BriefingDoc::Conclusions => report::briefing::conclusions(&sum, &office, &names, number),
        BriefingDoc::Invitation => report::briefing::invitation(&sum, &office, &names, number, today),
    };
    Ok(Produced {
        bytes: written(&doc, format),
        format,
        name: format!("{}-{:02}-{}.{}", which.stem(), meeting.number, meeting.year, format.ext()),
        number,
    })
}

/// One organization's reminder sheet.
pub fn reminder(
    store: &Store,
    org: &Organization,
    within: i64,
    format: Format,
) -> Result<(Produced, Reminder), ExportError> {
    refuse_format(format, &[Format::Docx, Format::Markdown, Format::Text])?;
    let today = store.clock().today();
    let r = Reminder::load(store, org, today, within)?;
    let names = Names::load(store)?;
    let office = Office::new(&store.settings()?, &names);
    let bytes = match format {
        Format::Text => report::remind::reminder_text(&r).into_bytes(),
        _ => written(&report::remind::reminder(&r, &office), format),
    };
    let name = format!("phieu-don-doc-{}-{}.{}", org.code.to_lowercase(), today.format("%Y-%m-%d"), format.ext());
    Ok((Produced { bytes, format, name, number: None }, r))
}

/// The period report.
pub fn period_report(store: &Store, period: Period, format: Format) -> Result<Produced, ExportError> {
    refuse_format(format, &[Format::Xlsx, Format::Csv, Format::Markdown])?;
    let today = store.clock().today();
    let r = PeriodReport::load(store, period, today)?;
    let label = |k: &str| t(k);
    let bytes = match format {
        Format::Xlsx => report::sheet::to_xlsx(&r, &label)
            .map_err(|e| ExportError::Io(tf("export.xlsx_failed", &[("reason", e.to_string())])))?,
        Format::Csv => report::sheet::to_csv(&r, &label),
        _ => report::period::to_markdown(&r, &label).into_bytes(),
    };
    let name = format!("bao-cao-{}-{}.{}", r.from.format("%Y%m%d"), r.to.format("%Y%m%d"), format.ext());
    Ok(Produced { bytes, format, name, number: None })
}

/// The calendar of briefings: every briefing from a year before `today`.
pub fn calendar(store: &Store) -> Result<Produced, ExportError> {
    let today = store.clock().today();
    let since = today - chrono::Duration::days(366);
    let names = Names::load(store)?;
    let settings = store.settings()?;
    let office = Office::new(&settings, &names);
    let now = store.clock().now();
    let meetings = store.meetings()?;
    let events: Vec<report::ics::Event> = meetings
        .iter()
        .filter(|m| m.starts_at.date() >= since)
        .map(|m| {
            let start = m.started_at.unwrap_or(m.starts_at);
            let end = m.ends_at.filter(|e| *e > start).unwrap_or(start + chrono::Duration::hours(2));
            report::ics::Event {
                uid: format!("briefing-{}-{}-{}@giaoban", m.year, m.number, m.id),
                start,
                end,
                summary: format!("{} — {}", crate::i18n::meeting_label(m), office.bloc_name),
                location: m.place.clone(),
                description: m.notes.clone(),
                sequence: m.version.max(1) as u32 - 1,
                cancelled: false,
                stamp: now,
            }
        })
        .collect();
    let text = report::ics::calendar(&office.bloc_name, &events);
    Ok(Produced { bytes: text.into_bytes(), format: Format::Ics, name: "lich-giao-ban.ics".into(), number: None })
}

/// Writes `bytes` to `path` whole or not at all: into a file beside it,
/// then renamed over it.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    use std::io::Write as _;
    let fail = |e: std::io::Error| {
        ExportError::Io(tf("err.io", &[("path", path.display().to_string()), ("reason", e.to_string())]))
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::other(t("export.is_dir"))));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile_in(dir).map_err(fail)?;
    tmp.1.write_all(bytes).and_then(|_| tmp.1.sync_all()).map_err(fail)?;
    std::fs::rename(&tmp.0, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp.0);
        fail(e)
    })?;
    Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for i in 0..100u32 {
        let p = dir.join(format!(".giaoban-export-{}-{i}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no temporary name"))
}

/// A document asked for by its subject and format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Request {
    Briefing { meeting_id: i64, which: BriefingDoc, format: Format },
    Reminder { org_id: i64, within: i64, format: Format },
    Report { period: Period, format: Format },
    Calendar,
}

/// Produces the document a request names.
pub fn produce(store: &mut Store, req: Request) -> Result<Produced, ExportError> {
    match req {
        Request::Briefing { meeting_id, which, format } => briefing_document(store, which, meeting_id, format, None),
        Request::Reminder { org_id, within, format } => {
            let org = store.organization(org_id)?;
            Ok(reminder(store, &org, within, format)?.0)
        }
        Request::Report { period, format } => period_report(store, period, format),
        Request::Calendar => calendar(store),
    }
}
