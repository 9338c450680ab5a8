//! The documents as their readers see them: each .docx and .xlsx opened by
//! LibreOffice (headless), turned into PDF or CSV, and the text read back —
//! the national motto, titles, Vietnamese diacritics, dates, every
//! conclusion, page numbers from page 2, and the values of formulas.
//!
//! LibreOffice and poppler are installed by `.ci/run`; where they are not
//! (a developer's machine), these tests say so and pass without looking,
//! unless GIAOBAN_REQUIRE_READERS=1 asks for them.

mod common;

use giaoban::ops::export::{self, BriefingDoc, Format};
use giaoban::ops::period::{Period, PeriodReport};
use giaoban::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use unicode_normalization::UnicodeNormalization;

/// One LibreOffice at a time: instances sharing a profile refuse each other.
static OFFICE: Mutex<()> = Mutex::new(());

fn have(cmd: &str, flag: &str) -> bool {
    Command::new(cmd).arg(flag).output().is_ok_and(|o| o.status.success())
}

fn readers_present(test: &str) -> bool {
    if have("soffice", "--version") && have("pdftotext", "-v") {
        return true;
    }
    if std::env::var("GIAOBAN_REQUIRE_READERS").as_deref() == Ok("1") {
        panic!("{test}: LibreOffice (soffice) and pdftotext are required here");
    }
    eprintln!("{test}: skipped — LibreOffice (soffice) or pdftotext is not installed");
    false
}

/// Converts `file` with LibreOffice into `to` ("pdf", "csv"); the path made.
fn convert(file: &Path, to: &str) -> PathBuf {
    let _one = OFFICE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = file.parent().unwrap();
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    let made = file.with_extension(to.split(':').next().unwrap());
    assert!(
        out.status.success() && made.exists(),
        "LibreOffice could not open {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    made
}

/// The text of a PDF's pages `first..=last` as pdftotext reads it, NFC.
fn pdf_text(pdf: &Path, first: u32, last: u32) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-f", &first.to_string(), "-l", &last.to_string(), "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().nfc().collect()
}

