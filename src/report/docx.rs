//! The .docx writer: a `Document` laid out as Decree 30/2020 (Annex I) sets a
//! document of record: A4, margins 20/20/30/15 mm, Times New Roman 14 pt,
//! the issuer and motto side by side above a centred title, a justified body
//! with indented first lines, the signatures beside "Nơi nhận", and the page
//! number centred in the top margin from the second page on.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header as PageHeader, HeightRule, LineSpacing, LineSpacingType,
    PageMargin, PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::doc::{Block, Document, Motto, Signer, Span};

const FONT: &str = "Times New Roman";
const BLACK: &str = "000000";
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// 20 mm, 20 mm, 30 mm and 15 mm in twips.
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
/// The page number sits 10 mm from the top edge, inside the top margin.
const HEADER_DISTANCE: i32 = 567;
/// The width between the margins, in twips.
const TEXT_W: usize = PAGE_W as usize - MARGIN_LEFT as usize - MARGIN_RIGHT as usize;
/// Inner left and right padding of the cells of a body table and of the
/// borderless layout tables.
const CELL_PAD: usize = 85;
const LAYOUT_PAD: usize = 57;
/// 1.27 cm.
const FIRST_LINE: i32 = 720;
/// Body line pitch: 1.3 lines.
const BODY_LINE: i32 = 312;
/// 6 pt after each body paragraph.
const BODY_AFTER: u32 = 120;
/// Sizes in half-points.
const SZ_11: usize = 22;
const SZ_12: usize = 24;
const SZ_13: usize = 26;
const SZ_14: usize = 28;
const SZ_15: usize = 30;
/// Stands on the header row of a body table until the package is written,
/// where it becomes `<w:tblHeader/>` (repeat the row on each page). An
/// "auto" height is no constraint, so the marker alone would change nothing.
const HEADER_ROW_MARK: &str = r#"<w:trHeight w:val="7" w:hRule="auto" />"#;

/// Writes the document as the bytes of a .docx package.
pub fn to_docx(doc: &Document) -> Vec<u8> {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
    let margins = PageMargin::new().top(MARGIN_TOP).bottom(MARGIN_BOTTOM).left(MARGIN_LEFT).right(MARGIN_RIGHT);
    let margins = margins.header(HEADER_DISTANCE).footer(HEADER_DISTANCE).gutter(0);
    let page_number = PageHeader::new().add_paragraph(compact(AlignmentType::Center).add_page_num(PageNum::new()));
    let first_page = PageHeader::new().add_paragraph(compact(AlignmentType::Center));
    let mut docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(margins)
        .default_fonts(fonts)
        .default_size(SZ_14)
        .default_line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(BODY_LINE).after(BODY_AFTER))
        .header(page_number)
        .first_header(first_page)
        .title_pg()
        .add_table(header_table(doc));

    docx = docx.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(spacing(240, 360, 0))
            .keep_next(true)
            .add_run(text(&doc.title.to_uppercase(), SZ_14).bold()),
    );
    for line in &doc.subject {
        docx = docx.add_paragraph(compact(AlignmentType::Center).keep_next(true).add_run(text(line, SZ_14).bold()));
    }
    let longest = doc.subject.iter().map(|s| text_width(s, SZ_14, true)).max();
    let rule_w = longest.map_or(text_width(&doc.title, SZ_14, true), |w| w.min(TEXT_W)) / 3;
    docx = docx.add_paragraph(rule(TEXT_W, rule_w.max(1200), 240));

    for (i, block) in doc.body.iter().enumerate() {
        // The last lines of the body go over to the next page with the
        // signatures rather than leave them alone on a page.
        let last = i + 1 == doc.body.len();
        docx = match block {
            Block::Heading(h) => docx.add_paragraph(body(0).keep_next(true).add_run(text(h, SZ_14).bold())),
            Block::Para(spans) => docx.add_paragraph(add_spans(body(FIRST_LINE).keep_next(last), spans)),
            Block::Bullet(spans) => {
                docx.add_paragraph(add_spans(body(FIRST_LINE).keep_next(last).add_run(text("- ", SZ_14)), spans))
            }
            Block::Table { widths, header, rows } => {
                docx.add_table(body_table(widths, header, rows)).add_paragraph(spacer(SZ_14))
            }
        };
    }

    docx = docx.add_paragraph(spacer(SZ_14).keep_next(true));
    let recipients = recipients(&doc.recipients);
    match &doc.left_signer {
        Some(left) => {
            let half = [TEXT_W / 2, TEXT_W - TEXT_W / 2];
            let row = TableRow::new(vec![
                cell(half[0], signature(left, half[0]), VAlignType::Top),
                cell(half[1], signature(&doc.signer, half[1]), VAlignType::Top),
            ])
            .cant_split();
            docx = docx.add_table(plain_table(&half, vec![row]));
            docx = docx.add_paragraph(spacer(SZ_14));
            for p in recipients {
                docx = docx.add_paragraph(p);
            }
        }
        None => {
            let widths = header_widths(doc.header.motto);
            let left = if recipients.is_empty() { vec![spacer(SZ_12)] } else { recipients };
            let row = TableRow::new(vec![
                cell(widths[0], left, VAlignType::Top),
                cell(widths[1], signature(&doc.signer, widths[1]), VAlignType::Top),
            ])
            .cant_split();
            docx = docx.add_table(plain_table(&widths, vec![row])).add_paragraph(spacer(SZ_12));
        }
    }

    let mut xml = docx.build();
    xml.document = mark_header_rows(&xml.document);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).expect("writing a zip archive to memory cannot fail");
    out.into_inner()
}

