//! The period report as a workbook (.xlsx) and as a table (.csv).
//!
//! The workbook has a summary sheet (one row per organization: the four
//! categories, their total, the on-time rate and the pending items, then a
//! total row) and one sheet per organization with its tasks, its targets and
//! its pending items. Totals and rates are formulas, each with its value
//! already computed, so the sheet reads right in a reader that does not
//! recalculate. Every text comes through `label`, from catalog keys
//! `report.…`, so the module has no language of its own.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    column_number_to_name, Chart, ChartLegendPosition, ChartType, Color, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use crate::ops::period::{Category, Counts, OrgReport, PeriodReport, ReportTarget};

// The summary sheet's layout, 0-based as rust_xlsxwriter counts rows and
// columns (row 5 is Excel's row 6). A chart of the four categories per
// organization takes its values from `SUMMARY_COL_FIRST_CATEGORY ..=
// SUMMARY_COL_LAST_CATEGORY` over `SummaryRanges::org_rows`, its categories
// from `SUMMARY_COL_ORG` and its series names from `SUMMARY_HEADER_ROW`.

/// The bloc's name, merged across the table.
pub const SUMMARY_BLOC_ROW: u32 = 0;
/// The report's title, merged across the table.
pub const SUMMARY_TITLE_ROW: u32 = 1;
/// "Từ ngày … đến ngày …", merged across the table.
pub const SUMMARY_DATES_ROW: u32 = 2;
/// The column headers; the pane is frozen below it.
pub const SUMMARY_HEADER_ROW: u32 = 4;
/// The first organization's row; the others follow, then the total row.
pub const SUMMARY_FIRST_DATA_ROW: u32 = 5;
/// Ordinal number (TT).
pub const SUMMARY_COL_NO: u16 = 0;
/// The organization's name.
pub const SUMMARY_COL_ORG: u16 = 1;
/// The first of the four category counts, in the order of `Category::ALL`.
pub const SUMMARY_COL_FIRST_CATEGORY: u16 = 2;
/// The last of the four category counts.
pub const SUMMARY_COL_LAST_CATEGORY: u16 = 5;
/// Total of the four counts (a SUM formula).
pub const SUMMARY_COL_TOTAL: u16 = 6;
/// On-time rate (a formula, percent format).
pub const SUMMARY_COL_RATE: u16 = 7;
/// Pending items raised during the period.
pub const SUMMARY_COL_PENDING_RAISED: u16 = 8;
/// Pending items answered during the period.
pub const SUMMARY_COL_PENDING_ANSWERED: u16 = 9;
/// Pending items still open at the period's end.
pub const SUMMARY_COL_PENDING_OPEN: u16 = 10;
/// The table's last column.
pub const SUMMARY_LAST_COL: u16 = SUMMARY_COL_PENDING_OPEN;

/// The summary column of a category's count.
pub fn summary_category_col(c: Category) -> u16 {
    // The enum declares its variants in the order of `Category::ALL`.
    SUMMARY_COL_FIRST_CATEGORY + c as u16
}

/// Where the summary sheet of a report keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRanges {
    /// The summary sheet's name, as written in the workbook.
    pub sheet: String,
    /// One row per organization, in the report's order (empty without organizations).
    pub org_rows: Range<u32>,
    /// The total row.
    pub total_row: u32,
}

