//! A popup form of labelled fields: text, dates, numbers, pickers, toggles.
//! The form only holds and checks what was typed; the caller reads the
//! values after `Submit` and hands back the store's complaints via `set_error`.

use crate::i18n::{lang, t, tf};
use crate::text::{
    clean_line, display_width, fold, format_date, format_datetime, format_decimal, format_long_date, format_time,
    parse_date, wrap_to_width, TextInput,
};
use crate::tui::keymap::{Key, KeyCode2};
use crate::tui::state::Shared;
use crate::tui::views::{cell, fit, popup_area, popup_block};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;
use std::cell::Cell;
use std::collections::HashSet;

const POPUP_WIDTH: u16 = 100;
const MAX_LABEL: usize = 20;
const MAX_DROPDOWN: usize = 6;
/// Value column wide enough to show the live "→ Thứ Hai, ..." beside the input.
const BESIDE_MIN: usize = 44;

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: i64,
    pub label: String,
    pub hint: String,
    /// What a list of several chosen shows for it: an organization's short
    /// name, a person's name.
    pub short: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    MultiLine,
    Date,
    DateTime,
    Number,
    Choice(Vec<Choice>),
    MultiChoice(Vec<Choice>),
    Toggle,
    /// Free text with a dropdown of earlier values to reuse (places already used).
    Suggest(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    Nothing,
    Submit,
    Cancel,
}

/// What dirtiness compares: the text, the chosen ids, the toggle.
type Snapshot = (String, Vec<i64>, bool);

#[derive(Debug, Clone)]
pub struct Field {
    key: &'static str,
    label: String,
    kind: FieldKind,
    required: bool,
    /// The value of text-like fields; the filter query of pickers.
    input: TextInput,
    selected: Vec<i64>,
    on: bool,
    error: Option<String>,
    /// Picker: dropdown shown, and the highlighted row among the filtered options.
    open: bool,
    highlight: usize,
    /// Suggest: the highlighted suggestion; none until Up/Down moves into the list.
    hl: Option<usize>,
    initial: Snapshot,
    /// Just focused: the first typed character replaces a date or number
    /// instead of being appended to it.
    fresh: bool,
    /// Shown but not editable (a closed briefing's fixed record).
    locked: bool,
}

impl Field {
    fn new(key: &'static str, kind: FieldKind, required: bool, value: &str) -> Field {
        let mut input = if kind == FieldKind::MultiLine { TextInput::multiline() } else { TextInput::new() };
        input.set_value(value);
        Field {
            key,
            label: t(&format!("field.{key}")),
            kind,
            required,
            input,
            selected: Vec::new(),
            on: false,
            error: None,
            open: false,
            highlight: 0,
            hl: None,
            initial: Default::default(),
            fresh: false,
            locked: false,
        }
    }

    /// Fields whose whole value is usually retyped rather than edited.
    fn replaced_on_typing(&self) -> bool {
        matches!(self.kind, FieldKind::Date | FieldKind::DateTime | FieldKind::Number)
    }

