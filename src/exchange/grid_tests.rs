use super::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::path::PathBuf;

/// Writes `bytes` to a fresh file in the temporary folder.
fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("giaoban-grid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn today() -> NaiveDate {
    d(2026, 11, 20)
}

/// The task list as an office keeps it: a title block, a header of two rows
/// with a merged "Đơn vị", and data with every kind of date.
fn task_sheet(ws: &mut Worksheet) {
    let plain = Format::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "ỦY BAN MTTQ VIỆT NAM HUYỆN HẢI HÀ").unwrap();
    ws.write_string(1, 0, "KẾ HOẠCH CÔNG VIỆC THÁNG 01/2027").unwrap();
    ws.write_string(2, 0, "(Kèm theo Thông báo số 12/TB-MTTQ)").unwrap();
    // Row 4 is blank; the header takes rows 5 and 6.
    ws.merge_range(4, 0, 5, 0, "STT", &plain).unwrap();
    ws.merge_range(4, 1, 5, 1, "Tên công việc", &plain).unwrap();
    ws.merge_range(4, 2, 4, 3, "Đơn vị", &plain).unwrap();
    ws.write_string(5, 2, "Chủ trì").unwrap();
    ws.write_string(5, 3, "Phối hợp").unwrap();
    ws.merge_range(4, 4, 5, 4, "Han hoan thanh", &plain).unwrap();
    ws.merge_range(4, 5, 5, 5, "Ngày bắt đầu", &plain).unwrap();
    ws.merge_range(4, 6, 5, 6, "Ghi chú", &plain).unwrap();
    ws.merge_range(4, 7, 5, 7, "Cột phụ", &plain).unwrap();
    ws.merge_range(4, 8, 5, 8, "Số", &plain).unwrap();
    // Row 7.
    ws.write_number(6, 0, 1).unwrap();
    ws.write_string(6, 1, "Tổ chức Hội nghị  giao ban\nquý I").unwrap();
    ws.write_string(6, 2, "MTTQ").unwrap();
    ws.write_string(6, 3, "HND, HLHPN").unwrap();
    ws.write_datetime_with_format(6, 4, ExcelDateTime::from_ymd(2027, 1, 5).unwrap(), &date).unwrap();
    ws.write_number(6, 5, 46000).unwrap();
    ws.write_string(6, 8, "#12").unwrap();
    // Row 8.
    ws.write_number(7, 0, 2).unwrap();
    ws.write_string(7, 1, "Tập huấn cán bộ").unwrap();
    ws.write_string(7, 2, "Đoàn TN").unwrap();
    ws.write_string(7, 4, "5/1/27").unwrap();
    ws.write_formula(7, 6, Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    ws.write_number(7, 8, 13).unwrap();
    // Row 9 is blank; row 10.
    ws.write_number(9, 0, 3).unwrap();
    ws.write_string(9, 1, "Kiểm tra").unwrap();
    ws.write_string(9, 4, "31/02/2026").unwrap();
    ws.write_boolean(9, 7, true).unwrap();
}

fn task_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let cover = wb.add_worksheet().set_name("Bìa").unwrap();
    cover.write_string(0, 0, "Báo cáo tháng").unwrap();
    cover.write_string(2, 0, "Nội dung chính của tháng").unwrap();
    task_sheet(wb.add_worksheet().set_name("Kế hoạch").unwrap());
    wb.save_to_buffer().unwrap()
}

/// The columns of the sample plan (tasks.xlsx and tasks.ods, the same
/// sheet): title block above, a merged cell, the number in column 8.
const PLAN_COLUMNS: [(Column, usize); 7] = [
    (Column::Title, 1),
    (Column::Lead, 2),
    (Column::With, 3),
    (Column::Deadline, 4),
    (Column::Start, 5),
    (Column::Notes, 6),
    (Column::Number, 8),
];

