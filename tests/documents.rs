//! Documents of record on the demo with a fixed date: the minutes, the
//! notice of conclusions, the invitation, reminder sheets, the period
//! report and the calendar — their Markdown as golden files, the register
//! of numbers, and the office's particulars in the header and signature.

mod common;

use giaoban::ops::export::{self, BriefingDoc, Format, Request};
use giaoban::ops::period::{Category, Period, PeriodReport};
use giaoban::ops::{execute, Intent};
use giaoban::store::{Store, StoreError};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn demo() -> Store {
    common::demo_on(today())
}

fn meeting(store: &Store, n: i64) -> i64 {
    store.meeting_by_number(2026, n).unwrap().expect("a demo briefing").id
}

fn text(store: &mut Store, which: BriefingDoc, n: i64) -> String {
    let id = meeting(store, n);
    let p = export::briefing_document(store, which, id, Format::Markdown, None).unwrap();
    String::from_utf8(p.bytes).unwrap()
}

#[test]
fn the_minutes_of_a_held_briefing() {
    let mut store = demo();
    let md = text(&mut store, BriefingDoc::Minutes, 46);
    // What the decree's form asks for, and every conclusion.
    for part in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BB-KMTTQ",
        "# BIÊN BẢN",
        "**Thời gian bắt đầu:**",
        "**Thành phần tham dự:**",
        "**Chủ trì (chủ tọa):**",
        "**Thư ký (người ghi biên bản):**",
        "Cuộc họp kết thúc vào",
        "THƯ KÝ",
        "CHỦ TỌA",
        "- Lưu: VT, Hồ sơ.",
    ] {
        assert!(md.contains(part), "{part} missing");
    }
    let names = giaoban::ops::Names::load(&store).unwrap();
    let sum = giaoban::ops::BriefingSummary::load(&store, meeting(&store, 46), today(), &names).unwrap();
    assert!(!sum.conclusions.is_empty());
    for t in &sum.conclusions {
        assert!(md.contains(&t.title), "conclusion {} missing", t.title);
    }
    insta::assert_snapshot!("minutes_46_2026", md);
}

#[test]
fn the_notice_of_conclusions_of_a_held_briefing() {
    let mut store = demo();
    let md = text(&mut store, BriefingDoc::Conclusions, 46);
    for part in [
        "Số: 01/TB-KMTTQ",
        "# THÔNG BÁO",
        "*Hải Hà, ngày 16 tháng 11 năm 2026*",
        "Kết luận của đồng chí",
        "### 3. Phân công thực hiện",
        "***Nơi nhận:***",
        "- Hội Nông dân;",
        "- Lưu: VT.",
        "**TM. KHỐI MTTQ",
    ] {
        assert!(md.contains(part), "{part} missing");
    }
    insta::assert_snapshot!("conclusions_46_2026", md);
}

#[test]
fn the_invitation_to_the_next_briefing() {
    let mut store = demo();
    let next = store.next_meeting(today()).unwrap().expect("the demo plans the next briefing");
    let p = export::briefing_document(&mut store, BriefingDoc::Invitation, next.id, Format::Markdown, None).unwrap();
    let md = String::from_utf8(p.bytes).unwrap();
    for part in ["Số: 01/GM-KMTTQ", "# GIẤY MỜI", "**Thời gian:**", "**Địa điểm:**", "Đại diện lãnh đạo Hội Nông dân"]
    {
        assert!(md.contains(part), "{part} missing");
    }
    insta::assert_snapshot!("invitation_next", md);
    // A held briefing gets no invitation; a planned one no minutes.
    let held = meeting(&store, 46);
    let refused = export::briefing_document(&mut store, BriefingDoc::Invitation, held, Format::Markdown, None);
    assert!(matches!(refused, Err(export::ExportError::Refused(_))));
    let refused = export::briefing_document(&mut store, BriefingDoc::Minutes, next.id, Format::Docx, None);
    assert!(matches!(refused, Err(export::ExportError::Refused(_))));
}

