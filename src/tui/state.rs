//! State the screens, popups and forms share, apart from the application
//! that owns it: which screen is up, the lookups and settings every view
//! reads, the filter in force and the briefing's running item. Views draw
//! from these values; only `app` changes them.

use super::keymap::{Keymap, Mode};
use super::theme::Theme;
use crate::domain::{Organization, PendingKind, Person, Settings, TaskKind, TaskStatus};
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Agenda,
    Boards,
    Pending,
    Meetings,
    Overview,
}

impl Screen {
    pub const ALL: [Screen; 5] = [Screen::Agenda, Screen::Boards, Screen::Pending, Screen::Meetings, Screen::Overview];

    pub fn mode(self) -> Mode {
        match self {
            Screen::Agenda => Mode::Agenda,
            Screen::Boards => Mode::Board,
            Screen::Pending => Mode::Pending,
            Screen::Meetings => Mode::Meetings,
            Screen::Overview => Mode::Overview,
        }
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Agenda => "screen.agenda",
            Screen::Boards => "screen.boards",
            Screen::Pending => "screen.pending",
            Screen::Meetings => "screen.meetings",
            Screen::Overview => "screen.overview",
        }
    }
}

/// The filter in force on boards and lists, resolved against the data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActiveFilter {
    /// As the user typed it; shown in the header.
    pub raw: String,
    pub org_id: Option<i64>,
    pub person_id: Option<i64>,
    pub place: Option<String>,
    pub overdue: bool,
    pub due_within: Option<i64>,
    pub statuses: Vec<TaskStatus>,
    pub task_kinds: Vec<TaskKind>,
    pub pending_kinds: Vec<PendingKind>,
    pub words: Vec<String>,
}

/// What every view reads: today, lookups, theme and keys.
pub struct Shared {
    pub today: NaiveDate,
    pub theme: Theme,
    pub keymap: Keymap,
    pub settings: Settings,
    pub orgs: Vec<Organization>,
    pub people: HashMap<i64, Person>,
    /// Places already used on tasks, to match what is typed against.
    pub places: Vec<String>,
    pub read_only: bool,
    pub filter: Option<ActiveFilter>,
}

impl Shared {
    pub fn org(&self, id: i64) -> Option<&Organization> {
        self.orgs.iter().find(|o| o.id == id)
    }
    pub fn org_code(&self, id: i64) -> String {
        self.org(id).map(|o| o.code.clone()).unwrap_or_default()
    }
    pub fn org_short(&self, id: i64) -> String {
        self.org(id)
            .map(|o| if o.short_name.is_empty() { o.code.clone() } else { o.short_name.clone() })
            .unwrap_or_default()
    }
    pub fn person_name(&self, id: i64) -> String {
        self.people.get(&id).map(|p| p.full_name.clone()).unwrap_or_default()
    }
}

/// The agenda item being discussed, and since when (for the timer).
#[derive(Debug, Clone, Copy)]
pub struct Running {
    pub item_id: i64,
    pub since: std::time::Instant,
}
