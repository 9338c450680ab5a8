//! The only place that speaks SQL. Every user action is one transaction.

mod daily;
mod doctor;
mod documents;
mod dump;
mod files;
mod history;
mod meetings;
mod orgs;
mod pending;
mod plans;
mod report;
mod schema;
pub mod search;
mod status;
mod tasks;

pub use daily::WeekCounts;
pub use doctor::Finding;
pub use dump::{parse_dump, Dump, DumpError, MergeReport};
pub use history::{HistoryEntry, UndoScope};
pub use plans::Recorded;
pub use report::{PeriodPending, PeriodTarget, PeriodTask};
pub use schema::{IDENTIFIED, SCHEMA_VERSION, VERSIONED};
pub use search::{SearchHit, SearchKind};
pub use status::{BoardCounts, OrgCounts, StatusReport};
pub use tasks::TaskFilter;

use crate::clock::Clock;
use crate::domain::DomainError;
use chrono::{NaiveDate, NaiveDateTime};
use files::{
    backup_before_migration, current_uid, file_owner, open_for_reading, peek_version, restrict_permissions, FileStamp,
};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database was written by a newer giaoban (schema {found}, this build knows {supported})")]
    NewerSchema { found: i64, supported: i64 },
    #[error("the file is not a giaoban database")]
    NotADatabase,
    #[error("the database is read-only")]
    ReadOnly,
    #[error("the database was written by an older giaoban and needs upgrading")]
    NeedsUpgrade,
    #[error("the database file is empty")]
    EmptyFile,
    #[error("account {me} may not read {path} (owned by {owner})")]
    Unreadable { path: PathBuf, owner: String, me: String },
    #[error("the database is locked by another program")]
    Locked,
    #[error("the disk is full")]
    DiskFull,
    #[error("cannot open {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Invalid(#[from] DomainError),
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },
    #[error("unknown organization {input}")]
    UnknownOrg { input: String, valid: Vec<String> },
    #[error("organization {code} still has tasks")]
    OrgInUse { code: String },
    #[error("organization code {code} is already used")]
    DuplicateCode { code: String },
    #[error("organization name {name} is already used")]
    DuplicateName { name: String },
    #[error("organization {code} is inactive")]
    OrgInactive { code: String },
    #[error("unknown setting {key}")]
    UnknownSetting { key: String },
    #[error("the database already holds data")]
    NotEmpty,
    #[error("the setting {key} was changed by someone else")]
    SettingChanged { key: String },
    #[error("number {number} of {year} is already given to another {kind}")]
    NumberTaken { kind: String, year: i32, number: i64 },
    #[error("there is no Unix group {group}")]
    NoGroup { group: String },
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("{by} has changed the same records since")]
    UndoBuiltOn { by: String },
    #[error("{what} {id} was changed by someone else")]
    Conflict { what: &'static str, id: i64 },
    #[error("the database already has data")]
    DemoRefused,
    #[error("briefing {number}/{year} is already planned")]
    AlreadyPlanned { number: i64, year: i32 },
    #[error("there is no briefing to follow")]
    NothingToFollow,
    #[error("a quick entry needs a lead organization")]
    NeedLead,
    #[error("not a date: {input}")]
    BadDate { input: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked,
            Some(C::ReadOnly) => StoreError::ReadOnly,
            Some(C::NotADatabase) => StoreError::NotADatabase,
            Some(C::DiskFull) => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// One sentence in the user's language.
    pub fn message(&self) -> String {
        use crate::i18n::{t, tf};
        match self {
            StoreError::NewerSchema { found, supported } => {
                tf("err.newer_schema", &[("found", found.to_string()), ("supported", supported.to_string())])
            }
            StoreError::NotADatabase => t("err.not_a_database"),
            StoreError::ReadOnly => t("err.read_only"),
            StoreError::NeedsUpgrade => t("err.needs_upgrade"),
            StoreError::EmptyFile => t("err.empty_file"),
            StoreError::Unreadable { path, owner, me } => tf(
                "err.unreadable",
                &[("path", path.display().to_string()), ("owner", owner.clone()), ("me", me.clone())],
            ),
            StoreError::Locked => t("err.locked"),
            StoreError::DiskFull => t("err.disk_full"),
            StoreError::Io { path, source } => {
                tf("err.io", &[("path", path.display().to_string()), ("reason", source.to_string())])
            }
            StoreError::Invalid(e) => crate::i18n::domain_error(e),
            StoreError::NotFound { what, id } => {
                tf("err.not_found", &[("what", t(&format!("what.{what}"))), ("id", id.to_string())])
            }
            StoreError::UnknownOrg { input, valid } => {
                tf("err.unknown_org", &[("input", input.clone()), ("valid", valid.join(", "))])
            }
            StoreError::OrgInUse { code } => tf("err.org_in_use", &[("code", code.clone())]),
            StoreError::DuplicateCode { code } => tf("err.duplicate_code", &[("code", code.clone())]),
            StoreError::DuplicateName { name } => tf("err.duplicate_name", &[("name", name.clone())]),
            StoreError::OrgInactive { code } => tf("err.org_inactive", &[("code", code.clone())]),
            StoreError::UnknownSetting { key } => {
                tf("err.unknown_setting", &[("key", key.clone()), ("valid", crate::domain::Settings::KEYS.join(", "))])
            }
            StoreError::NotEmpty => t("import.not_empty"),
            StoreError::SettingChanged { key } => tf("err.setting_changed", &[("key", t(&format!("field.{key}")))]),
            StoreError::NumberTaken { kind, year, number } => tf(
                "err.number_taken",
                &[("kind", kind.clone()), ("year", year.to_string()), ("number", format!("{number:02}"))],
            ),
            StoreError::NoGroup { group } => tf("init.no_group", &[("group", group.clone())]),
            StoreError::NothingToUndo => t("err.nothing_to_undo"),
            StoreError::UndoBuiltOn { by } => tf("err.undo_built_on", &[("by", by.clone())]),
            StoreError::Conflict { what, id } => {
                tf("err.conflict", &[("what", t(&format!("what.{what}"))), ("id", id.to_string())])
            }
            StoreError::DemoRefused => t("demo.refused"),
            StoreError::AlreadyPlanned { number, year } => tf(
                "briefing.already_planned",
                &[("meeting", tf("meeting.label", &[("number", number.to_string()), ("year", year.to_string())]))],
            ),
            StoreError::NothingToFollow => t("briefing.none_to_follow"),
            StoreError::NeedLead => t("quick.need_lead"),
            StoreError::BadDate { input } => tf("err.bad_date", &[("input", input.clone())]),
            StoreError::Sqlite(e) => tf("err.sqlite", &[("reason", e.to_string())]),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open giaoban database file.
pub struct Store {
    conn: Connection,
    read_only: bool,
    path: Option<PathBuf>,
    clock: Clock,
    who: Who,
    /// Set when the file is read as an immutable snapshot: what it looked
    /// like on disk then, to notice a change.
    snapshot: Option<FileStamp>,
    why_read_only: Option<ReadOnlyWhy>,
}

/// Why a store cannot write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    /// Opened to look only (`--read-only`, or a command that only reads).
    Asked,
    /// This account may read the file but not write it.
    NoPermission,
}

/// Who is writing: the account and this program run, recorded with every
/// change (undo reverses one's own).
#[derive(Debug, Clone)]
pub struct Who {
    pub actor: String,
    pub session: String,
}

/// A file this account may not read at all: one sentence naming its owner
/// and what to ask, instead of SQLite's "unable to open database file".
fn check_readable(path: &Path) -> Result<()> {
    match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            owner: file_owner(Some(path)).unwrap_or_default(),
            me: Who::current().actor,
        }),
        _ => Ok(()),
    }
}

