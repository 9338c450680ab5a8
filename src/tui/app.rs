//! Application state and the one place that turns actions into changes:
//! key -> keymap -> Action -> `App::apply` -> store -> `draw` reads state.

use super::forms::FormPopup;
use super::keymap::{is_text_mode, Action, Key, KeyCode2, Keymap, Mode};
pub use super::state::{ActiveFilter, Running, Screen, Shared};
use super::theme::Theme;
use super::views::menu::{Confirm, Menu, MenuPurpose};
use super::views::prompt::{Prompt, PromptKind};
use super::views::rollcall::RollCall;
use super::views::{
    agenda::AgendaView, board::BoardView, detail::Detail, meetings::MeetingsView, pending::PendingView,
    search::SearchPopup,
};
use crate::domain::{FilterError, FilterSpec, PendingKind, Person, Settings, TaskKind};
use crate::i18n::tf;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEventKind};
use std::collections::HashMap;

/// Overlays that own the keyboard while open, topmost last.
pub enum Popup {
    Help { scroll: usize },
    Detail(Detail),
    Search(SearchPopup),
    Prompt(Prompt),
    Menu(Menu),
    Confirm(Confirm),
    RollCall(RollCall),
    Review(super::views::review::Review),
    Form(FormPopup),
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
    pub overview: super::views::overview::OverviewView,
    /// One line shown in the footer until the next key.
    pub message: Option<(String, bool)>,
    pub quit: bool,
    /// The agenda item being discussed in a live briefing.
    pub running: Option<Running>,
    /// A save that found the file locked by another writer: the key that
    /// asked for it, tried again on the next tick until it goes through or
    /// Esc gives up. Nothing typed is lost meanwhile, and the screen never
    /// freezes (the store waits only briefly).
    retry: Option<KeyEvent>,
    /// Set by a write refused as locked during the key being handled.
    pub(crate) waiting: bool,
    /// The last agenda item stepped to, so that `n` continues after it even
    /// once the agenda ran out and items were added.
    pub last_discussed: Option<i64>,
    data_version: i64,
    stale: [bool; 5],
    /// The documents the open document menu offers.
    pub(crate) doc_choices: Vec<crate::ops::export::Request>,
    /// The document waiting for its file name.
    pub(crate) produced: Option<crate::ops::export::Produced>,
    /// The spreadsheet import waiting for confirmation.
    pub(crate) import_plan: Option<crate::exchange::import::Plan>,
}

