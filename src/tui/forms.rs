//! Full forms for every record: what each shows, and how a valid one is
//! saved (one store call, so one transaction). The store's refusal comes
//! back as an error on the field it concerns, and nothing is saved.

use super::app::{App, Popup};
use super::form::{Choice, Form, FormOutcome};
use super::keymap::Key;
use super::views::menu::MenuPurpose;
use crate::domain::*;
use crate::i18n::{t, tf};
use crate::ops::{Board, Intent};
use crate::store::StoreError;

/// What a form creates or changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FormPurpose {
    /// `board` is the organization whose board it was opened on (None: common).
    NewTask {
        board: Option<i64>,
        meeting_id: Option<i64>,
        item_id: Option<i64>,
    },
    EditTask(i64),
    NewNote(i64),
    NewTarget(i64),
    NewActual(i64),
    NewAgendaItem(i64),
    EditAgendaItem(i64),
    NewPending {
        meeting_id: Option<i64>,
        item_id: Option<i64>,
    },
    EditPending(i64),
    NewMeeting,
    EditMeeting(i64),
    NewPerson,
    EditPerson(i64),
    NewOrg,
    EditOrg(i64),
    /// The notes and outcome of an agenda item, during the briefing.
    ItemNotes(i64),
    EditNote(i64),
    EditTarget(i64),
    EditActual(i64),
    /// The office's particulars.
    Settings,
}

pub struct FormPopup {
    pub form: Form,
    pub purpose: FormPurpose,
    /// The edited record's version when the form opened: the save is
    /// refused if someone else saved it since.
    pub version: Option<i64>,
}

/// What the status line says after a save.
enum Saved {
    Plain,
    TaskEdited(i64),
    TaskAdded,
    NoteAdded(i64),
    PendingEdited(i64),
    PendingAdded,
}

impl FormPurpose {
    /// The stored record this form edits, if any.
    fn record(self) -> Option<(&'static str, i64)> {
        match self {
            FormPurpose::EditTask(id) => Some(("tasks", id)),
            FormPurpose::EditAgendaItem(id) | FormPurpose::ItemNotes(id) => Some(("agenda_items", id)),
            FormPurpose::EditPending(id) => Some(("pending_items", id)),
            FormPurpose::EditMeeting(id) => Some(("meetings", id)),
            FormPurpose::EditPerson(id) => Some(("people", id)),
            FormPurpose::EditOrg(id) => Some(("organizations", id)),
            FormPurpose::EditNote(id) => Some(("task_notes", id)),
            FormPurpose::EditTarget(id) => Some(("targets", id)),
            FormPurpose::EditActual(id) => Some(("target_actuals", id)),
            _ => None,
        }
    }
}

fn org_choices(orgs: &[Organization]) -> Vec<Choice> {
    let mut v: Vec<Choice> = orgs
        .iter()
        .map(|o| Choice {
            id: o.id,
            label: o.name.clone(),
            hint: o.code.clone(),
            short: if o.short_name.is_empty() { o.code.clone() } else { o.short_name.clone() },
        })
        .collect();
    v.sort_by_cached_key(|x| crate::text::collation_key(&x.label));
    v
}

fn people_choices(app: &App) -> Vec<Choice> {
    let mut v: Vec<&Person> = app.shared.people.values().collect();
    v.sort_by_cached_key(|p| crate::text::person_name_key(&p.full_name));
    v.into_iter()
        .map(|p| Choice {
            id: p.id,
            label: p.full_name.clone(),
            hint: p.org_id.map(|o| app.shared.org_short(o)).unwrap_or_default(),
            short: p.full_name.clone(),
        })
        .collect()
}

