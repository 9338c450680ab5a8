//! Read models: what a face shows or a document prints, loaded in one read
//! transaction so that a commit by another process cannot fall between its
//! parts. Built once here for the TUI, the CLI and the documents.

use super::Board;
use crate::domain::{
    AgendaItem, Attendance, Meeting, MeetingKind, MeetingStatus, OrgKind, Organization, PendingItem, PendingKind,
    PendingStatus, Person, Target, Task, TaskKind, TaskNote, TaskStatus,
};
use crate::i18n::t;
use crate::store::{BoardCounts, HistoryEntry, Result, Store, TaskFilter};
use crate::text::{format_date, format_datetime, format_decimal};
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use std::collections::HashMap;

/// Organizations and people by id, for showing names instead of ids.
pub struct Names {
    orgs: HashMap<i64, Organization>,
    people: HashMap<i64, Person>,
}

impl Names {
    pub fn load(store: &Store) -> Result<Names> {
        Ok(Names {
            orgs: store.organizations()?.into_iter().map(|o| (o.id, o)).collect(),
            people: store.people_unordered()?.into_iter().map(|p| (p.id, p)).collect(),
        })
    }
    /// The organizations' names only (no person is named).
    pub fn orgs_only(store: &Store) -> Result<Names> {
        Ok(Names { orgs: store.organizations()?.into_iter().map(|o| (o.id, o)).collect(), people: HashMap::new() })
    }
    pub fn code(&self, id: i64) -> String {
        self.orgs.get(&id).map(|o| o.code.clone()).unwrap_or_default()
    }
    /// The short name people read (ĐTN, LĐLĐ), else the code.
    pub fn short(&self, id: i64) -> String {
        self.orgs
            .get(&id)
            .map(|o| if o.short_name.is_empty() { o.code.clone() } else { o.short_name.clone() })
            .unwrap_or_default()
    }
    pub fn org(&self, id: i64) -> Option<&Organization> {
        self.orgs.get(&id)
    }
    /// The active organizations in the bloc's order.
    pub fn active_orgs(&self) -> Vec<&Organization> {
        let mut list: Vec<&Organization> = self.orgs.values().filter(|o| o.active).collect();
        list.sort_by_key(|o| (o.sort_order, o.id));
        list
    }
    pub fn person(&self, id: i64) -> String {
        self.people.get(&id).map(|p| p.full_name.clone()).unwrap_or_default()
    }
}

/// One change of a record, in the user's words.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub at: String,
    pub text: String,
}

/// Describes history entries (newest first) with field labels from the
/// catalogs, names instead of ids and dates as dd/mm/yyyy.
pub fn describe_history(entries: &[HistoryEntry], names: &Names) -> Vec<HistoryLine> {
    entries
        .iter()
        .map(|h| {
            let text = match h.op.as_str() {
                "insert" => t("history.insert"),
                "delete" => t("history.delete"),
                _ => describe_update(&h.table, h.old.as_ref(), h.new.as_ref(), names),
            };
            let at = NaiveDateTime::parse_from_str(&h.at, "%Y-%m-%d %H:%M:%S")
                .map(format_datetime)
                .unwrap_or_else(|_| h.at.clone());
            HistoryLine { at, text }
        })
        .collect()
}

/// "Hạn: 25/11/2026 → 29/11/2026; Phối hợp: — → HND".
pub fn describe_update(table: &str, old: Option<&Value>, new: Option<&Value>, names: &Names) -> String {
    let (Some(old), Some(new)) = (old.and_then(Value::as_object), new.and_then(Value::as_object)) else {
        return t("history.update");
    };
    let mut parts = Vec::new();
    for (k, v) in new {
        let Some(label) = field_label(table, k) else { continue };
        if old.get(k) != Some(v) {
            let show = |v: Option<&Value>| {
                let s = show_value(table, k, v, names);
                crate::text::truncate_to_width(&s, 40)
            };
            parts.push(format!("{}: {} → {}", t(label), show(old.get(k)), show(Some(v))));
        }
    }
    if parts.is_empty() {
        t("history.update")
    } else {
        parts.join("; ")
    }
}

