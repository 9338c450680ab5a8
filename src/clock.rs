//! The one clock of a run: today's date (the real one, or `--today`) and the
//! time of day. Every date the product writes comes from here, so a run with
//! `--today` writes that day everywhere, and tests run on a fixed clock.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    today: NaiveDate,
    /// A fixed time of day; None reads the wall clock's time.
    time: Option<NaiveTime>,
}

impl Clock {
    /// The machine's date and time.
    pub fn system() -> Clock {
        Clock { today: chrono::Local::now().date_naive(), time: None }
    }

    /// `today` with the wall clock's time of day (`--today`).
    pub fn on(today: NaiveDate) -> Clock {
        Clock { today, time: None }
    }

    /// A clock that never moves, for tests and reproducible demos.
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock { today: at.date(), time: Some(at.time()) }
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Now, to the second, on this clock's day.
    pub fn now(&self) -> NaiveDateTime {
        let t = self.time.unwrap_or_else(|| chrono::Local::now().time());
        self.today.and_hms_opt(t.hour(), t.minute(), t.second()).unwrap_or_default()
    }

    /// Now, to the minute (briefing start and end times).
    pub fn now_minute(&self) -> NaiveDateTime {
        let n = self.now();
        n.with_second(0).unwrap_or(n)
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}
