//! User intents as values, and how each is carried out inside the action's
//! transaction.

use super::rules::{default_start, task_kind};
use crate::domain::{
    AgendaItem, Attendance, DomainError, Meeting, MeetingStatus, Organization, PendingItem, PendingStatus, Person,
    Target, TargetActual, Task, TaskNote, TaskStatus,
};
use crate::i18n::t;
use crate::store::{Result, Store, StoreError, UndoScope, Write};
use chrono::NaiveDate;

/// Where a new task is put: an organization's board or the common one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Board {
    Common,
    Org(i64),
}

/// What a user wants done. Edits carry the record as it was read, version
/// included; `version: Some(v)` on the others means "only if still at v".
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// A new task; its kind and start date follow the rules when not set
    /// (`kind_given` false, `start_date` None).
    AddTask {
        task: Task,
        board: Board,
        kind_given: bool,
        first_note: Option<String>,
    },
    /// A quick entry, `Title @LEAD +WITH #place !date`, resolved against the
    /// organizations and places on file; `source` is the briefing and agenda
    /// item of a conclusion.
    QuickTask {
        input: String,
        board: Board,
        source: Option<(i64, Option<i64>)>,
    },
    EditTask(Task),
    SetTaskStatus {
        id: i64,
        status: TaskStatus,
        version: Option<i64>,
    },
    Reschedule {
        id: i64,
        deadline: Option<NaiveDate>,
        version: Option<i64>,
    },
    DeleteTask {
        id: i64,
        version: Option<i64>,
    },
    AddNote {
        task_id: i64,
        on: NaiveDate,
        text: String,
    },
    EditNote(TaskNote),
    DeleteNote {
        id: i64,
        version: Option<i64>,
    },
    /// A target with, optionally, the value reached so far.
    AddTarget {
        target: Target,
        first_value: Option<f64>,
    },
    EditTarget(Target),
    DeleteTarget {
        id: i64,
        version: Option<i64>,
    },
    /// The value a target reached on a date: the new cumulative total, or
    /// with `increment` what was added since the last value.
    RecordValue {
        target_id: i64,
        on: NaiveDate,
        value: f64,
        increment: bool,
    },
    EditValue(TargetActual),
    DeleteValue {
        id: i64,
        version: Option<i64>,
    },
    AddMeeting(Meeting),
    EditMeeting(Meeting),
    DeleteMeeting {
        id: i64,
        version: Option<i64>,
    },
    StartBriefing {
        meeting_id: i64,
    },
    CloseBriefing {
        meeting_id: i64,
    },
    /// The briefing after the latest one, one period later; refused while
    /// another is planned.
    NextBriefing,
    AddAgendaItem(AgendaItem),
    EditAgendaItem(AgendaItem),
    MoveAgendaItem {
        id: i64,
        delta: i64,
    },
    DeleteAgendaItem {
        id: i64,
        version: Option<i64>,
    },
    SetAttendance(Attendance),
    AddPending(PendingItem),
    EditPending(PendingItem),
    AnswerPending {
        id: i64,
        answer: String,
        version: Option<i64>,
    },
    SetPendingStatus {
        id: i64,
        status: PendingStatus,
        version: Option<i64>,
    },
    DeletePending {
        id: i64,
        version: Option<i64>,
    },
    AddPerson(Person),
    EditPerson(Person),
    DeletePerson {
        id: i64,
        version: Option<i64>,
    },
    AddOrg(Organization),
    EditOrg(Organization),
    DeleteOrg {
        id: i64,
        version: Option<i64>,
    },
    SetSetting {
        key: String,
        value: String,
    },
    /// Several settings at once, each written only if it still holds the
    /// value the editor started from (`(key, was, now)`).
    SetSettings(Vec<(String, String, String)>),
    /// Gives a document its number in the register (see
    /// `Write::issue_number`); `created` carries the number.
    IssueNumber {
        kind: String,
        subject: String,
        year: i32,
        wanted: Option<i64>,
    },
    /// Reverses the latest action not yet undone of this program run
    /// (`Session`) or this account (`Account`).
    Undo {
        scope: UndoScope,
    },
}

pub(super) struct Outcome {
    pub created: Option<i64>,
    pub undone: Vec<String>,
}

fn made(id: i64) -> Result<Outcome> {
    Ok(Outcome { created: Some(id), undone: Vec::new() })
}

fn done() -> Result<Outcome> {
    Ok(Outcome { created: None, undone: Vec::new() })
}