/// The summary sheet's ranges for this report.
pub fn summary_ranges(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> SummaryRanges {
    let end = SUMMARY_FIRST_DATA_ROW + report.orgs.len() as u32;
    SummaryRanges {
        sheet: sheet_name(&label("report.sheet.summary"), "Summary", &mut HashSet::new()),
        org_rows: SUMMARY_FIRST_DATA_ROW..end,
        total_row: end,
    }
}

/// The summary's column headers, in column order (shared with the CSV).
fn summary_headers(label: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut h = vec![label("report.col.no"), label("report.col.org")];
    h.extend(Category::ALL.iter().map(|c| label(c.key())));
    let rest = ["total", "rate", "pending_raised", "pending_answered", "pending_open"];
    h.extend(rest.iter().map(|k| label(&format!("report.col.{k}"))));
    h
}

/// One summary row: an organization's, or the total one (no ordinal).
struct Row {
    no: Option<usize>,
    name: String,
    counts: Counts,
    /// Raised, answered, open.
    pending: [u32; 3],
}

impl Row {
    /// The numbers after the name, rate left out: four counts, the total, the pending ones.
    fn numbers(&self) -> [u32; 8] {
        let (c, p) = (&self.counts, &self.pending);
        [c.on_time, c.late, c.open_in_time, c.open_overdue, c.total(), p[0], p[1], p[2]]
    }
}

/// The organizations' rows, then the total row.
fn summary_rows(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> Vec<Row> {
    let mut total = Row { no: None, name: label("report.row.total"), counts: Counts::default(), pending: [0; 3] };
    let mut rows = Vec::with_capacity(report.orgs.len() + 1);
    for (i, o) in report.orgs.iter().enumerate() {
        let p = [o.pending.raised, o.pending.answered, o.pending.open];
        let (t, c) = (&mut total.counts, &o.counts);
        t.on_time += c.on_time;
        t.late += c.late;
        t.open_in_time += c.open_in_time;
        t.open_overdue += c.open_overdue;
        (0..3).for_each(|k| total.pending[k] += p[k]);
        rows.push(Row { no: Some(i + 1), name: o.name.clone(), counts: o.counts, pending: p });
    }
    rows.push(total);
    rows
}

fn title(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> String {
    label("report.title").replace("{period}", &report.period_label)
}

fn dates_line(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> String {
    let s = label("report.dates").replace("{from}", &dmy(report.from)).replace("{to}", &dmy(report.to));
    if report.made_on < report.to {
        return format!("{s} ({})", label("report.as_of").replace("{date}", &dmy(report.made_on)));
    }
    s
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A stacked column chart of the four categories per organization, drawn
/// from the summary's cells (so it follows any correction made there).
pub fn categories_chart(report: &PeriodReport, label: &dyn Fn(&str) -> String, r: &SummaryRanges) -> Chart {
    let mut chart = Chart::new(ChartType::ColumnStacked);
    chart.title().set_name(&title(report, label));
    let (first, last) = (r.org_rows.start, r.org_rows.end - 1);
    for c in Category::ALL {
        let col = summary_category_col(c);
        chart
            .add_series()
            .set_name((r.sheet.as_str(), SUMMARY_HEADER_ROW, col))
            .set_categories((r.sheet.as_str(), first, SUMMARY_COL_ORG, last, SUMMARY_COL_ORG))
            .set_values((r.sheet.as_str(), first, col, last, col));
    }
    chart.x_axis().set_name(&label("report.col.org"));
    chart.y_axis().set_name(&label("report.section.tasks"));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart
}

/// The report as an .xlsx workbook.
pub fn to_xlsx(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(title(report, label)));
    let ranges = summary_ranges(report, label);
    let mut taken = HashSet::from([ranges.sheet.to_lowercase()]);
    let mut ws = Worksheet::new();
    ws.set_name(&ranges.sheet)?.set_formula_result_default("");
    write_summary(&mut ws, report, label, &st, &ranges)?;
    if !ranges.org_rows.is_empty() {
        ws.insert_chart(ranges.total_row + 3, SUMMARY_COL_ORG, &categories_chart(report, label, &ranges))?;
    }
    wb.push_worksheet(ws);
    for org in &report.orgs {
        let raw = [&org.short, &org.code, &org.name].into_iter().find(|s| !s.trim().is_empty());
        let name = sheet_name(raw.map_or("", |s| s.as_str()), &format!("#{}", org.org_id), &mut taken);
        let mut ws = Worksheet::new();
        ws.set_name(&name)?.set_formula_result_default("");
        write_org(&mut ws, report, org, label, &st)?;
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

struct Styles {
    big: Format,
    bold: Format,
    center_bold: Format,
    italic: Format,
    header: Format,
    cell: Format,
    wrap: Format,
    center: Format,
    count: Format,
    percent: Format,
    date: Format,
    dec: Format,
    total_text: Format,
    total_count: Format,
    total_percent: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let total = cell.clone().set_bold().set_background_color(Color::RGB(0xF2F2F2));
        let header = cell.clone().set_bold().set_text_wrap().set_align(FormatAlign::Center);
        Styles {
            big: Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center).set_text_wrap(),
            bold: Format::new().set_bold(),
            center_bold: Format::new().set_bold().set_align(FormatAlign::Center),
            italic: Format::new().set_italic().set_align(FormatAlign::Center),
            header: header.set_background_color(Color::RGB(0xDDEBF7)),
            wrap: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            count: cell.clone().set_num_format("#,##0"),
            percent: cell.clone().set_num_format("0.0%"),
            date: cell.clone().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Center),
            dec: cell.clone().set_num_format("#,##0.##"),
            cell,
            total_text: total.clone().set_text_wrap(),
            total_count: total.clone().set_num_format("#,##0"),
            total_percent: total.set_num_format("0.0%"),
        }
    }
}

/// Column widths, then the heading lines merged across the table; row
/// `big` holds the text in the large font.
fn heading(ws: &mut Worksheet, widths: &[f64], texts: [&str; 3], big: usize, st: &Styles) -> Result<(), XlsxError> {
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    for (row, text) in texts.into_iter().enumerate() {
        let f = match row {
            _ if row == big => &st.big,
            2 => &st.italic,
            _ => &st.center_bold,
        };
        ws.merge_range(row as u32, 0, row as u32, widths.len() as u16 - 1, text, f)?;
    }
    let n = lines(texts[big], widths.iter().sum::<f64>() / 1.4);
    ws.set_row_height(big as u32, 20.0 * n as f64)?;
    Ok(())
}

/// A header row, tall enough for its wrapped texts.
fn header_row(ws: &mut Worksheet, row: u32, heads: &[String], widths: &[f64], st: &Styles) -> Result<(), XlsxError> {
    for (col, h) in heads.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, h, &st.header)?;
    }
    let n = heads.iter().zip(widths).map(|(h, w)| lines(h, w / 1.1 - 1.0)).max().unwrap_or(1);
    ws.set_row_height(row, 15.0 * n as f64 + 2.0)?;
    Ok(())
}

/// Sets a row's height for the texts it wraps, each with its column.
fn fit_row(ws: &mut Worksheet, row: u32, texts: &[(&str, u16)], widths: &[f64]) -> Result<(), XlsxError> {
    let n = texts.iter().map(|(t, c)| lines(t, widths[*c as usize] - 1.0)).max().unwrap_or(1);
    if n > 1 {
        ws.set_row_height(row, 15.0 * n as f64)?;
    }
    Ok(())
}

fn write_summary(
    ws: &mut Worksheet,
    report: &PeriodReport,
    label: &dyn Fn(&str) -> String,
    st: &Styles,
    ranges: &SummaryRanges,
) -> Result<(), XlsxError> {
    let headers = summary_headers(label);
    let rows = summary_rows(report, label);
    let mut widths: Vec<f64> = headers.iter().map(|h| header_width(h)).collect();
    let org_width = &mut widths[SUMMARY_COL_ORG as usize];
    *org_width = org_width.max(fit(rows.iter().map(|r| r.name.as_str()), 60));
    let bloc = report.bloc.to_uppercase();
    heading(ws, &widths, [&bloc, &title(report, label), &dates_line(report, label)], 1, st)?;
    header_row(ws, SUMMARY_HEADER_ROW, &headers, &widths, st)?;

    let orgs = &ranges.org_rows;
    for (i, r) in rows.iter().enumerate() {
        let row = SUMMARY_FIRST_DATA_ROW + i as u32;
        let [text, count, percent] = match r.no {
            Some(no) => {
                ws.write_number_with_format(row, SUMMARY_COL_NO, no as f64, &st.center)?;
                [&st.wrap, &st.count, &st.percent]
            }
            None => {
                ws.write_blank(row, SUMMARY_COL_NO, &st.total_text)?;
                [&st.total_text, &st.total_count, &st.total_percent]
            }
        };
        ws.write_string_with_format(row, SUMMARY_COL_ORG, &r.name, text)?;
        fit_row(ws, row, &[(&r.name, SUMMARY_COL_ORG)], &widths)?;
        for (col, v) in summary_number_cols().zip(r.numbers()) {
            let sum = match r.no {
                Some(_) if col == SUMMARY_COL_TOTAL => {
                    Some(range(row, SUMMARY_COL_FIRST_CATEGORY, row, SUMMARY_COL_LAST_CATEGORY))
                }
                None if !orgs.is_empty() => Some(range(orgs.start, col, orgs.end - 1, col)),
                _ => None,
            };
            match sum.map(|s| Formula::new(format!("SUM({s})")).set_result(v.to_string())) {
                Some(f) => ws.write_formula_with_format(row, col, f, count)?,
                None => ws.write_number_with_format(row, col, v as f64, count)?,
            };
        }
        ws.write_formula_with_format(row, SUMMARY_COL_RATE, rate_formula(row, &r.counts), percent)?;
    }

    ws.set_freeze_panes(SUMMARY_FIRST_DATA_ROW, 0)?;
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW)?;
    Ok(())
}

