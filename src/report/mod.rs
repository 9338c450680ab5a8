//! Documents of record, built from read models (never from a connection):
//! the minutes of a briefing (biên bản, form 1.9 of Decree 30/2020), its
//! notice of conclusions (thông báo kết luận, form 1.4), the invitation to
//! the next one, an organization's reminder sheet, the period report and
//! the calendar of briefings. Each document is built once as content
//! (`doc::Document`) and written by the writers: Markdown, .docx, text.

pub mod briefing;
pub mod chart;
pub mod doc;
pub mod docx;
pub mod ics;
mod markdown;
pub mod period;
pub mod remind;
pub mod sheet;

pub use markdown::to_markdown;

use crate::domain::Settings;
use crate::ops::Names;
use chrono::{Datelike, NaiveDate};
use doc::{Header, Motto};

/// The office's particulars, from its settings with defaults drawn from
/// the bloc and its organizations.
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    /// The bloc's name as written in sentences.
    pub bloc_name: String,
    /// Cơ quan chủ quản, capitals (may be empty).
    pub parent: String,
    /// The issuing office, capitals.
    pub office: String,
    /// "KMTTQ" in "Số: 05/BB-KMTTQ".
    pub code: String,
    pub motto: Motto,
    pub locality: String,
    /// "TM. KHỐI MTTQ VÀ CÁC ĐOÀN THỂ".
    pub sign_for: String,
    pub signer_title: String,
    /// Empty: the chair of the briefing signs.
    pub signer_name: String,
    /// Nơi nhận, without the closing "Lưu: VT".
    pub recipients: Vec<String>,
}

impl Office {
    pub fn new(settings: &Settings, names: &Names) -> Office {
        let bloc_name = match settings.bloc_name.trim() {
            "" => "Khối MTTQ và các đoàn thể chính trị - xã hội".to_string(),
            name => name.to_string(),
        };
        let office = match settings.office.trim() {
            "" => bloc_name.to_uppercase(),
            o => o.to_uppercase(),
        };
        let or = |s: &str, d: &str| if s.trim().is_empty() { d.to_string() } else { s.trim().to_string() };
        let recipients = if settings.recipients.trim().is_empty() {
            names
                .active_orgs()
                .iter()
                .filter(|o| o.kind != crate::domain::OrgKind::Office)
                .map(|o| o.name.clone())
                .collect()
        } else {
            settings.recipients.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        Office {
            parent: settings.parent_body.trim().to_uppercase(),
            code: or(&settings.doc_code, "KMTTQ"),
            motto: Motto::parse(&settings.motto).unwrap_or_default(),
            locality: settings.locality.trim().to_string(),
            sign_for: match settings.sign_for.trim() {
                "" => format!("TM. {office}"),
                s => s.to_uppercase(),
            },
            signer_title: or(&settings.signer_title, "TRƯỞNG KHỐI").to_uppercase(),
            signer_name: settings.signer_name.trim().to_string(),
            recipients,
            bloc_name,
            office,
        }
    }

    /// "Số: 05/BB-KMTTQ" (Party bodies: "Số 05-BB/KMTTQ"); with no number
    /// yet, a space to write it in by hand.
    pub fn number_line(&self, kind: &str, number: Option<i64>) -> String {
        let n = number.map(|n| format!("{n:02}")).unwrap_or_else(|| "     ".into());
        match self.motto {
            Motto::Party => format!("Số {n}-{kind}/{}", self.code),
            _ => format!("Số: {n}/{kind}-{}", self.code),
        }
    }

    /// The header of a document of `kind`, dated `on` when it carries a
    /// place-and-date line.
    pub fn header(&self, kind: &str, number: Option<i64>, on: Option<NaiveDate>) -> Header {
        Header {
            parent: self.parent.clone(),
            office: self.office.clone(),
            number: self.number_line(kind, number),
            place_date: on.map(|d| self.place_date_line(d)),
            motto: self.motto,
        }
    }

    /// "Hải Hà, ngày 05 tháng 01 năm 2027" (the locality may be empty).
    pub fn place_date_line(&self, date: NaiveDate) -> String {
        let date = crate::text::format_nd30_date(date);
        if self.locality.is_empty() {
            capitalize(&date)
        } else {
            format!("{}, {date}", self.locality)
        }
    }
}

/// The type codes in document numbers, and the year a briefing's documents
/// are numbered in.
pub mod kind {
    pub const MINUTES: &str = "BB";
    pub const CONCLUSIONS: &str = "TB";
    pub const INVITATION: &str = "GM";
}

/// The year whose sequence a document dated `on` takes.
pub fn number_year(on: NaiveDate) -> i32 {
    on.year()
}

/// Text on one line, its runs of spaces and line breaks as one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
