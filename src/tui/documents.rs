//! Documents from the TUI: `w` on a briefing (minutes, notice of
//! conclusions, invitation) or on a board (the organization's reminder
//! sheet), and on both the period reports and the calendar. A menu of what
//! can be written, then a file-name prompt prefilled with the offered name
//! in the current folder; the path written is shown afterwards.

use super::app::{App, Popup};
use super::views::menu::{Menu, MenuPurpose};
use super::views::prompt::{Prompt, PromptKind};
use crate::domain::MeetingStatus;
use crate::i18n::{t, tf};
use crate::ops::export::{self, BriefingDoc, Format, Request};
use crate::ops::period::Period;
use crate::store::StoreError;

/// Days ahead a reminder sheet looks by default.
const REMIND_WITHIN: i64 = 7;

fn label(what: &str, format: Format) -> String {
    tf("export.choice", &[("what", t(what)), ("format", t(&format!("export.format.{}", format.ext())))])
}

impl App {
    /// The documents that can be written from here: a briefing's, when one
    /// is chosen; an organization's reminder on its board; the reports and
    /// the calendar everywhere.
    pub(crate) fn open_documents(&mut self, meeting_id: Option<i64>, org_id: Option<i64>) -> Result<(), StoreError> {
        let mut choices: Vec<(String, Request)> = Vec::new();
        let mut title = t("export.menu_title");
        if let Some(id) = meeting_id {
            let m = self.store.meeting(id)?;
            title = crate::i18n::meeting_label(&m);
            let mut docs = Vec::new();
            if m.status != MeetingStatus::Planned {
                docs.push(("export.minutes", BriefingDoc::Minutes));
                docs.push(("export.conclusions", BriefingDoc::Conclusions));
            }
            if m.status != MeetingStatus::Closed {
                docs.push(("export.invitation", BriefingDoc::Invitation));
            }
            for (what, which) in docs {
                for format in [Format::Docx, Format::Markdown] {
                    choices.push((label(what, format), Request::Briefing { meeting_id: id, which, format }));
                }
            }
        }
        if let Some(org_id) = org_id {
            let short = self.shared.orgs.iter().find(|o| o.id == org_id).map(|o| o.short_name.clone());
            title = tf("export.board_title", &[("org", short.unwrap_or_default())]);
            for format in [Format::Docx, Format::Text, Format::Markdown] {
                choices.push((
                    label("export.reminder", format),
                    Request::Reminder { org_id, within: REMIND_WITHIN, format },
                ));
            }
        }
        for (what, period) in [
            ("export.report_month", Period::Month),
            ("export.report_quarter", Period::Quarter),
            ("export.report_year", Period::Year),
        ] {
            choices.push((label(what, Format::Xlsx), Request::Report { period, format: Format::Xlsx }));
        }
        choices.push((
            label("export.report_month", Format::Csv),
            Request::Report { period: Period::Month, format: Format::Csv },
        ));
        choices.push((label("export.calendar", Format::Ics), Request::Calendar));
        let options = choices.iter().enumerate().map(|(i, (l, _))| (l.clone(), i as i64)).collect();
        self.doc_choices = choices.into_iter().map(|(_, r)| r).collect();
        self.popups.push(Popup::Menu(Menu {
            purpose: MenuPurpose::Document,
            title,
            options,
            selected: 0,
            notes: vec![t("export.menu_note")],
        }));
        Ok(())
    }

    /// A document chosen from the menu: produced now (its number taken from
    /// the register), then the prompt for where to write it.
    pub(crate) fn document_chosen(&mut self, index: i64) -> Result<(), StoreError> {
        let Some(req) = self.doc_choices.get(index as usize).copied() else { return Ok(()) };
        match export::produce(&mut self.store, req) {
            Ok(p) => {
                let name = p.name.clone();
                self.produced = Some(p);
                self.popups.push(Popup::Prompt(Prompt::new(PromptKind::DocumentFile, &name)));
            }
            Err(export::ExportError::Store(e)) => return Err(e),
            Err(e) => self.message = Some((e.message(), true)),
        }
        Ok(())
    }