/// The widths of the issuer and motto columns: 40% and 60%, the motto's
/// column widened when its first line would not fit on one line.
fn header_widths(motto: Motto) -> [usize; 2] {
    let (first, _) = motto.lines();
    let size = if motto == Motto::Youth { SZ_15 } else { SZ_13 };
    let right = (TEXT_W * 3 / 5).max(text_width(first, size, true) + 2 * LAYOUT_PAD + 300);
    [TEXT_W - right, right]
}

/// The issuer on the left and the motto on the right, over a second row with
/// the number and the place and date on one level, all without borders.
fn header_table(doc: &Document) -> Table {
    let h = &doc.header;
    let widths = header_widths(h.motto);
    let (left_in, right_in) = (widths[0] - 2 * LAYOUT_PAD, widths[1] - 2 * LAYOUT_PAD);

    let mut issuer = Vec::new();
    let parent = h.parent.trim().to_uppercase();
    if !parent.is_empty() {
        issuer.push(centred_lines(&parent, SZ_13, false, left_in));
    }
    let office = h.office.trim().to_uppercase();
    issuer.push(centred_lines(&office, SZ_13, true, left_in));
    let office_w = text_width(&office, SZ_13, true).min(left_in);
    if h.motto == Motto::Party {
        // Party bodies mark the issuer with a star beneath it, not a rule.
        issuer.push(compact(AlignmentType::Center).add_run(text("*", SZ_13)));
    } else {
        issuer.push(rule(left_in, (office_w * 2 / 5).max(900), 0));
    }

    let (first, second) = h.motto.lines();
    let first_size = if h.motto == Motto::Youth { SZ_15 } else { SZ_13 };
    let mut motto = vec![compact(AlignmentType::Center).add_run(text(first, first_size).bold())];
    let ruled = match second {
        Some(line) => {
            motto.push(compact(AlignmentType::Center).add_run(text(line, SZ_14).bold()));
            text_width(line, SZ_14, true)
        }
        None => text_width(first, first_size, true),
    };
    motto.push(rule(right_in, ruled.min(right_in), 0));

    let number = compact(AlignmentType::Center).line_spacing(spacing(240, 120, 0)).add_run(text(&h.number, SZ_13));
    let mut dated = compact(AlignmentType::Center).line_spacing(spacing(240, 120, 0));
    if let Some(pd) = &h.place_date {
        dated = dated.add_run(text(pd, SZ_14).italic());
    }

    let rows = vec![
        TableRow::new(vec![cell(widths[0], issuer, VAlignType::Top), cell(widths[1], motto, VAlignType::Top)]),
        TableRow::new(vec![
            cell(widths[0], vec![number], VAlignType::Top),
            cell(widths[1], vec![dated], VAlignType::Top),
        ]),
    ];
    plain_table(&widths, rows)
}