/// The summary's numeric columns after the name, the rate left out.
fn summary_number_cols() -> impl Iterator<Item = u16> {
    (SUMMARY_COL_FIRST_CATEGORY..=SUMMARY_LAST_COL).filter(|&c| c != SUMMARY_COL_RATE)
}

/// =IF(on_time+late+overdue=0,"",on_time/(on_time+late+overdue)) with its value.
fn rate_formula(row: u32, c: &Counts) -> Formula {
    let cell = |cat| cell_ref(row, summary_category_col(cat));
    let (a, b, d) = (cell(Category::OnTime), cell(Category::Late), cell(Category::OpenOverdue));
    Formula::new(format!("IF({a}+{b}+{d}=0,\"\",{a}/({a}+{b}+{d}))"))
        .set_result(c.on_time_rate().map(|r| r.to_string()).unwrap_or_default())
}

fn cell_ref(row: u32, col: u16) -> String {
    format!("{}{}", column_number_to_name(col), row + 1)
}

fn range(r1: u32, c1: u16, r2: u32, c2: u16) -> String {
    format!("{}:{}", cell_ref(r1, c1), cell_ref(r2, c2))
}

// An organization's sheet: columns are shared by the task table (TT, #id,
// title, with, deadline, completed, category) and the target table (TT, #id,
// indicator, unit, target, actual, percent).
const ORG_LAST_COL: u16 = 6;
const ORG_TASK_HEADER_ROW: u32 = 5;

