//! Reading the task lists offices already keep in spreadsheets (xlsx, xls,
//! ods) or CSV files, as rows of typed cells keyed by recognised columns.
//!
//! The format is taken from the file's content, not its name. Above the
//! table there is usually a title block (the bloc's name, the report title);
//! the header row is the one among the first 30 that names the most known
//! columns, one of them the task's title, and a header of two rows (a merged
//! "Đơn vị" over "Chủ trì" and "Phối hợp") is read as one. Text typed in the
//! old TCVN3 or VNI fonts is detected over the whole sheet; headers are
//! matched as converted, and cells are converted by [`convert_legacy`] once
//! the user agrees. Nothing here decides what a cell means for a task: that
//! is the importer's work, with [`cell_text`] and [`cell_date`] to help.

use crate::text::legacy::{self, Legacy};
use calamine::{Data, Dimensions, Reader, Sheets};
use chrono::{Datelike, NaiveDate};
use std::io::Cursor;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Cells longer than this many bytes are refused (no task field is that long).
const MAX_CELL: usize = 1_000_000;
/// How many rows from the top are searched for the header.
const HEADER_ROWS: u32 = 30;
/// How many non-ASCII text cells the legacy-encoding vote looks at.
const VOTE_CELLS: usize = 20_000;

/// Which columns the importer knows (the same set `export tasks` writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// "Số", "Mã": the task's number in giaoban ("#12" or "12"), for round
    /// trips. A running row number ("TT", "STT") is not this.
    Number,
    Title,
    Lead,
    With,
    People,
    Place,
    Start,
    Deadline,
    Status,
    Notes,
    Result,
    Kind,
}

/// Header names for each column, folded (see [`fold`]): no marks, "đ" as
/// "d", lowercase, letters and digits only.
const NAMES: [(Column, &[&str]); 13] = [
    (Column::Number, &["so", "ma", "sonv", "manv", "manhiemvu", "taskno", "tasknumber", "taskid", "id"]),
    (Column::Title, &["tencongviec", "noidungcongviec", "noidung", "congviec", "nhiemvu", "tennhiemvu"]),
    (Column::Title, &["noidungnhiemvu", "task", "title"]),
    (Column::Lead, &["donvichutri", "chutri", "coquanchutri", "lead", "organization", "organisation"]),
    (Column::With, &["donviphoihop", "phoihop", "coquanphoihop", "coordinating", "with"]),
    (Column::People, &["nguoithuchien", "canbophutrach", "nguoiphutrach", "people", "assignee"]),
    (Column::Place, &["diaban", "diadiem", "place"]),
    (Column::Start, &["ngaybatdau", "batdau", "thoigianbatdau", "start"]),
    (Column::Deadline, &["hanhoanthanh", "thoihan", "han", "thoigianhoanthanh", "thoihanhoanthanh", "deadline", "due"]),
    (Column::Status, &["trangthai", "tinhtrang", "tiendo", "status"]),
    (Column::Notes, &["ghichu", "notes", "note"]),
    (Column::Result, &["ketqua", "ketquathuchien", "result"]),
    (Column::Kind, &["loai", "loainhiemvu", "kind"]),
];

/// The column a header names, matched without regard to case, diacritics,
/// spaces, punctuation or line breaks ("Hạn hoàn thành", "HAN HOAN THANH",
/// "Hạn hoàn\nthành:" all name the deadline). "TT", "STT" and "No." (a running
/// row number) name none.
pub fn column_of(header: &str) -> Option<Column> {
    if header.trim() == "#" {
        return Some(Column::Number);
    }
    let key = fold(header);
    NAMES.iter().find(|(_, names)| names.contains(&key.as_str())).map(|&(c, _)| c)
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// A formula error such as `#DIV/0!` or `#REF!`.
    Error(String),
}

static EMPTY: Cell = Cell::Empty;

