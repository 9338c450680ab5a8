//! The sample bloc's content (people, task definitions, notes, pending items,
//! briefing topics), read once from `assets/demo.toml`. Strings borrow from
//! the embedded file.

use crate::domain::PendingKind;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The sample content, parsed on first use.
pub fn content() -> &'static Content<'static> {
    static CONTENT: OnceLock<Content<'static>> = OnceLock::new();
    CONTENT.get_or_init(|| parse(include_str!("../../assets/demo.toml")).expect("assets/demo.toml is valid"))
}

fn parse(src: &str) -> Result<Content<'_>, toml::de::Error> {
    toml::from_str(src)
}

/// What a task is about; chooses its progress notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Th {
    Fund,
    House,
    Model,
    Supervise,
    Voters,
    Ntm,
    HangViet,
    Loan,
    Env,
    Tet,
    Youth,
    Women,
    Veterans,
    Labour,
    Farmers,
    Admin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content<'a> {
    #[serde(borrow)]
    pub bloc: Bloc<'a>,
    #[serde(borrow)]
    pub doc_suffix: DocSuffix<'a>,
    #[serde(borrow)]
    pub people: Vec<PersonDef<'a>>,
    #[serde(borrow)]
    pub tasks: TaskDefs<'a>,
    #[serde(borrow)]
    pub theme_notes: BTreeMap<Th, Vec<&'a str>>,
    #[serde(borrow)]
    pub note_rules: Vec<NoteRule<'a>>,
    #[serde(borrow)]
    pub closing_notes: ClosingNotes<'a>,
    #[serde(borrow)]
    pub pending: Vec<PendDef<'a>>,
    #[serde(borrow)]
    pub briefing: Briefing<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bloc<'a> {
    pub name: &'a str,
    pub locality: &'a str,
    pub level: &'a str,
    /// Called at the roll call, in order.
    #[serde(borrow)]
    pub orgs: Vec<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSuffix<'a> {
    pub other: &'a str,
    #[serde(borrow)]
    pub by_org: BTreeMap<&'a str, &'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonDef<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub org: &'a str,
    #[serde(borrow)]
    pub phone: Option<&'a str>,
    #[serde(borrow, default)]
    pub roles: Vec<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDefs<'a> {
    /// (task title, indicator, unit, target value); every task with that
    /// title gets the target.
    #[serde(borrow)]
    pub targets: Vec<(&'a str, &'a str, &'a str, f64)>,
    #[serde(borrow)]
    pub common: Vec<TaskDef<'a>>,
    #[serde(borrow)]
    pub specific: Vec<TaskDef<'a>>,
    #[serde(borrow)]
    pub superior: Vec<TaskDef<'a>>,
    /// Conclusions of the closed briefings, taken in order.
    #[serde(borrow)]
    pub conclusions: Vec<TaskDef<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDef<'a> {
    /// Code of the organization in charge.
    pub lead: &'a str,
    /// "{y}" stands for the year.
    pub title: &'a str,
    /// Coordinating organizations.
    #[serde(borrow, default)]
    pub with: Vec<&'a str>,
    pub place: &'a str,
    pub theme: Th,
}

/// Notes for a task whose lowercased title contains one of `keys`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRule<'a> {
    #[serde(borrow)]
    pub keys: Vec<&'a str>,
    #[serde(borrow)]
    pub notes: Vec<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingNotes<'a> {
    #[serde(borrow)]
    pub blocked: Vec<&'a str>,
    #[serde(borrow)]
    pub done: Vec<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendDef<'a> {
    #[serde(deserialize_with = "pending_kind")]
    pub kind: PendingKind,
    pub org: &'a str,
    pub text: &'a str,
    #[serde(borrow)]
    pub to_org: Option<&'a str>,
    #[serde(default)]
    pub to: &'a str,
    /// Index of the closed briefing where it was raised (0 = oldest).
    pub meeting: usize,
    #[serde(borrow)]
    pub answer: Option<&'a str>,
    #[serde(default)]
    pub closed: bool,
}

