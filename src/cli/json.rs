//! The documented JSON shapes of `--json` output (see README). Field names
//! and meanings stay stable; new fields may be added.

use crate::domain::{AgendaItem, Meeting, PendingItem, Task};
use chrono::NaiveDate;
use serde::Serialize;

pub use crate::ops::Names;

fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

#[derive(Serialize)]
pub struct TaskJson {
    pub id: i64,
    pub title: String,
    pub lead: String,
    pub with: Vec<String>,
    pub status: &'static str,
    pub kind: &'static str,
    pub deadline: Option<String>,
    pub overdue: bool,
    pub days_late: Option<i64>,
    pub place: String,
    pub start_date: Option<String>,
    pub completed_on: Option<String>,
    pub people: Vec<String>,
    pub meeting_id: Option<i64>,
    pub description: String,
}

pub fn task(t: &Task, names: &Names, today: NaiveDate) -> TaskJson {
    TaskJson {
        id: t.id,
        title: t.title.clone(),
        lead: names.code(t.lead_org_id),
        with: t.with_org_ids.iter().map(|id| names.code(*id)).collect(),
        status: t.status.code(),
        kind: t.kind.code(),
        deadline: iso(t.deadline),
        overdue: t.is_overdue(today),
        days_late: t.days_late(today),
        place: t.place.clone(),
        start_date: iso(t.start_date),
        completed_on: iso(t.completed_on),
        people: t.person_ids.iter().map(|id| names.person(*id)).collect(),
        meeting_id: t.source.meeting_id,
        description: t.description.clone(),
    }
}

#[derive(Serialize)]
pub struct PendingJson {
    pub id: i64,
    pub kind: &'static str,
    pub text: String,
    pub raised_by: Option<String>,
    pub addressed_to: String,
    pub raised_on: String,
    pub answer_due: Option<String>,
    pub status: &'static str,
    pub days_open: i64,
    pub answer: String,
    pub answered_on: Option<String>,
    pub meeting_id: Option<i64>,
}

pub fn pending(p: &PendingItem, names: &Names, today: NaiveDate) -> PendingJson {
    PendingJson {
        id: p.id,
        kind: p.kind.code(),
        text: p.text.clone(),
        raised_by: p.raised_by_org_id.map(|id| names.code(id)),
        addressed_to: p.addressed_org_id.map(|id| names.code(id)).unwrap_or_else(|| p.addressed_to.clone()),
        raised_on: p.raised_on.format("%Y-%m-%d").to_string(),
        answer_due: iso(p.answer_due),
        status: p.status.code(),
        days_open: p.days_open(today),
        answer: p.answer.clone(),
        answered_on: iso(p.answered_on),
        meeting_id: p.meeting_id,
    }
}

#[derive(Serialize)]
pub struct MeetingJson {
    pub id: i64,
    pub number: i64,
    pub year: i32,
    pub kind: &'static str,
    pub status: &'static str,
    pub starts_at: String,
    /// When it actually began, once started.
    pub started_at: Option<String>,
    pub ends_at: Option<String>,
    pub place: String,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub agenda_items: usize,
}

pub fn meeting(m: &Meeting, names: &Names, agenda_items: usize) -> MeetingJson {
    MeetingJson {
        id: m.id,
        number: m.number,
        year: m.year,
        kind: m.kind.code(),
        status: m.status.code(),
        starts_at: m.starts_at.format("%Y-%m-%dT%H:%M").to_string(),
        started_at: m.started_at.map(|e| e.format("%Y-%m-%dT%H:%M").to_string()),
        ends_at: m.ends_at.map(|e| e.format("%Y-%m-%dT%H:%M").to_string()),
        place: m.place.clone(),
        chair: m.chair_id.map(|id| names.person(id)),
        secretary: m.secretary_id.map(|id| names.person(id)),
        agenda_items,
    }
}

#[derive(Serialize)]
pub struct AgendaItemJson {
    pub id: i64,
    pub position: i64,
    pub title: String,
    pub org: Option<String>,
    pub planned_minutes: Option<i64>,
    pub notes: String,
    pub outcome: String,
    pub standing: bool,
}

pub fn agenda_item(i: &AgendaItem, names: &Names) -> AgendaItemJson {
    AgendaItemJson {
        id: i.id,
        position: i.position,
        title: i.title.clone(),
        org: i.org_id.map(|id| names.code(id)),
        planned_minutes: i.planned_minutes,
        notes: i.notes.clone(),
        outcome: i.outcome.clone(),
        standing: i.standing,
    }
}

/// One entry of a briefing's review of earlier conclusions.
#[derive(Serialize)]
pub struct CarriedJson {
    pub id: i64,
    /// "task" or "pending".
    pub kind: &'static str,
    pub title: String,
    /// Organization code: a task's lead, a pending item's raiser.
    pub lead: Option<String>,
    pub deadline: Option<String>,
    pub overdue: bool,
}

pub fn carried(tasks: &[Task], pending: &[PendingItem], names: &Names, today: NaiveDate) -> Vec<CarriedJson> {
    let mut out: Vec<CarriedJson> = tasks
        .iter()
        .map(|t| CarriedJson {
            id: t.id,
            kind: "task",
            title: t.title.clone(),
            lead: Some(names.code(t.lead_org_id)),
            deadline: iso(t.deadline),
            overdue: t.is_overdue(today),
        })
        .collect();
    out.extend(pending.iter().map(|p| CarriedJson {
        id: p.id,
        kind: "pending",
        title: p.text.clone(),
        lead: p.raised_by_org_id.map(|id| names.code(id)),
        deadline: iso(p.answer_due),
        overdue: p.answer_overdue(today),
    }));
    out
}
