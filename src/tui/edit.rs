//! Actions that change data: quick entries, status changes, deletes, undo,
//! and the live briefing (start, roll call, step, conclusions, close).
//! Every change is one store call, hence one transaction.

use super::app::{App, Popup, Screen};
use super::forms::FormPurpose;
use super::keymap::Action;
use super::views::detail::Subject;
use super::views::menu::{Confirm, Confirmed, Entry, Menu, MenuPurpose};
use super::views::prompt::{Prompt, PromptKind};
use super::views::rollcall::RollCall;
use crate::domain::{Attendance, MeetingStatus, PendingStatus, TaskStatus};
use crate::i18n::{t, tf};
use crate::ops::{Board, Changes, Intent};
use crate::store::StoreError;
use chrono::NaiveDateTime;

impl App {
    /// Now on the run's clock, to the minute.
    pub fn now(&self) -> NaiveDateTime {
        self.store.clock().now_minute()
    }

    fn done(&mut self, key: &str, args: &[(&str, String)]) -> Result<(), StoreError> {
        self.message = Some((tf(key, args), false));
        Ok(())
    }

    /// Executes one intent through the operations layer and refreshes what
    /// it changed.
    pub(crate) fn exec(&mut self, intent: Intent) -> Result<Changes, StoreError> {
        let changes = crate::ops::execute(&mut self.store, intent).inspect_err(|e| {
            if matches!(e, StoreError::Locked) {
                self.waiting = true;
            }
        })?;
        self.after_change(&changes)?;
        Ok(changes)
    }

    /// The subject the current screen has selected.
    pub fn selected_subject(&self) -> Option<Subject> {
        match self.screen {
            Screen::Agenda => self.agenda.selected_subject(),
            Screen::Boards => self.boards.selected_subject(),
            Screen::Pending => self.pending.selected_subject(),
            Screen::Meetings => self.meetings.selected_subject(),
            Screen::Overview => self.overview.selected_subject(),
        }
    }

    /// Status, delete and edits on the record a detail popup shows.
    pub(crate) fn subject_action(&mut self, subject: Subject, action: Action) -> Result<(), StoreError> {
        if self.shared.read_only && is_write(action) {
            self.message = Some((self.store.read_only_reason().unwrap_or_else(|| t("err.read_only")), true));
            return Ok(());
        }
        use super::forms::FormPurpose as F;
        match (action, subject) {
            (Action::Status, s) => self.open_status_menu(s),
            (Action::Delete, s) => self.confirm_delete(s),
            (Action::Edit, Subject::Task(id)) => self.open_form(F::EditTask(id)),
            (Action::Edit, Subject::Pending(id)) => self.open_form(F::EditPending(id)),
            (Action::Edit, Subject::Meeting(id)) => self.open_form(F::EditMeeting(id)),
            (Action::Edit, Subject::AgendaItem(id)) => self.open_form(F::EditAgendaItem(id)),
            (Action::Edit, Subject::Person(id)) => self.open_form(F::EditPerson(id)),
            (Action::Note, Subject::Task(id)) => self.open_form(F::NewNote(id)),
            (Action::Target, Subject::Task(id)) => self.open_form(F::NewTarget(id)),
            (Action::Actual, Subject::Task(id)) => self.open_form(F::NewActual(id)),
            (Action::Entries, Subject::Task(id)) => self.open_entries_menu(id),
            _ => Ok(()),
        }
    }

