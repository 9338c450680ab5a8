//! A document as Markdown that reads as the document: the two header
//! columns and the signatures as tables, the title as a heading.

use super::doc::{Block, Document, Signer, Span};
use std::fmt::Write;

/// Table cells: one line, no pipe that would split the cell.
fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "/")
}

fn spans(list: &[Span]) -> String {
    let mut out = String::new();
    for s in list {
        let text = s.text.replace(['\n', '\r'], " ");
        let (lead, body, trail) = split_space(&text);
        out.push_str(lead);
        match (s.bold, s.italic, body.is_empty()) {
            (_, _, true) => {}
            (true, true, _) => {
                let _ = write!(out, "***{body}***");
            }
            (true, false, _) => {
                let _ = write!(out, "**{body}**");
            }
            (false, true, _) => {
                let _ = write!(out, "*{body}*");
            }
            (false, false, _) => out.push_str(body),
        }
        out.push_str(trail);
    }
    out
}

/// Emphasis markers must touch the text: "**Địa điểm:** x", not "**Địa điểm: **x".
fn split_space(s: &str) -> (&str, &str, &str) {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len().max(start);
    (&s[..start], &s[start..end], &s[end..])
}

fn signer_cells(s: &Signer) -> Vec<String> {
    let mut lines = Vec::new();
    if !s.authority.is_empty() {
        lines.push(format!("**{}**", cell(&s.authority)));
    }
    lines.push(format!("**{}**", cell(&s.title)));
    if !s.note.is_empty() {
        lines.push(format!("*{}*", cell(&s.note)));
    }
    lines.push(String::new());
    lines.push(cell(&s.name));
    lines
}

fn recipients(doc: &Document) -> Vec<String> {
    let n = doc.recipients.len();
    doc.recipients
        .iter()
        .enumerate()
        .map(|(i, r)| format!("- {}{}", cell(r), if i + 1 == n { "." } else { ";" }))
        .collect()
}

/// The document in Markdown.
pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    let h = &doc.header;
    let (motto, tagline) = h.motto.lines();
    let mut left = vec![cell(&h.parent), format!("**{}**", cell(&h.office))];
    if h.motto == super::doc::Motto::Party {
        // Party bodies mark the issuer with a star beneath it.
        left.push("\\*".into());
    }
    left.push(cell(&h.number));
    let mut right = vec![format!("**{motto}**")];
    if let Some(t) = tagline {
        right.push(format!("**{t}**"));
    }
    if let Some(pd) = &h.place_date {
        right.push(format!("*{}*", cell(pd)));
    }
    columns(&mut out, &left, &right, ":---:");
    out.push('\n');
    let _ = writeln!(out, "# {}\n", doc.title);
    for s in &doc.subject {
        let _ = writeln!(out, "## {}\n", s.replace('\n', " "));
    }
    for block in &doc.body {
        match block {
            Block::Heading(t) => {
                let _ = writeln!(out, "### {}\n", t.replace('\n', " "));
            }
            Block::Para(s) => {
                let _ = writeln!(out, "{}\n", spans(s));
            }
            Block::Bullet(s) => {
                let _ = writeln!(out, "- {}", spans(s));
            }
            Block::Table { header, rows, .. } => {
                let _ = writeln!(out, "| {} |", header.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
                let _ = writeln!(out, "|{}|", header.iter().map(|_| "---").collect::<Vec<_>>().join("|"));
                for row in rows {
                    let _ = writeln!(out, "| {} |", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
                }
                out.push('\n');
            }
        }
    }
    let mut out = close_lists(out);
    let right = signer_cells(&doc.signer);
    match &doc.left_signer {
        Some(left) => {
            let left = signer_cells(left);
            columns(&mut out, &left, &right, ":---:");
            out.push('\n');
            if !doc.recipients.is_empty() {
                out.push_str("***Nơi nhận:***\n\n");
                for r in recipients(doc) {
                    let _ = writeln!(out, "{r}");
                }
            }
        }
        None => {
            let mut left = Vec::new();
            if !doc.recipients.is_empty() {
                left.push("***Nơi nhận:***".to_string());
                left.extend(recipients(doc));
            }
            columns(&mut out, &left, &right, ":---");
        }
    }
    out
}

/// Two columns side by side as a table without a heading; the left one
/// aligned as `left_align` says, the right one centred.
fn columns(out: &mut String, left: &[String], right: &[String], left_align: &str) {
    let _ = writeln!(out, "| | |\n|{left_align}|:---:|");
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map(String::as_str).unwrap_or("");
        let r = right.get(i).map(String::as_str).unwrap_or("");
        let _ = writeln!(out, "| {l} | {r} |");
    }
}

/// A blank line after the last entry of each list.
fn close_lists(text: String) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("- ") && lines.peek().is_some_and(|next| !next.starts_with("- ") && !next.is_empty()) {
            out.push('\n');
        }
    }
    out.pop();
    out
}
