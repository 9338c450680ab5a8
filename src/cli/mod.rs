//! Non-interactive commands: what leaders run over SSH and scripts call.

mod args;
mod chart;
mod edit;
mod export;
mod import;
mod json;
mod output;
mod view;

pub use args::{localize, Cli, Command};
pub use output::Style;

use crate::i18n::{self, t, tf};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches};
use std::path::PathBuf;
use std::process::ExitCode;

/// A failure with the exit code it maps to: 2 for bad usage or input, 1 else.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Fail(String),
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::UnknownOrg { .. }
            | StoreError::Invalid(_)
            | StoreError::UnknownSetting { .. }
            | StoreError::DuplicateCode { .. }
            | StoreError::DuplicateName { .. }
            | StoreError::OrgInactive { .. } => CliError::Usage(e.message()),
            _ => CliError::Fail(e.message()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// What every command needs.
pub struct Ctx {
    pub store: Store,
    pub today: NaiveDate,
    pub style: Style,
}

impl Ctx {
    pub fn resolve_org(&self, input: &str) -> CliResult<crate::domain::Organization> {
        Ok(self.store.resolve_organization(input)?)
    }

    pub fn parse_date(&self, input: &str) -> CliResult<NaiveDate> {
        crate::text::parse_date(input, self.today)
            .map_err(|_| CliError::Usage(tf("err.bad_date", &[("input", input.to_string())])))
    }
}

/// A task status in the user's words, or the sentence listing valid ones.
pub(crate) fn parse_status(s: &str) -> CliResult<crate::domain::TaskStatus> {
    i18n::parse_status(s).ok_or_else(|| CliError::Usage(i18n::unknown_status(s)))
}

/// Chooses the language before parsing, so that help and errors use it.
fn early_lang(args: &[String]) -> Option<i18n::Lang> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().and_then(|v| i18n::parse_lang(v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return i18n::parse_lang(v);
        }
    }
    std::env::var("GIAOBAN_LANG").ok().and_then(|v| i18n::parse_lang(&v))
}

/// The default database: the platform data directory.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "giaoban")
        .map(|d| d.data_dir().join("giaoban.db"))
        .unwrap_or_else(|| PathBuf::from("giaoban.db"))
}

/// Today's date: `--today`, GIAOBAN_TODAY, or the clock.
pub fn today_from(arg: Option<&str>) -> CliResult<NaiveDate> {
    let clock = crate::clock::Clock::system().today();
    match arg {
        Some(s) => crate::text::parse_date(s, clock)
            .map_err(|_| CliError::Usage(tf("err.bad_date", &[("input", s.to_string())]))),
        None => Ok(clock),
    }
}

pub fn open_store(db: Option<PathBuf>, read_only: bool) -> CliResult<Store> {
    let path = db.unwrap_or_else(default_db_path);
    // Upgrading rebuilds what is derived (the search index): say so before
    // the wait, on the error stream (the output stays the command's own).
    if let Some(from) = (!read_only).then(|| Store::upgrade_pending(&path)).flatten() {
        let args = [
            ("path", path.display().to_string()),
            ("from", from.to_string()),
            ("to", crate::store::SCHEMA_VERSION.to_string()),
        ];
        eprintln!("{}", crate::text::sanitize_for_terminal(&tf("backup.upgrading", &args)));
    }
    let store = if read_only { Store::open_read_only(&path) } else { Store::open(&path) };
    Ok(store?)
}

/// Entry point of the binary.
pub fn run() -> ExitCode {
    // An argument that is not UTF-8 (a mistyped path from another system's
    // encoding) is one sentence, not a panic.
    let mut args: Vec<String> = Vec::new();
    for arg in std::env::args_os() {
        match arg.into_string() {
            Ok(a) => args.push(a),
            Err(bad) => {
                if let Some(l) = std::env::var("GIAOBAN_LANG").ok().and_then(|v| i18n::parse_lang(&v)) {
                    i18n::set_lang(l);
                }
                let shown = bad.to_string_lossy().into_owned();
                return fail(CliError::Usage(tf("err.not_utf8", &[("arg", shown)])));
            }
        }
    }
    let lang = early_lang(&args);
    if let Some(l) = lang {
        i18n::set_lang(l);
    }
    let config = crate::config::Config::load();
    if lang.is_none() {
        if let Some(l) = config.as_ref().ok().and_then(|c| c.lang) {
            i18n::set_lang(l);
        }
    }
    let cmd = localize(Cli::command());
    let matches = match cmd.try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(CliError::Usage(usage_error(&e))),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    if let Some(l) = &cli.lang {
        match i18n::parse_lang(l) {
            Some(l) => i18n::set_lang(l),
            None => return fail(CliError::Usage(tf("err.bad_lang", &[("input", l.clone())]))),
        }
    }
    match dispatch(cli, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// One sentence in the user's language for a command-line mistake.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    match e.kind() {
        ErrorKind::UnknownArgument => tf("err.cli.unknown_argument", &[("arg", ctx(ContextKind::InvalidArg))]),
        ErrorKind::InvalidSubcommand => tf("err.cli.unknown_command", &[("arg", ctx(ContextKind::InvalidSubcommand))]),
        ErrorKind::MissingRequiredArgument => tf("err.cli.missing", &[("arg", ctx(ContextKind::InvalidArg))]),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t("err.cli.missing_command")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tf("err.cli.bad_value", &[("value", ctx(ContextKind::InvalidValue)), ("arg", ctx(ContextKind::InvalidArg))])
        }
        ErrorKind::ArgumentConflict => {
            tf("err.cli.conflict", &[("arg", ctx(ContextKind::InvalidArg)), ("other", ctx(ContextKind::PriorArg))])
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            tf("err.cli.too_many", &[("arg", ctx(ContextKind::InvalidArg))])
        }
        _ => e.to_string().lines().next().unwrap_or("").trim_start_matches("error: ").to_string(),
    }
}