fn write_org(
    ws: &mut Worksheet,
    report: &PeriodReport,
    org: &OrgReport,
    label: &dyn Fn(&str) -> String,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |k: &str| label(&format!("report.col.{k}"));
    let task_head = ["no", "task_no", "title", "with", "deadline", "completed", "category"].map(l);
    let target_head = ["no", "task_no", "indicator", "unit", "target", "actual", "percent"].map(l);
    let cats: Vec<String> = org.tasks.iter().map(|t| label(t.category.key())).collect();
    let task_ids: Vec<String> = org.tasks.iter().map(|t| format!("#{}", t.id)).collect();
    let target_ids: Vec<String> = org.targets.iter().map(|t| format!("#{}", t.task_id)).collect();
    let nums = |f: fn(&ReportTarget) -> f64| org.targets.iter().map(|t| number_len(f(t)) + 2).max().unwrap_or(0) as f64;
    let widths = [
        6.0,
        fit(task_ids.iter().chain(&target_ids).map(String::as_str), 12),
        fit(org.tasks.iter().map(|t| t.title.as_str()).chain(org.targets.iter().map(|t| t.indicator.as_str())), 60),
        fit(org.tasks.iter().map(|t| t.with.as_str()).chain(org.targets.iter().map(|t| t.unit.as_str())), 40),
        nums(|t| t.target).max(12.0),
        nums(|t| t.actual).max(12.0),
        fit(cats.iter().map(String::as_str), 40).max(9.0),
    ];
    let widths: Vec<f64> = widths
        .iter()
        .zip(task_head.iter().zip(&target_head))
        .map(|(w, (a, b))| w.max(header_width(a) + 2.0).max(header_width(b)))
        .collect();
    heading(ws, &widths, [&org.name, &title(report, label), &dates_line(report, label)], 0, st)?;
    let empty = |ws: &mut Worksheet, row: u32| -> Result<(), XlsxError> {
        let f = st.italic.clone().set_border(FormatBorder::Thin);
        ws.merge_range(row, 0, row, ORG_LAST_COL, &label("report.empty"), &f).map(|_| ())
    };

    ws.write_string_with_format(ORG_TASK_HEADER_ROW - 1, 0, label("report.section.tasks"), &st.bold)?;
    header_row(ws, ORG_TASK_HEADER_ROW, &task_head, &widths, st)?;
    let mut row = ORG_TASK_HEADER_ROW + 1;
    for (i, t) in org.tasks.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.center)?;
        ws.write_string_with_format(row, 1, &task_ids[i], &st.center)?;
        ws.write_string_with_format(row, 2, &t.title, &st.wrap)?;
        ws.write_string_with_format(row, 3, &t.with, &st.wrap)?;
        for (col, d) in [(4, t.deadline), (5, t.completed_on)] {
            match d {
                Some(d) => ws.write_datetime_with_format(row, col, excel_date(d)?, &st.date)?,
                None => ws.write_blank(row, col, &st.date)?,
            };
        }
        ws.write_string_with_format(row, 6, &cats[i], &st.wrap)?;
        fit_row(ws, row, &[(&t.title, 2), (&t.with, 3), (&cats[i], 6)], &widths)?;
        row += 1;
    }
    if org.tasks.is_empty() {
        empty(ws, row)?;
        row += 1;
    }
    ws.autofilter(ORG_TASK_HEADER_ROW, 0, row - 1, ORG_LAST_COL)?;
    ws.set_freeze_panes(ORG_TASK_HEADER_ROW + 1, 0)?;

    row += 1;
    ws.write_string_with_format(row, 0, label("report.section.targets"), &st.bold)?;
    header_row(ws, row + 1, &target_head, &widths, st)?;
    row += 2;
    for (i, t) in org.targets.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.center)?;
        ws.write_string_with_format(row, 1, &target_ids[i], &st.center)?;
        ws.write_string_with_format(row, 2, &t.indicator, &st.wrap)?;
        ws.write_string_with_format(row, 3, &t.unit, &st.wrap)?;
        for (col, v) in [(4, t.target), (5, t.actual)] {
            ws.write_number_with_format(row, col, v, if v.fract() == 0.0 { &st.count } else { &st.dec })?;
        }
        let (tc, ac) = (cell_ref(row, 4), cell_ref(row, 5));
        let result = if t.target == 0.0 { String::new() } else { (t.actual / t.target).to_string() };
        let f = Formula::new(format!("IF({tc}=0,\"\",{ac}/{tc})")).set_result(result);
        ws.write_formula_with_format(row, 6, f, &st.percent)?;
        fit_row(ws, row, &[(&t.indicator, 2), (&t.unit, 3)], &widths)?;
        row += 1;
    }
    if org.targets.is_empty() {
        empty(ws, row)?;
        row += 1;
    }

    row += 1;
    ws.write_string_with_format(row, 0, label("report.section.pending"), &st.bold)?;
    let p = &org.pending;
    for (k, v) in [("pending_raised", p.raised), ("pending_answered", p.answered), ("pending_open", p.open)] {
        row += 1;
        ws.merge_range(row, 0, row, 2, &l(k), &st.cell)?;
        ws.write_number_with_format(row, 3, v as f64, &st.count)?;
    }
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(ORG_TASK_HEADER_ROW, ORG_TASK_HEADER_ROW)?;
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(dmy(d)))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// A text's width in characters: a letter with its diacritics counts as
/// one, whether precomposed ("ệ") or decomposed ("e" + marks); the longest
/// line of a multi-line text.
fn text_len(s: &str) -> usize {
    let combining = |c: char| matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF);
    s.lines().map(|l| l.chars().filter(|&c| !combining(c)).count()).max().unwrap_or(0)
}