/// One signature block: authority, title, note, room to sign, name.
fn signature(s: &Signer, width: usize) -> Vec<Paragraph> {
    let room = width - 2 * LAYOUT_PAD;
    let mut out = Vec::new();
    let authority = s.authority.trim().to_uppercase();
    if !authority.is_empty() {
        out.push(centred_lines(&authority, SZ_14, true, room));
    }
    out.push(centred_lines(&s.title.trim().to_uppercase(), SZ_14, true, room));
    if !s.note.trim().is_empty() {
        out.push(compact(AlignmentType::Center).add_run(text(s.note.trim(), SZ_14).italic()));
    }
    for _ in 0..4 {
        out.push(spacer(SZ_14));
    }
    out.push(compact(AlignmentType::Center).add_run(text(s.name.trim(), SZ_14).bold()));
    out
}

/// "Nơi nhận:" and its entries, each "- …;" and the last "- ….".
fn recipients(entries: &[String]) -> Vec<Paragraph> {
    if entries.is_empty() {
        return Vec::new();
    }
    let mut out = vec![compact(AlignmentType::Left).add_run(text("Nơi nhận:", SZ_12).bold().italic())];
    for (i, entry) in entries.iter().enumerate() {
        let entry = entry.trim().trim_start_matches(['-', ' ']).trim_end_matches([';', '.', ' ']);
        let end = if i + 1 == entries.len() { '.' } else { ';' };
        out.push(compact(AlignmentType::Left).add_run(text(&format!("- {entry}{end}"), SZ_11)));
    }
    out
}

/// A bordered table of the body, its header row bold, centred and repeated
/// on each page.
fn body_table(widths: &[u16], header: &[String], rows: &[Vec<String>]) -> Table {
    let cols = rows.iter().map(Vec::len).chain([header.len()]).max().unwrap_or(0).max(1);
    let grid = column_widths(widths, cols);
    use TableBorderPosition::{Bottom, InsideH, InsideV, Left, Right, Top};
    let borders = [Top, Left, Bottom, Right, InsideH, InsideV].into_iter().fold(TableBorders::with_empty(), |b, p| {
        b.set(TableBorder::new(p).border_type(BorderType::Single).size(4).color(BLACK))
    });

    let make_row = |cells: &[String], head: bool| {
        let cells = (0..cols)
            .map(|i| {
                let value = cells.get(i).map_or("", String::as_str);
                let p = if head {
                    compact(AlignmentType::Center).add_run(text(value, SZ_13).bold())
                } else {
                    compact(AlignmentType::Left).add_run(text(value, SZ_13))
                };
                cell(grid[i], vec![p.line_spacing(spacing(240, 40, 40))], VAlignType::Center)
            })
            .collect();
        TableRow::new(cells)
    };
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    if !header.is_empty() {
        table_rows.push(make_row(header, true).row_height(7.0).height_rule(HeightRule::Auto).cant_split());
    }
    table_rows.extend(rows.iter().map(|r| make_row(r, false).cant_split()));
    Table::new(table_rows)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PAD, 0, CELL_PAD))
        .set_borders(borders)
}

/// The twips of each column from shares in percent; without one share per
/// column, the columns are equal.
fn column_widths(shares: &[u16], cols: usize) -> Vec<usize> {
    let usable = shares.len() == cols && shares.iter().all(|&s| s > 0);
    let total: usize = if usable { shares.iter().map(|&s| s as usize).sum() } else { cols };
    let mut grid: Vec<usize> =
        (0..cols).map(|i| TEXT_W * if usable { shares[i] as usize } else { 1 } / total).collect();
    let used: usize = grid.iter().sum();
    if let Some(last) = grid.last_mut() {
        *last += TEXT_W - used;
    }
    grid
}

