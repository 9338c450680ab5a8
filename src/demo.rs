//! Sample data for demos, screenshots and tests: the bloc of Hải Hà district
//! with its people, twelve weekly briefings, about 150 tasks with notes and
//! targets, and some thirty pending items.
//!
//! Everything is generated relative to `today` with a fixed-seed generator,
//! so the same `today` always gives the same data. The figures echo the seed
//! articles: 1,5 tỷ đồng raised, 27 nhà Đại đoàn kết, 220 mô hình "Dân vận
//! khéo", 21 hội nghị tiếp xúc cử tri with about 2.300 lượt cử tri.
//!
//! The content (names, titles, notes, topics) is in `assets/demo.toml`; this
//! module decides dates, statuses and who does what.

pub mod bulk;
mod content;
mod figures;
mod rng;
#[cfg(test)]
mod tests;

use crate::domain::{
    AgendaItem, Attendance, Meeting, MeetingKind, PendingItem, PendingStatus, Person, Target, Task, TaskKind,
    TaskStatus,
};
use crate::store::{Result, Store, StoreError, TaskFilter, Write};
use chrono::{Datelike, Duration, NaiveDate};
use content::{content, TaskDef};
use figures::{progress_note, round_value};
use rng::Rng;
use std::collections::HashMap;

pub struct Summary {
    pub meetings: usize,
    pub tasks: usize,
    pub pending: usize,
    pub people: usize,
}

/// Fills `store` with the sample bloc. A database that already has meetings
/// or tasks is refused unless `force`, which first deletes every task,
/// pending item, meeting and person (organizations stay).
pub fn fill(store: &mut Store, today: NaiveDate, force: bool) -> Result<Summary> {
    // One transaction: the demo is there whole, or not at all.
    store.write(|w| {
        let all_tasks = TaskFilter { include_finished: true, ..Default::default() };
        let has_data = !w.store().meetings()?.is_empty() || !w.store().tasks(&all_tasks, today)?.is_empty();
        if has_data && !force {
            return Err(StoreError::DemoRefused);
        }
        if force {
            clear(w, today)?;
        }
        let settings = w.store().settings()?;
        let bloc = &content().bloc;
        for (key, value, current) in [
            ("bloc_name", bloc.name, &settings.bloc_name),
            ("locality", bloc.locality, &settings.locality),
            ("level", bloc.level, &settings.level),
        ] {
            if force || current.trim().is_empty() {
                w.set_setting(key, value)?;
            }
        }
        let mut gen = Gen::new(w, today)?;
        gen.people()?;
        gen.meetings()?;
        gen.tasks()?;
        gen.pending()?;
        let summary = Summary {
            meetings: gen.meetings.len(),
            tasks: gen.task_count,
            pending: gen.pending_count,
            people: gen.people.len(),
        };
        // The sample is a starting point: undo never unloads it piece by piece.
        w.seal_history()?;
        Ok(summary)
    })
}

/// Deletes the work data, keeping organizations and settings.
fn clear(w: &Write, today: NaiveDate) -> Result<()> {
    let all_tasks = TaskFilter { include_finished: true, ..Default::default() };
    for t in w.store().tasks(&all_tasks, today)? {
        w.delete_task(t.id, None)?;
    }
    for p in w.store().pending_items(None, true)? {
        w.delete_pending_item(p.id, None)?;
    }
    for m in w.store().meetings()? {
        w.delete_meeting(m.id, None)?;
    }
    for p in w.store().people()? {
        w.delete_person(p.id, None)?;
    }
    Ok(())
}

const SEED: u64 = 0x6769_616f_6261_6e21; // "giaoban!"

/// How many conclusions each closed briefing produced (sums to the
/// conclusions in the content).
const CONCLUSIONS_PER_MEETING: [usize; 11] = [3, 4, 2, 5, 3, 4, 3, 2, 4, 5, 3];

// ---------------------------------------------------------------- generator

struct MeetingRec {
    id: i64,
    date: NaiveDate,
    /// Organizations' report items: (agenda item id, organization).
    reports: Vec<(i64, i64)>,
    topical_item: i64,
}

struct Spec {
    def: &'static TaskDef<'static>,
    kind: TaskKind,
    start: NaiveDate,
    deadline: NaiveDate,
    meeting: Option<usize>,
    doc: Option<(String, NaiveDate)>,
    status: TaskStatus,
    completed: Option<NaiveDate>,
}

