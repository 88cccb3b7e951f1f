//! The organisation's lagrum catalogue: seeded from the shipped file, replaced by an edited
//! file (missing lagrum are retired, never deleted), with a version; and the lagrum the
//! organisation chose for itself, whose requirements apply to every object.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::lagrum::{LagrumCatalog, LagrumDef, LagrumScope};
use infoklass_core::ErrorCode;
use infoklass_core::{ClassificationContent, Lagrum};

use crate::audit::{self, Entry};
use crate::dto::ListImport;
use crate::dto_lagrum::{LagrumEntry, LagrumList};
use crate::error::{Result, StoreError};
use crate::list_sync::{self, Listed, Writer};
use crate::{Ctx, Store};

impl Listed for LagrumDef {
    fn key(&self) -> &str {
        &self.key
    }
    fn retired(&self) -> bool {
        self.retired
    }
    fn with_retired(&self, retired: bool) -> Self {
        LagrumDef { retired, ..self.clone() }
    }
}

const WRITER: Writer<LagrumDef> = Writer { entity: "lagrum", table: "lagrum", insert, update };

fn insert(conn: &Connection, l: &LagrumDef, position: Option<i64>) -> Result<()> {
    conn.execute(
        "INSERT INTO lagrum (key, definition, retired, position)
         VALUES (?1, ?2, ?3, COALESCE(?4, (SELECT COALESCE(MAX(position), -1) + 1 FROM lagrum)))",
        params![l.key, serde_json::to_string(l)?, l.retired, position],
    )?;
    Ok(())
}

fn update(conn: &Connection, l: &LagrumDef) -> Result<()> {
    conn.execute(
        "UPDATE lagrum SET definition = ?2, retired = ?3 WHERE key = ?1",
        params![l.key, serde_json::to_string(l)?, l.retired],
    )?;
    Ok(())
}

/// Stores the shipped lagrum catalogue when the database has none.
pub(crate) fn seed(conn: &Connection) -> Result<()> {
    let tx = conn.savepoint()?;
    let have: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM lagrum_catalog)", [], |r| r.get(0))?;
    if !have {
        let shipped = LagrumCatalog::default_catalog();
        for (i, l) in shipped.lagrum.iter().enumerate() {
            insert(&tx, l, Some(i as i64))?;
        }
        tx.execute("INSERT INTO lagrum_catalog (id, version) VALUES (1, ?1)", [&shipped.version])?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn missing(conn: &Connection) -> Result<bool> {
    Ok(!conn.query_row("SELECT EXISTS (SELECT 1 FROM lagrum_catalog)", [], |r| r.get(0))?)
}

/// The stored catalogue, retired lagrum included.
pub(crate) fn load(conn: &Connection) -> Result<LagrumCatalog> {
    let version: String = conn
        .query_row("SELECT version FROM lagrum_catalog WHERE id = 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    let mut stmt = conn.prepare_cached("SELECT definition, retired FROM lagrum ORDER BY position")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
    let mut lagrum = Vec::new();
    for row in rows {
        let (json, retired) = row?;
        lagrum.push(LagrumDef { retired, ..serde_json::from_str(&json)? });
    }
    Ok(LagrumCatalog { version, lagrum })
}

/// The organisation-wide lagrum chosen, in catalogue order.
pub(crate) fn org_keys(conn: &Connection) -> Result<Vec<Lagrum>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.key FROM org_lagrum o LEFT JOIN lagrum l ON l.key = o.key ORDER BY l.position, o.key",
    )?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.map(|k| k.map(Lagrum)).collect::<std::result::Result<_, _>>()?)
}

fn bad(p: infoklass_core::lagrum::LagrumProblem) -> StoreError {
    StoreError::BadLagrum { code: p.code, message: p.message }
}

impl Store {
    pub fn lagrum_catalog(&self) -> Result<LagrumCatalog> {
        load(&self.conn)
    }

    /// Every lagrum with the requirements it brings and whether the organisation chose it.
    pub fn lagrum_list(&self) -> Result<LagrumList> {
        let catalog = self.lagrum_catalog()?;
        let chosen = org_keys(&self.conn)?;
        let entries = catalog
            .lagrum
            .iter()
            .map(|l| {
                let names = catalog.expand(&[Lagrum::new(&l.key)]);
                let requirements = self
                    .catalog
                    .requirements
                    .iter()
                    .zip(&self.catalog.triggers)
                    .filter(|(_, t)| t.lagrum_names().any(|n| names.contains(n)))
                    .map(|(r, _)| r.key.clone())
                    .collect();
                LagrumEntry { lagrum: l.clone(), requirements, chosen: chosen.iter().any(|c| c.as_str() == l.key) }
            })
            .collect();
        Ok(LagrumList { version: catalog.version, entries })
    }

