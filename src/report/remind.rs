//! An organization's reminder sheet (phiếu đôn đốc), as a document and as
//! plain text short enough to paste into a message.

use super::doc::{Block, Document, Header, Signer, Span};
use super::{one_line, Office};
use crate::domain::Task;
use crate::ops::remind::Reminder;
use crate::text::format_date;

fn role(t: &Task, r: &Reminder) -> &'static str {
    if t.lead_org_id == r.org.id {
        "Chủ trì"
    } else {
        "Phối hợp"
    }
}

fn days(a: chrono::NaiveDate, b: chrono::NaiveDate) -> i64 {
    (b - a).num_days()
}

/// A table of tasks with their deadline and a count of days, or "Không có.".
fn task_table(r: &Reminder, tasks: &[Task], days_heading: &str, count: impl Fn(chrono::NaiveDate) -> i64) -> Block {
    if tasks.is_empty() {
        return Block::Bullet(vec![Span::plain("Không có.")]);
    }
    Block::Table {
        widths: vec![7, 51, 14, 12, 16],
        header: ["TT", "Nội dung", "Thời hạn", days_heading, "Vai trò"].map(String::from).to_vec(),
        rows: tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let due = t.deadline.unwrap_or(r.today);
                vec![
                    (i + 1).to_string(),
                    format!("{} (#{})", one_line(&t.title), t.id),
                    format_date(due),
                    format!("{} ngày", count(due)),
                    role(t, r).into(),
                ]
            })
            .collect(),
    }
}

/// The reminder sheet as a document.
pub fn reminder(r: &Reminder, office: &Office) -> Document {
    let mut body = vec![
        Block::Para(vec![Span::bold("Kính gửi: "), Span::plain(r.org.name.clone())]),
        Block::Para(vec![Span::plain(format!(
            "Tính đến ngày {}, {} đề nghị {} khẩn trương thực hiện, báo cáo kết quả các nội dung sau:",
            format_date(r.today),
            office.bloc_name,
            r.org.name
        ))]),
    ];
    body.push(Block::Heading(format!("1. Nhiệm vụ đã quá hạn ({})", r.overdue.len())));
    body.push(task_table(r, &r.overdue, "Quá hạn", |due| days(due, r.today)));
    body.push(Block::Heading(format!("2. Nhiệm vụ đến hạn trong {} ngày tới ({})", r.within, r.due_soon.len())));
    body.push(task_table(r, &r.due_soon, "Còn lại", |due| days(r.today, due)));
    body.push(Block::Heading(format!("3. Kiến nghị, đề xuất chưa trả lời ({})", r.pending.len())));
    if r.pending.is_empty() {
        body.push(Block::Bullet(vec![Span::plain("Không có.")]));
    }
    for p in &r.pending {
        let due = p.answer_due.map(|d| format!("; hạn trả lời {}", format_date(d))).unwrap_or_default();
        body.push(Block::Bullet(vec![
            Span::plain(one_line(&p.text)),
            Span::italic(format!(" (nêu ngày {}{due})", format_date(p.raised_on))),
        ]));
    }
    body.push(Block::Para(vec![Span::plain(
        "Đề nghị đơn vị báo cáo kết quả thực hiện tại hội nghị giao ban kỳ tới./.",
    )]));
    Document {
        header: Header { number: String::new(), ..office.header("", None, Some(r.today)) },
        title: "PHIẾU ĐÔN ĐỐC".into(),
        subject: vec![format!("Thực hiện nhiệm vụ của {}", r.org.name)],
        body,
        left_signer: None,
        signer: Signer {
            authority: office.sign_for.clone(),
            title: office.signer_title.clone(),
            note: String::new(),
            name: office.signer_name.clone(),
        },
        recipients: vec![r.org.name.clone(), "Lưu: VT".into()],
    }
}

/// Longest title in the text form, so that a sheet fits a message.
const TEXT_TITLE: usize = 70;

fn short(s: &str) -> String {
    let s = one_line(s);
    if s.chars().count() <= TEXT_TITLE {
        s
    } else {
        s.chars().take(TEXT_TITLE - 1).collect::<String>() + "…"
    }
}

/// The reminder as plain text, one line per item.
pub fn reminder_text(r: &Reminder) -> String {
    let mut out = format!("ĐÔN ĐỐC — {} ({})\n", r.org.name, format_date(r.today));
    if r.is_empty() {
        out.push_str("Không có việc quá hạn, sắp đến hạn hay kiến nghị chờ trả lời.\n");
        return out;
    }
    if !r.overdue.is_empty() {
        out.push_str(&format!("Quá hạn ({}):\n", r.overdue.len()));
        for t in &r.overdue {
            let due = t.deadline.unwrap_or(r.today);
            out.push_str(&format!(
                "- #{} {} — hạn {}, trễ {} ngày\n",
                t.id,
                short(&t.title),
                format_date(due),
                days(due, r.today)
            ));
        }
    }
    if !r.due_soon.is_empty() {
        out.push_str(&format!("Đến hạn trong {} ngày ({}):\n", r.within, r.due_soon.len()));
        for t in &r.due_soon {
            out.push_str(&format!(
                "- #{} {} — hạn {}\n",
                t.id,
                short(&t.title),
                format_date(t.deadline.unwrap_or(r.today))
            ));
        }
    }
    if !r.pending.is_empty() {
        out.push_str(&format!("Kiến nghị chờ trả lời ({}):\n", r.pending.len()));
        for p in &r.pending {
            out.push_str(&format!("- {} (từ {})\n", short(&p.text), format_date(p.raised_on)));
        }
    }
    out
}
