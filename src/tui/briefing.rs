//! The live briefing's own keys: starting it, stepping through the agenda,
//! the roll call and the review of carried-over work.

use super::app::{App, Popup, Running};
use super::keymap::Action;
use super::views::detail::Subject;
use super::views::menu::{Confirm, Confirmed, Menu, MenuPurpose};
use super::views::prompt::{Prompt, PromptKind};
use crate::domain::{Attendance, MeetingStatus, PendingStatus, TaskStatus};
use crate::i18n::{t, tf};
use crate::ops::Intent;
use crate::store::StoreError;

impl App {
    pub(crate) fn start_briefing(&mut self) -> Result<(), StoreError> {
        let Some(m) = self.agenda.meeting.clone() else {
            self.message = Some((t("agenda.no_meeting"), true));
            return Ok(());
        };
        match m.status {
            // Held on another day than planned: say so before recording it.
            MeetingStatus::Planned if m.starts_at.date() != self.shared.today => {
                let lang = crate::i18n::lang();
                let question = tf(
                    "confirm.start_other_day",
                    &[
                        ("planned", crate::text::format_long_date(m.starts_at.date(), lang)),
                        ("today", crate::text::format_long_date(self.shared.today, lang)),
                    ],
                );
                self.popups.push(Popup::Confirm(Confirm { question, then: Confirmed::StartBriefing(m.id) }));
            }
            MeetingStatus::Planned => self.confirmed(Confirmed::StartBriefing(m.id))?,
            MeetingStatus::InProgress => self.message = Some((t("briefing.already_started"), true)),
            MeetingStatus::Closed => self.message = Some((t("err.meeting_closed"), true)),
        }
        Ok(())
    }

    /// The agenda item under discussion: the running one, else the selected one.
    pub fn current_item(&self) -> Option<i64> {
        self.running.map(|r| r.item_id).or(match self.agenda.selected_subject() {
            Some(Subject::AgendaItem(id)) => Some(id),
            _ => None,
        })
    }

    /// Moves the discussion to the next agenda item and starts its timer;
    /// the first step starts a planned briefing.
    pub(crate) fn next_item(&mut self) -> Result<(), StoreError> {
        let Some(m) = self.agenda.meeting.clone() else { return Ok(()) };
        if m.status == MeetingStatus::Closed {
            self.message = Some((t("err.meeting_closed"), true));
            return Ok(());
        }
        if m.status == MeetingStatus::Planned {
            let _ = self.exec(Intent::StartBriefing { meeting_id: m.id })?;
        }
        let items: Vec<i64> = self.store.agenda(m.id)?.iter().map(|i| i.id).collect();
        // Continue from where the briefing is: the item under discussion, or
        // the last one discussed (items may have been added after it).
        let from =
            self.running.map(|r| r.item_id).or(self.last_discussed.filter(|_| m.status != MeetingStatus::Planned));
        let next = match from.and_then(|id| items.iter().position(|i| *i == id)) {
            None => items.first().copied(),
            Some(p) => items.get(p + 1).copied(),
        };
        match next {
            Some(id) => {
                self.running = Some(Running { item_id: id, since: std::time::Instant::now() });
                self.last_discussed = Some(id);
                self.agenda.focus_item(id);
            }
            None => {
                self.running = None;
                self.message = Some((t("briefing.agenda_done"), false));
            }
        }
        Ok(())
    }

    /// One key on a row of the carried-over review.
    pub(crate) fn review_action(
        &mut self,
        row: super::views::review::ReviewRow,
        action: Action,
    ) -> Result<(), StoreError> {
        use super::views::review::ReviewRow as R;
        if self.shared.read_only && action != Action::Open {
            self.message = Some((self.store.read_only_reason().unwrap_or_else(|| t("err.read_only")), true));
            return Ok(());
        }
        match (row, action) {
            (R::Task(task), Action::Done) => {
                let intent =
                    Intent::SetTaskStatus { id: task.id, status: TaskStatus::Done, version: Some(task.version) };
                let _ = self.exec(intent)?;
                self.message = Some((
                    tf("task.status_set", &[("id", task.id.to_string()), ("status", t(&TaskStatus::Done.label_key()))]),
                    false,
                ));
            }
            (R::Pending(p), Action::Done) => {
                let intent =
                    Intent::SetPendingStatus { id: p.id, status: PendingStatus::Closed, version: Some(p.version) };
                let _ = self.exec(intent)?;
                self.message = Some((
                    tf(
                        "pending.status_set",
                        &[("id", p.id.to_string()), ("status", t(&PendingStatus::Closed.label_key()))],
                    ),
                    false,
                ));
            }
            (R::Task(task), Action::Edit) => {
                let value = task.deadline.map(|d| format!("{} ", crate::text::format_date(d))).unwrap_or_default();
                let kind = PromptKind::Postpone { task_id: task.id, version: Some(task.version) };
                self.popups.push(Popup::Prompt(Prompt::new(kind, &value)));
            }
            (R::Pending(p), Action::Answer | Action::Edit) => {
                let kind = PromptKind::Answer { pending_id: p.id, version: Some(p.version) };
                self.popups.push(Popup::Prompt(Prompt::new(kind, &p.answer)));
            }
            (R::Task(task), Action::Note) => {
                self.popups.push(Popup::Prompt(Prompt::new(PromptKind::Comment { task_id: task.id }, "")));
            }
            (R::Task(task), Action::Open) => {
                self.popups.push(Popup::Detail(super::views::detail::Detail::open(
                    Subject::Task(task.id),
                    &self.store,
                    &self.shared,
                )?));
            }
            (R::Pending(p), Action::Open) => {
                self.popups.push(Popup::Detail(super::views::detail::Detail::open(
                    Subject::Pending(p.id),
                    &self.store,
                    &self.shared,
                )?));
            }
            (R::Task(_), Action::Answer) => self.message = Some((t("review.answer_is_for_pending"), true)),
            (R::Pending(_), Action::Note) => self.message = Some((t("review.comment_is_for_tasks"), true)),
            _ => {}
        }
        Ok(())
    }