#[test]
fn xlsx_title_block_merged_header_and_every_kind_of_cell() {
    let path = file("tasks.xlsx", &task_workbook());
    let g = read(&path, None).unwrap();
    assert_eq!(g.sheet, "Kế hoạch", "the first sheet with a header, not the cover");
    assert_eq!(g.encoding, "xlsx");
    assert_eq!(g.legacy, None);
    assert_eq!(g.header_row, 5);
    assert_eq!(g.columns, PLAN_COLUMNS.to_vec());
    assert_eq!(g.unknown, vec![(0, "STT".to_string()), (7, "Cột phụ".to_string())]);
    assert_eq!(g.rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![7, 8, 10]);

    let [r7, r8, r10] = &g.rows[..] else { panic!("three rows") };
    assert_eq!(r7.get(&g, Column::Title), &text("Tổ chức Hội nghị  giao ban\nquý I"));
    assert_eq!(cell_text(r7.get(&g, Column::Title)), "Tổ chức Hội nghị giao ban quý I");
    assert_eq!(r7.get(&g, Column::Lead), &text("MTTQ"));
    assert_eq!(r7.get(&g, Column::With), &text("HND, HLHPN"));
    assert_eq!(r7.get(&g, Column::Deadline), &Cell::Date(d(2027, 1, 5)));
    assert_eq!(r7.get(&g, Column::Start), &Cell::Number(46000.0));
    assert_eq!(cell_date(r7.get(&g, Column::Start), today()), Ok(Some(d(2025, 12, 9))));
    assert_eq!(r7.get(&g, Column::Number), &text("#12"));
    assert_eq!(r7.get(&g, Column::Notes), &Cell::Empty);
    assert_eq!(r7.get(&g, Column::Place), &Cell::Empty, "a column the sheet lacks");
    assert_eq!(r7.cells[0], Cell::Number(1.0));

    assert_eq!(r8.get(&g, Column::Deadline), &text("5/1/27"));
    assert_eq!(cell_date(r8.get(&g, Column::Deadline), today()), Ok(Some(d(2027, 1, 5))));
    assert_eq!(r8.get(&g, Column::Notes), &Cell::Error("#DIV/0!".into()));
    assert_eq!(cell_text(r8.get(&g, Column::Number)), "13");
    assert_eq!(r8.get(&g, Column::With), &Cell::Empty);

    assert_eq!(cell_date(r10.get(&g, Column::Deadline), today()), Err("31/02/2026".into()));
    assert_eq!(r10.cells[7], Cell::Bool(true));
}

#[test]
fn sheet_named_exactly_or_loosely_or_missing() {
    let path = file("sheets.xlsx", &task_workbook());
    assert_eq!(read(&path, Some("Kế hoạch")).unwrap().header_row, 5);
    assert_eq!(read(&path, Some("KE HOACH")).unwrap().sheet, "Kế hoạch");
    assert_eq!(
        read(&path, Some("Tháng 2")),
        Err(GridError::NoSuchSheet { name: "Tháng 2".into(), sheets: vec!["Bìa".into(), "Kế hoạch".into()] })
    );
    // A named sheet without a header is not replaced by another one.
    assert_eq!(read(&path, Some("Bìa")), Err(GridError::NoHeader));
    let err = read(&path, Some("x")).unwrap_err().to_string();
    assert!(err.contains("Bìa, Kế hoạch"), "{err}");
}

