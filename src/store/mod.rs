//! The only place that speaks SQL. Every user action is one transaction.

mod history;
mod meetings;
mod orgs;
mod pending;
mod schema;
pub mod search;
mod status;
mod tasks;

pub use history::HistoryEntry;
pub use schema::SCHEMA_VERSION;
pub use search::{SearchHit, SearchKind};
pub use status::{BoardCounts, OrgCounts, StatusReport};
pub use tasks::TaskFilter;

use crate::domain::DomainError;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
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
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("changed by someone else")]
    ChangedElsewhere,
    #[error("the database already has data")]
    DemoRefused,
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
            StoreError::NothingToUndo => t("err.nothing_to_undo"),
            StoreError::ChangedElsewhere => t("err.changed_elsewhere"),
            StoreError::DemoRefused => t("demo.refused"),
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
}

impl Store {
    /// Opens (creating if needed) the database at `path`, migrating an older
    /// schema after copying the file aside. A file from a newer build is
    /// refused before anything is written to it. A file the user may not
    /// write opens read-only.
    pub fn open(path: &Path) -> Result<Store> {
        let exists = path.exists();
        if !exists {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
            }
        }
        if exists {
            let version = peek_version(path)?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
            }
            let writable = std::fs::OpenOptions::new().write(true).open(path).is_ok();
            if !writable {
                if version < SCHEMA_VERSION {
                    return Err(StoreError::ReadOnly);
                }
                return Store::open_read_only(path);
            }
            if version > 0 && version < SCHEMA_VERSION {
                backup_before_migration(path, version)?;
            }
        }
        let conn = Connection::open(path).map_err(StoreError::from)?;
        if !exists {
            restrict_permissions(path);
        }
        let mut store = Store { conn, read_only: false, path: Some(path.to_path_buf()) };
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
            // An older file would need a migration, which read-only cannot do.
            return Err(StoreError::ReadOnly);
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Store { conn, read_only: true, path: Some(path.to_path_buf()) })
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, read_only: false, path: None };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if self.path.is_some() {
            let _mode: String = self.conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: version, supported: SCHEMA_VERSION });
        }
        schema::migrate(&mut self.conn, version)?;
        self.seed_organizations()?;
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
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction, i64) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action_id: i64 = tx.query_row("SELECT COALESCE(MAX(action_id), 0) + 1 FROM history", [], |r| r.get(0))?;
        let value = f(&tx, action_id)?;
        tx.commit()?;
        Ok(value)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Reads `user_version` through a read-only connection, so a file from a
/// newer build (or not a database at all) is left byte-identical.
fn peek_version(path: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
    // Touch the schema so that a non-database file is detected here.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    Ok(version)
}

fn backup_before_migration(path: &Path, version: i64) -> Result<()> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".v{version}-{stamp}.bak"));
    let target = path.with_file_name(name);
    // Checkpoint-free copy: a WAL sidecar is copied along with the main file.
    std::fs::copy(path, &target).map_err(|source| StoreError::Io { path: target.clone(), source })?;
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if wal.exists() {
        let wal_target = PathBuf::from(format!("{}-wal", target.display()));
        std::fs::copy(&wal, &wal_target).map_err(|source| StoreError::Io { path: wal_target, source })?;
    }
    Ok(())
}

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
    pub fn now() -> String {
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
    }
    /// Comma-separated ids from `group_concat`.
    pub fn ids(s: Option<String>) -> Vec<i64> {
        s.map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default()
    }
}