/// One sheet of a file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The sheet read (CSV: the file name).
    pub sheet: String,
    /// Row number of the header as the spreadsheet shows it (1-based). For a
    /// two-row header, its first row.
    pub header_row: u32,
    /// Recognised columns and their 0-based index, by index.
    pub columns: Vec<(Column, usize)>,
    /// Headers not recognised, for the user to see (not an error).
    pub unknown: Vec<(usize, String)>,
    /// Data rows after the header, blank rows left out.
    pub rows: Vec<Row>,
    /// The legacy encoding detected in the sheet's text, if any.
    pub legacy: Option<Legacy>,
    /// CSV: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-1258",
    /// or "windows-1252" for bytes typed in a legacy font; otherwise "xlsx",
    /// "xlsb", "xls" or "ods".
    pub encoding: String,
}

/// A data row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Row number as the spreadsheet shows it (1-based).
    pub number: u32,
    /// Cells by the sheet's 0-based column index (column A is 0); trailing
    /// empty cells may be absent.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell of a recognised column; `Empty` when the sheet lacks the column.
    pub fn get(&self, grid: &Grid, c: Column) -> &Cell {
        grid.columns.iter().find(|&&(k, _)| k == c).and_then(|&(_, i)| self.cells.get(i)).unwrap_or(&EMPTY)
    }
}

fn is_blank(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Text(s) => s.trim().is_empty(),
        _ => false,
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GridError {
    #[error("not a spreadsheet or CSV file")]
    NotASpreadsheet,
    #[error("the file is password-protected")]
    Encrypted,
    #[error("the file has no cells")]
    Empty,
    #[error("no sheet named {name:?} (sheets: {})", sheets.join(", "))]
    NoSuchSheet { name: String, sheets: Vec<String> },
    #[error("no header row with a task title column in the first 30 rows")]
    NoHeader,
    #[error("cell {column}{row} holds {len} bytes, more than 1 MB")]
    CellTooLarge { row: u32, column: String, len: usize },
    #[error("{0}")]
    Io(String),
    #[error("the file cannot be read: {0}")]
    Unreadable(String),
}

/// Reads one sheet of a spreadsheet or a CSV file. With `sheet`, that sheet
/// (named exactly, else without regard to case and diacritics); without, the
/// first sheet that has a recognised header.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Grid, GridError> {
    let bytes = std::fs::read(path).map_err(|e| GridError::Io(e.to_string()))?;
    if bytes.is_empty() {
        return Err(GridError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_zip(&bytes, sheet)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        read_ole(&bytes, sheet)
    } else {
        read_csv(path, &bytes, sheet)
    }
}

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// Whether `needle` occurs in the first or last 256 KB of `hay` (where a ZIP
/// file keeps the names of its parts).
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    const SPAN: usize = 256 * 1024;
    let head = &hay[..hay.len().min(SPAN)];
    let tail = &hay[hay.len().saturating_sub(SPAN)..];
    [head, tail].iter().any(|h| h.windows(needle.len()).any(|w| w == needle))
}

fn read_zip(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, GridError> {
    fn open<'a, R>(bytes: &'a [u8]) -> Result<R, GridError>
    where
        R: Reader<Cursor<&'a [u8]>>,
        R::Error: Into<calamine::Error>,
    {
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: R::Error| book_error(e.into()))
    }
    let (book, label): (Book, &str) = if holds(bytes, b"xl/workbook.bin") {
        (Sheets::Xlsb(open(bytes)?), "xlsb")
    } else if holds(bytes, b"xl/workbook.xml") {
        (Sheets::Xlsx(open(bytes)?), "xlsx")
    } else if holds(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
        (Sheets::Ods(open(bytes)?), "ods")
    } else {
        // A ZIP file of another kind: a document, a presentation, an archive.
        return Err(GridError::NotASpreadsheet);
    };
    from_book(book, label, sheet)
}

