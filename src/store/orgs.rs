//! Organizations, people and the bloc's settings.

use super::history::{bump_version, changed, delete_row, record, snapshot};
use super::{Result, Store, StoreError, Write};
use crate::domain::{resolve_org, OrgKind, Organization, Person, Settings};
use rusqlite::{params, OptionalExtension, Row};
use serde::Deserialize;

#[derive(Deserialize)]
struct SeedFile {
    organization: Vec<SeedOrg>,
}

#[derive(Deserialize)]
struct SeedOrg {
    code: String,
    name: String,
    short_name: String,
    kind: String,
}

const ORG_COLUMNS: &str = "id, code, name, short_name, kind, sort_order, active, version";

fn org_from_row(r: &Row) -> rusqlite::Result<Organization> {
    Ok(Organization {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        short_name: r.get(3)?,
        kind: OrgKind::from_code(&r.get::<_, String>(4)?).unwrap_or(OrgKind::Member),
        sort_order: r.get(5)?,
        active: r.get(6)?,
        version: r.get(7)?,
    })
}

/// Two organizations with one name would make "--org <name>" ambiguous.
fn ensure_unique_name(tx: &rusqlite::Connection, name: &str, except: i64) -> Result<()> {
    let folded = crate::text::fold(name);
    let mut stmt = tx.prepare("SELECT name FROM organizations WHERE id <> ?1")?;
    let names: Vec<String> = stmt.query_map([except], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
    if names.iter().any(|n| crate::text::fold(n) == folded) {
        return Err(StoreError::DuplicateName { name: name.to_string() });
    }
    Ok(())
}

const PERSON_COLUMNS: &str = "id, full_name, title, org_id, phone, roles, version";

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    let roles: String = r.get(5)?;
    Ok(Person {
        id: r.get(0)?,
        full_name: r.get(1)?,
        title: r.get(2)?,
        org_id: r.get(3)?,
        phone: r.get(4)?,
        roles: serde_json::from_str(&roles).unwrap_or_default(),
        version: r.get(6)?,
    })
}

impl Store {
    /// Every organization, active first, in the bloc's order.
    pub fn organizations(&self) -> Result<Vec<Organization>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT {ORG_COLUMNS} FROM organizations ORDER BY active DESC, sort_order, id"))?;
        let rows = stmt.query_map([], org_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn active_organizations(&self) -> Result<Vec<Organization>> {
        Ok(self.organizations()?.into_iter().filter(|o| o.active).collect())
    }

    pub fn organization(&self, id: i64) -> Result<Organization> {
        self.row(&format!("SELECT {ORG_COLUMNS} FROM organizations WHERE id = ?1"), [id], org_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "organization", id })
    }

    /// Like `resolve_organization`, for new work: an inactive one is refused.
    pub fn resolve_active_organization(&self, input: &str) -> Result<Organization> {
        let org = self.resolve_organization(input)?;
        if !org.active {
            return Err(StoreError::OrgInactive { code: org.code });
        }
        Ok(org)
    }

    /// Finds an organization by code or name, accent- and case-insensitively.
    pub fn resolve_organization(&self, input: &str) -> Result<Organization> {
        let orgs = self.organizations()?;
        resolve_org(&orgs, input).cloned().ok_or_else(|| StoreError::UnknownOrg {
            input: input.to_string(),
            valid: orgs.iter().map(|o| o.code.clone()).collect(),
        })
    }

    /// Everyone, in the order of their names (given name first).
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut people = self.people_unordered()?;
        people.sort_by_cached_key(|p| crate::text::person_name_key(&p.full_name));
        Ok(people)
    }

    /// Everyone, in no particular order (to look names up by id).
    pub fn people_unordered(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn().prepare_cached(&format!("SELECT {PERSON_COLUMNS} FROM people"))?;
        let people = stmt.query_map([], person_from_row)?.collect::<std::result::Result<_, _>>()?;
        Ok(people)
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.row(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = ?1"), [id], person_from_row)
            .optional()?
            .ok_or(StoreError::NotFound { what: "person", id })
    }

    pub fn settings(&self) -> Result<Settings> {
        let mut s = Settings::default();
        let mut stmt = self.conn().prepare_cached("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (k, v) = row?;
            if let Some(slot) = s.slot(&k) {
                *slot = v;
            }
        }
        Ok(s)
    }
}

