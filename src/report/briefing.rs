//! The documents of one briefing, as content: its minutes (biên bản, form
//! 1.9 of Decree 30/2020), its notice of conclusions (thông báo kết luận,
//! form 1.4) and the invitation to it (giấy mời). Official documents are in
//! Vietnamese whatever the interface's language.

use super::doc::{Block, Document, Signer, Span};
use super::{one_line, Office};
use crate::domain::{PendingItem, Task};
use crate::ops::read::Settled;
use crate::ops::{BriefingSummary, Names};
use crate::text::format_date;
use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// "08 giờ 05, ngày 16 tháng 11 năm 2026".
fn when(at: NaiveDateTime) -> String {
    format!("{:02} giờ {:02}, {}", at.hour(), at.minute(), crate::text::format_nd30_date(at.date()))
}

fn field(label: &str, value: &str) -> Block {
    Block::Para(vec![Span::bold(format!("{label}: ")), Span::plain(if value.is_empty() { "—" } else { value })])
}

fn org_name(names: &Names, id: i64) -> String {
    names.org(id).map(|o| o.name.clone()).unwrap_or_default()
}

fn with_orgs(task: &Task, names: &Names) -> String {
    task.with_org_ids.iter().map(|o| names.short(*o)).collect::<Vec<_>>().join(", ")
}

fn deadline(task: &Task) -> String {
    task.deadline.map(format_date).unwrap_or_else(|| "—".into())
}

fn assignments(tasks: &[Task], names: &Names) -> Block {
    Block::Table {
        widths: vec![7, 45, 18, 16, 14],
        header: ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"].map(String::from).to_vec(),
        rows: tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                vec![
                    (i + 1).to_string(),
                    one_line(&t.title),
                    names.short(t.lead_org_id),
                    with_orgs(t, names),
                    deadline(t),
                ]
            })
            .collect(),
    }
}

fn raised_line(p: &PendingItem, names: &Names) -> Block {
    let by = p.raised_by_org_id.map(|o| format!("{}: ", names.short(o))).unwrap_or_default();
    Block::Bullet(vec![Span::plain(format!("{by}{}", one_line(&p.text)))])
}

fn answered_line(p: &PendingItem, names: &Names) -> Block {
    let by = p.raised_by_org_id.map(|o| format!("{}: ", names.short(o))).unwrap_or_default();
    Block::Bullet(vec![
        Span::plain(format!("{by}{} — ", one_line(&p.text))),
        Span::italic(if p.answer.trim().is_empty() { "đã giải quyết".to_string() } else { one_line(&p.answer) }),
    ])
}

fn chair_signer(office: &Office, chair: Option<&str>) -> Signer {
    Signer {
        authority: office.sign_for.clone(),
        title: office.signer_title.clone(),
        note: String::new(),
        name: if office.signer_name.is_empty() { chair.unwrap_or("").to_string() } else { office.signer_name.clone() },
    }
}