#[test]
fn title_column_named_in_the_second_header_row() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    ws.merge_range(0, 0, 0, 4, "KẾ HOẠCH CÔNG TÁC", &plain).unwrap();
    ws.merge_range(1, 0, 2, 0, "STT", &plain).unwrap();
    ws.merge_range(1, 1, 1, 2, "Thông tin công việc", &plain).unwrap();
    ws.write_string(2, 2, "Thời hạn").unwrap();
    ws.merge_range(1, 3, 2, 3, "Chủ trì", &plain).unwrap();
    ws.merge_range(1, 4, 2, 4, "Ghi chú", &plain).unwrap();
    ws.write_string(2, 1, "Nhiệm vụ").unwrap();
    for (c, v) in ["1", "Họp", "5/1/2027", "HND", "gấp"].iter().enumerate() {
        ws.write_string(3, c as u16, *v).unwrap();
    }
    let g = read(&file("layered.xlsx", &wb.save_to_buffer().unwrap()), None).unwrap();
    assert_eq!(g.header_row, 2);
    assert_eq!(g.columns, vec![(Column::Title, 1), (Column::Deadline, 2), (Column::Lead, 3), (Column::Notes, 4)]);
    assert_eq!(g.unknown, vec![(0, "STT".into())]);
    assert_eq!(g.rows.len(), 1);
    assert_eq!(g.rows[0].number, 4);
    assert_eq!(g.rows[0].get(&g, Column::Lead), &text("HND"));
}

#[test]
fn sheet_whose_first_cell_is_not_a1() {
    // Row and column numbers stay the sheet's own when the used range starts at C4.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(3, 2, "Nội dung").unwrap();
    ws.write_string(3, 3, "Địa bàn").unwrap();
    ws.write_string(5, 2, "Họp dân").unwrap();
    ws.write_string(5, 3, "xã Đường Hoa").unwrap();
    let g = read(&file("offset.xlsx", &wb.save_to_buffer().unwrap()), None).unwrap();
    assert_eq!(g.header_row, 4);
    assert_eq!(g.columns, vec![(Column::Title, 2), (Column::Place, 3)]);
    assert_eq!(g.rows.len(), 1);
    assert_eq!(g.rows[0].number, 6);
    assert_eq!(g.rows[0].cells[..2], [Cell::Empty, Cell::Empty]);
    assert_eq!(g.rows[0].get(&g, Column::Place), &text("xã Đường Hoa"));
}