impl Write<'_> {
    /// Adds any organization of the seed file whose code is missing; a file
    /// that already has organizations keeps its own edits.
    pub(super) fn seed_organizations(&self) -> Result<()> {
        let count: i64 = self.store().conn().query_row("SELECT COUNT(*) FROM organizations", [], |r| r.get(0))?;
        if count > 0 {
            return Ok(());
        }
        let seed: SeedFile = toml::from_str(include_str!("../../assets/organizations.toml"))
            .expect("assets/organizations.toml is valid");
        self.run(|tx| {
            for (i, s) in seed.organization.iter().enumerate() {
                tx.execute(
                    "INSERT INTO organizations (code, name, short_name, kind, sort_order, active) VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                    params![s.code, s.name, s.short_name, s.kind, (i as i64 + 1) * 10],
                )?;
                changed(tx, "organizations", tx.last_insert_rowid(), None)?;
            }
            // The seed is where a file starts, not a step to undo.
            tx.execute("UPDATE history SET undone = 1 WHERE action_id = ?1", [tx.action])?;
            Ok(())
        })
    }

    pub fn add_organization(&self, org: Organization) -> Result<i64> {
        let org = org.validated()?;
        self.run(|tx| {
            let taken: bool =
                tx.query_row("SELECT EXISTS(SELECT 1 FROM organizations WHERE code = ?1)", [&org.code], |r| r.get(0))?;
            if taken {
                return Err(StoreError::DuplicateCode { code: org.code.clone() });
            }
            ensure_unique_name(tx, &org.name, 0)?;
            let order: i64 =
                tx.query_row("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM organizations", [], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO organizations (code, name, short_name, kind, sort_order, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![org.code, org.name, org.short_name, org.kind.code(), order, org.active],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "organizations", id, None)?;
            Ok(id)
        })
    }

    /// Renames, re-sorts or (de)activates an organization.
    pub fn update_organization(&self, org: Organization) -> Result<()> {
        let org = org.validated()?;
        self.run(|tx| {
            let old = snapshot(tx, "organizations", org.id)?.ok_or(StoreError::NotFound { what: "organization", id: org.id })?;
            bump_version(tx, "organizations", org.id, Some(org.version))?;
            let clash: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM organizations WHERE code = ?1 AND id <> ?2)",
                params![org.code, org.id],
                |r| r.get(0),
            )?;
            if clash {
                return Err(StoreError::DuplicateCode { code: org.code.clone() });
            }
            ensure_unique_name(tx, &org.name, org.id)?;
            tx.execute(
                "UPDATE organizations SET code = ?2, name = ?3, short_name = ?4, kind = ?5, sort_order = ?6, active = ?7 WHERE id = ?1",
                params![org.id, org.code, org.name, org.short_name, org.kind.code(), org.sort_order, org.active],
            )?;
            changed(tx, "organizations", org.id, Some(old))
        })
    }

    /// Deletes an organization that no task, pending item or agenda item
    /// refers to; one with work attached can only be deactivated.
    pub fn delete_organization(&self, id: i64, expected: Option<i64>) -> Result<()> {
        let org = self.store().organization(id)?;
        self.run(|tx| {
            let used: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM tasks WHERE lead_org_id = ?1)
                     OR EXISTS(SELECT 1 FROM task_orgs WHERE org_id = ?1)
                     OR EXISTS(SELECT 1 FROM pending_items WHERE raised_by_org_id = ?1 OR addressed_org_id = ?1)
                     OR EXISTS(SELECT 1 FROM attendance WHERE org_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if used {
                return Err(StoreError::OrgInUse { code: org.code.clone() });
            }
            if expected.is_some_and(|v| v != org.version) {
                return Err(StoreError::Conflict { what: "organization", id });
            }
            delete_row(tx, "organizations", id)?;
            Ok(())
        })
    }

    pub fn add_person(&self, person: Person) -> Result<i64> {
        let p = person.validated()?;
        self.run(|tx| {
            tx.execute(
                "INSERT INTO people (full_name, title, org_id, phone, roles) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![p.full_name, p.title, p.org_id, p.phone, serde_json::to_string(&p.roles).unwrap_or_default()],
            )?;
            let id = tx.last_insert_rowid();
            changed(tx, "people", id, None)?;
            Ok(id)
        })
    }

    pub fn update_person(&self, person: Person) -> Result<()> {
        let p = person.validated()?;
        self.run(|tx| {
            let old = snapshot(tx, "people", p.id)?.ok_or(StoreError::NotFound { what: "person", id: p.id })?;
            bump_version(tx, "people", p.id, Some(p.version))?;
            tx.execute(
                "UPDATE people SET full_name = ?2, title = ?3, org_id = ?4, phone = ?5, roles = ?6 WHERE id = ?1",
                params![
                    p.id,
                    p.full_name,
                    p.title,
                    p.org_id,
                    p.phone,
                    serde_json::to_string(&p.roles).unwrap_or_default()
                ],
            )?;
            changed(tx, "people", p.id, Some(old))
        })
    }

    /// Deletes a person; tasks lose the link, meetings keep no chair or secretary.
    pub fn delete_person(&self, id: i64, expected: Option<i64>) -> Result<()> {
        self.run(|tx| {
            if let Some(v) = expected {
                if super::history::version_of(tx, "people", id)?.is_some_and(|cur| cur != v) {
                    return Err(StoreError::Conflict { what: "person", id });
                }
            }
            let meetings: Vec<i64> = tx
                .prepare("SELECT id FROM meetings WHERE chair_id = ?1 OR secretary_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for m in meetings {
                let old = snapshot(tx, "meetings", m)?;
                tx.execute(
                    "UPDATE meetings SET chair_id = NULLIF(chair_id, ?2), secretary_id = NULLIF(secretary_id, ?2) WHERE id = ?1",
                    [m, id],
                )?;
                changed(tx, "meetings", m, old)?;
            }
            let tasks: Vec<i64> = tx
                .prepare("SELECT task_id FROM task_people WHERE person_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for t in tasks {
                let old = snapshot(tx, "tasks", t)?;
                tx.execute("DELETE FROM task_people WHERE task_id = ?1 AND person_id = ?2", [t, id])?;
                changed(tx, "tasks", t, old)?;
            }
            if !delete_row(tx, "people", id)? {
                return Err(StoreError::NotFound { what: "person", id });
            }
            Ok(())
        })
    }

    /// Sets one of the bloc's settings (see `Settings::KEYS`).
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        if !Settings::KEYS.contains(&key) {
            return Err(StoreError::UnknownSetting { key: key.to_string() });
        }
        let value = Settings::check(key, value)?;
        self.run(|tx| {
            let old: Option<String> =
                tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
            if old.as_deref() == Some(value.as_str()) {
                return Ok(());
            }
            tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [key, &value])?;
            let old = old.map(|v| serde_json::json!({"key": key, "value": v}));
            let new = Some(serde_json::json!({"key": key, "value": value}));
            record(tx, "settings", 0, if old.is_some() { "update" } else { "insert" }, &old, &new)
        })
    }
}
