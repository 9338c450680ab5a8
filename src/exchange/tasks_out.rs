//! The task list as a spreadsheet, with the columns `import tasks` reads:
//! it can go out to an organization, be edited there and come back, each
//! row matched by its task number.

use crate::i18n::t;
use crate::ops::export::{ExportError, Format, Produced};
use crate::ops::Names;
use crate::store::{Store, TaskFilter};
use crate::text::format_date;

/// The columns, by their catalog keys, in order.
pub const COLUMNS: &[&str] = &[
    "tasks_sheet.number",
    "tasks_sheet.title",
    "tasks_sheet.lead",
    "tasks_sheet.with",
    "tasks_sheet.people",
    "tasks_sheet.place",
    "tasks_sheet.start",
    "tasks_sheet.deadline",
    "tasks_sheet.status",
    "tasks_sheet.kind",
    "tasks_sheet.notes",
    "tasks_sheet.result",
];

/// One task as the sheet's cells (dates apart, so that Excel gets dates).
struct Line {
    id: i64,
    text: Vec<String>,
    start: Option<chrono::NaiveDate>,
    deadline: Option<chrono::NaiveDate>,
}

fn lines(store: &Store) -> crate::store::Result<Vec<Line>> {
    store.read(|s| {
        let names = Names::load(s)?;
        let today = s.clock().today();
        let mut tasks = s.tasks(&TaskFilter { include_finished: true, ..Default::default() }, today)?;
        tasks.sort_by_key(|t| t.id);
        let mut out = Vec::with_capacity(tasks.len());
        for task in tasks {
            let latest = s.task_notes(task.id)?.into_iter().max_by_key(|n| (n.noted_on, n.id)).map(|n| n.text);
            let join =
                |ids: &[i64], f: &dyn Fn(i64) -> String| ids.iter().map(|i| f(*i)).collect::<Vec<_>>().join(", ");
            out.push(Line {
                id: task.id,
                start: task.start_date,
                deadline: task.deadline,
                text: vec![
                    task.id.to_string(),
                    task.title.clone(),
                    names.short(task.lead_org_id),
                    join(&task.with_org_ids, &|o| names.short(o)),
                    join(&task.person_ids, &|p| names.person(p)),
                    task.place.clone(),
                    task.start_date.map(format_date).unwrap_or_default(),
                    task.deadline.map(format_date).unwrap_or_default(),
                    t(&task.status.label_key()),
                    t(&task.kind.label_key()),
                    task.description.clone(),
                    latest.unwrap_or_default(),
                ],
            });
        }
        Ok(out)
    })
}

/// Guards a cell a spreadsheet would take for a formula.
fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The task list as .xlsx or .csv.
pub fn export_tasks(store: &Store, format: Format) -> Result<Produced, ExportError> {
    let rows = lines(store)?;
    let headers: Vec<String> = COLUMNS.iter().map(|k| t(k)).collect();
    let bytes = match format {
        Format::Csv => {
            let mut w =
                csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
            let fail = |e: csv::Error| ExportError::Io(e.to_string());
            w.write_record(&headers).map_err(fail)?;
            for r in &rows {
                w.write_record(r.text.iter().map(|c| safe(c))).map_err(fail)?;
            }
            w.into_inner().map_err(|e| ExportError::Io(e.to_string()))?
        }
        Format::Xlsx => xlsx(&headers, &rows).map_err(|e| ExportError::Io(e.to_string()))?,
        other => {
            return Err(ExportError::Refused(crate::i18n::tf(
                "export.bad_format",
                &[("format", other.ext().into()), ("valid", "xlsx, csv".into())],
            )))
        }
    };
    let today = store.clock().today();
    Ok(Produced {
        bytes,
        format,
        name: format!("cong-viec-{}.{}", today.format("%Y-%m-%d"), format.ext()),
        number: None,
    })
}

fn xlsx(headers: &[String], rows: &[Line]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format as Fmt, FormatAlign, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(t("tasks_sheet.name"))?;
    let head = Fmt::new().set_bold().set_text_wrap().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);
    let date = Fmt::new().set_num_format("dd/mm/yyyy");
    let wrap = Fmt::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(0, c as u16, h, &head)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count().min(18) + 2).collect();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, r.id as f64)?;
        for (c, text) in r.text.iter().enumerate().skip(1) {
            let col = c as u16;
            let day = match c {
                6 => r.start,
                7 => r.deadline,
                _ => None,
            };
            match day {
                Some(d) => {
                    use chrono::Datelike;
                    let when = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(row, col, &when, &date)?;
                }
                None if !text.is_empty() => {
                    sheet.write_string_with_format(row, col, text, &wrap)?;
                }
                None => {}
            }
            widths[c] = widths[c].max(text.chars().count().min(60) + 2);
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w as f64)?;
    }
    if !rows.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, headers.len() as u16 - 1)?;
    }
    book.save_to_buffer()
}
