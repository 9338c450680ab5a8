//! A whole briefing driven through the app's update layer, key by key, as
//! the secretary runs it: start, roll call, notes, three conclusions, a
//! pending item, close; then the next briefing and its carry-over.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use giaoban::config::Config;
use giaoban::domain::*;
use giaoban::store::Store;
use giaoban::tui::app::{App, Popup};
use giaoban::tui::build_app;
use giaoban::tui::keymap::Mode;
use giaoban::tui::views::agenda::Row;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn no_error(app: &App) {
    if let Some((msg, true)) = &app.message {
        panic!("unexpected error: {msg}");
    }
}

fn render(app: &App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    term.draw(|f| giaoban::tui::frame::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..24 {
        for x in 0..80 {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn setup() -> (App, i64) {
    let mut store = Store::in_memory().unwrap();
    let mttq = store.resolve_organization("MTTQ").unwrap().id;
    let hnd = store.resolve_organization("HND").unwrap().id;
    let chair = store.write(|w| w.add_person(Person::new("Hoàng Văn Thắng", "Trưởng khối", Some(mttq)))).unwrap();
    let mut m = Meeting::new(0, MeetingKind::Weekly, today().and_hms_opt(8, 0, 0).unwrap(), "Phòng họp Khối");
    m.chair_id = Some(chair);
    let id = store.write(|w| w.add_meeting(m)).unwrap();
    let mut review = AgendaItem::new(id, "Kiểm điểm việc thực hiện kết luận kỳ trước", Some(mttq), Some(15));
    review.standing = true;
    store.write(|w| w.add_agenda_item(review)).unwrap();
    store
        .write(|w| w.add_agenda_item(AgendaItem::new(id, "Báo cáo kết quả tuần của Hội Nông dân", Some(hnd), Some(10))))
        .unwrap();
    (build_app(store, today(), &Config::default()).unwrap(), id)
}

#[test]
fn a_briefing_from_roll_call_to_carry_over() {
    let (mut app, meeting) = setup();
    assert_eq!(app.agenda.meeting.as_ref().unwrap().id, meeting);

    // Start: the briefing is in progress.
    key(&mut app, KeyCode::Char('b'));
    no_error(&app);
    assert_eq!(app.store.meeting(meeting).unwrap().status, MeetingStatus::InProgress);

    // Roll call: MTTQ present, DTN absent with a reason.
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::RollCall);
    // Each mark moves on to the next organization.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Prompt);
    typ(&mut app, "Đi công tác tỉnh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    no_error(&app);
    let att = app.store.attendance(meeting).unwrap();
    assert_eq!(att.len(), 2);
    assert!(att[0].present);
    assert!(!att[1].present);
    assert_eq!(att[1].reason, "Đi công tác tỉnh");

    // Step to the first item, then the second; write notes on it.
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('n'));
    let item = app.running.expect("an item is being discussed").item_id;
    assert_eq!(app.store.agenda_item(item).unwrap().title, "Báo cáo kết quả tuần của Hội Nông dân");
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "Hội Nông dân báo cáo: đã vận động 45 triệu đồng");
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.agenda_item(item).unwrap().notes, "Hội Nông dân báo cáo: đã vận động 45 triệu đồng");

    // Three conclusions, each one line; the prompt starts with the presenter.
    for line in [
        "Vận động quỹ Vì người nghèo +HLHPN #xã Quảng Đức !30/11/2026",
        "Khảo sát hộ nghèo cần hỗ trợ nhà Đại đoàn kết !+14",
        "@MTTQ Tổng hợp kiến nghị cử tri gửi UBND huyện !t6",
    ] {
        key(&mut app, KeyCode::Char('c'));
        assert_eq!(app.mode(), Mode::Prompt);
        key(&mut app, KeyCode::End);
        if line.starts_with('@') {
            // Replace the suggested lead.
            ctrl(&mut app, 'u');
            for _ in 0..10 {
                key(&mut app, KeyCode::Backspace);
            }
        }
        typ(&mut app, line);
        key(&mut app, KeyCode::Enter);
        no_error(&app);
        assert_ne!(app.mode(), Mode::Prompt, "the conclusion was refused");
    }
    let conclusions = app
        .store
        .tasks(
            &giaoban::store::TaskFilter { meeting_id: Some(meeting), include_finished: true, ..Default::default() },
            today(),
        )
        .unwrap();
    assert_eq!(conclusions.len(), 3);
    assert!(conclusions.iter().all(|t| t.kind == TaskKind::Conclusion && t.source.agenda_item_id == Some(item)));
    let fund = conclusions.iter().find(|t| t.title == "Vận động quỹ Vì người nghèo").unwrap();
    let hnd = app.store.resolve_organization("HND").unwrap().id;
    let hlhpn = app.store.resolve_organization("HLHPN").unwrap().id;
    assert_eq!((fund.lead_org_id, fund.with_org_ids.clone()), (hnd, vec![hlhpn]));
    assert_eq!(fund.place, "xã Quảng Đức");
    assert_eq!(fund.deadline, NaiveDate::from_ymd_opt(2026, 11, 30));

    // A pending item raised from the agenda item.
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "Thiếu kinh phí hỗ trợ xây nhà cho hộ nghèo thôn 3");
    ctrl(&mut app, 's');
    no_error(&app);
    let pending = app.store.pending_items(None, false).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].meeting_id, Some(meeting));
    assert_eq!(pending[0].raised_by_org_id, Some(hnd), "raised by the presenting organization");

    // Close: confirmation, then the summary.
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(app.mode(), Mode::Confirm);
    key(&mut app, KeyCode::Char('y'));
    no_error(&app);
    let closed = app.store.meeting(meeting).unwrap();
    assert_eq!(closed.status, MeetingStatus::Closed);
    assert!(closed.ends_at.is_some());
    assert!(matches!(app.popups.last(), Some(Popup::Detail(_))), "the summary is shown");
    let summary: Vec<String> = match app.popups.last() {
        Some(Popup::Detail(d)) => d.lines.iter().map(|(l, t, _)| format!("{l} {t}")).collect(),
        _ => unreachable!(),
    };
    assert!(summary.iter().any(|l| l.contains("Đi công tác tỉnh")), "{summary:?}");
    assert!(summary.iter().any(|l| l.contains("Vận động quỹ Vì người nghèo")), "{summary:?}");
    key(&mut app, KeyCode::Esc);
    // A closed briefing refuses a new conclusion.
    assert!(app.store.write(|w| w.add_agenda_item(AgendaItem::new(meeting, "Muộn", None, None))).is_err());

    // The next briefing: created with one key, it opens with the review and
    // carries over every open conclusion and the pending item.
    key(&mut app, KeyCode::Char('N'));
    no_error(&app);
    let next = app.agenda.meeting.clone().expect("the next briefing is on the agenda screen");
    assert_ne!(next.id, meeting);
    assert_eq!(next.starts_at, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(8, 0, 0).unwrap());
    let carried_tasks = |app: &App| app.agenda.rows.iter().filter(|r| matches!(r, Row::Task(_))).count();
    let carried_pending = |app: &App| app.agenda.rows.iter().filter(|r| matches!(r, Row::Pending(_))).count();
    assert_eq!((carried_tasks(&app), carried_pending(&app)), (3, 1));

    // Marking one conclusion done removes it from the carry-over.
    let first_task = app.agenda.rows.iter().position(|r| matches!(r, Row::Task(_))).unwrap();
    while app.agenda.selected != first_task {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Menu);
    key(&mut app, KeyCode::Char('4')); // Hoàn thành
    no_error(&app);
    assert_eq!((carried_tasks(&app), carried_pending(&app)), (2, 1));
    let (tasks, items) = app.store.carried_over(&next, today()).unwrap();
    assert_eq!((tasks.len(), items.len()), (2, 1));

    // Answering the pending item removes it too; undo brings it back.
    let pending_row = app.agenda.rows.iter().position(|r| matches!(r, Row::Pending(_))).unwrap();
    while app.agenda.selected != pending_row {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('2')); // Đã trả lời
    assert_eq!(app.mode(), Mode::Prompt);
    typ(&mut app, "UBND huyện bố trí 300 triệu đồng");
    key(&mut app, KeyCode::Enter);
    no_error(&app);
    assert_eq!(carried_pending(&app), 0);
    key(&mut app, KeyCode::Char('u'));
    no_error(&app);
    assert_eq!(carried_pending(&app), 1, "undo restores the open item");
}