    fn is_picker(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(_) | FieldKind::MultiChoice(_))
    }

    fn snapshot(&self) -> Snapshot {
        let text = if self.is_picker() { String::new() } else { self.input.value().to_string() };
        (text, self.selected.clone(), self.on)
    }

    fn options(&self) -> &[Choice] {
        match &self.kind {
            FieldKind::Choice(o) | FieldKind::MultiChoice(o) => o,
            _ => &[],
        }
    }

    /// Option indices matching every word of the query, accents ignored.
    /// Suggest: the first few suggestions matching the typed text, not the text itself.
    fn filtered(&self) -> Vec<usize> {
        let query = fold(self.input.value());
        let words: Vec<&str> = query.split_whitespace().collect();
        if let FieldKind::Suggest(list) = &self.kind {
            if words.is_empty() {
                return Vec::new();
            }
            return list
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    let hay = fold(s);
                    words.iter().all(|w| hay.contains(w)) && !hay.split_whitespace().eq(words.iter().copied())
                })
                .map(|(i, _)| i)
                .take(MAX_DROPDOWN)
                .collect();
        }
        self.options()
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let hay = fold(&format!("{} {}", c.label, c.hint));
                words.iter().all(|w| hay.contains(w))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Keeps chosen ids in the options' order so toggling back is not "dirty".
    fn sort_selected(&mut self) {
        let order: Vec<i64> = self.options().iter().map(|c| c.id).collect();
        self.selected.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
    }

    fn open_picker(&mut self) {
        self.open = true;
        let list = self.filtered();
        let first = self.selected.first().copied();
        self.highlight = list.iter().position(|&i| Some(self.options()[i].id) == first).unwrap_or(0);
    }

    fn close_picker(&mut self) {
        self.open = false;
        self.input.clear();
        self.highlight = 0;
    }

    /// Whether the dropdown is on screen (when focused): an open picker, or
    /// suggestions matching what was just typed.
    fn dropdown_shown(&self) -> bool {
        match self.kind {
            FieldKind::Suggest(_) => self.open && !self.filtered().is_empty(),
            _ => self.open,
        }
    }

    /// Esc or leaving the field: pickers drop their query, suggestions just hide.
    fn close_dropdown(&mut self) {
        if self.is_picker() {
            self.close_picker();
        } else {
            self.open = false;
            self.hl = None;
        }
    }

    /// Suggest: replaces the text by the highlighted suggestion, or with
    /// `first` by the first one shown when none is highlighted (Enter, as a
    /// picker chooses); false if there is none.
    fn accept_suggestion(&mut self, first: bool) -> bool {
        let list = self.filtered();
        let at = self.hl.or(if first { Some(0) } else { None });
        let chosen = match (&self.kind, at.and_then(|h| list.get(h))) {
            (FieldKind::Suggest(all), Some(&i)) => all[i].clone(),
            _ => return false,
        };
        self.input.set_value(&chosen);
        self.open = false;
        self.hl = None;
        self.error = None;
        true
    }

    /// Suggest: Up/Down within the shown suggestions; Up from the top returns to the text.
    fn move_suggestion(&mut self, down: bool) {
        let last = self.filtered().len().saturating_sub(1);
        self.hl = match (self.hl, down) {
            (None, true) => Some(0),
            (None, false) => Some(last),
            (Some(h), true) => Some((h + 1).min(last)),
            (Some(0), false) => None,
            (Some(h), false) => Some(h - 1),
        };
    }

    fn is_empty(&self) -> bool {
        match self.kind {
            FieldKind::Choice(_) | FieldKind::MultiChoice(_) => self.selected.is_empty(),
            FieldKind::Toggle => false,
            _ => self.input.value().trim().is_empty(),
        }
    }

    /// Live check of typed dates/numbers: the preview, or the reason it fails.
    fn check(&self, today: NaiveDate) -> Result<Option<String>, String> {
        let s = self.input.value();
        if s.trim().is_empty() {
            return Ok(None);
        }
        match self.kind {
            FieldKind::Date => match parse_date(s, today) {
                Ok(d) => Ok(Some(format!("→ {}", format_long_date(d, lang())))),
                Err(e) => Err(date_msg(e, s.trim())),
            },
            FieldKind::DateTime => parse_dt(s, today)
                .map(|dt| Some(format!("→ {} {}", format_long_date(dt.date(), lang()), format_time(dt.time())))),
            // Say so when the text names no place on file: a new one is made.
            FieldKind::Suggest(ref list) => {
                let typed = fold(s.trim());
                Ok((!list.iter().any(|p| fold(p) == typed)).then(|| t("form.new_value")))
            }
            FieldKind::Number => match number_of(s) {
                // No echo when the input already reads the way it would be shown.
                Some(x) => Ok(Some(format_decimal(x, 6)).filter(|n| n != s.trim()).map(|n| format!("→ {n}"))),
                None => Err(tf("form.bad_number", &[("input", s.trim().to_string())])),
            },
            _ => Ok(None),
        }
    }

    fn problem(&self, today: NaiveDate) -> Option<String> {
        if self.required && self.is_empty() {
            return Some(tf("form.required", &[("field", self.label.clone())]));
        }
        self.check(today).err()
    }

    /// Rewrites a valid shortcut ("t6", "1500000") in full when leaving the field.
    fn normalize(&mut self, today: NaiveDate) {
        let s = self.input.value().to_string();
        let full = match self.kind {
            FieldKind::Date => parse_date(&s, today).ok().map(format_date),
            FieldKind::DateTime => parse_dt(&s, today).ok().map(format_datetime),
            FieldKind::Number => number_of(&s).map(|x| format_decimal(x, 6)),
            _ => None,
        };
        if let Some(full) = full.filter(|f| *f != s) {
            self.input.set_value(&full);
        }
    }

    /// The caller's/validation error when the live check does not already say it.
    fn extra_error(&self, today: NaiveDate) -> Option<&String> {
        let live = self.check(today).err();
        self.error.as_ref().filter(|e| live.as_ref() != Some(*e))
    }

    fn is_dated(&self) -> bool {
        matches!(self.kind, FieldKind::Date | FieldKind::DateTime | FieldKind::Number)
    }

    fn input_width(&self) -> usize {
        match self.kind {
            FieldKind::DateTime => 22,
            _ => 16,
        }
    }

    fn height(&self, focused: bool, width: usize, today: NaiveDate) -> usize {
        let base = match self.kind {
            FieldKind::MultiLine => {
                let n = if focused { hard_wrap(&self.input, width).0.len() } else { self.display_rows(width).len() };
                n.clamp(3, 6)
            }
            _ if self.is_dated() && width < BESIDE_MIN => 2,
            _ => 1,
        };
        base + usize::from(self.extra_error(today).is_some())
    }

    fn display_rows(&self, width: usize) -> Vec<String> {
        wrap_to_width(self.input.value(), width)
    }

    /// What a closed picker or a toggle shows in its value column.
    fn shown_value(&self) -> Option<String> {
        let label = |id: &i64, short: bool| {
            self.options().iter().find(|c| c.id == *id).map(|c| {
                if short && !c.short.is_empty() {
                    c.short.clone()
                } else if c.hint.is_empty() || short {
                    c.label.clone()
                } else {
                    format!("{} ({})", c.label, c.hint)
                }
            })
        };
        match self.kind {
            FieldKind::Choice(_) => self.selected.first().and_then(|id| label(id, false)),
            FieldKind::MultiChoice(_) if !self.selected.is_empty() => {
                Some(self.selected.iter().filter_map(|id| label(id, true)).collect::<Vec<_>>().join(", "))
            }
            FieldKind::Toggle => {
                Some(if self.on { format!("[x] {}", t("form.yes")) } else { format!("[ ] {}", t("form.no")) })
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    fields: Vec<Field>,
    focus: usize,
    confirm: bool,
    /// Form-level error from the caller, shown on the bottom line.
    error: Option<String>,
    /// First field drawn; a Cell because drawing takes &self.
    scroll: Cell<usize>,
}

impl Form {
    pub fn new(title: &str) -> Form {
        Form {
            title: title.to_string(),
            fields: Vec::new(),
            focus: 0,
            confirm: false,
            error: None,
            scroll: Cell::new(0),
        }
    }

    fn push(mut self, mut field: Field) -> Form {
        field.sort_selected();
        field.initial = field.snapshot();
        self.fields.push(field);
        self
    }

    pub fn text(self, key: &'static str, value: &str, required: bool) -> Form {
        self.push(Field::new(key, FieldKind::Text, required, value))
    }

    pub fn multiline(self, key: &'static str, value: &str) -> Form {
        self.push(Field::new(key, FieldKind::MultiLine, false, value))
    }

    pub fn date(self, key: &'static str, value: Option<NaiveDate>, required: bool) -> Form {
        let v = value.map(format_date).unwrap_or_default();
        self.push(Field::new(key, FieldKind::Date, required, &v))
    }

    pub fn datetime(self, key: &'static str, value: Option<NaiveDateTime>, required: bool) -> Form {
        let v = value.map(format_datetime).unwrap_or_default();
        self.push(Field::new(key, FieldKind::DateTime, required, &v))
    }

    pub fn number(self, key: &'static str, value: Option<f64>, required: bool) -> Form {
        let v = value.filter(|x| x.is_finite()).map(|x| format_decimal(x, 6)).unwrap_or_default();
        self.push(Field::new(key, FieldKind::Number, required, &v))
    }

    pub fn choice(self, key: &'static str, options: Vec<Choice>, selected: Option<i64>, required: bool) -> Form {
        let mut f = Field::new(key, FieldKind::Choice(options), required, "");
        f.selected = selected.into_iter().collect();
        self.push(f)
    }

    pub fn multi(self, key: &'static str, options: Vec<Choice>, selected: Vec<i64>) -> Form {
        let mut f = Field::new(key, FieldKind::MultiChoice(options), false, "");
        f.selected = selected;
        f.selected.dedup();
        self.push(f)
    }

    /// Free text offering `suggestions` that match what is typed (accents ignored);
    /// read it with `get_text`.
    pub fn suggest(self, key: &'static str, suggestions: Vec<String>, value: &str, required: bool) -> Form {
        let mut seen = HashSet::new();
        let list =
            suggestions.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty() && seen.insert(fold(s))).collect();
        self.push(Field::new(key, FieldKind::Suggest(list), required, value))
    }

    pub fn toggle(self, key: &'static str, value: bool) -> Form {
        let mut f = Field::new(key, FieldKind::Toggle, false, "");
        f.on = value;
        self.push(f)
    }

    /// Adds a note to the form's title ("… — only notes can change").
    pub fn titled(mut self, note: &str) -> Form {
        self.title = format!("{} — {note}", self.title);
        self
    }

    /// Shows every field but `open` as locked: visible, dimmed, skipped by
    /// Tab and never changed.
    pub fn lock_all_but(mut self, open: &[&str]) -> Form {
        for f in &mut self.fields {
            f.locked = !open.contains(&f.key);
        }
        if let Some(i) = self.fields.iter().position(|f| !f.locked) {
            self.focus = i;
        }
        self
    }

    pub fn focus_on(mut self, key: &'static str) -> Form {
        if let Some(i) = self.index(key) {
            self.focus = i;
            self.fields[i].fresh = self.fields[i].replaced_on_typing();
        }
        self
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.snapshot() != f.initial)
    }

    pub fn confirming_discard(&self) -> bool {
        self.confirm
    }

    /// Moves focus, tidying the field being left (pickers close, shortcuts expand).
    fn set_focus(&mut self, i: usize, today: Option<NaiveDate>) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.close_dropdown();
            if let Some(today) = today {
                f.normalize(today);
            }
        }
        self.focus = i.min(self.fields.len().saturating_sub(1));
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.fresh = f.replaced_on_typing();
        }
    }

    fn step_focus(&mut self, forward: bool, today: NaiveDate) {
        let n = self.fields.len();
        let mut next = self.focus;
        for _ in 0..n {
            next = if forward { (next + 1) % n } else { (next + n - 1) % n };
            if !self.fields[next].locked {
                self.set_focus(next, Some(today));
                return;
            }
        }
    }

    /// Checks every field; Submit only when all are valid (errors shown otherwise).
    pub fn try_submit(&mut self, today: NaiveDate) -> FormOutcome {
        self.error = None;
        let mut first_bad = None;
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.error = f.problem(today);
            if f.error.is_some() && first_bad.is_none() {
                first_bad = Some(i);
            }
        }
        match first_bad {
            Some(i) => {
                if i != self.focus {
                    self.set_focus(i, None);
                }
                FormOutcome::Nothing
            }
            None => FormOutcome::Submit,
        }
    }

    pub fn handle_key(&mut self, key: &Key, today: NaiveDate) -> FormOutcome {
        use KeyCode2::*;
        if self.confirm {
            match key.code {
                Char('y' | 'Y') if !key.ctrl && !key.alt => {
                    self.confirm = false;
                    return FormOutcome::Cancel;
                }
                Char('n' | 'N') | Esc => self.confirm = false,
                _ => {}
            }
            return FormOutcome::Nothing;
        }
        if key.ctrl && key.code == Char('s') {
            return self.try_submit(today);
        }
        let Some(field) = self.fields.get(self.focus) else {
            return match key.code {
                Esc => FormOutcome::Cancel,
                Enter => FormOutcome::Submit,
                _ => FormOutcome::Nothing,
            };
        };
        let (open, picker) = (field.dropdown_shown(), field.is_picker());
        let suggest = matches!(field.kind, FieldKind::Suggest(_));
        match key.code {
            Esc if open => {
                self.fields[self.focus].close_dropdown();
                return FormOutcome::Nothing;
            }
            Esc if self.is_dirty() => {
                self.confirm = true;
                return FormOutcome::Nothing;
            }
            Esc => return FormOutcome::Cancel,
            Tab => {
                if open && matches!(field.kind, FieldKind::Choice(_)) {
                    let before = self.focus;
                    self.pick(today);
                    if self.focus == before {
                        self.step_focus(true, today); // nothing matched: still leave
                    }
                } else {
                    if open && suggest && self.fields[self.focus].accept_suggestion(false) {
                        self.error = None;
                    }
                    self.step_focus(true, today);
                }
                return FormOutcome::Nothing;
            }
            BackTab => {
                self.step_focus(false, today);
                return FormOutcome::Nothing;
            }
            _ => {}
        }
        if picker {
            return self.picker_key(key, today);
        }
        let f = &mut self.fields[self.focus];
        let fresh = std::mem::take(&mut f.fresh);
        if fresh && matches!(key.code, Char(_)) && !key.ctrl && !key.alt {
            f.input.clear();
        }
        let multiline = f.kind == FieldKind::MultiLine;
        match key.code {
            Enter if multiline && !key.alt => {
                f.input.insert_char('\n');
                f.error = None;
            }
            Enter if open && suggest && f.accept_suggestion(true) => self.error = None,
            Enter => return self.try_submit(today),
            Up if open && suggest => f.move_suggestion(false),
            Down if open && suggest => f.move_suggestion(true),
            Up if multiline && f.input.cursor_line() > 0 => line_up(&mut f.input),
            Down if multiline && f.input.cursor_line() + 1 < f.input.lines().len() => line_down(&mut f.input),
            Up => self.step_focus(false, today),
            Down => self.step_focus(true, today),
            Char(' ') if f.kind == FieldKind::Toggle && !key.ctrl && !key.alt => {
                f.on = !f.on;
                f.error = None;
            }
            _ if f.kind == FieldKind::Toggle => {}
            _ => {
                let before = f.input.value().to_string();
                if crate::tui::views::edit_line(&mut f.input, key) && f.input.value() != before {
                    f.error = None;
                    self.error = None;
                    if suggest {
                        f.open = true;
                        f.hl = None;
                    }
                }
            }
        }
        FormOutcome::Nothing
    }

    /// Enter/Tab in an open picker: choose (single, then move on) or toggle (multi).
    fn pick(&mut self, today: NaiveDate) {
        let f = &mut self.fields[self.focus];
        let list = f.filtered();
        let Some(&oi) = list.get(f.highlight.min(list.len().saturating_sub(1))) else {
            return;
        };
        let id = f.options()[oi].id;
        f.error = None;
        if matches!(f.kind, FieldKind::MultiChoice(_)) {
            if let Some(p) = f.selected.iter().position(|s| *s == id) {
                f.selected.remove(p);
            } else {
                f.selected.push(id);
                f.sort_selected();
            }
        } else {
            f.selected = vec![id];
            self.step_focus(true, today);
        }
    }

    fn picker_key(&mut self, key: &Key, today: NaiveDate) -> FormOutcome {
        use KeyCode2::*;
        let f = &mut self.fields[self.focus];
        let len = f.filtered().len();
        match key.code {
            Enter if f.open => self.pick(today),
            Enter => return self.try_submit(today),
            Up if f.open => f.highlight = f.highlight.saturating_sub(1),
            Down if f.open => f.highlight = (f.highlight + 1).min(len.saturating_sub(1)),
            PageUp if f.open => f.highlight = f.highlight.saturating_sub(MAX_DROPDOWN),
            PageDown if f.open => f.highlight = (f.highlight + MAX_DROPDOWN).min(len.saturating_sub(1)),
            Down if key.alt => f.open_picker(),
            PageDown | F(4) => f.open_picker(),
            Up => self.step_focus(false, today),
            Down => self.step_focus(true, today),
            Backspace if f.input.is_empty() => {
                if matches!(f.kind, FieldKind::MultiChoice(_)) {
                    f.selected.pop();
                } else if !f.required {
                    f.selected.clear();
                }
                f.error = None;
            }
            _ => {
                let before = f.input.value().to_string();
                if crate::tui::views::edit_line(&mut f.input, key) && f.input.value() != before {
                    f.open = true;
                    f.highlight = 0;
                }
            }
        }
        FormOutcome::Nothing
    }

    pub fn paste(&mut self, text: &str) {
        if self.confirm {
            return;
        }
        let Some(f) = self.fields.get_mut(self.focus) else { return };
        match f.kind {
            FieldKind::Toggle => return,
            FieldKind::Choice(_) | FieldKind::MultiChoice(_) => {
                f.input.insert_str(text);
                f.open = true;
                f.highlight = 0;
            }
            FieldKind::Suggest(_) => {
                f.input.insert_str(text);
                f.error = None;
                f.open = true;
                f.hl = None;
            }
            _ => {
                f.input.insert_str(text);
                f.error = None;
            }
        }
        self.error = None;
    }

    pub fn get_text(&self, key: &str) -> String {
        self.field(key).map(|f| f.input.value().trim().to_string()).unwrap_or_default()
    }

    pub fn get_date(&self, key: &str, today: NaiveDate) -> Option<NaiveDate> {
        let f = self.field(key)?;
        match f.kind {
            FieldKind::DateTime => self.get_datetime(key, today).map(|dt| dt.date()),
            _ => parse_date(f.input.value(), today).ok(),
        }
    }

    pub fn get_datetime(&self, key: &str, today: NaiveDate) -> Option<NaiveDateTime> {
        parse_dt(self.field(key)?.input.value(), today).ok()
    }

    pub fn get_number(&self, key: &str) -> Option<f64> {
        number_of(self.field(key)?.input.value())
    }

    pub fn get_choice(&self, key: &str) -> Option<i64> {
        self.field(key)?.selected.first().copied()
    }

    pub fn get_multi(&self, key: &str) -> Vec<i64> {
        self.field(key).map(|f| f.selected.clone()).unwrap_or_default()
    }

    pub fn get_toggle(&self, key: &str) -> bool {
        self.field(key).is_some_and(|f| f.on)
    }

    pub fn set_error(&mut self, key: Option<&str>, message: String) {
        self.confirm = false;
        match key.and_then(|k| self.index(k)) {
            Some(i) => {
                self.set_focus(i, None);
                self.fields[i].error = Some(message);
            }
            None => self.error = Some(message),
        }
    }
}

mod draw;
mod parse;
mod wrap;
use parse::{date_msg, number_of, parse_dt};
use wrap::{hard_wrap, line_down, line_up};
#[cfg(test)]
mod tests;