/// The catalog key of a stored column's label; None for bookkeeping.
fn field_label(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        (_, "id" | "version" | "created_at" | "updated_at" | "place_fold" | "meeting_id" | "agenda_item_id") => {
            return None
        }
        (_, "position" | "year" | "sort_order" | "task_id" | "target_id") => return None,
        ("people", "title") => "field.job_title",
        ("task_notes", "text") => "field.note",
        ("meetings", "kind") => "field.meeting_kind",
        ("organizations", "kind") => "field.org_kind",
        (_, "title") => "field.title",
        (_, "description") => "field.description",
        (_, "kind") => "field.kind",
        (_, "lead_org_id") => "field.lead",
        (_, "with_org_ids") => "field.with",
        (_, "person_ids") => "field.people",
        (_, "place") => "field.place",
        (_, "doc_number") => "field.doc_number",
        (_, "doc_date") => "field.source",
        (_, "start_date") => "field.start",
        (_, "deadline") => "field.deadline",
        (_, "status") => "field.status",
        (_, "completed_on") => "field.completed",
        (_, "text") => "field.text",
        (_, "raised_by_org_id") => "field.raised_by",
        (_, "addressed_org_id") => "field.addressed_org",
        (_, "addressed_to") => "field.addressed_to",
        (_, "raised_on") => "field.raised_on",
        (_, "answer_due") => "field.answer_due",
        (_, "answer") => "field.answer",
        (_, "answered_on") => "field.answered_on",
        (_, "number") => "field.number",
        (_, "starts_at") => "field.starts_at",
        (_, "started_at") => "field.started_at",
        (_, "ends_at") => "field.ends_at",
        (_, "chair_id") => "field.chair",
        (_, "secretary_id") => "field.secretary",
        (_, "notes") => "field.notes",
        (_, "org_id") if table == "agenda_items" => "field.presenter",
        (_, "org_id") => "field.org",
        (_, "planned_minutes") => "field.minutes",
        (_, "outcome") => "field.outcome",
        (_, "standing") => "field.standing",
        (_, "noted_on") => "field.noted_on",
        (_, "indicator") => "field.indicator",
        (_, "unit") => "field.unit",
        (_, "target_value") => "field.target_value",
        (_, "recorded_on") => "field.recorded_on",
        (_, "value") => "field.value",
        (_, "full_name") => "field.full_name",
        (_, "phone") => "field.phone",
        (_, "roles") => "field.roles",
        (_, "code") => "field.code",
        (_, "name") => "field.name",
        (_, "short_name") => "field.short_name",
        (_, "active") => "field.active",
        _ => return None,
    })
}

fn show_value(table: &str, column: &str, v: Option<&Value>, names: &Names) -> String {
    let dash = || "—".to_string();
    let Some(v) = v.filter(|v| !v.is_null()) else { return dash() };
    let label = |key: String| t(&key);
    match (column, v) {
        ("lead_org_id" | "raised_by_org_id" | "addressed_org_id" | "org_id", Value::Number(n)) => {
            n.as_i64().map(|id| names.short(id)).unwrap_or_else(dash)
        }
        ("with_org_ids", Value::Array(ids)) if ids.is_empty() => dash(),
        ("with_org_ids", Value::Array(ids)) => {
            ids.iter().filter_map(Value::as_i64).map(|id| names.short(id)).collect::<Vec<_>>().join(", ")
        }
        ("person_ids", Value::Array(ids)) if ids.is_empty() => dash(),
        ("person_ids", Value::Array(ids)) => {
            ids.iter().filter_map(Value::as_i64).map(|id| names.person(id)).collect::<Vec<_>>().join(", ")
        }
        ("chair_id" | "secretary_id", Value::Number(n)) => n.as_i64().map(|id| names.person(id)).unwrap_or_else(dash),
        ("status", Value::String(s)) => match table {
            "tasks" => TaskStatus::from_code(s).map(|x| label(x.label_key())),
            "pending_items" => PendingStatus::from_code(s).map(|x| label(x.label_key())),
            "meetings" => MeetingStatus::from_code(s).map(|x| label(x.label_key())),
            _ => None,
        }
        .unwrap_or_else(|| s.clone()),
        ("kind", Value::String(s)) => match table {
            "tasks" => TaskKind::from_code(s).map(|x| label(x.label_key())),
            "pending_items" => PendingKind::from_code(s).map(|x| label(x.label_key())),
            "meetings" => MeetingKind::from_code(s).map(|x| label(x.label_key())),
            "organizations" => OrgKind::from_code(s).map(|x| label(x.label_key())),
            _ => None,
        }
        .unwrap_or_else(|| s.clone()),
        ("standing" | "active", Value::Number(n)) => {
            if n.as_i64() == Some(0) {
                t("no")
            } else {
                t("yes")
            }
        }
        ("standing" | "active", Value::Bool(b)) => {
            if *b {
                t("yes")
            } else {
                t("no")
            }
        }
        (_, Value::Number(n)) => n.as_f64().map(|x| format_decimal(x, 2)).unwrap_or_else(|| n.to_string()),
        (_, Value::String(s)) if s.is_empty() => dash(),
        (_, Value::String(s)) => {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                format_date(d)
            } else if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M") {
                format_datetime(dt)
            } else if column == "roles" {
                serde_json::from_str::<Vec<String>>(s).map(|r| r.join(", ")).unwrap_or_else(|_| s.clone())
            } else {
                s.replace('\n', " ")
            }
        }
        (_, other) => other.to_string(),
    }
}