#[test]
fn workbook_without_a_header_or_without_cells() {
    let mut wb = Workbook::new();
    wb.add_worksheet().write_string(0, 0, "Danh sách").unwrap();
    let path = file("noheader.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(read(&path, None), Err(GridError::NoHeader));

    let mut wb = Workbook::new();
    wb.add_worksheet();
    let path = file("nocells.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(read(&path, None), Err(GridError::Empty));
}

#[test]
fn header_beyond_row_30_is_not_found() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for r in 0..30 {
        ws.write_string(r, 0, "dòng giới thiệu").unwrap();
    }
    ws.write_string(30, 0, "Tên công việc").unwrap();
    ws.write_string(31, 0, "Họp").unwrap();
    let path = file("deep.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(read(&path, None), Err(GridError::NoHeader));
}

#[test]
fn tcvn3_workbook_is_detected_and_converted() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("KH").unwrap();
    ws.write_string(0, 0, "Uû ban MÆt trËn Tæ quèc").unwrap();
    for (c, h) in ["TT", "Tªn c«ng viÖc", "§¬n vÞ chñ tr×", "H¹n hoµn thµnh", "Ghi chó", "Ng\u{AD}êi ký", "N«ng d©n"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let data = [
        ["1", "Héi nghÞ giao ban", "Héi N«ng d©n", "05/01/2027", "Ñoaøn Thanh nieân", "x"],
        ["2", "TËp huÊn c¸n bé", "§oµn Thanh niªn", "", "Hoàn thành", ""],
        ["3", "KiÓm tra", "Héi Liªn hiÖp Phô n÷", "", "N÷", ""],
    ];
    for (r, row) in data.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    let path = file("tcvn3.xlsx", &wb.save_to_buffer().unwrap());
    let mut g = read(&path, None).unwrap();
    assert_eq!(g.legacy, Some(Legacy::Tcvn3));
    assert_eq!(g.header_row, 3);
    assert_eq!(g.columns, vec![(Column::Title, 1), (Column::Lead, 2), (Column::Deadline, 3), (Column::Notes, 4)]);
    let unknown = vec![(0, "TT".to_string()), (5, "Người ký".into()), (6, "Nông dân".into())];
    assert_eq!(g.unknown, unknown, "headers are shown converted");
    // Cells are read as they are until the user asks for conversion.
    assert_eq!(g.rows[0].get(&g, Column::Lead), &text("Héi N«ng d©n"));

    let changes = convert_legacy(&mut g);
    assert_eq!(g.rows[0].get(&g, Column::Lead), &text("Hội Nông dân"));
    assert_eq!(g.rows[2].get(&g, Column::Lead), &text("Hội Liên hiệp Phụ nữ"));
    assert_eq!(g.rows[1].get(&g, Column::Title), &text("Tập huấn cán bộ"));
    // Unicode typed later into the same sheet is left alone.
    assert_eq!(g.rows[1].get(&g, Column::Notes), &text("Hoàn thành"));
    assert_eq!(g.rows[2].get(&g, Column::Notes), &text("Nữ"));
    assert_eq!(g.rows[0].cells[5], text("x"), "only the recognised columns");
    // A cell typed in VNI by another office is converted from VNI.
    assert_eq!(g.rows[0].get(&g, Column::Notes), &text("Đoàn Thanh niên"));
    assert_eq!(changes.len(), 8, "{changes:?}");
    assert_eq!(changes[0], (4, Column::Title, "Héi nghÞ giao ban".into(), "Hội nghị giao ban".into()));
    assert_eq!(changes[1], (4, Column::Lead, "Héi N«ng d©n".into(), "Hội Nông dân".into()));
    assert!(changes.contains(&(6, Column::Notes, "N÷".into(), "Nữ".into())));
    assert_eq!(g.legacy, None);
    assert_eq!(g.unknown, unknown, "converted once");
    assert!(convert_legacy(&mut g).is_empty(), "a second call changes nothing");
    assert_eq!(g.rows[0].get(&g, Column::Lead), &text("Hội Nông dân"));
}

#[test]
fn vni_csv_in_ansi_and_in_utf8() {
    let csv = "Teân coâng vieäc;Ñôn vò chuû trì;Ñòa baøn\n\
               Hoäi nghò giao ban;Hoäi Noâng daân;Haûi Haø\n\
               Taäp huaán;Ñoaøn Thanh nieân;xaõ Quaûng Long\n\
               Kieåm tra;Phuï nöõ;\n";
    let (ansi, _, unmapped) = encoding_rs::WINDOWS_1252.encode(csv);
    assert!(!unmapped);
    for (bytes, encoding) in [(ansi.to_vec(), "windows-1252"), (csv.as_bytes().to_vec(), "UTF-8")] {
        let mut g = read(&file("vni.csv", &bytes), None).unwrap();
        assert_eq!(g.encoding, encoding);
        assert_eq!(g.legacy, Some(Legacy::Vni));
        assert_eq!(g.columns, vec![(Column::Title, 0), (Column::Lead, 1), (Column::Place, 2)]);
        assert_eq!(g.sheet, "vni.csv");
        convert_legacy(&mut g);
        assert_eq!(g.rows[0].get(&g, Column::Lead), &text("Hội Nông dân"));
        assert_eq!(g.rows[1].get(&g, Column::Place), &text("xã Quảng Long"));
        assert_eq!(g.rows[2].get(&g, Column::Lead), &text("Phụ nữ"));
    }
}

const UNICODE_CSV: &str = "Nội dung,Chủ trì,Thời hạn\nHọp Hội Nông dân,Hội Nông dân,05/01/2027\n";

fn assert_unicode_csv(g: &Grid) {
    assert_eq!(g.legacy, None);
    assert_eq!(g.header_row, 1);
    assert_eq!(g.columns, vec![(Column::Title, 0), (Column::Lead, 1), (Column::Deadline, 2)]);
    assert_eq!(g.rows.len(), 1);
    assert_eq!(g.rows[0].number, 2);
    assert_eq!(g.rows[0].get(g, Column::Lead), &text("Hội Nông dân"));
    assert_eq!(cell_date(g.rows[0].get(g, Column::Deadline), today()), Ok(Some(d(2027, 1, 5))));
}

/// Text as Vietnamese Windows saves it in code page 1258: letters with
/// their circumflex, breve or horn, then the tone as a combining mark.
fn windows_1258(s: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let tone = |c: &char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut out = String::new();
    for c in s.chars() {
        let parts: String = c.to_string().nfd().collect();
        out.extend(parts.chars().filter(|c| !tone(c)).collect::<String>().nfc());
        out.extend(parts.chars().filter(tone));
    }
    let (bytes, _, unmapped) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmapped, "{out:?}");
    bytes.into_owned()
}

#[test]
fn csv_encodings() {
    let utf8 = read(&file("utf8.csv", UNICODE_CSV.as_bytes()), None).unwrap();
    assert_eq!(utf8.encoding, "UTF-8");
    assert_unicode_csv(&utf8);

    let bom = [b"\xEF\xBB\xBF".as_slice(), UNICODE_CSV.as_bytes()].concat();
    let g = read(&file("bom.csv", &bom), None).unwrap();
    assert_eq!(g.encoding, "UTF-8 (BOM)");
    assert_unicode_csv(&g);

    let le: Vec<u8> = UNICODE_CSV.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = UNICODE_CSV.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, name) in [
        ([b"\xFF\xFE".as_slice(), &le].concat(), "UTF-16LE"),
        ([b"\xFE\xFF".as_slice(), &be].concat(), "UTF-16BE"),
        (le.clone(), "UTF-16LE"),
        (be.clone(), "UTF-16BE"),
    ] {
        let g = read(&file("utf16.csv", &bytes), None).unwrap();
        assert_eq!(g.encoding, name);
        assert_unicode_csv(&g);
    }

    // Windows-1258 writes ộ as ô and a combining dot below; read back as NFC.
    let ansi = windows_1258(UNICODE_CSV);
    assert!(ansi.windows(3).any(|w| w == b"H\xF4\xF2"), "Hội as H, ô, dot below: {ansi:?}");
    let g = read(&file("ansi.csv", &ansi), None).unwrap();
    assert_eq!(g.encoding, "windows-1258");
    assert_unicode_csv(&g);
    assert_eq!(g.rows[0].get(&g, Column::Title), &text("Họp Hội Nông dân"));
}