/// An OLE2 compound file: an xls workbook, or an encrypted xlsx (which Office
/// stores as an OLE2 file with `EncryptionInfo` and `EncryptedPackage` streams).
fn read_ole(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, GridError> {
    match calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)) {
        Ok(xls) => from_book(Sheets::Xls(xls), "xls", sheet),
        Err(calamine::XlsError::Password) => Err(GridError::Encrypted),
        Err(e) => {
            let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
            let streams = ["EncryptedPackage", "EncryptionInfo"].map(utf16);
            let locked = streams.iter().any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()));
            Err(if locked { GridError::Encrypted } else { GridError::Unreadable(e.to_string()) })
        }
    }
}

fn book_error(e: calamine::Error) -> GridError {
    use calamine::{Error as E, OdsError, XlsError, XlsbError, XlsxError};
    match e {
        E::Xlsx(XlsxError::Password)
        | E::Xls(XlsError::Password)
        | E::Xlsb(XlsbError::Password)
        | E::Ods(OdsError::Password) => GridError::Encrypted,
        e => GridError::Unreadable(e.to_string()),
    }
}

fn from_book(mut book: Book, label: &str, sheet: Option<&str>) -> Result<Grid, GridError> {
    let names = book.sheet_names();
    if let Some(want) = sheet {
        let found = names.iter().find(|n| *n == want).or_else(|| names.iter().find(|n| fold(n) == fold(want)));
        let Some(name) = found.cloned() else {
            return Err(GridError::NoSuchSheet { name: want.to_string(), sheets: names });
        };
        let (rows, merges) = load(&mut book, &name)?;
        let empty = rows.is_empty();
        return build(name, rows, &merges, label).ok_or(if empty { GridError::Empty } else { GridError::NoHeader });
    }
    let (mut any_cells, mut failure) = (false, None);
    for name in names {
        match load(&mut book, &name) {
            Ok((rows, _)) if rows.is_empty() => {}
            Ok((rows, merges)) => {
                any_cells = true;
                if let Some(grid) = build(name, rows, &merges, label) {
                    return Ok(grid);
                }
            }
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    Err(if any_cells { GridError::NoHeader } else { failure.unwrap_or(GridError::Empty) })
}

/// The non-blank rows of a sheet, and its merged regions (xlsx and xls only).
fn load(book: &mut Book, name: &str) -> Result<(Vec<Row>, Vec<Dimensions>), GridError> {
    let range = book.worksheet_range(name).map_err(book_error)?;
    let merges = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    // The range starts at the first used cell, not at A1.
    let Some((top, left)) = range.start() else { return Ok((Vec::new(), merges)) };
    let left = left as usize;
    let mut rows = Vec::new();
    for (i, data) in range.rows().enumerate() {
        if data.iter().all(|d| matches!(d, Data::Empty) || matches!(d, Data::String(s) if s.trim().is_empty())) {
            continue;
        }
        let number = top + i as u32 + 1;
        let mut cells = Vec::with_capacity(left + data.len());
        cells.resize(left, Cell::Empty);
        for (j, d) in data.iter().enumerate() {
            cells.push(cell_of(d, number, left + j)?);
        }
        while cells.last() == Some(&Cell::Empty) {
            cells.pop();
        }
        rows.push(Row { number, cells });
    }
    Ok((rows, merges))
}

fn cell_of(d: &Data, row: u32, col: usize) -> Result<Cell, GridError> {
    Ok(match d {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.is_empty() => Cell::Empty,
        // An ods file keeps a formula's error as the text it shows.
        Data::String(s) if ERRORS.contains(&s.as_str()) => Cell::Error(s.clone()),
        Data::String(s) | Data::DurationIso(s) => Cell::Text(checked(s, row, col)?.to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(dt) if dt.is_datetime() && dt.as_f64() >= 1.0 => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            // 1900-02-29, which Excel believes in, stays a number.
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
    })
}

/// The errors a formula can show.
const ERRORS: [&str; 9] =
    ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA", "#DATA!"];

fn checked(s: &str, row: u32, col: usize) -> Result<&str, GridError> {
    if s.len() > MAX_CELL {
        return Err(GridError::CellTooLarge { row, column: column_letter(col), len: s.len() });
    }
    Ok(s)
}

/// The spreadsheet's letter for a 0-based column index: 0 → "A", 26 → "AA".
pub fn column_letter(index: usize) -> String {
    let head = if index >= 26 { column_letter(index / 26 - 1) } else { String::new() };
    format!("{head}{}", char::from(b'A' + (index % 26) as u8))
}

fn read_csv(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Grid, GridError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(want) = sheet {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if fold(want) != fold(&name) && fold(want) != fold(&stem) {
            return Err(GridError::NoSuchSheet { name: want.to_string(), sheets: vec![name] });
        }
    }
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(GridError::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    let mut rows = parse_csv(&text, delimiter)?;
    let mut encoding = encoding.to_string();
    if encoding == "windows-1252" {
        // Read byte for byte, text typed in a legacy font keeps its codes for
        // `legacy`; otherwise the file is Vietnamese ANSI (code page 1258).
        if vote(&rows).is_none() {
            let text: String = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes).0.nfc().collect();
            rows = parse_csv(&text, delimiter)?;
            encoding = "windows-1258".into();
        }
    }
    if rows.is_empty() {
        return Err(GridError::Empty);
    }
    build(name, rows, &[], &encoding).ok_or(GridError::NoHeader)
}

/// The file's text and encoding name. Bytes that are not UTF-8 or UTF-16 are
/// read as Windows-1252 here; [`read_csv`] settles between that and 1258.
fn decode(bytes: &[u8]) -> Result<(String, &'static str), GridError> {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
    let (text, name) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), "UTF-8 (BOM)")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (UTF_16LE.decode_without_bom_handling(rest).0.into_owned(), "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (UTF_16BE.decode_without_bom_handling(rest).0.into_owned(), "UTF-16BE")
    } else if let Some(little) = utf16_without_bom(bytes) {
        let enc = if little { UTF_16LE } else { UTF_16BE };
        (enc.decode_without_bom_handling(bytes).0.into_owned(), if little { "UTF-16LE" } else { "UTF-16BE" })
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), "UTF-8")
    } else {
        (WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), "windows-1252")
    };
    // Text files hold no NUL and few control characters; binary files do.
    let sample = || text.chars().take(65_536);
    let odd = sample().filter(|&c| c == '\u{FFFD}' || c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{C}')).count();
    if sample().any(|c| c == '\0') || odd * 50 > sample().count() {
        return Err(GridError::NotASpreadsheet);
    }
    Ok((text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text), name))
}

