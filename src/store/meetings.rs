//! Briefings, their attendance and agenda.

use super::history::{bump_version, changed, delete_row, snapshot};
use super::{conv, Result, Store, StoreError, Write};
use crate::domain::{AgendaItem, Attendance, DomainError, Meeting, MeetingKind, MeetingStatus};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

const MEETING_COLUMNS: &str =
    "id, year, number, kind, starts_at, ends_at, place, chair_id, secretary_id, status, notes, started_at, version";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        year: r.get(1)?,
        number: r.get(2)?,
        kind: MeetingKind::from_code(&r.get::<_, String>(3)?).unwrap_or(MeetingKind::Weekly),
        starts_at: conv::parse_datetime(&r.get::<_, String>(4)?),
        ends_at: r.get::<_, Option<String>>(5)?.map(|s| conv::parse_datetime(&s)),
        place: r.get(6)?,
        chair_id: r.get(7)?,
        secretary_id: r.get(8)?,
        status: MeetingStatus::from_code(&r.get::<_, String>(9)?).unwrap_or(MeetingStatus::Planned),
        notes: r.get(10)?,
        started_at: r.get::<_, Option<String>>(11)?.map(|s| conv::parse_datetime(&s)),
        version: r.get(12)?,
    })
}

const AGENDA_COLUMNS: &str =
    "id, meeting_id, position, title, org_id, planned_minutes, notes, outcome, standing, version";

fn agenda_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        title: r.get(3)?,
        org_id: r.get(4)?,
        planned_minutes: r.get(5)?,
        notes: r.get(6)?,
        outcome: r.get(7)?,
        standing: r.get(8)?,
        version: r.get(9)?,
    })
}