fn fail(e: CliError) -> ExitCode {
    // Error sentences quote what was typed or stored: never raw to the terminal.
    let clean = crate::text::sanitize_for_terminal;
    match e {
        CliError::Usage(m) => {
            eprintln!("{}: {}", t("err.prefix"), clean(&m));
            ExitCode::from(2)
        }
        CliError::Fail(m) => {
            eprintln!("{}: {}", t("err.prefix"), clean(&m));
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli, config: Result<crate::config::Config, String>) -> CliResult {
    let today = today_from(cli.today.as_deref())?;
    let Some(command) = cli.command else {
        let config = config.unwrap_or_else(|msg| {
            eprintln!("{msg}");
            crate::config::Config::default()
        });
        let store = open_store(cli.db, cli.read_only)?;
        return crate::tui::run(store, today, config).map_err(|e| CliError::Fail(e.to_string()));
    };
    if let Command::Completions(c) = &command {
        let mut cmd = localize(Cli::command());
        clap_complete::generate(c.shell, &mut cmd, "giaoban", &mut std::io::stdout());
        return Ok(());
    }
    // Looking at a file that does not exist is a typo, not a wish for an
    // empty database: only commands that write create one.
    let path = cli.db.clone().unwrap_or_else(default_db_path);
    if !path.exists() && (command.only_reads() || command.writes_if_it_can()) {
        return Err(CliError::Fail(tf("err.no_database", &[("path", path.display().to_string())])));
    }
    // An empty file becomes a database only by a command that writes (and
    // so asks for one); looking at it is an error that leaves it empty.
    let empty = std::fs::metadata(&path).is_ok_and(|m| m.len() == 0);
    if empty && (command.only_reads() || command.writes_if_it_can()) {
        return Err(StoreError::EmptyFile.into());
    }
    // Commands that only look open the file without ever writing to it.
    let mut store = open_store(cli.db, cli.read_only || command.only_reads())?;
    if store.is_read_only() && !command.only_reads() && !command.writes_if_it_can() {
        // A change asked for on a file this account may only read: say why.
        return Err(CliError::Fail(store.read_only_reason().unwrap_or_else(|| t("err.read_only"))));
    }
    store.set_clock(crate::clock::Clock::on(today));
    let mut ctx = Ctx { store, today, style: Style::detect() };
    match command {
        Command::Init(a) => edit::init(&mut ctx, a),
        Command::Demo(a) => edit::demo(&mut ctx, a),
        Command::Status(a) => view::status(&ctx, a),
        Command::Tasks(a) => view::tasks(&ctx, a),
        Command::Task(c) => edit::task(&mut ctx, c),
        Command::Pending(a) => view::pending(&ctx, a),
        Command::Agenda(a) => view::agenda(&ctx, a),
        Command::Meetings(a) => view::meetings(&ctx, a),
        Command::Search(a) => view::search(&ctx, a),
        Command::People(a) => view::people(&ctx, a),
        Command::Places(a) => view::places(&ctx, a),
        Command::Org(c) => edit::org(&mut ctx, c),
        Command::Settings(a) => edit::settings(&mut ctx, a),
        Command::Undo => edit::undo(&mut ctx),
        Command::Backup { dir } => edit::backup(&ctx, dir),
        Command::Doctor { repair } => edit::doctor(&mut ctx, repair),
        Command::Export(a) => export::export(&mut ctx, a),
        Command::Remind(a) => export::remind(&ctx, a),
        Command::Import(c) => export::import(&mut ctx, c),
        Command::Completions(_) => Ok(()),
    }
}

/// JSON that is safe to print on a terminal: C1 controls and bidirectional
/// overrides (which serde leaves as they are) written as `\uXXXX` escapes.
/// They can only occur inside strings, where the escape means the same.
fn escape_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let risky = matches!(c, '\u{80}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{2028}' | '\u{2029}');
        if risky {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Prints a value as pretty JSON.
pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let s = serde_json::to_string_pretty(value).map_err(|e| CliError::Fail(e.to_string()))?;
    println!("{}", escape_for_terminal(&s));
    Ok(())
}
