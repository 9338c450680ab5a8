//! Figures as the notes write them.

/// Money to the nearest million đồng, counts to whole units.
pub(super) fn round_value(v: f64, unit: &str) -> f64 {
    if unit == "đồng" {
        ((v / 1_000_000.0).round() * 1_000_000.0).max(1_000_000.0)
    } else {
        v.round().max(1.0)
    }
}

/// "1.500.000" — Vietnamese thousands grouping.
pub(super) fn group(n: u64) -> String {
    let digits: Vec<char> = n.to_string().chars().collect();
    let parts: Vec<String> = digits.rchunks(3).rev().map(|c| c.iter().collect()).collect();
    parts.join(".")
}

/// "636 triệu đồng", "1,05 tỷ đồng", "12 nhà".
pub(super) fn amount(v: f64, unit: &str) -> String {
    if unit == "đồng" {
        if v >= 1_000_000_000.0 {
            let s = format!("{:.2}", v / 1_000_000_000.0);
            let s = s.trim_end_matches('0').trim_end_matches('.').replace('.', ",");
            format!("{s} tỷ đồng")
        } else if v >= 1_000_000.0 {
            format!("{} triệu đồng", group((v / 1_000_000.0).round() as u64))
        } else {
            format!("{} đồng", group(v.round() as u64))
        }
    } else {
        format!("{} {unit}", group(v.round() as u64))
    }
}

pub(super) fn progress_note(unit: &str, value: f64, target: f64) -> String {
    let pct = (value / target * 100.0).round() as i64;
    if unit == "đồng" {
        format!("Đã vận động được {} (đạt {pct}% chỉ tiêu).", amount(value, unit))
    } else {
        format!("Lũy kế đạt {}/{} ({pct}%).", group(value.round() as u64), amount(target, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_the_vietnamese_way() {
        assert_eq!(group(1_500_000_000), "1.500.000.000");
        assert_eq!(amount(1_500_000_000.0, "đồng"), "1,5 tỷ đồng");
        assert_eq!(amount(636_000_000.0, "đồng"), "636 triệu đồng");
        assert_eq!(amount(2300.0, "lượt"), "2.300 lượt");
    }
}
