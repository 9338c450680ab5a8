//! The minutes and the notice of conclusions of one briefing, in Markdown.

use super::{issuer_lines, place_date_line};
use crate::domain::{Settings, Task};
use crate::ops::read::Settled;
use crate::ops::{BriefingSummary, Names};
use crate::text::format_date;
use chrono::{NaiveDateTime, Timelike};
use std::fmt::Write;

/// "08 giờ 05, ngày 16 tháng 11 năm 2026".
fn when(at: NaiveDateTime) -> String {
    format!("{:02} giờ {:02}, {}", at.hour(), at.minute(), crate::text::format_nd30_date(at.date()))
}

/// Table cells: one line, no pipe that would split the cell.
fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "/")
}

fn header(out: &mut String, settings: &Settings, number: &str) {
    let (parent, office) = issuer_lines(settings);
    out.push_str("| | |\n|:---:|:---:|\n");
    let _ = writeln!(out, "| {} | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |", cell(&parent));
    let _ = writeln!(out, "| **{}** | **Độc lập - Tự do - Hạnh phúc** |", cell(&office));
    let _ = writeln!(out, "| Số: {number} | |");
    out.push('\n');
}

fn owners(task: &Task, names: &Names) -> (String, String) {
    let with: Vec<String> = task.with_org_ids.iter().map(|o| names.short(*o)).collect();
    (names.org(task.lead_org_id).map(|o| o.name.clone()).unwrap_or_default(), with.join(", "))
}

fn assignments(out: &mut String, tasks: &[Task], names: &Names) {
    out.push_str("| TT | Nội dung | Chủ trì | Phối hợp | Thời hạn |\n|---:|---|---|---|---|\n");
    for (i, task) in tasks.iter().enumerate() {
        let (lead, with) = owners(task, names);
        let due = task.deadline.map(format_date).unwrap_or_else(|| "—".into());
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", i + 1, cell(&task.title), cell(&lead), cell(&with), due);
    }
    out.push('\n');
}

/// The minutes (biên bản) of a briefing.
pub fn minutes_markdown(sum: &BriefingSummary, settings: &Settings, names: &Names) -> String {
    let m = &sum.meeting;
    let mut out = String::new();
    header(&mut out, settings, &format!("{:02}/BB-KMTTQ", m.number));
    out.push_str("# BIÊN BẢN\n\n");
    let _ = writeln!(out, "## Hội nghị giao ban số {}/{} của {}\n", m.number, m.year, settings.bloc_name.trim());
    let started = m.started_at.unwrap_or(m.starts_at);
    let _ = writeln!(out, "- **Thời gian bắt đầu:** {}", when(started));
    let _ = writeln!(out, "- **Địa điểm:** {}", if m.place.is_empty() { "—" } else { &m.place });
    let present: Vec<String> = sum
        .attendance
        .iter()
        .filter(|a| a.present)
        .map(|a| {
            let org = names.org(a.org_id).map(|o| o.name.clone()).unwrap_or_default();
            if a.attendees.is_empty() {
                org
            } else {
                format!("{org} ({})", a.attendees)
            }
        })
        .collect();
    let absent: Vec<String> = sum
        .attendance
        .iter()
        .filter(|a| !a.present)
        .map(|a| {
            let org = names.org(a.org_id).map(|o| o.name.clone()).unwrap_or_default();
            if a.reason.is_empty() {
                org
            } else {
                format!("{org} ({})", a.reason)
            }
        })
        .collect();
    let _ =
        writeln!(out, "- **Thành phần tham dự:** {}", if present.is_empty() { "—".into() } else { present.join("; ") });
    if !absent.is_empty() {
        let _ = writeln!(out, "- **Vắng mặt:** {}", absent.join("; "));
    }
    let _ = writeln!(out, "- **Chủ trì (chủ tọa):** {}", sum.chair.as_deref().unwrap_or("—"));
    let _ = writeln!(out, "- **Thư ký (người ghi biên bản):** {}\n", sum.secretary.as_deref().unwrap_or("—"));

    out.push_str("## Nội dung\n\n");
    for item in &sum.agenda {
        let by = item.org_id.and_then(|o| names.org(o)).map(|o| format!(" ({})", o.name)).unwrap_or_default();
        let _ = writeln!(out, "### {}. {}{by}\n", item.position, item.title);
        if !item.notes.is_empty() {
            let _ = writeln!(out, "{}\n", item.notes);
        }
        if !item.outcome.is_empty() {
            let _ = writeln!(out, "**Kết quả:** {}\n", item.outcome);
        }
    }
    if !m.notes.is_empty() {
        let _ = writeln!(out, "{}\n", m.notes);
    }
    if !sum.conclusions.is_empty() {
        out.push_str("## Kết luận, giao nhiệm vụ\n\n");
        assignments(&mut out, &sum.conclusions, names);
    }
    if !sum.pending_raised.is_empty() {
        out.push_str("## Khó khăn, vướng mắc, đề xuất nêu tại cuộc họp\n\n");
        for p in &sum.pending_raised {
            let by = p.raised_by_org_id.and_then(|o| names.org(o)).map(|o| format!("{}: ", o.name)).unwrap_or_default();
            let _ = writeln!(out, "- {by}{}", p.text.replace('\n', " "));
        }
        out.push('\n');
    }
    if !sum.settled.is_empty() {
        out.push_str("## Việc kỳ trước đã giải quyết tại cuộc họp\n\n");
        for s in &sum.settled {
            match s {
                Settled::Task { task, change } => {
                    let _ = writeln!(out, "- {} ({}): {change}", task.title, names.short(task.lead_org_id));
                }
                Settled::Pending { item } => {
                    let _ = writeln!(out, "- {} — {}", item.text.replace('\n', " "), item.answer.replace('\n', " "));
                }
            }
        }
        out.push('\n');
    }
    if let Some(end) = m.ends_at {
        let _ = writeln!(out, "Cuộc họp kết thúc vào {}.\n", when(end));
    }
    out.push_str("| THƯ KÝ | CHỦ TỌA |\n|:---:|:---:|\n| *(Ký, ghi rõ họ tên)* | *(Ký, ghi rõ họ tên)* |\n");
    let _ = writeln!(out, "| {} | {} |\n", sum.secretary.as_deref().unwrap_or(""), sum.chair.as_deref().unwrap_or(""));
    out.push_str("**Nơi nhận:**\n- Các tổ chức thành viên;\n- Lưu: VT, Hồ sơ.\n");
    out
}

