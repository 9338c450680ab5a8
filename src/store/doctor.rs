//! `giaoban doctor`: the file's health, and the shared-host rules for the
//! files beside it. `--repair` rebuilds derived data (the search index) and
//! never touches what people entered.

use super::{Result, Store, StoreError, SCHEMA_VERSION};
use crate::i18n::{t, tf};
use std::path::{Path, PathBuf};

/// One thing checked: fine, or a problem, in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub ok: bool,
    pub text: String,
}

fn ok(text: String) -> Finding {
    Finding { ok: true, text }
}

fn problem(text: String) -> Finding {
    Finding { ok: false, text }
}

impl Store {
    /// Checks the file; with `repair`, rebuilds the search index first.
    pub fn doctor(&mut self, repair: bool) -> Result<Vec<Finding>> {
        let mut out = Vec::new();
        if repair {
            self.write(|w| {
                super::search::rebuild(w)?;
                super::daily::fill(w)
            })?;
            out.push(ok(t("doctor.repaired")));
        }
        let integrity: String = self.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        out.push(if integrity == "ok" {
            ok(t("doctor.integrity_ok"))
        } else {
            problem(tf("doctor.integrity_bad", &[("detail", integrity)]))
        });
        let broken: i64 = self.conn().prepare("PRAGMA foreign_key_check")?.query_map([], |_| Ok(()))?.count() as i64;
        out.push(if broken == 0 {
            ok(t("doctor.links_ok"))
        } else {
            problem(tf("doctor.links_bad", &[("n", broken.to_string())]))
        });
        let version: i64 = self.conn().query_row("PRAGMA user_version", [], |r| r.get(0))?;
        out.push(if version == SCHEMA_VERSION {
            ok(tf("doctor.schema_ok", &[("v", version.to_string())]))
        } else {
            problem(tf("doctor.schema_bad", &[("v", version.to_string()), ("want", SCHEMA_VERSION.to_string())]))
        });
        // The files beside are looked at first: comparing a large index
        // with a fresh one (rolled back) leaves its pages in the write-ahead
        // log, which is then not the log the user's work left.
        let beside = self.path().map(|path| files_beside(path, &self.backups()));
        out.push(match self.search_index_current() {
            Ok(true) => ok(t("doctor.index_ok")),
            Ok(false) => problem(t("doctor.index_bad")),
            Err(StoreError::ReadOnly) => ok(t("doctor.index_unchecked")),
            Err(e) => return Err(e),
        });
        if !self.read_only {
            let now = super::daily::dump(self.conn())?;
            let fresh = self.dry_run(|w| {
                super::daily::fill(w)?;
                super::daily::dump(w)
            })?;
            out.push(if now == fresh { ok(t("doctor.days_ok")) } else { problem(t("doctor.days_bad")) });
        }
        out.extend(beside.into_iter().flatten());
        Ok(out)
    }

    /// Whether the search index equals one built afresh from the data
    /// (built inside a transaction that is rolled back).
    fn search_index_current(&mut self) -> Result<bool> {
        let dump = |c: &rusqlite::Connection| -> Result<Vec<String>> {
            let mut stmt = c.prepare(
                "SELECT rowid || '|' || kind || '|' || ref_id || '|' || title || '|' || body || '|' || state
                 FROM search_index
                 UNION ALL SELECT 'open|' || rowid || '|' || kind || '|' || ref_id || '|' || title || '|' || body || '|' || state
                 FROM search_index_open
                 UNION ALL SELECT 'row|' || kind || '|' || ref_id || '|' || row || '|' || open FROM search_index_rows
                 UNION ALL SELECT 'title|' || rowid || '|' || title || '|' || state FROM search_titles
                 UNION ALL SELECT 'title-open|' || rowid || '|' || title || '|' || state FROM search_titles_open
                 ORDER BY 1",
            )?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        // The list of words may hold words no entry has any more (they
        // match nothing); every word of a fresh index must be on it.
        let terms = |c: &rusqlite::Connection| -> Result<std::collections::BTreeSet<String>> {
            let mut stmt = c.prepare("SELECT term FROM search_terms")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<std::result::Result<_, _>>()?)
        };
        let (now, listed) = (dump(self.conn())?, terms(self.conn())?);
        let (fresh, needed) = self.dry_run(|w| {
            super::search::rebuild(w)?;
            Ok((dump(w)?, terms(w)?))
        })?;
        Ok(now == fresh && needed.is_subset(&listed))
    }
}

/// The shared-host rules: sidecars and backups have the file's group and
/// are no more open than the file; a shared file's folder keeps the group
/// (setgid); the write-ahead log is not left to grow; a recent backup exists.
#[cfg(unix)]
fn files_beside(path: &Path, backups: &[PathBuf]) -> Vec<Finding> {
    use std::os::unix::fs::MetadataExt;
    let mut out = Vec::new();
    let Ok(db) = std::fs::metadata(path) else { return out };
    let mode = db.mode() & 0o777;
    out.push(ok(tf("doctor.file", &[("path", path.display().to_string()), ("mode", format!("{mode:o}"))])));
    let mut beside: Vec<PathBuf> =
        ["-wal", "-shm"].iter().map(|s| PathBuf::from(format!("{}{s}", path.display()))).collect();
    beside.extend(backups.iter().cloned());
    for p in beside.iter().filter(|p| p.exists()) {
        let Ok(m) = std::fs::metadata(p) else { continue };
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if m.gid() != db.gid() {
            out.push(problem(tf("doctor.wrong_group", &[("name", name.clone())])));
        }
        if m.mode() & 0o777 & !mode != 0 {
            out.push(problem(tf(
                "doctor.too_open",
                &[("name", name.clone()), ("mode", format!("{:o}", m.mode() & 0o777))],
            )));
        }
    }
    let shared = mode & 0o040 != 0;
    if shared {
        if let Some(dir) = path
            .parent()
            .and_then(|d| std::fs::metadata(if d.as_os_str().is_empty() { Path::new(".") } else { d }).ok())
        {
            if dir.mode() & 0o2000 == 0 || dir.gid() != db.gid() {
                out.push(problem(t("doctor.dir_not_setgid")));
            }
        }
    }
    let wal = std::fs::metadata(format!("{}-wal", path.display())).map_or(0, |m| m.len());
    let mb = wal / (1024 * 1024);
    out.push(if mb < 64 {
        ok(tf("doctor.wal_ok", &[("mb", mb.to_string())]))
    } else {
        problem(tf("doctor.wal_big", &[("mb", mb.to_string())]))
    });
    match backups.last() {
        Some(last) => out.push(ok(tf(
            "doctor.last_backup",
            &[
                ("name", last.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()),
                ("n", backups.len().to_string()),
            ],
        ))),
        None => out.push(problem(t("doctor.no_backup"))),
    }
    out
}

#[cfg(not(unix))]
fn files_beside(_path: &Path, _backups: &[PathBuf]) -> Vec<Finding> {
    Vec::new()
}