fn pending_kind<'de, D: Deserializer<'de>>(d: D) -> Result<PendingKind, D::Error> {
    let code = <&str>::deserialize(d)?;
    PendingKind::from_code(code).ok_or_else(|| serde::de::Error::custom(format!("unknown pending kind `{code}`")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing<'a> {
    #[serde(borrow)]
    pub absence_reasons: Vec<&'a str>,
    #[serde(borrow)]
    pub opinion_notes: Vec<&'a str>,
    #[serde(borrow)]
    pub report_outcomes: Vec<&'a str>,
    #[serde(borrow)]
    pub reports: Vec<ReportDef<'a>>,
    #[serde(borrow)]
    pub seasonal_topics: Vec<Topic<'a>>,
    #[serde(borrow)]
    pub general_topics: Vec<Topic<'a>>,
}

impl Briefing<'_> {
    /// The agenda item of an organization's weekly report at a briefing:
    /// its time, and once held, the report's notes and an outcome (drawn in
    /// that order, so that both generators give the same demo).
    pub fn report_item(
        &self,
        rng: &mut super::rng::Rng,
        meeting_id: i64,
        (code, org): (&str, i64),
        org_name: &str,
        held: bool,
    ) -> crate::domain::AgendaItem {
        let title = format!("Báo cáo kết quả công tác tuần của {org_name}");
        let mut it = crate::domain::AgendaItem::new(meeting_id, &title, Some(org), Some(rng.range(2, 3) * 5));
        if held {
            it.notes = self.reports.iter().find(|r| r.org == code).map(|r| r.notes).unwrap_or("").to_string();
            it.outcome = self.report_outcomes[rng.index(self.report_outcomes.len())].to_string();
        }
        it
    }
}

/// An organization's weekly report as the minutes note it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDef<'a> {
    pub org: &'a str,
    pub notes: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic<'a> {
    /// "{y}" stands for the year, "{q}" for the quarter in Roman numerals.
    pub title: &'a str,
    pub org: &'a str,
    /// Inclusive (month, day) windows when a seasonal topic is due.
    #[serde(default)]
    pub windows: Vec<Window>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub from: (u32, u32),
    pub to: (u32, u32),
}

/// Topical items for a briefing's date: (title, organization code).
pub type Topics<'a> = Vec<(String, &'a str)>;