/// A layout table with no borders at all and fixed column widths.
fn plain_table(widths: &[usize], rows: Vec<TableRow>) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, LAYOUT_PAD, 0, LAYOUT_PAD))
        .clear_all_border()
}

fn cell(width: usize, paragraphs: Vec<Paragraph>, align: VAlignType) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa).vertical_align(align), |c, p| c.add_paragraph(p))
}

/// A short horizontal rule of `width` twips, centred in a space of `room`
/// twips: an empty paragraph with a bottom border and equal indents.
fn rule(room: usize, width: usize, after: u32) -> Paragraph {
    let side = (room.saturating_sub(width) / 2) as i32;
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(LineSpacing::new().line_rule(LineSpacingType::Exact).line(100).before(0).after(after))
        .size(4);
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(6).color(BLACK);
    p.property = p.property.set_borders(ParagraphBorders::with_empty().set(border));
    p
}

/// A centred paragraph of one line, or of two lines of about equal length
/// when the text is wider than `room` twips.
fn centred_lines(s: &str, size: usize, bold: bool, room: usize) -> Paragraph {
    let mut run = Run::new().size(size).color(BLACK);
    for (i, line) in balanced(s, size, bold, room).iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    compact(AlignmentType::Center).add_run(if bold { run.bold() } else { run })
}

/// `s` as one line if it fits in `room` twips (with a little to spare), or
/// else broken at the space that leaves the two lines closest in length; if
/// no such break fits either, one line for the renderer to wrap. Line breaks
/// already in the text are kept as they are.
fn balanced(s: &str, size: usize, bold: bool, room: usize) -> Vec<String> {
    if s.contains('\n') {
        return s.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
    }
    let room = room * 19 / 20;
    if text_width(s, size, bold) <= room {
        return vec![s.to_string()];
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..words.len())
        .map(|k| (words[..k].join(" "), words[k..].join(" ")))
        .map(|(a, b)| (text_width(&a, size, bold).max(text_width(&b, size, bold)), a, b))
        .min_by_key(|(w, _, _)| *w)
        .filter(|(w, _, _)| *w <= room)
        .map_or_else(|| vec![s.to_string()], |(_, a, b)| vec![a, b])
}

/// A single-spaced paragraph with nothing after it, for the header and the
/// signature blocks.
fn compact(align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).line_spacing(spacing(240, 0, 0))
}

/// A justified body paragraph, its first line indented by `first_line`.
fn body(first_line: i32) -> Paragraph {
    let p = Paragraph::new().align(AlignmentType::Both).line_spacing(spacing(BODY_LINE, 0, BODY_AFTER));
    if first_line > 0 {
        p.indent(None, Some(SpecialIndentType::FirstLine(first_line)), None, None)
    } else {
        p
    }
}

/// An empty single-spaced line of the given size.
fn spacer(size: usize) -> Paragraph {
    compact(AlignmentType::Left).size(size)
}

fn spacing(line: i32, before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Auto).line(line).before(before).after(after)
}

fn add_spans(p: Paragraph, spans: &[Span]) -> Paragraph {
    spans.iter().fold(p, |p, s| {
        let mut r = text(&s.text, SZ_14);
        if s.bold {
            r = r.bold();
        }
        if s.italic {
            r = r.italic();
        }
        p.add_run(r)
    })
}

fn text(s: &str, size: usize) -> Run {
    Run::new().add_text(s).size(size).color(BLACK)
}

/// Advances of Times New Roman capitals and small letters, A to Z, in
/// thousandths of an em, regular and bold.
#[rustfmt::skip]
const UPPER: [[u16; 26]; 2] = [
    [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
     722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611],
    [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
     722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667],
];
#[rustfmt::skip]
const LOWER: [[u16; 26]; 2] = [
    [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
     500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444],
    [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833,
     556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444],
];