impl Who {
    fn current() -> Who {
        let actor = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .unwrap_or_else(|_| current_uid().map(|u| u.to_string()).unwrap_or_default());
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        Who { actor, session: format!("{}-{nanos}", std::process::id()) }
    }
}

/// One user action being written: an open `BEGIN IMMEDIATE` transaction on
/// the store's connection, the action's id in the history, and the time it
/// is recorded at. Reads through `store()` see the action's own changes.
/// Dropped without `commit`, everything it wrote is rolled back.
pub struct Write<'s> {
    store: &'s Store,
    pub(crate) action: i64,
    pub(crate) now: NaiveDateTime,
    open: std::cell::Cell<bool>,
}

impl std::ops::Deref for Write<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.store.conn
    }
}

impl<'s> Write<'s> {
    /// The store, for reads inside the action.
    pub fn store(&self) -> &'s Store {
        self.store
    }

    /// The action's time as stored in `created_at`, `updated_at` and history.
    pub(crate) fn stamp(&self) -> String {
        self.now.format("%Y-%m-%d %H:%M:%S").to_string()
    }

    /// Now to the minute (briefing start and end times).
    pub fn now_minute(&self) -> NaiveDateTime {
        use chrono::Timelike;
        self.now.with_second(0).unwrap_or(self.now)
    }

    /// Today on the action's clock.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Runs `f` on this action (a step in a longer action).
    pub(crate) fn run<T>(&self, f: impl FnOnce(&Write) -> Result<T>) -> Result<T> {
        f(self)
    }

    fn finish(&self, commit: bool) -> Result<()> {
        if self.open.replace(false) {
            self.store.conn.execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })?;
        }
        Ok(())
    }
}

