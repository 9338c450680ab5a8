//! Accent-insensitive full-text search.
//!
//! Text is folded in Rust (NFD, marks dropped, đ -> d, lowercase) before it
//! reaches FTS5, because FTS5's own diacritic removal keeps đ. Queries are
//! folded the same way and every token is quoted, so no user input can be
//! read as FTS5 syntax.

use super::{conv, Result, Store};
use crate::text::fold;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

crate::domain::coded_enum!(
    /// What a search hit points at.
    SearchKind {
        Task = "task" ["viec", "nhiem vu", "cong viec"],
        Note = "note" ["ghi chu", "tien do"],
        Agenda = "agenda" ["chuong trinh", "noi dung hop"],
        Meeting = "meeting" ["cuoc hop", "giao ban", "hop"],
        Pending = "pending" ["ton dong", "kien nghi", "de xuat"],
        Person = "person" ["nguoi", "can bo"],
        Organization = "organization" ["to chuc", "don vi"],
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The record found (for a note: the note).
    pub id: i64,
    /// Where to open it: the task of a note, the meeting of an agenda item.
    pub parent_id: Option<i64>,
    pub label: String,
    /// The matching text, for context.
    pub text: String,
    pub is_open: bool,
    pub date: Option<String>,
}

/// The folded tokens of a query: letters and digits only.
pub fn query_tokens(query: &str) -> Vec<String> {
    fold(query).split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).take(16).map(str::to_string).collect()
}

/// An FTS5 MATCH expression: every token quoted, the last one as a prefix.
fn match_expr(tokens: &[String]) -> String {
    tokens.iter().map(|t| format!("\"{}\"*", t.replace('"', ""))).collect::<Vec<_>>().join(" ")
}

struct Doc {
    kind: SearchKind,
    parent_id: Option<i64>,
    is_open: bool,
    date: Option<String>,
    label: String,
    title: String,
    body: String,
}

/// Where a record's entry goes: its date (days since 1970; records without
/// one, people and organizations, are always current) above its kind and
/// id, so that the index's rowid order is the order of dates and the
/// newest matches of a word are read first. `search_index_rows` keeps the
/// key, to find the entry again when the record changes.
fn row_key(kind: SearchKind, id: i64, date: Option<&str>) -> i64 {
    const LATEST: i64 = (1 << 22) - 1;
    let k = SearchKind::ALL.iter().position(|x| *x == kind).unwrap_or(0) as i64;
    let days = date
        .and_then(|d| super::conv::iso_date(d.get(..10).unwrap_or(d)))
        .map(|d| (d - chrono::NaiveDate::default()).num_days().clamp(0, LATEST - 1))
        .unwrap_or(LATEST);
    (days << 36) | (k << 32) | (id & 0xFFFF_FFFF)
}

/// The index a record's entry is in: open work has its own.
fn table(is_open: bool) -> &'static str {
    if is_open {
        "search_index_open"
    } else {
        "search_index"
    }
}

