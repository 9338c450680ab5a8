//! Keys are data: one table per mode maps keys to actions. The footer hints
//! and the help screen are generated from the table in force, and the
//! user's config file overrides only the actions it names.

use crate::config::Config;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// Where the user is; each mode has its own table, `Global` applies under all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Global,
    Agenda,
    Board,
    Pending,
    Meetings,
    Overview,
    Detail,
    Help,
    Search,
    Prompt,
    Menu,
    Confirm,
    Form,
    RollCall,
    Review,
}

impl Mode {
    pub const ALL: &'static [Mode] = &[
        Mode::Global,
        Mode::Agenda,
        Mode::Board,
        Mode::Pending,
        Mode::Meetings,
        Mode::Overview,
        Mode::Detail,
        Mode::Help,
        Mode::Search,
        Mode::Prompt,
        Mode::Menu,
        Mode::Confirm,
        Mode::Form,
        Mode::RollCall,
        Mode::Review,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Agenda => "agenda",
            Mode::Board => "board",
            Mode::Pending => "pending",
            Mode::Meetings => "meetings",
            Mode::Overview => "overview",
            Mode::Detail => "detail",
            Mode::Help => "help",
            Mode::Search => "search",
            Mode::Prompt => "prompt",
            Mode::Menu => "menu",
            Mode::Confirm => "confirm",
            Mode::Form => "form",
            Mode::RollCall => "roll_call",
            Mode::Review => "review",
        }
    }

    pub fn from_name(s: &str) -> Option<Mode> {
        Mode::ALL.iter().copied().find(|m| m.name() == s)
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal),+ $(,)?) => {
        /// Everything a key can ask for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];
            /// Name used in the config file and the i18n catalogs (`action.<name>`).
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),+ }
            }
            pub fn from_name(s: &str) -> Option<Action> {
                match s { $($name => Some(Action::$variant),)+ _ => None }
            }
        }
    };
}

actions! {
    Quit = "quit",
    Help = "help",
    Search = "search",
    NextScreen = "next_screen",
    PrevScreen = "prev_screen",
    Up = "up",
    Down = "down",
    Left = "left",
    Right = "right",
    First = "first",
    Last = "last",
    PageUp = "page_up",
    PageDown = "page_down",
    Open = "open",
    Back = "back",
    NextOrg = "next_org",
    PrevOrg = "prev_org",
    Refresh = "refresh",
    GoAgenda = "go_agenda",
    GoBoards = "go_boards",
    GoPending = "go_pending",
    GoMeetings = "go_meetings",
    GoOverview = "go_overview",
    Period = "period",
    Filter = "filter",
    ClearFilter = "clear_filter",
    Add = "add",
    Edit = "edit",
    Delete = "delete",
    Status = "status",
    Move = "move",
    Undo = "undo",
    Note = "note",
    Target = "target",
    Actual = "actual",
    StartBriefing = "start_briefing",
    RollCall = "roll_call",
    NextItem = "next_item",
    Conclusion = "conclusion",
    RaisePending = "raise_pending",
    ItemNotes = "item_notes",
    CloseBriefing = "close_briefing",
    NextBriefing = "next_briefing",
    MoveUp = "move_up",
    MoveDown = "move_down",
    Toggle = "toggle",
    AllPresent = "all_present",
    Chair = "chair",
    Secretary = "secretary",
    Review = "review",
    Document = "document",
    Done = "done",
    Answer = "answer",
    Yes = "yes",
    No = "no",
    Expand = "expand",
    Save = "save",
    People = "people",
    Organizations = "organizations",
    Entries = "entries",
    Settings = "settings",
    Import = "import",
}

/// A key with its modifiers, as written in the config file: "q", "Ctrl-c",
/// "Enter", "Shift-Tab", "PageDown", "F1", "Space".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode2,
    pub ctrl: bool,
    pub alt: bool,
}

