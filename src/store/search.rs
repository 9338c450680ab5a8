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
/// id, negated, so that the index's rowid order is newest first. FTS5 reads
/// its lists in ascending rowid order and skips ahead in them when words
/// must be found together; read backwards it cannot skip, and a few common
/// words found together in few records cost twice as much (schema 14).
/// `search_index_rows` keeps the key, to find the entry again when the
/// record changes.
fn row_key(kind: SearchKind, id: i64, date: Option<&str>) -> i64 {
    const LATEST: i64 = (1 << 22) - 1;
    let k = SearchKind::ALL.iter().position(|x| *x == kind).unwrap_or(0) as i64;
    let days = date
        .and_then(|d| super::conv::iso_date(d.get(..10).unwrap_or(d)))
        .map(|d| (d - chrono::NaiveDate::default()).num_days().clamp(0, LATEST - 1))
        .unwrap_or(LATEST);
    -((days << 36) | (k << 32) | (id & 0xFFFF_FFFF))
}

/// The index a record's entry is in: open work has its own.
fn table(is_open: bool) -> &'static str {
    if is_open {
        "search_index_open"
    } else {
        "search_index"
    }
}

/// What becomes of the words of the entries written: `search_terms` lists
/// every word longer than three letters once (a word no entry holds any
/// more stays listed and matches nothing), so that a word typed in part
/// ("nguo") is looked up as the few whole words it begins ("nguoi").
/// FTS5 would otherwise merge the entries of every such word in full before
/// giving the first (its prefix indexes stop at three letters): 16 ms for
/// "vi nguoi ngheo" over a hundred years instead of half a millisecond.
enum Terms {
    /// Written with each entry (a record changed).
    Write,
    /// Gathered and written once at the end (the whole index rebuilt).
    Collect(std::collections::BTreeSet<String>),
    /// Not kept: a file passing through a schema before the list existed.
    Skip,
}

/// The words a prefix index does not cover, as FTS5 splits them.
fn long_words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().nth(3).is_some())
}

/// Writes index entries (and their words).
struct Indexer<'a> {
    tx: &'a Connection,
    terms: Terms,
    /// Whether the titles have their own index (`search_titles`, schema
    /// 12): the index a search reads for matches in titles, small because
    /// it holds only titles (notes have none).
    titles: bool,
    /// While the whole index is rebuilt: entries waiting to be written in
    /// ascending key order. FTS5 writes its pending words out whenever an
    /// entry's key is below the last one's; records read table by table,
    /// oldest first, come newest key last, and written as they come would
    /// each be flushed as a segment of its own (then merged again and again:
    /// most of the ten-year generator's time).
    batch: Option<Vec<(i64, Doc)>>,
}

/// Entries sorted and written together during a rebuild: the index flushes
/// once per batch, not once per entry, and the memory held stays bounded.
const REBUILD_BATCH: usize = 8192;

/// The index of titles beside an entry's index.
fn title_table(is_open: bool) -> &'static str {
    if is_open {
        "search_titles_open"
    } else {
        "search_titles"
    }
}