/// A task as its detail shows it, everywhere: fields, notes, targets with
/// every dated value, and its history in the user's words.
pub struct TaskDetail {
    pub task: Task,
    pub notes: Vec<TaskNote>,
    pub targets: Vec<Target>,
    pub history: Vec<HistoryLine>,
    /// "Cuộc họp số 3/2026" when it was decided at a briefing.
    pub meeting: Option<Meeting>,
}

impl TaskDetail {
    pub fn load(store: &Store, id: i64, names: &Names) -> Result<TaskDetail> {
        store.read(|s| {
            let task = s.task(id)?;
            let meeting = match task.source.meeting_id {
                Some(m) => s.meeting(m).ok(),
                None => None,
            };
            Ok(TaskDetail {
                notes: s.task_notes(id)?,
                targets: s.targets(id)?,
                history: describe_history(&s.history("tasks", id)?, names),
                meeting,
                task,
            })
        })
    }
}

/// Carried-over work settled while a briefing was held.
#[derive(Debug, Clone, PartialEq)]
pub enum Settled {
    /// A task from an earlier briefing: what changed (status, deadline).
    Task { task: Task, change: String },
    /// A pending item raised before: answered or closed.
    Pending { item: PendingItem },
}

/// Everything about one briefing that the agenda screen, the meeting
/// detail, `giaoban agenda --meeting N` and the minutes print.
pub struct BriefingSummary {
    pub meeting: Meeting,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub agenda: Vec<AgendaItem>,
    pub attendance: Vec<Attendance>,
    /// Tasks decided at this briefing.
    pub conclusions: Vec<Task>,
    pub pending_raised: Vec<PendingItem>,
    /// Pending items raised earlier and answered or closed that day.
    pub pending_resolved: Vec<PendingItem>,
    /// Earlier work settled during the briefing (from its history).
    pub settled: Vec<Settled>,
    /// What the briefing reviews first: open earlier conclusions and
    /// pending items (for a briefing not yet closed).
    pub carried_tasks: Vec<Task>,
    pub carried_pending: Vec<PendingItem>,
}