#[test]
fn csv_delimiters_title_block_and_row_numbers() {
    // Vietnamese Excel saves with ";" and pads every row; commas in the text.
    let csv = "KHỐI MTTQ VÀ CÁC ĐOÀN THỂ;;;;\n\
               Kế hoạch tháng 1, 2027;;;;\n\
               ;;;;\n\
               STT;Tên công việc;Người thực hiện;Hạn;Tình trạng\n\
               1;Họp, giao ban;Nguyễn Văn A, Trần Thị B;5/1/2027;Đang làm\n\
               ;;;;\n\
               \n\
               2;\"Tập huấn\nhai ngày; tại xã\";Lê C;46000;\n\
               3;Kiểm tra;;;Xong\n";
    let g = read(&file("semi.csv", csv.as_bytes()), None).unwrap();
    assert_eq!(g.header_row, 4);
    assert_eq!(g.columns, vec![(Column::Title, 1), (Column::People, 2), (Column::Deadline, 3), (Column::Status, 4)]);
    assert_eq!(g.rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![5, 8, 9]);
    assert_eq!(g.rows[0].get(&g, Column::People), &text("Nguyễn Văn A, Trần Thị B"));
    assert_eq!(g.rows[1].get(&g, Column::Title), &text("Tập huấn\nhai ngày; tại xã"));
    assert_eq!(g.rows[1].get(&g, Column::Deadline), &text("46000"), "CSV cells stay text");
    assert_eq!(cell_date(g.rows[1].get(&g, Column::Deadline), today()), Ok(Some(d(2025, 12, 9))));

    let tabs = "Task\tLead\tDue\tTask no.\r\nWrite the report\tHND\t2027-01-05\t#7\r\n";
    let g = read(&file("tabs.csv", tabs.as_bytes()), None).unwrap();
    assert_eq!(g.columns, vec![(Column::Title, 0), (Column::Lead, 1), (Column::Deadline, 2), (Column::Number, 3)]);
    assert_eq!(g.rows[0].get(&g, Column::Number), &text("#7"));
    assert_eq!(g.rows[0].number, 2);
}

