//! The calendar of briefings as iCalendar (RFC 5545), for import into a phone,
//! mail or office calendar: one VEVENT per briefing, times in Vietnam's local
//! time (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving).
//!
//! Output is deterministic (same events, same bytes), so a re-export only
//! changes what changed; a moved or cancelled briefing keeps its UID and
//! carries a higher SEQUENCE so calendars update the entry in place.

use chrono::{NaiveDateTime, TimeDelta};

/// The one time zone the product works in.
const TZID: &str = "Asia/Ho_Chi_Minh";

/// Vietnam's offset from UTC, in hours.
const UTC_OFFSET_HOURS: i64 = 7;

/// RFC 5545 §3.1: a content line is at most 75 octets, CRLF excluded.
const MAX_LINE_OCTETS: usize = 75;

/// One briefing on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across exports of the same briefing.
    pub uid: String,
    /// Local time (Asia/Ho_Chi_Minh).
    pub start: NaiveDateTime,
    /// Local time (Asia/Ho_Chi_Minh).
    pub end: NaiveDateTime,
    pub summary: String,
    /// Left out of the entry when empty.
    pub location: String,
    /// Left out of the entry when empty.
    pub description: String,
    /// Raised each time the briefing is moved, changed or cancelled.
    pub sequence: u32,
    pub cancelled: bool,
    /// When this version of the entry was made, local time; written as UTC.
    pub stamp: NaiveDateTime,
}