struct Gen<'a, 'w> {
    store: &'a Write<'w>,
    today: NaiveDate,
    rng: Rng,
    orgs: HashMap<String, i64>,
    org_names: HashMap<i64, String>,
    fallback_org: i64,
    /// (id, org, full name, roles)
    people: Vec<(i64, Option<i64>, String, &'static [&'static str])>,
    meetings: Vec<MeetingRec>,
    task_count: usize,
    pending_count: usize,
}

impl<'a, 'w> Gen<'a, 'w> {
    fn new(store: &'a Write<'w>, today: NaiveDate) -> Result<Self> {
        let orgs_list = store.store().organizations()?;
        let fallback_org =
            orgs_list.first().map(|o| o.id).ok_or(StoreError::NotFound { what: "organization", id: 0 })?;
        let orgs = orgs_list.iter().map(|o| (o.code.clone(), o.id)).collect();
        let org_names = orgs_list.iter().map(|o| (o.id, o.name.clone())).collect();
        Ok(Gen {
            store,
            today,
            rng: Rng::new(SEED),
            orgs,
            org_names,
            fallback_org,
            people: Vec::new(),
            meetings: Vec::new(),
            task_count: 0,
            pending_count: 0,
        })
    }

    fn org(&self, code: &str) -> i64 {
        self.orgs.get(code).copied().unwrap_or(self.fallback_org)
    }

    fn org_name(&self, id: i64) -> String {
        self.org_names.get(&id).cloned().unwrap_or_default()
    }

    fn with_role(&self, role: &str) -> Option<i64> {
        self.people.iter().find(|p| p.3.contains(&role)).map(|p| p.0)
    }

    fn name_of(&self, id: Option<i64>) -> String {
        self.people.iter().find(|p| Some(p.0) == id).map(|p| p.2.clone()).unwrap_or_default()
    }

    fn people_of(&self, org: i64) -> Vec<(i64, String)> {
        self.people.iter().filter(|p| p.1 == Some(org)).map(|p| (p.0, p.2.clone())).collect()
    }