#[test]
fn column_numbering_row_under_the_header_is_not_data() {
    let csv = "TT,Nội dung,Chủ trì,Thời hạn\n(1),(2),(3),(4)\n1,Họp,HND,\n";
    let g = read(&file("numbered.csv", csv.as_bytes()), None).unwrap();
    assert_eq!(g.rows.len(), 1);
    assert_eq!(g.rows[0].number, 3);
    assert_eq!(g.rows[0].get(&g, Column::Title), &text("Họp"));
}

#[test]
fn csv_sheet_name_is_the_file_name() {
    let path = file("ke-hoach.csv", UNICODE_CSV.as_bytes());
    assert_eq!(read(&path, Some("ke-hoach")).unwrap().sheet, "ke-hoach.csv");
    assert_eq!(
        read(&path, Some("Sheet1")),
        Err(GridError::NoSuchSheet { name: "Sheet1".into(), sheets: vec!["ke-hoach.csv".into()] })
    );
}

#[test]
fn what_is_not_a_task_list() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    assert_eq!(read(&file("random.xlsx", &random), None), Err(GridError::NotASpreadsheet));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    assert_eq!(read(&file("picture.csv", png), None), Err(GridError::NotASpreadsheet));
    assert_eq!(read(&file("empty.xlsx", b""), None), Err(GridError::Empty));
    assert_eq!(read(&file("blank.csv", b"\xEF\xBB\xBF \r\n;;\r\n"), None), Err(GridError::Empty));
    assert_eq!(
        read(&file("prose.csv", "Kính gửi các đồng chí.\nXin cảm ơn.\n".as_bytes()), None),
        Err(GridError::NoHeader)
    );
    // A ZIP file that is no workbook (here: the skeleton of a document).
    let zip = b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0b\0\0\0word/doc.xml";
    assert_eq!(read(&file("letter.xlsx", zip), None), Err(GridError::NotASpreadsheet));
    assert!(matches!(read(Path::new("/nonexistent/giaoban.xlsx"), None), Err(GridError::Io(_))));
}

#[test]
fn encrypted_workbook_is_named_as_such() {
    // Office keeps a password-protected xlsx as an OLE2 file with these streams.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        ole.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        ole.resize(ole.len() + 64, 0);
    }
    assert_eq!(read(&file("locked.xlsx", &ole), None), Err(GridError::Encrypted));
    // An OLE2 file of another kind is unreadable rather than locked.
    ole.truncate(512);
    assert!(matches!(read(&file("odd.xls", &ole), None), Err(GridError::Unreadable(_))));
}

#[test]
fn cell_over_one_megabyte_is_refused_with_its_address() {
    let big = "a".repeat(1_200_000);
    let csv = format!("Tên công việc,Chủ trì,Ghi chú\nHọp,HND,{big}\n");
    let path = file("big.csv", csv.as_bytes());
    assert_eq!(read(&path, None), Err(GridError::CellTooLarge { row: 2, column: "C".into(), len: 1_200_000 }));
    std::fs::remove_file(path).unwrap();
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
    assert_eq!(column_letter(701), "ZZ");
    assert_eq!(column_letter(702), "AAA");
}