fn load_meeting(tx: &Connection, id: i64) -> Result<Meeting> {
    tx.query_row(&format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE id = ?1"), [id], meeting_from_row)
        .optional()?
        .ok_or(StoreError::NotFound { what: "meeting", id })
}

/// Refuses changes to a closed meeting's agenda and attendance.
fn ensure_open(tx: &Connection, meeting_id: i64) -> Result<()> {
    if load_meeting(tx, meeting_id)?.is_closed() {
        return Err(DomainError::MeetingClosed.into());
    }
    Ok(())
}

fn write_meeting(tx: &Connection, m: &Meeting) -> Result<()> {
    tx.execute(
        "UPDATE meetings SET year = ?2, number = ?3, kind = ?4, starts_at = ?5, ends_at = ?6, place = ?7,
             chair_id = ?8, secretary_id = ?9, status = ?10, notes = ?11, started_at = ?12 WHERE id = ?1",
        params![
            m.id,
            m.year,
            m.number,
            m.kind.code(),
            conv::datetime(m.starts_at),
            m.ends_at.map(conv::datetime),
            m.place,
            m.chair_id,
            m.secretary_id,
            m.status.code(),
            m.notes,
            m.started_at.map(conv::datetime)
        ],
    )?;
    Ok(())
}

impl Store {
    /// All briefings, newest first.
    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {MEETING_COLUMNS} FROM meetings ORDER BY starts_at DESC, id DESC"))?;
        let rows = stmt.query_map([], meeting_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// How many briefings the file holds.
    pub fn meeting_count(&self) -> Result<usize> {
        let n: i64 = self.conn().prepare_cached("SELECT COUNT(*) FROM meetings")?.query_row([], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// `limit` briefings from the `offset`-th on, newest first (the order
    /// of [`Store::meetings`]), each with its number of agenda items and
    /// of conclusions — read by index, so a page costs the same whatever
    /// the history.
    pub fn meetings_page(&self, offset: usize, limit: usize) -> Result<Vec<(Meeting, usize, usize)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS},
                    (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = meetings.id),
                    (SELECT COUNT(*) FROM tasks t WHERE t.meeting_id = meetings.id)
               FROM meetings ORDER BY starts_at DESC, id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let n = MEETING_COLUMNS.split(',').count();
        let rows = stmt.query_map(params![limit as i64, offset as i64], |r| {
            Ok((meeting_from_row(r)?, r.get::<_, i64>(n)? as usize, r.get::<_, i64>(n + 1)? as usize))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Where briefing `id` stands in the newest-first order (0: the
    /// newest), counted by index; `None` when there is no such briefing.
    pub fn meeting_position(&self, id: i64) -> Result<Option<usize>> {
        let n: Option<i64> = self
            .conn()
            .prepare_cached(
                "SELECT (SELECT COUNT(*) FROM meetings m WHERE (m.starts_at, m.id) > (x.starts_at, x.id))
                   FROM meetings x WHERE x.id = ?1",
            )?
            .query_row([id], |r| r.get(0))
            .optional()?;
        Ok(n.map(|n| n as usize))
    }

    /// The earliest briefing not yet closed (the one being worked towards).
    pub fn earliest_open_meeting(&self) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id FROM meetings WHERE status IN ('planned', 'in-progress') ORDER BY starts_at, id LIMIT 1",
            )?
            .query_row([], |r| r.get(0))
            .optional()?)
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        self.row(&format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE id = ?1"), [id], meeting_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "meeting", id })
    }

    /// The briefing numbered `number` in `year`.
    pub fn meeting_by_number(&self, year: i32, number: i64) -> Result<Option<Meeting>> {
        Ok(self
            .row(
                &format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE year = ?1 AND number = ?2"),
                params![year, number],
                meeting_from_row,
            )
            .optional()?)
    }

    /// The briefing the office is working towards: one in progress, else the
    /// earliest planned one from today on, else the latest planned one.
    pub fn next_meeting(&self, today: NaiveDate) -> Result<Option<Meeting>> {
        let sql = format!(
            "SELECT {MEETING_COLUMNS} FROM meetings WHERE status IN ('planned', 'in-progress')
             ORDER BY status = 'in-progress' DESC, starts_at < ?1, starts_at ASC LIMIT 1"
        );
        Ok(self.row(&sql, [conv::date(today)], meeting_from_row).optional()?)
    }

    /// The most recent briefing that has started before `before`.
    pub fn previous_meeting(&self, before: NaiveDateTime) -> Result<Option<Meeting>> {
        let sql =
            format!("SELECT {MEETING_COLUMNS} FROM meetings WHERE starts_at < ?1 ORDER BY starts_at DESC LIMIT 1");
        Ok(self.row(&sql, [conv::datetime(before)], meeting_from_row).optional()?)
    }

    pub fn attendance(&self, meeting_id: i64) -> Result<Vec<Attendance>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.meeting_id, a.org_id, a.present, a.reason, a.attendees FROM attendance a
             JOIN organizations o ON o.id = a.org_id WHERE a.meeting_id = ?1 ORDER BY o.sort_order",
        )?;
        let rows = stmt.query_map([meeting_id], |r| {
            Ok(Attendance {
                meeting_id: r.get(0)?,
                org_id: r.get(1)?,
                present: r.get(2)?,
                reason: r.get(3)?,
                attendees: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A briefing's agenda in order.
    pub fn agenda(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {AGENDA_COLUMNS} FROM agenda_items WHERE meeting_id = ?1 ORDER BY position, id"
        ))?;
        let rows = stmt.query_map([meeting_id], agenda_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn agenda_item(&self, id: i64) -> Result<AgendaItem> {
        self.row(&format!("SELECT {AGENDA_COLUMNS} FROM agenda_items WHERE id = ?1"), [id], agenda_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "agenda_item", id })
    }
}

impl Write<'_> {
    /// Adds a briefing; number 0 takes the next free number of its year.
    pub fn add_meeting(&self, meeting: Meeting) -> Result<i64> {
        let mut m = meeting;
        m.year = chrono::Datelike::year(&m.starts_at);
        if m.number == 0 {
            m.number = self.store().conn().query_row(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE year = ?1",
                [m.year],
                |r| r.get(0),
            )?;
        }
        let m = m.validated()?;
        self.run(|tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM meetings WHERE year = ?1 AND number = ?2)",
                params![m.year, m.number],
                |r| r.get(0),
            )?;
            if taken {
                return Err(DomainError::BadNumber.into());
            }
            tx.execute(
                "INSERT INTO meetings (year, number, kind, starts_at, status) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![m.year, m.number, m.kind.code(), conv::datetime(m.starts_at), m.status.code()],
            )?;
            let id = tx.last_insert_rowid();
            write_meeting(tx, &Meeting { id, ..m.clone() })?;
            changed(tx, "meetings", id, None)?;
            Ok(id)
        })
    }

    /// Saves a briefing; a closed one accepts only new notes.
    pub fn update_meeting(&self, meeting: Meeting) -> Result<()> {
        let m = meeting.validated()?;
        self.run(|tx| {
            let current = load_meeting(tx, m.id)?;
            current.check_edit(&m)?;
            let old = snapshot(tx, "meetings", m.id)?;
            bump_version(tx, "meetings", m.id, Some(m.version))?;
            write_meeting(tx, &m)?;
            changed(tx, "meetings", m.id, old)
        })
    }

    /// Starts the briefing at `now`.
    pub fn start_meeting(&self, id: i64, now: NaiveDateTime) -> Result<()> {
        self.run(|tx| {
            let mut m = load_meeting(tx, id)?;
            if m.is_closed() {
                return Err(DomainError::MeetingClosed.into());
            }
            let old = snapshot(tx, "meetings", id)?;
            bump_version(tx, "meetings", id, None)?;
            m.status = MeetingStatus::InProgress;
            m.started_at = Some(now);
            write_meeting(tx, &m)?;
            changed(tx, "meetings", id, old)
        })
    }

    /// Closes the briefing at `now`; from then on only its notes change.
    pub fn close_meeting(&self, id: i64, now: NaiveDateTime) -> Result<()> {
        self.run(|tx| {
            let mut m = load_meeting(tx, id)?;
            if m.is_closed() {
                return Err(DomainError::MeetingClosed.into());
            }
            let old = snapshot(tx, "meetings", id)?;
            bump_version(tx, "meetings", id, None)?;
            m.status = MeetingStatus::Closed;
            // Closed without "start": held from its scheduled time, or, when
            // closed before that, only just now.
            let started = *m.started_at.get_or_insert(m.starts_at.min(now));
            m.ends_at = Some(now.max(started));
            write_meeting(tx, &m)?;
            changed(tx, "meetings", id, old)
        })
    }

    /// Deletes a briefing with its agenda and attendance; tasks and pending
    /// items raised there stay, losing only the link.
    pub fn delete_meeting(&self, id: i64, expected: Option<i64>) -> Result<()> {
        self.run(|tx| {
            let m = load_meeting(tx, id)?;
            if expected.is_some_and(|v| v != m.version) {
                return Err(StoreError::Conflict { what: "meeting", id });
            }
            for (tbl, sql) in [
                ("tasks", "SELECT id FROM tasks WHERE meeting_id = ?1"),
                ("pending_items", "SELECT id FROM pending_items WHERE meeting_id = ?1"),
            ] {
                let ids: Vec<i64> =
                    tx.prepare(sql)?.query_map([id], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
                for rid in ids {
                    let old = snapshot(tx, tbl, rid)?;
                    let unlink = if tbl == "tasks" {
                        "UPDATE tasks SET meeting_id = NULL, agenda_item_id = NULL WHERE id = ?1"
                    } else {
                        "UPDATE pending_items SET meeting_id = NULL WHERE id = ?1"
                    };
                    tx.execute(unlink, [rid])?;
                    changed(tx, tbl, rid, old)?;
                }
            }
            for (tbl, sql) in [
                ("agenda_items", "SELECT id FROM agenda_items WHERE meeting_id = ?1"),
                ("attendance", "SELECT id FROM attendance WHERE meeting_id = ?1"),
            ] {
                let ids: Vec<i64> =
                    tx.prepare(sql)?.query_map([id], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
                for rid in ids {
                    delete_row(tx, tbl, rid)?;
                }
            }
            delete_row(tx, "meetings", id)?;
            Ok(())
        })
    }

    /// Records one organization's attendance (roll call).
    pub fn set_attendance(&self, a: Attendance) -> Result<()> {
        let reason = crate::domain::check_line("reason", &a.reason, false)?;
        let attendees = crate::domain::check_line("attendees", &a.attendees, false)?;
        self.run(|tx| {
            ensure_open(tx, a.meeting_id)?;
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM attendance WHERE meeting_id = ?1 AND org_id = ?2",
                    [a.meeting_id, a.org_id],
                    |r| r.get(0),
                )
                .optional()?;
            let reason = if a.present { String::new() } else { reason };
            match existing {
                Some(id) => {
                    let old = snapshot(tx, "attendance", id)?;
                    tx.execute(
                        "UPDATE attendance SET present = ?2, reason = ?3, attendees = ?4 WHERE id = ?1",
                        params![id, a.present, reason, attendees],
                    )?;
                    changed(tx, "attendance", id, old)
                }
                None => {
                    tx.execute(
                        "INSERT INTO attendance (meeting_id, org_id, present, reason, attendees) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![a.meeting_id, a.org_id, a.present, reason, attendees],
                    )?;
                    changed(tx, "attendance", tx.last_insert_rowid(), None)
                }
            }
        })
    }

    /// Appends an item to the end of a briefing's agenda.
    pub fn add_agenda_item(&self, item: AgendaItem) -> Result<i64> {
        let it = item.validated()?;
        self.run(|tx| {
            ensure_open(tx, it.meeting_id)?;
            let pos: i64 = tx.query_row(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1",
                [it.meeting_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO agenda_items (meeting_id, position, title, org_id, planned_minutes, notes, outcome, standing)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![it.meeting_id, pos, it.title, it.org_id, it.planned_minutes, it.notes, it.outcome, it.standing],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "agenda_items", id, None)?;
            Ok(id)
        })
    }

    /// Saves an agenda item; on a closed briefing only its notes change.
    pub fn update_agenda_item(&self, item: AgendaItem) -> Result<()> {
        let it = item.validated()?;
        self.run(|tx| {
            let current = tx
                .query_row(
                    &format!("SELECT {AGENDA_COLUMNS} FROM agenda_items WHERE id = ?1"),
                    [it.id],
                    agenda_from_row,
                )
                .optional()?
                .ok_or(StoreError::NotFound { what: "agenda_item", id: it.id })?;
            if load_meeting(tx, current.meeting_id)?.is_closed() {
                let mut same = it.clone();
                same.notes = current.notes.clone();
                if same != current {
                    return Err(DomainError::MeetingClosed.into());
                }
            }
            let old = snapshot(tx, "agenda_items", it.id)?;
            bump_version(tx, "agenda_items", it.id, Some(it.version))?;
            tx.execute(
                "UPDATE agenda_items SET position = ?2, title = ?3, org_id = ?4, planned_minutes = ?5, notes = ?6,
                     outcome = ?7, standing = ?8 WHERE id = ?1",
                params![it.id, it.position, it.title, it.org_id, it.planned_minutes, it.notes, it.outcome, it.standing],
            )?;
            changed(tx, "agenda_items", it.id, old)
        })
    }

    /// Moves an agenda item one place up (`-1`) or down (`+1`).
    pub fn move_agenda_item(&self, id: i64, delta: i64) -> Result<()> {
        let item = self.store().agenda_item(id)?;
        let items = self.store().agenda(item.meeting_id)?;
        let Some(idx) = items.iter().position(|i| i.id == id) else {
            return Ok(());
        };
        let target = idx as i64 + delta;
        if target < 0 || target >= items.len() as i64 {
            return Ok(());
        }
        let other = &items[target as usize];
        self.run(|tx| {
            ensure_open(tx, item.meeting_id)?;
            for (rid, pos) in [(item.id, target + 1), (other.id, idx as i64 + 1)] {
                let old = snapshot(tx, "agenda_items", rid)?;
                bump_version(tx, "agenda_items", rid, None)?;
                tx.execute("UPDATE agenda_items SET position = ?2 WHERE id = ?1", [rid, pos])?;
                changed(tx, "agenda_items", rid, old)?;
            }
            Ok(())
        })
    }

    pub fn delete_agenda_item(&self, id: i64, expected: Option<i64>) -> Result<()> {
        let item = self.store().agenda_item(id)?;
        if expected.is_some_and(|v| v != item.version) {
            return Err(StoreError::Conflict { what: "agenda_item", id });
        }
        self.run(|tx| {
            ensure_open(tx, item.meeting_id)?;
            let tasks: Vec<i64> = tx
                .prepare("SELECT id FROM tasks WHERE agenda_item_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for t in tasks {
                let old = snapshot(tx, "tasks", t)?;
                tx.execute("UPDATE tasks SET agenda_item_id = NULL WHERE id = ?1", [t])?;
                changed(tx, "tasks", t, old)?;
            }
            delete_row(tx, "agenda_items", id)?;
            Ok(())
        })
    }

    /// Creates the briefing after `from`: same kind, time, place, chair and
    /// secretary, one period later, with its standing agenda items copied
    /// after an opening review of the previous conclusions.
    pub fn create_next_meeting(&self, from: i64, review_title: &str) -> Result<i64> {
        let prev = self.store().meeting(from)?;
        let mut next = Meeting::new(0, prev.kind, prev.next_start(), &prev.place);
        next.chair_id = prev.chair_id;
        next.secretary_id = prev.secretary_id;
        let standing: Vec<AgendaItem> = self.store().agenda(from)?.into_iter().filter(|i| i.standing).collect();
        let year = chrono::Datelike::year(&next.starts_at);
        next.number = self.store().conn().query_row(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE year = ?1",
            [year],
            |r| r.get(0),
        )?;
        let next = next.validated()?;
        let review = crate::domain::check_line("title", review_title, true)?;
        self.run(|tx| {
            tx.execute(
                "INSERT INTO meetings (year, number, kind, starts_at, status) VALUES (?1, ?2, ?3, ?4, 'planned')",
                params![next.year, next.number, next.kind.code(), conv::datetime(next.starts_at)],
            )?;
            let id = tx.last_insert_rowid();
            write_meeting(tx, &Meeting { id, ..next.clone() })?;
            changed(tx, "meetings", id, None)?;
            // The review keeps the presenter and minutes it had, if it was standing.
            let previous_review = standing.iter().find(|i| crate::text::fold(&i.title) == crate::text::fold(&review));
            let mut items = vec![(
                review.clone(),
                previous_review.and_then(|i| i.org_id),
                previous_review.map_or(Some(15), |i| i.planned_minutes),
                true,
            )];
            items.extend(
                standing
                    .iter()
                    .filter(|i| crate::text::fold(&i.title) != crate::text::fold(&review))
                    .map(|i| (i.title.clone(), i.org_id, i.planned_minutes, true)),
            );
            for (pos, (title, org, minutes, standing)) in items.into_iter().enumerate() {
                tx.execute(
                    "INSERT INTO agenda_items (meeting_id, position, title, org_id, planned_minutes, standing)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, pos as i64 + 1, title, org, minutes, standing],
                )?;
                changed(tx, "agenda_items", tx.last_insert_rowid(), None)?;
            }
            Ok(id)
        })
    }
}
