//! One board per organization and one for the common tasks, in columns
//! by status; a tab strip shows each board's open and overdue counts.

use super::detail::Subject;
use super::{cell, compact, fit, pane, row_style, Scroll, Shared};
use crate::domain::{Task, TaskKind, TaskStatus};
use crate::i18n::t;
use crate::ops::{Board, BoardPage};
use crate::store::{Store, StoreError, TaskFilter};
use crate::text::format_date;
use crate::tui::keymap::Action;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub const COLUMNS: [TaskStatus; 4] =
    [TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Blocked, TaskStatus::Done];

/// Done tasks stay on the board this many days ("done this period").
pub const DONE_DAYS: i64 = 7;

/// Lines of a card's title at most (Vietnamese titles run 40–90 characters).
const MAX_TITLE_LINES: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct Tab {
    /// None: the common tasks.
    pub org_id: Option<i64>,
    pub label: String,
    pub open: i64,
    pub overdue: i64,
}

#[derive(Default)]
pub struct BoardView {
    pub tabs: Vec<Tab>,
    pub tab: usize,
    pub columns: [Vec<Task>; 4],
    pub column: usize,
    pub rows: [usize; 4],
    scrolls: [Scroll; 4],
    /// Task to select after the next load.
    pending_focus: Option<i64>,
    /// Another board was chosen: focus its first column with cards.
    new_board: bool,
    /// Only the board changed (`]`, `[`): the strip's counts still hold,
    /// since any change of data reloads the screen with them.
    switching: bool,
}

impl BoardView {
    pub fn load(&mut self, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        let new_board = std::mem::take(&mut self.new_board) || self.tabs.is_empty();
        // On another board, start at its top; on the same one, keep the card.
        let keep =
            self.pending_focus.take().or_else(|| (!new_board).then(|| self.selected_task().map(|t| t.id)).flatten());
        let current = self.tabs.get(self.tab).map(|t| t.org_id);
        let board_of = |org: Option<i64>| org.map_or(Board::Common, Board::Org);
        // The tab to show is known before loading: the one selected, if it still exists.
        let tab_org = current.filter(|cur| cur.is_none_or(|id| sh.orgs.iter().any(|o| o.id == id))).flatten();
        let switching = std::mem::take(&mut self.switching) && !self.tabs.is_empty();
        let page = BoardPage::load(store, board_of(tab_org), self.user_filter(sh), sh.today, !switching)?;
        if !switching {
            let count = |org: Option<i64>| {
                page.counts.iter().find(|c| c.org_id == org).map(|c| (c.open, c.overdue)).unwrap_or((0, 0))
            };
            self.tabs.clear();
            let (open, overdue) = count(None);
            self.tabs.push(Tab { org_id: None, label: t("board.common"), open, overdue });
            for o in &sh.orgs {
                let (open, overdue) = count(Some(o.id));
                self.tabs.push(Tab { org_id: Some(o.id), label: o.short_name.clone(), open, overdue });
            }
        }
        self.tab = self.tabs.iter().position(|t| t.org_id == tab_org).unwrap_or(0);
        let tasks = page.tasks;
        for (i, status) in COLUMNS.iter().enumerate() {
            self.columns[i] = tasks.iter().filter(|t| t.status == *status).cloned().collect();
            if *status == TaskStatus::Done {
                self.columns[i].sort_by_key(|t| std::cmp::Reverse(t.completed_on));
            }
            self.rows[i] = self.rows[i].min(self.columns[i].len().saturating_sub(1));
        }
        // A new board, or a filter that emptied the focused column: focus
        // the first column with cards.
        if new_board || self.columns[self.column].is_empty() {
            self.column = self.columns.iter().position(|c| !c.is_empty()).unwrap_or(self.column);
        }
        if let Some(id) = keep {
            for (c, col) in self.columns.iter().enumerate() {
                if let Some(r) = col.iter().position(|t| t.id == id) {
                    self.column = c;
                    self.rows[c] = r;
                }
            }
        }
        Ok(())
    }