#[test]
fn ods_fixture() {
    // Made with LibreOffice from a workbook like `task_sheet` writes.
    let path = file("tasks.ods", include_bytes!("../../tests/fixtures/tasks.ods"));
    let g = read(&path, None).unwrap();
    assert_eq!(g.encoding, "ods");
    assert_eq!(g.sheet, "Kế hoạch");
    assert_eq!(g.header_row, 5);
    assert_eq!(g.columns, PLAN_COLUMNS.to_vec());
    assert_eq!(g.rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![7, 8, 10]);
    assert_eq!(g.rows[0].get(&g, Column::Deadline), &Cell::Date(d(2027, 1, 5)));
    assert_eq!(g.rows[0].get(&g, Column::Lead), &text("MTTQ"));
    assert_eq!(cell_date(g.rows[0].get(&g, Column::Start), today()), Ok(Some(d(2025, 12, 9))));
    assert_eq!(g.rows[1].get(&g, Column::Notes), &Cell::Error("#DIV/0!".into()));
}

#[test]
fn headers_are_recognised_loosely() {
    for (h, c) in [
        ("Tên công việc", Column::Title),
        ("TEN CONG VIEC", Column::Title),
        ("  Nội dung\ncông việc ", Column::Title),
        ("Nhiệm vụ", Column::Title),
        ("Đơn vị chủ trì", Column::Lead),
        ("Cơ quan chủ trì:", Column::Lead),
        ("Organization", Column::Lead),
        ("Đơn vị phối hợp", Column::With),
        ("Cán bộ phụ trách", Column::People),
        ("Assignee", Column::People),
        ("Địa bàn", Column::Place),
        ("dia diem", Column::Place),
        ("Ngày bắt đầu", Column::Start),
        ("Hạn hoàn thành", Column::Deadline),
        ("Han hoan thanh", Column::Deadline),
        ("Thời gian hoàn thành", Column::Deadline),
        ("Hạn", Column::Deadline),
        ("Due", Column::Deadline),
        ("Tiến độ", Column::Status),
        ("Tình trạng", Column::Status),
        ("Ghi chú", Column::Notes),
        ("Kết quả thực hiện", Column::Result),
        ("Loại nhiệm vụ", Column::Kind),
        ("Số", Column::Number),
        ("Mã nhiệm vụ", Column::Number),
        ("Số NV", Column::Number),
        ("Task no.", Column::Number),
        ("ID", Column::Number),
        ("#", Column::Number),
    ] {
        assert_eq!(column_of(h), Some(c), "{h:?}");
    }
    for h in ["TT", "STT", "No.", "Số TT", "", "Đơn vị", "Thời gian", "Kế hoạch công việc"] {
        assert_eq!(column_of(h), None, "{h:?}");
    }
}

#[test]
fn headers_written_by_export_tasks_come_back() {
    let vi = [
        "Mã nhiệm vụ",
        "Tên công việc",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Người thực hiện",
        "Địa bàn",
        "Ngày bắt đầu",
        "Hạn hoàn thành",
        "Trạng thái",
        "Loại",
        "Ghi chú",
        "Kết quả",
    ];
    let en = ["Task no.", "Task", "Lead", "Coordinating", "People", "Place", "Start", "Deadline", "Status", "Kind"];
    let want = [
        Column::Number,
        Column::Title,
        Column::Lead,
        Column::With,
        Column::People,
        Column::Place,
        Column::Start,
        Column::Deadline,
        Column::Status,
        Column::Kind,
        Column::Notes,
        Column::Result,
    ];
    for (h, c) in vi.iter().zip(want) {
        assert_eq!(column_of(h), Some(c), "{h:?}");
    }
    for (h, c) in en.iter().chain(&["Notes", "Result"]).zip(want) {
        assert_eq!(column_of(h), Some(c), "{h:?}");
    }
}

