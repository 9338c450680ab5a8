//! Command-line grammar. Help texts come from the i18n catalogs (see
//! `localize`), keyed by the argument's path: `help.tasks.overdue`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "giaoban",
    version,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// Print help.
    #[arg(short, long, global = true, action = clap::ArgAction::Help, display_order = 900)]
    pub help: Option<bool>,
    /// Print version.
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    pub version: Option<bool>,
    /// Database file (default: the platform data directory).
    #[arg(long, global = true, display_order = 901, env = "GIAOBAN_DB", hide_env = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Today's date, for demos and reproducible output.
    #[arg(long, global = true, display_order = 901, env = "GIAOBAN_TODAY", hide_env = true, value_name = "DATE")]
    pub today: Option<String>,
    /// Interface language: vi or en.
    #[arg(long, global = true, display_order = 901, env = "GIAOBAN_LANG", hide_env = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Open the database without writing to it.
    #[arg(long, global = true, display_order = 902)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database and seed the organizations.
    Init(InitArgs),
    /// Fill the database with a realistic sample.
    Demo(DemoArgs),
    /// Summary: next briefing, each organization's counts, overdue tasks.
    Status(StatusArgs),
    /// List tasks.
    Tasks(TasksArgs),
    /// Add or change a task.
    #[command(subcommand)]
    Task(TaskCommand),
    /// List pending items.
    Pending(PendingArgs),
    /// Show a briefing's agenda.
    Agenda(AgendaArgs),
    /// List briefings.
    Meetings(JsonArg),
    /// Search everything, with or without diacritics.
    Search(SearchArgs),
    /// List people, by given name.
    People(JsonArg),
    /// List the places used on tasks, alphabetically.
    Places(JsonArg),
    /// List or change organizations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Show or change the bloc's settings.
    Settings(SettingsArgs),
    /// Undo the last change.
    Undo,
    /// Write a document of record: minutes, conclusions, invitation, report, calendar.
    Export(ExportArgs),
    /// Reminder sheets: overdue work, work due soon, unanswered items, per organization.
    Remind(RemindArgs),
    /// Bring data in: an export (json) or a spreadsheet of tasks.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Check the file and the files beside it; --repair rebuilds derived data.
    Doctor {
        #[arg(long)]
        repair: bool,
    },
    /// Copy the whole database, consistently, into a folder (default: beside it).
    Backup { dir: Option<std::path::PathBuf> },
    /// Print shell completions.
    Completions(CompletionsArgs),
}

impl Command {
    /// Whether the command writes when the file lets it and otherwise only
    /// reads (documents take their number from the register when they can).
    pub fn writes_if_it_can(&self) -> bool {
        matches!(self, Command::Export(_) | Command::Remind(_))
    }

    /// Whether the command only looks at the data.
    pub fn only_reads(&self) -> bool {
        match self {
            Command::Status(_)
            | Command::Tasks(_)
            | Command::Pending(_)
            | Command::Agenda(_)
            | Command::Meetings(_)
            | Command::Search(_)
            | Command::People(_)
            | Command::Places(_)
            | Command::Completions(_) => true,
            Command::Task(TaskCommand::Show { .. }) | Command::Org(OrgCommand::List(_)) => true,
            Command::Settings(s) => s.command.is_none(),
            _ => false,
        }
    }
}

