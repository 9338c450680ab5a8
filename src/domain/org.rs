use super::{check_line, coded_enum, DomainError};
use serde::Serialize;

coded_enum!(
    /// What an organization is within the bloc.
    OrgKind {
        Front = "front" ["mat tran", "mttq"],
        Member = "member" ["doan the", "to chuc thanh vien"],
        Office = "office" ["co quan khoi", "van phong"],
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organization {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    /// Short ASCII code, unique: MTTQ, DTN, HLHPN, HND, HCCB, LDLD.
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub kind: OrgKind,
    pub sort_order: i64,
    pub active: bool,
}

impl Organization {
    pub fn new(code: &str, name: &str, short_name: &str, kind: OrgKind) -> Self {
        Organization {
            id: 0,
            version: 1,
            code: code.to_string(),
            name: name.to_string(),
            short_name: short_name.to_string(),
            kind,
            sort_order: 0,
            active: true,
        }
    }

    /// Cleans the fields and checks them; the code is kept upper-case ASCII.
    pub fn validated(mut self) -> Result<Self, DomainError> {
        let code = self.code.trim().to_ascii_uppercase();
        if code.is_empty() || code.len() > 12 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(DomainError::BadOrgCode);
        }
        self.code = code;
        self.name = check_line("name", &self.name, true)?;
        self.short_name = check_line("short_name", &self.short_name, false)?;
        if self.short_name.is_empty() {
            self.short_name = self.code.clone();
        }
        Ok(self)
    }

    /// Whether `input` names this organization: its code, name or short name,
    /// case- and accent-insensitively, hyphens read as spaces ("nong-dan").
    pub fn matches(&self, input: &str) -> MatchQuality {
        let q = crate::text::fold(input).replace(['-', '_'], " ");
        let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
        if q.is_empty() {
            return MatchQuality::None;
        }
        if q == self.code.to_ascii_lowercase() {
            return MatchQuality::Exact;
        }
        let name = crate::text::fold(&self.name);
        let short = crate::text::fold(&self.short_name);
        if q == name || q == short {
            return MatchQuality::Exact;
        }
        let words = |s: &str| format!(" {s} ");
        if words(&name).contains(&words(&q)) || words(&short).contains(&words(&q)) {
            return MatchQuality::Partial;
        }
        MatchQuality::None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    None,
    Partial,
    Exact,
}

/// Resolves a user's organization reference. An exact match wins; otherwise a
/// unique partial (whole-word) match; anything else is `None`.
pub fn resolve_org<'a>(orgs: &'a [Organization], input: &str) -> Option<&'a Organization> {
    if let Some(o) = orgs.iter().find(|o| o.matches(input) == MatchQuality::Exact) {
        return Some(o);
    }
    let partial: Vec<_> = orgs.iter().filter(|o| o.matches(input) == MatchQuality::Partial).collect();
    if partial.len() == 1 {
        Some(partial[0])
    } else {
        None
    }
}