#[test]
fn cell_text_forms() {
    assert_eq!(cell_text(&Cell::Empty), "");
    assert_eq!(cell_text(&text("  Ho\u{323}\u{302}i \u{a0} Nông\r\ndân ")), "Hội Nông dân");
    assert_eq!(cell_text(&Cell::Number(12.0)), "12");
    assert_eq!(cell_text(&Cell::Number(-3.0)), "-3");
    assert_eq!(cell_text(&Cell::Number(1.5)), "1.5");
    assert_eq!(cell_text(&Cell::Date(d(2027, 1, 5))), "05/01/2027");
    assert_eq!(cell_text(&Cell::Bool(false)), "FALSE");
    assert_eq!(cell_text(&Cell::Error("#REF!".into())), "#REF!");
}

#[test]
fn cell_date_forms() {
    let t = today();
    let ok = |c: Cell, want: NaiveDate| assert_eq!(cell_date(&c, t), Ok(Some(want)), "{c:?}");
    let bad = |c: Cell, shown: &str| assert_eq!(cell_date(&c, t), Err(shown.to_string()), "{c:?}");
    assert_eq!(cell_date(&Cell::Empty, t), Ok(None));
    assert_eq!(cell_date(&text("  "), t), Ok(None));
    ok(Cell::Date(d(2027, 1, 5)), d(2027, 1, 5));
    // Excel serials, with the leap day 1900 never had.
    ok(Cell::Number(1.0), d(1900, 1, 1));
    ok(Cell::Number(59.0), d(1900, 2, 28));
    bad(Cell::Number(60.0), "60");
    ok(Cell::Number(61.0), d(1900, 3, 1));
    ok(Cell::Number(45658.0), d(2025, 1, 1));
    ok(Cell::Number(46000.0), d(2025, 12, 9));
    ok(Cell::Number(46000.75), d(2025, 12, 9));
    bad(Cell::Number(0.0), "0");
    bad(Cell::Number(-5.0), "-5");
    ok(text("46000"), d(2025, 12, 9));
    bad(text("2027"), "2027");
    // Written dates, day first.
    ok(text("05/01/2027"), d(2027, 1, 5));
    ok(text("5/1/2027"), d(2027, 1, 5));
    ok(text("5/1/27"), d(2027, 1, 5));
    ok(text("05-01-2027"), d(2027, 1, 5));
    ok(text("05.01.2027"), d(2027, 1, 5));
    ok(text("2027-01-05"), d(2027, 1, 5));
    ok(text("2027-01-05T08:30:00"), d(2027, 1, 5));
    ok(text("05/01/2027 08:30"), d(2027, 1, 5));
    ok(text("ngày 5 tháng 1 năm 2027"), d(2027, 1, 5));
    ok(text("Ngày 05 tháng 01 năm 2027"), d(2027, 1, 5));
    ok(text("ngay 5 thang 1 nam 2027"), d(2027, 1, 5));
    ok(text("5/12"), d(2026, 12, 5));
    bad(text("31/02/2026"), "31/02/2026");
    bad(text("29/02/2026"), "29/02/2026");
    ok(text("29/02/2028"), d(2028, 2, 29));
    bad(text("13/13/2026"), "13/13/2026");
    bad(text("cuối tháng"), "cuối tháng");
    bad(text(" tuần  sau "), "tuần sau");
    bad(text("5/1/202"), "5/1/202");
    bad(Cell::Bool(true), "TRUE");
    bad(Cell::Error("#N/A".into()), "#N/A");
}

#[test]
fn hundred_thousand_csv_rows() {
    let mut csv = String::from("STT;Tên công việc;Chủ trì;Hạn hoàn thành;Ghi chú\n");
    for i in 1..=100_000 {
        csv.push_str(&format!("{i};Công việc số {i};Hội Nông dân;{}/01/2027;ghi chú\n", i % 28 + 1));
    }
    let path = file("large.csv", csv.as_bytes());
    let g = read(&path, None).unwrap();
    std::fs::remove_file(path).unwrap();
    assert_eq!(g.rows.len(), 100_000);
    assert_eq!(g.rows[99_999].number, 100_001);
    assert_eq!(g.rows[99_999].get(&g, Column::Title), &text("Công việc số 100000"));
}