    /// What the board shows besides its own scope: the open columns, done
    /// work of the last days, and the filter in force.
    fn user_filter(&self, sh: &Shared) -> TaskFilter {
        let mut filter = TaskFilter {
            include_finished: true,
            statuses: COLUMNS.to_vec(),
            done_since: Some(sh.today - chrono::Duration::days(DONE_DAYS)),
            ..Default::default()
        };
        if let Some(af) = &sh.filter {
            filter.also_org_id = af.org_id;
            filter.person_id = af.person_id;
            filter.place = af.place.clone();
            filter.overdue = af.overdue;
            filter.due_within = af.due_within;
            filter.words = af.words.clone();
            if !af.statuses.is_empty() {
                filter.statuses.retain(|s| af.statuses.contains(s));
                if filter.statuses.is_empty() {
                    filter.ids = Some(Vec::new());
                }
            }
            filter.kinds = af.task_kinds.clone();
            if af.task_kinds.is_empty() && !af.pending_kinds.is_empty() {
                // A pending-only kind hides every task.
                filter.ids = Some(Vec::new());
            }
        }
        filter
    }

    pub fn selected_task(&self) -> Option<&Task> {
        self.columns.get(self.column).and_then(|c| c.get(self.rows[self.column]))
    }

    pub fn selected_subject(&self) -> Option<Subject> {
        self.selected_task().map(|t| Subject::Task(t.id))
    }

    /// Moves within the board; true when another board must be loaded.
    pub fn navigate(&mut self, action: Action) -> bool {
        let n = self.tabs.len().max(1);
        match action {
            Action::NextOrg => {
                self.tab = (self.tab + 1) % n;
                self.rows = [0; 4];
                self.new_board = true;
                self.switching = true;
                true
            }
            Action::PrevOrg => {
                self.tab = (self.tab + n - 1) % n;
                self.rows = [0; 4];
                self.new_board = true;
                self.switching = true;
                true
            }
            Action::Left => {
                self.column = self.column.saturating_sub(1);
                false
            }
            Action::Right => {
                self.column = (self.column + 1).min(3);
                false
            }
            other => {
                let len = self.columns[self.column].len();
                super::step(&mut self.rows[self.column], len, other, 5);
                false
            }
        }
    }

    /// Shows the board and column where `task` is, with it selected.
    pub fn focus_task(&mut self, task: &Task, store: &Store, sh: &Shared) -> Result<bool, StoreError> {
        let board = if task.kind == TaskKind::Common { None } else { Some(task.lead_org_id) };
        if self.tabs.is_empty() {
            self.load(store, sh)?;
        }
        self.tab = self.tabs.iter().position(|t| t.org_id == board).unwrap_or(0);
        self.pending_focus = Some(task.id);
        self.load(store, sh)?;
        Ok(self.selected_task().is_some_and(|t| t.id == task.id))
    }