    /// Makes the stored catalogue match the file (added, changed, the file's order, missing
    /// ones retired) and takes its version. One transaction; with `dry_run` nothing is written.
    pub fn import_lagrum(&mut self, ctx: &Ctx, file: &LagrumCatalog, dry_run: bool) -> Result<ListImport> {
        file.check().map_err(bad)?;
        let before = self.lagrum_catalog()?;
        let plan = list_sync::plan(&before.lagrum, &file.lagrum);
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        WRITER.apply(&tx, ctx, &plan)?;
        tx.execute(
            "INSERT INTO lagrum_catalog (id, version) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            [&file.version],
        )?;
        if before.version != file.version {
            let entry = Entry { action: "version", entity: "lagrum_catalog", entity_id: "1", object_id: "" };
            audit::record(&tx, ctx, entry, Some(&before.version), Some(&file.version))?;
        }
        if !dry_run {
            tx.commit()?;
        }
        Ok(plan.report())
    }

    /// The organisation-wide lagrum chosen (keys).
    pub fn org_lagrum(&self) -> Result<Vec<String>> {
        Ok(org_keys(&self.conn)?.into_iter().map(|l| l.0).collect())
    }

    /// Chooses the organisation-wide lagrum: each must be an organisation-wide lagrum in use,
    /// and at most one of a group (cybersäkerhetslagen: viktig or väsentlig). Replaces the
    /// earlier choice in one transaction.
    pub fn set_org_lagrum(&mut self, ctx: &Ctx, keys: &[String]) -> Result<Vec<String>> {
        let catalog = self.lagrum_catalog()?;
        let mut chosen: Vec<&LagrumDef> = Vec::new();
        for key in keys {
            let Some(def) = catalog.find(key).filter(|d| !d.retired) else {
                return Err(StoreError::BadLagrum {
                    code: ErrorCode::LagrumUnknown,
                    message: format!("the lagrum \"{key}\" is not in the lagrum catalogue"),
                });
            };
            if def.scope != LagrumScope::Organisation {
                return Err(StoreError::BadLagrum {
                    code: ErrorCode::LagrumPerObject,
                    message: format!("the lagrum \"{key}\" is ticked per object, not for the whole organisation"),
                });
            }
            if let Some(other) = chosen.iter().find(|c| c.groups.iter().any(|g| def.groups.contains(g))) {
                return Err(StoreError::BadLagrum {
                    code: ErrorCode::LagrumGroupTwice,
                    message: format!("\"{}\" and \"{key}\" are alternatives; choose one", other.key),
                });
            }
            if !chosen.iter().any(|c| c.key == def.key) {
                chosen.push(def);
            }
        }
        let before = self.org_lagrum()?;
        let after: Vec<String> = chosen.iter().map(|d| d.key.clone()).collect();
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        tx.execute("DELETE FROM org_lagrum", [])?;
        for k in &after {
            tx.execute("INSERT INTO org_lagrum (key) VALUES (?1)", [k])?;
        }
        let entry = Entry { action: "set", entity: "org_lagrum", entity_id: "", object_id: "" };
        audit::record(&tx, ctx, entry, Some(&before), Some(&after))?;
        tx.commit()?;
        Ok(after)
    }

    /// Gives the content's lagrum decisions their catalogue keys and current minimums.
    pub(crate) fn resolve_lagrum(&self, content: &mut ClassificationContent) -> Result<()> {
        resolve(&self.conn, content)
    }

    /// The lagrum a requirement trigger sees for this content: the ticked ones, the
    /// organisation's own, and the groups of both.
    pub(crate) fn active_lagrum(&self, content: &ClassificationContent) -> Result<Vec<Lagrum>> {
        active(&self.conn, content)
    }
}

pub(crate) fn resolve(conn: &Connection, content: &mut ClassificationContent) -> Result<()> {
    load(conn)?.resolve(&mut content.lagrum).map_err(bad)
}

pub(crate) fn active(conn: &Connection, content: &ClassificationContent) -> Result<Vec<Lagrum>> {
    Ok(active_in(&load(conn)?, &org_keys(conn)?, content))
}

/// The lagrum that apply to `content`: its own and the organisation's, with their groups
/// expanded. For callers that read the catalogue and the organisation's choice once.
pub(crate) fn active_in(catalog: &LagrumCatalog, org: &[Lagrum], content: &ClassificationContent) -> Vec<Lagrum> {
    let mut keys: Vec<Lagrum> = content.lagrum.iter().map(|d| d.lagrum.clone()).collect();
    keys.extend(org.iter().cloned());
    catalog.expand(&keys)
}