    fn people(&mut self) -> Result<()> {
        for d in &content().people {
            let org = self.orgs.get(d.org).copied();
            let person = Person {
                phone: d.phone.map(str::to_string),
                roles: d.roles.iter().map(|r| r.to_string()).collect(),
                ..Person::new(d.name, d.title, org)
            };
            let id = self.store.add_person(person)?;
            self.people.push((id, org, d.name.to_string(), &d.roles));
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<()> {
        let today = self.today;
        let (all, briefing) = (&content().bloc.orgs, &content().briefing);
        let yesterday = today - Duration::days(1);
        let last_monday = yesterday - Duration::days(yesterday.weekday().num_days_from_monday() as i64);
        let next_monday = today + Duration::days(7 - today.weekday().num_days_from_monday() as i64);
        let head = self.with_role("trưởng khối");
        let deputy = self.with_role("phó khối");
        let secretary = self.with_role("thư ký");
        let mttq = self.org("MTTQ");
        let member_codes = ["DTN", "HLHPN", "HND", "HCCB", "LDLD"];
        let mut previous: Option<(i32, i64)> = None;
        for i in 0..12usize {
            let closed = i < 11;
            let date = if closed { last_monday - Duration::weeks(10 - i as i64) } else { next_monday };
            // Consecutive within a year, as a secretary numbers them; the
            // first one takes its week's number, as if the year began weekly.
            let number = match previous {
                Some((year, n)) if year == date.year() => n + 1,
                _ => (date.ordinal0() / 7 + 1) as i64,
            };
            previous = Some((date.year(), number));
            let place = if i % 4 == 1 { "Hội trường Ủy ban MTTQ huyện" } else { "Phòng họp Khối" };
            let starts_at = date.and_hms_opt(8, 0, 0).unwrap_or_default();
            let mut m = Meeting::new(number, MeetingKind::Weekly, starts_at, place);
            let chair = if i % 5 == 3 { deputy.or(head) } else { head };
            m.chair_id = chair;
            m.secretary_id = secretary;
            let id = self.store.add_meeting(m)?;
            let mut rec = MeetingRec { id, date, reports: Vec::new(), topical_item: 0 };

            // Agenda.
            if i > 0 {
                let mut it = AgendaItem::new(id, "Kiểm điểm việc thực hiện kết luận kỳ trước", Some(mttq), Some(15));
                it.standing = true;
                if closed {
                    let prev = CONCLUSIONS_PER_MEETING[i - 1];
                    let done = self.rng.range(0, prev as i64 - 1);
                    it.notes = format!(
                        "Văn phòng Khối báo cáo: {prev} kết luận kỳ trước, đã hoàn thành {done}, đang thực hiện {}.",
                        prev as i64 - done
                    );
                    it.outcome = "Các tổ chức tiếp tục đôn đốc các việc chưa hoàn thành.".into();
                }
                self.store.add_agenda_item(it)?;
            }
            let n_reports = self.rng.range(2, 4) as usize;
            let mut reporters: Vec<&str> = Vec::new();
            for k in 0..n_reports {
                reporters.push(member_codes[(i * 3 + k) % member_codes.len()]);
            }
            if i % 3 == 0 {
                reporters.insert(0, "MTTQ");
                reporters.truncate(n_reports);
            }
            for code in reporters {
                let org = self.org(code);
                let name = self.org_name(org);
                let it = briefing.report_item(&mut self.rng, id, (code, org), &name, closed);
                let aid = self.store.add_agenda_item(it)?;
                rec.reports.push((aid, org));
            }
            let mut it = AgendaItem::new(id, "Phản ánh dư luận xã hội", Some(mttq), Some(10));
            if closed {
                it.notes = briefing.opinion_notes[i % briefing.opinion_notes.len()].to_string();
                it.outcome = "Giao các tổ chức tiếp tục nắm tình hình, báo cáo tại giao ban tuần sau.".into();
            }
            self.store.add_agenda_item(it)?;
            let (seasonal, general) = content().topics(date);
            let (title, code) = if !seasonal.is_empty() && (i % 3 != 2 || !closed) {
                &seasonal[i % seasonal.len()]
            } else {
                &general[i % general.len()]
            };
            let org = self.org(code);
            let mut it = AgendaItem::new(id, title, Some(org), Some(self.rng.range(4, 6) * 5));
            if closed {
                it.notes = "Các tổ chức báo cáo tiến độ, nêu khó khăn và đề xuất.".into();
                it.outcome =
                    "Khối thống nhất phân công các tổ chức thực hiện; giao Văn phòng Khối theo dõi, đôn đốc.".into();
            }
            rec.topical_item = self.store.add_agenda_item(it)?;

            if closed {
                // Roll call.
                let mut present = 0;
                for code in all {
                    let Some(&org) = self.orgs.get(*code) else {
                        continue;
                    };
                    let absent = *code != "MTTQ" && self.rng.chance(8);
                    let names: Vec<String> = self.people_of(org).into_iter().take(2).map(|p| p.1).collect();
                    let reason = if absent {
                        briefing.absence_reasons[self.rng.index(briefing.absence_reasons.len())].to_string()
                    } else {
                        present += 1;
                        String::new()
                    };
                    self.store.set_attendance(Attendance {
                        meeting_id: id,
                        org_id: org,
                        present: !absent,
                        reason,
                        attendees: if absent { String::new() } else { names.join(", ") },
                    })?;
                }
                let mut m = self.store.store().meeting(id)?;
                m.notes = format!(
                    "Đồng chí {} chủ trì; đồng chí {} ghi biên bản. Có mặt {present}/{} tổ chức. \
                     Hội nghị thống nhất {} nội dung kết luận, giao các tổ chức triển khai.",
                    self.name_of(chair),
                    self.name_of(secretary),
                    all.len(),
                    CONCLUSIONS_PER_MEETING[i]
                );
                self.store.update_meeting(m)?;
                let end = starts_at + Duration::minutes(120 + self.rng.range(0, 12) * 5);
                self.store.close_meeting(id, end)?;
            }
            self.meetings.push(rec);
        }
        Ok(())
    }

    /// A weekday on or before `d` (deadlines do not fall on weekends).
    fn weekday(d: NaiveDate) -> NaiveDate {
        match d.weekday().num_days_from_monday() {
            5 => d - Duration::days(1),
            6 => d - Duration::days(2),
            _ => d,
        }
    }

    fn tasks(&mut self) -> Result<()> {
        let today = self.today;
        let mut specs: Vec<Spec> = Vec::new();
        let t = &content().tasks;
        for (defs, kind) in
            [(&t.common, TaskKind::Common), (&t.specific, TaskKind::Specific), (&t.superior, TaskKind::Superior)]
        {
            for def in defs {
                let start = today - Duration::days(self.rng.range(15, 130));
                let span = if kind == TaskKind::Common { self.rng.range(30, 110) } else { self.rng.range(14, 75) };
                let deadline = Self::weekday(start + Duration::days(span)).max(start);
                let doc = (kind == TaskKind::Superior).then(|| {
                    let n = self.rng.range(12, 240);
                    (format!("{n}-{}", content().doc_suffix(def.lead)), start - Duration::days(self.rng.range(2, 10)))
                });
                specs.push(Spec {
                    def,
                    kind,
                    start,
                    deadline,
                    meeting: None,
                    doc,
                    status: TaskStatus::NotStarted,
                    completed: None,
                });
            }
        }
        let mut next = 0;
        for (mi, n) in CONCLUSIONS_PER_MEETING.iter().enumerate() {
            let date = self.meetings[mi].date;
            for _ in 0..*n {
                let def = &t.conclusions[next % t.conclusions.len()];
                next += 1;
                let deadline = date + Duration::days(7 * self.rng.range(1, 4) - 3);
                specs.push(Spec {
                    def,
                    kind: TaskKind::Conclusion,
                    start: date,
                    deadline,
                    meeting: Some(mi),
                    doc: None,
                    status: TaskStatus::NotStarted,
                    completed: None,
                });
            }
        }
        self.assign_statuses(&mut specs);
        for spec in &specs {
            self.add_task(spec)?;
        }
        Ok(())
    }

    /// Older work mostly done; a fixed share overdue (some for HND), some
    /// blocked, the rest in progress or not started.
    fn assign_statuses(&mut self, specs: &mut [Spec]) {
        let today = self.today;
        let hnd = self.org("HND");
        let mut recent_past: Vec<usize> = (0..specs.len())
            .filter(|&i| specs[i].deadline < today && specs[i].deadline >= today - Duration::days(49))
            .collect();
        self.rng.shuffle(&mut recent_past);
        let mut overdue: Vec<usize> = recent_past.iter().copied().take(16).collect();
        if !overdue.iter().any(|&i| self.org(specs[i].def.lead) == hnd) {
            if let Some(&h) = recent_past.iter().find(|&&i| self.org(specs[i].def.lead) == hnd) {
                if let Some(last) = overdue.last_mut() {
                    *last = h;
                } else {
                    overdue.push(h);
                }
            }
        }
        let mut future: Vec<usize> = (0..specs.len()).filter(|&i| specs[i].deadline >= today).collect();
        self.rng.shuffle(&mut future);
        for (i, spec) in specs.iter_mut().enumerate() {
            if let Some(pos) = overdue.iter().position(|&o| o == i) {
                spec.status = if pos % 4 == 0 { TaskStatus::Blocked } else { TaskStatus::InProgress };
            } else if spec.deadline < today {
                if self.rng.chance(3) {
                    spec.status = TaskStatus::Cancelled;
                } else {
                    spec.status = TaskStatus::Done;
                    let c = spec.deadline + Duration::days(self.rng.range(-7, 5));
                    spec.completed = Some(c.min(today - Duration::days(1)).max(spec.start));
                }
            } else {
                let pos = future.iter().position(|&f| f == i).unwrap_or(0);
                spec.status = match pos {
                    0..=5 => TaskStatus::Blocked,
                    6..=11 => TaskStatus::Done,
                    _ if pos % 3 == 0 => TaskStatus::NotStarted,
                    _ => TaskStatus::InProgress,
                };
                if spec.status == TaskStatus::Done {
                    let c = today - Duration::days(self.rng.range(0, 9));
                    spec.completed = Some(c.max(spec.start));
                }
            }
        }
    }

    fn add_task(&mut self, spec: &Spec) -> Result<()> {
        let today = self.today;
        let TaskDef { lead: code, title, with, place, theme } = spec.def;
        let title = title.replace("{y}", &today.year().to_string());
        let lead = self.org(code);
        let mut task = Task::new(&title, lead, spec.kind);
        task.with_org_ids = with.iter().filter_map(|c| self.orgs.get(*c).copied()).collect();
        task.place = place.to_string();
        task.start_date = Some(spec.start);
        task.deadline = Some(spec.deadline);
        task.status = spec.status;
        task.completed_on = spec.completed;
        let staff = self.people_of(lead);
        if !staff.is_empty() {
            let first = self.rng.index(staff.len());
            task.person_ids.push(staff[first].0);
            if staff.len() > 1 && self.rng.chance(40) {
                task.person_ids.push(staff[(first + 1) % staff.len()].0);
            }
        }
        if let Some(&w) = task.with_org_ids.first() {
            if self.rng.chance(30) {
                if let Some(p) = self.people_of(w).first() {
                    task.person_ids.push(p.0);
                }
            }
        }
        if let Some((number, date)) = &spec.doc {
            task.source.doc_number = number.clone();
            task.source.doc_date = Some(*date);
        }
        if let Some(mi) = spec.meeting {
            let rec = &self.meetings[mi];
            task.source.meeting_id = Some(rec.id);
            let report = rec.reports.iter().find(|r| r.1 == lead).map(|r| r.0);
            task.source.agenda_item_id = Some(report.unwrap_or(rec.topical_item));
        }

        // Progress notes, dated between the start and completion (or today).
        let end = spec.completed.unwrap_or(today - Duration::days(1)).max(spec.start);
        let span = (end - spec.start).num_days().max(0);
        let active = !matches!(spec.status, TaskStatus::NotStarted | TaskStatus::Cancelled);
        let pool = content().notes_for(&title, *theme);
        let targets: Vec<&(&str, &str, &str, f64)> =
            content().tasks.targets.iter().filter(|t| t.0 == spec.def.title).collect();
        let mut notes: Vec<(NaiveDate, String)> = Vec::new();
        let mut actuals: Vec<(usize, NaiveDate, f64)> = Vec::new();
        if active && !targets.is_empty() {
            // Cumulative actuals; the first target's figures become the notes.
            let n = if spec.status == TaskStatus::Done { self.rng.range(2, 4) } else { self.rng.range(1, 3) };
            for (ti, t) in targets.iter().enumerate() {
                let final_ratio = if spec.status == TaskStatus::Done {
                    1.0 + self.rng.range(0, 12) as f64 / 100.0
                } else {
                    self.rng.range(25, 85) as f64 / 100.0
                };
                for k in 1..=n {
                    let on = (spec.start + Duration::days(span * k / (n + 1))).min(end);
                    let v = round_value(t.3 * final_ratio * k as f64 / n as f64, t.2);
                    actuals.push((ti, on, v));
                    if ti == 0 {
                        notes.push((on, progress_note(t.2, v, t.3)));
                    }
                }
            }
        } else if active {
            let n = if spec.status == TaskStatus::Blocked { self.rng.range(0, 1) } else { self.rng.range(1, 3) };
            for k in 0..n {
                let on = (spec.start + Duration::days(span * (k + 1) / (n + 1))).min(end);
                notes.push((on, pool[k as usize % pool.len()].to_string()));
            }
        }
        let closing = &content().closing_notes;
        match spec.status {
            TaskStatus::Blocked => {
                notes.push((end, closing.blocked[self.rng.index(closing.blocked.len())].to_string()));
            }
            TaskStatus::Done if self.rng.chance(60) => {
                notes.push((end, closing.done[self.rng.index(closing.done.len())].to_string()));
            }
            _ => {}
        }

        let mut notes = notes.into_iter();
        let first = notes.next();
        let id = self.store.add_task(task, first.as_ref().map(|(d, t)| (*d, t.as_str())))?;
        for (on, text) in notes {
            self.store.add_task_note(id, on, &text)?;
        }
        for (ti, t) in targets.iter().enumerate() {
            let target_id = self.store.add_target(Target {
                id: 0,
                task_id: id,
                indicator: t.1.to_string(),
                unit: t.2.to_string(),
                target_value: t.3,
                actuals: Vec::new(),
                version: 1,
            })?;
            for a in actuals.iter().filter(|a| a.0 == ti) {
                self.store.add_target_actual(target_id, a.1, a.2)?;
            }
        }
        self.task_count += 1;
        Ok(())
    }

    fn pending(&mut self) -> Result<()> {
        let today = self.today;
        let year = today.year().to_string();
        for d in &content().pending {
            let rec = &self.meetings[d.meeting.min(self.meetings.len().saturating_sub(2))];
            let (raised, meeting_id) = (rec.date, rec.id);
            let mut item = PendingItem::new(d.kind, &d.text.replace("{y}", &year), raised);
            item.raised_by_org_id = Some(self.org(d.org));
            item.meeting_id = Some(meeting_id);
            item.addressed_org_id = d.to_org.map(|c| self.org(c));
            item.addressed_to = d.to.to_string();
            item.answer_due = Some(raised + Duration::days([14, 21, 30][self.rng.index(3)]));
            if let Some(answer) = d.answer {
                let on = (raised + Duration::days(self.rng.range(3, 18))).min(today - Duration::days(1)).max(raised);
                item.answer_with(answer, on);
                if d.closed {
                    item.status = PendingStatus::Closed;
                }
            }
            self.store.add_pending_item(item)?;
            self.pending_count += 1;
        }
        Ok(())
    }
}
