//! Tasks from a spreadsheet: each data row becomes a new task, or — when
//! its task number names one on file — the changes to that task. The plan
//! is made first (every problem with the row number and column as the
//! spreadsheet shows them), tried in a dry run, and applied as one
//! transaction only when every row is valid or the invalid are left out.

use super::grid::{self, Cell, Column, Grid, GridError};
use super::ImportError;
use crate::domain::{resolve_org, resolve_person, Organization, Person, PersonMatch, Task, TaskKind, TaskStatus};
use crate::i18n::{t, tf};
use crate::ops::{Board, Changes, Intent};
use crate::store::Store;
use chrono::NaiveDate;
use std::path::Path;

/// One problem of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// The row number as the spreadsheet shows it.
    pub row: u32,
    /// The column's header as written in the file (empty: the whole row).
    pub column: String,
    pub reason: String,
}

impl RowProblem {
    /// "Dòng 7, cột Hạn hoàn thành (E): ngày “31/02/2026” không hợp lệ."
    pub fn sentence(&self) -> String {
        let reason = self.reason.trim_end_matches('.').to_string();
        if self.column.is_empty() {
            tf("import.problem_row", &[("row", self.row.to_string()), ("reason", reason)])
        } else {
            tf("import.problem", &[("row", self.row.to_string()), ("column", self.column.clone()), ("reason", reason)])
        }
    }
}

/// What a valid row does.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    Create {
        title: String,
    },
    /// The task it names, and each change in words ("Hạn: 20/11/2026 → 30/11/2026").
    Update {
        id: i64,
        changes: Vec<String>,
    },
    Unchanged {
        id: i64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    pub row: u32,
    pub action: Option<RowAction>,
    pub intents: Vec<Intent>,
}

/// The import as it would happen.
#[derive(Debug, Clone)]
pub struct Plan {
    pub sheet: String,
    pub header_row: u32,
    pub encoding: String,
    /// Headers the file has and giaoban does not read.
    pub unknown: Vec<String>,
    /// Cells in a legacy encoding, converted (`convert`) or to be.
    pub legacy: Vec<(u32, Column, String, String)>,
    /// Whether the legacy cells were converted (`--convert-legacy`).
    pub converted: bool,
    pub rows: Vec<PlannedRow>,
    pub problems: Vec<RowProblem>,
}

impl Plan {
    pub fn creates(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, Some(RowAction::Create { .. }))).count()
    }
    pub fn updates(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, Some(RowAction::Update { .. }))).count()
    }
    pub fn unchanged(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, Some(RowAction::Unchanged { .. }))).count()
    }
    /// Rows with at least one problem.
    pub fn invalid_rows(&self) -> usize {
        let mut rows: Vec<u32> = self.problems.iter().map(|p| p.row).collect();
        rows.dedup();
        rows.len()
    }
    /// Legacy text found and not converted: importing it would store garbled names.
    pub fn needs_conversion(&self) -> bool {
        !self.legacy.is_empty() && !self.converted
    }
}

fn grid_error(path: &Path, e: GridError) -> ImportError {
    let p = path.display().to_string();
    ImportError::Refused(match e {
        GridError::NotASpreadsheet => tf("import.not_spreadsheet", &[("path", p)]),
        GridError::Encrypted => tf("import.encrypted", &[("path", p)]),
        GridError::Empty => tf("import.empty", &[("path", p)]),
        GridError::NoSuchSheet { name, sheets } => {
            tf("import.no_sheet", &[("name", name), ("sheets", sheets.join(", "))])
        }
        GridError::NoHeader => tf("import.no_header", &[("path", p)]),
        GridError::CellTooLarge { row, column, len } => tf(
            "import.cell_too_large",
            &[("cell", format!("{column}{row}")), ("size", crate::text::format_int(len as i64 / 1024))],
        ),
        GridError::Io(reason) => tf("err.io", &[("path", p), ("reason", reason)]),
        GridError::Unreadable(reason) => tf("import.unreadable_why", &[("path", p), ("reason", reason)]),
    })
}

/// Splits a list cell: "HLHPN, HND; LĐLĐ" or one per line.
fn list(s: &str) -> Vec<String> {
    s.split([',', ';', '\n', '/', '+']).map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()
}

