//! The sample data through the public API, as `giaoban demo` uses it.

use chrono::NaiveDate;
use giaoban::domain::{MeetingStatus, TaskStatus};
use giaoban::store::{Store, StoreError, TaskFilter};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn demo_fills_a_file_database_and_refuses_a_second_time() {
    let dir = std::env::temp_dir().join(format!("giaoban-demo-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("demo.db");
    let mut store = Store::open(&path).unwrap();
    let started = std::time::Instant::now();
    let s = giaoban::demo::fill(&mut store, today(), false).unwrap();
    assert!(started.elapsed().as_secs() < 10, "demo fill is quick");
    assert_eq!((s.meetings, s.people), (12, 20));
    assert!((140..=170).contains(&s.tasks));
    assert!((25..=35).contains(&s.pending));

    let err = giaoban::demo::fill(&mut store, today(), false).err().expect("refused");
    assert!(matches!(err, StoreError::DemoRefused));
    assert!(!err.message().is_empty());

    let again = giaoban::demo::fill(&mut store, today(), true).unwrap();
    assert_eq!((again.meetings, again.tasks, again.pending, again.people), (s.meetings, s.tasks, s.pending, s.people));
    let all = TaskFilter { include_finished: true, ..Default::default() };
    assert_eq!(store.tasks(&all, today()).unwrap().len(), s.tasks);
    assert_eq!(store.people().unwrap().len(), s.people);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn demo_status_shows_work_to_chase() {
    let mut store = Store::in_memory().unwrap();
    giaoban::demo::fill(&mut store, today(), false).unwrap();
    let report = store.status_report(today(), None).unwrap();
    let next = report.next_meeting.expect("a planned briefing");
    assert_eq!(next.status, MeetingStatus::Planned);
    assert!(next.starts_at.date() > today());
    assert!(report.next_meeting_items >= 4);
    assert!(report.pending_open > 0);
    assert!(!report.most_overdue.is_empty());
    let hnd = store.resolve_organization("HND").unwrap();
    let hnd_counts = report.orgs.iter().find(|c| c.org_id == hnd.id).unwrap();
    assert!(hnd_counts.overdue > 0);
    let blocked =
        store.tasks(&TaskFilter { statuses: vec![TaskStatus::Blocked], ..Default::default() }, today()).unwrap();
    assert!(!blocked.is_empty());
}
