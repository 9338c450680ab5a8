//! Documents of record, built from read models (never from a connection):
//! the minutes of a briefing (biên bản, form 1.9 of Decree 30/2020) and its
//! notice of conclusions (thông báo kết luận, form 1.4), as Markdown that
//! reads as the document and pastes into a message.

mod minutes;

pub use minutes::{conclusions_markdown, minutes_markdown};

use crate::domain::Settings;

/// The issuer block's two lines: the parent body (may be empty) and the
/// issuing office, in capitals as the decree writes them.
pub(crate) fn issuer_lines(settings: &Settings) -> (String, String) {
    let office =
        if settings.bloc_name.trim().is_empty() { "KHỐI MTTQ VÀ CÁC ĐOÀN THỂ" } else { &settings.bloc_name };
    (String::new(), office.to_uppercase())
}

/// "Hải Hà, ngày 05 tháng 01 năm 2027" (the locality may be empty).
pub(crate) fn place_date_line(settings: &Settings, date: chrono::NaiveDate) -> String {
    let date = crate::text::format_nd30_date(date);
    if settings.locality.trim().is_empty() {
        capitalize(&date)
    } else {
        format!("{}, {date}", settings.locality.trim())
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