#[test]
fn numbers_come_from_a_register_per_type_and_year() {
    let mut store = demo();
    let (m46, m45) = (meeting(&store, 46), meeting(&store, 45));
    let number = |store: &mut Store, which, id, wanted| {
        export::briefing_document(store, which, id, Format::Docx, wanted).map(|p| p.number)
    };
    assert_eq!(number(&mut store, BriefingDoc::Minutes, m46, None).unwrap(), Some(1));
    assert_eq!(number(&mut store, BriefingDoc::Minutes, m45, None).unwrap(), Some(2));
    // Written again, a document keeps its number; another type has its own sequence.
    assert_eq!(number(&mut store, BriefingDoc::Minutes, m46, None).unwrap(), Some(1));
    assert_eq!(number(&mut store, BriefingDoc::Conclusions, m45, None).unwrap(), Some(1));
    // A number from the office's register is taken when free, refused when held.
    let taken = number(&mut store, BriefingDoc::Minutes, m45, Some(1));
    assert!(matches!(taken, Err(export::ExportError::Store(StoreError::NumberTaken { number: 1, .. }))));
    assert_eq!(number(&mut store, BriefingDoc::Minutes, m45, Some(15)).unwrap(), Some(15));
    assert_eq!(store.document_number("BB", &format!("meeting:{m45}")).unwrap(), Some((2026, 15)));
    // Below ten, a leading zero; the next is after the highest.
    let m44 = meeting(&store, 44);
    assert_eq!(number(&mut store, BriefingDoc::Minutes, m44, None).unwrap(), Some(16));
    let md = text(&mut store, BriefingDoc::Minutes, 46);
    assert!(md.contains("Số: 01/BB-KMTTQ"));
}

#[test]
fn the_offices_particulars_shape_header_signature_and_distribution() {
    let mut store = demo();
    let set = |k: &str, v: &str| Intent::SetSetting { key: k.into(), value: v.into() };
    let _ = giaoban::ops::execute_all(
        &mut store,
        vec![
            set("parent_body", "Ủy ban MTTQ Việt Nam huyện Hải Hà"),
            set("office", "Ban Thường trực"),
            set("doc_code", "MTTQ-BTT"),
            set("sign_for", "KT. Trưởng khối"),
            set("signer_title", "Phó Trưởng khối"),
            set("signer_name", "Lê Thị Thu Hà"),
            set("recipients", "Thường trực Huyện ủy; Các tổ chức thành viên"),
        ],
    )
    .unwrap();
    let md = text(&mut store, BriefingDoc::Conclusions, 46);
    for part in [
        "ỦY BAN MTTQ VIỆT NAM HUYỆN HẢI HÀ",
        "**BAN THƯỜNG TRỰC**",
        "Số: 01/TB-MTTQ-BTT",
        "**KT. TRƯỞNG KHỐI**",
        "**PHÓ TRƯỞNG KHỐI**",
        "Lê Thị Thu Hà",
        "- Thường trực Huyện ủy;",
        "- Các tổ chức thành viên;",
        "- Lưu: VT.",
    ] {
        assert!(md.contains(part), "{part} missing:\n{md}");
    }
    assert!(!md.contains("- Hội Nông dân;"), "the distribution list replaces the organizations");
    // A Party body's numbers put the hyphen before the type.
    let _ = execute(&mut store, set("motto", "party")).unwrap();
    let md = text(&mut store, BriefingDoc::Conclusions, 46);
    assert!(md.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && md.contains("Số 01-TB/MTTQ-BTT"), "{md}");
    assert!(md.contains("| \\* |"), "a Party issuer takes a star beneath it:\n{md}");
    let id = meeting(&store, 46);
    let docx = export::briefing_document(&mut store, BriefingDoc::Conclusions, id, Format::Docx, None).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(
        xml.contains(">*</w:t>") && xml.contains("ĐẢNG CỘNG SẢN VIỆT NAM"),
        "the star and the Party's header in Word"
    );
    // Bad values change nothing.
    let before = store.settings().unwrap();
    assert!(execute(&mut store, set("motto", "kingdom")).is_err());
    assert!(execute(&mut store, set("doc_code", "A B")).is_err());
    assert!(execute(&mut store, set("backups", "many")).is_err());
    assert_eq!(store.settings().unwrap(), before);
}

#[test]
fn settings_saved_over_someone_elses_change_are_refused() {
    let mut store = demo();
    let _ =
        execute(&mut store, Intent::SetSetting { key: "signer_name".into(), value: "Hoàng Văn Thắng".into() }).unwrap();
    // Opened when the name was empty; someone set it meanwhile.
    let stale = Intent::SetSettings(vec![("signer_name".into(), String::new(), "Lê Thị Thu Hà".into())]);
    assert!(matches!(execute(&mut store, stale), Err(StoreError::SettingChanged { .. })));
    assert_eq!(store.settings().unwrap().signer_name, "Hoàng Văn Thắng");
}