    pub fn focus_org(&mut self, org_id: i64, store: &Store, sh: &Shared) -> Result<(), StoreError> {
        if self.tabs.is_empty() {
            self.load(store, sh)?;
        }
        self.tab = self.tabs.iter().position(|t| t.org_id == Some(org_id)).unwrap_or(0);
        self.rows = [0; 4];
        self.new_board = true;
        self.load(store, sh)
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let [strip, body, info] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(2)]).areas(area);
        self.draw_strip(f, strip, sh);
        self.draw_selected(f, info, sh);
        // Four columns need about 18 cells each to show a card.
        if compact(body) || body.width < 72 {
            let col = self.column;
            let title = format!("{} ({}) ◂▸", t(&COLUMNS[col].label_key()), self.columns[col].len());
            let inner = pane(f, body, &title, true, sh);
            self.draw_column(f, inner, col, sh);
            return;
        }
        let mut x = body.x;
        for (i, w) in self.column_widths(body.width).into_iter().enumerate() {
            let area = Rect { x, width: w, ..body };
            x += w;
            let mut title = format!("{} ({})", t(&COLUMNS[i].label_key()), self.columns[i].len());
            if crate::text::display_width(&title) + 4 > area.width as usize {
                title = format!("{} ({})", t(&format!("board.short.{}", COLUMNS[i].code())), self.columns[i].len());
            }
            let inner = pane(f, area, &title, i == self.column, sh);
            self.draw_column(f, inner, i, sh);
        }
    }

    /// Empty columns keep only their heading; the others share the rest,
    /// the focused one the most, so that titles wrap over fewer lines.
    fn column_widths(&self, total: u16) -> [u16; 4] {
        const EMPTY: u16 = 16;
        let used: Vec<bool> = (0..4).map(|i| !self.columns[i].is_empty() || i == self.column).collect();
        let weight = |i: usize| {
            if !used[i] {
                0
            } else if i == self.column {
                3
            } else {
                2
            }
        };
        let empty = used.iter().filter(|u| !**u).count() as u16;
        let room = total.saturating_sub(EMPTY * empty);
        let sum: u16 = (0..4).map(weight).sum::<u16>().max(1);
        let mut widths = [0u16; 4];
        for i in 0..4 {
            widths[i] = if used[i] { room * weight(i) / sum } else { EMPTY };
        }
        // What integer division left goes to the focused column.
        let spare = total.saturating_sub(widths.iter().sum());
        widths[self.column] += spare;
        widths
    }

    /// The selected card in full under the columns: lead and coordinating
    /// organizations, people, place and deadline, without opening it.
    fn draw_selected(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let Some(task) = self.selected_task() else { return };
        let th = &sh.theme;
        let mut parts = vec![format!("#{} {}: {}", task.id, t("field.lead"), sh.org_short(task.lead_org_id))];
        if !task.with_org_ids.is_empty() {
            let with: Vec<String> = task.with_org_ids.iter().map(|o| sh.org_short(*o)).collect();
            parts.push(format!("{}: {}", t("field.with"), with.join(", ")));
        }
        if let Some(d) = task.deadline {
            let mut due = format!("{}: {}", t("field.deadline"), format_date(d));
            if let Some(n) = task.days_late(sh.today) {
                due = format!("{due} ({})", crate::i18n::tn("tui.late", n, &[]));
            }
            parts.push(due);
        }
        if !task.place.is_empty() {
            parts.push(format!("{}: {}", t("field.place"), task.place));
        }
        if !task.person_ids.is_empty() {
            let people: Vec<String> = task.person_ids.iter().map(|p| sh.person_name(*p)).collect();
            parts.push(format!("{}: {}", t("field.people"), people.join(", ")));
        }
        let text = crate::text::sanitize_for_terminal(&parts.join(" · "));
        let w = area.width as usize;
        let mut lines: Vec<String> = crate::text::wrap_to_width(&text, w);
        if lines.len() > area.height as usize {
            lines.truncate(area.height as usize);
            if let Some(last) = lines.last_mut() {
                *last = fit(&format!("{last} …"), w);
            }
        }
        let style = if task.is_overdue(sh.today) { th.warning } else { th.dim };
        f.render_widget(Paragraph::new(lines.into_iter().map(|l| Line::styled(l, style)).collect::<Vec<_>>()), area);
    }

    fn draw_strip(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        let th = &sh.theme;
        if self.tabs.is_empty() {
            return;
        }
        let texts: Vec<String> = self
            .tabs
            .iter()
            .map(|tab| {
                let counts =
                    if tab.overdue > 0 { format!(" {}/{}!", tab.open, tab.overdue) } else { format!(" {}", tab.open) };
                format!(" {}{} ", fit(&tab.label, 12), counts)
            })
            .collect();
        let widths: Vec<usize> = texts.iter().map(|t| crate::text::display_width(t) + 1).collect();
        // What "21/7!" means: open / overdue, said once at the start.
        let legend = format!("{} ", t("board.legend"));
        let room = (area.width as usize).saturating_sub(crate::text::display_width(&legend));
        // Start as far left as possible while the current tab stays in view.
        let mut start = 0;
        while start < self.tab && 2 + widths[start..=self.tab].iter().sum::<usize>() + 1 > room {
            start += 1;
        }
        let mut spans = vec![Span::styled(legend, th.dim)];
        let mut used = 0usize;
        if start > 0 {
            spans.push(Span::styled("‹ ", th.dim));
            used += 2;
        }
        for (i, tab) in self.tabs.iter().enumerate().skip(start) {
            if used + widths[i] > room.saturating_sub(1) && i > self.tab {
                spans.push(Span::styled("›", th.dim));
                break;
            }
            used += widths[i];
            let style = if i == self.tab {
                th.tab_active
            } else if tab.overdue > 0 {
                th.warning
            } else {
                th.tab
            };
            spans.push(Span::styled(texts[i].clone(), style));
            spans.push(Span::raw(" "));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_column(&self, f: &mut Frame, area: Rect, col: usize, sh: &Shared) {
        let th = &sh.theme;
        let tasks = &self.columns[col];
        let w = area.width as usize;
        if tasks.is_empty() {
            f.render_widget(Paragraph::new(fit(&t("board.empty"), w)).style(th.dim), area);
            return;
        }
        // A card: its whole title, wrapped at words, then when and where.
        // Titles are wrapped only for the cards near the window.
        let wrap = |task: &Task| {
            let mut lines = crate::text::wrap_to_width(&crate::text::sanitize_for_terminal(&task.title), w);
            if lines.len() > MAX_TITLE_LINES {
                lines.truncate(MAX_TITLE_LINES);
                if let Some(last) = lines.last_mut() {
                    *last = fit(&format!("{last} …"), w);
                }
            }
            lines
        };
        let mut titles: Vec<Option<Vec<String>>> = vec![None; tasks.len()];
        let sel = self.rows[col].min(tasks.len() - 1);
        let off = self.scrolls[col].window_by_height(sel, tasks.len(), area.height as usize, |i| {
            titles[i].get_or_insert_with(|| wrap(&tasks[i])).len().max(1) + 1
        });
        let mut lines = Vec::new();
        for (i, task) in tasks.iter().enumerate().skip(off) {
            if lines.len() >= area.height as usize {
                break;
            }
            let selected = col == self.column && i == sel;
            let late = task.days_late(sh.today);
            let title_style = if late.is_some() { th.warning } else { th.title };
            for l in titles[i].get_or_insert_with(|| wrap(task)).iter() {
                lines.push(Line::styled(cell(l, w), row_style(selected, title_style, sh)));
            }
            let when = match (task.status, task.deadline, late) {
                (TaskStatus::Done, _, _) => {
                    task.completed_on.map(|d| format!("✓ {}", format_date(d))).unwrap_or_default()
                }
                (_, Some(_), Some(n)) => crate::i18n::tn("tui.late", n, &[]),
                (_, Some(d), None) => format_date(d),
                _ => String::new(),
            };
            let where_ = if task.lead_org_id != self.tabs.get(self.tab).and_then(|t| t.org_id).unwrap_or(0) {
                // Someone else's task on this board: say whose.
                let lead = sh.org_short(task.lead_org_id);
                [lead, task.place.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
            } else {
                task.place.clone()
            };
            let meta = [when, where_].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
            let meta_style = if late.is_some() { th.warning } else { th.dim };
            lines.push(Line::styled(cell(&meta, w), row_style(selected, meta_style, sh)));
        }
        lines.truncate(area.height as usize);
        f.render_widget(Paragraph::new(lines), area);
    }
}
