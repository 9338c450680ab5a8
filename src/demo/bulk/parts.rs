//! The calendar of the generated years and the records the generator keeps
//! of what it wrote.

use super::*;

/// The Monday `years` years back, where the history starts.
pub(super) fn first_day(today: NaiveDate, years: u32) -> NaiveDate {
    last_monday(today) - Duration::weeks(weeks_of(years) - 1)
}

/// Closed weekly briefings in `years` years.
pub(super) fn weeks_of(years: u32) -> i64 {
    (years as f64 * 365.25 / 7.0).round() as i64
}

/// The last Monday before today: the latest briefing held.
pub(super) fn last_monday(today: NaiveDate) -> NaiveDate {
    let yesterday = today - Duration::days(1);
    yesterday - Duration::days(yesterday.weekday().num_days_from_monday() as i64)
}

/// Public holidays on a fixed date move a Monday briefing to Tuesday.
pub(super) fn held_on(monday: NaiveDate, today: NaiveDate) -> NaiveDate {
    let holiday = matches!((monday.month(), monday.day()), (1, 1) | (4, 30) | (5, 1) | (9, 2));
    let tuesday = monday + Duration::days(1);
    if holiday && tuesday < today {
        tuesday
    } else {
        monday
    }
}

/// The months (bit m for month m) when work of this definition starts.
pub(super) fn season(def: &TaskDef) -> u16 {
    let title = def.title.to_lowercase();
    let has = |k: &str| title.contains(k);
    let months: &[u32] = if def.theme == Th::Tet || has("tết") {
        &[11, 12, 1, 2]
    } else if has("tháng cao điểm") {
        &[9, 10, 11]
    } else if has("tháng thanh niên") {
        &[2, 3]
    } else if has("tháng công nhân") {
        &[4, 5]
    } else if has("tổng kết") || has("cuối năm") {
        &[10, 11, 12]
    } else if has("sơ kết") {
        &[5, 6, 7]
    } else if has("bão lũ") {
        &[8, 9, 10, 11]
    } else {
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    };
    months.iter().fold(0, |m, k| m | 1 << k)
}

/// Generic answers for pending items whose content has none ({to}: who
/// was asked).
pub(super) const ANSWERS: &[&str] = &[
    "{to} đã tiếp thu, chỉ đạo giải quyết; Văn phòng Khối tiếp tục theo dõi.",
    "Thường trực Khối đã làm việc với {to}; có văn bản trả lời gửi tổ chức nêu ý kiến.",
    "Đã được giải quyết; tổ chức nêu ý kiến xác nhận tại giao ban.",
    "{to} đã trả lời, hướng dẫn thực hiện theo quy định.",
];

pub(super) const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

/// One task definition with what is worked out once for it.
pub(super) struct Def {
    pub(super) def: &'static TaskDef<'static>,
    pub(super) kind: TaskKind,
    pub(super) lead: i64,
    pub(super) with: Vec<i64>,
    /// Indices into the content's targets.
    pub(super) targets: Vec<usize>,
    /// Months when such work is taken up (bit m for month m), from what
    /// the title says: Tết work around Tết, year-end reviews at year end.
    pub(super) season: u16,
    pub(super) notes: &'static [&'static str],
}

pub(super) struct PersonRec {
    pub(super) id: i64,
    pub(super) org: Option<i64>,
    pub(super) name: String,
}

pub(super) struct MeetingRec {
    pub(super) id: i64,
    pub(super) date: NaiveDate,
    pub(super) ends: NaiveDateTime,
    pub(super) reports: Vec<(i64, i64)>,
    pub(super) topical: i64,
}