struct Lookups {
    orgs: Vec<Organization>,
    people: Vec<Person>,
    today: NaiveDate,
}

struct RowReader<'a> {
    grid: &'a Grid,
    row: &'a grid::Row,
    problems: Vec<RowProblem>,
}

impl RowReader<'_> {
    fn header(&self, c: Column) -> String {
        let idx = self.grid.columns.iter().find(|(k, _)| *k == c).map(|(_, i)| *i);
        idx.map(|i| format!("{} ({})", t(&format!("tasks_sheet.{}", column_key(c))), grid::column_letter(i)))
            .unwrap_or_default()
    }

    fn problem(&mut self, c: Column, reason: String) {
        let column = self.header(c);
        self.problems.push(RowProblem { row: self.row.number, column, reason });
    }

    fn has(&self, c: Column) -> bool {
        self.grid.columns.iter().any(|(k, _)| *k == c)
    }

    /// The cell's text; a formula error is a problem.
    fn text(&mut self, c: Column) -> String {
        match self.row.get(self.grid, c) {
            Cell::Error(e) => {
                let e = e.clone();
                self.problem(c, tf("import.formula_error", &[("error", e)]));
                String::new()
            }
            cell => {
                let text = grid::cell_text(cell);
                // `export tasks` guards text a spreadsheet would take for a formula.
                match text.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                    _ => text,
                }
            }
        }
    }

    fn date(&mut self, c: Column, today: NaiveDate) -> Option<NaiveDate> {
        if let Cell::Error(e) = self.row.get(self.grid, c) {
            let e = e.clone();
            self.problem(c, tf("import.formula_error", &[("error", e)]));
            return None;
        }
        match grid::cell_date(self.row.get(self.grid, c), today) {
            Ok(d) => d,
            Err(input) => {
                self.problem(c, tf("import.bad_date", &[("input", input)]));
                None
            }
        }
    }
}

fn column_key(c: Column) -> &'static str {
    match c {
        Column::Number => "number",
        Column::Title => "title",
        Column::Lead => "lead",
        Column::With => "with",
        Column::People => "people",
        Column::Place => "place",
        Column::Start => "start",
        Column::Deadline => "deadline",
        Column::Status => "status",
        Column::Notes => "notes",
        Column::Result => "result",
        Column::Kind => "kind",
    }
}

fn kind_of(s: &str) -> Option<TaskKind> {
    TaskKind::parse_user(s).or_else(|| {
        let f = crate::text::fold(s);
        TaskKind::ALL.iter().copied().find(|k| {
            [crate::i18n::Lang::Vi, crate::i18n::Lang::En]
                .iter()
                .any(|l| crate::text::fold(crate::i18n::catalog(*l).get(&k.label_key()).unwrap_or_default()) == f)
        })
    })
}