/// The minutes of a briefing; `number` from the register, or none for a
/// number written in by hand.
pub fn minutes(sum: &BriefingSummary, office: &Office, names: &Names, number: Option<i64>) -> Document {
    let m = &sum.meeting;
    let mut body =
        vec![field("Thời gian bắt đầu", &when(m.started_at.unwrap_or(m.starts_at))), field("Địa điểm", &m.place)];
    let show = |org_id: i64, extra: &str| {
        let org = org_name(names, org_id);
        if extra.trim().is_empty() {
            org
        } else {
            format!("{org} ({})", one_line(extra))
        }
    };
    let present: Vec<String> =
        sum.attendance.iter().filter(|a| a.present).map(|a| show(a.org_id, &a.attendees)).collect();
    let absent: Vec<String> = sum.attendance.iter().filter(|a| !a.present).map(|a| show(a.org_id, &a.reason)).collect();
    body.push(field("Thành phần tham dự", &present.join("; ")));
    if !absent.is_empty() {
        body.push(field("Vắng mặt", &absent.join("; ")));
    }
    body.push(field("Chủ trì (chủ tọa)", sum.chair.as_deref().unwrap_or("")));
    body.push(field("Thư ký (người ghi biên bản)", sum.secretary.as_deref().unwrap_or("")));
    body.push(Block::Heading("Nội dung".into()));
    for item in &sum.agenda {
        let by = item.org_id.map(|o| format!(" ({})", org_name(names, o))).unwrap_or_default();
        body.push(Block::Para(vec![Span::bold(format!("{}. {}{by}", item.position, one_line(&item.title)))]));
        for para in item.notes.lines().filter(|l| !l.trim().is_empty()) {
            body.push(Block::Para(vec![Span::plain(para.trim())]));
        }
        if !item.outcome.trim().is_empty() {
            body.push(Block::Para(vec![Span::bold("Kết quả: "), Span::plain(one_line(&item.outcome))]));
        }
    }
    for para in m.notes.lines().filter(|l| !l.trim().is_empty()) {
        body.push(Block::Para(vec![Span::plain(para.trim())]));
    }
    if !sum.conclusions.is_empty() {
        body.push(Block::Heading("Kết luận, giao nhiệm vụ".into()));
        body.push(assignments(&sum.conclusions, names));
    }
    if !sum.pending_raised.is_empty() {
        body.push(Block::Heading("Khó khăn, vướng mắc, đề xuất nêu tại cuộc họp".into()));
        body.extend(sum.pending_raised.iter().map(|p| raised_line(p, names)));
    }
    if !sum.settled.is_empty() {
        body.push(Block::Heading("Việc kỳ trước đã giải quyết tại cuộc họp".into()));
        for s in &sum.settled {
            body.push(match s {
                Settled::Task { task, change } => Block::Bullet(vec![Span::plain(format!(
                    "{} ({}): {change}",
                    one_line(&task.title),
                    names.short(task.lead_org_id)
                ))]),
                Settled::Pending { item } => answered_line(item, names),
            });
        }
    }
    if let Some(end) = m.ends_at {
        body.push(Block::Para(vec![Span::plain(format!("Cuộc họp kết thúc vào {}./.", when(end)))]));
    }
    let sign = |title: &str, name: Option<&str>| Signer {
        authority: String::new(),
        title: title.into(),
        note: "(Ký, ghi rõ họ tên)".into(),
        name: name.unwrap_or("").to_string(),
    };
    Document {
        header: office.header("BB", number, None),
        title: "BIÊN BẢN".into(),
        subject: vec![format!("Hội nghị giao ban số {}/{} của {}", m.number, m.year, office.bloc_name)],
        body,
        left_signer: Some(sign("THƯ KÝ", sum.secretary.as_deref())),
        signer: sign("CHỦ TỌA", sum.chair.as_deref()),
        recipients: vec!["Các tổ chức thành viên".into(), "Lưu: VT, Hồ sơ".into()],
    }
}

/// The notice of conclusions of a briefing, dated the day it closed.
pub fn conclusions(sum: &BriefingSummary, office: &Office, names: &Names, number: Option<i64>) -> Document {
    let m = &sum.meeting;
    let chair = sum.chair.clone().unwrap_or_else(|| "chủ trì".into());
    let held = m.started_at.unwrap_or(m.starts_at);
    let present: Vec<String> = sum.attendance.iter().filter(|a| a.present).map(|a| org_name(names, a.org_id)).collect();
    let mut body = vec![Block::Para(vec![Span::plain(format!(
        "Ngày {}, tại {}, {} tổ chức hội nghị giao ban do đồng chí {chair} chủ trì; dự hội nghị có {}. Sau khi nghe các tổ chức báo cáo, đồng chí chủ trì kết luận như sau:",
        format_date(held.date()),
        if m.place.trim().is_empty() { "trụ sở" } else { m.place.trim() },
        office.bloc_name,
        if present.is_empty() { "đại diện các tổ chức thành viên".to_string() } else { present.join(", ") }
    ))])];
    body.push(Block::Heading("1. Kết quả".into()));
    let outcomes: Vec<Block> = sum
        .agenda
        .iter()
        .filter(|i| !i.outcome.trim().is_empty())
        .map(|i| Block::Bullet(vec![Span::plain(format!("{}: {}", one_line(&i.title), one_line(&i.outcome)))]))
        .collect();
    if outcomes.is_empty() {
        body.push(Block::Bullet(vec![Span::plain("Các tổ chức đã báo cáo kết quả công tác theo chương trình.")]));
    }
    body.extend(outcomes);
    body.push(Block::Heading("2. Hạn chế, khó khăn".into()));
    if sum.pending_raised.is_empty() {
        body.push(Block::Bullet(vec![Span::plain("Không có khó khăn mới được nêu.")]));
    }
    body.extend(sum.pending_raised.iter().map(|p| raised_line(p, names)));
    body.push(Block::Heading("3. Phân công thực hiện".into()));
    let mut by_org: Vec<(i64, Vec<&Task>)> = Vec::new();
    for t in &sum.conclusions {
        match by_org.iter_mut().find(|(o, _)| *o == t.lead_org_id) {
            Some((_, list)) => list.push(t),
            None => by_org.push((t.lead_org_id, vec![t])),
        }
    }
    if by_org.is_empty() {
        body.push(Block::Bullet(vec![Span::plain("Các tổ chức tiếp tục thực hiện nhiệm vụ đã được giao.")]));
    }
    for (org, tasks) in &by_org {
        body.push(Block::Para(vec![Span::bold(format!("{}:", org_name(names, *org)))]));
        for t in tasks {
            let with = with_orgs(t, names);
            let with = if with.is_empty() { String::new() } else { format!("; phối hợp: {with}") };
            let due = t.deadline.map(|d| format!("; thời hạn: {}", format_date(d))).unwrap_or_default();
            body.push(Block::Bullet(vec![Span::plain(format!("{}{with}{due}.", one_line(&t.title)))]));
        }
    }
    body.push(Block::Heading("4. Trả lời đề xuất, kiến nghị".into()));
    let answered: Vec<Block> = sum
        .settled
        .iter()
        .filter_map(|s| match s {
            Settled::Pending { item } => Some(answered_line(item, names)),
            Settled::Task { .. } => None,
        })
        .collect();
    if answered.is_empty() {
        body.push(Block::Bullet(vec![Span::plain("Các đề xuất chưa trả lời được tiếp tục theo dõi ở kỳ sau.")]));
    }
    body.extend(answered);
    body.push(Block::Para(vec![Span::plain(format!(
        "{} thông báo để các tổ chức thành viên biết, thực hiện./.",
        office.bloc_name
    ))]));
    let issued = m.ends_at.unwrap_or(m.starts_at).date();
    let mut recipients = office.recipients.clone();
    recipients.push("Lưu: VT".into());
    Document {
        header: office.header("TB", number, Some(issued)),
        title: "THÔNG BÁO".into(),
        subject: vec![format!("Kết luận của đồng chí {chair} tại hội nghị giao ban số {}/{}", m.number, m.year)],
        body,
        left_signer: None,
        signer: chair_signer(office, sum.chair.as_deref()),
        recipients,
    }
}