/// The subset of crossterm's key codes we bind (orderable, hashable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode2 {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) => KeyCode2::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            KeyCode::Enter => KeyCode2::Enter,
            KeyCode::Esc => KeyCode2::Esc,
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode2::BackTab,
            KeyCode::Tab => KeyCode2::Tab,
            KeyCode::BackTab => KeyCode2::BackTab,
            KeyCode::Backspace => KeyCode2::Backspace,
            KeyCode::Delete => KeyCode2::Delete,
            KeyCode::Up => KeyCode2::Up,
            KeyCode::Down => KeyCode2::Down,
            KeyCode::Left => KeyCode2::Left,
            KeyCode::Right => KeyCode2::Right,
            KeyCode::Home => KeyCode2::Home,
            KeyCode::End => KeyCode2::End,
            KeyCode::PageUp => KeyCode2::PageUp,
            KeyCode::PageDown => KeyCode2::PageDown,
            KeyCode::F(n) => KeyCode2::F(n),
            _ => return None,
        };
        Some(Key { code, ctrl, alt })
    }

    pub fn parse(s: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) =
                ["ctrl-", "ctrl+", "c-"].iter().find_map(|p| lower.strip_prefix(p).map(|_| &rest[p.len()..]))
            {
                ctrl = true;
                rest = r;
            } else if let Some(r) =
                ["alt-", "alt+", "m-"].iter().find_map(|p| lower.strip_prefix(p).map(|_| &rest[p.len()..]))
            {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode2::Enter,
            "esc" | "escape" => KeyCode2::Esc,
            "tab" => KeyCode2::Tab,
            "backtab" | "shift-tab" | "shift+tab" => KeyCode2::BackTab,
            "backspace" => KeyCode2::Backspace,
            "delete" | "del" => KeyCode2::Delete,
            "up" => KeyCode2::Up,
            "down" => KeyCode2::Down,
            "left" => KeyCode2::Left,
            "right" => KeyCode2::Right,
            "home" => KeyCode2::Home,
            "end" => KeyCode2::End,
            "pageup" | "pgup" => KeyCode2::PageUp,
            "pagedown" | "pgdn" | "pgdown" => KeyCode2::PageDown,
            "space" => KeyCode2::Char(' '),
            f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
                KeyCode2::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode2::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the key is shown in the footer and help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode2::Char(' ') => "Space".to_string(),
            KeyCode2::Char(c) => c.to_string(),
            KeyCode2::Enter => "Enter".into(),
            KeyCode2::Esc => "Esc".into(),
            KeyCode2::Tab => "Tab".into(),
            KeyCode2::BackTab => "S-Tab".into(),
            KeyCode2::Backspace => "Bksp".into(),
            KeyCode2::Delete => "Del".into(),
            KeyCode2::Up => "↑".into(),
            KeyCode2::Down => "↓".into(),
            KeyCode2::Left => "←".into(),
            KeyCode2::Right => "→".into(),
            KeyCode2::Home => "Home".into(),
            KeyCode2::End => "End".into(),
            KeyCode2::PageUp => "PgUp".into(),
            KeyCode2::PageDown => "PgDn".into(),
            KeyCode2::F(n) => format!("F{n}"),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("C-");
        }
        if self.alt {
            s.push_str("M-");
        }
        s + &base
    }
}

type Table = BTreeMap<Mode, Vec<(Action, Vec<Key>)>>;

fn k(s: &str) -> Key {
    Key::parse(s).unwrap_or(Key { code: KeyCode2::Esc, ctrl: false, alt: false })
}