/// UTF-16 without a byte order mark: most high bytes are zero (ASCII
/// letters, digits, punctuation) and no low byte is. Some(true) for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |at: usize| sample.iter().skip(at).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |zeros: usize| zeros * 10 >= pairs * 4;
    (mostly(odd) && even == 0 || mostly(even) && odd == 0).then_some(even == 0)
}

/// The delimiter among `,` `;` and tab whose count (outside quotes) is the
/// same on the most of the first lines. Excel pads every row with
/// delimiters, so even the title lines agree.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(50).collect();
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t'] {
        let mut counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut quoted = false;
                l.bytes()
                    .filter(|&b| {
                        quoted ^= b == b'"';
                        b == d && !quoted
                    })
                    .count()
            })
            .filter(|&n| n > 0)
            .collect();
        counts.sort_unstable();
        // The most frequent count, and how often it occurs.
        for run in counts.chunk_by(|a, b| a == b) {
            if (run.len(), run[0]) > (best.1, best.2) {
                best = (d, run.len(), run[0]);
            }
        }
    }
    best.0
}

/// Parses CSV text into non-blank rows numbered as a spreadsheet shows them
/// (a blank line is a row; a quoted line break is not).
fn parse_csv(text: &str, delimiter: u8) -> Result<Vec<Row>, GridError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let (mut record, mut rows, mut number) = (csv::StringRecord::new(), Vec::new(), 0u32);
    while reader.read_record(&mut record).map_err(|e| GridError::Unreadable(e.to_string()))? {
        // The record's position counts from the end of the one before, so
        // the blank lines the reader skipped lie at its start.
        let mut at = record.position().map_or(0, |p| p.byte() as usize);
        if at > 0 && bytes[at - 1] == b'\r' && bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        let mut blank = 0;
        while let Some(&b) = bytes.get(at).filter(|&&b| b == b'\n' || b == b'\r') {
            at += if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') { 2 } else { 1 };
            blank += 1;
        }
        number += 1 + blank;
        let mut cells = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            cells.push(if field.is_empty() { Cell::Empty } else { Cell::Text(checked(field, number, i)?.to_string()) });
        }
        while cells.last() == Some(&Cell::Empty) {
            cells.pop();
        }
        if !cells.iter().all(is_blank) {
            rows.push(Row { number, cells });
        }
    }
    Ok(rows)
}

