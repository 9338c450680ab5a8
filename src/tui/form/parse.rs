//! What a form's typed text means: dates with a time, numbers, and the
//! sentence that says why a date was not understood.

use crate::i18n::{t, tf};
use crate::text::{parse_amount, parse_date, parse_time, DateError};
use chrono::{NaiveDate, NaiveDateTime};

pub(super) fn date_msg(e: DateError, input: &str) -> String {
    let key = if e == DateError::Invalid { "form.no_such_date" } else { "form.bad_date" };
    tf(key, &[("input", input.to_string())])
}

/// Date shortcut (possibly several words) followed by a time ("mai 14h30").
pub(super) fn parse_dt(s: &str, today: NaiveDate) -> Result<NaiveDateTime, String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut bad_time = None;
    for i in (1..words.len()).rev() {
        let (d, tm) = (words[..i].join(" "), words[i..].join(" "));
        if let Ok(day) = parse_date(&d, today) {
            match parse_time(&tm) {
                Ok(time) => return Ok(day.and_time(time)),
                Err(_) => bad_time = bad_time.or(Some(tm)),
            }
        }
    }
    if let Some(tm) = bad_time {
        return Err(tf("form.bad_time", &[("input", tm)]));
    }
    if parse_date(s, today).is_ok() {
        return Err(t("form.need_time"));
    }
    let date_part = if words.len() > 1 { words[..words.len() - 1].join(" ") } else { s.trim().to_string() };
    Err(parse_date(&date_part, today).err().map_or_else(|| t("form.need_time"), |e| date_msg(e, &date_part)))
}

pub(super) fn number_of(s: &str) -> Option<f64> {
    parse_amount(s).filter(|x| x.is_finite())
}
