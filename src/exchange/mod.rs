//! Data in and out: the lossless JSON export of every record and its
//! import (a restore into an empty database, or a merge), and the task
//! lists offices keep in spreadsheets, read and written.

pub mod grid;
pub mod import;
mod tasks_out;

pub use tasks_out::export_tasks;

use crate::i18n::{t, tf};
use crate::store::{parse_dump, DumpError, MergeReport, Store, StoreError};

/// Why an import did not happen.
#[derive(Debug)]
pub enum ImportError {
    /// The file cannot be used as it is (one sentence, the user's language).
    Refused(String),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::Refused(s) => s.clone(),
            ImportError::Store(e) => e.message(),
        }
    }
}

/// Every record as JSON, the same data always in the same bytes.
pub fn export_json(store: &Store) -> Result<Vec<u8>, StoreError> {
    let mut out = Vec::new();
    store.dump_json(&mut out)?;
    Ok(out)
}

/// What an import of an export did.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonImported {
    /// Restored into an empty database: this many rows.
    Restored(usize),
    Merged(MergeReport),
}

/// Imports an export: into a database without data of its own, exactly;
/// into one with data only with `merge`, adding what it lacks. One
/// transaction either way.
pub fn import_json(store: &mut Store, bytes: &[u8], merge: bool) -> Result<JsonImported, ImportError> {
    let dump = parse_dump(bytes).map_err(|e| {
        ImportError::Refused(match e {
            DumpError::Foreign => t("import.foreign"),
            DumpError::Newer { found, supported } => {
                tf("import.newer", &[("found", found.to_string()), ("supported", supported.to_string())])
            }
            DumpError::Damaged(what) => tf("import.damaged", &[("what", what)]),
        })
    })?;
    if merge {
        return Ok(JsonImported::Merged(store.write(|w| w.merge_dump(&dump))?));
    }
    if !store.is_empty_of_data()? {
        return Err(ImportError::Refused(t("import.not_empty")));
    }
    Ok(JsonImported::Restored(store.write(|w| w.restore_dump(&dump))?))
}