fn default_table() -> Table {
    use Action::*;
    let mut t: Table = BTreeMap::new();
    let nav = |extra: Vec<(Action, Vec<Key>)>| -> Vec<(Action, Vec<Key>)> {
        let mut v = vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (First, vec![k("g"), k("Home")]),
            (Last, vec![k("G"), k("End")]),
            (PageUp, vec![k("PageUp"), k("Ctrl-b")]),
            (PageDown, vec![k("PageDown"), k("Ctrl-f")]),
            (Open, vec![k("Enter")]),
        ];
        v.extend(extra);
        v
    };
    t.insert(
        Mode::Global,
        vec![
            (Quit, vec![k("q"), k("Ctrl-c")]),
            (Help, vec![k("?"), k("F1")]),
            (Search, vec![k("/")]),
            (NextScreen, vec![k("Tab")]),
            (PrevScreen, vec![k("BackTab")]),
            (GoAgenda, vec![k("1")]),
            (GoBoards, vec![k("2")]),
            (GoPending, vec![k("3")]),
            (GoMeetings, vec![k("4")]),
            (GoOverview, vec![k("5")]),
            (Refresh, vec![k("Ctrl-r")]),
            (Undo, vec![k("u")]),
            (Settings, vec![k("S")]),
            (Import, vec![k("I")]),
            (Back, vec![k("Esc")]),
        ],
    );
    t.insert(
        Mode::Agenda,
        nav(vec![
            (Add, vec![k("a")]),
            (Edit, vec![k("e")]),
            (Delete, vec![k("d")]),
            (Status, vec![k("s"), k("Space")]),
            (StartBriefing, vec![k("b")]),
            (RollCall, vec![k("r")]),
            (Review, vec![k("v")]),
            (NextItem, vec![k("n")]),
            (ItemNotes, vec![k("o")]),
            (Conclusion, vec![k("c")]),
            (RaisePending, vec![k("p")]),
            (CloseBriefing, vec![k("K")]),
            (NextBriefing, vec![k("N")]),
            (MoveUp, vec![k("-")]),
            (MoveDown, vec![k("+")]),
        ]),
    );
    t.insert(
        Mode::Board,
        nav(vec![
            (Left, vec![k("h"), k("Left")]),
            (Right, vec![k("l"), k("Right")]),
            (NextOrg, vec![k("]")]),
            (PrevOrg, vec![k("[")]),
            (Filter, vec![k("f")]),
            (ClearFilter, vec![k("x")]),
            (Add, vec![k("a")]),
            (Edit, vec![k("e")]),
            (Delete, vec![k("d")]),
            (Status, vec![k("s"), k("Space")]),
            (Move, vec![k("m")]),
            (Note, vec![k("n")]),
            (Target, vec![k("t")]),
            (Actual, vec![k("v")]),
            (People, vec![k("P")]),
            (Organizations, vec![k("O")]),
            (Document, vec![k("w")]),
        ]),
    );
    t.insert(
        Mode::Pending,
        nav(vec![
            (NextOrg, vec![k("]")]),
            (PrevOrg, vec![k("[")]),
            (Filter, vec![k("f")]),
            (ClearFilter, vec![k("x")]),
            (Add, vec![k("a")]),
            (Edit, vec![k("e")]),
            (Delete, vec![k("d")]),
            (Status, vec![k("s"), k("Space")]),
        ]),
    );
    t.insert(
        Mode::Meetings,
        nav(vec![
            (Add, vec![k("a")]),
            (Edit, vec![k("e")]),
            (Delete, vec![k("d")]),
            (NextBriefing, vec![k("N")]),
            (Document, vec![k("w")]),
        ]),
    );
    t.insert(Mode::Overview, nav(vec![(Period, vec![k("p")])]));
    t.insert(
        Mode::Detail,
        vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (First, vec![k("g"), k("Home")]),
            (Last, vec![k("G"), k("End")]),
            (PageUp, vec![k("PageUp"), k("Ctrl-b")]),
            (PageDown, vec![k("PageDown"), k("Ctrl-f"), k("Space")]),
            (Back, vec![k("Esc"), k("q"), k("Enter")]),
            (Edit, vec![k("e")]),
            (Note, vec![k("n")]),
            (Target, vec![k("t")]),
            (Actual, vec![k("v")]),
            (Status, vec![k("s")]),
            (Delete, vec![k("d")]),
            (Entries, vec![k("x")]),
            (Undo, vec![k("u")]),
        ],
    );
    t.insert(
        Mode::Help,
        vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (PageUp, vec![k("PageUp")]),
            (PageDown, vec![k("PageDown"), k("Space")]),
            (Back, vec![k("Esc"), k("q"), k("?")]),
        ],
    );
    t.insert(
        Mode::Search,
        vec![
            (Up, vec![k("Up"), k("Ctrl-p")]),
            (Down, vec![k("Down"), k("Ctrl-n")]),
            (PageUp, vec![k("PageUp")]),
            (PageDown, vec![k("PageDown")]),
            (Open, vec![k("Enter")]),
            (Back, vec![k("Esc")]),
        ],
    );
    t.insert(Mode::Prompt, vec![(Open, vec![k("Enter")]), (Expand, vec![k("Tab")]), (Back, vec![k("Esc")])]);
    t.insert(
        Mode::Menu,
        vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (First, vec![k("g"), k("Home")]),
            (Last, vec![k("G"), k("End")]),
            (Open, vec![k("Enter")]),
            (Back, vec![k("Esc"), k("q")]),
            (Add, vec![k("a")]),
            (Edit, vec![k("e")]),
            (Delete, vec![k("d")]),
        ],
    );
    t.insert(Mode::Confirm, vec![(Yes, vec![k("y"), k("c")]), (No, vec![k("n"), k("k"), k("Esc")])]);
    t.insert(Mode::Form, vec![(Save, vec![k("Ctrl-s")]), (Back, vec![k("Esc")])]);
    t.insert(
        Mode::Review,
        vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (First, vec![k("g"), k("Home")]),
            (Last, vec![k("G"), k("End")]),
            (Done, vec![k("d")]),
            (Edit, vec![k("e")]),
            (Answer, vec![k("a")]),
            (Note, vec![k("o")]),
            (Open, vec![k("Enter")]),
            (Back, vec![k("Esc"), k("q")]),
        ],
    );
    t.insert(
        Mode::RollCall,
        vec![
            (Up, vec![k("k"), k("Up")]),
            (Down, vec![k("j"), k("Down")]),
            (First, vec![k("g"), k("Home")]),
            (Last, vec![k("G"), k("End")]),
            (Toggle, vec![k("Space")]),
            (AllPresent, vec![k("a")]),
            (Edit, vec![k("Enter"), k("e")]),
            (Chair, vec![k("c")]),
            (Secretary, vec![k("t")]),
            (Back, vec![k("Esc"), k("q")]),
        ],
    );
    t
}

