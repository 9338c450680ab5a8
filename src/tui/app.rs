//! Application state and the one place that turns actions into changes:
//! key -> keymap -> Action -> `App::apply` -> store -> `draw` reads state.

use super::keymap::{is_text_mode, Action, Key, KeyCode2, Keymap, Mode};
use super::theme::Theme;
use super::views::{
    agenda::AgendaView, board::BoardView, detail::Detail, meetings::MeetingsView,
    pending::PendingView, search::SearchPopup,
};
use crate::domain::{Organization, Person, Settings};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyEvent, KeyEventKind};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Agenda,
    Boards,
    Pending,
    Meetings,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Agenda,
        Screen::Boards,
        Screen::Pending,
        Screen::Meetings,
    ];

    pub fn mode(self) -> Mode {
        match self {
            Screen::Agenda => Mode::Agenda,
            Screen::Boards => Mode::Board,
            Screen::Pending => Mode::Pending,
            Screen::Meetings => Mode::Meetings,
        }
    }

    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Agenda => "screen.agenda",
            Screen::Boards => "screen.boards",
            Screen::Pending => "screen.pending",
            Screen::Meetings => "screen.meetings",
        }
    }
}

/// Overlays that own the keyboard while open, topmost last.
pub enum Popup {
    Help { scroll: usize },
    Detail(Detail),
    Search(SearchPopup),
}

/// What every view reads: today, lookups, theme and keys.
pub struct Shared {
    pub today: NaiveDate,
    pub theme: Theme,
    pub keymap: Keymap,
    pub settings: Settings,
    pub orgs: Vec<Organization>,
    pub people: HashMap<i64, Person>,
    pub read_only: bool,
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
            .map(|o| o.short_name.clone())
            .unwrap_or_default()
    }
    pub fn person_name(&self, id: i64) -> String {
        self.people
            .get(&id)
            .map(|p| p.full_name.clone())
            .unwrap_or_default()
    }
}

pub struct App {
    pub store: Store,
    pub shared: Shared,
    pub screen: Screen,
    pub popups: Vec<Popup>,
    pub agenda: AgendaView,
    pub boards: BoardView,
    pub pending: PendingView,
    pub meetings: MeetingsView,
    /// One line shown in the footer until the next key.
    pub message: Option<(String, bool)>,
    pub quit: bool,
    data_version: i64,
    stale: [bool; 4],
}

impl App {
    pub fn new(
        store: Store,
        today: NaiveDate,
        keymap: Keymap,
        theme: Theme,
    ) -> Result<App, StoreError> {
        let read_only = store.is_read_only();
        let shared = Shared {
            today,
            theme,
            keymap,
            settings: Settings::default(),
            orgs: Vec::new(),
            people: HashMap::new(),
            read_only,
        };
        let mut app = App {
            store,
            shared,
            screen: Screen::Agenda,
            popups: Vec::new(),
            agenda: AgendaView::default(),
            boards: BoardView::default(),
            pending: PendingView::default(),
            meetings: MeetingsView::default(),
            message: None,
            quit: false,
            data_version: 0,
            stale: [true; 4],
        };
        app.reload_all()?;
        Ok(app)
    }

    fn screen_index(s: Screen) -> usize {
        Screen::ALL.iter().position(|x| *x == s).unwrap_or(0)
    }

    /// Reloads the lookups and the visible screen; the others on showing.
    pub fn reload_all(&mut self) -> Result<(), StoreError> {
        self.shared.settings = self.store.settings()?;
        self.shared.orgs = self.store.active_organizations()?;
        self.shared.people = self
            .store
            .people()?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        self.stale = [true; 4];
        self.data_version = self.store.data_version()?;
        self.load_visible()?;
        for p in &mut self.popups {
            match p {
                Popup::Detail(d) => d.reload(&self.store, &self.shared)?,
                Popup::Search(s) => s.rerun(&self.store)?,
                Popup::Help { .. } => {}
            }
        }
        Ok(())
    }

    fn load_visible(&mut self) -> Result<(), StoreError> {
        let i = Self::screen_index(self.screen);
        if !self.stale[i] {
            return Ok(());
        }
        match self.screen {
            Screen::Agenda => self.agenda.load(&self.store, &self.shared)?,
            Screen::Boards => self.boards.load(&self.store, &self.shared)?,
            Screen::Pending => self.pending.load(&self.store, &self.shared)?,
            Screen::Meetings => self.meetings.load(&self.store, &self.shared)?,
        }
        self.stale[i] = false;
        Ok(())
    }

