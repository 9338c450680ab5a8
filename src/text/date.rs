//! Vietnamese date/time formatting and forgiving date/time parsing.

use super::normalize::fold;
use super::Lang;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

/// Why a date or time could not be parsed. The app localizes the message.
#[derive(Debug, Clone, PartialEq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// Not a recognized shape.
    Format,
    /// Recognized shape but no such date/time (31/02, 25:00, year 1800...).
    Invalid,
}

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;
/// A "d/m" date this many days or fewer in the past stays in this year
/// (late entry of a recent event); older ones are taken as next year.
const PAST_GRACE_DAYS: i64 = 60;

/// "05/01/2020".
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Full weekday name, e.g. "Thứ Hai" / "Monday".
pub fn weekday_name(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Vi => ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][i],
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i],
    }
}

/// Short weekday name, e.g. "T2" / "Mon".
pub fn weekday_short(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Vi => ["T2", "T3", "T4", "T5", "T6", "T7", "CN"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// "Thứ Hai, 24/11/2026".
pub fn format_long_date(d: NaiveDate, lang: Lang) -> String {
    format!("{}, {}", weekday_name(d, lang), format_date(d))
}

/// ISO 8601 week number (1..=53).
pub fn iso_week(d: NaiveDate) -> u32 {
    d.iso_week().week()
}

/// Date line of an official document per Decree 30/2020/NĐ-CP: days below 10
/// and months 1-2 are zero-padded, months 3-12 are not.
pub fn format_nd30_date(d: NaiveDate) -> String {
    let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
    format!("ngày {:02} tháng {} năm {}", d.day(), month, d.year())
}

/// "08:05".
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "24/11/2026 08:00".
pub fn format_datetime(dt: NaiveDateTime) -> String {
    format!("{} {}", format_date(dt.date()), format_time(dt.time()))
}

/// "Tuần 48" / "Week 48" (ISO week).
pub fn week_label(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tuần {}", iso_week(d)),
        Lang::En => format!("Week {}", iso_week(d)),
    }
}

fn weekday_word(w: &str) -> Option<Weekday> {
    use Weekday::*;
    Some(match w {
        "t2" | "thu 2" | "thu hai" | "mon" | "monday" => Mon,
        "t3" | "thu 3" | "thu ba" | "tue" | "tuesday" => Tue,
        "t4" | "thu 4" | "thu tu" | "wed" | "wednesday" => Wed,
        "t5" | "thu 5" | "thu nam" | "thu" | "thursday" => Thu,
        "t6" | "thu 6" | "thu sau" | "fri" | "friday" => Fri,
        "t7" | "thu 7" | "thu bay" | "sat" | "saturday" => Sat,
        "cn" | "chu nhat" | "sun" | "sunday" => Sun,
        _ => return None,
    })
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn in_range(d: NaiveDate) -> Result<NaiveDate, DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(DateError::Invalid)
    }
}

/// "+7", "+7d", "+2w", "+2t" (t = tuần).
fn parse_offset(rest: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let (num, unit_days) = match rest.char_indices().last() {
        Some((i, 'd' | 'n')) => (&rest[..i], 1),
        Some((i, 'w' | 't')) => (&rest[..i], 7),
        _ => (rest, 1),
    };
    if !is_digits(num) || num.len() > 6 {
        return Err(DateError::Format);
    }
    let n: i64 = num.parse().map_err(|_| DateError::Format)?;
    let d = today.checked_add_signed(Duration::days(n * unit_days)).ok_or(DateError::Invalid)?;
    in_range(d)
}