/// The invitation to a briefing, dated `today`.
pub fn invitation(
    sum: &BriefingSummary,
    office: &Office,
    names: &Names,
    number: Option<i64>,
    today: NaiveDate,
) -> Document {
    let m = &sum.meeting;
    let mut body = vec![Block::Para(vec![Span::plain(format!("{} trân trọng kính mời:", office.bloc_name))])];
    body.extend(office.recipients.iter().map(|r| Block::Bullet(vec![Span::plain(format!("Đại diện lãnh đạo {r}"))])));
    let at = m.starts_at;
    body.push(Block::Para(vec![Span::plain("Dự hội nghị giao ban, cụ thể như sau:")]));
    body.push(field(
        "Thời gian",
        &format!(
            "{:02} giờ {:02}, {}, {}",
            at.hour(),
            at.minute(),
            crate::text::weekday_name(at.date(), crate::i18n::Lang::Vi).replacen("Thứ", "thứ", 1),
            crate::text::format_nd30_date(at.date())
        ),
    ));
    body.push(field("Địa điểm", &m.place));
    body.push(field("Chủ trì", sum.chair.as_deref().unwrap_or("")));
    body.push(Block::Heading("Nội dung".into()));
    if sum.agenda.is_empty() {
        body.push(Block::Bullet(vec![Span::plain(
            "Các tổ chức báo cáo kết quả công tác và nhiệm vụ trọng tâm thời gian tới.",
        )]));
    }
    for item in &sum.agenda {
        let by = item.org_id.map(|o| format!(" ({})", names.short(o))).unwrap_or_default();
        body.push(Block::Bullet(vec![Span::plain(format!("{}{by}", one_line(&item.title)))]));
    }
    if !sum.carried_tasks.is_empty() || !sum.carried_pending.is_empty() {
        body.push(Block::Bullet(vec![Span::plain(format!(
            "Kiểm điểm {} việc và {} kiến nghị, đề xuất chuyển từ kỳ trước.",
            sum.carried_tasks.len(),
            sum.carried_pending.len()
        ))]));
    }
    body.push(Block::Para(vec![Span::plain(
        "Đề nghị các tổ chức chuẩn bị nội dung báo cáo và dự họp đầy đủ, đúng thời gian./.",
    )]));
    let mut recipients = vec!["Như trên".to_string()];
    recipients.push("Lưu: VT".into());
    Document {
        header: office.header("GM", number, Some(today)),
        title: "GIẤY MỜI".into(),
        subject: vec![format!("Dự hội nghị giao ban số {}/{}", m.number, m.year)],
        body,
        left_signer: None,
        signer: chair_signer(office, sum.chair.as_deref()),
        recipients,
    }
}