    /// Writes the produced document to the file named at the prompt.
    pub(crate) fn write_document(&mut self, value: &str) -> Result<(), String> {
        let path = std::path::PathBuf::from(value.trim());
        if path.as_os_str().is_empty() {
            return Err(crate::i18n::domain_error(&crate::domain::DomainError::Empty { field: "file" }));
        }
        let Some(p) = self.produced.as_ref() else { return Ok(()) };
        let shown = export::write_file(&path, &p.bytes).map_err(|e| e.message())?;
        self.produced = None;
        self.message = Some((tf("export.written", &[("path", shown.display().to_string())]), false));
        Ok(())
    }
}

/// How many problems the import preview lists.
const PREVIEW_PROBLEMS: usize = 6;

impl App {
    /// Reads the spreadsheet, plans and tries the import, and shows what it
    /// would do with the choice to go ahead.
    pub(crate) fn import_preview(&mut self, value: &str) -> Result<(), String> {
        let path = std::path::PathBuf::from(value.trim());
        if path.as_os_str().is_empty() {
            return Err(crate::i18n::domain_error(&crate::domain::DomainError::Empty { field: "file" }));
        }
        let mut plan =
            crate::exchange::import::plan(&self.store, &path, None, true, &mut |_, _| {}).map_err(|e| e.message())?;
        crate::exchange::import::try_plan(&mut self.store, &mut plan).map_err(|e| e.message())?;
        let n = |x: usize| crate::text::format_int(x as i64);
        let mut notes = vec![tf(
            "import.would",
            &[
                ("created", n(plan.creates())),
                ("updated", n(plan.updates())),
                ("unchanged", n(plan.unchanged())),
                ("invalid", n(plan.invalid_rows())),
            ],
        )];
        if !plan.legacy.is_empty() {
            notes.push(tf("import.legacy_converted", &[("n", n(plan.legacy.len()))]));
            if let Some((row, _, before, after)) = plan.legacy.first() {
                notes.push(tf(
                    "import.legacy_cell",
                    &[("row", row.to_string()), ("before", before.clone()), ("after", after.clone())],
                ));
            }
        }
        notes.extend(plan.problems.iter().take(PREVIEW_PROBLEMS).map(|p| p.sentence()));
        if plan.problems.len() > PREVIEW_PROBLEMS {
            notes.push(tf("import.more_problems", &[("n", n(plan.problems.len() - PREVIEW_PROBLEMS))]));
        }
        let mut options = Vec::new();
        if plan.problems.is_empty() {
            if plan.creates() + plan.updates() > 0 {
                options.push((t("import.go"), 0));
            }
        } else if plan.creates() + plan.updates() > 0 {
            options.push((tf("import.go_valid", &[("n", n(plan.invalid_rows()))]), 1));
        }
        options.push((t("import.cancel"), 2));
        self.import_plan = Some(plan);
        self.popups.push(Popup::Menu(Menu {
            purpose: MenuPurpose::Import,
            title: tf("import.preview_title", &[("file", path.display().to_string())]),
            options,
            selected: 0,
            notes,
        }));
        Ok(())
    }

    /// The preview's choice: import all (0), the valid rows (1), or not (2).
    pub(crate) fn import_confirmed(&mut self, value: i64) -> Result<(), StoreError> {
        let Some(mut plan) = self.import_plan.take() else { return Ok(()) };
        if value == 2 {
            self.message = Some((t("import.cancelled"), false));
            return Ok(());
        }
        match crate::exchange::import::apply(&mut self.store, &mut plan, value == 1) {
            Ok(changes) => {
                self.after_change(&changes)?;
                let skipped = if value == 1 { plan.invalid_rows() } else { 0 };
                let n = |x: usize| crate::text::format_int(x as i64);
                self.message = Some((
                    tf(
                        "import.done",
                        &[("created", n(plan.creates())), ("updated", n(plan.updates())), ("skipped", n(skipped))],
                    ),
                    false,
                ));
            }
            Err(crate::exchange::ImportError::Store(e)) => return Err(e),
            Err(e) => self.message = Some((e.message(), true)),
        }
        Ok(())
    }
}