    /// Reloads only when another connection (or this one) committed since
    /// the last look: `PRAGMA data_version` is a cheap check.
    /// Returns whether anything changed on screen.
    pub fn refresh_if_changed(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.data_version => {
                if let Err(e) = self.reload_all() {
                    self.message = Some((e.message(), true));
                }
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.message = Some((e.message(), true));
                true
            }
        }
    }

    /// The mode whose keys apply now: the top popup's, else the screen's.
    pub fn mode(&self) -> Mode {
        match self.popups.last() {
            Some(Popup::Help { .. }) => Mode::Help,
            Some(Popup::Detail(_)) => Mode::Detail,
            Some(Popup::Search(_)) => Mode::Search,
            None => self.screen.mode(),
        }
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(k),
            Event::Paste(text) => {
                if let Some(Popup::Search(s)) = self.popups.last_mut() {
                    s.input.insert_str(&text);
                    if let Err(e) = s.rerun(&self.store) {
                        self.message = Some((e.message(), true));
                    }
                }
            }
            _ => {}
        }
    }

    pub fn handle_key(&mut self, ev: KeyEvent) {
        self.message = None;
        let Some(key) = Key::from_event(&ev) else {
            return;
        };
        let mode = self.mode();
        // Text fields take printable characters before any binding.
        if is_text_mode(mode) && !key.ctrl && !key.alt {
            if let Some(Popup::Search(s)) = self.popups.last_mut() {
                if s.edit(&key) {
                    if let Err(e) = s.rerun(&self.store) {
                        self.message = Some((e.message(), true));
                    }
                    return;
                }
            }
        }
        match self.shared.keymap.action(mode, &key) {
            Some(action) => self.apply(action),
            None if matches!(key.code, KeyCode2::Char(_)) => {}
            None => {}
        }
    }

    pub fn apply(&mut self, action: Action) {
        if let Err(e) = self.try_apply(action) {
            self.message = Some((e.message(), true));
        }
    }

    fn try_apply(&mut self, action: Action) -> Result<(), StoreError> {
        if let Some(popup) = self.popups.last_mut() {
            match popup {
                Popup::Help { scroll } => match action {
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::Down => *scroll += 1,
                    Action::PageUp => *scroll = scroll.saturating_sub(10),
                    Action::PageDown => *scroll += 10,
                    Action::Back | Action::Help => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    _ => {}
                },
                Popup::Detail(d) => match action {
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    other => d.scroll(other),
                },
                Popup::Search(s) => match action {
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    Action::Open => {
                        if let Some(hit) = s.selected_hit().cloned() {
                            self.popups.pop();
                            self.jump_to(&hit)?;
                        }
                    }
                    other => s.navigate(other),
                },
            }
            return Ok(());
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.popups.push(Popup::Help { scroll: 0 }),
            Action::Search => self.popups.push(Popup::Search(SearchPopup::default())),
            Action::NextScreen | Action::PrevScreen => {
                let i = Self::screen_index(self.screen) as i64;
                let d = if action == Action::NextScreen { 1 } else { -1 };
                self.show(Screen::ALL[(i + d).rem_euclid(4) as usize])?;
            }
            Action::GoAgenda => self.show(Screen::Agenda)?,
            Action::GoBoards => self.show(Screen::Boards)?,
            Action::GoPending => self.show(Screen::Pending)?,
            Action::GoMeetings => self.show(Screen::Meetings)?,
            Action::Refresh => self.reload_all()?,
            Action::Open => {
                let subject = match self.screen {
                    Screen::Agenda => self.agenda.selected_subject(),
                    Screen::Boards => self.boards.selected_subject(),
                    Screen::Pending => self.pending.selected_subject(),
                    Screen::Meetings => self.meetings.selected_subject(),
                };
                if let Some(subject) = subject {
                    self.popups.push(Popup::Detail(Detail::open(
                        subject,
                        &self.store,
                        &self.shared,
                    )?));
                }
            }
            Action::Back => {}
            other => match self.screen {
                Screen::Agenda => self.agenda.navigate(other),
                Screen::Boards => {
                    if self.boards.navigate(other) {
                        self.boards.load(&self.store, &self.shared)?;
                    }
                }
                Screen::Pending => {
                    if self.pending.navigate(other, &self.shared) {
                        self.pending.load(&self.store, &self.shared)?;
                    }
                }
                Screen::Meetings => self.meetings.navigate(other),
            },
        }
        Ok(())
    }

    pub fn show(&mut self, screen: Screen) -> Result<(), StoreError> {
        self.screen = screen;
        self.load_visible()
    }

    /// Opens a search hit in its own screen with it selected.
    fn jump_to(&mut self, hit: &crate::store::SearchHit) -> Result<(), StoreError> {
        use super::views::detail::Subject;
        use crate::store::SearchKind as K;
        match hit.kind {
            K::Task | K::Note => {
                let id = if hit.kind == K::Note {
                    hit.parent_id.unwrap_or(hit.id)
                } else {
                    hit.id
                };
                let task = self.store.task(id)?;
                self.show(Screen::Boards)?;
                self.boards.focus_task(&task, &self.store, &self.shared)?;
            }
            K::Pending => {
                let item = self.store.pending_item(hit.id)?;
                self.show(Screen::Pending)?;
                self.pending.focus(&item, &self.store, &self.shared)?;
            }
            K::Agenda => {
                let meeting = hit.parent_id.unwrap_or(0);
                self.show(Screen::Agenda)?;
                if !self.agenda.focus_item(hit.id) {
                    self.show(Screen::Meetings)?;
                    self.meetings.focus(meeting);
                    self.popups.push(Popup::Detail(Detail::open(
                        Subject::Meeting(meeting),
                        &self.store,
                        &self.shared,
                    )?));
                }
            }
            K::Meeting => {
                self.show(Screen::Meetings)?;
                self.meetings.focus(hit.id);
            }
            K::Organization => {
                self.show(Screen::Boards)?;
                self.boards.focus_org(hit.id, &self.store, &self.shared)?;
            }
            K::Person => {
                self.popups.push(Popup::Detail(Detail::open(
                    Subject::Person(hit.id),
                    &self.store,
                    &self.shared,
                )?));
            }
        }
        Ok(())
    }
}
