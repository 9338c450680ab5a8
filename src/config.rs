//! The user's config file (TOML) in the platform config directory:
//! language, theme, mouse, and key remapping per mode.
//!
//! ```toml
//! lang = "vi"
//! theme = "ansi16"      # ansi16 | ansi256 | truecolor | mono
//! mouse = false
//! start = "overview"    # agenda | boards | pending | meetings | overview
//! [keys.board]
//! next_org = "n"
//! ```

use crate::i18n::{parse_lang, tf, Lang};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: Option<String>,
    pub mouse: bool,
    /// The screen the interface opens on (else the agenda, or Tổng quan
    /// for an account that may only read the file).
    pub start: Option<String>,
    /// mode -> action -> key(s), as written; the keymap checks them.
    pub keys: BTreeMap<String, Vec<KeyEntry>>,
    /// Where the file is, for messages.
    pub path: Option<PathBuf>,
    /// Problems found in the file, each naming its line; the defaults stay in force.
    pub warnings: Vec<String>,
    source: String,
}

#[derive(Debug, Clone)]
pub struct KeyEntry {
    pub action: String,
    pub keys: Vec<String>,
    pub line: usize,
}

impl Config {
    pub fn default_path() -> Option<PathBuf> {
        if let Ok(p) = std::env::var("GIAOBAN_CONFIG") {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("", "", "giaoban").map(|d| d.config_dir().join("config.toml"))
    }

    /// Loads the file if there is one. A file that is not valid TOML is an
    /// error message (the app goes on with the defaults).
    pub fn load() -> Result<Config, String> {
        let Some(path) = Self::default_path() else {
            return Ok(Config::default());
        };
        match std::fs::read_to_string(&path) {
            Ok(src) => Config::parse(&src, Some(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(tf("config.unreadable", &[("path", path.display().to_string()), ("reason", e.to_string())])),
        }
    }

    pub fn parse(src: &str, path: Option<PathBuf>) -> Result<Config, String> {
        let shown = path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "config.toml".into());
        let doc: toml::Table = toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| line_of(src, s.start)).unwrap_or(0);
            tf(
                "config.invalid",
                &[("path", shown.clone()), ("line", line.to_string()), ("reason", e.message().to_string())],
            )
        })?;
        let mut cfg = Config { path, source: src.to_string(), ..Default::default() };
        for (k, v) in &doc {
            match (k.as_str(), v) {
                ("lang", toml::Value::String(s)) => match parse_lang(s) {
                    Some(l) => cfg.lang = Some(l),
                    None => cfg.warn("config.bad_value", k, s),
                },
                ("theme", toml::Value::String(s)) => cfg.theme = Some(s.clone()),
                ("mouse", toml::Value::Boolean(b)) => cfg.mouse = *b,
                ("start", toml::Value::String(s)) => match s.as_str() {
                    "agenda" | "boards" | "pending" | "meetings" | "overview" => cfg.start = Some(s.clone()),
                    _ => cfg.warn("config.bad_value", k, s),
                },
                ("keys", toml::Value::Table(modes)) => {
                    for (mode, table) in modes {
                        let Some(table) = table.as_table() else {
                            cfg.warn("config.bad_value", mode, &table.to_string());
                            continue;
                        };
                        for (action, keys) in table {
                            let keys: Vec<String> = match keys {
                                toml::Value::String(s) => vec![s.clone()],
                                toml::Value::Array(a) => {
                                    a.iter().filter_map(|v| v.as_str().map(String::from)).collect()
                                }
                                other => {
                                    cfg.warn("config.bad_value", action, &other.to_string());
                                    continue;
                                }
                            };
                            let line = cfg.line_of_key(action);
                            cfg.keys.entry(mode.clone()).or_default().push(KeyEntry {
                                action: action.clone(),
                                keys,
                                line,
                            });
                        }
                    }
                }
                _ => cfg.warn("config.unknown_setting", k, ""),
            }
        }
        Ok(cfg)
    }

    fn warn(&mut self, key: &str, name: &str, value: &str) {
        let line = self.line_of_key(name);
        let shown = self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "config.toml".into());
        self.warnings.push(tf(
            key,
            &[("path", shown), ("line", line.to_string()), ("name", name.to_string()), ("value", value.to_string())],
        ));
    }

    /// The first line that assigns `key`, for messages.
    pub fn line_of_key(&self, key: &str) -> usize {
        self.source
            .lines()
            .position(|l| {
                let l = l.trim_start();
                l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
                    || l.strip_prefix(&format!("\"{key}\"")).is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + 1)
            .unwrap_or(0)
    }

    /// A warning naming `line`, for problems found later (by the keymap).
    pub fn problem(&self, key: &str, line: usize, name: &str, value: &str) -> String {
        let shown = self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "config.toml".into());
        tf(
            key,
            &[("path", shown), ("line", line.to_string()), ("name", name.to_string()), ("value", value.to_string())],
        )
    }
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_theme_and_keys_with_their_lines() {
        let cfg =
            Config::parse("lang = \"en\"\ntheme = \"mono\"\n[keys.board]\nnext_org = [\"n\", \"]\"]\n", None).unwrap();
        assert_eq!(cfg.lang, Some(Lang::En));
        assert_eq!(cfg.theme.as_deref(), Some("mono"));
        let board = &cfg.keys["board"];
        assert_eq!(board[0].action, "next_org");
        assert_eq!(board[0].keys, vec!["n", "]"]);
        assert_eq!(board[0].line, 4);
    }

    #[test]
    fn broken_file_names_the_line() {
        crate::i18n::set_lang(Lang::En);
        let err = Config::parse("lang = \"vi\"\ntheme = \n", None).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let cfg = Config::parse("colour = 3\n", None).unwrap();
        assert!(cfg.warnings[0].contains("line 1"), "{:?}", cfg.warnings);
    }
}