    /// Handles an editing action on the screen; false if it means nothing here.
    pub(crate) fn edit_action(&mut self, action: Action) -> Result<bool, StoreError> {
        if self.shared.read_only && is_write(action) {
            self.message = Some((self.store.read_only_reason().unwrap_or_else(|| t("err.read_only")), true));
            return Ok(true);
        }
        match (self.screen, action) {
            (_, Action::Undo) => {
                let tables = self.exec(Intent::Undo { scope: crate::store::UndoScope::Session })?.undone;
                let mut what: Vec<String> = tables.iter().map(|tb| t(&format!("table.{tb}"))).collect();
                what.dedup();
                self.done("undo.done", &[("what", what.join(", "))])?;
            }
            (_, Action::Settings) => self.open_form(FormPurpose::Settings)?,
            (_, Action::Import) => self.popups.push(Popup::Prompt(Prompt::new(PromptKind::ImportFile, ""))),
            (_, Action::Status) => match self.selected_subject() {
                Some(s) => self.open_status_menu(s)?,
                None => return Ok(false),
            },
            (_, Action::Delete) => match self.selected_subject() {
                Some(s) => self.confirm_delete(s)?,
                None => return Ok(false),
            },
            (Screen::Boards, Action::Add) => {
                let org_id = self.boards.tabs.get(self.boards.tab).and_then(|t| t.org_id);
                let prefill = match org_id {
                    Some(id) => format!("@{} ", self.shared.org_code(id)),
                    None => String::from("@MTTQ "),
                };
                // The lead comes first; the title is typed after it.
                self.popups.push(Popup::Prompt(Prompt::new(PromptKind::QuickAdd { org_id }, &prefill)));
            }
            (Screen::Boards, Action::Move) => {
                if let Some(task) = self.boards.selected_task() {
                    let options =
                        super::views::board::COLUMNS.iter().map(|s| (t(&s.label_key()), status_index(*s))).collect();
                    let selected = super::views::board::COLUMNS.iter().position(|s| *s == task.status).unwrap_or(0);
                    self.popups.push(Popup::Menu(Menu {
                        purpose: MenuPurpose::TaskStatus(task.id, task.version),
                        title: t("menu.move"),
                        options,
                        selected,
                        notes: Vec::new(),
                    }));
                }
            }
            (Screen::Agenda, Action::StartBriefing) => self.start_briefing()?,
            (Screen::Agenda, Action::RollCall) => {
                let Some(m) = self.agenda.meeting.clone() else { return Ok(false) };
                if m.status == MeetingStatus::Closed {
                    self.message = Some((t("err.meeting_closed"), true));
                } else {
                    self.popups.push(Popup::RollCall(RollCall::open(m.id, &self.store, &self.shared)?));
                }
            }
            (Screen::Agenda, Action::Review) => {
                let Some(m) = self.agenda.meeting.clone() else { return Ok(false) };
                let review = super::views::review::Review::open(m.id, &self.store, &self.shared)?;
                self.popups.push(Popup::Review(review));
            }
            (Screen::Agenda, Action::NextItem) => self.next_item()?,
            (Screen::Agenda, Action::Conclusion) => {
                let Some(m) = self.agenda.meeting.clone() else { return Ok(false) };
                let item = self.current_item();
                let presenter = item.and_then(|id| self.store.agenda_item(id).ok()).and_then(|i| i.org_id);
                let prefill = presenter.map(|org| format!("@{} ", self.shared.org_code(org))).unwrap_or_default();
                self.popups.push(Popup::Prompt(Prompt::new(
                    PromptKind::Conclusion { meeting_id: m.id, item_id: item },
                    &prefill,
                )));
            }
            (Screen::Agenda, Action::CloseBriefing) => {
                let Some(m) = self.agenda.meeting.clone() else { return Ok(false) };
                let label = crate::i18n::meeting_label(&m);
                let mut question = tf("confirm.close", &[("meeting", label)]);
                if m.status == MeetingStatus::Planned {
                    question = format!("{question} {}", t("confirm.close_not_started"));
                }
                let called = self.store.attendance(m.id)?.len();
                if called < self.shared.orgs.len() {
                    let missing = (self.shared.orgs.len() - called) as i64;
                    question = format!("{question} {}", crate::i18n::tn("confirm.close_roll_call", missing, &[]));
                }
                self.popups.push(Popup::Confirm(Confirm { question, then: Confirmed::CloseBriefing(m.id) }));
            }
            (Screen::Agenda | Screen::Meetings, Action::NextBriefing) => {
                // One planned briefing at a time: a second press creates nothing.
                let id = self.exec(Intent::NextBriefing)?.created_id().unwrap_or_default();
                let m = self.store.meeting(id)?;
                self.done(
                    "briefing.created",
                    &[
                        ("meeting", crate::i18n::meeting_label(&m)),
                        ("date", crate::text::format_long_date(m.starts_at.date(), crate::i18n::lang())),
                    ],
                )?;
            }
            (Screen::Agenda, Action::MoveUp | Action::MoveDown) => {
                if let Some(Subject::AgendaItem(id)) = self.agenda.selected_subject() {
                    let _ =
                        self.exec(Intent::MoveAgendaItem { id, delta: if action == Action::MoveUp { -1 } else { 1 } })?;
                }
            }
            (Screen::Agenda, Action::Edit) => match self.agenda.selected_subject() {
                Some(Subject::Task(id)) => {
                    let task = self.store.task(id)?;
                    let value = task.deadline.map(crate::text::format_date).unwrap_or_default();
                    let kind = PromptKind::Reschedule { task_id: id, version: Some(task.version) };
                    self.popups.push(Popup::Prompt(Prompt::new(kind, &value)));
                }
                Some(s) => self.subject_action(s, Action::Edit)?,
                None => return Ok(false),
            },
            (Screen::Agenda, Action::Add) => match self.agenda.meeting.clone() {
                Some(m) if !m.is_closed() => self.open_form(FormPurpose::NewAgendaItem(m.id))?,
                Some(_) => self.message = Some((t("err.meeting_closed"), true)),
                None => self.message = Some((t("agenda.no_meeting"), true)),
            },
            (Screen::Agenda, Action::ItemNotes) => match self.current_item() {
                Some(id) => self.open_form(FormPurpose::ItemNotes(id))?,
                None => return Ok(false),
            },
            (Screen::Agenda, Action::RaisePending) => {
                let meeting_id = self.agenda.meeting.as_ref().map(|m| m.id);
                let item_id = self.current_item();
                self.open_form(FormPurpose::NewPending { meeting_id, item_id })?;
            }
            (Screen::Pending, Action::Add) => {
                self.open_form(FormPurpose::NewPending { meeting_id: None, item_id: None })?
            }
            (Screen::Meetings, Action::Add) => self.open_form(FormPurpose::NewMeeting)?,
            (Screen::Meetings, Action::Document) => match self.selected_subject() {
                Some(Subject::Meeting(id)) => self.open_documents(Some(id), None)?,
                _ => self.open_documents(None, None)?,
            },
            (Screen::Boards, Action::Document) => {
                let org = self.boards.tabs.get(self.boards.tab).and_then(|tab| tab.org_id);
                self.open_documents(None, org)?
            }
            (Screen::Boards | Screen::Pending | Screen::Meetings, Action::Edit) => match self.selected_subject() {
                Some(s) => self.subject_action(s, Action::Edit)?,
                None => return Ok(false),
            },
            (Screen::Boards, Action::Note | Action::Target | Action::Actual) => match self.selected_subject() {
                Some(s) => self.subject_action(s, action)?,
                None => return Ok(false),
            },
            (Screen::Boards, Action::People) => self.open_people_menu()?,
            (Screen::Boards, Action::Organizations) => self.open_org_menu()?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub(crate) fn open_people_menu(&mut self) -> Result<(), StoreError> {
        let people = self.store.people()?;
        let options = people
            .iter()
            .map(|p| {
                let org = p.org_id.map(|o| format!(" ({})", self.shared.org_short(o))).unwrap_or_default();
                (format!("{}{org}", p.full_name), p.id)
            })
            .collect();
        self.popups.push(Popup::Menu(Menu {
            purpose: MenuPurpose::People,
            title: t("menu.people"),
            options,
            selected: 0,
            notes: Vec::new(),
        }));
        Ok(())
    }

    pub(crate) fn open_org_menu(&mut self) -> Result<(), StoreError> {
        let orgs = self.store.organizations()?;
        let options = orgs
            .iter()
            .map(|o| {
                let off = if o.active { String::new() } else { format!(" — {}", t("menu.inactive")) };
                (format!("{} — {}{off}", o.code, o.name), o.id)
            })
            .collect();
        self.popups.push(Popup::Menu(Menu {
            purpose: MenuPurpose::Orgs,
            title: t("menu.orgs"),
            options,
            selected: 0,
            notes: Vec::new(),
        }));
        Ok(())
    }

    /// A task's progress notes, targets and recorded values, to edit or delete.
    pub(crate) fn open_entries_menu(&mut self, task_id: i64) -> Result<(), StoreError> {
        let mut options = Vec::new();
        for n in self.store.task_notes(task_id)? {
            options.push((
                format!("{} {}", crate::text::format_date(n.noted_on), n.text.replace('\n', " ")),
                Entry::Note(n.id).pack(),
            ));
        }
        for g in self.store.targets(task_id)? {
            let unit = &g.unit;
            options.push((
                format!("{}: {} {unit}", g.indicator, crate::text::format_decimal(g.target_value, 2)),
                Entry::Target(g.id).pack(),
            ));
            for a in &g.actuals {
                options.push((
                    format!(
                        "   {} {} {unit}",
                        crate::text::format_date(a.recorded_on),
                        crate::text::format_decimal(a.value, 2)
                    ),
                    Entry::Actual(a.id).pack(),
                ));
            }
        }
        if options.is_empty() {
            self.message = Some((t("menu.no_entries"), true));
            return Ok(());
        }
        let title = tf("menu.entries", &[("id", task_id.to_string())]);
        self.popups.push(Popup::Menu(Menu {
            purpose: MenuPurpose::Entries(task_id),
            title,
            options,
            selected: 0,
            notes: Vec::new(),
        }));
        Ok(())
    }

    /// a / e / d inside the people and organization lists.
    pub(crate) fn menu_edit(
        &mut self,
        purpose: MenuPurpose,
        action: Action,
        value: Option<i64>,
    ) -> Result<(), StoreError> {
        match (purpose, action, value) {
            (MenuPurpose::People, Action::Add, _) => self.open_form(FormPurpose::NewPerson)?,
            (MenuPurpose::People, Action::Edit, Some(id)) => self.open_form(FormPurpose::EditPerson(id))?,
            (MenuPurpose::People, Action::Delete, Some(id)) => {
                self.popups.pop();
                self.confirm_delete(Subject::Person(id))?;
            }
            (MenuPurpose::Orgs, Action::Add, _) => self.open_form(FormPurpose::NewOrg)?,
            (MenuPurpose::Orgs, Action::Edit, Some(id)) => self.open_form(FormPurpose::EditOrg(id))?,
            (MenuPurpose::Entries(_), Action::Edit, Some(v)) => self.choose(purpose, v)?,
            (MenuPurpose::Entries(_), Action::Delete, Some(v)) => {
                let entry = Entry::unpack(v);
                let (what, version) = match entry {
                    Entry::Note(id) => (t("what.note"), self.store.task_note(id)?.version),
                    Entry::Target(id) => (t("what.target"), self.store.target(id)?.version),
                    Entry::Actual(id) => (t("what.actual"), self.store.target_actual(id)?.version),
                };
                self.popups.pop();
                self.popups.push(Popup::Confirm(Confirm {
                    question: tf("confirm.delete", &[("what", what)]),
                    then: Confirmed::DeleteEntry(entry, Some(version)),
                }));
            }
            (MenuPurpose::Orgs, Action::Delete, Some(id)) => {
                let version = self.store.organization(id)?.version;
                let _ = self.exec(Intent::DeleteOrg { id, version: Some(version) })?;
                self.popups.pop();
                self.done("edit.deleted", &[])?;
            }
            _ => {}
        }
        Ok(())
    }

    fn open_status_menu(&mut self, subject: Subject) -> Result<(), StoreError> {
        match subject {
            Subject::Task(id) => {
                let task = self.store.task(id)?;
                let options = TaskStatus::ALL.iter().map(|s| (t(&s.label_key()), status_index(*s))).collect();
                let selected = TaskStatus::ALL.iter().position(|s| *s == task.status).unwrap_or(0);
                self.popups.push(Popup::Menu(Menu {
                    purpose: MenuPurpose::TaskStatus(id, task.version),
                    title: tf("menu.status_of", &[("id", id.to_string())]),
                    options,
                    selected,
                    notes: Vec::new(),
                }));
            }
            Subject::Pending(id) => {
                let p = self.store.pending_item(id)?;
                let options =
                    PendingStatus::ALL.iter().enumerate().map(|(i, s)| (t(&s.label_key()), i as i64)).collect();
                let selected = PendingStatus::ALL.iter().position(|s| *s == p.status).unwrap_or(0);
                self.popups.push(Popup::Menu(Menu {
                    purpose: MenuPurpose::PendingStatus(id, p.version),
                    title: tf("menu.status_of", &[("id", id.to_string())]),
                    options,
                    selected,
                    notes: Vec::new(),
                }));
            }
            _ => {}
        }
        Ok(())
    }

    /// Acts on a menu choice.
    pub(crate) fn choose(&mut self, purpose: MenuPurpose, value: i64) -> Result<(), StoreError> {
        match purpose {
            MenuPurpose::TaskStatus(id, version) => {
                let status = TaskStatus::ALL[(value as usize).min(TaskStatus::ALL.len() - 1)];
                let _ = self.exec(Intent::SetTaskStatus { id, status, version: Some(version) })?;
                self.done("task.status_set", &[("id", id.to_string()), ("status", t(&status.label_key()))])?;
            }
            MenuPurpose::People => self.open_form(FormPurpose::EditPerson(value))?,
            MenuPurpose::Conflict => self.resolve_conflict(value)?,
            MenuPurpose::Document => self.document_chosen(value)?,
            MenuPurpose::Import => self.import_confirmed(value)?,
            MenuPurpose::Chair(meeting_id, version) | MenuPurpose::Secretary(meeting_id, version) => {
                let mut m = self.store.meeting(meeting_id)?;
                m.version = version;
                if matches!(purpose, MenuPurpose::Chair(..)) {
                    m.chair_id = Some(value);
                } else {
                    m.secretary_id = Some(value);
                }
                let _ = self.exec(Intent::EditMeeting(m))?;
            }
            MenuPurpose::Entries(_) => match Entry::unpack(value) {
                Entry::Note(id) => self.open_form(FormPurpose::EditNote(id))?,
                Entry::Target(id) => self.open_form(FormPurpose::EditTarget(id))?,
                Entry::Actual(id) => self.open_form(FormPurpose::EditActual(id))?,
            },
            MenuPurpose::Orgs => self.open_form(FormPurpose::EditOrg(value))?,
            MenuPurpose::PendingStatus(id, version) => {
                let status = PendingStatus::ALL[(value as usize).min(PendingStatus::ALL.len() - 1)];
                if status == PendingStatus::Answered {
                    let kind = PromptKind::Answer { pending_id: id, version: Some(version) };
                    let current = self.store.pending_item(id)?.answer;
                    self.popups.push(Popup::Prompt(Prompt::new(kind, &current)));
                } else {
                    let _ = self.exec(Intent::SetPendingStatus { id, status, version: Some(version) })?;
                    self.done("pending.status_set", &[("id", id.to_string()), ("status", t(&status.label_key()))])?;
                }
            }
        }
        Ok(())
    }

    fn confirm_delete(&mut self, subject: Subject) -> Result<(), StoreError> {
        let (what, version) = match subject {
            Subject::Task(id) => {
                let x = self.store.task(id)?;
                (format!("{} #{id} «{}»", t("what.task"), x.title), x.version)
            }
            Subject::Pending(id) => {
                let x = self.store.pending_item(id)?;
                (format!("{} #{id} «{}»", t("what.pending"), x.text), x.version)
            }
            Subject::AgendaItem(id) => {
                let x = self.store.agenda_item(id)?;
                (format!("{} «{}»", t("what.agenda_item"), x.title), x.version)
            }
            Subject::Meeting(id) => {
                let m = self.store.meeting(id)?;
                (crate::i18n::meeting_label(&m), m.version)
            }
            Subject::Person(id) => {
                let x = self.store.person(id)?;
                (format!("{} «{}»", t("what.person"), x.full_name), x.version)
            }
        };
        let what = crate::text::truncate_to_width(&what, 70);
        self.popups.push(Popup::Confirm(Confirm {
            question: tf("confirm.delete", &[("what", what)]),
            then: Confirmed::Delete(subject, Some(version)),
        }));
        Ok(())
    }

    /// Acts on a confirmed question.
    pub(crate) fn confirmed(&mut self, then: Confirmed) -> Result<(), StoreError> {
        match then {
            Confirmed::Delete(subject, version) => {
                let intent = match subject {
                    Subject::Task(id) => Intent::DeleteTask { id, version },
                    Subject::Pending(id) => Intent::DeletePending { id, version },
                    Subject::AgendaItem(id) => Intent::DeleteAgendaItem { id, version },
                    Subject::Meeting(id) => Intent::DeleteMeeting { id, version },
                    Subject::Person(id) => Intent::DeletePerson { id, version },
                };
                let _ = self.exec(intent)?;
                // A detail popup of what was deleted has nothing left to show.
                self.popups.retain(|p| !matches!(p, Popup::Detail(d) if d.subject == subject));
                self.done("edit.deleted", &[])?;
            }
            Confirmed::DeleteEntry(entry, version) => {
                let intent = match entry {
                    Entry::Note(id) => Intent::DeleteNote { id, version },
                    Entry::Target(id) => Intent::DeleteTarget { id, version },
                    Entry::Actual(id) => Intent::DeleteValue { id, version },
                };
                let _ = self.exec(intent)?;
                self.done("edit.deleted", &[])?;
            }
            Confirmed::StartBriefing(id) => {
                let _ = self.exec(Intent::StartBriefing { meeting_id: id })?;
                self.done("briefing.started", &[("time", crate::text::format_datetime(self.now()))])?;
            }
            Confirmed::DiscardPrompt => {
                if matches!(self.popups.last(), Some(Popup::Prompt(_))) {
                    self.popups.pop();
                }
            }
            Confirmed::CloseBriefing(id) => {
                let _ = self.exec(Intent::CloseBriefing { meeting_id: id })?;
                self.running = None;
                self.last_discussed = None;
                let summary = super::views::detail::Detail::open(Subject::Meeting(id), &self.store, &self.shared)?;
                self.popups.push(Popup::Detail(summary));
                self.message = Some((t("briefing.closed"), false));
            }
        }
        Ok(())
    }

    /// Acts on a submitted prompt other than the filter; an error message
    /// keeps the prompt open with what was typed.
    pub(crate) fn submit_edit_prompt(&mut self, kind: PromptKind, value: &str) -> Result<(), String> {
        let today = self.shared.today;
        match kind {
            PromptKind::Filter => {}
            PromptKind::QuickAdd { org_id } => {
                let board = org_id.map_or(Board::Common, Board::Org);
                let intent = Intent::QuickTask { input: value.to_string(), board, source: None };
                let id = self.exec(intent).map_err(|e| e.message())?.created_id().unwrap_or_default();
                if let Ok(task) = self.store.task(id) {
                    let _ = self.boards.focus_task(&task, &self.store, &self.shared);
                }
                self.message = Some((tf("edit.task_added", &[("id", id.to_string())]), false));
            }
            PromptKind::Conclusion { meeting_id, item_id } => {
                let intent = Intent::QuickTask {
                    input: value.to_string(),
                    board: Board::Common,
                    source: Some((meeting_id, item_id)),
                };
                let id = self.exec(intent).map_err(|e| e.message())?.created_id().unwrap_or_default();
                self.done("edit.conclusion_added", &[("id", id.to_string())]).map_err(|e| e.message())?;
            }
            PromptKind::Reschedule { task_id, version } => {
                let deadline = if value.trim().is_empty() {
                    None
                } else {
                    Some(
                        crate::text::parse_date(value, today)
                            .map_err(|_| tf("err.bad_date", &[("input", value.to_string())]))?,
                    )
                };
                let _ = self.exec(Intent::Reschedule { id: task_id, deadline, version }).map_err(|e| e.message())?;
                self.done("edit.rescheduled", &[("id", task_id.to_string())]).map_err(|e| e.message())?;
            }
            PromptKind::Answer { pending_id, version } => {
                let intent = Intent::AnswerPending { id: pending_id, answer: value.to_string(), version };
                let _ = self.exec(intent).map_err(|e| e.message())?;
                self.done("pending.answered", &[("id", pending_id.to_string())]).map_err(|e| e.message())?;
            }
            PromptKind::Postpone { task_id, version } => {
                // "dd/mm/yyyy reason": the new deadline, then why; one action.
                let mut words = value.split_whitespace();
                let date = words.next().unwrap_or("");
                let reason = words.collect::<Vec<_>>().join(" ");
                let deadline = crate::text::parse_date(date, today)
                    .map_err(|_| tf("err.bad_date", &[("input", date.to_string())]))?;
                let mut intents = vec![Intent::Reschedule { id: task_id, deadline: Some(deadline), version }];
                if !reason.is_empty() {
                    let text = tf(
                        "review.postponed_note",
                        &[("date", crate::text::format_date(deadline)), ("reason", reason)],
                    );
                    intents.push(Intent::AddNote { task_id, on: today, text });
                }
                let changes = crate::ops::execute_all(&mut self.store, intents).map_err(|e| e.message())?;
                self.after_change(&changes).map_err(|e| e.message())?;
                self.message = Some((tf("edit.rescheduled", &[("id", task_id.to_string())]), false));
                self.review_next();
            }
            PromptKind::Comment { task_id } => {
                let intent = Intent::AddNote { task_id, on: today, text: value.to_string() };
                let _ = self.exec(intent).map_err(|e| e.message())?;
                self.message = Some((tf("task.note_added", &[("id", task_id.to_string())]), false));
                self.review_next();
            }
            PromptKind::DocumentFile => self.write_document(value)?,
            PromptKind::ImportFile => self.import_preview(value)?,
            PromptKind::RollCall { meeting_id, org_id, present } => {
                let mut a = Attendance { meeting_id, org_id, present, reason: String::new(), attendees: String::new() };
                if present {
                    a.attendees = value.to_string();
                } else {
                    a.reason = value.to_string();
                }
                let _ = self.exec(Intent::SetAttendance(a)).map_err(|e| e.message())?;
            }
        }
        Ok(())
    }
}

/// Actions refused on a read-only file.
fn is_write(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Add | Edit
            | Delete
            | Status
            | Move
            | Undo
            | Note
            | Target
            | Actual
            | StartBriefing
            | RollCall
            | NextItem
            | Conclusion
            | RaisePending
            | ItemNotes
            | CloseBriefing
            | NextBriefing
            | MoveUp
            | MoveDown
            | Settings
            | Import
    )
}

/// Menu values for task statuses: their index in `TaskStatus::ALL`.
fn status_index(s: TaskStatus) -> i64 {
    TaskStatus::ALL.iter().position(|x| *x == s).unwrap_or(0) as i64
}
