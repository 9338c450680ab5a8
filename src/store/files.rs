//! The file on disk and the files beside it: opening for reading without
//! leaving anything behind, backups, sharing with a group, owners and modes.

use super::{Result, Store, StoreError, BUSY_TIMEOUT};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Size and modification time of the file and its write-ahead log.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FileStamp(Vec<(u64, Option<std::time::SystemTime>)>);

impl FileStamp {
    pub(super) fn of(path: &Path) -> FileStamp {
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
pub(super) fn open_for_reading(path: &Path) -> Result<(Connection, Option<FileStamp>)> {
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

/// The account that owns a file, by name.
#[cfg(unix)]
pub(super) fn file_owner(path: Option<&Path>) -> Option<String> {
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
pub(super) fn file_owner(_path: Option<&Path>) -> Option<String> {
    None
}

#[cfg(unix)]
pub(super) fn group_id(name: &str) -> Option<u32> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: getgrnam reads the group database; the pointer is checked and
    // only read before another call can reuse its storage.
    unsafe {
        let g = libc::getgrnam(c.as_ptr());
        (!g.is_null()).then(|| (*g).gr_gid)
    }
}

#[cfg(unix)]
pub(super) fn current_uid() -> Option<u32> {
    // SAFETY: getuid has no preconditions and cannot fail.
    Some(unsafe { libc::getuid() })
}

#[cfg(not(unix))]
pub(super) fn current_uid() -> Option<u32> {
    None
}

impl Store {
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
    pub(super) fn daily_backup(&self) -> Result<()> {
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
}

/// Reads `user_version` through a read-only connection, so a file from a
/// newer build (or not a database at all) is left byte-identical.
pub(super) fn peek_version(path: &Path) -> Result<i64> {
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
pub(super) fn unique_file(wanted: &Path) -> Result<PathBuf> {
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
pub(super) fn immutable_uri(path: &Path) -> String {
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
pub(super) fn backup_before_migration(path: &Path, version: i64, now: NaiveDateTime) -> Result<()> {
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
pub(super) fn copy_permissions(from: &Path, to: &Path) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(meta) = std::fs::metadata(from) {
        // A backup is readable by exactly whom the file is: same group, same mode.
        let _ = std::os::unix::fs::chown(to, None, Some(meta.gid()));
        let _ = std::fs::set_permissions(to, meta.permissions());
    }
}

#[cfg(not(unix))]
pub(super) fn copy_permissions(_from: &Path, _to: &Path) {}

#[cfg(unix)]
pub(super) fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // The file holds an office's internal work: readable by its owner only.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
pub(super) fn restrict_permissions(_path: &Path) {}