pub(super) fn apply(w: &Write, intent: Intent) -> Result<Outcome> {
    let today = w.today();
    match intent {
        Intent::AddTask { mut task, board, kind_given, first_note } => {
            if !kind_given {
                task.kind = task_kind(task.source.meeting_id.is_some(), board == Board::Common);
            }
            if task.start_date.is_none() {
                task.start_date = Some(default_start(today, task.deadline));
            }
            made(w.add_task(task, first_note.as_deref().map(|n| (today, n)))?)
        }
        Intent::QuickTask { input, board, source } => {
            let task = quick_task(w, &input, board, source)?;
            made(w.add_task(task, None)?)
        }
        Intent::EditTask(task) => {
            w.update_task(task)?;
            done()
        }
        Intent::SetTaskStatus { id, status, version } => {
            w.set_task_status(id, status, version)?;
            done()
        }
        Intent::Reschedule { id, deadline, version } => {
            w.reschedule_task(id, deadline, version)?;
            done()
        }
        Intent::DeleteTask { id, version } => {
            w.delete_task(id, version)?;
            done()
        }
        Intent::AddNote { task_id, on, text } => made(w.add_task_note(task_id, on, &text)?),
        Intent::EditNote(note) => {
            w.update_task_note(note)?;
            done()
        }
        Intent::DeleteNote { id, version } => {
            w.delete_task_note(id, version)?;
            done()
        }
        Intent::AddTarget { target, first_value } => {
            let id = w.add_target(target)?;
            if let Some(v) = first_value {
                w.add_target_actual(id, today, v)?;
            }
            made(id)
        }
        Intent::EditTarget(target) => {
            w.update_target(target)?;
            done()
        }
        Intent::DeleteTarget { id, version } => {
            w.delete_target(id, version)?;
            done()
        }
        Intent::RecordValue { target_id, on, value, increment } => {
            let total = if increment {
                let target = w.store().target(target_id)?;
                let before = target.actuals.iter().rfind(|a| a.recorded_on <= on).map_or(0.0, |a| a.value);
                before + value
            } else {
                value
            };
            made(w.add_target_actual(target_id, on, total)?)
        }
        Intent::EditValue(a) => {
            w.update_target_actual(&a)?;
            done()
        }
        Intent::DeleteValue { id, version } => {
            w.delete_target_actual(id, version)?;
            done()
        }
        Intent::AddMeeting(m) => made(w.add_meeting(m)?),
        Intent::EditMeeting(m) => {
            w.update_meeting(m)?;
            done()
        }
        Intent::DeleteMeeting { id, version } => {
            w.delete_meeting(id, version)?;
            done()
        }
        Intent::StartBriefing { meeting_id } => {
            let m = w.store().meeting(meeting_id)?;
            match m.status {
                MeetingStatus::Planned => w.start_meeting(meeting_id, w.now_minute())?,
                MeetingStatus::InProgress => {}
                MeetingStatus::Closed => return Err(DomainError::MeetingClosed.into()),
            }
            done()
        }
        Intent::CloseBriefing { meeting_id } => {
            w.close_meeting(meeting_id, w.now_minute())?;
            done()
        }
        Intent::NextBriefing => {
            let meetings = w.store().meetings()?;
            if let Some(planned) = meetings.iter().find(|m| m.status == MeetingStatus::Planned) {
                return Err(StoreError::AlreadyPlanned { number: planned.number, year: planned.year });
            }
            let Some(last) = meetings.first() else {
                return Err(StoreError::NothingToFollow);
            };
            made(w.create_next_meeting(last.id, &t("agenda.review_title"))?)
        }
        Intent::AddAgendaItem(item) => made(w.add_agenda_item(item)?),
        Intent::EditAgendaItem(item) => {
            w.update_agenda_item(item)?;
            done()
        }
        Intent::MoveAgendaItem { id, delta } => {
            w.move_agenda_item(id, delta)?;
            done()
        }
        Intent::DeleteAgendaItem { id, version } => {
            w.delete_agenda_item(id, version)?;
            done()
        }
        Intent::SetAttendance(a) => {
            w.set_attendance(a)?;
            done()
        }
        Intent::AddPending(p) => made(w.add_pending_item(p)?),
        Intent::EditPending(p) => {
            w.update_pending_item(p)?;
            done()
        }
        Intent::AnswerPending { id, answer, version } => {
            if answer.trim().is_empty() {
                return Err(DomainError::Empty { field: "answer" }.into());
            }
            w.answer_pending_item(id, &answer, today, version)?;
            done()
        }
        Intent::SetPendingStatus { id, status, version } => {
            w.set_pending_status(id, status, version)?;
            done()
        }
        Intent::DeletePending { id, version } => {
            w.delete_pending_item(id, version)?;
            done()
        }
        Intent::AddPerson(p) => made(w.add_person(p)?),
        Intent::EditPerson(p) => {
            w.update_person(p)?;
            done()
        }
        Intent::DeletePerson { id, version } => {
            w.delete_person(id, version)?;
            done()
        }
        Intent::AddOrg(o) => made(w.add_organization(o)?),
        Intent::EditOrg(o) => {
            w.update_organization(o)?;
            done()
        }
        Intent::DeleteOrg { id, version } => {
            w.delete_organization(id, version)?;
            done()
        }
        Intent::SetSetting { key, value } => {
            w.set_setting(&key, &value)?;
            done()
        }
        Intent::SetSettings(values) => {
            let current = w.store().settings()?;
            for (key, was, now) in values {
                if current.get(&key).is_some_and(|v| v != was) {
                    return Err(crate::store::StoreError::SettingChanged { key });
                }
                w.set_setting(&key, &now)?;
            }
            done()
        }
        Intent::IssueNumber { kind, subject, year, wanted } => {
            Ok(Outcome { created: Some(w.issue_number(&kind, &subject, year, wanted)?), undone: Vec::new() })
        }
        Intent::Undo { scope } => Ok(Outcome { created: None, undone: w.undo(scope)? }),
    }
}

