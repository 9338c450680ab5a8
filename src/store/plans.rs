//! What SQLite does for the queries the screens run: every statement a
//! connection runs can be recorded, parameters bound, and each one's plan
//! read with EXPLAIN QUERY PLAN, so that a check can see that the screens
//! look records up by an index instead of reading a table of the history.

use super::{Result, Store};
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use std::sync::{Arc, Mutex};

/// The statements run since recording began, in order, with their
/// parameters in place (as `sqlite3_expanded_sql` writes them).
pub type Recorded = Arc<Mutex<Vec<String>>>;

impl Store {
    /// Starts recording every statement this connection runs into the list
    /// returned (statements started by triggers are left out).
    #[doc(hidden)]
    pub fn record_statements(&mut self) -> Result<Recorded> {
        let sink: Recorded = Arc::default();
        let into = Arc::clone(&sink);
        self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |ev: TraceEvent<'_>| {
                if let TraceEvent::Stmt(stmt, text) = ev {
                    if text.starts_with("--") {
                        return;
                    }
                    let sql = stmt.expanded_sql().unwrap_or_else(|| text.to_string());
                    if let Ok(mut v) = into.lock() {
                        v.push(sql);
                    }
                }
            }),
        )?;
        Ok(sink)
    }

    /// Stops recording.
    #[doc(hidden)]
    pub fn stop_recording(&mut self) -> Result<()> {
        self.conn.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)?;
        Ok(())
    }

    /// The plan of one statement, a line per step ("SEARCH tasks USING
    /// INDEX …", "SCAN history"); its parameters, if any, bound to a day.
    #[doc(hidden)]
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let args = vec!["2026-01-01"; stmt.parameter_count()];
        let lines = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(lines)
    }
}