#[test]
fn a_bad_conclusion_is_explained_and_nothing_is_saved() {
    let (mut app, meeting) = setup();
    key(&mut app, KeyCode::Char('c'));
    typ(&mut app, "Việc không rõ ai làm @XYZ !31/02/2026");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Prompt, "the prompt stays open with the text");
    match app.popups.last() {
        Some(Popup::Prompt(p)) => {
            assert!(p.error.as_deref().unwrap_or("").contains("XYZ"), "{:?}", p.error);
            assert!(p.input.value().contains("Việc không rõ ai làm"));
        }
        _ => unreachable!(),
    }
    key(&mut app, KeyCode::Esc);
    let tasks = app
        .store
        .tasks(
            &giaoban::store::TaskFilter { meeting_id: Some(meeting), include_finished: true, ..Default::default() },
            today(),
        )
        .unwrap();
    assert!(tasks.is_empty());
}

#[test]
fn forms_validate_inline_and_ask_before_discarding() {
    let (mut app, _) = setup();
    key(&mut app, KeyCode::Char('2'));
    // Tab in quick add expands into the full form, keeping what was typed.
    key(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Giám sát bảo hiểm y tế ");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), Mode::Form);
    // A deadline before the start is refused by the store, shown inline, nothing saved.
    let before = app.store.tasks(&Default::default(), today()).unwrap().len();
    for _ in 0..6 {
        key(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "01/11/2026");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form, "still open");
    let screen = render(&app);
    assert!(screen.contains("Hạn hoàn thành không được trước ngày bắt đầu"), "{screen}");
    assert!(screen.contains("Giám sát bảo hiểm y tế"), "what was typed is kept:\n{screen}");
    // A date the calendar lacks is caught before saving, beside the field.
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "31/02/2026");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.store.tasks(&Default::default(), today()).unwrap().len(), before);
    // Esc on a changed form asks first; n keeps it, y discards.
    key(&mut app, KeyCode::Esc);
    match app.popups.last() {
        Some(Popup::Form(f)) => assert!(f.form.confirming_discard()),
        _ => panic!("the form closed without asking"),
    }
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert_ne!(app.mode(), Mode::Form);
    assert_eq!(app.store.tasks(&Default::default(), today()).unwrap().len(), before);
}