fn numeric_date(parts: &[&str], today: NaiveDate) -> Result<NaiveDate, DateError> {
    if !parts.iter().all(|p| is_digits(p)) {
        return Err(DateError::Format);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format);
    let short = |s: &str| s.len() <= 2;
    match parts {
        [y, m, d] if y.len() == 4 && short(m) && short(d) => ymd(num(y)? as i32, num(m)?, num(d)?),
        [d, m, y] if short(d) && short(m) && (y.len() == 4 || y.len() == 2) => {
            let mut year = num(y)? as i32;
            if y.len() == 2 {
                year += 2000;
            }
            ymd(year, num(m)?, num(d)?)
        }
        [d, m] if short(d) && short(m) => {
            let (d, m) = (num(d)?, num(m)?);
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
            match this_year {
                Some(c) if (today - c).num_days() <= PAST_GRACE_DAYS => in_range(c),
                // Too far in the past, or 29/02 in a non-leap year: try next year.
                _ => ymd(today.year() + 1, m, d),
            }
        }
        _ => Err(DateError::Format),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(DateError::Invalid);
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::Invalid)
}

/// Parses a typed date relative to `today`.
///
/// Accepts dd/mm/yyyy, d/m/yyyy (also with '-' or '.'), yyyy-mm-dd, d/m/yy
/// (20yy), and d/m or dd/mm: this year, unless that date is more than 60 days
/// in the past, then next year. Shortcuts are case/accent-insensitive:
/// "hôm nay"/"hn"/"today", "mai"/"ngày mai"/"tomorrow", "+N", "+Nd",
/// "+Nw"/"+Nt" (weeks), and weekdays ("t2".."t7", "cn", "thứ hai".."chủ nhật",
/// "thứ 2", "mon".."sun") meaning the next such day strictly after today.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let folded = fold(input);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.is_empty() {
        return Err(DateError::Empty);
    }
    let text = words.join(" ");
    match text.as_str() {
        "hom nay" | "hn" | "today" => return in_range(today),
        "mai" | "ngay mai" | "tomorrow" => return parse_offset("1", today),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix('+') {
        return parse_offset(rest, today);
    }
    if let Some(wd) = weekday_word(&text) {
        let ahead = (7 + wd.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64) % 7;
        let days = if ahead == 0 { 7 } else { ahead };
        return parse_offset(&days.to_string(), today);
    }
    for sep in ['/', '-', '.'] {
        if text.contains(sep) {
            let parts: Vec<&str> = text.split(sep).collect();
            return numeric_date(&parts, today);
        }
    }
    Err(DateError::Format)
}