impl Drop for Write<'_> {
    fn drop(&mut self) {
        let _ = self.finish(false);
    }
}

impl Store {
    /// The schema version of the file at `path` when opening it to write
    /// would migrate it (an older giaoban file this account may write).
    pub fn upgrade_pending(path: &Path) -> Option<i64> {
        let version = peek_version(path).ok().filter(|v| (1..SCHEMA_VERSION).contains(v))?;
        may_write(path).then_some(version)
    }

    /// Opens (creating if needed) the database at `path`, migrating an older
    /// schema after backing the file up. A file from a newer build is
    /// refused before anything is written to it. A file the user may not
    /// write opens read-only. Safe with any number of processes opening,
    /// creating or migrating the same file at once: the schema is read and
    /// changed only under the write lock.
    pub fn open(path: &Path) -> Result<Store> {
        let exists = path.exists();
        if !exists {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
            }
        }
        if exists && std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false) {
            check_readable(path)?;
            let version = peek_version(path)?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
            }
            if !may_write(path) {
                if version < SCHEMA_VERSION {
                    return Err(StoreError::ReadOnly);
                }
                let mut store = Store::open_read_only(path)?;
                store.why_read_only = Some(ReadOnlyWhy::NoPermission);
                return Ok(store);
            }
        }
        let conn = Connection::open(path).map_err(StoreError::from)?;
        if !exists {
            restrict_permissions(path);
        }
        let mut store = Store {
            conn,
            read_only: false,
            path: Some(path.to_path_buf()),
            clock: Clock::system(),
            who: Who::current(),
            snapshot: None,
            why_read_only: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens the file without ever writing to it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        check_readable(path)?;
        let version = peek_version(path)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
        }
        if version < SCHEMA_VERSION {
            // An older file would need a migration, which reading never does.
            return Err(StoreError::NeedsUpgrade);
        }
        let (conn, snapshot) = open_for_reading(path)?;
        Ok(Store {
            conn,
            read_only: true,
            path: Some(path.to_path_buf()),
            clock: Clock::system(),
            who: Who::current(),
            snapshot,
            why_read_only: Some(ReadOnlyWhy::Asked),
        })
    }

    /// Why writes are impossible, in one sentence of the user's language
    /// (None when they are possible).
    pub fn read_only_reason(&self) -> Option<String> {
        use crate::i18n::{t, tf};
        let path = self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
        match self.why_read_only? {
            ReadOnlyWhy::Asked => Some(t("err.read_only_asked")),
            ReadOnlyWhy::NoPermission => {
                let owner = file_owner(self.path.as_deref()).unwrap_or_default();
                Some(tf(
                    "err.read_only_permission",
                    &[("path", path), ("owner", owner), ("me", self.who.actor.clone())],
                ))
            }
        }
    }

    /// Whether this store reads a snapshot of the file (nobody had it open,
    /// or its sidecars are not readable by this account).
    pub fn is_snapshot(&self) -> bool {
        self.snapshot.is_some()
    }

    /// For a snapshot: reads the file again when it changed on disk, so that
    /// a reader on another account still follows the owner's saves. True
    /// when it did.
    pub fn refresh_snapshot(&mut self) -> Result<bool> {
        let (Some(stamp), Some(path)) = (&self.snapshot, self.path.clone()) else { return Ok(false) };
        if FileStamp::of(&path) == *stamp {
            return Ok(false);
        }
        let (conn, snapshot) = open_for_reading(&path)?;
        self.conn = conn;
        self.snapshot = snapshot;
        Ok(true)
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            read_only: false,
            path: None,
            clock: Clock::system(),
            who: Who::current(),
            snapshot: None,
            why_read_only: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Sets who the writes of this store are recorded as (tests: two
    /// accounts on one file).
    pub fn set_who(&mut self, actor: &str, session: &str) {
        self.who = Who { actor: actor.to_string(), session: session.to_string() };
    }

    /// How long a write waits for another writer's lock before giving up.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// Sets the clock every write of this store is dated by.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every statement the screens and a user action run stays prepared
        // (rusqlite keeps 16 by default: walking the screens would prepare
        // most of them again on every visit).
        self.conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if self.path.is_some() {
            // Another process may be switching the same new file to WAL at
            // this moment; the busy handler does not cover this step.
            let mut tries = 0;
            loop {
                match self.conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)) {
                    Ok(_) => break,
                    Err(e) if is_busy(&e) && tries < 200 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(10));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Creates, seeds or migrates the schema under the write lock, reading
    /// the version only once the lock is held.
    fn migrate(&mut self) -> Result<()> {
        // Fast path: a current file needs no lock.
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = (|| {
            let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
            }
            if version == SCHEMA_VERSION {
                return Ok(());
            }
            if version > 0 {
                if let Some(path) = &self.path {
                    backup_before_migration(path, version, self.clock.now())?;
                }
            }
            schema::migrate(&self.conn, version)?;
            let action: i64 =
                self.conn.query_row("SELECT COALESCE(MAX(action_id), 0) + 1 FROM history", [], |r| r.get(0))?;
            // Part of the transaction begun above: not committed on its own.
            let w = Write { store: self, action, now: self.clock.now(), open: std::cell::Cell::new(false) };
            w.seed_organizations()
        })();
        match result {
            Ok(()) => self.conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        Ok(())
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes whenever another connection commits (PRAGMA data_version), so
    /// a screen can refresh only when something happened.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs one user action in one immediate transaction; its history rows
    /// share an action id, so the whole action can be undone at once.
    /// Nothing is written unless `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Write) -> Result<T>) -> Result<T> {
        let w = self.begin()?;
        let value = f(&w)?;
        w.finish(true)?;
        Ok(value)
    }

    /// Runs `f` as `write` does and commits if it says so (the second of
    /// its values), else rolls everything back.
    pub fn write_if<T>(&mut self, f: impl FnOnce(&Write) -> Result<(T, bool)>) -> Result<T> {
        let w = self.begin()?;
        let (value, commit) = f(&w)?;
        w.finish(commit)?;
        Ok(value)
    }

    /// Runs `f` as `write` does, then rolls everything back: what the
    /// action would do, without doing it.
    pub fn dry_run<T>(&mut self, f: impl FnOnce(&Write) -> Result<T>) -> Result<T> {
        let w = self.begin()?;
        let value = f(&w);
        w.finish(false)?;
        value
    }

    fn begin(&mut self) -> Result<Write<'_>> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.daily_backup()?;
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let mut w = Write { store: self, action: 0, now: self.clock.now(), open: std::cell::Cell::new(true) };
        w.action = w.query_row("SELECT COALESCE(MAX(action_id), 0) + 1 FROM history", [], |r| r.get(0))?;
        Ok(w)
    }

    /// Reads several things as of one moment: `f` runs inside one read
    /// transaction, so a commit by another process cannot fall between them.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let value = f(self);
        let _ = self.conn.execute_batch("COMMIT");
        value
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// One row of `sql`, kept prepared: the screens run the same few
    /// lookups on every key, and preparing one costs more than running it.
    pub(crate) fn row<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.conn.prepare_cached(sql)?.query_row(params, f)
    }
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 192;

pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Whether this account may write the file at `path`.
fn may_write(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Conversions between domain values and their stored text.
pub(crate) mod conv {
    use chrono::{NaiveDate, NaiveDateTime};

    pub const DATE: &str = "%Y-%m-%d";
    pub const DATETIME: &str = "%Y-%m-%d %H:%M";

    pub fn date(d: NaiveDate) -> String {
        d.format(DATE).to_string()
    }
    pub fn opt_date(d: Option<NaiveDate>) -> Option<String> {
        d.map(date)
    }
    pub fn parse_date(s: Option<String>) -> Option<NaiveDate> {
        s.as_deref().and_then(iso_date)
    }
    /// The day in column `i` of a row (none when NULL or not a day), read
    /// in place: reports read thousands of them.
    pub fn day_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
        Ok(r.get_ref(i)?.as_str_or_null().ok().flatten().and_then(iso_date))
    }
    /// The number written in `s[r]`, digits only.
    fn digits(s: &[u8], r: std::ops::Range<usize>) -> Option<u32> {
        s.get(r)?.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    }
    /// A stored day, "2026-11-23". Stored days are written in exactly this
    /// shape and read here without the general format parser (a screen
    /// reads thousands); any other shape goes through it.
    pub fn iso_date(s: &str) -> Option<NaiveDate> {
        let b = s.as_bytes();
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            if let (Some(y), Some(m), Some(d)) = (digits(b, 0..4), digits(b, 5..7), digits(b, 8..10)) {
                return NaiveDate::from_ymd_opt(y as i32, m, d);
            }
        }
        NaiveDate::parse_from_str(s, DATE).ok()
    }
    pub fn datetime(d: NaiveDateTime) -> String {
        d.format(DATETIME).to_string()
    }
    pub fn parse_datetime(s: &str) -> NaiveDateTime {
        let b = s.as_bytes();
        if b.len() == 16 && b[10] == b' ' && b[13] == b':' {
            let day = s.get(..10).and_then(iso_date);
            if let (Some(d), Some(h), Some(m)) = (day, digits(b, 11..13), digits(b, 14..16)) {
                if let Some(t) = d.and_hms_opt(h, m, 0) {
                    return t;
                }
            }
        }
        NaiveDateTime::parse_from_str(s, DATETIME).unwrap_or_default()
    }
    /// Comma-separated ids from `group_concat`.
    pub fn ids(s: Option<String>) -> Vec<i64> {
        s.map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn stored_days_read_as_the_format_parser_reads_them() {
            for s in
                ["2026-11-23", "2024-02-29", "2026-02-29", "2026-13-01", "2026-1-05", "20x6-11-23", "", "2026-11-23x"]
            {
                assert_eq!(iso_date(s), NaiveDate::parse_from_str(s, DATE).ok(), "{s:?}");
            }
            for s in ["2026-11-23 08:30", "2026-11-23 24:00", "2026-11-23 +8:30", "2026-11-23 8:30", "x"] {
                assert_eq!(parse_datetime(s), NaiveDateTime::parse_from_str(s, DATETIME).unwrap_or_default(), "{s:?}");
            }
        }
    }
}
