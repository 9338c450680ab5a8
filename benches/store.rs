//! Speed of what a user waits for, on generated data of two sizes:
//! about one year of a bloc's work and about ten (the scale in ROADMAP.md).
//! Run with `cargo bench`; figures are recorded in docs/BENCHMARKS.md.

use chrono::{Duration, NaiveDate};
use giaoban::config::Config;
use giaoban::domain::{Meeting, MeetingKind, PendingItem, PendingKind, Task, TaskKind, TaskStatus};
use giaoban::store::{Store, TaskFilter};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

const TITLES: &[&str] = &[
    "Vận động ủng hộ Quỹ Vì người nghèo",
    "Xây dựng nhà Đại đoàn kết cho hộ nghèo",
    "Giám sát thực hiện chính sách bảo hiểm y tế",
    "Tổ chức hội nghị tiếp xúc cử tri",
    "Nhân rộng mô hình Dân vận khéo",
    "Tập huấn chuyển đổi số cho hội viên",
    "Tuyên truyền cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "Kiểm tra tiến độ giải ngân vốn Quỹ Hỗ trợ nông dân",
];
const PLACES: &[&str] = &["xã Quảng Đức", "thôn 5 xã Quảng Thành", "thị trấn Quảng Hà", "xã Đường Hoa", "xã Cái Chiên"];

/// A file with `weeks` weekly briefings, ~100 tasks and ~20 pending items a
/// week, and a progress note on every third task.
fn build(weeks: i64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.db")).unwrap();
    let orgs: Vec<i64> = store.organizations().unwrap().iter().map(|o| o.id).collect();
    let start = today() - Duration::weeks(weeks);
    let mut n = 0usize;
    for w in 0..=weeks {
        let day = start + Duration::weeks(w);
        let mut m = Meeting::new(0, MeetingKind::Weekly, day.and_hms_opt(8, 0, 0).unwrap(), "Phòng họp Khối");
        if w == weeks {
            m.starts_at += Duration::weeks(1);
        }
        let meeting = store.write(|w| w.add_meeting(m)).unwrap();
        if w < weeks {
            store.write(|w| w.close_meeting(meeting, day.and_hms_opt(10, 0, 0).unwrap())).unwrap();
        }
        for i in 0..100usize {
            n += 1;
            let lead = orgs[n % orgs.len()];
            let kind = [TaskKind::Common, TaskKind::Specific, TaskKind::Superior, TaskKind::Conclusion][n % 4];
            let mut t = Task::new(&format!("{} #{n}", TITLES[n % TITLES.len()]), lead, kind);
            t.place = PLACES[n % PLACES.len()].to_string();
            t.start_date = Some(day);
            t.deadline = Some(day + Duration::days(7 + (n % 28) as i64));
            if kind == TaskKind::Conclusion {
                t.source.meeting_id = Some(meeting);
            }
            if w + 8 < weeks || i.is_multiple_of(3) {
                t.set_status(TaskStatus::Done, day + Duration::days(10));
            } else if i.is_multiple_of(7) {
                t.status = TaskStatus::Blocked;
            }
            let note = n.is_multiple_of(3).then_some((day, "Đã triển khai tới các chi hội, kết quả bước đầu tốt"));
            store.write(|w| w.add_task(t, note)).unwrap();
        }
        for i in 0..20 {
            let mut p = PendingItem::new(PendingKind::ALL[i % 4], "Cử tri kiến nghị sửa chữa đường liên thôn", day);
            p.raised_by_org_id = Some(orgs[i % orgs.len()]);
            p.meeting_id = Some(meeting);
            let id = store.write(|w| w.add_pending_item(p)).unwrap();
            if w + 4 < weeks {
                store
                    .write(|w| {
                        w.answer_pending_item(id, "UBND huyện đã bố trí kinh phí", day + Duration::days(14), None)
                    })
                    .unwrap();
            }
        }
    }
    dir
}

fn data(years: usize) -> &'static std::path::Path {
    static ONE: OnceLock<tempfile::TempDir> = OnceLock::new();
    static TEN: OnceLock<tempfile::TempDir> = OnceLock::new();
    // GIAOBAN_BENCH_QUICK=1 (CI): two weeks of data for either size, to
    // prove the benchmarks build and run, not to time anything.
    let quick = std::env::var("GIAOBAN_BENCH_QUICK").as_deref() == Ok("1");
    let weeks = |w: i64| if quick { 2 } else { w };
    let dir = if years == 1 { ONE.get_or_init(|| build(weeks(52))) } else { TEN.get_or_init(|| build(weeks(520))) };
    dir.path()
}

fn open(years: usize) -> Store {
    Store::open(&data(years).join("bench.db")).unwrap()
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn status(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| store.status_report(today(), None).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn farmers_board(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    let hnd = store.resolve_organization("HND").unwrap().id;
    let filter = TaskFilter {
        lead_org_id: Some(hnd),
        exclude_kind: Some(TaskKind::Common),
        include_finished: true,
        statuses: vec![TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Blocked, TaskStatus::Done],
        done_since: Some(today() - Duration::days(7)),
        ..Default::default()
    };
    bencher.bench_local(|| store.tasks(&filter, today()).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn search_accent_free(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| store.search("vi nguoi ngheo", &[], 100).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 20)]
fn carry_over(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    let next = store.next_meeting(today()).unwrap().unwrap();
    bencher.bench_local(|| store.carried_over(&next, today()).unwrap());
}

#[divan::bench(args = [1, 10], sample_count = 10)]
fn tui_first_frame(bencher: divan::Bencher, years: usize) {
    let path = data(years).join("bench.db");
    bencher.bench_local(|| {
        let store = Store::open(&path).unwrap();
        let app = giaoban::tui::build_app(store, today(), &Config::default()).unwrap();
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| giaoban::tui::frame::draw(f, &app)).unwrap();
    });
}

/// Tổng quan's first visit: the month's report figures, targets, oldest
/// items and the weeks of the trend it loads.
#[divan::bench(args = [1, 10], sample_count = 20)]
fn overview_month(bencher: divan::Bencher, years: usize) {
    let store = open(years);
    bencher.bench_local(|| {
        giaoban::ops::overview::Overview::load(
            &store,
            giaoban::ops::period::Period::Month,
            today(),
            giaoban::tui::views::overview::WEEKS,
        )
        .unwrap()
    });
}