/// Parses "8:00", "08:00", "8h", "8h30", "14g30", "8 giờ 30 phút", "14".
pub fn parse_time(input: &str) -> Result<NaiveTime, DateError> {
    let folded = fold(input);
    let compact: String = folded.split_whitespace().collect();
    if compact.is_empty() {
        return Err(DateError::Empty);
    }
    let hour_len = compact.bytes().take_while(u8::is_ascii_digit).count();
    if hour_len == 0 || hour_len > 2 {
        return Err(DateError::Format);
    }
    let (hour, rest) = compact.split_at(hour_len);
    let minutes = if rest.is_empty() {
        "0"
    } else {
        let after_sep =
            ["gio", ":", "h", "g"].iter().find_map(|sep| rest.strip_prefix(sep)).ok_or(DateError::Format)?;
        let min = ["phut", "p"].iter().find_map(|suffix| after_sep.strip_suffix(suffix)).unwrap_or(after_sep);
        if min.is_empty() && rest.starts_with(':') {
            return Err(DateError::Format);
        }
        if min.is_empty() {
            "0"
        } else if is_digits(min) && min.len() <= 2 {
            min
        } else {
            return Err(DateError::Format);
        }
    };
    let h: u32 = hour.parse().map_err(|_| DateError::Format)?;
    let m: u32 = minutes.parse().map_err(|_| DateError::Format)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(DateError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn today() -> NaiveDate {
        d(2026, 11, 23) // a Monday
    }

    fn p(s: &str) -> Result<NaiveDate, DateError> {
        parse_date(s, today())
    }

    #[test]
    fn formatting() {
        assert_eq!(format_date(d(2020, 1, 5)), "05/01/2020");
        assert_eq!(format_long_date(d(2026, 11, 24), Lang::Vi), "Thứ Ba, 24/11/2026");
        assert_eq!(format_long_date(d(2026, 11, 23), Lang::Vi), "Thứ Hai, 23/11/2026");
        assert_eq!(format_long_date(d(2026, 11, 23), Lang::En), "Monday, 23/11/2026");
        assert_eq!(weekday_name(d(2026, 11, 29), Lang::Vi), "Chủ nhật");
        assert_eq!(weekday_name(d(2026, 11, 28), Lang::Vi), "Thứ Bảy");
        assert_eq!(weekday_name(d(2026, 11, 29), Lang::En), "Sunday");
        assert_eq!(weekday_short(d(2026, 11, 23), Lang::Vi), "T2");
        assert_eq!(weekday_short(d(2026, 11, 29), Lang::Vi), "CN");
        assert_eq!(weekday_short(d(2026, 11, 27), Lang::En), "Fri");
    }

    #[test]
    fn nd30_and_weeks() {
        assert_eq!(format_nd30_date(d(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(format_nd30_date(d(2026, 11, 24)), "ngày 24 tháng 11 năm 2026");
        assert_eq!(format_nd30_date(d(2020, 3, 5)), "ngày 05 tháng 3 năm 2020");
        assert_eq!(format_nd30_date(d(2021, 2, 28)), "ngày 28 tháng 02 năm 2021");
        assert_eq!(iso_week(d(2026, 11, 23)), 48);
        assert_eq!(iso_week(d(2021, 1, 1)), 53);
        assert_eq!(week_label(d(2026, 11, 23), Lang::Vi), "Tuần 48");
        assert_eq!(week_label(d(2026, 11, 23), Lang::En), "Week 48");
    }

    #[test]
    fn time_formatting() {
        let t = NaiveTime::from_hms_opt(8, 5, 0).expect("valid");
        assert_eq!(format_time(t), "08:05");
        let dt = d(2026, 11, 24).and_hms_opt(8, 0, 0).expect("valid");
        assert_eq!(format_datetime(dt), "24/11/2026 08:00");
    }

    #[test]
    fn shortcuts() {
        for s in ["hôm nay", "hom nay", "HN", "Hôm  Nay", "today", " hn "] {
            assert_eq!(p(s), Ok(today()), "{s}");
        }
        for s in ["mai", "Ngày mai", "ngay mai", "tomorrow"] {
            assert_eq!(p(s), Ok(d(2026, 11, 24)), "{s}");
        }
        assert_eq!(p("+7"), Ok(d(2026, 11, 30)));
        assert_eq!(p("+7d"), Ok(d(2026, 11, 30)));
        assert_eq!(p("+0"), Ok(today()));
        assert_eq!(p("+2w"), Ok(d(2026, 12, 7)));
        assert_eq!(p("+1t"), Ok(d(2026, 11, 30)));
        assert_eq!(p("+"), Err(DateError::Format));
        assert_eq!(p("+x"), Err(DateError::Format));
        assert_eq!(p("+999999w"), Err(DateError::Invalid));
    }

    #[test]
    fn weekdays_are_strictly_after_today() {
        assert_eq!(p("t2"), Ok(d(2026, 11, 30)));
        assert_eq!(p("cn"), Ok(d(2026, 11, 29)));
        assert_eq!(p("t3"), Ok(d(2026, 11, 24)));
        assert_eq!(p("T7"), Ok(d(2026, 11, 28)));
        assert_eq!(p("thứ hai"), Ok(d(2026, 11, 30)));
        assert_eq!(p("Thứ Sáu"), Ok(d(2026, 11, 27)));
        assert_eq!(p("thu tu"), Ok(d(2026, 11, 25)));
        assert_eq!(p("Chủ nhật"), Ok(d(2026, 11, 29)));
        assert_eq!(p("thứ 5"), Ok(d(2026, 11, 26)));
        assert_eq!(p("fri"), Ok(d(2026, 11, 27)));
        assert_eq!(p("Monday"), Ok(d(2026, 11, 30)));
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(p("30/11"), Ok(d(2026, 11, 30)));
        assert_eq!(p("5/1"), Ok(d(2027, 1, 5)));
        // Within 60 days in the past stays in this year.
        assert_eq!(p("1/10"), Ok(d(2026, 10, 1)));
        assert_eq!(p("24/9"), Ok(d(2026, 9, 24))); // exactly 60 days ago
        assert_eq!(p("23/9"), Ok(d(2027, 9, 23))); // 61 days ago
        assert_eq!(p("05/01/2020"), Ok(d(2020, 1, 5)));
        assert_eq!(p("5/1/2020"), Ok(d(2020, 1, 5)));
        assert_eq!(p("24-11-2026"), Ok(d(2026, 11, 24)));
        assert_eq!(p("24.11.2026"), Ok(d(2026, 11, 24)));
        assert_eq!(p("2026-11-24"), Ok(d(2026, 11, 24)));
        assert_eq!(p("5/1/27"), Ok(d(2027, 1, 5)));
        // 29/02 skips to the next year only when that year is a leap year.
        assert_eq!(parse_date("29/2", d(2027, 11, 23)), Ok(d(2028, 2, 29)));
    }

    #[test]
    fn date_errors() {
        assert_eq!(p("31/02/2026"), Err(DateError::Invalid));
        assert_eq!(p("32/1"), Err(DateError::Invalid));
        assert_eq!(p("1/13/2026"), Err(DateError::Invalid));
        assert_eq!(p("0/1/2026"), Err(DateError::Invalid));
        assert_eq!(p("1/1/1899"), Err(DateError::Invalid));
        assert_eq!(p("1/1/2201"), Err(DateError::Invalid));
        assert_eq!(p("29/2"), Err(DateError::Invalid));
        assert_eq!(p("abc"), Err(DateError::Format));
        assert_eq!(p("1/2/3/4"), Err(DateError::Format));
        assert_eq!(p("1/1/202"), Err(DateError::Format));
        assert_eq!(p("123/1"), Err(DateError::Format));
        assert_eq!(p("a/b"), Err(DateError::Format));
        assert_eq!(p("1/"), Err(DateError::Format));
        assert_eq!(p("30-11/2026"), Err(DateError::Format));
        assert_eq!(p(""), Err(DateError::Empty));
        assert_eq!(p("   "), Err(DateError::Empty));
    }

    #[test]
    fn times() {
        let t = |h, m| Ok(NaiveTime::from_hms_opt(h, m, 0).expect("valid"));
        assert_eq!(parse_time("8:00"), t(8, 0));
        assert_eq!(parse_time("08:00"), t(8, 0));
        assert_eq!(parse_time("8h"), t(8, 0));
        assert_eq!(parse_time("8h30"), t(8, 30));
        assert_eq!(parse_time("8H30"), t(8, 30));
        assert_eq!(parse_time("14g30"), t(14, 30));
        assert_eq!(parse_time("14 giờ 30"), t(14, 30));
        assert_eq!(parse_time("8 giờ 15 phút"), t(8, 15));
        assert_eq!(parse_time("8h05p"), t(8, 5));
        assert_eq!(parse_time("14"), t(14, 0));
        assert_eq!(parse_time(" 23:59 "), t(23, 59));
        assert_eq!(parse_time(""), Err(DateError::Empty));
        assert_eq!(parse_time("25:00"), Err(DateError::Invalid));
        assert_eq!(parse_time("8:60"), Err(DateError::Invalid));
        assert_eq!(parse_time("8:"), Err(DateError::Format));
        assert_eq!(parse_time("8x30"), Err(DateError::Format));
        assert_eq!(parse_time("8:300"), Err(DateError::Format));
        assert_eq!(parse_time("sáng"), Err(DateError::Format));
        assert_eq!(parse_time("123"), Err(DateError::Format));
    }
}