fn enum_choices<T: Copy + PartialEq>(all: &[T], label: impl Fn(T) -> String) -> Vec<Choice> {
    all.iter()
        .enumerate()
        .map(|(i, v)| Choice { id: i as i64, label: label(*v), hint: String::new(), short: String::new() })
        .collect()
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> Option<i64> {
    all.iter().position(|x| x == v).map(|i| i as i64)
}

fn places_field(form: Form, app: &App, value: &str) -> Form {
    let places = app.store.places().unwrap_or_default();
    form.suggest("place", places, value, false)
}

impl App {
    /// Opens the form for `purpose`, filled from the record it edits.
    pub fn open_form(&mut self, purpose: FormPurpose) -> Result<(), StoreError> {
        let today = self.shared.today;
        let orgs = self.store.active_organizations()?;
        let form = match purpose {
            FormPurpose::NewTask { board, meeting_id, .. } => {
                let kind = crate::ops::task_kind(meeting_id.is_some(), board.is_none());
                let lead = board.or_else(|| self.store.resolve_organization("MTTQ").ok().map(|o| o.id));
                let mut task = Task::new("", lead.unwrap_or(0), kind);
                task.start_date = Some(today);
                self.task_form(&t("forms.new_task"), &task, &orgs)
            }
            FormPurpose::EditTask(id) => {
                let task = self.store.task(id)?;
                self.task_form(&format!("{} #{id}", t("forms.edit_task")), &task, &orgs)
            }
            FormPurpose::NewNote(id) => Form::new(&format!("{} #{id}", t("forms.new_note")))
                .date("noted_on", Some(today), true)
                .multiline("note", "")
                .focus_on("note"),
            FormPurpose::NewTarget(id) => Form::new(&format!("{} #{id}", t("forms.new_target")))
                .text("indicator", "", true)
                .text("unit", "", false)
                .number("target_value", None, true)
                .number("value", None, false),
            FormPurpose::NewActual(task_id) => {
                let targets = self.store.targets(task_id)?;
                if targets.is_empty() {
                    self.message = Some((t("forms.no_target"), true));
                    return Ok(());
                }
                let choices = targets
                    .iter()
                    .map(|g| Choice {
                        id: g.id,
                        label: g.indicator.clone(),
                        hint: format!(
                            "{} / {} {}",
                            crate::text::format_decimal(g.actual(), 2),
                            crate::text::format_decimal(g.target_value, 2),
                            g.unit
                        ),
                        short: String::new(),
                    })
                    .collect();
                Form::new(&format!("{} #{task_id}", t("forms.new_actual")))
                    .choice("target", choices, targets.first().map(|g| g.id), true)
                    .date("recorded_on", Some(today), true)
                    .number("value", None, true)
                    .toggle("increment", false)
                    .focus_on("value")
            }
            FormPurpose::NewAgendaItem(_) => Form::new(&t("forms.new_item"))
                .text("title", "", true)
                .choice("presenter", org_choices(&orgs), None, false)
                .number("minutes", Some(15.0), false)
                .toggle("standing", false)
                .multiline("notes", ""),
            FormPurpose::EditAgendaItem(id) => {
                let i = self.store.agenda_item(id)?;
                Form::new(&t("forms.edit_item"))
                    .text("title", &i.title, true)
                    .choice("presenter", org_choices(&orgs), i.org_id, false)
                    .number("minutes", i.planned_minutes.map(|m| m as f64), false)
                    .toggle("standing", i.standing)
                    .multiline("notes", &i.notes)
                    .multiline("outcome", &i.outcome)
            }
            FormPurpose::NewPending { item_id, .. } => {
                let by = item_id.and_then(|i| self.store.agenda_item(i).ok()).and_then(|i| i.org_id);
                self.pending_form(
                    &t("forms.new_pending"),
                    &PendingItem::new(PendingKind::Obstacle, "", today),
                    by,
                    &orgs,
                )
            }
            FormPurpose::EditPending(id) => {
                let p = self.store.pending_item(id)?;
                let by = p.raised_by_org_id;
                self.pending_form(&format!("{} #{id}", t("forms.edit_pending")), &p, by, &orgs)
                    .multiline("answer", &p.answer)
                    .date("answered_on", p.answered_on, false)
            }
            FormPurpose::NewMeeting => {
                let last = self.store.meetings_page(0, 1)?.into_iter().next().map(|m| m.0);
                let mut m = match &last {
                    Some(l) => {
                        let mut m = Meeting::new(0, l.kind, l.next_start(), &l.place);
                        m.chair_id = l.chair_id;
                        m.secretary_id = l.secretary_id;
                        m
                    }
                    None => Meeting::new(0, MeetingKind::Weekly, today.and_hms_opt(8, 0, 0).unwrap_or_default(), ""),
                };
                m.number = 0;
                self.meeting_form(&t("forms.new_meeting"), &m)
            }
            FormPurpose::EditMeeting(id) => {
                let m = self.store.meeting(id)?;
                let form = self.meeting_form(&crate::i18n::meeting_label(&m), &m);
                if m.is_closed() {
                    // Held and closed: the record is fixed; only notes may be added.
                    form.lock_all_but(&["notes"]).focus_on("notes").titled(&t("forms.closed_locked"))
                } else {
                    form
                }
            }
            FormPurpose::EditNote(id) => {
                let n = self.store.task_note(id)?;
                Form::new(&t("forms.edit_note")).date("noted_on", Some(n.noted_on), true).multiline("note", &n.text)
            }
            FormPurpose::EditTarget(id) => {
                let g = self.store.target(id)?;
                Form::new(&t("forms.edit_target"))
                    .text("indicator", &g.indicator, true)
                    .text("unit", &g.unit, false)
                    .number("target_value", Some(g.target_value), true)
            }
            FormPurpose::EditActual(id) => {
                let a = self.store.target_actual(id)?;
                Form::new(&t("forms.edit_actual")).date("recorded_on", Some(a.recorded_on), true).number(
                    "value",
                    Some(a.value),
                    true,
                )
            }
            FormPurpose::ItemNotes(id) => {
                let i = self.store.agenda_item(id)?;
                Form::new(&format!("{}. {}", i.position, i.title))
                    .multiline("notes", &i.notes)
                    .multiline("outcome", &i.outcome)
            }
            FormPurpose::NewPerson => self.person_form(&t("forms.new_person"), &Person::new("", "", None), &orgs),
            FormPurpose::NewOrg => org_form(&t("forms.new_org"), &Organization::new("", "", "", OrgKind::Member)),
            FormPurpose::EditOrg(id) => {
                let o = self.store.organization(id)?;
                org_form(&o.name.clone(), &o)
            }
            FormPurpose::EditPerson(id) => {
                let p = self.store.person(id)?;
                self.person_form(&p.full_name.clone(), &p, &orgs)
            }
            FormPurpose::Settings => {
                self.shared.settings = self.store.settings()?;
                super::settings::settings_form(&self.shared.settings)
            }
        };
        self.push_form(form, purpose)
    }

    fn push_form(&mut self, form: Form, purpose: FormPurpose) -> Result<(), StoreError> {
        let version = self.current_version(purpose)?;
        self.popups.push(Popup::Form(FormPopup { form, purpose, version }));
        Ok(())
    }

    /// The stored version of the record `purpose` edits.
    pub(crate) fn current_version(&self, purpose: FormPurpose) -> Result<Option<i64>, StoreError> {
        let st = &self.store;
        Ok(match purpose.record() {
            Some(("tasks", id)) => Some(st.task(id)?.version),
            Some(("agenda_items", id)) => Some(st.agenda_item(id)?.version),
            Some(("pending_items", id)) => Some(st.pending_item(id)?.version),
            Some(("meetings", id)) => Some(st.meeting(id)?.version),
            Some(("people", id)) => Some(st.person(id)?.version),
            Some(("organizations", id)) => Some(st.organization(id)?.version),
            Some(("task_notes", id)) => Some(st.task_note(id)?.version),
            Some(("targets", id)) => Some(st.target(id)?.version),
            Some(("target_actuals", id)) => Some(st.target_actual(id)?.version),
            _ => None,
        })
    }

    /// Someone else saved the record under the open form: say what they
    /// changed and ask what to do. The form and its input stay.
    fn ask_conflict(&mut self, purpose: FormPurpose, since: Option<i64>) -> Result<(), StoreError> {
        let mut notes = vec![t("conflict.intro")];
        if let Some((tbl, id)) = purpose.record() {
            let names = crate::ops::Names::load(&self.store)?;
            let theirs: Vec<_> = self
                .store
                .history(tbl, id)?
                .into_iter()
                .filter(|h| {
                    let v = h.new.as_ref().and_then(|v| v.get("version")).and_then(|v| v.as_i64());
                    h.op == "update" && v.zip(since).is_some_and(|(v, since)| v > since)
                })
                .collect();
            for line in crate::ops::read::describe_history(&theirs, &names).into_iter().rev() {
                notes.push(format!("{}  {}", line.at, line.text));
            }
        }
        self.popups.push(Popup::Menu(super::views::menu::Menu {
            purpose: MenuPurpose::Conflict,
            title: t("conflict.title"),
            options: vec![(t("conflict.keep_mine"), 0), (t("conflict.take_theirs"), 1), (t("conflict.back"), 2)],
            selected: 2,
            notes,
        }));
        Ok(())
    }

    /// The answer to the conflict question, with the form on top again.
    pub(crate) fn resolve_conflict(&mut self, choice: i64) -> Result<(), StoreError> {
        let Some(Popup::Form(fp)) = self.popups.last() else { return Ok(()) };
        let purpose = fp.purpose;
        match choice {
            // Keep mine: save over their version, knowingly.
            0 => {
                let current = self.current_version(purpose)?;
                if let Some(Popup::Form(fp)) = self.popups.last_mut() {
                    fp.version = current;
                }
                self.submit_form()?;
            }
            1 => {
                self.popups.pop();
                self.message = Some((t("conflict.took_theirs"), false));
            }
            _ => {}
        }
        Ok(())
    }

    /// The full task form filled from a quick entry (Tab in quick add).
    pub fn expand_quick(&mut self, input: &str, purpose: FormPurpose) -> Result<(), StoreError> {
        let orgs = self.store.active_organizations()?;
        let (board, source) = match purpose {
            FormPurpose::NewTask { board, meeting_id, item_id } => (board, meeting_id.map(|m| (m, item_id))),
            _ => (None, None),
        };
        let board = board.map_or(Board::Common, Board::Org);
        // What was typed fills the form; what could not be resolved is left to fix there.
        let (task, _) = crate::ops::quick_draft(&self.store, self.shared.today, input, board, source)?;
        let form = self.task_form(&t("forms.new_task"), &task, &orgs).focus_on("title");
        self.push_form(form, purpose)
    }

    fn task_form(&self, title: &str, task: &Task, orgs: &[Organization]) -> Form {
        let form = Form::new(title)
            .text("title", &task.title, true)
            .choice("lead", org_choices(orgs), (task.lead_org_id > 0).then_some(task.lead_org_id), true)
            .multi("with", org_choices(orgs), task.with_org_ids.clone())
            .multi("people", people_choices(self), task.person_ids.clone());
        places_field(form, self, &task.place)
            .date("start", task.start_date, false)
            .date("deadline", task.deadline, false)
            .choice(
                "status",
                enum_choices(TaskStatus::ALL, |s| t(&s.label_key())),
                index_of(TaskStatus::ALL, &task.status),
                true,
            )
            .choice(
                "kind",
                enum_choices(TaskKind::ALL, |k| t(&k.label_key())),
                index_of(TaskKind::ALL, &task.kind),
                true,
            )
            .text("doc_number", &task.source.doc_number, false)
            .multiline("description", &task.description)
    }

    fn pending_form(&self, title: &str, p: &PendingItem, by: Option<i64>, orgs: &[Organization]) -> Form {
        Form::new(title)
            .choice(
                "kind",
                enum_choices(PendingKind::ALL, |k| t(&k.label_key())),
                index_of(PendingKind::ALL, &p.kind),
                true,
            )
            .multiline("text", &p.text)
            .choice("raised_by", org_choices(orgs), by, false)
            .choice("addressed_org", org_choices(orgs), p.addressed_org_id, false)
            .text("addressed_to", &p.addressed_to, false)
            .date("raised_on", Some(p.raised_on), true)
            .date("answer_due", p.answer_due, false)
            .focus_on("text")
    }

    fn meeting_form(&self, title: &str, m: &Meeting) -> Form {
        Form::new(title)
            .number("number", (m.number > 0).then_some(m.number as f64), false)
            .choice(
                "meeting_kind",
                enum_choices(MeetingKind::ALL, |k| t(&k.label_key())),
                index_of(MeetingKind::ALL, &m.kind),
                true,
            )
            .datetime("starts_at", Some(m.starts_at), true)
            .text("place", &m.place, false)
            .choice("chair", people_choices(self), m.chair_id, false)
            .choice("secretary", people_choices(self), m.secretary_id, false)
            .multiline("notes", &m.notes)
    }

    fn person_form(&self, title: &str, p: &Person, orgs: &[Organization]) -> Form {
        Form::new(title)
            .text("full_name", &p.full_name, true)
            .text("job_title", &p.title, false)
            .choice("org", org_choices(orgs), p.org_id, false)
            .text("phone", p.phone.as_deref().unwrap_or(""), false)
            .text("roles", &p.roles.join(", "), false)
    }

    /// A key in the open form; on Submit, saves and closes, or shows why not.
    pub(crate) fn form_key(&mut self, key: &Key) -> Result<(), StoreError> {
        let today = self.shared.today;
        let Some(Popup::Form(fp)) = self.popups.last_mut() else { return Ok(()) };
        match fp.form.handle_key(key, today) {
            FormOutcome::Nothing => {}
            FormOutcome::Cancel => {
                self.popups.pop();
            }
            FormOutcome::Submit => self.submit_form()?,
        }
        Ok(())
    }

    pub(crate) fn submit_form(&mut self) -> Result<(), StoreError> {
        let Some(Popup::Form(fp)) = self.popups.last() else { return Ok(()) };
        let purpose = fp.purpose;
        let result = self.save_form(purpose);
        match result {
            Ok(msg) => {
                self.popups.pop();
                // A list under the form shows the change.
                if let Some(Popup::Menu(m)) = self.popups.last() {
                    let (purpose, selected) = (m.purpose, m.selected);
                    if matches!(purpose, MenuPurpose::People | MenuPurpose::Orgs | MenuPurpose::Entries(_)) {
                        self.popups.pop();
                        match purpose {
                            MenuPurpose::People => self.open_people_menu()?,
                            MenuPurpose::Orgs => self.open_org_menu()?,
                            MenuPurpose::Entries(task) => self.open_entries_menu(task)?,
                            _ => {}
                        }
                        if let Some(Popup::Menu(m)) = self.popups.last_mut() {
                            m.selected = selected.min(m.options.len().saturating_sub(1));
                        }
                    }
                }
                self.message = Some((msg, false));
            }
            Err(StoreError::Conflict { .. }) => {
                let since = match self.popups.last() {
                    Some(Popup::Form(fp)) => fp.version,
                    _ => None,
                };
                self.ask_conflict(purpose, since)?;
            }
            Err(e) => {
                let field = error_field(&e);
                if let Some(Popup::Form(fp)) = self.popups.last_mut() {
                    fp.form.set_error(field, e.message());
                }
            }
        }
        Ok(())
    }

    /// Builds the record from the form and saves it.
    fn save_form(&mut self, purpose: FormPurpose) -> Result<String, StoreError> {
        let (intent, saved) = self.form_intent(purpose)?;
        let created = self.exec(intent)?.created_id().unwrap_or_default().to_string();
        Ok(match saved {
            Saved::Plain => t("edit.saved"),
            Saved::TaskEdited(id) => tf("edit.task_saved", &[("id", id.to_string())]),
            Saved::TaskAdded => tf("edit.task_added", &[("id", created)]),
            Saved::NoteAdded(id) => tf("task.note_added", &[("id", id.to_string())]),
            Saved::PendingEdited(id) => tf("pending.saved", &[("id", id.to_string())]),
            Saved::PendingAdded => tf("pending.added", &[("id", created)]),
        })
    }

    /// The intent a filled form stands for. An edit carries the version the
    /// record had when the form opened.
    fn form_intent(&self, purpose: FormPurpose) -> Result<(Intent, Saved), StoreError> {
        let today = self.shared.today;
        let Some(Popup::Form(fp)) = self.popups.last() else {
            return Err(StoreError::NotFound { what: "record", id: 0 });
        };
        let f = &fp.form;
        let version = fp.version.unwrap_or(1);
        match purpose {
            FormPurpose::NewTask { .. } | FormPurpose::EditTask(_) => {
                let mut task = match purpose {
                    FormPurpose::EditTask(id) => self.store.task(id)?,
                    _ => Task::new("", 0, TaskKind::Specific),
                };
                task.title = f.get_text("title");
                task.lead_org_id = f.get_choice("lead").unwrap_or(0);
                task.with_org_ids = f.get_multi("with");
                task.person_ids = f.get_multi("people");
                task.place = f.get_text("place");
                task.start_date = f.get_date("start", today);
                task.deadline = f.get_date("deadline", today);
                task.kind =
                    f.get_choice("kind").and_then(|i| TaskKind::ALL.get(i as usize).copied()).unwrap_or(task.kind);
                let status = f
                    .get_choice("status")
                    .and_then(|i| TaskStatus::ALL.get(i as usize).copied())
                    .unwrap_or(task.status);
                task.set_status(status, task.completed_on.unwrap_or(today));
                task.source.doc_number = f.get_text("doc_number");
                task.description = f.get_text("description");
                if let FormPurpose::EditTask(_) = purpose {
                    let id = task.id;
                    task.version = version;
                    Ok((Intent::EditTask(task), Saved::TaskEdited(id)))
                } else {
                    let mut board = Board::Org(task.lead_org_id);
                    if let FormPurpose::NewTask { meeting_id, item_id, board: b } = purpose {
                        task.source.meeting_id = meeting_id;
                        task.source.agenda_item_id = item_id;
                        board = b.map_or(Board::Common, Board::Org);
                    }
                    Ok((Intent::AddTask { task, board, kind_given: true, first_note: None }, Saved::TaskAdded))
                }
            }
            FormPurpose::NewNote(task_id) => {
                let on = f.get_date("noted_on", today).unwrap_or(today);
                Ok((Intent::AddNote { task_id, on, text: f.get_text("note") }, Saved::NoteAdded(task_id)))
            }
            FormPurpose::NewTarget(task_id) => {
                let value = f.get_number("value");
                let target = Target {
                    id: 0,
                    task_id,
                    indicator: f.get_text("indicator"),
                    unit: f.get_text("unit"),
                    target_value: f.get_number("target_value").unwrap_or(0.0),
                    actuals: vec![],
                    version: 1,
                };
                Ok((Intent::AddTarget { target, first_value: value }, Saved::Plain))
            }
            FormPurpose::NewActual(_) => {
                let target_id = f.get_choice("target").unwrap_or(0);
                let on = f.get_date("recorded_on", today).unwrap_or(today);
                let (value, increment) = (f.get_number("value").unwrap_or(-1.0), f.get_toggle("increment"));
                Ok((Intent::RecordValue { target_id, on, value, increment }, Saved::Plain))
            }
            FormPurpose::NewAgendaItem(meeting_id) => {
                let mut item = AgendaItem::new(
                    meeting_id,
                    &f.get_text("title"),
                    f.get_choice("presenter"),
                    f.get_number("minutes").map(|m| m.round() as i64),
                );
                item.standing = f.get_toggle("standing");
                item.notes = f.get_text("notes");
                Ok((Intent::AddAgendaItem(item), Saved::Plain))
            }
            FormPurpose::EditNote(id) => {
                let mut n = self.store.task_note(id)?;
                n.noted_on = f.get_date("noted_on", today).unwrap_or(n.noted_on);
                n.text = f.get_text("note");
                n.version = version;
                Ok((Intent::EditNote(n), Saved::Plain))
            }
            FormPurpose::EditTarget(id) => {
                let mut g = self.store.target(id)?;
                g.indicator = f.get_text("indicator");
                g.unit = f.get_text("unit");
                g.target_value = f.get_number("target_value").unwrap_or(0.0);
                g.version = version;
                Ok((Intent::EditTarget(g), Saved::Plain))
            }
            FormPurpose::EditActual(id) => {
                let mut a = self.store.target_actual(id)?;
                a.recorded_on = f.get_date("recorded_on", today).unwrap_or(a.recorded_on);
                a.value = f.get_number("value").unwrap_or(-1.0);
                a.version = version;
                Ok((Intent::EditValue(a), Saved::Plain))
            }
            FormPurpose::ItemNotes(id) => {
                let mut item = self.store.agenda_item(id)?;
                item.notes = f.get_text("notes");
                item.outcome = f.get_text("outcome");
                item.version = version;
                Ok((Intent::EditAgendaItem(item), Saved::Plain))
            }
            FormPurpose::EditAgendaItem(id) => {
                let mut item = self.store.agenda_item(id)?;
                item.title = f.get_text("title");
                item.org_id = f.get_choice("presenter");
                item.planned_minutes = f.get_number("minutes").map(|m| m.round() as i64);
                item.standing = f.get_toggle("standing");
                item.notes = f.get_text("notes");
                item.outcome = f.get_text("outcome");
                item.version = version;
                Ok((Intent::EditAgendaItem(item), Saved::Plain))
            }
            FormPurpose::NewPending { .. } | FormPurpose::EditPending(_) => {
                let mut p = match purpose {
                    FormPurpose::EditPending(id) => self.store.pending_item(id)?,
                    _ => PendingItem::new(PendingKind::Obstacle, "", today),
                };
                p.kind = f.get_choice("kind").and_then(|i| PendingKind::ALL.get(i as usize).copied()).unwrap_or(p.kind);
                p.text = f.get_text("text");
                p.raised_by_org_id = f.get_choice("raised_by");
                p.addressed_org_id = f.get_choice("addressed_org");
                p.addressed_to = f.get_text("addressed_to");
                p.raised_on = f.get_date("raised_on", today).unwrap_or(today);
                p.answer_due = f.get_date("answer_due", today);
                if let FormPurpose::EditPending(id) = purpose {
                    p.answer = f.get_text("answer");
                    p.answered_on = f.get_date("answered_on", today);
                    if !p.answer.is_empty() && p.status == PendingStatus::Open {
                        p.status = PendingStatus::Answered;
                        p.answered_on = p.answered_on.or(Some(today));
                    }
                    p.version = version;
                    Ok((Intent::EditPending(p), Saved::PendingEdited(id)))
                } else {
                    if let FormPurpose::NewPending { meeting_id, .. } = purpose {
                        p.meeting_id = meeting_id;
                    }
                    Ok((Intent::AddPending(p), Saved::PendingAdded))
                }
            }
            FormPurpose::NewMeeting | FormPurpose::EditMeeting(_) => {
                let mut m = match purpose {
                    FormPurpose::EditMeeting(id) => self.store.meeting(id)?,
                    _ => Meeting::new(0, MeetingKind::Weekly, today.and_hms_opt(8, 0, 0).unwrap_or_default(), ""),
                };
                m.number = f.get_number("number").map(|n| n.round() as i64).unwrap_or(0);
                m.kind = f
                    .get_choice("meeting_kind")
                    .and_then(|i| MeetingKind::ALL.get(i as usize).copied())
                    .unwrap_or(m.kind);
                if let Some(s) = f.get_datetime("starts_at", today) {
                    m.starts_at = s;
                }
                m.place = f.get_text("place");
                m.chair_id = f.get_choice("chair");
                m.secretary_id = f.get_choice("secretary");
                m.notes = f.get_text("notes");
                if let FormPurpose::EditMeeting(_) = purpose {
                    m.version = version;
                    Ok((Intent::EditMeeting(m), Saved::Plain))
                } else {
                    Ok((Intent::AddMeeting(m), Saved::Plain))
                }
            }
            FormPurpose::NewPerson | FormPurpose::EditPerson(_) => {
                let mut p = match purpose {
                    FormPurpose::EditPerson(id) => self.store.person(id)?,
                    _ => Person::new("", "", None),
                };
                p.full_name = f.get_text("full_name");
                p.title = f.get_text("job_title");
                p.org_id = f.get_choice("org");
                p.phone = Some(f.get_text("phone")).filter(|s| !s.is_empty());
                p.roles =
                    f.get_text("roles").split(',').map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).collect();
                if let FormPurpose::EditPerson(_) = purpose {
                    p.version = version;
                    Ok((Intent::EditPerson(p), Saved::Plain))
                } else {
                    Ok((Intent::AddPerson(p), Saved::Plain))
                }
            }
            FormPurpose::Settings => Ok((super::settings::settings_intent(f, &self.shared.settings), Saved::Plain)),
            FormPurpose::NewOrg | FormPurpose::EditOrg(_) => {
                let mut o = match purpose {
                    FormPurpose::EditOrg(id) => self.store.organization(id)?,
                    _ => Organization::new("", "", "", OrgKind::Member),
                };
                o.code = f.get_text("code");
                o.name = f.get_text("name");
                o.short_name = f.get_text("short_name");
                o.kind = f.get_choice("org_kind").and_then(|i| OrgKind::ALL.get(i as usize).copied()).unwrap_or(o.kind);
                o.active = f.get_toggle("active");
                if let FormPurpose::EditOrg(_) = purpose {
                    o.version = version;
                    Ok((Intent::EditOrg(o), Saved::Plain))
                } else {
                    Ok((Intent::AddOrg(o), Saved::Plain))
                }
            }
        }
    }
}