fn insert(tx: &Connection, id: i64, d: Doc) -> Result<()> {
    let raw = crate::text::nfc(&format!("{}\n{}", d.title, d.body));
    let key = row_key(d.kind, id, d.date.as_deref());
    tx.prepare_cached(&format!(
        "INSERT INTO {} (rowid, kind, ref_id, parent_id, is_open, date, label, title, body, raw, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?2)",
        table(d.is_open)
    ))?
    .execute(params![
        key,
        d.kind.code(),
        id,
        d.parent_id,
        d.is_open,
        d.date,
        d.label,
        fold(&d.title),
        fold(&d.body),
        raw
    ])?;
    tx.prepare_cached("INSERT OR REPLACE INTO search_index_rows (kind, ref_id, row, open) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![d.kind.code(), id, key, d.is_open])?;
    Ok(())
}

fn remove(tx: &Connection, kind: SearchKind, id: i64) -> Result<()> {
    let at: Option<(i64, bool)> = tx
        .prepare_cached("SELECT row, open FROM search_index_rows WHERE kind = ?1 AND ref_id = ?2")?
        .query_row(params![kind.code(), id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((key, open)) = at {
        tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", table(open)))?.execute([key])?;
        tx.prepare_cached("DELETE FROM search_index_rows WHERE kind = ?1 AND ref_id = ?2")?
            .execute(params![kind.code(), id])?;
    }
    Ok(())
}

/// Brings the index entry of row `id` of `tbl` up to date (or removes it).
pub(crate) fn reindex(tx: &Connection, tbl: &str, id: i64) -> Result<()> {
    match tbl {
        "tasks" => {
            remove(tx, SearchKind::Task, id)?;
            let row = tx
                .query_row(
                    "SELECT title, description, place, doc_number, status NOT IN ('done','cancelled'), COALESCE(deadline, substr(created_at, 1, 10))
                     FROM tasks WHERE id = ?1",
                    [id],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, bool>(4)?, r.get::<_, Option<String>>(5)?)),
                )
                .optional()?;
            if let Some((title, desc, place, doc, open, date)) = row {
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Task,
                        parent_id: None,
                        is_open: open,
                        date,
                        label: title.clone(),
                        title,
                        body: format!("{desc}\n{place}\n{doc}"),
                    },
                )?;
                // Notes follow their task's open/done state.
                let notes: Vec<i64> = tx
                    .prepare_cached("SELECT id FROM task_notes WHERE task_id = ?1")?
                    .query_map([id], |r| r.get(0))?
                    .collect::<std::result::Result<_, _>>()?;
                for n in notes {
                    reindex(tx, "task_notes", n)?;
                }
            }
        }
        "task_notes" => {
            remove(tx, SearchKind::Note, id)?;
            let row = tx
                .query_row(
                    "SELECT n.task_id, n.text, n.noted_on, t.title, t.status NOT IN ('done','cancelled')
                     FROM task_notes n JOIN tasks t ON t.id = n.task_id WHERE n.id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, bool>(4)?,
                        ))
                    },
                )
                .optional()?;
            if let Some((task, text, date, title, open)) = row {
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Note,
                        parent_id: Some(task),
                        is_open: open,
                        date: Some(date),
                        label: title,
                        title: String::new(),
                        body: text,
                    },
                )?;
            }
        }
        "agenda_items" => {
            remove(tx, SearchKind::Agenda, id)?;
            let row = tx
                .query_row(
                    "SELECT a.meeting_id, a.title, a.notes, a.outcome, m.status <> 'closed', substr(m.starts_at, 1, 10)
                     FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, bool>(4)?,
                            r.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional()?;
            if let Some((meeting, title, notes, outcome, open, date)) = row {
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Agenda,
                        parent_id: Some(meeting),
                        is_open: open,
                        date: Some(date),
                        label: title.clone(),
                        title,
                        body: format!("{notes}\n{outcome}"),
                    },
                )?;
            }
        }
        "meetings" => {
            remove(tx, SearchKind::Meeting, id)?;
            let row = tx
                .query_row(
                    "SELECT number, year, place, notes, status <> 'closed', starts_at FROM meetings WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, bool>(4)?,
                            r.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional()?;
            if let Some((number, year, place, notes, open, starts)) = row {
                let date = conv::parse_datetime(&starts).date();
                let label = format!("{number}/{year} · {} · {place}", crate::text::format_date(date));
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Meeting,
                        parent_id: None,
                        is_open: open,
                        date: Some(conv::date(date)),
                        label,
                        title: place,
                        body: notes,
                    },
                )?;
            }
            let items: Vec<i64> = tx
                .prepare_cached("SELECT id FROM agenda_items WHERE meeting_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for i in items {
                reindex(tx, "agenda_items", i)?;
            }
        }
        "pending_items" => {
            remove(tx, SearchKind::Pending, id)?;
            let row = tx
                .query_row(
                    "SELECT text, answer, addressed_to, status = 'open', raised_on FROM pending_items WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, bool>(3)?,
                            r.get::<_, String>(4)?,
                        ))
                    },
                )
                .optional()?;
            if let Some((text, answer, to, open, date)) = row {
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Pending,
                        parent_id: None,
                        is_open: open,
                        date: Some(date),
                        label: text.clone(),
                        title: text,
                        body: format!("{answer}\n{to}"),
                    },
                )?;
            }
        }
        "people" => {
            remove(tx, SearchKind::Person, id)?;
            let row = tx
                .query_row("SELECT full_name, title, COALESCE(phone, ''), roles FROM people WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
                })
                .optional()?;
            if let Some((name, title, phone, roles)) = row {
                let roles: Vec<String> = serde_json::from_str(&roles).unwrap_or_default();
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Person,
                        parent_id: None,
                        is_open: true,
                        date: None,
                        label: name.clone(),
                        title: name,
                        body: format!("{title}\n{phone}\n{}", roles.join(", ")),
                    },
                )?;
            }
        }
        "organizations" => {
            remove(tx, SearchKind::Organization, id)?;
            let row = tx
                .query_row("SELECT code, name, short_name, active FROM organizations WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, bool>(3)?))
                })
                .optional()?;
            if let Some((code, name, short, active)) = row {
                insert(
                    tx,
                    id,
                    Doc {
                        kind: SearchKind::Organization,
                        parent_id: None,
                        is_open: active,
                        date: None,
                        label: name.clone(),
                        title: format!("{name} {short} {code}"),
                        body: String::new(),
                    },
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Rebuilds the whole index from the tables.
pub(crate) fn rebuild(tx: &Connection) -> Result<()> {
    tx.execute_batch("DELETE FROM search_index; DELETE FROM search_index_open; DELETE FROM search_index_rows;")?;
    for tbl in ["organizations", "people", "meetings", "tasks", "pending_items"] {
        let ids: Vec<i64> = tx
            .prepare(&format!("SELECT id FROM {tbl}"))?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for id in ids {
            reindex(tx, tbl, id)?;
        }
    }
    Ok(())
}

impl Store {
    /// Finds records whose text contains every word of `query` (as a word
    /// prefix), ignoring accents and case. Ranking: a query typed with
    /// diacritics puts exact-diacritic matches first; then title matches
    /// before matches in notes, open before finished, recent before old.
    ///
    /// The index reads at most `limit` entries from each of four lists —
    /// open work matching in its title, finished work matching in its
    /// title, open work matching anywhere, finished work matching anywhere
    /// — each newest first (the rowid order), so a word found in tens of
    /// thousands of records costs what the page shows; the few hundred
    /// candidates are then put in the order above. A query without
    /// diacritics stops at the list that fills the page.
    pub fn search(&self, query: &str, kinds: &[SearchKind], limit: usize) -> Result<Vec<SearchHit>> {
        let tokens = query_tokens(query);
        if tokens.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let expr = match_expr(&tokens);
        let of_kinds = if kinds.is_empty() {
            String::new()
        } else {
            format!(" AND state : ({})", kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(" OR "))
        };
        let in_title = format!("(title : ({expr})){of_kinds}");
        let anywhere = format!("({{title body}} : ({expr})){of_kinds}");
        let lists = [(true, &in_title), (false, &in_title), (true, &anywhere), (false, &anywhere)];
        let raw_query = crate::text::nfc(query.trim()).to_lowercase();
        let has_marks = fold(&raw_query) != raw_query;
        let raw_words: Vec<&str> = raw_query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let title_tokens = |title: &str| -> bool {
            let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
            tokens.iter().all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
        };
        let mut scored: Vec<(bool, bool, bool, i64, SearchHit)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (open, list) in lists {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT rowid, kind, ref_id, parent_id, is_open, date, label, title, body, raw
                 FROM {0} WHERE {0} MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                table(open)
            ))?;
            let rows = stmt.query_map(params![list, limit as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                ))
            })?;
            for row in rows {
                let (rowid, kind, id, parent_id, is_open, date, label, title, body, raw) = row?;
                let Some(kind) = SearchKind::from_code(&kind) else {
                    continue;
                };
                if !seen.insert((open, rowid)) || (!kinds.is_empty() && !kinds.contains(&kind)) {
                    continue;
                }
                let lower = raw.to_lowercase();
                let exact = has_marks && raw_words.iter().all(|w| lower.contains(w));
                let in_title = title_tokens(&title);
                let text = if in_title || body.trim().is_empty() {
                    label.clone()
                } else {
                    matching_line(&raw, &body, &tokens)
                };
                scored.push((
                    exact,
                    in_title,
                    is_open,
                    rowid,
                    SearchHit { kind, id, parent_id, label, text, is_open, date },
                ));
            }
            // The lists come in the order of the ranking: once they hold a
            // page, later lists can only rank below it (unless diacritics
            // typed lift an exact match from any of them).
            if !has_marks && scored.len() >= limit {
                break;
            }
        }
        // The row key is the record's date (undated records, people and
        // organizations, are always current), then its kind and id.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(b.3.cmp(&a.3)));
        Ok(scored.into_iter().take(limit).map(|s| s.4).collect())
    }
}

/// The first line of the original text whose folded form holds a query token.
fn matching_line(raw: &str, folded_body: &str, tokens: &[String]) -> String {
    let raw_lines: Vec<&str> = raw.lines().collect();
    // raw = title + "\n" + body: body lines start at index 1 of the title's line count.
    let title_lines = raw_lines.len().saturating_sub(folded_body.lines().count());
    for (i, line) in folded_body.lines().enumerate() {
        if tokens.iter().any(|t| line.contains(t.as_str())) {
            return raw_lines.get(title_lines + i).map(|s| s.to_string()).unwrap_or_default();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_queries_become_quoted_tokens() {
        assert_eq!(match_expr(&query_tokens("nông-dân")), "\"nong\"* \"dan\"*");
        assert!(query_tokens("\"\" AND OR ( ) : * 🎉").iter().all(|t| t.chars().all(char::is_alphanumeric)));
        assert!(query_tokens("🎉 -- ()").is_empty());
    }
}
