//! The office's particulars in a form (`S`): the bloc's name, the header
//! and signature of its documents, the numbering code, the distribution
//! list, the backups kept. Only the fields changed are saved, each refused
//! if someone else changed it since the form opened.

use super::form::{Choice, Form};
use crate::domain::Settings;
use crate::i18n::t;
use crate::ops::Intent;

const MOTTOS: [&str; 3] = ["state", "party", "youth"];

pub(crate) fn settings_form(s: &Settings) -> Form {
    let mut form = Form::new(&t("forms.settings"));
    for key in Settings::KEYS {
        let value = s.get(key).unwrap_or("");
        form = if *key == "motto" {
            let options = MOTTOS
                .iter()
                .enumerate()
                .map(|(i, m)| Choice {
                    id: i as i64,
                    label: t(&format!("settings.motto.{m}")),
                    hint: String::new(),
                    short: String::new(),
                })
                .collect();
            let chosen = MOTTOS.iter().position(|m| *m == value).unwrap_or(0) as i64;
            form.choice("motto", options, Some(chosen), true)
        } else {
            form.text(key, value, false)
        };
    }
    form
}

/// The changed fields, with the values the form opened with.
pub(crate) fn settings_intent(form: &Form, was: &Settings) -> Intent {
    let mut values = Vec::new();
    for key in Settings::KEYS {
        let old = was.get(key).unwrap_or("").to_string();
        let new = if *key == "motto" {
            let i = form.get_choice("motto").unwrap_or(0) as usize;
            let m = MOTTOS.get(i).copied().unwrap_or("state");
            if old.is_empty() && m == "state" {
                continue;
            }
            m.to_string()
        } else {
            form.get_text(key)
        };
        if new.trim() != old.trim() {
            values.push((key.to_string(), old, new));
        }
    }
    Intent::SetSettings(values)
}