/// Reads one row into a task (new, or the one it names with its changes).
fn read_row(r: &mut RowReader, look: &Lookups, store: &Store) -> Option<(Task, Option<Task>, Option<String>)> {
    let today = look.today;
    let number = r.text(Column::Number);
    let existing = if number.is_empty() {
        None
    } else {
        match number.trim_start_matches('#').parse::<i64>() {
            Ok(id) => match store.task(id) {
                Ok(t) => Some(t),
                Err(_) => {
                    r.problem(Column::Number, tf("import.no_task", &[("id", id.to_string())]));
                    return None;
                }
            },
            Err(_) => {
                r.problem(Column::Number, tf("import.bad_number", &[("input", number.clone())]));
                return None;
            }
        }
    };
    let mut task = existing.clone().unwrap_or_else(|| Task::new("", 0, TaskKind::Specific));
    let title = r.text(Column::Title);
    if !title.is_empty() || existing.is_none() {
        task.title = title;
    }
    let lead = r.text(Column::Lead);
    if !lead.is_empty() {
        match resolve_org(&look.orgs, &lead) {
            Some(o) => task.lead_org_id = o.id,
            None => r.problem(Column::Lead, tf("import.unknown_org", &[("input", lead.clone())])),
        }
    } else if existing.is_none() {
        r.problem(Column::Lead, t("import.no_lead"));
    }
    if r.has(Column::With) {
        let mut with = Vec::new();
        for name in list(&r.text(Column::With)) {
            match resolve_org(&look.orgs, &name) {
                Some(o) if o.id != task.lead_org_id => with.push(o.id),
                Some(_) => {}
                None => r.problem(Column::With, tf("import.unknown_org", &[("input", name)])),
            }
        }
        with.sort_unstable();
        with.dedup();
        task.with_org_ids = with;
    }
    if r.has(Column::People) {
        let mut ids = Vec::new();
        for name in list(&r.text(Column::People)) {
            match resolve_person(&look.people, &name) {
                PersonMatch::One(p) => ids.push(p.id),
                PersonMatch::None => r.problem(Column::People, tf("import.unknown_person", &[("input", name)])),
                PersonMatch::Many(_) => r.problem(Column::People, tf("import.ambiguous_person", &[("input", name)])),
            }
        }
        ids.sort_unstable();
        ids.dedup();
        task.person_ids = ids;
    }
    if r.has(Column::Place) {
        task.place = r.text(Column::Place);
    }
    if r.has(Column::Start) {
        task.start_date = r.date(Column::Start, today);
    }
    if r.has(Column::Deadline) {
        task.deadline = r.date(Column::Deadline, today);
    }
    let status = r.text(Column::Status);
    if !status.is_empty() {
        match crate::i18n::parse_status(&status) {
            Some(s) => {
                if s == TaskStatus::Done && task.status != TaskStatus::Done {
                    task.completed_on = Some(task.deadline.filter(|d| *d < today).unwrap_or(today));
                }
                if s != TaskStatus::Done {
                    task.completed_on = None;
                }
                task.status = s;
            }
            None => r.problem(Column::Status, crate::i18n::unknown_status(&status)),
        }
    }
    let kind = r.text(Column::Kind);
    if !kind.is_empty() {
        match kind_of(&kind) {
            Some(k) => task.kind = k,
            None => r.problem(Column::Kind, tf("import.unknown_kind", &[("input", kind)])),
        }
    }
    if r.has(Column::Notes) {
        task.description = r.text(Column::Notes);
    }
    let result = r.text(Column::Result);
    if existing.is_none() && task.start_date.is_none() {
        task.start_date = Some(crate::ops::default_start(today, task.deadline));
    }
    // The record's own rules (title length, deadline after start…), row by row.
    if let Err(e) = task.clone().validated() {
        let column = match &e {
            crate::domain::DomainError::DeadlineBeforeStart => Column::Deadline,
            _ => Column::Title,
        };
        r.problem(column, crate::i18n::domain_error(&e));
    }
    Some((task, existing, (!result.is_empty()).then_some(result)))
}