/// The width of a line of Times New Roman in twips, from the advances of
/// its letters; the accented Vietnamese vowels count as an average vowel.
fn text_width(s: &str, size: usize, bold: bool) -> usize {
    let b = usize::from(bold);
    let units: usize = s
        .chars()
        .map(|c| match c {
            'A'..='Z' => UPPER[b][c as usize - 'A' as usize],
            'a'..='z' => LOWER[b][c as usize - 'a' as usize],
            'Đ' => 722,
            'đ' => LOWER[b][3],
            '0'..='9' => 500,
            ' ' | ',' | '.' => 250,
            ':' | ';' | '/' => 278 + 55 * b as u16,
            '-' | '(' | ')' => 333,
            c if c.is_uppercase() => 700,
            c if c.is_lowercase() => 470 + 30 * b as u16,
            _ => 500,
        } as usize)
        .sum();
    units * size * 10 / 1000
}

/// Turns the header-row markers into `<w:tblHeader/>`.
fn mark_header_rows(document: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(document) {
        Ok(xml) if xml.contains(HEADER_ROW_MARK) => xml.replace(HEADER_ROW_MARK, "<w:tblHeader />").into_bytes(),
        _ => document.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::doc::Header;
    use super::*;
    use std::io::Read;

    fn signer(title: &str, name: &str) -> Signer {
        Signer {
            authority: String::new(), title: title.into(), note: "(Ký, ghi rõ họ tên)".into(), name: name.into()
        }
    }

    fn notice() -> Document {
        Document {
            header: Header {
                parent: "ỦY BAN MTTQ VIỆT NAM XÃ HẢI HÀ".into(),
                office: "KHỐI MTTQ VÀ CÁC ĐOÀN THỂ".into(),
                number: "Số: 06/TB-KMTTQ".into(),
                place_date: Some("Hải Hà, ngày 05 tháng 01 năm 2027".into()),
                motto: Motto::State,
            },
            title: "THÔNG BÁO".into(),
            subject: vec!["Kết luận giao ban tháng 01 năm 2027".into()],
            body: vec![
                Block::Heading("1. Kết quả".into()),
                Block::Para(vec![
                    Span::plain("Hội Nông dân & Đoàn Thanh niên "),
                    Span::bold("<phối hợp>"),
                    Span::plain(" a > b"),
                ]),
                Block::Bullet(vec![Span::italic("Tuyên truyền")]),
                Block::Table {
                    widths: vec![8, 52, 40],
                    header: vec!["TT".into(), "Nội dung".into(), "Đơn vị".into()],
                    rows: vec![vec!["1".into(), "Thăm hỏi hộ nghèo".into(), "Hội Nông dân".into()]],
                },
            ],
            left_signer: None,
            signer: Signer {
                authority: "TM. KHỐI MTTQ VÀ CÁC ĐOÀN THỂ".into(),
                ..signer("TRƯỞNG KHỐI", "Nguyễn Văn An")
            },
            recipients: vec!["Thường trực Đảng ủy xã;".into(), "Các đoàn thể".into(), "Lưu: VT".into()],
        }
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
        let mut out = String::new();
        zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the package")).read_to_string(&mut out).unwrap();
        out
    }

    fn document(doc: &Document) -> String {
        part(&to_docx(doc), "word/document.xml")
    }

    /// The run that holds `text`, from `<w:r>` to its `</w:r>`.
    fn run_of<'a>(xml: &'a str, text: &str) -> &'a str {
        let at = xml.find(&format!(">{text}<")).unwrap_or_else(|| panic!("{text:?} in the document"));
        let start = xml[..at].rfind("<w:r>").expect("a run");
        &xml[start..at + xml[at..].find("</w:r>").expect("end of run")]
    }

    /// The paragraph that holds `text`, from `<w:p ` to its `</w:p>`.
    fn paragraph_of<'a>(xml: &'a str, text: &str) -> &'a str {
        let at = xml.find(&format!(">{text}<")).unwrap_or_else(|| panic!("{text:?} in the document"));
        &xml[xml[..at].rfind("<w:p ").expect("a paragraph")..at]
    }

    #[test]
    fn page_is_a4_with_decree_margins_and_times_new_roman_14() {
        let bytes = to_docx(&notice());
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4 page");
        assert!(xml.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#), "margins");
        let styles = part(&bytes, "word/styles.xml");
        let defaults = &styles[styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
        for attr in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
            assert!(defaults.contains(&format!(r#"{attr}="Times New Roman""#)), "{attr} font");
        }
        assert!(defaults.contains(r#"<w:sz w:val="28" />"#), "14 pt by default");
        assert!(defaults.contains(r#"w:after="120" w:line="312""#), "body spacing");
    }

    #[test]
    fn header_block_has_issuer_and_motto_without_borders() {
        let xml = document(&notice());
        let header = &xml[..xml.find("</w:tbl>").unwrap()];
        let borders = &header[header.find("<w:tblBorders>").unwrap()..header.find("</w:tblBorders>").unwrap()];
        assert_eq!(borders.matches(r#"w:val="nil""#).count(), 6, "no borders in the header table: {borders}");
        assert!(!header.contains("<w:tcBorders>"));
        assert!(header.contains(r#"<w:tblLayout w:type="fixed" />"#));
        let motto = run_of(&xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert!(motto.contains("<w:b />") && motto.contains(r#"<w:sz w:val="26" />"#), "{motto}");
        let second = run_of(&xml, "Độc lập - Tự do - Hạnh phúc");
        assert!(second.contains("<w:b />") && second.contains(r#"<w:sz w:val="28" />"#), "{second}");
        let office = run_of(&xml, "KHỐI MTTQ VÀ");
        assert!(office.contains("<w:b />") && office.contains(r#"w:val="26""#), "{office}");
        assert!(office.contains(r#"<w:br w:type="textWrapping" />"#) && office.contains(">CÁC ĐOÀN THỂ<"), "{office}");
        assert!(!run_of(&xml, "Số: 06/TB-KMTTQ").contains("<w:b />"));
        assert!(run_of(&xml, "Hải Hà, ngày 05 tháng 01 năm 2027").contains("<w:i />"));
        assert!(header.contains("<w:pBdr><w:bottom w:val=\"single\""), "rules under office and motto");
    }

    #[test]
    fn title_subject_and_body_follow_the_decree() {
        let xml = document(&notice());
        let title = run_of(&xml, "THÔNG BÁO");
        assert!(title.contains("<w:b />") && title.contains(r#"<w:sz w:val="28" />"#), "{title}");
        assert!(paragraph_of(&xml, "THÔNG BÁO").contains(r#"<w:jc w:val="center" />"#));
        assert!(run_of(&xml, "Kết luận giao ban tháng 01 năm 2027").contains("<w:b />"));
        let heading = paragraph_of(&xml, "1. Kết quả");
        assert!(heading.contains(r#"w:val="both""#) && !heading.contains("w:firstLine"), "{heading}");
        assert!(paragraph_of(&xml, "Hội Nông dân &amp; Đoàn Thanh niên ").contains(r#"w:firstLine="720""#));
        assert!(paragraph_of(&xml, "Tuyên truyền").contains(">- <"), "bullet dash");
        assert!(run_of(&xml, "Tuyên truyền").contains("<w:i />"));
    }

    #[test]
    fn text_is_escaped_and_reads_back() {
        let bytes = to_docx(&notice());
        let xml = part(&bytes, "word/document.xml");
        assert!(
            xml.contains("Hội Nông dân &amp; Đoàn") && xml.contains("&lt;phối hợp&gt;") && xml.contains(" a &gt; b")
        );
        assert!(!xml.contains("<phối hợp>"));
        let read = docx_rs::read_docx(&bytes).expect("the package reads back");
        let json = read.json();
        assert!(json.contains("Hội Nông dân & Đoàn") && json.contains("<phối hợp>"), "text comes back as written");
    }

    #[test]
    fn body_table_is_bordered_with_a_repeated_bold_header() {
        let xml = document(&notice());
        let grid: String =
            [748, 4864, 3743].iter().map(|w| format!(r#"<w:gridCol w:w="{w}" w:type="dxa" />"#)).collect();
        assert!(xml.contains(&format!("<w:tblGrid>{grid}</w:tblGrid>")), "8/52/40 % of 9355 twips");
        assert!(xml.contains(r#"<w:insideV w:val="single" w:sz="4""#));
        assert_eq!(xml.matches("<w:tblHeader />").count(), 1);
        assert!(!xml.contains(HEADER_ROW_MARK));
        let head = run_of(&xml, "Nội dung");
        assert!(head.contains("<w:b />") && head.contains(r#"<w:sz w:val="26" />"#), "{head}");
        assert!(!run_of(&xml, "Thăm hỏi hộ nghèo").contains("<w:b />"));
        assert_eq!(column_widths(&[30, 30], 3).iter().sum::<usize>(), TEXT_W, "even columns on a mismatch");
    }

    #[test]
    fn page_number_from_the_second_page() {
        let bytes = to_docx(&notice());
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("<w:titlePg />"));
        assert!(xml.contains(r#"<w:headerReference w:type="default" r:id="rIdHeader1" />"#));
        assert!(xml.contains(r#"<w:headerReference w:type="first" r:id="rIdHeader2" />"#));
        let default = part(&bytes, "word/header1.xml");
        assert!(default.contains("<w:instrText>PAGE</w:instrText>") && default.contains(r#"<w:jc w:val="center" />"#));
        assert!(!part(&bytes, "word/header2.xml").contains("PAGE"), "no number on the first page");
    }

    #[test]
    fn recipients_beside_one_signature() {
        let xml = document(&notice());
        let label = run_of(&xml, "Nơi nhận:");
        assert!(label.contains("<w:b />") && label.contains("<w:i />") && label.contains(r#"w:val="24""#));
        assert!(run_of(&xml, "- Thường trực Đảng ủy xã;").contains(r#"<w:sz w:val="22" />"#));
        assert!(xml.contains(">- Các đoàn thể;<") && xml.contains(">- Lưu: VT.<"));
        let label_at = xml.find("Nơi nhận:").unwrap();
        assert!(label_at > xml.rfind("<w:tbl>").unwrap() && label_at < xml.rfind("</w:tbl>").unwrap(), "beside");
        assert!(run_of(&xml, "TM. KHỐI MTTQ VÀ CÁC ĐOÀN THỂ").contains("<w:b />"));
        assert!(run_of(&xml, "Nguyễn Văn An").contains("<w:b />"));
        let mut bare = notice();
        bare.recipients.clear();
        assert!(!document(&bare).contains("Nơi nhận"));
    }

    #[test]
    fn two_signatures_then_recipients_below() {
        let mut doc = notice();
        doc.left_signer = Some(signer("THƯ KÝ", "Trần Thị Bình"));
        doc.header.motto = Motto::Youth;
        let xml = document(&doc);
        assert!(xml.contains(">THƯ KÝ<") && xml.contains(">Trần Thị Bình<") && xml.contains(">Nguyễn Văn An<"));
        assert!(xml.find("Nơi nhận:").unwrap() > xml.rfind("</w:tbl>").unwrap(), "after the signatures");
        assert!(run_of(&xml, "(Ký, ghi rõ họ tên)").contains("<w:i />"));
        assert!(run_of(&xml, "ĐOÀN TNCS HỒ CHÍ MINH").contains(r#"<w:sz w:val="30" />"#));
        assert!(!xml.contains("Độc lập"));
    }

    #[test]
    fn long_lines_break_in_two_balanced_lines() {
        assert_eq!(balanced("KHỐI MTTQ VÀ CÁC ĐOÀN THỂ", SZ_13, true, 3000), ["KHỐI MTTQ VÀ", "CÁC ĐOÀN THỂ"]);
        assert_eq!(balanced("BAN DÂN VẬN", SZ_13, true, 3000), ["BAN DÂN VẬN"]);
        assert_eq!(balanced("ĐẢNG BỘ\nXÃ HẢI HÀ", SZ_13, false, 9000), ["ĐẢNG BỘ", "XÃ HẢI HÀ"]);
        let motto = text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", SZ_13, true);
        assert!((5200..5700).contains(&motto), "{motto}");
    }
}
