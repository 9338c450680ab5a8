//! The sample bloc as generated.

use super::*;
use crate::domain::MeetingStatus;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn all_tasks(store: &Store) -> Vec<Task> {
    store.tasks(&TaskFilter { include_finished: true, ..Default::default() }, today()).unwrap()
}

fn filled() -> (Store, Summary) {
    let mut store = Store::in_memory().unwrap();
    let s = fill(&mut store, today(), false).unwrap();
    (store, s)
}

fn check_counts(store: &Store, s: &Summary) {
    let meetings = store.meetings().unwrap();
    assert_eq!(meetings.len(), 12);
    assert_eq!(s.meetings, 12);
    assert_eq!(meetings.iter().filter(|m| m.status == MeetingStatus::Closed).count(), 11);
    assert_eq!(meetings.iter().filter(|m| m.status == MeetingStatus::Planned).count(), 1);
    let tasks = all_tasks(store);
    assert!((140..=170).contains(&tasks.len()), "{} tasks", tasks.len());
    assert_eq!(s.tasks, tasks.len());
    let pending = store.pending_items(None, true).unwrap();
    assert!((25..=35).contains(&pending.len()), "{} pending", pending.len());
    assert_eq!(s.pending, pending.len());
    let people = store.people().unwrap();
    assert!((18..=22).contains(&people.len()), "{} people", people.len());
    assert_eq!(s.people, people.len());
}

#[test]
fn counts_are_in_range() {
    let (store, s) = filled();
    check_counts(&store, &s);
    let settings = store.settings().unwrap();
    assert_eq!(settings.locality, "Hải Hà");
    assert_eq!(settings.level, "huyện");
    assert!(settings.bloc_name.contains("Hải Hà"));
}

#[test]
fn boards_have_overdue_and_blocked_work() {
    let (store, _) = filled();
    let hnd = store.resolve_organization("HND").unwrap();
    let overdue =
        store.tasks(&TaskFilter { overdue: true, lead_org_id: Some(hnd.id), ..Default::default() }, today()).unwrap();
    assert!(!overdue.is_empty(), "HND has an overdue task");
    let all_overdue = store.tasks(&TaskFilter { overdue: true, ..Default::default() }, today()).unwrap();
    assert!((12..=20).contains(&all_overdue.len()), "{} overdue", all_overdue.len());
    let tasks = all_tasks(&store);
    let blocked = tasks.iter().filter(|t| t.status == TaskStatus::Blocked).count();
    assert!(blocked >= 1, "some tasks are blocked");
    for t in &tasks {
        if t.status == TaskStatus::Done {
            let c = t.completed_on.expect("done tasks have a completion date");
            assert!(c <= today());
        }
        if t.kind == TaskKind::Conclusion {
            assert!(t.source.meeting_id.is_some() && t.source.agenda_item_id.is_some());
        }
    }
    assert!(tasks.iter().any(|t| t.done_late()), "some tasks were finished late");
}

#[test]
fn briefings_have_agenda_and_roll_call() {
    let (store, _) = filled();
    let meetings = store.meetings().unwrap();
    let planned = meetings.iter().find(|m| m.status == MeetingStatus::Planned).unwrap();
    assert!(planned.starts_at.date() > today());
    for m in &meetings {
        let agenda = store.agenda(m.id).unwrap();
        assert!((4..=7).contains(&agenda.len()), "{} agenda items", agenda.len());
        if m.is_closed() {
            assert!(m.starts_at.date() < today());
            assert_eq!(store.attendance(m.id).unwrap().len(), 6);
            assert!(!m.notes.is_empty());
            assert!(m.ends_at.is_some());
        }
    }
    let numbers: std::collections::HashSet<(i32, i64)> = meetings.iter().map(|m| (m.year, m.number)).collect();
    assert_eq!(numbers.len(), 12);
}

#[test]
fn same_day_gives_same_data() {
    let (a, _) = filled();
    let (b, _) = filled();
    let titles = |s: &Store| all_tasks(s).into_iter().map(|t| (t.title, t.status, t.deadline)).collect::<Vec<_>>();
    assert_eq!(titles(&a), titles(&b));
    let texts = |s: &Store| s.pending_items(None, true).unwrap().into_iter().map(|p| p.text).collect::<Vec<_>>();
    assert_eq!(texts(&a), texts(&b));
}

#[test]
fn refuses_filled_database_unless_forced() {
    let (mut store, _) = filled();
    assert!(matches!(fill(&mut store, today(), false), Err(StoreError::DemoRefused)));
    let s = fill(&mut store, today(), true).unwrap();
    check_counts(&store, &s);
}

#[test]
fn planned_briefing_carries_work_over() {
    let (store, _) = filled();
    let planned = store.next_meeting(today()).unwrap().expect("a planned briefing");
    assert_eq!(planned.status, MeetingStatus::Planned);
    let (tasks, pending) = store.carried_over(&planned, today()).unwrap();
    assert!(!tasks.is_empty());
    assert!(!pending.is_empty());
}

#[test]
fn other_dates_work_too() {
    for (y, m, d) in [(2027, 1, 6), (2026, 3, 1), (2026, 11, 24)] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut store = Store::in_memory().unwrap();
        let s = fill(&mut store, day, false).unwrap();
        assert_eq!(s.meetings, 12);
        let planned = store.next_meeting(day).unwrap().unwrap();
        assert!(planned.starts_at.date() > day);
    }
}