/// Reads the file and plans the import: nothing is written.
/// `progress` hears of each row read, with the number of rows.
pub fn plan(
    store: &Store,
    path: &Path,
    sheet: Option<&str>,
    convert: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Plan, ImportError> {
    let mut g = grid::read(path, sheet).map_err(|e| grid_error(path, e))?;
    let legacy = if g.legacy.is_some() {
        if convert {
            grid::convert_legacy(&mut g)
        } else {
            grid::convert_legacy(&mut g.clone())
        }
    } else {
        Vec::new()
    };
    let look = Lookups { orgs: store.organizations()?, people: store.people()?, today: store.clock().today() };
    let mut plan = Plan {
        sheet: g.sheet.clone(),
        header_row: g.header_row,
        encoding: g.encoding.clone(),
        unknown: g.unknown.iter().map(|(_, h)| h.clone()).collect(),
        legacy,
        converted: convert,
        rows: Vec::with_capacity(g.rows.len()),
        problems: Vec::new(),
    };
    let names = crate::ops::Names::load(store)?;
    for (i, row) in g.rows.iter().enumerate() {
        progress(i + 1, g.rows.len());
        let mut r = RowReader { grid: &g, row, problems: Vec::new() };
        let read = read_row(&mut r, &look, store);
        let problems = std::mem::take(&mut r.problems);
        let ok = problems.is_empty();
        plan.problems.extend(problems);
        let Some((task, existing, result)) = read.filter(|_| ok) else {
            plan.rows.push(PlannedRow { row: row.number, action: None, intents: Vec::new() });
            continue;
        };
        let (action, intents) = match existing {
            None => {
                let board = Board::Org(task.lead_org_id);
                let action = RowAction::Create { title: task.title.clone() };
                (action, vec![Intent::AddTask { task, board, kind_given: true, first_note: result }])
            }
            Some(old) => {
                let mut intents = Vec::new();
                let mut changes = describe(&old, &task, &names);
                if old != task {
                    intents.push(Intent::EditTask(task.clone()));
                }
                if let Some(text) = result {
                    let latest = store.task_notes(old.id)?.into_iter().max_by_key(|n| (n.noted_on, n.id));
                    if latest.is_none_or(|n| n.text.trim() != text.trim()) {
                        changes.push(tf("import.new_note", &[("text", text.clone())]));
                        intents.push(Intent::AddNote { task_id: old.id, on: look.today, text });
                    }
                }
                let action = if intents.is_empty() {
                    RowAction::Unchanged { id: old.id }
                } else {
                    RowAction::Update { id: old.id, changes }
                };
                (action, intents)
            }
        };
        plan.rows.push(PlannedRow { row: row.number, action: Some(action), intents });
    }
    Ok(plan)
}

/// Each changed field of a task, in words.
fn describe(old: &Task, new: &Task, names: &crate::ops::Names) -> Vec<String> {
    let as_json = |t: &Task| serde_json::to_value(t).unwrap_or_default();
    let text = crate::ops::read::describe_update("tasks", Some(&as_json(old)), Some(&as_json(new)), names);
    text.split("; ").filter(|s| !s.is_empty()).map(String::from).collect()
}

/// The plan's intents with the row each comes from.
fn intents_of(plan: &Plan, skip: &std::collections::HashSet<u32>) -> (Vec<u32>, Vec<Intent>) {
    let mut rows = Vec::new();
    let mut intents = Vec::new();
    for r in plan.rows.iter().filter(|r| !skip.contains(&r.row)) {
        for i in &r.intents {
            rows.push(r.row);
            intents.push(i.clone());
        }
    }
    (rows, intents)
}

fn add_problems(plan: &mut Plan, rows: &[u32], problems: Vec<crate::ops::Problem>) {
    for p in problems {
        plan.problems.push(RowProblem { row: rows[p.index], column: String::new(), reason: p.error.message() });
    }
    plan.problems.sort_by_key(|p| p.row);
}

/// Tries the plan's intents in a dry run: problems the store finds (a
/// record changed since the plan, a rule) join the plan's, by row.
pub fn try_plan(store: &mut Store, plan: &mut Plan) -> Result<(), ImportError> {
    let (rows, intents) = intents_of(plan, &Default::default());
    let (_, problems) = crate::ops::dry_run(store, intents)?;
    add_problems(plan, &rows, problems);
    Ok(())
}

/// Applies the plan as one transaction, in one pass: refused when legacy
/// text was not converted, and — unless `skip_invalid` — when any row is
/// invalid, in the file or for the store (those join the plan's problems).
pub fn apply(store: &mut Store, plan: &mut Plan, skip_invalid: bool) -> Result<Changes, ImportError> {
    if plan.needs_conversion() {
        return Err(ImportError::Refused(t("import.legacy_not_converted")));
    }
    if !plan.problems.is_empty() && !skip_invalid {
        return Err(ImportError::Refused(tn_rows(plan.invalid_rows())));
    }
    let bad: std::collections::HashSet<u32> = plan.problems.iter().map(|p| p.row).collect();
    let (rows, intents) = intents_of(plan, &bad);
    let (changes, problems) = crate::ops::execute_checked(store, intents, skip_invalid)?;
    let refused = !problems.is_empty() && !skip_invalid;
    add_problems(plan, &rows, problems);
    if refused {
        return Err(ImportError::Refused(tn_rows(plan.invalid_rows())));
    }
    Ok(changes)
}

fn tn_rows(n: usize) -> String {
    crate::i18n::tn("import.invalid_rows", n as i64, &[])
}