/// Modes that take typed text: only non-character keys and Ctrl/Alt
/// combinations are looked up there, so every letter can be typed.
pub fn is_text_mode(mode: Mode) -> bool {
    matches!(mode, Mode::Search | Mode::Prompt | Mode::Form)
}

#[derive(Debug, Clone)]
pub struct Keymap {
    table: Table,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { table: default_table() }
    }
}

impl Keymap {
    /// The defaults with the config's overrides; every problem becomes a
    /// message naming the line, and the default for that action stays.
    pub fn from_config(cfg: &Config) -> (Keymap, Vec<String>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        for (mode_name, entries) in &cfg.keys {
            let Some(mode) = Mode::from_name(mode_name) else {
                let line = entries.first().map(|e| e.line).unwrap_or(0);
                problems.push(cfg.problem("config.unknown_mode", line, mode_name, ""));
                continue;
            };
            for e in entries {
                let Some(action) = Action::from_name(&e.action) else {
                    problems.push(cfg.problem("config.unknown_action", e.line, &e.action, ""));
                    continue;
                };
                let mut keys = Vec::new();
                let mut bad = None;
                for s in &e.keys {
                    match Key::parse(s) {
                        Some(key) => keys.push(key),
                        None => bad = Some(s.clone()),
                    }
                }
                if let Some(s) = bad {
                    problems.push(cfg.problem("config.bad_key", e.line, &e.action, &s));
                    continue;
                }
                if keys.is_empty() {
                    continue;
                }
                let list = map.table.entry(mode).or_default();
                // A key now bound here leaves whatever action had it.
                for (_, ks) in list.iter_mut() {
                    ks.retain(|k| !keys.contains(k));
                }
                match list.iter_mut().find(|(a, _)| *a == action) {
                    Some((_, ks)) => *ks = keys,
                    None => list.push((action, keys)),
                }
            }
        }
        (map, problems)
    }

    /// The action `key` means in `mode` (mode table first, then global).
    pub fn action(&self, mode: Mode, key: &Key) -> Option<Action> {
        let find =
            |m: Mode| self.table.get(&m).and_then(|list| list.iter().find(|(_, ks)| ks.contains(key)).map(|(a, _)| *a));
        if let Some(a) = find(mode) {
            return Some(a);
        }
        if !crate::tui::state::Screen::ALL.iter().any(|s| s.mode() == mode) {
            // Popups own the keyboard except for quitting.
            return find(Mode::Global).filter(|a| *a == Action::Quit && key.ctrl);
        }
        find(Mode::Global)
    }