#[test]
fn notes_targets_and_values_are_added_edited_and_deleted_from_the_detail() {
    let (mut app, _) = setup();
    let hnd = app.store.resolve_organization("HND").unwrap().id;
    let id = app.store.write(|w| w.add_task(Task::new("Xây nhà Đại đoàn kết", hnd, TaskKind::Specific), None)).unwrap();
    app.reload_all().unwrap();
    key(&mut app, KeyCode::Char('2'));
    while app.boards.tabs[app.boards.tab].org_id != Some(hnd) {
        key(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.boards.selected_task().map(|t| t.id), Some(id));
    key(&mut app, KeyCode::Enter);
    // A progress note.
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Đã khởi công 9 nhà");
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.task_notes(id).unwrap()[0].text, "Đã khởi công 9 nhà");
    // A target of 27 houses with 9 reached.
    key(&mut app, KeyCode::Char('t'));
    typ(&mut app, "Nhà Đại đoàn kết");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "nhà");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "27");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "9");
    ctrl(&mut app, 's');
    no_error(&app);
    let targets = app.store.targets(id).unwrap();
    assert_eq!((targets[0].target_value, targets[0].actual()), (27.0, 9.0));
    // A later value.
    key(&mut app, KeyCode::Char('v'));
    typ(&mut app, "18");
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.targets(id).unwrap()[0].actual(), 18.0);
    let screen = render(&app);
    assert!(screen.contains("Nhà Đại đoàn kết: 18 / 27 nhà (66,7%)"), "{screen}");
    // Correct the latest value (the last entry in the list): 18 -> 19.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "19");
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.targets(id).unwrap()[0].actual(), 19.0);
    key(&mut app, KeyCode::Esc);
    // Edit the note, then delete it; undo brings it back.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.mode(), Mode::Menu);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    typ(&mut app, " thôn 3");
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.task_notes(id).unwrap()[0].text, "Đã khởi công 9 nhà thôn 3");
    assert_eq!(app.mode(), Mode::Menu, "back to the list");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    no_error(&app);
    assert!(app.store.task_notes(id).unwrap().is_empty());
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.store.task_notes(id).unwrap().len(), 1);
}

#[test]
fn a_form_survives_a_resize() {
    let (mut app, _) = setup();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Cử tri kiến nghị sửa đường liên thôn");
    for (w, h) in [(120u16, 40u16), (50, 14), (80, 24)] {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| giaoban::tui::frame::draw(f, &app)).unwrap();
    }
    ctrl(&mut app, 's');
    no_error(&app);
    assert_eq!(app.store.pending_items(None, false).unwrap()[0].text, "Cử tri kiến nghị sửa đường liên thôn");
}