#[test]
fn reminder_sheets_list_overdue_due_soon_and_unanswered() {
    let mut store = demo();
    let hnd = store.resolve_organization("HND").unwrap();
    let (p, r) = export::reminder(&store, &hnd, 7, Format::Text).unwrap();
    let text = String::from_utf8(p.bytes).unwrap();
    assert!(!r.overdue.is_empty(), "the demo has overdue work for the Farmers' Union");
    for t in &r.overdue {
        assert!(t.deadline.unwrap() < today());
        assert!(text.contains(&format!("#{} ", t.id)), "overdue #{} missing", t.id);
    }
    for t in &r.due_soon {
        let d = t.deadline.unwrap();
        assert!(d >= today() && d <= today() + chrono::Duration::days(7));
    }
    for p in &r.pending {
        assert_eq!(p.addressed_org_id, Some(hnd.id));
    }
    // Short enough to paste into a message: one line per item, none long.
    assert!(text.lines().all(|l| l.chars().count() <= 120), "{text}");
    insta::assert_snapshot!("reminder_hnd_text", text);
    let (md, _) = export::reminder(&store, &hnd, 7, Format::Markdown).unwrap();
    let md = String::from_utf8(md.bytes).unwrap();
    assert!(md.contains("# PHIẾU ĐÔN ĐỐC") && md.contains("**Kính gửi:** Hội Nông dân"));
    assert!(export::reminder(&store, &hnd, 7, Format::Xlsx).is_err());
    let _ = &mut store;
}

#[test]
fn the_period_report_counts_each_task_once_in_one_of_four_categories() {
    let store = demo();
    let period = Period::Range(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), today());
    let r = PeriodReport::load(&store, period, today()).unwrap();
    let mut seen = std::collections::HashSet::new();
    for o in &r.orgs {
        assert_eq!(o.counts.total() as usize, o.tasks.len());
        for c in Category::ALL {
            assert_eq!(o.counts.get(c) as usize, o.tasks.iter().filter(|t| t.category == c).count());
        }
        for t in &o.tasks {
            assert!(seen.insert(t.id), "task #{} counted twice", t.id);
            let task = store.task(t.id).unwrap();
            assert_eq!(task.lead_org_id, o.org_id);
            match t.category {
                Category::OnTime => assert!(t.completed_on.unwrap() <= task.deadline.unwrap_or(chrono::NaiveDate::MAX)),
                Category::Late => assert!(t.completed_on.unwrap() > task.deadline.unwrap()),
                Category::OpenInTime => assert!(t.completed_on.is_none() && task.deadline.is_none_or(|d| d >= today())),
                Category::OpenOverdue => assert!(t.completed_on.is_none() && task.deadline.unwrap() < today()),
            }
        }
    }
    let total: u32 = r.orgs.iter().map(|o| o.counts.on_time + o.counts.late).sum();
    assert!(total > 0, "the demo completes work in November");
    let md = String::from_utf8(export::period_report(&store, period, Format::Markdown).unwrap().bytes).unwrap();
    insta::assert_snapshot!("report_november", md);
    // The month, quarter and year that hold a day.
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(Period::Month.bounds(d), (ymd(2026, 11, 1), ymd(2026, 11, 30)));
    assert_eq!(Period::Quarter.bounds(d), (ymd(2026, 10, 1), ymd(2026, 12, 31)));
    assert_eq!(Period::Year.bounds(d), (ymd(2026, 1, 1), ymd(2026, 12, 31)));
    assert_eq!(Period::Week.bounds(d), (ymd(2026, 11, 23), ymd(2026, 11, 29)));
    assert_eq!(Period::Month.bounds(ymd(2027, 2, 10)).1, ymd(2027, 2, 28));
}

#[test]
fn the_calendar_has_one_stable_event_per_briefing() {
    let mut store = demo();
    let ics = String::from_utf8(export::calendar(&store).unwrap().bytes).unwrap();
    let events = ics.matches("BEGIN:VEVENT").count();
    assert_eq!(events, store.meetings().unwrap().len());
    assert!(ics.contains("TZID:Asia/Ho_Chi_Minh") && ics.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261116T08"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "lines are folded at 75 octets");
    let uids = |ics: &str| ics.lines().filter(|l| l.starts_with("UID:")).map(String::from).collect::<Vec<_>>();
    let before = uids(&ics);
    // A briefing moved keeps its UID, with a higher SEQUENCE.
    let mut m = store.next_meeting(today()).unwrap().expect("a planned briefing");
    m.place = "Hội trường UBND huyện".into();
    let _ = execute(&mut store, Intent::EditMeeting(m)).unwrap();
    let after = String::from_utf8(export::calendar(&store).unwrap().bytes).unwrap();
    assert_eq!(uids(&after), before);
    assert!(after.contains("SEQUENCE:1"));
    let _ = Request::Calendar;
}
