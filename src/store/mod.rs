//! The only place that speaks SQL. Every user action is one transaction.

mod doctor;
mod history;
mod meetings;
mod orgs;
mod pending;
mod schema;
pub mod search;
mod status;
mod tasks;

pub use doctor::Finding;
pub use history::{HistoryEntry, UndoScope};
pub use schema::{SCHEMA_VERSION, VERSIONED};
pub use search::{SearchHit, SearchKind};
pub use status::{BoardCounts, OrgCounts, StatusReport};
pub use tasks::TaskFilter;

use crate::clock::Clock;
use crate::domain::DomainError;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
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

/// Size and modification time of the file and its write-ahead log.
#[derive(Debug, Clone, PartialEq)]
struct FileStamp(Vec<(u64, Option<std::time::SystemTime>)>);

impl FileStamp {
    fn of(path: &Path) -> FileStamp {
        let files = [path.to_path_buf(), PathBuf::from(format!("{}-wal", path.display()))];
        FileStamp(
            files.iter().map(|p| std::fs::metadata(p).map_or((0, None), |m| (m.len(), m.modified().ok()))).collect(),
        )
    }
}

/// Opens a file for reading without ever creating anything beside it.
/// With a live write-ahead log (someone has the file open), an ordinary
/// read-only connection sees their latest commits; when that is not
/// possible (the sidecars belong to another account and are not readable)
/// or nobody has the file open, the file is read as an immutable snapshot,
/// which takes no lock and writes no `-shm`.
fn open_for_reading(path: &Path) -> Result<(Connection, Option<FileStamp>)> {
    let sidecar = |s: &str| PathBuf::from(format!("{}{s}", path.display()));
    let live = sidecar("-wal").exists() && sidecar("-shm").exists();
    if live {
        let tried = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).and_then(|c| {
            c.busy_timeout(BUSY_TIMEOUT)?;
            c.query_row("SELECT count(*) FROM organizations", [], |r| r.get::<_, i64>(0))?;
            Ok(c)
        });
        if let Ok(conn) = tried {
            return Ok((conn, None));
        }
    }
    let stamp = FileStamp::of(path);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(immutable_uri(path), flags)?;
    Ok((conn, Some(stamp)))
}

/// Who is writing: the account and this program run, recorded with every
/// change (undo reverses one's own).
#[derive(Debug, Clone)]
pub struct Who {
    pub actor: String,
    pub session: String,
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

/// The account that owns a file, by name.
#[cfg(unix)]
fn file_owner(path: Option<&Path>) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata(path?).ok()?.uid();
    // SAFETY: getpwuid reads the password database; the pointer is checked
    // and its name copied at once.
    unsafe {
        let pw = libc::getpwuid(uid);
        if pw.is_null() {
            return Some(uid.to_string());
        }
        Some(std::ffi::CStr::from_ptr((*pw).pw_name).to_string_lossy().into_owned())
    }
}

#[cfg(not(unix))]
fn file_owner(_path: Option<&Path>) -> Option<String> {
    None
}

#[cfg(unix)]
fn group_id(name: &str) -> Option<u32> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: getgrnam reads the group database; the pointer is checked and
    // only read before another call can reuse its storage.
    unsafe {
        let g = libc::getgrnam(c.as_ptr());
        (!g.is_null()).then(|| (*g).gr_gid)
    }
}

#[cfg(unix)]
fn current_uid() -> Option<u32> {
    // SAFETY: getuid has no preconditions and cannot fail.
    Some(unsafe { libc::getuid() })
}