fn org_form(title: &str, o: &Organization) -> Form {
    Form::new(title)
        .text("code", &o.code, true)
        .text("name", &o.name, true)
        .text("short_name", &o.short_name, false)
        .choice("org_kind", enum_choices(OrgKind::ALL, |k| t(&k.label_key())), index_of(OrgKind::ALL, &o.kind), true)
        .toggle("active", o.active)
}

/// The form field a store refusal is about, where there is one.
fn error_field(e: &StoreError) -> Option<&'static str> {
    match e {
        StoreError::Invalid(DomainError::Empty { field } | DomainError::TooLong { field, .. }) => Some(match *field {
            "full_name" => "full_name",
            "title" => "title",
            "text" => "text",
            "note" => "note",
            "indicator" => "indicator",
            "place" => "place",
            "description" => "description",
            "notes" => "notes",
            "outcome" => "outcome",
            "answer" => "answer",
            "addressed_to" => "addressed_to",
            "doc_number" => "doc_number",
            "phone" => "phone",
            "roles" => "roles",
            "unit" => "unit",
            _ => return None,
        }),
        StoreError::Invalid(DomainError::DeadlineBeforeStart) => Some("deadline"),
        StoreError::Invalid(DomainError::AnswerBeforeRaised) => Some("answer_due"),
        StoreError::Invalid(DomainError::EndBeforeStart) => Some("starts_at"),
        StoreError::Invalid(DomainError::BadNumber) => Some("number"),
        StoreError::Invalid(DomainError::BadTargetValue) => Some("value"),
        StoreError::Invalid(DomainError::BadOrgCode) | StoreError::DuplicateCode { .. } => Some("code"),
        StoreError::Invalid(DomainError::MeetingClosed) => None,
        _ => None,
    }
}
