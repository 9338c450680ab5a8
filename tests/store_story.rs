//! A whole briefing through the store, as the secretary lives it, and a
//! round trip of every entity.

use chrono::{NaiveDate, NaiveDateTime};
use giaoban::domain::*;
use giaoban::store::{Store, StoreError, TaskFilter};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

fn org(store: &Store, code: &str) -> Organization {
    store.resolve_organization(code).unwrap()
}

#[test]
fn a_briefing_from_agenda_to_carry_over() {
    let mut store = Store::in_memory().unwrap();
    let today = d(2026, 11, 16);
    let hnd = org(&store, "HND");
    let hlhpn = org(&store, "HLHPN");
    let mttq = org(&store, "MTTQ");

    let secretary = store
        .write(|w| {
            w.add_person(Person {
                roles: vec!["thư ký".into()],
                ..Person::new("Trần Thị Hoa", "Chuyên viên", Some(mttq.id))
            })
        })
        .unwrap();
    let mut m = Meeting::new(0, MeetingKind::Weekly, at(2026, 11, 16, 8, 0), "Hội trường Ủy ban MTTQ huyện");
    m.secretary_id = Some(secretary);
    let meeting = store.write(|w| w.add_meeting(m)).unwrap();
    assert_eq!(store.meeting(meeting).unwrap().number, 1, "first briefing of the year is number 1");

    let report = store
        .write(|w| {
            w.add_agenda_item(AgendaItem::new(meeting, "Báo cáo kết quả tuần của Hội Nông dân", Some(hnd.id), Some(10)))
        })
        .unwrap();
    store.write(|w| w.add_agenda_item(AgendaItem::new(meeting, "Phản ánh dư luận xã hội", None, Some(15)))).unwrap();
    let agenda = store.agenda(meeting).unwrap();
    assert_eq!(agenda.iter().map(|i| i.position).collect::<Vec<_>>(), vec![1, 2]);

    store.write(|w| w.start_meeting(meeting, at(2026, 11, 16, 8, 5))).unwrap();
    store
        .write(|w| {
            w.set_attendance(Attendance {
                meeting_id: meeting,
                org_id: hnd.id,
                present: true,
                reason: String::new(),
                attendees: "Nguyễn Văn Tùng".into(),
            })
        })
        .unwrap();
    store
        .write(|w| {
            w.set_attendance(Attendance {
                meeting_id: meeting,
                org_id: hlhpn.id,
                present: false,
                reason: "Đi công tác tỉnh".into(),
                attendees: String::new(),
            })
        })
        .unwrap();

    // Three conclusions become tasks linked to the briefing.
    let mut ids = Vec::new();
    for (title, lead, due) in [
        ("Vận động quỹ Vì người nghèo tại xã Quảng Đức", hnd.id, d(2026, 11, 30)),
        ("Khảo sát hộ nghèo cần hỗ trợ nhà Đại đoàn kết", hlhpn.id, d(2026, 11, 20)),
        ("Tổng hợp kiến nghị cử tri gửi UBND huyện", mttq.id, d(2026, 12, 5)),
    ] {
        let mut t = Task::new(title, lead, TaskKind::Conclusion);
        t.deadline = Some(due);
        t.source.meeting_id = Some(meeting);
        t.source.agenda_item_id = Some(report);
        ids.push(store.write(|w| w.add_task(t, None)).unwrap());
    }
    let mut p = PendingItem::new(PendingKind::Proposal, "Đề nghị bố trí kinh phí sửa đường liên thôn", today);
    p.raised_by_org_id = Some(hnd.id);
    p.meeting_id = Some(meeting);
    p.addressed_to = "UBND huyện".into();
    let pending = store.write(|w| w.add_pending_item(p)).unwrap();

    store.write(|w| w.close_meeting(meeting, at(2026, 11, 16, 10, 30))).unwrap();
    let closed = store.meeting(meeting).unwrap();
    assert_eq!(closed.status, MeetingStatus::Closed);
    assert_eq!(closed.ends_at, Some(at(2026, 11, 16, 10, 30)));
    // A closed briefing keeps its record; notes may still be added.
    let mut moved = closed.clone();
    moved.place = "Nơi khác".into();
    assert!(matches!(store.write(|w| w.update_meeting(moved)), Err(StoreError::Invalid(DomainError::MeetingClosed))));
    let mut noted = closed.clone();
    noted.notes = "Bổ sung ý kiến của HCCB".into();
    store.write(|w| w.update_meeting(noted)).unwrap();
    assert!(store.write(|w| w.add_agenda_item(AgendaItem::new(meeting, "Muộn", None, None))).is_err());

    // One is done, one is late.
    let later = d(2026, 11, 23);
    store.write(|w| w.set_task_status(ids[0], TaskStatus::Done, None)).unwrap();
    let counts = store.org_counts(later).unwrap();
    let of = |id: i64| counts.iter().find(|c| c.org_id == id).unwrap().clone();
    assert_eq!((of(hnd.id).open, of(hnd.id).done_this_week), (0, 1));
    assert_eq!((of(hlhpn.id).open, of(hlhpn.id).overdue), (1, 1));
    assert_eq!(of(mttq.id).open, 1);

    // The next briefing reviews exactly what is still open.
    let next = store.write(|w| w.create_next_meeting(meeting, "Kiểm điểm việc thực hiện kết luận kỳ trước")).unwrap();
    let next = store.meeting(next).unwrap();
    assert_eq!((next.number, next.starts_at), (2, at(2026, 11, 23, 8, 0)));
    assert_eq!(store.agenda(next.id).unwrap()[0].title, "Kiểm điểm việc thực hiện kết luận kỳ trước");
    let (tasks, items) = store.carried_over(&next, later).unwrap();
    let mut carried: Vec<i64> = tasks.iter().map(|t| t.id).collect();
    carried.sort();
    assert_eq!(carried, vec![ids[1], ids[2]], "the done task does not come back");
    assert_eq!(items.iter().map(|p| p.id).collect::<Vec<_>>(), vec![pending]);

    store.write(|w| w.answer_pending_item(pending, "UBND huyện đã bố trí 300 triệu đồng", later, None)).unwrap();
    store.write(|w| w.set_task_status(ids[2], TaskStatus::Cancelled, None)).unwrap();
    let (tasks, items) = store.carried_over(&next, later).unwrap();
    assert_eq!(tasks.iter().map(|t| t.id).collect::<Vec<_>>(), vec![ids[1]]);
    assert!(items.is_empty());

    let status = store.status_report(later, None).unwrap();
    assert_eq!(status.next_meeting.unwrap().id, next.id);
    assert_eq!(status.pending_open, 0);
    assert_eq!(status.most_overdue.iter().map(|t| t.id).collect::<Vec<_>>(), vec![ids[1]]);
}