/// The characters of a number as "#,##0.##" shows it.
fn number_len(v: f64) -> usize {
    let s = format!("{:.2}", v.abs());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let int = s.split('.').next().map_or(1, str::len);
    s.len() + (int.max(1) - 1) / 3 + usize::from(v < 0.0)
}

/// A column's width for its longest text, padded, at most `cap` (longer
/// texts wrap).
fn fit<'a>(texts: impl Iterator<Item = &'a str>, cap: usize) -> f64 {
    (texts.map(text_len).max().unwrap_or(0) + 2).min(cap) as f64
}

/// The width a bold, wrapped header needs: its text on at most two lines,
/// broken between words.
fn header_width(h: &str) -> f64 {
    let words: Vec<&str> = h.split_whitespace().collect();
    let best = (1..words.len())
        .map(|i| text_len(&words[..i].join(" ")).max(text_len(&words[i..].join(" "))))
        .min()
        .unwrap_or(text_len(h));
    (best as f64 * 1.1).ceil() + 2.0
}

/// How many lines a text takes when wrapped between words at `width` characters.
fn lines(s: &str, width: f64) -> usize {
    let width = width.max(1.0) as usize;
    s.lines()
        .map(|para| {
            let (mut n, mut cur) = (1, 0);
            for w in para.split_whitespace().map(text_len) {
                if cur == 0 {
                    cur = w;
                } else if cur + 1 + w <= width {
                    cur += 1 + w;
                } else {
                    n += 1;
                    cur = w;
                }
                if cur > width {
                    n += (cur - 1) / width;
                    cur = (cur - 1) % width + 1;
                }
            }
            n
        })
        .sum::<usize>()
        .max(1)
}