/// The notice of conclusions (thông báo kết luận) of a briefing.
pub fn conclusions_markdown(sum: &BriefingSummary, settings: &Settings, names: &Names) -> String {
    let m = &sum.meeting;
    let mut out = String::new();
    header(&mut out, settings, &format!("{:02}/TB-KMTTQ", m.number));
    let issued = m.ends_at.unwrap_or(m.starts_at).date();
    let _ = writeln!(out, "*{}*\n", place_date_line(settings, issued));
    out.push_str("# THÔNG BÁO\n\n");
    let chair = sum.chair.clone().unwrap_or_else(|| "đồng chí chủ trì".into());
    let _ = writeln!(out, "## Kết luận của đồng chí {chair} tại hội nghị giao ban số {}/{}\n", m.number, m.year);
    let present: Vec<String> = sum
        .attendance
        .iter()
        .filter(|a| a.present)
        .filter_map(|a| names.org(a.org_id).map(|o| o.name.clone()))
        .collect();
    let held = m.started_at.unwrap_or(m.starts_at);
    let _ = writeln!(
        out,
        "Ngày {}, tại {}, {} tổ chức hội nghị giao ban do đồng chí {chair} chủ trì; dự hội nghị có {}. Sau khi nghe các tổ chức báo cáo, đồng chí chủ trì kết luận như sau:\n",
        format_date(held.date()),
        if m.place.is_empty() { "trụ sở" } else { &m.place },
        settings.bloc_name.trim(),
        if present.is_empty() { "đại diện các tổ chức".to_string() } else { present.join(", ") }
    );
    let outcomes: Vec<String> =
        sum.agenda.iter().filter(|i| !i.outcome.is_empty()).map(|i| format!("- {}: {}", i.title, i.outcome)).collect();
    out.push_str("### 1. Kết quả\n\n");
    if outcomes.is_empty() {
        out.push_str("- Các tổ chức đã báo cáo kết quả công tác theo chương trình.\n\n");
    } else {
        out.push_str(&outcomes.join("\n"));
        out.push_str("\n\n");
    }
    out.push_str("### 2. Hạn chế, khó khăn\n\n");
    let obstacles: Vec<&crate::domain::PendingItem> = sum.pending_raised.iter().collect();
    if obstacles.is_empty() {
        out.push_str("- Không có khó khăn mới được nêu.\n\n");
    } else {
        for p in obstacles {
            let by = p.raised_by_org_id.map(|o| format!("{}: ", names.short(o))).unwrap_or_default();
            let _ = writeln!(out, "- {by}{}", p.text.replace('\n', " "));
        }
        out.push('\n');
    }
    out.push_str("### 3. Phân công thực hiện\n\n");
    let mut by_org: Vec<(i64, Vec<&Task>)> = Vec::new();
    for t in &sum.conclusions {
        match by_org.iter_mut().find(|(o, _)| *o == t.lead_org_id) {
            Some((_, list)) => list.push(t),
            None => by_org.push((t.lead_org_id, vec![t])),
        }
    }
    for (org, tasks) in &by_org {
        let _ = writeln!(out, "**{}:**\n", names.org(*org).map(|o| o.name.clone()).unwrap_or_default());
        for t in tasks {
            let (_, with) = owners(t, names);
            let with = if with.is_empty() { String::new() } else { format!("; phối hợp: {with}") };
            let due = t.deadline.map(|d| format!("; thời hạn: {}", format_date(d))).unwrap_or_default();
            let _ = writeln!(out, "- {}{with}{due}.", t.title);
        }
        out.push('\n');
    }
    let answered: Vec<String> = sum
        .settled
        .iter()
        .filter_map(|s| match s {
            Settled::Pending { item } => {
                Some(format!("- {} — {}", item.text.replace('\n', " "), item.answer.replace('\n', " ")))
            }
            Settled::Task { .. } => None,
        })
        .collect();
    out.push_str("### 4. Trả lời đề xuất, kiến nghị\n\n");
    if answered.is_empty() {
        out.push_str("- Các đề xuất chưa trả lời được tiếp tục theo dõi ở kỳ sau.\n\n");
    } else {
        out.push_str(&answered.join("\n"));
        out.push_str("\n\n");
    }
    let (_, office) = issuer_lines(settings);
    let _ = writeln!(out, "| **Nơi nhận:** | **TM. {office}** |\n|:---|:---:|");
    let orgs: Vec<String> = sum.attendance.iter().filter_map(|a| names.org(a.org_id).map(|o| o.name.clone())).collect();
    let _ = writeln!(
        out,
        "| - {}; | |",
        if orgs.is_empty() { "Các tổ chức thành viên".into() } else { orgs.join(";<br>- ") }
    );
    let _ = writeln!(out, "| - Lưu: VT. | {} |", sum.chair.as_deref().unwrap_or(""));
    out
}