/// What a typed name finds among people.
#[derive(Debug, PartialEq)]
pub enum PersonMatch<'a> {
    One(&'a Person),
    None,
    /// Several people contain the name; sorted as lists show people.
    Many(Vec<&'a Person>),
}

/// Finds a person by (part of) the name, accent- and case-insensitively. A
/// name that equals someone's whole name wins over partial matches.
pub fn resolve_person<'a>(people: &'a [Person], input: &str) -> PersonMatch<'a> {
    let q = crate::text::fold(input.trim());
    let exact: Vec<&Person> = people.iter().filter(|p| crate::text::fold(&p.full_name) == q).collect();
    if let [one] = exact.as_slice() {
        return PersonMatch::One(one);
    }
    let mut found: Vec<&Person> = people.iter().filter(|p| crate::text::fold(&p.full_name).contains(&q)).collect();
    match found.len() {
        0 => PersonMatch::None,
        1 => PersonMatch::One(found[0]),
        _ => {
            found.sort_by_cached_key(|p| crate::text::person_name_key(&p.full_name));
            PersonMatch::Many(found)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: i64,
    /// Raised by every save; a save based on an older version is refused.
    pub version: i64,
    pub full_name: String,
    pub title: String,
    pub org_id: Option<i64>,
    pub phone: Option<String>,
    /// Office roles, e.g. "trưởng khối", "thư ký".
    pub roles: Vec<String>,
}

impl Person {
    pub fn new(full_name: &str, title: &str, org_id: Option<i64>) -> Self {
        Person {
            id: 0,
            version: 1,
            full_name: full_name.to_string(),
            title: title.to_string(),
            org_id,
            phone: None,
            roles: Vec::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        self.full_name = check_line("full_name", &self.full_name, true)?;
        self.title = check_line("title", &self.title, false)?;
        self.phone = match &self.phone {
            Some(p) => Some(check_line("phone", p, false)?).filter(|p| !p.is_empty()),
            None => None,
        };
        let mut roles = Vec::new();
        for r in &self.roles {
            let r = check_line("roles", r, false)?;
            if !r.is_empty() {
                roles.push(r);
            }
        }
        self.roles = roles;
        Ok(self)
    }

    /// The given name (last word), which Vietnamese lists sort by.
    pub fn given_name(&self) -> &str {
        self.full_name.split_whitespace().last().unwrap_or("")
    }
}

/// The bloc's own settings, used in headers and documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Settings {
    /// "Khối MTTQ và các đoàn thể chính trị - xã hội huyện Hải Hà"
    pub bloc_name: String,
    /// Place name for document date lines: "Hải Hà".
    pub locality: String,
    /// Administrative level: "xã", "huyện", "tỉnh".
    pub level: String,
    /// How many daily backups are kept beside the file ("7"; "0" turns
    /// them off).
    pub backups: String,
    /// Cơ quan chủ quản, the first line of the issuer block (may be empty).
    pub parent_body: String,
    /// The issuing office's name in the issuer block (else the bloc's name).
    pub office: String,
    /// The office's code in document numbers: "KMTTQ" in "05/BB-KMTTQ".
    pub doc_code: String,
    /// The right-hand header: "state" (Quốc hiệu, Tiêu ngữ), "party" or "youth".
    pub motto: String,
    /// The line above the signer's title: "TM. BAN THƯỜNG TRỰC", "KT. TRƯỞNG KHỐI".
    pub sign_for: String,
    /// The signer's title on notices and invitations: "TRƯỞNG KHỐI".
    pub signer_title: String,
    /// The signer's name (else the chair of the briefing).
    pub signer_name: String,
    /// "Nơi nhận", entries separated by ";" (else every active organization and "Lưu: VT").
    pub recipients: String,
}

impl Settings {
    pub const KEYS: &'static [&'static str] = &[
        "bloc_name",
        "locality",
        "level",
        "backups",
        "parent_body",
        "office",
        "doc_code",
        "motto",
        "sign_for",
        "signer_title",
        "signer_name",
        "recipients",
    ];

    /// Daily backups to keep: the setting, else seven.
    pub fn backups_kept(&self) -> usize {
        self.backups.trim().parse().unwrap_or(7)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        Some(match key {
            "bloc_name" => &self.bloc_name,
            "locality" => &self.locality,
            "level" => &self.level,
            "backups" => &self.backups,
            "parent_body" => &self.parent_body,
            "office" => &self.office,
            "doc_code" => &self.doc_code,
            "motto" => &self.motto,
            "sign_for" => &self.sign_for,
            "signer_title" => &self.signer_title,
            "signer_name" => &self.signer_name,
            "recipients" => &self.recipients,
            _ => return None,
        })
    }

    /// A value checked for its key: one line; the motto one of its three
    /// names, the backups a count, the document code without spaces or "/".
    pub fn check(key: &str, value: &str) -> Result<String, super::DomainError> {
        use super::DomainError::BadSetting;
        let value = super::check_line("value", value, false)?;
        let v = value.trim();
        match key {
            "motto" if !matches!(v, "" | "state" | "party" | "youth") => {
                Err(BadSetting { key: "motto", valid: "state, party, youth" })
            }
            "backups" if !v.is_empty() && v.parse::<u16>().is_err() => {
                Err(BadSetting { key: "backups", valid: "0-365" })
            }
            "doc_code" if v.contains(|c: char| c.is_whitespace() || c == '/') => {
                Err(BadSetting { key: "doc_code", valid: "KMTTQ, MTTQ-BTT" })
            }
            _ => Ok(value),
        }
    }

    /// The field behind a key, for reading the stored settings.
    pub fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "bloc_name" => &mut self.bloc_name,
            "locality" => &mut self.locality,
            "level" => &mut self.level,
            "backups" => &mut self.backups,
            "parent_body" => &mut self.parent_body,
            "office" => &mut self.office,
            "doc_code" => &mut self.doc_code,
            "motto" => &mut self.motto,
            "sign_for" => &mut self.sign_for,
            "signer_title" => &mut self.signer_title,
            "signer_name" => &mut self.signer_name,
            "recipients" => &mut self.recipients,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs() -> Vec<Organization> {
        vec![
            Organization::new("HND", "Hội Nông dân", "Nông dân", OrgKind::Member),
            Organization::new("HLHPN", "Hội Liên hiệp Phụ nữ", "Phụ nữ", OrgKind::Member),
            Organization::new("DTN", "Đoàn TNCS Hồ Chí Minh", "Đoàn TN", OrgKind::Member),
        ]
    }

    #[test]
    fn organizations_resolve_by_code_name_and_accent_free_words() {
        let o = orgs();
        assert_eq!(resolve_org(&o, "hnd").unwrap().code, "HND");
        assert_eq!(resolve_org(&o, "hoi nong dan").unwrap().code, "HND");
        assert_eq!(resolve_org(&o, "Hội Nông Dân").unwrap().code, "HND");
        assert_eq!(resolve_org(&o, "nong-dan").unwrap().code, "HND");
        assert_eq!(resolve_org(&o, "phu nu").unwrap().code, "HLHPN");
        assert_eq!(resolve_org(&o, "doan").unwrap().code, "DTN");
        // "hội" is in two names: ambiguous, so nothing.
        assert!(resolve_org(&o, "hoi").is_none());
        assert!(resolve_org(&o, "xyz").is_none());
        assert!(resolve_org(&o, "").is_none());
    }

    #[test]
    fn org_codes_are_ascii_and_uppercased() {
        let o = Organization::new(" hnd ", "Hội Nông dân", "", OrgKind::Member).validated().unwrap();
        assert_eq!(o.code, "HND");
        assert_eq!(o.short_name, "HND");
        assert_eq!(Organization::new("HỘI", "x", "", OrgKind::Member).validated(), Err(DomainError::BadOrgCode));
    }

    #[test]
    fn people_resolve_by_whole_or_partial_name() {
        let people: Vec<Person> = ["Trần Thị Hoa", "Nguyễn Thị Hoa Mai", "Lê Văn Hùng"]
            .iter()
            .enumerate()
            .map(|(i, n)| Person { id: i as i64, ..Person::new(n, "", None) })
            .collect();
        assert!(matches!(resolve_person(&people, "hung"), PersonMatch::One(p) if p.id == 2));
        assert!(matches!(resolve_person(&people, "tran thi hoa"), PersonMatch::One(p) if p.id == 0));
        match resolve_person(&people, "hoa") {
            PersonMatch::Many(many) => assert_eq!(many.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(resolve_person(&people, "xyz"), PersonMatch::None);
    }

    #[test]
    fn given_name_is_the_last_word() {
        let p = Person::new("Nguyễn Thị Minh Khai", "", None);
        assert_eq!(p.given_name(), "Khai");
    }
}