/// Whether a text could be bytes typed in a legacy font: non-ASCII, and
/// every character one byte of Windows-1252 or Latin-1.
fn could_be_legacy(s: &str) -> bool {
    const CP1252: &str = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    !s.is_ascii() && s.chars().all(|c| (c as u32) < 0x100 || CP1252.contains(c))
}

/// The legacy encoding of a sheet, by a vote of its non-ASCII text cells:
/// the winner needs at least 3 cells or 30% of them, and more cells than
/// those that can only be Unicode.
fn vote(rows: &[Row]) -> Option<Legacy> {
    let (mut seen, mut unicode, mut tcvn3, mut vni) = (0usize, 0usize, 0usize, 0usize);
    let texts = rows.iter().flat_map(|r| &r.cells).filter_map(|c| match c {
        Cell::Text(s) if !s.is_ascii() => Some(s),
        _ => None,
    });
    for s in texts.take(VOTE_CELLS) {
        seen += 1;
        if !could_be_legacy(s) {
            unicode += 1;
            continue;
        }
        match legacy::detect(s) {
            Some(Legacy::Tcvn3) => tcvn3 += 1,
            Some(Legacy::Vni) => vni += 1,
            None => {}
        }
    }
    let (winner, n) = if tcvn3 > vni { (Legacy::Tcvn3, tcvn3) } else { (Legacy::Vni, vni) };
    (tcvn3 != vni && n > unicode && (n >= 3 || n * 10 >= seen * 3)).then_some(winner)
}

/// A header cell's text, converted when it is in a legacy encoding (unless
/// only the text as it stands names a column: "Mã" typed in Unicode).
fn header_text(c: &Cell, file: Option<Legacy>) -> String {
    let t = cell_text(c);
    if !could_be_legacy(&t) {
        return t;
    }
    let Some(l) = file.or_else(|| legacy::detect(&t)) else { return t };
    let converted = legacy::convert(&t, l);
    if column_of(&converted).is_none() && column_of(&t).is_some() {
        t
    } else {
        converted
    }
}

/// A header column: what it names, and its text.
type Entry = (Option<Column>, String);