impl App {
    pub fn new(mut store: Store, today: NaiveDate, keymap: Keymap, theme: Theme) -> Result<App, StoreError> {
        // Everything this session writes is dated on its day (`--today`).
        if store.clock().today() != today {
            store.set_clock(crate::clock::Clock::on(today));
        }
        let read_only = store.is_read_only();
        let shared = Shared {
            today,
            theme,
            keymap,
            settings: Settings::default(),
            orgs: Vec::new(),
            people: HashMap::new(),
            places: Vec::new(),
            read_only,
            filter: None,
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
            overview: Default::default(),
            message: None,
            quit: false,
            running: None,
            last_discussed: None,
            retry: None,
            waiting: false,
            data_version: 0,
            stale: [true; 5],
            doc_choices: Vec::new(),
            produced: None,
            import_plan: None,
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
        self.shared.people = self.store.people()?.into_iter().map(|p| (p.id, p)).collect();
        self.shared.places = self.store.places()?;
        self.stale = [true; 5];
        self.data_version = self.store.data_version()?;
        self.load_visible()?;
        self.reload_popups()
    }

    /// Refreshes what an executed intent changed: the screens that show
    /// those records (the others when next shown), and the lookups only
    /// when organizations, people or settings changed.
    pub(crate) fn after_change(&mut self, changes: &crate::ops::Changes) -> Result<(), StoreError> {
        use crate::ops::Entity as E;
        if !changes.undone.is_empty() || [E::Organization, E::Person, E::Setting].iter().any(|e| changes.touches(*e)) {
            return self.reload_all();
        }
        if changes.touches(E::Task) {
            self.shared.places = self.store.places()?;
        }
        for c in &changes.changes {
            let screens: &[Screen] = match c.entity {
                E::Meeting | E::AgendaItem | E::Attendance => &[Screen::Agenda, Screen::Meetings, Screen::Overview],
                E::Task | E::Note | E::Target | E::Value => {
                    &[Screen::Agenda, Screen::Boards, Screen::Meetings, Screen::Overview]
                }
                E::Pending => &[Screen::Agenda, Screen::Pending, Screen::Meetings, Screen::Overview],
                E::Organization | E::Person | E::Setting => &[],
            };
            for s in screens {
                self.stale[Self::screen_index(*s)] = true;
            }
        }
        self.load_visible()?;
        self.reload_popups()
    }

    fn reload_popups(&mut self) -> Result<(), StoreError> {
        for p in &mut self.popups {
            match p {
                Popup::Detail(d) => d.reload(&self.store, &self.shared)?,
                Popup::Search(s) => s.rerun(&self.store)?,
                Popup::RollCall(r) => r.reload(&self.store, &self.shared)?,
                Popup::Review(r) => r.reload(&self.store, &self.shared)?,
                Popup::Help { .. } | Popup::Prompt(_) | Popup::Menu(_) | Popup::Confirm(_) | Popup::Form(_) => {}
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
            Screen::Overview => self.overview.load(&self.store, &self.shared)?,
        }
        self.stale[i] = false;
        Ok(())
    }

    /// Reloads only when another connection (or this one) committed since
    /// the last look: `PRAGMA data_version` is a cheap check.
    /// Returns whether anything changed on screen.
    pub fn refresh_if_changed(&mut self) -> bool {
        // A reader on a snapshot follows the file on disk instead.
        match self.store.refresh_snapshot() {
            Ok(true) => {
                if let Err(e) = self.reload_all() {
                    self.message = Some((e.message(), true));
                }
                return true;
            }
            Ok(false) => {}
            Err(e) => {
                self.message = Some((e.message(), true));
                return true;
            }
        }
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
            Some(Popup::Prompt(_)) => Mode::Prompt,
            Some(Popup::Menu(_)) => Mode::Menu,
            Some(Popup::Confirm(_)) => Mode::Confirm,
            Some(Popup::RollCall(_)) => Mode::RollCall,
            Some(Popup::Review(_)) => Mode::Review,
            Some(Popup::Form(_)) => Mode::Form,
            None => self.screen.mode(),
        }
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key_waiting(k),
            // With `mouse = true` in the config, the wheel scrolls what has the keys.
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollUp if self.mode() != Mode::Form => self.apply(Action::Up),
                MouseEventKind::ScrollDown if self.mode() != Mode::Form => self.apply(Action::Down),
                _ => {}
            },
            Event::Paste(text) => match self.popups.last_mut() {
                Some(Popup::Search(s)) => {
                    s.input.insert_str(&text);
                    if let Err(e) = s.rerun(&self.store) {
                        self.message = Some((e.message(), true));
                    }
                }
                Some(Popup::Prompt(p)) => p.input.insert_str(&text),
                Some(Popup::Form(fp)) => fp.form.paste(&text),
                _ => {}
            },
            _ => {}
        }
    }

    /// A key, with the waiting for a locked file around it: Esc while a save
    /// waits gives up (keeping what was typed); a save refused as locked
    /// waits and is tried again on the next tick.
    pub fn handle_key_waiting(&mut self, ev: KeyEvent) {
        if self.retry.is_some() && ev.code == crossterm::event::KeyCode::Esc {
            self.retry = None;
            self.message = Some((crate::i18n::t("tui.gave_up_waiting"), true));
            return;
        }
        self.waiting = false;
        self.handle_key(ev);
        if std::mem::take(&mut self.waiting) {
            self.retry = Some(ev);
            self.message = Some((crate::i18n::t("tui.waiting"), true));
        } else if self.retry.is_some_and(|r| r == ev) {
            self.retry = None;
        }
    }

    /// Called on every tick of the event loop: a waiting save tries again.
    pub fn tick(&mut self) {
        if let Some(ev) = self.retry.take() {
            self.handle_key_waiting(ev);
        }
    }

    pub fn handle_key(&mut self, ev: KeyEvent) {
        self.message = None;
        let Some(key) = Key::from_event(&ev) else {
            return;
        };
        let mode = self.mode();
        // A form takes every key but its own bindings (save, quit).
        if mode == Mode::Form {
            match self.shared.keymap.action(mode, &key) {
                Some(Action::Save) => {
                    let today = self.shared.today;
                    if let Some(Popup::Form(fp)) = self.popups.last_mut() {
                        if fp.form.try_submit(today) == super::form::FormOutcome::Submit {
                            self.apply(Action::Save);
                        }
                    }
                }
                // Quitting from a form first asks about unsaved changes.
                // A second quit at the "discard changes?" question quits.
                Some(Action::Quit) if matches!(self.popups.last(), Some(Popup::Form(fp)) if fp.form.confirming_discard()) =>
                {
                    self.quit = true;
                }
                Some(Action::Quit) => {
                    let esc = Key { code: KeyCode2::Esc, ctrl: false, alt: false };
                    if let Err(e) = self.form_key(&esc) {
                        self.message = Some((e.message(), true));
                    }
                }
                _ => {
                    if let Err(e) = self.form_key(&key) {
                        self.message = Some((e.message(), true));
                    }
                }
            }
            return;
        }
        // Digits pick a menu option directly.
        if let (Some(Popup::Menu(m)), KeyCode2::Char(c)) = (self.popups.last_mut(), key.code) {
            if m.pick_digit(c) {
                self.apply(Action::Open);
                return;
            }
        }
        // Text fields take printable characters before any binding.
        // Typed characters always go into the text; other keys only when
        // no action claims them (Enter, Tab, Up/Down, Esc keep their meaning).
        let printable = matches!(key.code, KeyCode2::Char(_)) && !key.ctrl && !key.alt;
        if is_text_mode(mode) && (printable || self.shared.keymap.action(mode, &key).is_none()) {
            match self.popups.last_mut() {
                Some(Popup::Search(s)) => {
                    let edited = s.edit(&key);
                    if edited {
                        if let Err(e) = s.rerun(&self.store) {
                            self.message = Some((e.message(), true));
                        }
                        return;
                    }
                }
                Some(Popup::Prompt(p)) => {
                    let edited = p.edit(&key);
                    if edited {
                        return;
                    }
                }
                _ => {}
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
                    Action::Status
                    | Action::Delete
                    | Action::Edit
                    | Action::Note
                    | Action::Target
                    | Action::Actual
                    | Action::Entries => {
                        let subject = d.subject;
                        self.subject_action(subject, action)?;
                    }
                    Action::Undo => {
                        self.edit_action(Action::Undo)?;
                    }
                    other => d.scroll(other),
                },
                Popup::Menu(m) => match action {
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    Action::Open => {
                        let (purpose, value) = (m.purpose, m.value());
                        // Lists of records stay open behind their forms.
                        if !matches!(purpose, MenuPurpose::People | MenuPurpose::Orgs | MenuPurpose::Entries(_)) {
                            self.popups.pop();
                        }
                        if let Some(v) = value {
                            self.choose(purpose, v)?;
                        }
                    }
                    Action::Add | Action::Edit | Action::Delete => {
                        let (purpose, value) = (m.purpose, m.value());
                        self.menu_edit(purpose, action, value)?;
                    }
                    other => m.navigate(other),
                },
                Popup::Confirm(c) => match action {
                    Action::Yes => {
                        let then = c.then.clone();
                        self.popups.pop();
                        self.confirmed(then)?;
                    }
                    Action::No | Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    _ => {}
                },
                Popup::Form(_) => match action {
                    Action::Save => self.submit_form()?,
                    Action::Quit => self.quit = true,
                    _ => {}
                },
                Popup::RollCall(r) => match action {
                    Action::Back => {
                        self.popups.pop();
                        self.reload_all()?;
                    }
                    Action::Quit => self.quit = true,
                    Action::Toggle => self.toggle_presence()?,
                    Action::AllPresent => self.all_present()?,
                    Action::Edit => self.edit_presence(),
                    Action::Chair | Action::Secretary => {
                        let meeting = r.meeting_id;
                        self.pick_officer(meeting, action == Action::Chair)?;
                    }
                    other => r.navigate(other),
                },
                Popup::Review(r) => match action {
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    Action::Done | Action::Edit | Action::Answer | Action::Note | Action::Open => {
                        if let Some(row) = r.current().cloned() {
                            self.review_action(row, action)?;
                        }
                    }
                    other => r.navigate(other),
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
                Popup::Prompt(p) => match action {
                    // In a live briefing the conclusion line is what matters most: ask first.
                    Action::Back if p.holds_typed_work() => {
                        self.popups.push(Popup::Confirm(Confirm {
                            question: crate::i18n::t("form.discard"),
                            then: super::views::menu::Confirmed::DiscardPrompt,
                        }));
                    }
                    Action::Back => {
                        self.popups.pop();
                    }
                    Action::Quit => self.quit = true,
                    Action::Expand => {
                        let (kind, value) = (p.kind, p.input.value().to_string());
                        let purpose = match kind {
                            PromptKind::QuickAdd { org_id } => Some(super::forms::FormPurpose::NewTask {
                                board: org_id,
                                meeting_id: None,
                                item_id: None,
                            }),
                            PromptKind::Conclusion { meeting_id, item_id } => {
                                Some(super::forms::FormPurpose::NewTask {
                                    board: None,
                                    meeting_id: Some(meeting_id),
                                    item_id,
                                })
                            }
                            _ => None,
                        };
                        if let Some(purpose) = purpose {
                            self.popups.pop();
                            self.expand_quick(&value, purpose)?;
                        }
                    }
                    Action::Open => {
                        let (kind, value) = (p.kind, p.input.value().to_string());
                        // What the prompt opens next sits above it: close the prompt itself.
                        let at = self.popups.len() - 1;
                        match self.submit_prompt(kind, &value) {
                            Ok(()) => {
                                if matches!(self.popups.get(at), Some(Popup::Prompt(_))) {
                                    self.popups.remove(at);
                                }
                            }
                            Err(msg) => {
                                if let Some(Popup::Prompt(p)) = self.popups.last_mut() {
                                    p.error = Some(msg);
                                }
                            }
                        }
                    }
                    _ => {}
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
                self.show(Screen::ALL[(i + d).rem_euclid(Screen::ALL.len() as i64) as usize])?;
            }
            Action::GoAgenda => self.show(Screen::Agenda)?,
            Action::GoBoards => self.show(Screen::Boards)?,
            Action::GoPending => self.show(Screen::Pending)?,
            Action::GoMeetings => self.show(Screen::Meetings)?,
            Action::GoOverview => self.show(Screen::Overview)?,
            Action::Refresh => self.reload_all()?,
            Action::Filter => {
                let current = self.shared.filter.as_ref().map(|f| f.raw.clone()).unwrap_or_default();
                self.popups.push(Popup::Prompt(Prompt::new(PromptKind::Filter, &current)));
            }
            Action::ClearFilter => {
                if self.shared.filter.take().is_some() {
                    self.reload_lists()?;
                }
            }
            Action::Open if self.screen == Screen::Overview && self.overview.selected_subject().is_none() => {
                // An organization's bar (or its "more targets" line) opens its board.
                use super::views::overview::RowKind;
                if let Some(RowKind::Org(id) | RowKind::MoreTargets(id)) = self.overview.selected_row() {
                    self.show(Screen::Boards)?;
                    self.boards.focus_org(id, &self.store, &self.shared)?;
                }
            }
            Action::Period if self.screen == Screen::Overview => {
                self.overview.next_period();
                self.overview.load(&self.store, &self.shared)?;
            }
            Action::Open => {
                let subject = match self.screen {
                    Screen::Agenda => self.agenda.selected_subject(),
                    Screen::Boards => self.boards.selected_subject(),
                    Screen::Pending => self.pending.selected_subject(),
                    Screen::Meetings => self.meetings.selected_subject(),
                    Screen::Overview => self.overview.selected_subject(),
                };
                if let Some(subject) = subject {
                    self.popups.push(Popup::Detail(Detail::open(subject, &self.store, &self.shared)?));
                }
            }
            Action::Back => {}
            other if self.edit_action(other)? => {}
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
                Screen::Meetings => self.meetings.navigate(other, &self.store)?,
                Screen::Overview => self.overview.navigate(other),
            },
        }
        Ok(())
    }

    /// Reloads the screens a filter applies to.
    fn reload_lists(&mut self) -> Result<(), StoreError> {
        self.stale[Self::screen_index(Screen::Boards)] = true;
        self.stale[Self::screen_index(Screen::Pending)] = true;
        self.load_visible()
    }

    /// Acts on a submitted prompt; an error message keeps it open.
    fn submit_prompt(&mut self, kind: PromptKind, value: &str) -> Result<(), String> {
        match kind {
            PromptKind::Filter => {
                let spec = FilterSpec::parse(value).map_err(|e| match e {
                    FilterError::BadDays(w) => tf("filter.bad_days", &[("input", w)]),
                    FilterError::Empty(w) => tf("filter.empty_part", &[("input", w)]),
                })?;
                self.shared.filter = if spec.is_empty() { None } else { Some(self.resolve_filter(value, &spec)?) };
                self.reload_lists().map_err(|e| e.message())
            }
            other => self.submit_edit_prompt(other, value),
        }
    }

    /// Turns names in a filter into ids; unknown ones are refused by name.
    fn resolve_filter(&self, raw: &str, spec: &FilterSpec) -> Result<ActiveFilter, String> {
        let mut f = ActiveFilter { raw: crate::text::clean_line(raw), ..Default::default() };
        if let Some(org) = &spec.org {
            f.org_id = Some(self.store.resolve_organization(org).map_err(|e| e.message())?.id);
        }
        if let Some(name) = &spec.person {
            let people: Vec<Person> = self.shared.people.values().cloned().collect();
            match crate::domain::resolve_person(&people, name) {
                crate::domain::PersonMatch::One(p) => f.person_id = Some(p.id),
                other => return Err(crate::i18n::person_problem(name, &other).unwrap_or_default()),
            }
        }
        for s in &spec.statuses {
            f.statuses.push(crate::i18n::parse_status(s).ok_or_else(|| crate::i18n::unknown_status(s))?);
        }
        for k in &spec.kinds {
            match (TaskKind::parse_user(k), PendingKind::parse_user(k)) {
                (None, None) => {
                    let mut valid: Vec<&str> = TaskKind::ALL.iter().map(|x| x.code()).collect();
                    valid.extend(PendingKind::ALL.iter().map(|x| x.code()));
                    return Err(tf("err.bad_kind", &[("input", k.clone()), ("valid", valid.join(", "))]));
                }
                (t, p) => {
                    f.task_kinds.extend(t);
                    f.pending_kinds.extend(p);
                }
            }
        }
        f.place = spec.place.clone();
        f.overdue = spec.overdue;
        f.due_within = spec.due_within;
        f.words = spec.words.clone();
        Ok(f)
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
                let id = if hit.kind == K::Note { hit.parent_id.unwrap_or(hit.id) } else { hit.id };
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
                    self.meetings.focus(meeting, &self.store)?;
                    self.popups.push(Popup::Detail(Detail::open(
                        Subject::Meeting(meeting),
                        &self.store,
                        &self.shared,
                    )?));
                }
            }
            K::Meeting => {
                self.show(Screen::Meetings)?;
                self.meetings.focus(hit.id, &self.store)?;
            }
            K::Organization => {
                self.show(Screen::Boards)?;
                self.boards.focus_org(hit.id, &self.store, &self.shared)?;
            }
            K::Person => {
                self.popups.push(Popup::Detail(Detail::open(Subject::Person(hit.id), &self.store, &self.shared)?));
            }
        }
        Ok(())
    }
}