/// A race made deterministic: the secretary opens a task's form, another
/// process saves the same task, then the secretary saves. Nothing is lost:
/// the save is refused, the screen says what the other person changed and
/// asks; going back keeps the input, "keep mine" saves over it knowingly.
#[test]
fn a_save_over_someone_elses_change_asks_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = Store::open(&path).unwrap();
    let hnd = store.resolve_organization("HND").unwrap().id;
    let mut task = Task::new("Vận động hội viên tham gia bảo hiểm", hnd, TaskKind::Specific);
    task.deadline = Some(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
    let id = store.write(|w| w.add_task(task, None)).unwrap();
    let mut app = build_app(store, today(), &Config::default()).unwrap();
    key(&mut app, KeyCode::Char('2'));
    while app.boards.tabs[app.boards.tab].org_id != Some(hnd) {
        key(&mut app, KeyCode::Char(']'));
    }
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, " năm 2027");

    // Another account's process marks the task done while the form is open.
    let mut other = Store::open(&path).unwrap();
    other.set_clock(giaoban::clock::Clock::fixed(today().and_hms_opt(9, 30, 0).unwrap()));
    let _ = giaoban::ops::execute(
        &mut other,
        giaoban::ops::Intent::SetTaskStatus { id, status: TaskStatus::Done, version: None },
    )
    .unwrap();

    ctrl(&mut app, 's');
    let screen = render(&app);
    assert!(screen.contains("Người khác vừa sửa bản ghi này"), "{screen}");
    assert!(
        screen.contains("23/11/2026 09:30 Hoàn thành ngày: — → 23/11/2026; Trạng thái: Chưa bắt đầu →"),
        "{screen}"
    );
    // Nothing was overwritten yet.
    let stored = other.task(id).unwrap();
    assert_eq!((stored.status, stored.title.as_str()), (TaskStatus::Done, "Vận động hội viên tham gia bảo hiểm"));

    // Back to the form: the typed title is still there.
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(app.mode(), Mode::Form);
    assert!(render(&app).contains("bảo hiểm năm 2027"));
    // Save again, and keep mine: the title is saved over their version.
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('1'));
    no_error(&app);
    assert_ne!(app.mode(), Mode::Form);
    let stored = other.task(id).unwrap();
    assert_eq!(stored.title, "Vận động hội viên tham gia bảo hiểm năm 2027");
    assert_eq!(stored.version, 3);
}

/// `n` continues from where the briefing is: after the agenda ran out and an
/// item was added at the end, the next step is that item, not item 1.
#[test]
fn next_item_continues_after_an_item_added_at_the_end() {
    let (mut app, meeting) = setup();
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('n'));
    }
    assert!(app.running.is_none(), "the two items are done");
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "Ý kiến phát sinh của Hội Cựu chiến binh");
    ctrl(&mut app, 's');
    no_error(&app);
    key(&mut app, KeyCode::Char('n'));
    let item = app.running.expect("the added item is under discussion").item_id;
    assert_eq!(app.store.agenda_item(item).unwrap().title, "Ý kiến phát sinh của Hội Cựu chiến binh");
    assert_eq!(app.store.agenda(meeting).unwrap().last().map(|i| i.id), Some(item));
}

/// Esc on a typed conclusion asks before dropping it; on an untouched one it
/// just closes.
#[test]
fn esc_asks_before_dropping_a_typed_conclusion() {
    let (mut app, meeting) = setup();
    key(&mut app, KeyCode::Char('b'));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Prompt);
    key(&mut app, KeyCode::Esc);
    assert_ne!(app.mode(), Mode::Prompt, "nothing typed: Esc closes at once");

    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::End);
    typ(&mut app, "Hoàn thành báo cáo sơ kết !+7");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(render(&app).contains("Bỏ các thay đổi?"));
    // No: back to the line, as typed.
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Prompt);
    match app.popups.last() {
        Some(Popup::Prompt(p)) => assert!(p.input.value().ends_with("Hoàn thành báo cáo sơ kết !+7")),
        _ => panic!("the conclusion prompt is gone"),
    }
    // Yes: dropped, nothing saved.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert_ne!(app.mode(), Mode::Prompt);
    let conclusions = app
        .store
        .tasks(
            &giaoban::store::TaskFilter { meeting_id: Some(meeting), include_finished: true, ..Default::default() },
            today(),
        )
        .unwrap();
    assert!(conclusions.is_empty());
}