impl BriefingSummary {
    pub fn load(store: &Store, meeting_id: i64, today: NaiveDate, names: &Names) -> Result<BriefingSummary> {
        store.read(|s| {
            let meeting = s.meeting(meeting_id)?;
            let agenda = s.agenda(meeting_id)?;
            let attendance = s.attendance(meeting_id)?;
            let conclusions = s.tasks(
                &TaskFilter { meeting_id: Some(meeting_id), include_finished: true, ..Default::default() },
                today,
            )?;
            let pending_raised = s.pending_of_meeting(meeting_id)?;
            let (carried_tasks, carried_pending) =
                if meeting.is_closed() { (Vec::new(), Vec::new()) } else { s.carried_over(&meeting, today)? };
            let held_from = meeting.started_at.unwrap_or(meeting.starts_at);
            let held_until = meeting.ends_at.unwrap_or_else(|| s.clock().now());
            let mut settled = Vec::new();
            let mut resolved_ids = Vec::new();
            if meeting.status != MeetingStatus::Planned {
                for h in s.history_between(held_from, held_until, &["tasks", "pending_items"])? {
                    if h.op != "update" {
                        continue;
                    }
                    let from_here =
                        h.new.as_ref().and_then(|v| v.get("meeting_id")).and_then(Value::as_i64) == Some(meeting_id);
                    if from_here {
                        continue;
                    }
                    if h.table == "tasks" {
                        let change = describe_settled(h.old.as_ref(), h.new.as_ref(), names);
                        if let (Some(change), Ok(task)) = (change, s.task(h.record_id)) {
                            settled.retain(|x| !matches!(x, Settled::Task { task: t, .. } if t.id == task.id));
                            settled.push(Settled::Task { task, change });
                        }
                    } else {
                        let was_open = h.old.as_ref().and_then(|v| v.get("status")).and_then(Value::as_str)
                            == Some(PendingStatus::Open.code());
                        let now_open = h.new.as_ref().and_then(|v| v.get("status")).and_then(Value::as_str)
                            == Some(PendingStatus::Open.code());
                        if was_open && !now_open && !resolved_ids.contains(&h.record_id) {
                            resolved_ids.push(h.record_id);
                        }
                    }
                }
            }
            let date = meeting.started_at.unwrap_or(meeting.starts_at).date();
            // Settled during the briefing (by its history) or answered that
            // day: each looked up, not every pending item of the file.
            let mut pending_resolved = s.pending_answered_on(date)?;
            for id in resolved_ids {
                if !pending_resolved.iter().any(|p| p.id == id) {
                    pending_resolved.push(s.pending_item(id)?);
                }
            }
            pending_resolved.retain(|p| p.meeting_id != Some(meeting_id) && !p.is_open());
            pending_resolved.sort_by_key(|p| (p.raised_on, p.id));
            settled.extend(pending_resolved.iter().map(|p| Settled::Pending { item: p.clone() }));
            Ok(BriefingSummary {
                chair: meeting.chair_id.map(|i| names.person(i)).filter(|n| !n.is_empty()),
                secretary: meeting.secretary_id.map(|i| names.person(i)).filter(|n| !n.is_empty()),
                meeting,
                agenda,
                attendance,
                conclusions,
                pending_raised,
                pending_resolved,
                settled,
                carried_tasks,
                carried_pending,
            })
        })
    }
}

/// What a change of a carried-over task settled: its status or deadline.
fn describe_settled(old: Option<&Value>, new: Option<&Value>, names: &Names) -> Option<String> {
    let (o, n) = (old?.as_object()?, new?.as_object()?);
    let mut keep = serde_json::Map::new();
    let mut keep_old = serde_json::Map::new();
    for k in ["status", "deadline"] {
        if o.get(k) != n.get(k) {
            keep.insert(k.into(), n.get(k).cloned().unwrap_or(Value::Null));
            keep_old.insert(k.into(), o.get(k).cloned().unwrap_or(Value::Null));
        }
    }
    if keep.is_empty() {
        return None;
    }
    Some(describe_update("tasks", Some(&Value::Object(keep_old)), Some(&Value::Object(keep)), names))
}

/// One board as its screen shows it: the open and overdue counts of every
/// board (for the strip) and the tasks of this one, read as of one moment.
/// A board is the common tasks, or an organization's work (what it leads or
/// coordinates), narrowed by `filter`.
pub struct BoardPage {
    pub counts: Vec<BoardCounts>,
    pub tasks: Vec<Task>,
}

impl BoardPage {
    /// The board's tasks, with the strip's counts of every board when
    /// `with_counts` (moving to another board keeps the ones shown).
    pub fn load(
        store: &Store,
        board: Board,
        mut filter: TaskFilter,
        today: NaiveDate,
        with_counts: bool,
    ) -> Result<BoardPage> {
        match board {
            Board::Common => {
                if filter.kinds.is_empty() {
                    filter.kinds = vec![TaskKind::Common];
                } else {
                    filter.kinds.retain(|k| *k == TaskKind::Common);
                    if filter.kinds.is_empty() {
                        filter.ids = Some(Vec::new());
                    }
                }
            }
            Board::Org(id) => filter.org_id = Some(id),
        }
        store.read(|s| {
            let counts = if with_counts { s.board_counts(today)? } else { Vec::new() };
            Ok(BoardPage { counts, tasks: s.tasks(&filter, today)? })
        })
    }
}