fn pages(pdf: &Path) -> u32 {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

/// Without spaces and line breaks: a reader's text wraps and justifies.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_reads(text: &str, parts: &[&str], what: &str) {
    let flat = squeeze(text);
    for p in parts {
        assert!(flat.contains(&squeeze(p)), "{what}: “{p}” not read back from the PDF:\n{text}");
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn demo() -> Store {
    common::demo_on(today())
}

fn write(dir: &Path, p: &export::Produced) -> PathBuf {
    let path = dir.join(&p.name);
    export::write_file(&path, &p.bytes).unwrap();
    path
}

#[test]
fn the_minutes_and_the_notice_open_in_libreoffice_with_every_conclusion() {
    if !readers_present("minutes and notice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo();
    let m = store.meeting_by_number(2026, 46).unwrap().unwrap();
    let names = giaoban::ops::Names::load(&store).unwrap();
    let sum = giaoban::ops::BriefingSummary::load(&store, m.id, today(), &names).unwrap();
    assert!(!sum.conclusions.is_empty());
    let conclusions: Vec<String> = sum.conclusions.iter().map(|t| t.title.clone()).collect();

    let minutes = export::briefing_document(&mut store, BriefingDoc::Minutes, m.id, Format::Docx, None).unwrap();
    let pdf = convert(&write(dir.path(), &minutes), "pdf");
    let text = pdf_text(&pdf, 1, 99);
    let mut parts = vec![
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BB-KMTTQ",
        "BIÊN BẢN",
        "Thời gian bắt đầu: 08 giờ 00, ngày 16 tháng 11 năm 2026",
        "Chủ trì (chủ tọa):",
        "Thư ký (người ghi biên bản):",
        "Cuộc họp kết thúc vào",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Hội Liên hiệp Phụ nữ",
    ];
    parts.extend(conclusions.iter().map(String::as_str));
    assert_reads(&text, &parts, "minutes");

    let notice = export::briefing_document(&mut store, BriefingDoc::Conclusions, m.id, Format::Docx, None).unwrap();
    let pdf = convert(&write(dir.path(), &notice), "pdf");
    let text = pdf_text(&pdf, 1, 99);
    let mut parts = vec![
        "Số: 01/TB-KMTTQ",
        "Hải Hà, ngày 16 tháng 11 năm 2026",
        "THÔNG BÁO",
        "Kết luận của đồng chí",
        "3. Phân công thực hiện",
        "Nơi nhận:",
        "Lưu: VT.",
        "TRƯỞNG KHỐI",
    ];
    parts.extend(conclusions.iter().map(String::as_str));
    assert_reads(&text, &parts, "notice of conclusions");
    // Page numbers: none on page 1, "2" at the top of page 2.
    assert!(pages(&pdf) >= 2, "the demo's notice runs over a page");
    let first = pdf_text(&pdf, 1, 1);
    let second = pdf_text(&pdf, 2, 2);
    assert!(first.trim_start().starts_with("KHỐI"), "page 1 opens with the issuer:\n{first}");
    assert!(second.trim_start().starts_with('2'), "page 2 opens with its number:\n{second}");
}

#[test]
fn the_invitation_and_a_reminder_sheet_open_in_libreoffice() {
    if !readers_present("invitation and reminder") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo();
    let next = store.next_meeting(today()).unwrap().unwrap();
    let inv = export::briefing_document(&mut store, BriefingDoc::Invitation, next.id, Format::Docx, None).unwrap();
    let text = pdf_text(&convert(&write(dir.path(), &inv), "pdf"), 1, 99);
    assert_reads(
        &text,
        &[
            "GIẤY MỜI",
            "Số: 01/GM-KMTTQ",
            "Hải Hà, ngày 23 tháng 11 năm 2026",
            "Đại diện lãnh đạo Hội Cựu chiến binh",
            "Phòng họp Khối",
        ],
        "invitation",
    );
    let hnd = store.resolve_organization("HND").unwrap();
    let (sheet, r) = export::reminder(&store, &hnd, 7, Format::Docx).unwrap();
    let text = pdf_text(&convert(&write(dir.path(), &sheet), "pdf"), 1, 99);
    let mut parts = vec!["PHIẾU ĐÔN ĐỐC".to_string(), "Kính gửi: Hội Nông dân".to_string()];
    parts.extend(r.overdue.iter().map(|t| t.title.clone()));
    assert_reads(&text, &parts.iter().map(String::as_str).collect::<Vec<_>>(), "reminder sheet");
}

#[test]
fn the_period_report_workbook_shows_its_formulas_values_in_libreoffice() {
    if !readers_present("period report") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    let period = Period::Range(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today());
    let r = PeriodReport::load(&store, period, today()).unwrap();
    let xlsx = export::period_report(&store, period, Format::Xlsx).unwrap();
    let csv = convert(&write(dir.path(), &xlsx), "csv:Text - txt - csv (StarCalc):44,34,76,1");
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<Vec<String>> =
        text.lines().map(|l| l.split(',').map(|c| c.trim_matches('"').to_string()).collect()).collect();
    let mut total = [0u32; 5];
    for o in &r.orgs {
        let row = rows
            .iter()
            .find(|row| row.get(1) == Some(&o.name))
            .unwrap_or_else(|| panic!("{} missing:\n{text}", o.name));
        let c = &o.counts;
        let want = [c.on_time, c.late, c.open_in_time, c.open_overdue, c.total()];
        let got: Vec<u32> = row[2..7].iter().map(|v| v.parse().unwrap()).collect();
        assert_eq!(got, want, "{}: counts and their SUM as LibreOffice shows them", o.name);
        for (t, w) in total.iter_mut().zip(want) {
            *t += w;
        }
        // The rate formula's value, shown as a percentage.
        match c.on_time_rate() {
            Some(rate) => assert_eq!(row[7], format!("{:.1}%", rate * 100.0), "{}: rate", o.name),
            None => assert_eq!(row[7], "", "{}: no rate when nothing came due", o.name),
        }
    }
    let total_row = rows.iter().find(|row| row.get(1).is_some_and(|c| c == "Tổng số")).expect("the total row");
    let got: Vec<u32> = total_row[2..7].iter().map(|v| v.parse().unwrap()).collect();
    assert_eq!(got, total.to_vec(), "the total row's SUM formulas");
}