    /// Keys bound to `action` in `mode` (or globally).
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<Key> {
        for m in [mode, Mode::Global] {
            if let Some(ks) = self.table.get(&m).and_then(|l| l.iter().find(|(a, _)| *a == action)).map(|(_, ks)| ks) {
                if !ks.is_empty() {
                    return ks.clone();
                }
            }
        }
        Vec::new()
    }

    /// Every binding of a mode, for the help screen.
    pub fn bindings(&self, mode: Mode) -> Vec<(Action, Vec<Key>)> {
        self.table.get(&mode).cloned().unwrap_or_default()
    }

    /// "k1/k2" for the footer.
    pub fn label(&self, mode: Mode, action: Action) -> String {
        self.keys_for(mode, action).iter().take(2).map(Key::label).collect::<Vec<_>>().join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_takes_the_global_keys() {
        let km = Keymap::default();
        let none = KeyModifiers::NONE;
        for screen in crate::tui::state::Screen::ALL {
            let m = screen.mode();
            assert_eq!(km.action(m, &ev(KeyCode::Char('1'), none)), Some(Action::GoAgenda), "{m:?}");
            assert_eq!(km.action(m, &ev(KeyCode::Char('4'), none)), Some(Action::GoMeetings), "{m:?}");
            assert_eq!(km.action(m, &ev(KeyCode::Tab, none)), Some(Action::NextScreen), "{m:?}");
            assert_eq!(km.action(m, &ev(KeyCode::Char('q'), none)), Some(Action::Quit), "{m:?}");
            assert_eq!(km.action(m, &ev(KeyCode::Char('/'), none)), Some(Action::Search), "{m:?}");
        }
        // Popups keep the keyboard: a digit typed in a search is a digit.
        assert_eq!(km.action(Mode::Search, &ev(KeyCode::Char('1'), none)), None);
    }

    fn ev(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, mods)).unwrap()
    }

    #[test]
    fn default_keys_map_to_actions_per_mode() {
        let km = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char(']'), none)), Some(Action::NextOrg));
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char('j'), none)), Some(Action::Down));
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Down, none)), Some(Action::Down));
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char('q'), none)), Some(Action::Quit));
        assert_eq!(km.action(Mode::Agenda, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(km.action(Mode::Agenda, &ev(KeyCode::Tab, none)), Some(Action::NextScreen));
        assert_eq!(km.action(Mode::Agenda, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::PrevScreen));
        assert_eq!(km.action(Mode::Agenda, &ev(KeyCode::Char('/'), none)), Some(Action::Search));
        assert_eq!(km.action(Mode::Agenda, &ev(KeyCode::Char(']'), none)), None, "no org cycling on the agenda");
        // In the help popup, q closes the popup instead of quitting.
        assert_eq!(km.action(Mode::Help, &ev(KeyCode::Char('q'), none)), Some(Action::Back));
        assert_eq!(km.action(Mode::Detail, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
    }

    #[test]
    fn config_remaps_only_what_it_names_and_reports_bad_lines() {
        let cfg = Config::parse(
            "[keys.board]\nnext_org = \"n\"\nfly = \"x\"\nprev_org = \"Hyper-7\"\n[keys.nowhere]\nup = \"k\"\n",
            None,
        )
        .unwrap();
        let (km, problems) = Keymap::from_config(&cfg);
        let none = KeyModifiers::NONE;
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char('n'), none)), Some(Action::NextOrg));
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char(']'), none)), None, "the old key is replaced");
        assert_eq!(
            km.action(Mode::Board, &ev(KeyCode::Char('['), none)),
            Some(Action::PrevOrg),
            "bad key keeps the default"
        );
        assert_eq!(km.action(Mode::Board, &ev(KeyCode::Char('j'), none)), Some(Action::Down), "unnamed stay");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains('3') && p.contains("fly")), "{problems:?}");
    }

    #[test]
    fn keys_parse_and_print() {
        for s in ["q", "Ctrl-c", "Enter", "Shift-Tab", "PageDown", "F1", "Space", "?", "["] {
            assert!(Key::parse(s).is_some(), "{s}");
        }
        assert_eq!(Key::parse("ctrl+R").unwrap().label(), "C-r");
        assert!(Key::parse("Hyper-7").is_none());
        assert!(Key::parse("ab").is_none());
    }
}