#[derive(Debug, Args)]
pub struct JsonArg {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct OrgListArgs {
    /// Alphabetical (Vietnamese order) instead of the bloc's order.
    #[arg(long)]
    pub alpha: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[arg(long, value_name = "PLACE")]
    pub locality: Option<String>,
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// Share the file with a Unix group (leaders' accounts).
    #[arg(long, value_name = "GROUP")]
    pub shared: Option<String>,
    /// With --shared: the group may write too, not only read.
    #[arg(long, requires = "shared")]
    pub group_writes: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long)]
    pub force: bool,
    /// Generate a history of N years (1 to 100) ending today, in bulk.
    #[arg(long, value_name = "N")]
    pub years: Option<String>,
    /// With --years: the generator's seed (the same seed gives the same data).
    #[arg(long, value_name = "S", requires = "years")]
    pub seed: Option<u64>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    #[arg(long)]
    pub json: bool,
    /// Each organization's open work as a bar, and the bloc's weeks.
    #[arg(long, conflicts_with = "json")]
    pub chart: bool,
    /// The chart in ASCII (as through a pipe).
    #[arg(long, requires = "chart")]
    pub ascii: bool,
    /// The chart's period for the on-time rate: week, month, quarter, year.
    #[arg(long, value_name = "PERIOD", requires = "chart")]
    pub period: Option<String>,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<i64>,
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Add a task; prints its id.
    Add(TaskAddArgs),
    /// Change a task's status.
    Status {
        id: i64,
        status: String,
        #[arg(long, value_name = "N")]
        if_version: Option<i64>,
    },
    /// Move a task's deadline.
    Due {
        id: i64,
        date: String,
        #[arg(long, value_name = "N")]
        if_version: Option<i64>,
    },
    /// Delete a task with its notes and targets.
    Delete {
        id: i64,
        #[arg(long, value_name = "N")]
        if_version: Option<i64>,
    },
    /// Add a dated progress note.
    Note { id: i64, text: String },
    /// Show one task in full.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct TaskAddArgs {
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "ORG")]
    pub org: String,
    #[arg(long = "with", value_name = "ORG")]
    pub with: Vec<String>,
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct PendingArgs {
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    #[arg(long, value_name = "N", conflicts_with = "next")]
    pub meeting: Option<String>,
    #[arg(long)]
    pub next: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Document {
    /// Biên bản (form 1.9 of Decree 30/2020).
    Minutes,
    /// Thông báo kết luận (form 1.4).
    Conclusions,
    /// Giấy mời to a briefing (the next one unless --meeting).
    Invitation,
    /// The period report: four categories per organization, targets, pending items.
    Report,
    /// The calendar of briefings (.ics).
    Calendar,
    /// Every record, history included, as versioned JSON (import json restores it).
    Json,
    /// The task list as a spreadsheet (xlsx or csv) that import tasks reads back.
    Tasks,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    pub document: Document,
    /// The briefing, as `agenda --meeting` takes it (12 or 12/2026).
    #[arg(long, value_name = "N")]
    pub meeting: Option<String>,
    /// docx or md (documents), xlsx, csv or md (report), ics (calendar).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The file to write; "-" for the screen (Markdown and text only).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// The number from the office's own register, instead of the next one.
    #[arg(long, value_name = "N")]
    pub number: Option<i64>,
    /// The report's period: week, month, quarter or year (the one holding today).
    #[arg(long, value_name = "PERIOD", conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// The report's first day.
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// The report's last day.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// An export of giaoban: restored into an empty database, merged with --merge.
    Json {
        file: std::path::PathBuf,
        /// Add what the file has and this database lacks (never duplicating).
        #[arg(long)]
        merge: bool,
    },
    /// Tasks from a spreadsheet (xlsx, xls, ods, csv).
    Tasks(ImportTasksArgs),
}

#[derive(Debug, Args)]
pub struct ImportTasksArgs {
    pub file: std::path::PathBuf,
    /// The sheet to read (else the first with a task list).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Show what would be created and every problem; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the valid rows and leave out the invalid ones.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Convert cells typed in TCVN3 (ABC) or VNI fonts to Unicode.
    #[arg(long)]
    pub convert_legacy: bool,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// One organization (code or name); every organization otherwise.
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Work due within this many days (default 7).
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub within: i64,
    /// text (default on the screen), md or docx.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The file to write (a folder when every organization gets a .docx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: Vec<String>,
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<String>,
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// List organizations.
    List(OrgListArgs),
    /// Add an organization.
    Add {
        code: String,
        name: String,
        #[arg(long, value_name = "NAME")]
        short: Option<String>,
    },
    /// Rename an organization.
    Rename {
        org: String,
        name: String,
        #[arg(long, value_name = "NAME")]
        short: Option<String>,
    },
    /// Deactivate an organization (its tasks stay).
    Deactivate { org: String },
    /// Activate an organization again.
    Activate { org: String },
    /// Delete an organization that has no work attached.
    Delete { org: String },
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    #[command(subcommand)]
    pub command: Option<SettingsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Set one setting (see the list `giaoban settings` prints).
    Set { key: String, value: String },
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// Replaces every help text with the catalog's, where it has one, and uses
/// the catalog's headings, so `giaoban --help` speaks the user's language.
pub fn localize(cmd: clap::Command) -> clap::Command {
    localize_at(cmd, "help")
}

fn localize_at(mut cmd: clap::Command, path: &str) -> clap::Command {
    use crate::i18n::{catalog, lang, t};
    let has = |k: &str| catalog(lang()).contains_key(k) || catalog(crate::i18n::Lang::Vi).contains_key(k);
    let about = format!("{path}.about");
    if has(&about) {
        cmd = cmd.about(t(&about));
    }
    // Sections are laid out here so that their headings are translated too.
    let mut template = format!("{{about-with-newline}}\n{}: {{usage}}\n", t("help.usage"));
    if cmd.get_positionals().next().is_some() {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", t("help.arguments")));
    }
    if cmd.has_subcommands() {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", t("help.commands")));
    }
    template.push_str(&format!("\n{}:\n{{options}}{{after-help}}", t("help.options")));
    cmd = cmd.help_template(template).subcommand_value_name(t("help.command"));
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let key = match id.as_str() {
            "help" => "help.flag_help".to_string(),
            "version" => "help.flag_version".to_string(),
            "db" | "today" | "lang" | "read_only" => format!("help.global.{id}"),
            _ => format!("{path}.{id}"),
        };
        if has(&key) {
            let text = t(&key);
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(text));
        }
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = format!("{path}.{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_at(s, &sub_path));
    }
    cmd
}