/// Finds the header, maps the columns and takes the data rows after it.
fn build(sheet: String, mut rows: Vec<Row>, merges: &[Dimensions], encoding: &str) -> Option<Grid> {
    let legacy = vote(&rows);
    let names = |r: &Row| r.cells.iter().map(|c| header_text(c, legacy)).collect::<Vec<_>>();
    let first = rows.first()?.number;
    // The row that, with the row below it when that is a second header row,
    // names the most columns, the title among them.
    let mut best: Option<(usize, usize, Vec<Entry>, bool)> = None;
    for (i, row) in rows.iter().enumerate().take_while(|(_, r)| r.number < first + HEADER_ROWS) {
        let top = names(row);
        let mut entries: Vec<Entry> = top.iter().map(|n| (column_of(n), n.clone())).collect();
        if entries.iter().all(|e| e.0.is_none()) {
            continue;
        }
        let below = rows.get(i + 1).filter(|r| r.number == row.number + 1);
        let sub = below.and_then(|next| sub_header(&top, &names(next), merges, row.number - 1));
        let layered = sub.is_some();
        for (c, entry) in sub.into_iter().flatten() {
            if c >= entries.len() {
                entries.resize(c + 1, (None, String::new()));
            }
            entries[c] = entry;
        }
        let mut found: Vec<Column> = entries.iter().filter_map(|e| e.0).collect();
        found.sort_unstable();
        found.dedup();
        if found.contains(&Column::Title) && best.as_ref().is_none_or(|b| found.len() > b.1) {
            best = Some((i, found.len(), entries, layered));
        }
    }
    let (at, _, entries, layered) = best?;
    let header_row = rows[at].number;
    let mut data_from = at + 1 + usize::from(layered);
    if rows.get(data_from).is_some_and(is_numbering) {
        data_from += 1;
    }
    let (mut columns, mut unknown) = (Vec::new(), Vec::new());
    for (c, (col, name)) in entries.into_iter().enumerate() {
        match col {
            Some(col) if !columns.iter().any(|&(k, _)| k == col) => columns.push((col, c)),
            _ if !name.is_empty() => unknown.push((c, name)),
            _ => {}
        }
    }
    let rows = rows.split_off(data_from.min(rows.len()));
    Some(Grid { sheet, header_row, columns, unknown, rows, legacy, encoding: encoding.to_string() })
}

/// The second row of a two-row header: sub-headers ("Chủ trì", "Phối hợp")
/// under a merged or empty header cell, read together with the header above
/// ("Đơn vị" + "Chủ trì"). None unless one of them is recognised under an
/// empty or merged header cell. `h0` is the header's 0-based row.
fn sub_header(top: &[String], sub: &[String], merges: &[Dimensions], h0: u32) -> Option<Vec<(usize, Entry)>> {
    let mut out = Vec::new();
    let mut layered = false;
    for (c, s) in sub.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
        let own = top.get(c).map_or("", String::as_str);
        let region = merges.iter().find(|d| {
            d.start.0 <= h0 && h0 <= d.end.0 && d.start.1 < d.end.1 && (d.start.1..=d.end.1).contains(&(c as u32))
        });
        let parent = match region {
            Some(d) if d.start.0 == h0 => top.get(d.start.1 as usize).map_or("", String::as_str),
            _ => own,
        };
        let open = own.is_empty() || region.is_some();
        if !open && column_of(own).is_some() {
            continue;
        }
        let joined = if parent.is_empty() { s.clone() } else { format!("{parent} {s}") };
        let col = column_of(&joined).or_else(|| column_of(s));
        layered |= open && col.is_some();
        if col.is_some() || open {
            out.push((c, (col, joined)));
        }
    }
    layered.then_some(out)
}

/// A row numbering the columns under the header ("1 2 3 …" or "(1) (2) …"),
/// as official forms have.
fn is_numbering(row: &Row) -> bool {
    let (mut last, mut count) = (0, 0);
    for c in row.cells.iter().filter(|c| !is_blank(c)) {
        let t = cell_text(c);
        let t = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(&t);
        match t.parse::<u32>() {
            Ok(n) if n > last && n < 100 => (last, count) = (n, count + 1),
            _ => return false,
        }
    }
    count >= 2
}