#[test]
fn every_entity_round_trips() {
    let mut store = Store::in_memory().unwrap();
    let today = d(2026, 11, 23);
    let orgs = store.organizations().unwrap();
    assert_eq!(
        orgs.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(),
        ["MTTQ", "DTN", "HLHPN", "HND", "HCCB", "LDLD"]
    );

    let vp = store
        .write(|w| w.add_organization(Organization::new("VP", "Văn phòng Khối", "Văn phòng", OrgKind::Office)))
        .unwrap();
    let mut vp_org = store.organization(vp).unwrap();
    assert_eq!(vp_org.kind, OrgKind::Office);
    vp_org.name = "Cơ quan Khối".into();
    store.write(|w| w.update_organization(vp_org.clone())).unwrap();
    // Every save moves the record to its next version.
    assert_eq!(store.organization(vp).unwrap(), Organization { version: 2, ..vp_org.clone() });
    // A save based on the version read before that one is refused, changing nothing.
    vp_org.name = "Văn phòng cũ".into();
    assert!(matches!(
        store.write(|w| w.update_organization(vp_org.clone())),
        Err(StoreError::Conflict { what: "organization", .. })
    ));
    assert_eq!(store.organization(vp).unwrap().name, "Cơ quan Khối");

    let mut person = Person::new("Nguyễn Thị Minh Khai", "Phó Chủ tịch", Some(vp));
    person.phone = Some("0912 345 678".into());
    person.roles = vec!["phó khối".into()];
    let pid = store.write(|w| w.add_person(person.clone())).unwrap();
    assert_eq!(store.person(pid).unwrap(), Person { id: pid, ..person });

    let mut m = Meeting::new(
        0,
        MeetingKind::Monthly,
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(14, 0, 0).unwrap(),
        "Phòng họp Khối",
    );
    m.chair_id = Some(pid);
    let mid = store.write(|w| w.add_meeting(m.clone())).unwrap();
    assert_eq!(store.meeting(mid).unwrap(), Meeting { id: mid, number: 1, ..m });

    let mut item = AgendaItem::new(mid, "Tổng kết Ngày hội Đại đoàn kết", Some(vp), Some(20));
    item.standing = true;
    let iid = store.write(|w| w.add_agenda_item(item.clone())).unwrap();
    assert_eq!(store.agenda_item(iid).unwrap(), AgendaItem { id: iid, position: 1, ..item });

    let hnd = org(&store, "HND").id;
    let mut task = Task::new("Xây 27 nhà Đại đoàn kết", hnd, TaskKind::Common);
    task.with_org_ids = vec![vp, org(&store, "HCCB").id];
    task.person_ids = vec![pid];
    task.place = "thôn 5, xã Quảng Thành".into();
    task.description = "Phối hợp với UBND xã\nƯu tiên hộ nghèo".into();
    task.source.doc_number = "15-KH/MTTQ".into();
    task.source.doc_date = Some(d(2026, 10, 1));
    task.start_date = Some(d(2026, 10, 2));
    task.deadline = Some(d(2026, 12, 31));
    let tid = store.write(|w| w.add_task(task.clone(), Some((today, "Đã khởi công 9 nhà")))).unwrap();
    let mut expected = task.clone().validated().unwrap();
    expected.id = tid;
    assert_eq!(store.task(tid).unwrap(), expected);
    assert_eq!(store.task_notes(tid).unwrap()[0].text, "Đã khởi công 9 nhà");

    let gid = store
        .write(|w| {
            w.add_target(Target {
                id: 0,
                task_id: tid,
                indicator: "Nhà Đại đoàn kết".into(),
                unit: "nhà".into(),
                target_value: 27.0,
                actuals: vec![],
                version: 1,
            })
        })
        .unwrap();
    store.write(|w| w.add_target_actual(gid, d(2026, 11, 1), 9.0)).unwrap();
    store.write(|w| w.add_target_actual(gid, d(2026, 11, 20), 16.0)).unwrap();
    let targets = store.targets(tid).unwrap();
    assert_eq!(targets[0].actual(), 16.0);
    assert_eq!(targets[0].actuals.len(), 2);

    let mut p = PendingItem::new(PendingKind::VoterPetition, "Cử tri đề nghị sửa đường", d(2026, 11, 2));
    p.addressed_to = "UBND huyện".into();
    p.answer_due = Some(d(2026, 11, 30));
    let pid2 = store.write(|w| w.add_pending_item(p.clone())).unwrap();
    assert_eq!(store.pending_item(pid2).unwrap(), PendingItem { id: pid2, ..p });

    store.write(|w| w.set_setting("bloc_name", "Khối MTTQ và các đoàn thể chính trị - xã hội huyện Hải Hà")).unwrap();
    store.write(|w| w.set_setting("locality", "Hải Hà")).unwrap();
    assert_eq!(store.settings().unwrap().locality, "Hải Hà");
    assert!(matches!(store.write(|w| w.set_setting("colour", "x")), Err(StoreError::UnknownSetting { .. })));

    // An organization with work is never hard-deleted.
    assert!(matches!(store.write(|w| w.delete_organization(hnd, None)), Err(StoreError::OrgInUse { .. })));
    store.write(|w| w.delete_task(tid, None)).unwrap();
    assert!(store.targets(tid).unwrap().is_empty());
    assert!(matches!(store.task(tid), Err(StoreError::NotFound { .. })));
}