/// A sheet name Excel accepts, unique among `taken` (compared without
/// case): no []:*?/\, no apostrophe at either end, at most 31 UTF-16 units,
/// not "History"; `fallback` when nothing is left.
fn sheet_name(raw: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = raw.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '-' } else { c }).collect();
    let trim = |s: &str| s.trim_matches(|c: char| c == '\'' || c.is_whitespace()).to_string();
    let base = match trim(&clean) {
        s if s.is_empty() => trim(fallback),
        s => s,
    };
    for n in 1.. {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let mut head = String::new();
        for c in base.chars() {
            if head.encode_utf16().count() + c.len_utf16() + suffix.len() > 31 {
                break;
            }
            head.push(c);
        }
        let name = trim(&head) + &suffix;
        let key = name.to_lowercase();
        if !name.is_empty() && key != "history" && taken.insert(key) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// The summary as CSV: UTF-8 with a byte-order mark (Excel reads it as
/// UTF-8 then), CRLF line endings, one header row, one row per
/// organization and a total row; the rate as a percentage with one
/// decimal, empty without tasks come due.
pub fn to_csv(report: &PeriodReport, label: &dyn Fn(&str) -> String) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
    let mut records = vec![summary_headers(label).iter().map(|h| guard(h)).collect::<Vec<_>>()];
    for r in summary_rows(report, label) {
        let n = r.numbers().map(|v| v.to_string());
        let rate = r.counts.on_time_rate().map(|x| format!("{:.1}", x * 100.0)).unwrap_or_default();
        let mut rec = vec![r.no.map(|n| n.to_string()).unwrap_or_default(), guard(&r.name)];
        rec.extend(n[..5].iter().cloned().chain([rate]).chain(n[5..].iter().cloned()));
        records.push(rec);
    }
    for rec in records {
        w.write_record(rec).expect("a CSV in memory cannot fail to write");
    }
    w.flush().expect("a CSV in memory cannot fail to flush");
    drop(w);
    out
}