/// The whole calendar file: CRLF line ends, long lines folded, text escaped.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |s: &str| push_folded(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//giaoban//giaoban//VI");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    line("BEGIN:VTIMEZONE");
    line(&format!("TZID:{TZID}"));
    line("BEGIN:STANDARD");
    line("DTSTART:19700101T000000");
    line("TZOFFSETFROM:+0700");
    line("TZOFFSETTO:+0700");
    line("TZNAME:+07");
    line("END:STANDARD");
    line("END:VTIMEZONE");
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&e.uid)));
        line(&format!("DTSTAMP:{}", utc_stamp(e.stamp)));
        line(&format!("DTSTART;TZID={TZID}:{}", local_stamp(e.start)));
        line(&format!("DTEND;TZID={TZID}:{}", local_stamp(e.end)));
        line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.location.is_empty() {
            line(&format!("LOCATION:{}", escape_text(&e.location)));
        }
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape_text(&e.description)));
        }
        line(&format!("SEQUENCE:{}", e.sequence));
        line(if e.cancelled { "STATUS:CANCELLED" } else { "STATUS:CONFIRMED" });
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// "20261201T030000": a floating local date-time, used with TZID.
fn local_stamp(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// "20261130T200000Z": local time moved back to UTC.
fn utc_stamp(local: NaiveDateTime) -> String {
    // Only the far ends of the representable range could overflow; keep the
    // value rather than fail the whole export.
    let utc = local.checked_sub_signed(TimeDelta::hours(UTC_OFFSET_HOURS)).unwrap_or(local);
    format!("{}Z", local_stamp(utc))
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon and comma are
/// escaped, a line break (LF or CRLF) becomes `\n`, a tab becomes a space and
/// every other control character is dropped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                out.push_str("\\n");
            }
            '\t' => out.push(' '),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (RFC 5545 §3.1) so that no physical line
/// exceeds 75 octets, each continuation starting with one space that counts
/// toward its 75. Breaks fall between characters, never inside a UTF-8
/// sequence, so every physical line is valid UTF-8 on its own.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const LONG_SUMMARY: &str =
        "Hội nghị giao ban Khối Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện Hải Hà";

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    fn event() -> Event {
        Event {
            uid: "briefing-42@giaoban".into(),
            start: at(2026, 12, 1, 8, 0),
            end: at(2026, 12, 1, 11, 30),
            summary: "Giao ban tháng 12".into(),
            location: "Hội trường UBND huyện".into(),
            description: String::new(),
            sequence: 0,
            cancelled: false,
            stamp: at(2026, 11, 20, 9, 15),
        }
    }

    /// Physical lines without their CRLF; panics on a bare LF or CR.
    fn physical_lines(ics: &str) -> Vec<&[u8]> {
        let bytes = ics.as_bytes();
        assert!(bytes.ends_with(b"\r\n"), "output must end with CRLF");
        let body = &bytes[..bytes.len() - 1];
        body.split(|&b| b == b'\n')
            .map(|l| {
                assert_eq!(l.last(), Some(&b'\r'), "LF without CR before it");
                let l = &l[..l.len() - 1];
                assert!(!l.contains(&b'\r'), "CR without LF after it");
                l
            })
            .collect()
    }

    fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn whole_calendar_is_exact() {
        let mut e = event();
        e.description = "Chuẩn bị:\nbáo cáo; số liệu, kiến nghị".into();
        let got = calendar("Lịch giao ban", &[e]);
        let want = "BEGIN:VCALENDAR\r\n\
            VERSION:2.0\r\n\
            PRODID:-//giaoban//giaoban//VI\r\n\
            CALSCALE:GREGORIAN\r\n\
            METHOD:PUBLISH\r\n\
            X-WR-CALNAME:Lịch giao ban\r\n\
            X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n\
            BEGIN:VTIMEZONE\r\n\
            TZID:Asia/Ho_Chi_Minh\r\n\
            BEGIN:STANDARD\r\n\
            DTSTART:19700101T000000\r\n\
            TZOFFSETFROM:+0700\r\n\
            TZOFFSETTO:+0700\r\n\
            TZNAME:+07\r\n\
            END:STANDARD\r\n\
            END:VTIMEZONE\r\n\
            BEGIN:VEVENT\r\n\
            UID:briefing-42@giaoban\r\n\
            DTSTAMP:20261120T021500Z\r\n\
            DTSTART;TZID=Asia/Ho_Chi_Minh:20261201T080000\r\n\
            DTEND;TZID=Asia/Ho_Chi_Minh:20261201T113000\r\n\
            SUMMARY:Giao ban tháng 12\r\n\
            LOCATION:Hội trường UBND huyện\r\n\
            DESCRIPTION:Chuẩn bị:\\nbáo cáo\\; số liệu\\, kiến nghị\r\n\
            SEQUENCE:0\r\n\
            STATUS:CONFIRMED\r\n\
            END:VEVENT\r\n\
            END:VCALENDAR\r\n";
        assert_eq!(got, want);
    }

    #[test]
    fn escapes_each_special_character() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("a;b"), r"a\;b");
        assert_eq!(escape_text("a,b"), r"a\,b");
        assert_eq!(escape_text("a\nb"), r"a\nb");
        assert_eq!(escape_text("a\r\nb"), r"a\nb");
        assert_eq!(escape_text("a\n\nb"), r"a\n\nb");
        // Colons and double quotes need no escaping in a TEXT value.
        assert_eq!(escape_text("Ghi chú: \"gấp\""), "Ghi chú: \"gấp\"");
        assert_eq!(escape_text(r"\;,"), r"\\\;\,");
    }

    #[test]
    fn drops_control_characters_and_keeps_words_apart_at_tabs() {
        assert_eq!(escape_text("a\u{0}b\u{7}c\u{1b}d\u{1f}e\u{7f}f"), "abcdef");
        assert_eq!(escape_text("a\rb"), "ab");
        assert_eq!(escape_text("Tổ\tquốc"), "Tổ quốc");
        assert_eq!(escape_text("Mặt trận"), "Mặt trận");
    }

    #[test]
    fn escaping_reaches_every_text_property() {
        let mut e = event();
        e.uid = "a,b".into();
        e.summary = "x;y".into();
        e.location = r"p\q".into();
        e.description = "m\r\nn".into();
        let ics = calendar("Khối, huyện", &[e]);
        assert!(ics.contains("\r\nX-WR-CALNAME:Khối\\, huyện\r\n"));
        assert!(ics.contains("\r\nUID:a\\,b\r\n"));
        assert!(ics.contains("\r\nSUMMARY:x\\;y\r\n"));
        assert!(ics.contains("\r\nLOCATION:p\\\\q\r\n"));
        assert!(ics.contains("\r\nDESCRIPTION:m\\nn\r\n"));
    }

    #[test]
    fn folds_long_vietnamese_summary_within_75_octets() {
        let mut e = event();
        e.summary = format!("{LONG_SUMMARY}, {LONG_SUMMARY}");
        let ics = calendar("Lịch", &[e.clone()]);
        let lines = physical_lines(&ics);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {:?}", l.len(), String::from_utf8_lossy(l));
            assert!(std::str::from_utf8(l).is_ok(), "split inside a character: {l:?}");
        }
        // The summary needed several physical lines, each continuation with one space.
        let start = lines.iter().position(|l| l.starts_with(b"SUMMARY:")).unwrap();
        let continued = lines[start + 1..].iter().take_while(|l| l.starts_with(b" ")).count();
        assert!(continued >= 2, "expected folding, got {continued} continuation lines");
        // Greedy: a line breaks only when the next character (at most 3 octets here) would not fit.
        assert!(lines[start..start + continued].iter().all(|l| l.len() >= 73));
        // Unfolding gives back the escaped line exactly.
        let want = format!("SUMMARY:{}", escape_text(&e.summary));
        assert!(want.contains("\\,"));
        assert!(unfold(&ics).split("\r\n").any(|l| l == want));
    }

    #[test]
    fn folds_at_exactly_75_octets() {
        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));

        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));

        // 75 + 74 + 1: the continuation's space counts toward its 75.
        let mut out = String::new();
        push_folded(&mut out, &"b".repeat(150));
        assert_eq!(out, format!("{}\r\n {}\r\n b\r\n", "b".repeat(75), "b".repeat(74)));
    }

    #[test]
    fn never_splits_a_multibyte_character() {
        // 74 ASCII octets, then "ộ" (3 octets) cannot fit: it moves whole to the next line.
        let mut out = String::new();
        push_folded(&mut out, &format!("{}ộ", "x".repeat(74)));
        assert_eq!(out, format!("{}\r\n ộ\r\n", "x".repeat(74)));

        // 73 + "ộ" = 76 > 75 as well.
        let mut out = String::new();
        push_folded(&mut out, &format!("{}ộx", "x".repeat(73)));
        assert_eq!(out, format!("{}\r\n ộx\r\n", "x".repeat(73)));

        // 72 + "ộ" = 75 fits exactly.
        let mut out = String::new();
        push_folded(&mut out, &format!("{}ộx", "x".repeat(72)));
        assert_eq!(out, format!("{}ộ\r\n x\r\n", "x".repeat(72)));
    }

    #[test]
    fn every_line_ends_with_crlf() {
        let mut e = event();
        e.description = "dòng 1\ndòng 2\r\ndòng 3".into();
        e.summary = LONG_SUMMARY.repeat(3);
        let ics = calendar("Lịch", &[e, event()]);
        let lines = physical_lines(&ics);
        assert_eq!(ics.matches("\r\n").count(), lines.len());
        assert_eq!(ics.matches('\n').count(), lines.len());
        assert_eq!(ics.matches('\r').count(), lines.len());
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn dtstamp_is_utc_across_a_date_boundary() {
        let mut e = event();
        e.stamp = at(2026, 12, 1, 3, 0);
        let ics = calendar("Lịch", &[e]);
        assert!(ics.contains("\r\nDTSTAMP:20261130T200000Z\r\n"), "{ics}");
        // Start and end stay in local time with the zone named.
        assert!(ics.contains("\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20261201T080000\r\n"));
        assert!(ics.contains("\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20261201T113000\r\n"));
    }

    #[test]
    fn dtstamp_crosses_a_year_boundary() {
        assert_eq!(utc_stamp(at(2027, 1, 1, 6, 59)), "20261231T235900Z");
        assert_eq!(utc_stamp(at(2027, 1, 1, 7, 0)), "20270101T000000Z");
    }

    #[test]
    fn same_input_same_output() {
        let mut second = event();
        second.uid = "briefing-43@giaoban".into();
        second.summary = LONG_SUMMARY.into();
        let events = [event(), second];
        let a = calendar("Lịch giao ban", &events);
        let b = calendar("Lịch giao ban", &events.clone());
        assert_eq!(a, b);
        assert_eq!(a.matches("BEGIN:VEVENT\r\n").count(), 2);
        // Events keep the order given.
        assert!(a.find("briefing-42@").unwrap() < a.find("briefing-43@").unwrap());
    }

    #[test]
    fn cancelled_event_is_marked_cancelled() {
        let mut e = event();
        e.cancelled = true;
        e.sequence = 3;
        let ics = calendar("Lịch", &[e]);
        assert!(ics.contains("\r\nSEQUENCE:3\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"));
        assert!(!ics.contains("CONFIRMED"));

        let ics = calendar("Lịch", &[event()]);
        assert!(ics.contains("\r\nSTATUS:CONFIRMED\r\n"));
        assert!(!ics.contains("CANCELLED"));
    }

    #[test]
    fn empty_location_and_description_are_left_out() {
        let mut e = event();
        e.location.clear();
        e.description.clear();
        let ics = calendar("Lịch", &[e]);
        assert!(!ics.contains("LOCATION"));
        assert!(!ics.contains("DESCRIPTION"));
        assert!(ics.contains("\r\nSUMMARY:Giao ban tháng 12\r\nSEQUENCE:0\r\n"));
    }

    #[test]
    fn empty_calendar_still_has_the_time_zone() {
        let ics = calendar("", &[]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("\r\nX-WR-CALNAME:\r\n"));
        assert!(ics.contains("\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
        assert!(!ics.contains("VEVENT"));
    }
}