#[test]
fn history_records_every_change_and_undo_reverses_it() {
    let mut store = Store::in_memory().unwrap();
    let today = d(2026, 11, 23);
    let hnd = org(&store, "HND").id;
    let id = store
        .write(|w| w.add_task(Task::new("Tập huấn chuyển đổi số cho hội viên", hnd, TaskKind::Specific), None))
        .unwrap();
    store.write(|w| w.add_task_note(id, today, "Đã mời giảng viên")).unwrap();
    store.write(|w| w.set_task_status(id, TaskStatus::Done, None)).unwrap();

    let hist = store.history("tasks", id).unwrap();
    assert_eq!(hist.iter().map(|h| h.op.as_str()).collect::<Vec<_>>(), ["update", "insert"]);
    assert_eq!(hist[0].old.as_ref().unwrap()["status"], "not-started");
    assert_eq!(hist[0].new.as_ref().unwrap()["status"], "done");

    // Undo the status change, then delete, then undo the delete: all back.
    store.write(|w| w.undo(giaoban::store::UndoScope::Session)).unwrap();
    assert_eq!(store.task(id).unwrap().status, TaskStatus::NotStarted);
    assert_eq!(store.task(id).unwrap().completed_on, None);
    store.write(|w| w.delete_task(id, None)).unwrap();
    assert!(store.task(id).is_err());
    assert!(store.search("giang vien", &[], 10).unwrap().is_empty());
    store.write(|w| w.undo(giaoban::store::UndoScope::Session)).unwrap();
    assert_eq!(store.task(id).unwrap().title, "Tập huấn chuyển đổi số cho hội viên");
    assert_eq!(store.task_notes(id).unwrap().len(), 1, "the note comes back with its task");
    assert_eq!(store.search("giang vien", &[], 10).unwrap().len(), 1, "and so does its search entry");
    // Twenty steps back are available.
    for i in 0..25 {
        store.write(|w| w.add_task_note(id, today, &format!("Ghi chú {i}"))).unwrap();
    }
    for _ in 0..20 {
        store.write(|w| w.undo(giaoban::store::UndoScope::Session)).unwrap();
    }
    assert_eq!(store.task_notes(id).unwrap().len(), 6);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let mut store = Store::in_memory().unwrap();
    let hnd = org(&store, "HND").id;
    let before =
        store.tasks(&TaskFilter { include_finished: true, ..Default::default() }, d(2026, 11, 23)).unwrap().len();
    let long = "Đ".repeat(10_000);
    assert!(matches!(
        store.write(|w| w.add_task(Task::new(&long, hnd, TaskKind::Specific), None)),
        Err(StoreError::Invalid(DomainError::TooLong { .. }))
    ));
    assert!(matches!(
        store.write(|w| w.add_task(Task::new("\u{1b}[2J\u{7}", hnd, TaskKind::Specific), None)),
        Err(StoreError::Invalid(DomainError::Empty { .. }))
    ));
    let mut t = Task::new("Giám sát", hnd, TaskKind::Common);
    t.start_date = Some(d(2026, 12, 2));
    t.deadline = Some(d(2026, 12, 1));
    assert!(matches!(store.write(|w| w.add_task(t, None)), Err(StoreError::Invalid(DomainError::DeadlineBeforeStart))));
    assert!(matches!(
        store.write(|w| w.add_task(Task::new("Việc", 9999, TaskKind::Specific), None)),
        Err(StoreError::NotFound { .. })
    ));
    let after =
        store.tasks(&TaskFilter { include_finished: true, ..Default::default() }, d(2026, 11, 23)).unwrap().len();
    assert_eq!(before, after);
    // Control characters are stripped from what is kept.
    let id =
        store.write(|w| w.add_task(Task::new("Họp\u{1b}[31m bàn\u{0} việc", hnd, TaskKind::Specific), None)).unwrap();
    assert_eq!(store.task(id).unwrap().title, "Họp bàn việc");
}

#[test]
fn decomposed_text_is_stored_composed() {
    let mut store = Store::in_memory().unwrap();
    let hnd = org(&store, "HND").id;
    let nfd = "Vie\u{0323}\u{0302}t Nam"; // "Việt Nam" typed by a decomposing input method
    let id = store.write(|w| w.add_task(Task::new(nfd, hnd, TaskKind::Specific), None)).unwrap();
    assert_eq!(store.task(id).unwrap().title, "Việt Nam");
}
