//! The generated years: people, briefings with their agenda and roll call,
//! the tasks decided and carried, their notes and targets, pending items.

use super::parts::*;
use super::sink::*;
use super::*;

pub(super) struct Gen<'s, 'c> {
    pub(super) sink: &'s mut Sink<'c>,
    pub(super) today: NaiveDate,
    pub(super) years: u32,
    pub(super) rng: Rng,
    /// (code, id) in the roll call's order.
    pub(super) orgs: Vec<(&'static str, i64)>,
    pub(super) org_names: Vec<(i64, String)>,
    pub(super) fallback_org: i64,
    pub(super) people: Vec<PersonRec>,
    pub(super) head: Option<i64>,
    pub(super) deputy: Option<i64>,
    pub(super) secretary: Option<i64>,
    pub(super) regular: Vec<Def>,
    pub(super) conclusions: Vec<Def>,
    /// Places of each organization's work, for titles "… tại xã X".
    pub(super) places: Vec<(i64, Vec<&'static str>)>,
    pub(super) all_places: Vec<&'static str>,
}

impl<'s, 'c> Gen<'s, 'c> {
    pub(super) fn new(sink: &'s mut Sink<'c>, today: NaiveDate, years: u32, seed: u64) -> Result<Self> {
        let mut stmt =
            sink.conn.prepare("SELECT id, code, name FROM organizations ORDER BY active DESC, sort_order, id")?;
        let rows: Vec<(i64, String, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<std::result::Result<_, _>>()?;
        drop(stmt);
        let fallback_org = rows.first().map(|o| o.0).ok_or(StoreError::NotFound { what: "organization", id: 0 })?;
        let code_id = |code: &str| rows.iter().find(|o| o.1 == code).map(|o| o.0);
        let orgs: Vec<(&'static str, i64)> =
            content().bloc.orgs.iter().filter_map(|c| code_id(c).map(|id| (*c, id))).collect();
        let org_of = |code: &str| code_id(code).unwrap_or(fallback_org);
        let t = &content().tasks;
        let make = |def: &'static TaskDef<'static>, kind: TaskKind| {
            let lead = org_of(def.lead);
            let mut with: Vec<i64> = def.with.iter().filter_map(|c| code_id(c)).filter(|o| *o != lead).collect();
            with.sort_unstable();
            with.dedup();
            let targets = t.targets.iter().enumerate().filter(|(_, g)| g.0 == def.title).map(|(i, _)| i).collect();
            let title = def.title.replace("{y}", "");
            Def { def, kind, lead, with, targets, season: season(def), notes: content().notes_for(&title, def.theme) }
        };
        let mut regular = Vec::new();
        for (defs, kind) in
            [(&t.common, TaskKind::Common), (&t.specific, TaskKind::Specific), (&t.superior, TaskKind::Superior)]
        {
            regular.extend(defs.iter().map(|d| make(d, kind)));
        }
        let conclusions = t.conclusions.iter().map(|d| make(d, TaskKind::Conclusion)).collect();
        let mut all_places: Vec<&'static str> = Vec::new();
        let mut places: Vec<(i64, Vec<&'static str>)> = orgs.iter().map(|o| (o.1, Vec::new())).collect();
        for def in t.common.iter().chain(&t.specific).chain(&t.superior).chain(&t.conclusions) {
            if def.place.is_empty() || def.place == "toàn huyện" {
                continue;
            }
            if !all_places.contains(&def.place) {
                all_places.push(def.place);
            }
            if let Some(p) = places.iter_mut().find(|p| p.0 == org_of(def.lead)) {
                if !p.1.contains(&def.place) {
                    p.1.push(def.place);
                }
            }
        }
        Ok(Gen {
            sink,
            today,
            years,
            rng: Rng::new(seed),
            orgs,
            org_names: rows.iter().map(|o| (o.0, o.2.clone())).collect(),
            fallback_org,
            people: Vec::new(),
            head: None,
            deputy: None,
            secretary: None,
            regular,
            conclusions,
            places,
            all_places,
        })
    }

    pub(super) fn org(&self, code: &str) -> i64 {
        self.orgs.iter().find(|o| o.0 == code).map(|o| o.1).unwrap_or(self.fallback_org)
    }

    pub(super) fn org_name(&self, id: i64) -> &str {
        self.org_names.iter().find(|o| o.0 == id).map(|o| o.1.as_str()).unwrap_or("")
    }

    pub(super) fn name_of(&self, id: Option<i64>) -> &str {
        self.people.iter().find(|p| Some(p.id) == id).map(|p| p.name.as_str()).unwrap_or("")
    }

    pub(super) fn staff(&self, org: i64) -> Vec<i64> {
        self.people.iter().filter(|p| p.org == Some(org)).map(|p| p.id).collect()
    }

    pub(super) fn place_for(&mut self, org: i64) -> &'static str {
        let own = self.places.iter().find(|p| p.0 == org).map(|p| p.1.as_slice()).unwrap_or(&[]);
        let list = if own.len() >= 3 { own } else { self.all_places.as_slice() };
        list[self.rng.index(list.len())]
    }

    /// The content's people, then staff for each organization (a few dozen
    /// each), named from the same family, middle and given names.
    pub(super) fn people(&mut self) -> Result<()> {
        let at = stamp(first_day(self.today, self.years).and_hms_opt(7, 0, 0).unwrap_or_default());
        let defs = &content().people;
        let mut seen: HashSet<String> = HashSet::new();
        let (mut family, mut male_middle, mut male_given, mut female_given) = (vec![], vec![], vec![], vec![]);
        for d in defs {
            let words: Vec<&str> = d.name.split(' ').collect();
            if words.len() < 3 {
                continue;
            }
            let given = words[2..].join(" ");
            if !family.contains(&words[0]) {
                family.push(words[0]);
            }
            if words[1] == "Thị" {
                if !female_given.contains(&given) {
                    female_given.push(given);
                }
            } else {
                if !male_middle.contains(&words[1]) {
                    male_middle.push(words[1]);
                }
                if !male_given.contains(&given) {
                    male_given.push(given);
                }
            }
        }
        for d in defs {
            let org = self.orgs.iter().find(|o| o.0 == d.org).map(|o| o.1);
            let roles: Vec<String> = d.roles.iter().map(|r| r.to_string()).collect();
            let id = self.add_person(
                Person { phone: d.phone.map(str::to_string), roles, ..Person::new(d.name, d.title, org) },
                &at,
            )?;
            seen.insert(d.name.to_string());
            for (role, slot) in
                [("trưởng khối", &mut self.head), ("phó khối", &mut self.deputy), ("thư ký", &mut self.secretary)]
            {
                if d.roles.contains(&role) && slot.is_none() {
                    *slot = Some(id);
                }
            }
        }
        if family.is_empty() || male_middle.is_empty() || male_given.is_empty() || female_given.is_empty() {
            return Ok(());
        }
        let orgs = self.orgs.clone();
        for (code, org) in orgs {
            // Staff carry the title of the organization's last listed person.
            let Some(title) = defs.iter().rev().find(|d| d.org == code).map(|d| d.title) else { continue };
            let extra = self.rng.range(22, 30);
            for _ in 0..extra {
                let mut name = String::new();
                for _ in 0..20 {
                    let f = family[self.rng.index(family.len())];
                    name = if self.rng.chance(45) {
                        format!("{f} Thị {}", female_given[self.rng.index(female_given.len())])
                    } else {
                        let m = male_middle[self.rng.index(male_middle.len())];
                        format!("{f} {m} {}", male_given[self.rng.index(male_given.len())])
                    };
                    if !seen.contains(&name) {
                        break;
                    }
                }
                if !seen.insert(name.clone()) {
                    continue;
                }
                let phone = self.rng.chance(60).then(|| {
                    let prefix = ["091", "098", "097", "090", "093", "035", "038", "033", "036"];
                    format!(
                        "{}{} {:03} {:03}",
                        prefix[self.rng.index(prefix.len())],
                        self.rng.range(0, 9),
                        self.rng.range(0, 999),
                        self.rng.range(0, 999)
                    )
                });
                self.add_person(Person { phone, ..Person::new(&name, title, Some(org)) }, &at)?;
            }
        }
        Ok(())
    }

    pub(super) fn add_person(&mut self, person: Person, at: &str) -> Result<i64> {
        let p = person.validated()?;
        let roles = serde_json::to_string(&p.roles).unwrap_or_default();
        let values = vec![
            text(p.full_name.clone()),
            text(p.title),
            opt_int(p.org_id),
            p.phone.map_or(Sql::Null, Sql::Text),
            text(roles),
        ];
        let id = self.sink.put(T::People, values, at, None)?;
        self.people.push(PersonRec { id, org: p.org_id, name: p.full_name });
        Ok(id)
    }

    /// Every week: its briefing (held, or the next one planned), the
    /// conclusions it reached, the work the organizations took up that
    /// week, and the pending items raised.
    pub(super) fn history(&mut self) -> Result<()> {
        let weeks = weeks_of(self.years);
        let last = last_monday(self.today);
        let mut previous_number: Option<(i32, i64)> = None;
        let mut prev: Option<(MeetingRec, Vec<Outcome>)> = None;
        for w in 0..=weeks {
            let closed = w < weeks;
            let monday = last - Duration::weeks(weeks - 1 - w.min(weeks - 1));
            let date = if closed {
                held_on(monday, self.today)
            } else {
                self.today + Duration::days(7 - self.today.weekday().num_days_from_monday() as i64)
            };
            // Consecutive within a year; the first takes its week's number.
            let number = match previous_number {
                Some((year, n)) if year == date.year() => n + 1,
                _ => (date.ordinal0() / 7 + 1) as i64,
            };
            previous_number = Some((date.year(), number));
            let n_conclusions = if closed { self.rng.range(4, 10) as usize } else { 0 };
            let review = prev.as_ref().map(|(_, c)| {
                let done = c.iter().filter(|(s, on)| *s == TaskStatus::Done && on.is_some_and(|d| d <= date)).count();
                (c.len(), done)
            });
            let created = prev.as_ref().map_or(date - Duration::days(7), |p| p.0.date);
            let rec = self.meeting(date, number, closed, n_conclusions, review, created, w)?;
            if !closed {
                break;
            }
            let mut outcomes = Vec::new();
            for _ in 0..n_conclusions {
                let d = self.pick(true, date);
                let deadline = date + Duration::days(7 * self.rng.range(1, 4) - 3);
                outcomes.push(self.task(Pick::Conclusion(d), date, deadline, Some(&rec))?);
            }
            for _ in 0..self.rng.range(84, 100) {
                let (d, start) = self.regular_pick(date);
                let kind = self.regular[d].kind;
                let span = if kind == TaskKind::Common { self.rng.range(30, 110) } else { self.rng.range(14, 75) };
                let deadline = crate::demo::Gen::weekday(start + Duration::days(span)).max(start);
                self.task(Pick::Regular(d), start, deadline, None)?;
            }
            for _ in 0..self.rng.range(14, 24) {
                self.pending(&rec)?;
            }
            prev = Some((rec, outcomes));
        }
        Ok(())
    }

    /// A definition from `defs` in season for `date` (a few draws, then
    /// whatever came).
    pub(super) fn pick(&mut self, conclusion: bool, date: NaiveDate) -> usize {
        let len = if conclusion { self.conclusions.len() } else { self.regular.len() };
        let mut d = self.rng.index(len);
        for _ in 0..6 {
            let def = if conclusion { &self.conclusions[d] } else { &self.regular[d] };
            if def.season & (1 << date.month()) != 0 {
                break;
            }
            d = self.rng.index(len);
        }
        d
    }

    /// A regular task's definition and start for the week of `date`.
    pub(super) fn regular_pick(&mut self, date: NaiveDate) -> (usize, NaiveDate) {
        let d = self.pick(false, date);
        let start = (date + Duration::days(self.rng.range(0, 4))).min(self.today);
        (d, start)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn meeting(
        &mut self,
        date: NaiveDate,
        number: i64,
        closed: bool,
        n_conclusions: usize,
        review: Option<(usize, usize)>,
        created: NaiveDate,
        week: i64,
    ) -> Result<MeetingRec> {
        let briefing = &content().briefing;
        let at = stamp(created.and_hms_opt(10, 30, 0).unwrap_or_default());
        let starts_at = date.and_hms_opt(8, 0, 0).unwrap_or_default();
        let ends = starts_at + Duration::minutes(120 + self.rng.range(0, 12) * 5);
        let place = if week % 4 == 1 { "Hội trường Ủy ban MTTQ huyện" } else { "Phòng họp Khối" };
        let chair = if self.rng.chance(15) { self.deputy.or(self.head) } else { self.head };
        let mttq = self.org("MTTQ");

        // Roll call, decided first: the minutes count who came.
        let mut roll: Vec<(i64, bool, String, String)> = Vec::new();
        if closed {
            for (code, org) in self.orgs.clone() {
                let absent = code != "MTTQ" && self.rng.chance(8);
                let names: Vec<&str> =
                    self.people.iter().filter(|p| p.org == Some(org)).take(2).map(|p| p.name.as_str()).collect();
                let attendees = if absent { String::new() } else { names.join(", ") };
                let reason = if absent {
                    briefing.absence_reasons[self.rng.index(briefing.absence_reasons.len())].to_string()
                } else {
                    String::new()
                };
                roll.push((org, !absent, reason, attendees));
            }
        }
        let present = roll.iter().filter(|r| r.1).count();
        let mut m = Meeting::new(number, MeetingKind::Weekly, starts_at, place);
        m.chair_id = chair;
        m.secretary_id = self.secretary;
        if closed {
            m.status = MeetingStatus::Closed;
            m.started_at = Some(starts_at);
            m.ends_at = Some(ends);
            m.notes = format!(
                "Đồng chí {} chủ trì; đồng chí {} ghi biên bản. Có mặt {present}/{} tổ chức. \
                 Hội nghị thống nhất {n_conclusions} nội dung kết luận, giao các tổ chức triển khai.",
                self.name_of(chair),
                self.name_of(self.secretary),
                self.orgs.len(),
            );
        }
        let m = m.validated()?;
        let values = vec![
            int(m.year as i64),
            int(m.number),
            text(m.kind.code()),
            minute(m.starts_at),
            m.started_at.map_or(Sql::Null, minute),
            m.ends_at.map_or(Sql::Null, minute),
            text(m.place.clone()),
            opt_int(m.chair_id),
            opt_int(m.secretary_id),
            text(m.status.code()),
            text(m.notes.clone()),
        ];
        let id = self.sink.put(T::Meetings, values, &at, None)?;
        let mut rec = MeetingRec { id, date, ends, reports: Vec::new(), topical: 0 };

        // Agenda: the review of last week's conclusions, every
        // organization's report (most weeks), public opinion, the topics.
        let mut items: Vec<(AgendaItem, Option<i64>)> = Vec::new();
        if let Some((prev, done)) = review {
            let mut it = AgendaItem::new(id, "Kiểm điểm việc thực hiện kết luận kỳ trước", Some(mttq), Some(15));
            it.standing = true;
            if closed {
                it.notes = format!(
                    "Văn phòng Khối báo cáo: {prev} kết luận kỳ trước, đã hoàn thành {done}, đang thực hiện {}.",
                    prev - done
                );
                it.outcome = "Các tổ chức tiếp tục đôn đốc các việc chưa hoàn thành.".into();
            }
            items.push((it, None));
        }
        for (code, org) in self.orgs.clone() {
            if self.rng.chance(10) {
                continue;
            }
            let name = self.org_name(org).to_string();
            let it = briefing.report_item(&mut self.rng, id, (code, org), &name, closed);
            items.push((it, Some(org)));
        }
        let mut it = AgendaItem::new(id, "Phản ánh dư luận xã hội", Some(mttq), Some(10));
        if closed {
            it.notes = briefing.opinion_notes[self.rng.index(briefing.opinion_notes.len())].to_string();
            it.outcome = "Giao các tổ chức tiếp tục nắm tình hình, báo cáo tại giao ban tuần sau.".into();
        }
        items.push((it, None));
        let (seasonal, general) = content().topics(date);
        let n_topics = self.rng.range(1, 3) as usize;
        let mut topics: Vec<(String, &str)> = Vec::new();
        for k in 0..n_topics {
            let pick = if !seasonal.is_empty() && (k == 0 || self.rng.chance(50)) {
                seasonal[self.rng.index(seasonal.len())].clone()
            } else {
                general[self.rng.index(general.len())].clone()
            };
            if !topics.iter().any(|t| t.0 == pick.0) {
                topics.push(pick);
            }
        }
        let first_topic = items.len();
        for (title, code) in topics {
            let mut it = AgendaItem::new(id, &title, Some(self.org(code)), Some(self.rng.range(4, 6) * 5));
            if closed {
                it.notes = "Các tổ chức báo cáo tiến độ, nêu khó khăn và đề xuất.".into();
                it.outcome =
                    "Khối thống nhất phân công các tổ chức thực hiện; giao Văn phòng Khối theo dõi, đôn đốc.".into();
            }
            items.push((it, None));
        }
        for (pos, (it, report)) in items.into_iter().enumerate() {
            let it = it.validated()?;
            let values = vec![
                int(id),
                int(pos as i64 + 1),
                text(it.title),
                opt_int(it.org_id),
                opt_int(it.planned_minutes),
                text(it.notes),
                text(it.outcome),
                int(it.standing as i64),
            ];
            let aid = self.sink.put(T::Agenda, values, &at, None)?;
            if let Some(org) = report {
                rec.reports.push((aid, org));
            }
            if pos == first_topic {
                rec.topical = aid;
            }
        }
        let roll_at = stamp(starts_at + Duration::minutes(5));
        for (org, present, reason, attendees) in roll {
            let values = vec![int(id), int(org), int(present as i64), text(reason), text(attendees)];
            self.sink.put(T::Attendance, values, &roll_at, None)?;
        }
        Ok(rec)
    }

    /// A title from the definition for work started on `start`: the year
    /// filled in, and often where or when ("… tại xã Quảng Sơn", "… tháng
    /// 3/2024", "… quý II năm 2024", "… (đợt 2)"). Returns (title, place).
    pub(super) fn vary(&mut self, def: &'static TaskDef<'static>, lead: i64, start: NaiveDate) -> (String, String) {
        let year = start.year();
        let base = def.title.replace("{y}", &year.to_string());
        let dated = def.title.contains("{y}");
        let place = def.place.to_string();
        match self.rng.range(0, 9) {
            0 | 1 => (base, place),
            2..=4 if !base.contains(" tại ") && !base.contains(" ở ") => {
                let p = if def.place.is_empty() || def.place == "toàn huyện" || self.rng.chance(60) {
                    self.place_for(lead).to_string()
                } else {
                    place
                };
                (format!("{base} tại {p}"), p)
            }
            5 | 6 if !dated => (format!("{base} tháng {}/{year}", start.month()), place),
            7 if !dated => (format!("{base} quý {} năm {year}", QUARTERS[start.month0() as usize / 3]), place),
            _ => (format!("{base} (đợt {})", self.rng.range(1, 3)), place),
        }
    }

    /// Adds one task with its links, notes, targets and values. Returns its
    /// final status and completion date.
    pub(super) fn task(
        &mut self,
        pick: Pick,
        start: NaiveDate,
        deadline: NaiveDate,
        from: Option<&MeetingRec>,
    ) -> Result<Outcome> {
        let today = self.today;
        let d = match pick {
            Pick::Regular(i) => &self.regular[i],
            Pick::Conclusion(i) => &self.conclusions[i],
        };
        let (def, kind, lead, with, target_ids, pool) =
            (d.def, d.kind, d.lead, d.with.clone(), d.targets.clone(), d.notes);
        let (title, place) = self.vary(def, lead, start);
        let (status, completed) = self.status(start, deadline);

        let mut task = Task::new(&title, lead, kind);
        task.with_org_ids = with;
        task.place = place;
        task.start_date = Some(start);
        task.deadline = Some(deadline);
        task.status = status;
        task.completed_on = completed;
        let staff = self.staff(lead);
        if !staff.is_empty() {
            let first = self.rng.index(staff.len());
            task.person_ids.push(staff[first]);
            if staff.len() > 1 && self.rng.chance(40) {
                task.person_ids.push(staff[(first + 1) % staff.len()]);
            }
        }
        if let Some(&w) = task.with_org_ids.first() {
            if self.rng.chance(30) {
                let partner = self.staff(w);
                if !partner.is_empty() {
                    task.person_ids.push(partner[self.rng.index(partner.len().min(3))]);
                }
            }
        }
        let created = match from {
            Some(m) => m.ends,
            None => start.and_hms_opt(7, 30, 0).unwrap_or_default() + Duration::minutes(self.rng.range(0, 540)),
        };
        if kind == TaskKind::Superior {
            let n = self.rng.range(12, 240);
            task.source.doc_number = format!("{n}-{}", content().doc_suffix(def.lead));
            task.source.doc_date = Some(start - Duration::days(self.rng.range(2, 10)));
        }
        if let Some(m) = from {
            task.source.meeting_id = Some(m.id);
            let report = m.reports.iter().find(|r| r.1 == lead).map(|r| r.0);
            task.source.agenda_item_id = Some(report.unwrap_or(m.topical));
        }

        // Progress notes between the start and the completion (or today);
        // with targets, the first target's figures are the notes.
        let end = match status {
            TaskStatus::Cancelled => deadline.min(today - Duration::days(1)),
            _ => completed.unwrap_or(today - Duration::days(1)),
        }
        .max(start);
        let span = (end - start).num_days().max(0);
        let active = !matches!(status, TaskStatus::NotStarted | TaskStatus::Cancelled);
        let goals = &content().tasks.targets;
        let mut notes: Vec<(NaiveDate, String)> = Vec::new();
        let mut actuals: Vec<(usize, NaiveDate, f64)> = Vec::new();
        if active && !target_ids.is_empty() {
            let n = if status == TaskStatus::Done { self.rng.range(2, 4) } else { self.rng.range(1, 3) };
            for (k_t, &ti) in target_ids.iter().enumerate() {
                let g = &goals[ti];
                let ratio = if status == TaskStatus::Done {
                    1.0 + self.rng.range(0, 12) as f64 / 100.0
                } else {
                    self.rng.range(25, 85) as f64 / 100.0
                };
                for k in 1..=n {
                    let on = (start + Duration::days(span * k / (n + 1))).min(end);
                    let v = round_value(g.3 * ratio * k as f64 / n as f64, g.2);
                    actuals.push((k_t, on, v));
                    if k_t == 0 {
                        notes.push((on, progress_note(g.2, v, g.3)));
                    }
                }
            }
        } else if active {
            let n = match status {
                TaskStatus::Blocked => self.rng.range(0, 1),
                TaskStatus::Done => self.rng.range(1, 4),
                _ => self.rng.range(1, 3).min(1 + span / 10),
            };
            for k in 0..n {
                let on = (start + Duration::days(span * (k + 1) / (n + 1))).min(end);
                notes.push((on, pool[k as usize % pool.len()].to_string()));
            }
        } else if status == TaskStatus::Cancelled && self.rng.chance(40) {
            notes.push((start + Duration::days(span / 2), pool[0].to_string()));
        }
        let closing = &content().closing_notes;
        match status {
            TaskStatus::Blocked => {
                notes.push((end, closing.blocked[self.rng.index(closing.blocked.len())].to_string()))
            }
            TaskStatus::Done if self.rng.chance(60) => {
                notes.push((end, closing.done[self.rng.index(closing.done.len())].to_string()));
            }
            _ => {}
        }

        let task = task.validated()?;
        let last = notes.iter().map(|n| n.0).chain(completed).max();
        let updated = last.map_or(created, |d| d.and_hms_opt(16, 30, 0).unwrap_or_default()).max(created);
        let values = vec![
            text(task.title.clone()),
            text(task.description.clone()),
            text(task.kind.code()),
            int(task.lead_org_id),
            text(task.place.clone()),
            text(crate::text::fold(&task.place)),
            text(task.source.doc_number.clone()),
            opt_date(task.source.doc_date),
            opt_int(task.source.meeting_id),
            opt_int(task.source.agenda_item_id),
            opt_date(task.start_date),
            opt_date(task.deadline),
            text(task.status.code()),
            opt_date(task.completed_on),
            text(stamp(created)),
            text(stamp(updated)),
        ];
        let at = stamp(created);
        let id = self.sink.put(T::Tasks, values, &at, Some((&task.with_org_ids, &task.person_ids)))?;
        for (on, note) in notes {
            let note_at = stamp(on.and_hms_opt(16, 0, 0).unwrap_or_default().max(created));
            self.sink.put(T::Notes, vec![int(id), date(on), text(note)], &note_at, None)?;
        }
        for (k_t, &ti) in target_ids.iter().enumerate() {
            let g = &goals[ti];
            let values = vec![int(id), text(g.1), text(g.2), Sql::Real(g.3)];
            let target = self.sink.put(T::Targets, values, &at, None)?;
            for a in actuals.iter().filter(|a| a.0 == k_t) {
                let a_at = stamp(a.1.and_hms_opt(16, 0, 0).unwrap_or_default().max(created));
                self.sink.put(T::Actuals, vec![int(target), date(a.1), Sql::Real(a.2)], &a_at, None)?;
            }
        }
        Ok((status, completed))
    }

    /// Older work mostly done (some late, some cancelled); of the work due
    /// in the last seven weeks, a share still open and so overdue (a
    /// quarter of it blocked); work not yet due mostly open, some blocked,
    /// some finished early.
    pub(super) fn status(&mut self, start: NaiveDate, deadline: NaiveDate) -> (TaskStatus, Option<NaiveDate>) {
        let today = self.today;
        let yesterday = today - Duration::days(1);
        if deadline < today {
            let age = (today - deadline).num_days();
            let overdue = if age <= 49 {
                self.rng.chance(18)
            } else if age <= 365 {
                self.rng.next() % 1000 < 5
            } else {
                false
            };
            if overdue {
                let s = if self.rng.chance(25) { TaskStatus::Blocked } else { TaskStatus::InProgress };
                return (s, None);
            }
            if self.rng.chance(3) {
                return (TaskStatus::Cancelled, None);
            }
            let c = deadline + Duration::days(self.rng.range(-9, 4));
            return (TaskStatus::Done, Some(c.min(yesterday).max(start)));
        }
        match self.rng.range(0, 99) {
            0..=4 => (TaskStatus::Blocked, None),
            5..=14 => {
                let c = today - Duration::days(self.rng.range(0, 9));
                (TaskStatus::Done, Some(c.max(start).min(today)))
            }
            r if (today - start).num_days() < 3 && r % 2 == 0 => (TaskStatus::NotStarted, None),
            r if r % 3 == 0 => (TaskStatus::NotStarted, None),
            _ => (TaskStatus::InProgress, None),
        }
    }

    /// A pending item raised at the briefing `m`: answered (and often
    /// closed) within weeks, except a few of the last year's and a share of
    /// the last weeks'.
    pub(super) fn pending(&mut self, m: &MeetingRec) -> Result<()> {
        let today = self.today;
        let defs = &content().pending;
        let d = &defs[self.rng.index(defs.len())];
        let raised = m.date;
        let mut text_ = d.text.replace("{y}", &raised.year().to_string());
        let lower = text_.to_lowercase();
        let placed = ["xã ", "thị trấn", "khu công nghiệp", "huyện", "thôn"].iter().any(|k| lower.contains(k));
        let org = self.org(d.org);
        if !placed && self.rng.chance(50) {
            text_ = format!("{text_} ở {}", self.place_for(org));
        }
        let mut item = PendingItem::new(d.kind, &text_, raised);
        item.raised_by_org_id = Some(org);
        item.meeting_id = Some(m.id);
        item.addressed_org_id = d.to_org.map(|c| self.org(c));
        item.addressed_to = d.to.to_string();
        item.answer_due = Some(raised + Duration::days([14, 21, 30][self.rng.index(3)]));
        let age = (today - raised).num_days();
        let resolved = if age > 365 {
            true
        } else if age > 56 {
            !self.rng.chance(2)
        } else {
            // Most are answered within five weeks.
            (self.rng.next() % 1000) < (age.min(35) as u64 * 850 / 35)
        };
        if resolved {
            let on = (raised + Duration::days(self.rng.range(3, 30))).min(today - Duration::days(1)).max(raised);
            let answer = match d.answer {
                Some(a) => a.to_string(),
                None => {
                    let to = if !d.to.is_empty() {
                        d.to.to_string()
                    } else {
                        item.addressed_org_id
                            .map(|o| self.org_name(o).to_string())
                            .unwrap_or_else(|| "Thường trực Khối".into())
                    };
                    ANSWERS[self.rng.index(ANSWERS.len())].replace("{to}", &to)
                }
            };
            item.answer_with(&answer, on);
            if d.closed || (age > 28 && self.rng.chance(55)) {
                item.status = PendingStatus::Closed;
            }
        }
        let p = item.validated()?;
        let values = vec![
            text(p.kind.code()),
            text(p.text),
            opt_int(p.raised_by_org_id),
            opt_int(p.meeting_id),
            opt_int(p.addressed_org_id),
            text(p.addressed_to),
            date(p.raised_on),
            opt_date(p.answer_due),
            text(p.status.code()),
            text(p.answer),
            opt_date(p.answered_on),
        ];
        let at = stamp(m.ends - Duration::minutes(30));
        self.sink.put(T::Pending, values, &at, None)?;
        Ok(())
    }
}

/// Where a task ended up: its status and completion date.
pub(super) type Outcome = (TaskStatus, Option<NaiveDate>);

/// Which definition a task is made from.
#[derive(Clone, Copy)]
pub(super) enum Pick {
    Regular(usize),
    Conclusion(usize),
}