    /// After a row that stays in the review (rescheduled, commented), the
    /// next one is up. (A settled row drops out, which has the same effect.)
    pub(crate) fn review_next(&mut self) {
        if let Some(r) = self.popups.iter_mut().rev().find_map(|p| match p {
            Popup::Review(r) => Some(r),
            _ => None,
        }) {
            r.navigate(Action::Down);
        }
    }

    /// Space on a roll-call row: present <-> absent, saved at once.
    pub(crate) fn toggle_presence(&mut self) -> Result<(), StoreError> {
        let Some(Popup::RollCall(r)) = self.popups.last() else { return Ok(()) };
        let Some(row) = r.current() else { return Ok(()) };
        let present = row.present != Some(true);
        let a = Attendance {
            meeting_id: r.meeting_id,
            org_id: row.org_id,
            present,
            reason: if present { String::new() } else { row.reason.clone() },
            attendees: row.attendees.clone(),
        };
        let _ = self.exec(Intent::SetAttendance(a))?;
        // One key a row: the next organization is up.
        if let Some(Popup::RollCall(r)) = self.popups.last_mut() {
            r.navigate(Action::Down);
        }
        Ok(())
    }

    /// Everyone not yet called is present, as one action.
    pub(crate) fn all_present(&mut self) -> Result<(), StoreError> {
        let Some(Popup::RollCall(r)) = self.popups.last() else { return Ok(()) };
        let intents: Vec<Intent> = r
            .rows
            .iter()
            .filter(|row| row.present.is_none())
            .map(|row| {
                Intent::SetAttendance(Attendance {
                    meeting_id: r.meeting_id,
                    org_id: row.org_id,
                    present: true,
                    reason: String::new(),
                    attendees: row.attendees.clone(),
                })
            })
            .collect();
        if intents.is_empty() {
            return Ok(());
        }
        let changes = crate::ops::execute_all(&mut self.store, intents)?;
        self.after_change(&changes)
    }

    /// The chair (or secretary) of the briefing, chosen from the people.
    pub(crate) fn pick_officer(&mut self, meeting_id: i64, chair: bool) -> Result<(), StoreError> {
        let m = self.store.meeting(meeting_id)?;
        let current = if chair { m.chair_id } else { m.secretary_id };
        let people = self.store.people()?;
        let options: Vec<(String, i64)> = people
            .iter()
            .map(|p| {
                let org = p.org_id.map(|o| format!(" ({})", self.shared.org_short(o))).unwrap_or_default();
                (format!("{}{org}", p.full_name), p.id)
            })
            .collect();
        if options.is_empty() {
            self.message = Some((t("rollcall.no_people"), true));
            return Ok(());
        }
        let selected = current.and_then(|c| options.iter().position(|o| o.1 == c)).unwrap_or(0);
        let purpose = if chair {
            MenuPurpose::Chair(meeting_id, m.version)
        } else {
            MenuPurpose::Secretary(meeting_id, m.version)
        };
        let title = t(if chair { "field.chair" } else { "field.secretary" });
        self.popups.push(Popup::Menu(Menu { purpose, title, options, selected, notes: Vec::new() }));
        Ok(())
    }

    /// Enter on a roll-call row: who attended, or why absent.
    pub(crate) fn edit_presence(&mut self) {
        let Some(Popup::RollCall(r)) = self.popups.last() else { return };
        let Some(row) = r.current() else { return };
        let present = row.present != Some(false);
        let value = match (present, row.attendees.is_empty()) {
            // Offered from the people list: the organization's people, to keep or edit.
            (true, true) => {
                let mut people: Vec<&crate::domain::Person> =
                    self.shared.people.values().filter(|p| p.org_id == Some(row.org_id)).collect();
                people.sort_by_cached_key(|p| crate::text::person_name_key(&p.full_name));
                people.iter().map(|p| p.full_name.as_str()).collect::<Vec<_>>().join(", ")
            }
            (true, false) => row.attendees.clone(),
            (false, _) => row.reason.clone(),
        };
        let kind = PromptKind::RollCall { meeting_id: r.meeting_id, org_id: row.org_id, present };
        self.popups.push(Popup::Prompt(Prompt::new(kind, &value)));
    }
}