fn quick_task(w: &Write, input: &str, board: Board, source: Option<(i64, Option<i64>)>) -> Result<Task> {
    let (task, problem) = quick_draft(w.store(), w.today(), input, board, source)?;
    match problem {
        Some(e) => Err(e),
        None => Ok(task),
    }
}

/// Resolves a quick entry, `Title @LEAD +WITH #place !date`, into a task:
/// organizations by code or name (accents optional), the place matched to
/// one already used when it is the same place typed without accents or cut
/// short, the deadline in the user's words. Returns the task with what could
/// be resolved and the first problem, if any: saving refuses it, the full
/// form (Tab in quick add) opens with the rest filled in.
pub fn quick_draft(
    store: &Store,
    today: NaiveDate,
    input: &str,
    board: Board,
    source: Option<(i64, Option<i64>)>,
) -> Result<(Task, Option<StoreError>)> {
    let q = crate::text::parse_quick_add(input);
    let mut problem = None;
    let mut note = |e: StoreError| {
        problem.get_or_insert(e);
    };
    if q.title.is_empty() {
        note(DomainError::Empty { field: "title" }.into());
    }
    let lead = match q.lead.as_deref() {
        Some(l) => store.resolve_active_organization(l).map_err(&mut note).ok().map(|o| o.id),
        None => {
            note(StoreError::NeedLead);
            None
        }
    };
    let board_org = match board {
        Board::Org(id) => Some(id),
        Board::Common => None,
    };
    let lead = lead.or(board_org).unwrap_or(0);
    let mut task = Task::new(&q.title, lead, task_kind(source.is_some(), board == Board::Common));
    for with in &q.with {
        if let Ok(o) = store.resolve_active_organization(with).map_err(&mut note) {
            task.with_org_ids.push(o.id);
        }
    }
    task.place = match q.place.as_deref() {
        Some(p) => match_place(&store.places()?, p),
        None => String::new(),
    };
    if let Some(d) = &q.deadline {
        task.deadline =
            crate::text::parse_date(d, today).map_err(|_| note(StoreError::BadDate { input: d.clone() })).ok();
    }
    task.start_date = Some(default_start(today, task.deadline));
    if let Some((meeting, item)) = source {
        task.source.meeting_id = Some(meeting);
        task.source.agenda_item_id = item;
    }
    Ok((task, problem))
}

