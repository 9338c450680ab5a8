//! The register of document numbers: "Số: 05/BB-KMTTQ". Each type of
//! document has its own sequence per year; a number, once given to a
//! document, stays with it, so writing the same minutes again prints the
//! same number.

use super::{Result, Store, StoreError, Write};
use rusqlite::OptionalExtension;

impl Store {
    /// The number given to `subject` ("meeting:12") for documents of `kind`
    /// ("BB"), with its year.
    pub fn document_number(&self, kind: &str, subject: &str) -> Result<Option<(i32, i64)>> {
        Ok(self
            .row("SELECT year, number FROM document_numbers WHERE kind = ?1 AND subject = ?2", [kind, subject], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }
}

impl Write<'_> {
    /// Gives `subject` its number in the sequence of `kind` for `year`: the
    /// one it already has, else `wanted` (a number from the office's own
    /// register), else the next free one. A number held by another document
    /// of the same type and year is refused.
    pub fn issue_number(&self, kind: &str, subject: &str, year: i32, wanted: Option<i64>) -> Result<i64> {
        let had = self.store().document_number(kind, subject)?;
        match (had, wanted) {
            (Some((_, n)), None) => return Ok(n),
            (Some((y, n)), Some(w)) if y == year && n == w => return Ok(n),
            _ => {}
        }
        let number = match wanted {
            Some(n) => {
                let holder: Option<String> = self
                    .query_row(
                        "SELECT subject FROM document_numbers WHERE kind = ?1 AND year = ?2 AND number = ?3",
                        rusqlite::params![kind, year, n],
                        |r| r.get(0),
                    )
                    .optional()?;
                if holder.is_some_and(|h| h != subject) {
                    return Err(StoreError::NumberTaken { kind: kind.to_string(), year, number: n });
                }
                n
            }
            None => self.query_row(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM document_numbers WHERE kind = ?1 AND year = ?2",
                rusqlite::params![kind, year],
                |r| r.get(0),
            )?,
        };
        self.execute("DELETE FROM document_numbers WHERE kind = ?1 AND subject = ?2", [kind, subject])?;
        self.execute(
            "INSERT INTO document_numbers (kind, year, number, subject, issued_on, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![kind, year, number, subject, self.today().to_string(), self.store().who.actor],
        )?;
        Ok(number)
    }
}