impl Indexer<'_> {
    fn insert(&mut self, id: i64, d: Doc) -> Result<()> {
        let Some(batch) = &mut self.batch else { return self.write(id, d) };
        batch.push((id, d));
        if batch.len() >= REBUILD_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    /// Writes the entries waiting, in ascending key order.
    fn flush_batch(&mut self) -> Result<()> {
        let Some(mut batch) = self.batch.take() else { return Ok(()) };
        batch.sort_by_cached_key(|(id, d)| row_key(d.kind, *id, d.date.as_deref()));
        for (id, d) in batch.drain(..) {
            self.write(id, d)?;
        }
        self.batch = Some(batch);
        Ok(())
    }

    fn write(&mut self, id: i64, d: Doc) -> Result<()> {
        let tx = self.tx;
        let raw = crate::text::nfc(&format!("{}\n{}", d.title, d.body));
        let key = row_key(d.kind, id, d.date.as_deref());
        let (title, body) = (fold(&d.title), fold(&d.body));
        match &mut self.terms {
            Terms::Write => {
                let mut stmt = tx.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
                let words: std::collections::BTreeSet<&str> = long_words(&title).chain(long_words(&body)).collect();
                for w in words {
                    stmt.execute([w])?;
                }
            }
            Terms::Collect(all) => {
                for w in long_words(&title).chain(long_words(&body)) {
                    if !all.contains(w) {
                        all.insert(w.to_string());
                    }
                }
            }
            Terms::Skip => {}
        }
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
            title,
            body,
            raw
        ])?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO search_index_rows (kind, ref_id, row, open) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![d.kind.code(), id, key, d.is_open])?;
        if self.titles && !title.is_empty() {
            tx.prepare_cached(&format!(
                "INSERT INTO {} (rowid, title, state) VALUES (?1, ?2, ?3)",
                title_table(d.is_open)
            ))?
            .execute(params![key, title, d.kind.code()])?;
        }
        Ok(())
    }

    fn remove(&self, kind: SearchKind, id: i64) -> Result<()> {
        if self.batch.is_some() {
            // A rebuild starts from empty indexes and reads each record once.
            return Ok(());
        }
        let tx = self.tx;
        let at: Option<(i64, bool)> = tx
            .prepare_cached("SELECT row, open FROM search_index_rows WHERE kind = ?1 AND ref_id = ?2")?
            .query_row(params![kind.code(), id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((key, open)) = at {
            tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", table(open)))?.execute([key])?;
            if self.titles {
                tx.prepare_cached(&format!("DELETE FROM {} WHERE rowid = ?1", title_table(open)))?.execute([key])?;
            }
            tx.prepare_cached("DELETE FROM search_index_rows WHERE kind = ?1 AND ref_id = ?2")?
                .execute(params![kind.code(), id])?;
        }
        Ok(())
    }
}

/// Brings the index entry of row `id` of `tbl` up to date (or removes it).
pub(crate) fn reindex(tx: &Connection, tbl: &str, id: i64) -> Result<()> {
    Indexer { tx, terms: Terms::Write, titles: true, batch: None }.reindex(tbl, id)
}

impl Indexer<'_> {
    fn reindex(&mut self, tbl: &str, id: i64) -> Result<()> {
        let tx = self.tx;
        match tbl {
            "tasks" => {
                self.remove(SearchKind::Task, id)?;
                let row = tx
                .query_row(
                    "SELECT title, description, place, doc_number, status NOT IN ('done','cancelled'), COALESCE(deadline, substr(created_at, 1, 10))
                     FROM tasks WHERE id = ?1",
                    [id],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, bool>(4)?, r.get::<_, Option<String>>(5)?)),
                )
                .optional()?;
                if let Some((title, desc, place, doc, open, date)) = row {
                    self.insert(
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
                        self.reindex("task_notes", n)?;
                    }
                }
            }
            "task_notes" => {
                self.remove(SearchKind::Note, id)?;
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
                    self.insert(
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
                self.remove(SearchKind::Agenda, id)?;
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
                    self.insert(
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
                self.remove(SearchKind::Meeting, id)?;
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
                    self.insert(
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
                    self.reindex("agenda_items", i)?;
                }
            }
            "pending_items" => {
                self.remove(SearchKind::Pending, id)?;
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
                    self.insert(
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
                self.remove(SearchKind::Person, id)?;
                let row = tx
                    .query_row(
                        "SELECT full_name, title, COALESCE(phone, ''), roles FROM people WHERE id = ?1",
                        [id],
                        |r| {
                            Ok((
                                r.get::<_, String>(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                                r.get::<_, String>(3)?,
                            ))
                        },
                    )
                    .optional()?;
                if let Some((name, title, phone, roles)) = row {
                    let roles: Vec<String> = serde_json::from_str(&roles).unwrap_or_default();
                    self.insert(
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
                self.remove(SearchKind::Organization, id)?;
                let row = tx
                    .query_row("SELECT code, name, short_name, active FROM organizations WHERE id = ?1", [id], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, bool>(3)?,
                        ))
                    })
                    .optional()?;
                if let Some((code, name, short, active)) = row {
                    self.insert(
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
}

/// Whether the file has a table (a rebuild during a migration runs on a
/// schema that may not have the later ones yet).
fn has_table(tx: &Connection, name: &str) -> Result<bool> {
    let n: i64 =
        tx.query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| r.get(0))?;
    Ok(n > 0)
}

fn write_terms(tx: &Connection, terms: &std::collections::BTreeSet<String>) -> Result<()> {
    let mut stmt = tx.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
    for t in terms {
        stmt.execute([t])?;
    }
    Ok(())
}

/// Rebuilds the whole index from the tables, then merges each index into
/// one segment (a search then walks one list per word, not several).
pub(crate) fn rebuild(tx: &Connection) -> Result<()> {
    tx.execute_batch("DELETE FROM search_index; DELETE FROM search_index_open; DELETE FROM search_index_rows;")?;
    let keep_terms = has_table(tx, "search_terms")?;
    if keep_terms {
        tx.execute("DELETE FROM search_terms", [])?;
    }
    let titles = has_table(tx, "search_titles")?;
    if titles {
        tx.execute_batch("DELETE FROM search_titles; DELETE FROM search_titles_open;")?;
    }
    let terms = if keep_terms { Terms::Collect(Default::default()) } else { Terms::Skip };
    let mut ix = Indexer { tx, terms, titles, batch: Some(Vec::with_capacity(REBUILD_BATCH)) };
    for tbl in ["organizations", "people", "meetings", "tasks", "pending_items"] {
        let ids: Vec<i64> = tx
            .prepare(&format!("SELECT id FROM {tbl}"))?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for id in ids {
            ix.reindex(tbl, id)?;
        }
    }
    ix.flush_batch()?;
    if let Terms::Collect(all) = &ix.terms {
        write_terms(tx, all)?;
    }
    tx.execute_batch(
        "INSERT INTO search_index (search_index) VALUES ('optimize');
         INSERT INTO search_index_open (search_index_open) VALUES ('optimize');",
    )?;
    if titles {
        optimize_titles(tx)?;
    }
    Ok(())
}

fn optimize_titles(tx: &Connection) -> Result<()> {
    tx.execute_batch(
        "INSERT INTO search_titles (search_titles) VALUES ('optimize');
         INSERT INTO search_titles_open (search_titles_open) VALUES ('optimize');",
    )?;
    Ok(())
}

/// Fills the indexes of titles from the entries already in the index (the
/// schema that added them, without rebuilding the entries).
pub(crate) fn fill_titles(tx: &Connection) -> Result<()> {
    for open in [false, true] {
        tx.execute(
            &format!(
                "INSERT INTO {} (rowid, title, state) SELECT rowid, title, state FROM {} WHERE title <> ''",
                title_table(open),
                table(open)
            ),
            [],
        )?;
    }
    optimize_titles(tx)
}

/// Lists the words of every entry already in the index (the schema that
/// added `search_terms` fills it from the entries, without rebuilding them).
pub(crate) fn fill_terms(tx: &Connection) -> Result<()> {
    let mut all = std::collections::BTreeSet::new();
    for tbl in ["search_index", "search_index_open"] {
        let mut stmt = tx.prepare(&format!("SELECT title, body FROM {tbl}"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for col in 0..2 {
                let text = r.get_ref(col)?.as_str().unwrap_or_default();
                for w in long_words(text) {
                    if !all.contains(w) {
                        all.insert(w.to_string());
                    }
                }
            }
        }
    }
    write_terms(tx, &all)
}

/// The MATCH expression of the query's words: each word of one to three
/// letters as a prefix (read from the prefix indexes); a longer word as
/// the whole words on file it begins (at most 16 of them), or as a prefix
/// when it begins more or none.
fn match_words(tx: &Connection, tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| {
            let prefix = format!("\"{}\"*", t.replace('"', ""));
            if t.chars().nth(3).is_none() {
                return prefix;
            }
            match whole_words(tx, t) {
                Some(words) if (1..=16).contains(&words.len()) => {
                    let or = words.iter().map(|w| format!("\"{}\"", w.replace('"', ""))).collect::<Vec<_>>();
                    if or.len() == 1 {
                        or.join("")
                    } else {
                        format!("({})", or.join(" OR "))
                    }
                }
                _ => prefix,
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The listed words beginning with `t` (up to 17, to tell "too many").
fn whole_words(tx: &Connection, t: &str) -> Option<Vec<String>> {
    let last = t.chars().last()?;
    let upper = format!("{}{}", &t[..t.len() - last.len_utf8()], char::from_u32(last as u32 + 1)?);
    let mut stmt = tx
        .prepare_cached("SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT 17")
        .ok()?;
    let rows = stmt.query_map([t, upper.as_str()], |r| r.get(0)).ok()?;
    rows.collect::<std::result::Result<Vec<String>, _>>().ok()
}

impl Store {
    /// Finds records whose text contains every word of `query` (as a word
    /// prefix), ignoring accents and case. Ranking: a query typed with
    /// diacritics puts exact-diacritic matches first; then title matches
    /// before matches in notes, open before finished, recent before old.
    ///
    /// The candidates are bounded: each index (open work, finished work)
    /// gives at most `limit` entries matching anywhere, newest first (the
    /// rowid order), and — only when those fill the page, so that older
    /// title matches may lie beyond them — at most `limit` matching in the
    /// title. A word found in tens of thousands of records costs what the
    /// page shows; the candidates are then put in the order above, in
    /// Rust (SQLite's bm25 would read every entry of every word to weigh
    /// it). Finished work is not read when open work already fills the
    /// page with matches it cannot outrank.
    pub fn search(&self, query: &str, kinds: &[SearchKind], limit: usize) -> Result<Vec<SearchHit>> {
        let tokens = query_tokens(query);
        if tokens.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let expr = match_words(self.conn(), &tokens);
        let of_kinds = if kinds.is_empty() {
            String::new()
        } else {
            format!(" AND state : ({})", kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(" OR "))
        };
        let in_title = format!("(title : ({expr})){of_kinds}");
        let anywhere = format!("({{title body}} : ({expr})){of_kinds}");
        let raw_query = crate::text::nfc(query.trim()).to_lowercase();
        let has_marks = fold(&raw_query) != raw_query;
        let raw_words: Vec<&str> = raw_query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let title_tokens = |title: &str| -> bool {
            let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
            tokens.iter().all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
        };
        let mut scored: Vec<Scored> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for open in [true, false] {
            if !open {
                // Finished work ranks below open work of the same standing:
                // below open title matches (and, with diacritics typed,
                // below exact open title matches).
                let unbeatable = scored.iter().filter(|s| s.in_title && (!has_marks || s.exact)).count();
                if unbeatable >= limit {
                    break;
                }
            }
            for (i, list) in [&anywhere, &in_title].into_iter().enumerate() {
                // Matches in titles come from the index of titles alone,
                // each entry then read by its key.
                let sql = if i == 0 {
                    format!(
                        "SELECT rowid, kind, ref_id, parent_id, is_open, date, label, title, body, raw
                         FROM {0} WHERE {0} MATCH ?1 ORDER BY rowid LIMIT ?2",
                        table(open)
                    )
                } else {
                    format!(
                        "SELECT s.rowid, s.kind, s.ref_id, s.parent_id, s.is_open, s.date, s.label, s.title, s.body, s.raw
                         FROM {1} t JOIN {0} s ON s.rowid = t.rowid WHERE {1} MATCH ?1 ORDER BY t.rowid LIMIT ?2",
                        table(open),
                        title_table(open)
                    )
                };
                let mut stmt = self.conn().prepare_cached(&sql)?;
                let mut rows = stmt.query(params![list, limit as i64])?;
                let mut read = 0;
                while let Some(r) = rows.next()? {
                    read += 1;
                    let rowid: i64 = r.get(0)?;
                    let Some(kind) = SearchKind::from_code(&r.get::<_, String>(1)?) else { continue };
                    if !seen.insert((open, rowid)) || (!kinds.is_empty() && !kinds.contains(&kind)) {
                        continue;
                    }
                    let (label, title, body, raw): (String, String, String, String) =
                        (r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?);
                    let exact = has_marks && {
                        let lower = raw.to_lowercase();
                        raw_words.iter().all(|w| lower.contains(w))
                    };
                    let in_title = title_tokens(&title);
                    let text = if in_title || body.trim().is_empty() {
                        label.clone()
                    } else {
                        matching_line(&raw, &body, &tokens)
                    };
                    let is_open = r.get(4)?;
                    let hit =
                        SearchHit { kind, id: r.get(2)?, parent_id: r.get(3)?, label, text, is_open, date: r.get(5)? };
                    scored.push(Scored { exact, in_title, is_open, rowid, hit });
                }
                // Fewer than a page matching anywhere: that was every match,
                // title matches included.
                if i == 0 && read < limit {
                    break;
                }
            }
        }
        // The row key is the record's date (undated records, people and
        // organizations, are always current), then its kind and id.
        scored.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(b.in_title.cmp(&a.in_title))
                .then(b.is_open.cmp(&a.is_open))
                .then(a.rowid.cmp(&b.rowid))
        });
        Ok(scored.into_iter().take(limit).map(|s| s.hit).collect())
    }
}

/// A candidate with what ranks it.
struct Scored {
    exact: bool,
    in_title: bool,
    is_open: bool,
    rowid: i64,
    hit: SearchHit,
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
        let conn = Connection::open_in_memory().unwrap();
        // No list of words (a file not yet migrated): every word a prefix.
        assert_eq!(match_words(&conn, &query_tokens("nông-dân")), "\"nong\"* AND \"dan\"*");
        conn.execute_batch(
            "CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
             INSERT INTO search_terms VALUES ('nong'), ('nongnghiep'), ('nonh'), ('ngheo');",
        )
        .unwrap();
        assert_eq!(
            match_words(&conn, &query_tokens("nông-dân ngheo nguo")),
            "(\"nong\" OR \"nongnghiep\") AND \"dan\"* AND \"ngheo\" AND \"nguo\"*",
            "a long word as the words it begins; none listed: a prefix"
        );
        assert!(query_tokens("\"\" AND OR ( ) : * 🎉").iter().all(|t| t.chars().all(char::is_alphanumeric)));
        assert!(query_tokens("🎉 -- ()").is_empty());
    }
}