/// A text cell that a spreadsheet would take for a formula gets a leading
/// apostrophe.
fn guard(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

    use super::*;
    use crate::ops::period::{PendingCounts, ReportTask};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn label(key: &str) -> String {
        match key {
            "report.sheet.summary" => "Tổng hợp",
            "report.title" => "Báo cáo kết quả thực hiện nhiệm vụ {period}",
            "report.dates" => "Từ ngày {from} đến ngày {to}",
            "report.as_of" => "số liệu đến ngày {date}",
            "report.row.total" => "Tổng số",
            "report.cat.on_time" => "Hoàn thành đúng hạn",
            k => k,
        }
        .to_string()
    }

    fn task(id: i64, title: &str, due: Option<NaiveDate>, done: Option<NaiveDate>, c: Category) -> ReportTask {
        ReportTask {
            id,
            title: title.into(),
            with: "HND, ĐTN".into(),
            deadline: due,
            completed_on: done,
            category: c,
            blocked: false,
        }
    }

    fn org(id: i64, name: &str, short: &str, counts: [u32; 4], pending: [u32; 3]) -> OrgReport {
        let [on_time, late, open_in_time, open_overdue] = counts;
        let [raised, answered, open] = pending;
        OrgReport {
            org_id: id,
            code: format!("ORG{id}"),
            name: name.into(),
            short: short.into(),
            counts: Counts { on_time, late, open_in_time, open_overdue },
            tasks: Vec::new(),
            targets: Vec::new(),
            pending: PendingCounts { raised, answered, open },
        }
    }

    fn sample() -> PeriodReport {
        let mut women = org(1, "Hội Liên hiệp Phụ nữ xã Hải Hà", "Hội LHPN", [3, 1, 2, 0], [2, 1, 4]);
        women.tasks = vec![
            task(12, "Tổ chức hội nghị tuyên truyền", Some(d(2026, 11, 15)), Some(d(2026, 11, 10)), Category::OnTime),
            task(14, "Vận động quỹ \"Vì người nghèo\"", Some(d(2026, 11, 5)), Some(d(2026, 11, 20)), Category::Late),
            task(15, "Khảo sát hộ nghèo", None, None, Category::OpenInTime),
        ];
        let (indicator, unit) = ("Số tiền vận động".into(), "triệu đồng".into());
        women.targets.push(ReportTarget { task_id: 14, indicator, unit, target: 200.0, actual: 150.5 });
        PeriodReport {
            bloc: "Khối MTTQ và các đoàn thể xã Hải Hà".into(),
            period_label: "tháng 11/2026".into(),
            from: d(2026, 11, 1),
            to: d(2026, 11, 30),
            made_on: d(2026, 11, 25),
            orgs: vec![women, org(2, "=Đoàn Thanh niên", "Đoàn TN: xã/phường*", [0, 0, 1, 0], [0; 3])],
        }
    }

    fn unzip(bytes: &[u8], name: &str) -> String {
        let mut s = String::new();
        zip::ZipArchive::new(Cursor::new(bytes)).unwrap().by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    /// The formula and cached value of a (styled) cell in a sheet's XML.
    fn cell(xml: &str, r: &str) -> (String, String) {
        let start = xml.find(&format!("<c r=\"{r}\" ")).unwrap_or_else(|| panic!("no cell {r}"));
        let c = &xml[start..start + xml[start..].find("</c>").unwrap()];
        let between = |a: &str, b: &str| c.find(a).map(|i| c[i + a.len()..].split(b).next().unwrap().to_string());
        (between("<f>", "</f>").unwrap_or_default(), between("<v>", "</v>").unwrap_or_default())
    }

    #[test]
    fn summary_has_formulas_with_cached_values() {
        let bytes = to_xlsx(&sample(), &label).unwrap();
        let wb = unzip(&bytes, "xl/workbook.xml");
        for name in ["Tổng hợp", "Hội LHPN", "Đoàn TN- xã-phường-"] {
            assert!(wb.contains(&format!("<sheet name=\"{name}\"")), "{name}: {wb}");
        }
        let s1 = unzip(&bytes, "xl/worksheets/sheet1.xml");
        let fv = |f: &str, v: &str| (f.to_string(), v.to_string());
        assert_eq!(cell(&s1, "G6"), fv("SUM(C6:F6)", "6"));
        assert_eq!(cell(&s1, "G7"), fv("SUM(C7:F7)", "1"));
        assert_eq!(cell(&s1, "H6"), fv("IF(C6+D6+F6=0,\"\",C6/(C6+D6+F6))", "0.75"));
        assert_eq!(cell(&s1, "H7").1, "", "no task came due: empty rate");
        assert!(s1.contains(r#"t="str"><f>IF(C7+D7+F7=0,"",C7/(C7+D7+F7))</f><v></v>"#), "a text result");
        // The total row sums the organizations' rows.
        assert_eq!(cell(&s1, "C8"), fv("SUM(C6:C7)", "3"));
        assert_eq!(cell(&s1, "E8"), fv("SUM(E6:E7)", "3"));
        assert_eq!(cell(&s1, "G8"), fv("SUM(G6:G7)", "7"));
        assert_eq!(cell(&s1, "K8"), fv("SUM(K6:K7)", "4"));
        assert_eq!(cell(&s1, "H8"), fv("IF(C8+D8+F8=0,\"\",C8/(C8+D8+F8))", "0.75"));
        assert!(s1.contains(r#"<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>"#), "{s1}");
        assert!(s1.contains(r#"<mergeCell ref="A2:K2"/>"#));
        // The name column fits the longest name (30 letters, padded).
        assert!(s1.contains(r#"<col min="2" max="2" width="32.7109375" customWidth="1"/>"#), "{s1}");
        let s2 = unzip(&bytes, "xl/worksheets/sheet2.xml");
        assert!(s2.contains(r#"<pane ySplit="6" topLeftCell="A7" activePane="bottomLeft" state="frozen"/>"#), "{s2}");
        assert!(s2.contains(r#"<autoFilter ref="A6:G9"/>"#), "{s2}");
    }

    #[test]
    fn sheets_read_back() {
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(to_xlsx(&sample(), &label).unwrap())).unwrap();
        assert_eq!(wb.sheet_names(), ["Tổng hợp", "Hội LHPN", "Đoàn TN- xã-phường-"]);
        let text = |s: &str| Some(Data::String(s.into()));
        let sum = wb.worksheet_range("Tổng hợp").unwrap();
        assert_eq!(sum.get_value((1, 0)).cloned(), text("Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026"));
        let dates = "Từ ngày 01/11/2026 đến ngày 30/11/2026 (số liệu đến ngày 25/11/2026)";
        assert_eq!(sum.get_value((2, 0)).cloned(), text(dates));
        assert_eq!(sum.get_value((4, 2)).cloned(), text("Hoàn thành đúng hạn"));
        assert_eq!(sum.get_value((6, 1)).cloned(), text("=Đoàn Thanh niên"), "a name is text, not a formula");
        assert_eq!(sum.get_value((7, 1)).cloned(), text("Tổng số"));
        let (r, report) = (summary_ranges(&sample(), &label), sample());
        for c in Category::ALL {
            let v = sum.get_value((r.org_rows.start, summary_category_col(c) as u32));
            assert_eq!(v, Some(&Data::Float(report.orgs[0].counts.get(c) as f64)), "{c:?}");
        }

        let org = wb.worksheet_range("Hội LHPN").unwrap();
        assert_eq!(org.get_value((0, 0)).cloned(), text("Hội Liên hiệp Phụ nữ xã Hải Hà"));
        assert_eq!(org.get_value((6, 1)).cloned(), text("#12"));
        let serial = |row, col| match org.get_value((row, col)) {
            Some(Data::DateTime(dt)) => dt.as_f64(),
            other => panic!("not a date: {other:?}"),
        };
        let excel = |day: NaiveDate| (day - d(1899, 12, 30)).num_days() as f64;
        assert_eq!(serial(6, 4), excel(d(2026, 11, 15)));
        assert_eq!(serial(7, 5), excel(d(2026, 11, 20)));
        assert_eq!(org.get_value((8, 4)), Some(&Data::Empty));
        assert_eq!(org.get_value((8, 6)).cloned(), text("report.cat.open_in_time"));
        // The targets' header two rows below the tasks, then the target and its percent.
        assert_eq!(org.get_value((11, 2)).cloned(), text("report.col.indicator"));
        assert_eq!(org.get_value((12, 4)), Some(&Data::Float(200.0)));
        assert_eq!(org.get_value((12, 6)), Some(&Data::Float(0.7525)));
        let formulas = wb.worksheet_formula("Hội LHPN").unwrap();
        assert_eq!(formulas.get_value((12, 6)).map(String::as_str), Some("IF(E13=0,\"\",F13/E13)"));
        assert_eq!(org.get_value((17, 3)), Some(&Data::Float(4.0)), "pending still open");
    }

    #[test]
    fn empty_report_still_writes() {
        let mut r = sample();
        r.orgs.clear();
        let s1 = unzip(&to_xlsx(&r, &label).unwrap(), "xl/worksheets/sheet1.xml");
        assert!(!s1.contains("SUM("), "no SUM over an empty range");
        assert_eq!(cell(&s1, "H6").1, "");
        assert_eq!(summary_ranges(&r, &label).total_row, SUMMARY_FIRST_DATA_ROW);
    }

    #[test]
    fn csv_has_bom_rows_and_guard() {
        let out = to_csv(&sample(), &label);
        assert_eq!(&out[..3], b"\xEF\xBB\xBF");
        let text = std::str::from_utf8(&out[3..]).unwrap();
        let rows: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(rows.len(), 5, "{text}");
        assert!(rows[0].starts_with("report.col.no,report.col.org,Hoàn thành đúng hạn,report.cat.late,"), "{text}");
        assert_eq!(rows[1], "1,Hội Liên hiệp Phụ nữ xã Hải Hà,3,1,2,0,6,75.0,2,1,4");
        assert_eq!(rows[2], "2,'=Đoàn Thanh niên,0,0,1,0,1,,0,0,0");
        assert_eq!(rows[3], ",Tổng số,3,1,3,0,7,75.0,2,1,4");
        assert_eq!(rows[4], "");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = HashSet::from(["tổng hợp".to_string()]);
        let mut name = |raw: &str| sheet_name(raw, "#9", &mut taken);
        assert_eq!(name("TỔNG HỢP"), "TỔNG HỢP (2)");
        assert_eq!(name("a[b]c:d*e?f/g\\h"), "a-b-c-d-e-f-g-h");
        assert_eq!(name("'Hội'"), "Hội");
        assert_eq!(name(" ' "), "#9");
        assert_eq!(name("History"), "History (2)");
        let long = "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hải Hà";
        assert_eq!(name(long), "Ủy ban Mặt trận Tổ quốc Việt Na");
        assert_eq!(name(long), "Ủy ban Mặt trận Tổ quốc Việ (2)");
        for n in &taken {
            assert!(rust_xlsxwriter::utility::check_sheet_name(n).is_ok() && n.encode_utf16().count() <= 31, "{n}");
        }
    }

    #[test]
    fn widths_count_letters_not_bytes() {
        assert_eq!(text_len("Đặng Thị Hường"), 14);
        assert_eq!(text_len("e\u{0323}\u{0302}"), 1, "decomposed ệ");
        assert_eq!(header_width("Đang thực hiện trong hạn"), (14.0f64 * 1.1).ceil() + 2.0);
        assert_eq!((lines("một hai ba", 7.0), lines("", 7.0), lines("abcdefghij", 4.0)), (2, 1, 3));
        assert_eq!((number_len(1234567.5), number_len(200.0)), (11, 3));
    }
}