#[cfg(not(unix))]
fn current_uid() -> Option<u32> {
    None
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
            let version = peek_version(path)?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
            }
            let writable = std::fs::OpenOptions::new().write(true).open(path).is_ok();
            if !writable {
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

    /// Shares the file with a Unix group: the file and its sidecars take the
    /// group and mode 0640 (0660 with `writes`), and the folder becomes
    /// setgid so that whatever SQLite creates beside the file later gets the
    /// group too (SQLite gives new sidecars the file's own mode). Returns
    /// the mode set.
    #[cfg(unix)]
    pub fn share_with_group(&self, group: &str, writes: bool) -> Result<u32> {
        use std::os::unix::fs::PermissionsExt;
        let Some(path) = self.path.clone() else { return Ok(0) };
        let gid = group_id(group).ok_or_else(|| StoreError::NoGroup { group: group.to_string() })?;
        let mode = if writes { 0o660 } else { 0o640 };
        let io = |p: &Path, source| StoreError::Io { path: p.to_path_buf(), source };
        for file in [
            path.clone(),
            PathBuf::from(format!("{}-wal", path.display())),
            PathBuf::from(format!("{}-shm", path.display())),
        ] {
            if !file.exists() {
                continue;
            }
            std::os::unix::fs::chown(&file, None, Some(gid)).map_err(|e| io(&file, e))?;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).map_err(|e| io(&file, e))?;
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let current = std::fs::metadata(dir).map_err(|e| io(dir, e))?.permissions().mode();
            std::os::unix::fs::chown(dir, None, Some(gid)).map_err(|e| io(dir, e))?;
            // Members must reach the file: the group may enter the folder.
            let dir_mode = (current & 0o7777) | 0o2050 | if writes { 0o020 } else { 0 };
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(dir_mode)).map_err(|e| io(dir, e))?;
        }
        Ok(mode)
    }

    /// Copies the whole file, consistently while others use it (the online
    /// backup API), into `dir` under a name no other copy has; the copy gets
    /// the file's mode and group. Returns its path.
    pub fn backup_to(&self, dir: &Path, kind: &str) -> Result<PathBuf> {
        let Some(path) = &self.path else {
            let source = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(StoreError::Io { path: PathBuf::new(), source });
        };
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        let base = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let stamp = self.clock.now().format("%Y%m%d-%H%M%S");
        let target = unique_file(&dir.join(format!("{base}.{kind}-{stamp}.bak")))?;
        let mut dest = Connection::open(&target)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
            backup.run_to_completion(1000, std::time::Duration::from_millis(0), None)?;
        }
        copy_permissions(path, &target);
        Ok(target)
    }

    /// The backups beside the file, oldest first (by when they were made).
    pub fn backups(&self) -> Vec<PathBuf> {
        let Some(path) = &self.path else { return Vec::new() };
        let base = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        n.starts_with(&format!("{base}.")) && n.ends_with(".bak")
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort_by_key(|p| (std::fs::metadata(p).and_then(|m| m.modified()).ok(), p.clone()));
        found
    }

    /// On the first write of a day, a copy of the file as it was before it;
    /// the oldest daily copies beyond the number kept are removed.
    fn daily_backup(&self) -> Result<()> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        let kept = self.settings().map(|s| s.backups_kept()).unwrap_or(7);
        if kept == 0 {
            return Ok(());
        }
        let today = self.clock.today().format("%Y%m%d").to_string();
        let daily: Vec<PathBuf> = self
            .backups()
            .into_iter()
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(".daily-")))
            .collect();
        if daily.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(&format!(".daily-{today}"))))
        {
            return Ok(());
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        self.backup_to(&dir, "daily")?;
        let mut daily = daily;
        while daily.len() + 1 > kept {
            let oldest = daily.remove(0);
            let _ = std::fs::remove_file(oldest);
        }
        Ok(())
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
}

const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Reads `user_version` through a read-only connection, so a file from a
/// newer build (or not a database at all) is left byte-identical.
fn peek_version(path: &Path) -> Result<i64> {
    // Without a write-ahead log beside it, the file is read as immutable:
    // no lock, and no -wal or -shm created next to a file that may be refused.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let has_wal = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = if has_wal {
        Connection::open_with_flags(path, flags)?
    } else {
        Connection::open_with_flags(immutable_uri(path), flags)?
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
    // Touch the schema so that a non-database file is detected here.
    let tables = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    // Another program's SQLite file: tables, but none of ours. Left alone.
    if version == 0 && tables > 0 {
        let ours: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'organizations')",
            [],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(StoreError::NotADatabase);
        }
    }
    Ok(version)
}

/// `wanted`, or the same name with "-1", "-2"… before ".bak" when taken;
/// created empty so that no other process takes it meanwhile.
fn unique_file(wanted: &Path) -> Result<PathBuf> {
    let name = wanted.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".bak").unwrap_or(&name).to_string();
    for n in 0..1000 {
        let candidate = if n == 0 { wanted.to_path_buf() } else { wanted.with_file_name(format!("{stem}-{n}.bak")) };
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(StoreError::Io { path: candidate, source }),
        }
    }
    Err(StoreError::Io { path: wanted.to_path_buf(), source: std::io::Error::from(std::io::ErrorKind::AlreadyExists) })
}

/// `file:` URI of `path` opened as immutable (percent-encoding what a URI
/// cannot hold as is).
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'.' | b'-' | b'_' | b'~' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Copies the file aside before a migration, consistently (the online
/// backup API reads one snapshot, WAL included) and under a name no other
/// process can take at the same moment.
fn backup_before_migration(path: &Path, version: i64, now: NaiveDateTime) -> Result<()> {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let base = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = unique_file(&path.with_file_name(format!("{base}.v{version}-{stamp}.bak")))?;
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(BUSY_TIMEOUT)?;
    let mut dest = Connection::open(&target)?;
    {
        let backup = rusqlite::backup::Backup::new(&source, &mut dest)?;
        backup.run_to_completion(1000, std::time::Duration::from_millis(0), None)?;
    }
    copy_permissions(path, &target);
    Ok(())
}

#[cfg(unix)]
fn copy_permissions(from: &Path, to: &Path) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(meta) = std::fs::metadata(from) {
        // A backup is readable by exactly whom the file is: same group, same mode.
        let _ = std::os::unix::fs::chown(to, None, Some(meta.gid()));
        let _ = std::fs::set_permissions(to, meta.permissions());
    }
}

#[cfg(not(unix))]
fn copy_permissions(_from: &Path, _to: &Path) {}

#[cfg(unix)]
fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // The file holds an office's internal work: readable by its owner only.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) {}

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
        s.and_then(|s| NaiveDate::parse_from_str(&s, DATE).ok())
    }
    pub fn datetime(d: NaiveDateTime) -> String {
        d.format(DATETIME).to_string()
    }
    pub fn parse_datetime(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, DATETIME).unwrap_or_default()
    }
    /// Comma-separated ids from `group_concat`.
    pub fn ids(s: Option<String>) -> Vec<i64> {
        s.map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default()
    }
}