/// Converts the text cells of the recognised columns from the grid's legacy
/// encoding to Unicode NFC, in place, and returns (row number, column,
/// before, after) for each cell changed. Cells that hold Unicode letters are
/// left alone; a cell that reads as the other legacy encoding (a sheet put
/// together from two offices) is converted from that one. `legacy` is None
/// afterwards, so a second call changes nothing.
pub fn convert_legacy(grid: &mut Grid) -> Vec<(u32, Column, String, String)> {
    let Some(from) = grid.legacy.take() else { return Vec::new() };
    let mut changed = Vec::new();
    for row in &mut grid.rows {
        for &(col, i) in &grid.columns {
            let Some(Cell::Text(s)) = row.cells.get_mut(i) else { continue };
            if !could_be_legacy(s) {
                continue;
            }
            let after = legacy::convert(s, legacy::detect(s).unwrap_or(from));
            if after != *s {
                let before = std::mem::replace(s, after.clone());
                changed.push((row.number, col, before, after));
            }
        }
    }
    changed
}

/// A cell as text: NFC, trimmed, runs of whitespace (line breaks too) as one
/// space; whole numbers without ".0"; dates as dd/mm/yyyy.
pub fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) if s.is_ascii() => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Cell::Text(s) => s.nfc().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => format!("{n}"),
        Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        Cell::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Cell::Error(e) => e.clone(),
    }
}

/// A cell as a date. Empty is None. Numbers are Excel serials (1900 system,
/// where serial 60 is the 29 February 1900 that never was); text may be a
/// serial of five digits ("46000"), "dd/mm/yyyy", "d/m/yy" (20yy), with "-"
/// or "." as well, "yyyy-mm-dd", or "ngày 5 tháng 1 năm 2027"; a day and month
/// alone ("5/1") fall in `today`'s year. A time after the date is ignored.
/// The error is the cell's text as written, for the importer's message.
pub fn cell_date(c: &Cell, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    match c {
        Cell::Empty => Ok(None),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => excel_serial(*n).map(Some).ok_or_else(|| cell_text(c)),
        Cell::Text(_) => text_date(&cell_text(c), today).map(Some).ok_or_else(|| cell_text(c)),
        Cell::Bool(_) | Cell::Error(_) => Err(cell_text(c)),
    }
}

/// An Excel serial date (1900 system): 1 is 1900-01-01, 59 is 1900-02-28,
/// 60 (Excel's 1900-02-29) is no date, 61 is 1900-03-01. A time of day (the
/// fraction) is dropped.
fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !n.is_finite() || !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.floor() as i64;
    let epoch = match days {
        60 => return None,
        ..60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    epoch.checked_add_signed(chrono::Duration::days(days))
}

fn text_date(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let words = fold_words(t);
    if words.starts_with("ngay ") || words.contains(" thang ") {
        // "ngày 5 tháng 1 năm 2027", "Ngày 05 tháng 01 năm 2027".
        let n: Vec<&str> = words.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
        return match n.as_slice() {
            [d, m] => ymd(&today.year().to_string(), m, d),
            [d, m, y] => ymd(y, m, d),
            _ => None,
        };
    }
    // A time after the date: "05/01/2027 08:00", "2027-01-05T08:00:00".
    let date = t.split([' ', 'T']).next().unwrap_or(t);
    if date.len() == 5 && date.bytes().all(|b| b.is_ascii_digit()) {
        return excel_serial(date.parse().ok()?);
    }
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    if !parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(y, m, d),
        [d, m, y] if y.len() == 4 || y.len() == 2 => ymd(y, m, d),
        [d, m] => ymd(&today.year().to_string(), m, d),
        _ => None,
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let y: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// Lowercase, without marks, "đ" as "d": the letters and digits only.
fn fold(s: &str) -> String {
    fold_words(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Lowercase, without marks, "đ" as "d", anything else than letters and
/// digits as single spaces.
fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !('\u{300}'..='\u{36F}').contains(c)).flat_map(char::to_lowercase) {
        let c = if c == 'đ' { 'd' } else { c };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
#[path = "grid_tests.rs"]
mod tests;