/// The place already on file that `typed` means: the same words without
/// accents, or the only place whose words start with what was typed. Else
/// `typed` itself, a new place.
pub fn match_place(places: &[String], typed: &str) -> String {
    let folded = crate::text::fold(typed.trim());
    if folded.is_empty() {
        return String::new();
    }
    if let Some(p) = places.iter().find(|p| crate::text::fold(p) == folded) {
        return p.clone();
    }
    let hits: Vec<&String> = places
        .iter()
        .filter(|p| {
            let f = crate::text::fold(p);
            f.ends_with(&folded) || f.starts_with(&folded) || f.contains(&format!(" {folded}"))
        })
        .collect();
    match hits.as_slice() {
        [one] => (*one).clone(),
        _ => crate::text::clean_line(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::match_place;

    #[test]
    fn a_place_typed_without_accents_or_cut_short_is_the_one_on_file() {
        let places = vec!["xã Quảng Đức".to_string(), "xã Quảng Thành".to_string(), "thôn 5".to_string()];
        assert_eq!(match_place(&places, "Quảng Đức"), "xã Quảng Đức");
        assert_eq!(match_place(&places, "quang duc"), "xã Quảng Đức");
        assert_eq!(match_place(&places, "XA QUANG THANH"), "xã Quảng Thành");
        // Ambiguous or unknown: a new place, as typed.
        assert_eq!(match_place(&places, "Quảng"), "Quảng");
        assert_eq!(match_place(&places, "xã Cái Chiên"), "xã Cái Chiên");
    }
}

#[cfg(test)]
mod rules_in_use {
    use super::*;
    use crate::clock::Clock;
    use crate::domain::{MeetingKind, TaskKind};
    use crate::ops::{dry_run, execute};
    use crate::store::Store;

    fn store() -> Store {
        let mut s = Store::in_memory().unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(9, 0, 0).unwrap();
        s.set_clock(Clock::fixed(at));
        s
    }

    #[test]
    fn a_quick_entry_is_resolved_with_the_rules_once() {
        let mut s = store();
        let hnd = s.resolve_organization("HND").unwrap().id;
        let input = "Tập huấn chuyển đổi số @nong-dan +hccb #thon 5 !mai".to_string();
        let id = execute(&mut s, Intent::QuickTask { input, board: Board::Org(hnd), source: None })
            .unwrap()
            .created_id()
            .unwrap();
        let t = s.task(id).unwrap();
        assert_eq!((t.lead_org_id, t.kind, t.place.as_str()), (hnd, TaskKind::Specific, "thon 5"));
        assert_eq!(t.with_org_ids, vec![s.resolve_organization("HCCB").unwrap().id]);
        let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!((t.start_date, t.deadline), (NaiveDate::from_ymd_opt(2026, 11, 23), Some(tomorrow)));
        // A quick entry without a lead, or with an unknown one, is refused whole.
        for bad in ["Không có chủ trì", "Việc @XYZ"] {
            let r = execute(&mut s, Intent::QuickTask { input: bad.into(), board: Board::Common, source: None });
            assert!(r.is_err(), "{bad} was accepted");
        }
        assert_eq!(s.tasks(&Default::default(), tomorrow).unwrap().len(), 1);
    }

    #[test]
    fn a_target_and_its_first_value_are_one_action() {
        let mut s = store();
        let hnd = s.resolve_organization("HND").unwrap().id;
        let id = execute(
            &mut s,
            Intent::AddTask {
                task: Task::new("Xây nhà Đại đoàn kết", hnd, TaskKind::Specific),
                board: Board::Org(hnd),
                kind_given: false,
                first_note: None,
            },
        )
        .unwrap()
        .created_id()
        .unwrap();
        let target = Target {
            id: 0,
            task_id: id,
            indicator: "Nhà".into(),
            unit: "nhà".into(),
            target_value: 27.0,
            actuals: vec![],
            version: 1,
        };
        let changes = execute(&mut s, Intent::AddTarget { target, first_value: Some(9.0) }).unwrap();
        assert_eq!(changes.changes.len(), 2, "the target and its value, in one action");
        assert_eq!(s.targets(id).unwrap()[0].actual(), 9.0);
        // A later value given as an increase adds to the total; every dated value is kept.
        let target_id = s.targets(id).unwrap()[0].id;
        let later = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let _ = execute(&mut s, Intent::RecordValue { target_id, on: later, value: 7.0, increment: true }).unwrap();
        let g = &s.targets(id).unwrap()[0];
        assert_eq!((g.actual(), g.actuals.len()), (16.0, 2));
        let _ = execute(&mut s, Intent::Undo { scope: UndoScope::Session }).unwrap();
        // One undo takes both away.
        let _ = execute(&mut s, Intent::Undo { scope: UndoScope::Session }).unwrap();
        assert!(s.targets(id).unwrap().is_empty());
    }

    #[test]
    fn one_briefing_is_planned_at_a_time_and_numbers_follow_on() {
        let mut s = store();
        let starts = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap().and_hms_opt(8, 0, 0).unwrap();
        let first = execute(&mut s, Intent::AddMeeting(Meeting::new(0, MeetingKind::Weekly, starts, "Phòng họp")))
            .unwrap()
            .created_id()
            .unwrap();
        // The first one is still planned: a next one is refused, nothing written.
        let before = s.meetings().unwrap().len();
        assert!(matches!(execute(&mut s, Intent::NextBriefing), Err(StoreError::AlreadyPlanned { number: 1, .. })));
        assert_eq!(s.meetings().unwrap().len(), before);
        let _ = execute(&mut s, Intent::CloseBriefing { meeting_id: first }).unwrap();
        let next = execute(&mut s, Intent::NextBriefing).unwrap().created_id().unwrap();
        let m = s.meeting(next).unwrap();
        assert_eq!((m.number, m.starts_at.date()), (2, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()));
        // Its dry run would be refused too, and changes nothing.
        let (_, problems) = dry_run(&mut s, vec![Intent::NextBriefing]).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(s.meetings().unwrap().len(), 2);
    }
}
