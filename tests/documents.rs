//! Documents of record on the demo with a fixed date: the minutes and the
//! notice of conclusions of a held briefing, in Markdown.

use giaoban::ops::{BriefingSummary, Names};
use giaoban::store::Store;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn held_briefing() -> (Store, BriefingSummary, Names) {
    let mut store = Store::in_memory().unwrap();
    store.set_clock(giaoban::clock::Clock::fixed(today().and_hms_opt(7, 45, 0).unwrap()));
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    let names = Names::load(&store).unwrap();
    let m = store.meeting_by_number(2026, 46).unwrap().expect("the demo held briefing 46/2026");
    let sum = BriefingSummary::load(&store, m.id, today(), &names).unwrap();
    (store, sum, names)
}

#[test]
fn the_minutes_of_a_held_briefing() {
    let (store, sum, names) = held_briefing();
    let md = giaoban::report::minutes_markdown(&sum, &store.settings().unwrap(), &names);
    // What the decree's form asks for, and every conclusion.
    for part in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "# BIÊN BẢN",
        "Thời gian bắt đầu:",
        "Thành phần tham dự:",
        "Chủ trì (chủ tọa):",
        "Thư ký (người ghi biên bản):",
        "Cuộc họp kết thúc vào",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Lưu: VT, Hồ sơ.",
    ] {
        assert!(md.contains(part), "{part} missing");
    }
    for t in &sum.conclusions {
        assert!(md.contains(&t.title), "conclusion {} missing", t.title);
    }
    insta::assert_snapshot!("minutes_46_2026", md);
}

#[test]
fn the_notice_of_conclusions_of_a_held_briefing() {
    let (store, sum, names) = held_briefing();
    let md = giaoban::report::conclusions_markdown(&sum, &store.settings().unwrap(), &names);
    for part in
        ["# THÔNG BÁO", "Hải Hà, ngày", "Kết luận của đồng chí", "### 3. Phân công thực hiện", "Nơi nhận:", "Lưu: VT."]
    {
        assert!(md.contains(part), "{part} missing");
    }
    for t in &sum.conclusions {
        assert!(md.contains(&t.title), "conclusion {} missing", t.title);
    }
    insta::assert_snapshot!("conclusions_46_2026", md);
}