/// A briefing started days before its planned date asks first, and its
/// record shows the day it was held with the planned one beside it.
#[test]
fn starting_on_another_day_warns_and_records_the_day_held() {
    let mut store = Store::in_memory().unwrap();
    let later = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(8, 0, 0).unwrap();
    let id = store.write(|w| w.add_meeting(Meeting::new(0, MeetingKind::Weekly, later, "Phòng họp Khối"))).unwrap();
    let mut app = build_app(store, today(), &Config::default()).unwrap();
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(render(&app).contains("Thứ Sáu, 27/11/2026"), "{}", render(&app));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.store.meeting(id).unwrap().status, MeetingStatus::Planned, "no: nothing started");
    key(&mut app, KeyCode::Char('b'));
    key(&mut app, KeyCode::Char('y'));
    no_error(&app);
    let m = app.store.meeting(id).unwrap();
    assert_eq!((m.status, m.started_at.map(|s| s.date())), (MeetingStatus::InProgress, Some(today())));
    assert!(giaoban::i18n::meeting_when(&m).contains("dự kiến 27/11/2026"));
}

/// Roll call at the speed of a meeting: one key marks everyone present,
/// g/G jump, attendees are offered from the people list, and the chair and
/// secretary are recorded for the minutes.
#[test]
fn roll_call_marks_everyone_and_records_chair_and_secretary() {
    let (mut app, meeting) = setup();
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('a'));
    no_error(&app);
    let att = app.store.attendance(meeting).unwrap();
    assert_eq!(att.len(), app.shared.orgs.len());
    assert!(att.iter().all(|a| a.present), "the last one (Space) and all the rest (a) are present");
    // Attendees for MTTQ start from its people.
    key(&mut app, KeyCode::Enter);
    match app.popups.last() {
        Some(Popup::Prompt(p)) => assert_eq!(p.input.value(), "Hoàng Văn Thắng"),
        _ => panic!("no attendees prompt"),
    }
    key(&mut app, KeyCode::Enter);
    // The secretary, from the people list.
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode(), Mode::Menu);
    key(&mut app, KeyCode::Enter);
    no_error(&app);
    let m = app.store.meeting(meeting).unwrap();
    assert!(m.secretary_id.is_some());
    assert!(render(&app).contains("Thư ký: Hoàng Văn Thắng"), "{}", render(&app));
}

/// A save that finds the file locked by another writer does not freeze the
/// screen: the form stays with its input, the footer says it is waiting, and
/// the save goes through on a later tick once the other writer is done; Esc
/// gives up and keeps the input.
#[test]
fn a_save_on_a_locked_file_waits_without_freezing_and_goes_through_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("giaoban.db");
    let mut store = Store::open(&path).unwrap();
    let hnd = store.resolve_organization("HND").unwrap().id;
    let id = store.write(|w| w.add_task(Task::new("Vận động hội viên", hnd, TaskKind::Specific), None)).unwrap();
    store.set_busy_timeout(std::time::Duration::from_millis(50)).unwrap();
    let mut app = build_app(store, today(), &Config::default()).unwrap();
    key(&mut app, KeyCode::Char('2'));
    while app.boards.tabs[app.boards.tab].org_id != Some(hnd) {
        key(&mut app, KeyCode::Char(']'));
    }
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Đã họp chi hội");

    // Another program holds the write lock.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    app.handle_key_waiting(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(app.mode(), Mode::Form, "the form stays open with its input");
    assert!(render(&app).contains("Đang chờ"), "{}", render(&app));
    app.tick(); // still locked: still waiting
    assert_eq!(app.mode(), Mode::Form);
    assert!(app.store.task_notes(id).unwrap().is_empty());

    // The other writer is done: the next tick saves.
    other.execute_batch("COMMIT").unwrap();
    app.tick();
    assert_ne!(app.mode(), Mode::Form);
    assert_eq!(app.store.task_notes(id).unwrap()[0].text, "Đã họp chi hội");

    // Esc while waiting gives up and keeps what was typed.
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Ghi thêm");
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    app.handle_key_waiting(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    app.handle_key_waiting(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode(), Mode::Form);
    assert!(render(&app).contains("Ghi thêm"));
    other.execute_batch("ROLLBACK").unwrap();
    app.tick();
    assert_eq!(app.mode(), Mode::Form, "given up: nothing saved by itself");
    assert_eq!(app.store.task_notes(id).unwrap().len(), 1);
}
