//! Vietnamese number formatting: "." groups thousands, "," marks decimals.

/// Inserts "." every three digits of a plain ASCII digit string.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "1.500.000", "-2.300".
pub fn format_int(n: i64) -> String {
    // unsigned_abs avoids overflow on i64::MIN.
    let grouped = group_digits(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Rounds to at most `max_decimals` and drops trailing zeros: 40.75 -> "40,75",
/// 2.0 -> "2", 1234.5 -> "1.234,5". Non-finite values are shown as Rust prints them.
pub fn format_decimal(x: f64, max_decimals: usize) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let fixed = format!("{:.*}", max_decimals, x.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let frac_part = frac_part.trim_end_matches('0');
    // No "-0" when a tiny negative rounds to zero.
    let is_zero = int_part.bytes().all(|b| b == b'0') && frac_part.is_empty();
    let mut out = String::new();
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&group_digits(int_part));
    if !frac_part.is_empty() {
        out.push(',');
        out.push_str(frac_part);
    }
    out
}

/// "1.500.000 đồng".
pub fn format_money(amount: i64) -> String {
    format!("{} đồng", format_int(amount))
}

/// Compact money for reports: "1,5 tỷ đồng", "636 triệu đồng" (max 2 decimals).
/// Amounts below one million use the full `format_money`.
pub fn format_money_short(amount: i64) -> String {
    let abs = amount.unsigned_abs();
    if abs < 1_000_000 {
        return format_money(amount);
    }
    let sign = if amount < 0 { "-" } else { "" };
    let millions = abs as f64 / 1e6;
    // 999.999.999 would round to "1.000 triệu"; say "1 tỷ" instead.
    if abs >= 1_000_000_000 || (millions * 100.0).round() / 100.0 >= 1000.0 {
        format!("{sign}{} tỷ đồng", format_decimal(abs as f64 / 1e9, 2))
    } else {
        format!("{sign}{} triệu đồng", format_decimal(millions, 2))
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Validates thousands groups ("1", "500", "000") and returns the digits.
fn join_groups<'a>(groups: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for (i, g) in groups.enumerate() {
        let ok = all_digits(g) && if i == 0 { g.len() <= 3 } else { g.len() == 3 };
        if !ok {
            return None;
        }
        out.push_str(g);
    }
    Some(out)
}

/// Integer part: plain digits, "." groups or space groups (not mixed).
fn parse_int_part(s: &str) -> Option<String> {
    let has_dot = s.contains('.');
    let has_space = s.chars().any(char::is_whitespace);
    match (has_dot, has_space) {
        (false, false) if all_digits(s) => Some(s.to_string()),
        (true, false) => join_groups(s.split('.')),
        (false, true) => join_groups(s.split(char::is_whitespace)),
        _ => None,
    }
}

/// Parses a number typed the Vietnamese way: "1.500.000", "1500000",
/// "1 500 000", "1,5", "40,75", with optional sign.
///
/// Convenience rule: a single "." followed by exactly one or two digits
/// ("2.5", "40.75") is read as a decimal point, since a thousands group always
/// has three digits; "1.500" therefore stays 1500.
pub fn parse_number(input: &str) -> Option<f64> {
    // Treat no-break spaces as ordinary group spaces.
    let cleaned: String =
        input.trim().chars().map(|c| if c == '\u{A0}' || c == '\u{202F}' { ' ' } else { c }).collect();
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let (int_raw, frac) = if let Some((i, f)) = body.split_once(',') {
        if !all_digits(f) {
            return None;
        }
        (i, Some(f))
    } else {
        match body.split_once('.') {
            Some((i, f)) if all_digits(i) && all_digits(f) && f.len() <= 2 => (i, Some(f)),
            _ => (body, None),
        }
    };
    let int_digits = parse_int_part(int_raw)?;
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits,
    };
    let value: f64 = text.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// An amount as offices write it: a number (see `parse_number`), optionally
/// followed by a scale word — "1,5 tỷ" = 1.500.000.000, "636 triệu",
/// "200 nghìn" (or "ngàn"), accents optional — and an optional "đồng".
pub fn parse_amount(input: &str) -> Option<f64> {
    let folded = crate::text::fold(input.trim());
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.last().is_some_and(|w| matches!(*w, "dong" | "d" | "vnd")) {
        words.pop();
    }
    let scale = match words.last().copied() {
        Some("ty") => 1e9,
        Some("trieu" | "tr") => 1e6,
        Some("nghin" | "ngan") => 1e3,
        _ => 1.0,
    };
    if scale != 1.0 {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let value = parse_number(&words.join(" "))? * scale;
    // 1,5 tỷ is exactly 1.500.000.000, not 1.499.999.999,99…
    Some(if scale != 1.0 { (value * 100.0).round() / 100.0 } else { value })
}

/// Percentage of `target` reached; None when the target is not positive.
pub fn percent(actual: f64, target: f64) -> Option<f64> {
    if !target.is_finite() || target <= 0.0 || !actual.is_finite() {
        return None;
    }
    Some(actual / target * 100.0)
}

/// "59,4%" (one decimal at most).
pub fn format_percent(p: f64) -> String {
    format!("{}%", format_decimal(p, 1))
}

#[cfg(test)]
mod tests {

    #[test]
    fn amounts_in_the_words_offices_use() {
        assert_eq!(parse_amount("1,5 tỷ"), Some(1_500_000_000.0));
        assert_eq!(parse_amount("1,5 ty dong"), Some(1_500_000_000.0));
        assert_eq!(parse_amount("636 triệu"), Some(636_000_000.0));
        assert_eq!(parse_amount("525 triệu đồng"), Some(525_000_000.0));
        assert_eq!(parse_amount("200 nghìn"), Some(200_000.0));
        assert_eq!(parse_amount("200 ngàn"), Some(200_000.0));
        assert_eq!(parse_amount("1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_amount("27"), Some(27.0));
        assert_eq!(parse_amount("tỷ"), None);
        assert_eq!(parse_amount("nhiều tỷ"), None);
        assert_eq!(parse_amount(""), None);
    }

    use super::*;

    #[test]
    fn ints() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1000), "1.000");
        assert_eq!(format_int(1_500_000), "1.500.000");
        assert_eq!(format_int(-2300), "-2.300");
        assert_eq!(format_int(123_456_789), "123.456.789");
        assert_eq!(format_int(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn decimals() {
        assert_eq!(format_decimal(40.75, 2), "40,75");
        assert_eq!(format_decimal(1.5, 2), "1,5");
        assert_eq!(format_decimal(2.0, 2), "2");
        assert_eq!(format_decimal(1234.5, 2), "1.234,5");
        assert_eq!(format_decimal(2.345, 0), "2");
        assert_eq!(format_decimal(1.996, 2), "2");
        assert_eq!(format_decimal(-0.001, 2), "0");
        assert_eq!(format_decimal(-12.5, 1), "-12,5");
        assert_eq!(format_decimal(f64::NAN, 2), "NaN");
    }

    #[test]
    fn money() {
        assert_eq!(format_money(1_500_000), "1.500.000 đồng");
        assert_eq!(format_money(0), "0 đồng");
        assert_eq!(format_money_short(1_500_000_000), "1,5 tỷ đồng");
        assert_eq!(format_money_short(636_000_000), "636 triệu đồng");
        assert_eq!(format_money_short(525_000_000), "525 triệu đồng");
        assert_eq!(format_money_short(1_234_567_890), "1,23 tỷ đồng");
        assert_eq!(format_money_short(2_500_000), "2,5 triệu đồng");
        assert_eq!(format_money_short(999_999_999), "1 tỷ đồng");
        assert_eq!(format_money_short(1_200_000_000_000), "1.200 tỷ đồng");
        assert_eq!(format_money_short(999_999), "999.999 đồng");
        assert_eq!(format_money_short(-3_000_000), "-3 triệu đồng");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_number("1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_number("1500000"), Some(1_500_000.0));
        assert_eq!(parse_number("1 500 000"), Some(1_500_000.0));
        assert_eq!(parse_number("1\u{A0}500"), Some(1500.0));
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("40,75"), Some(40.75));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("40.75"), Some(40.75));
        assert_eq!(parse_number("1.500"), Some(1500.0));
        assert_eq!(parse_number(" -2.300 "), Some(-2300.0));
        assert_eq!(parse_number("+7"), Some(7.0));
        assert_eq!(parse_number("0"), Some(0.0));
    }

    #[test]
    fn parsing_rejects() {
        for s in [
            "",
            " ",
            "abc",
            "1,5,5",
            "1.50.000",
            "12.345.6",
            "1.5000",
            ",5",
            "1,",
            "1.",
            "-",
            "1 50",
            "1.500 000",
            "1,5.0",
            "1e5",
            "1.2.3",
        ] {
            assert_eq!(parse_number(s), None, "{s:?}");
        }
    }

    #[test]
    fn percents() {
        assert_eq!(percent(50.0, 200.0), Some(25.0));
        assert_eq!(percent(1.0, 0.0), None);
        assert_eq!(percent(1.0, -5.0), None);
        assert_eq!(percent(1.0, f64::NAN), None);
        let p = percent(594.0, 1000.0).expect("positive target");
        assert_eq!(format_percent(p), "59,4%");
        assert_eq!(format_percent(100.0), "100%");
        assert_eq!(format_percent(33.333), "33,3%");
        assert_eq!(format_percent(0.0), "0%");
    }
}