impl<'a> Content<'a> {
    /// Suffix of a plan number issued by `code` ("KH/HND").
    pub fn doc_suffix(&self, code: &str) -> &'a str {
        self.doc_suffix.by_org.get(code).copied().unwrap_or(self.doc_suffix.other)
    }

    /// Notes chosen by what the title says, before falling back to the theme.
    pub fn notes_for(&self, title: &str, th: Th) -> &[&'a str] {
        let lower = title.to_lowercase();
        self.note_rules
            .iter()
            .find(|r| r.keys.iter().any(|k| lower.contains(k)))
            .map(|r| r.notes.as_slice())
            .unwrap_or_else(|| &self.theme_notes[&th])
    }

    /// Topical items for a briefing's date: (seasonal ones, general ones).
    pub fn topics(&self, date: NaiveDate) -> (Topics<'a>, Topics<'a>) {
        let md = (date.month(), date.day());
        let year = date.year().to_string();
        let quarter = ["I", "II", "III", "IV"][date.month0() as usize / 3];
        let fill = |t: &Topic<'a>| (t.title.replace("{y}", &year).replace("{q}", quarter), t.org);
        let b = &self.briefing;
        let seasonal = b.seasonal_topics.iter().filter(|t| t.windows.iter().any(|w| md >= w.from && md <= w.to));
        (seasonal.map(fill).collect(), b.general_topics.iter().map(fill).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use std::collections::HashSet;

    const SRC: &str = include_str!("../../assets/demo.toml");

    #[test]
    fn file_parses_and_is_nfc() {
        if let Err(e) = parse(SRC) {
            panic!("assets/demo.toml: {e}");
        }
        assert!(unicode_normalization::is_nfc(SRC), "assets/demo.toml is NFC");
    }

    #[test]
    fn typos_fail_loudly() {
        let theme = SRC.replacen("theme = \"fund\"", "theme = \"fun\"", 1);
        assert!(parse(&theme).is_err(), "unknown theme");
        let kind = SRC.replacen("kind = \"obstacle\"", "kind = \"obstacles\"", 1);
        assert!(parse(&kind).is_err(), "unknown pending kind");
        let key = SRC.replacen("place = ", "plaec = ", 1);
        assert!(parse(&key).is_err(), "unknown key");
    }

    /// What in `c` refers to a missing organization, theme, task or role.
    fn problems(c: &Content) -> Vec<String> {
        let store = Store::in_memory().unwrap();
        let orgs: HashSet<String> = store.organizations().unwrap().into_iter().map(|o| o.code).collect();
        let mut out = Vec::new();
        let t = &c.tasks;
        let defs: Vec<&TaskDef> = t.common.iter().chain(&t.specific).chain(&t.superior).chain(&t.conclusions).collect();

        let mut codes: Vec<&str> = c.bloc.orgs.iter().chain(c.doc_suffix.by_org.keys()).copied().collect();
        codes.extend(c.people.iter().map(|p| p.org));
        for d in &defs {
            codes.push(d.lead);
            codes.extend(&d.with);
        }
        for p in &c.pending {
            codes.push(p.org);
            codes.extend(p.to_org);
        }
        codes.extend(c.briefing.reports.iter().map(|r| r.org));
        codes.extend(c.briefing.seasonal_topics.iter().chain(&c.briefing.general_topics).map(|t| t.org));
        out.extend(codes.iter().filter(|c| !orgs.contains(**c)).map(|c| format!("unknown organization `{c}`")));

        for d in &defs {
            if c.theme_notes.get(&d.theme).is_none_or(|n| n.is_empty()) {
                out.push(format!("no notes for theme {:?}", d.theme));
            }
        }
        for r in &c.note_rules {
            if r.keys.is_empty() || r.notes.is_empty() || r.keys.iter().any(|k| *k != k.to_lowercase()) {
                out.push(format!("note rule {:?}: keys are lowercase, keys and notes not empty", r.keys));
            }
        }
        for (task, ..) in &t.targets {
            if !defs.iter().any(|d| d.title == *task) {
                out.push(format!("target of an unknown task `{task}`"));
            }
        }
        for role in ["trưởng khối", "phó khối", "thư ký"] {
            if !c.people.iter().any(|p| p.roles.contains(&role)) {
                out.push(format!("nobody is {role}"));
            }
        }
        let closed_briefings = super::super::CONCLUSIONS_PER_MEETING.len();
        for p in c.pending.iter().filter(|p| p.meeting >= closed_briefings) {
            out.push(format!("pending item raised at briefing {} of {closed_briefings}", p.meeting));
        }
        if t.conclusions.len() != super::super::CONCLUSIONS_PER_MEETING.iter().sum::<usize>() {
            out.push("conclusions do not match CONCLUSIONS_PER_MEETING".into());
        }
        let b = &c.briefing;
        for list in [&c.closing_notes.blocked, &c.closing_notes.done, &b.absence_reasons, &b.report_outcomes] {
            if list.is_empty() {
                out.push("a list of notes is empty".into());
            }
        }
        if b.opinion_notes.is_empty() || b.general_topics.is_empty() {
            out.push("no opinion notes or no general topics".into());
        }
        for w in b.seasonal_topics.iter().flat_map(|t| &t.windows) {
            let day = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2024, m, d);
            if day(w.from).is_none() || day(w.to).is_none() || w.from > w.to {
                out.push(format!("bad window {:?} to {:?}", w.from, w.to));
            }
        }
        out
    }

    #[test]
    fn every_reference_exists() {
        assert_eq!(problems(content()), Vec::<String>::new(), "assets/demo.toml");
        let typo = SRC.replacen("lead = \"HND\"", "lead = \"HDN\"", 1);
        assert_eq!(problems(&parse(&typo).unwrap()), ["unknown organization `HDN`"]);
        let typo = SRC.replacen("roles = [\"thư ký\"]", "roles = [\"thu ky\"]", 1);
        assert_eq!(problems(&parse(&typo).unwrap()), ["nobody is thư ký"]);
    }

    #[test]
    fn topics_follow_the_season() {
        let c = content();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let (seasonal, general) = c.topics(day(11, 2));
        assert_eq!(seasonal.len(), 3);
        assert!(seasonal[0].0.ends_with("năm 2026"), "{}", seasonal[0].0);
        assert!(general.iter().any(|t| t.0.ends_with("quý IV")));
        assert!(c.topics(day(3, 2)).0.is_empty());
    }
}
