//! Requirement catalogues in the database: the shipped one seeded, imported versions kept,
//! the newest import active. A derived list names the catalogue version it came from.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::requirements::Catalog;

use crate::audit::{self, Entry};
use crate::dto_requirements::CatalogInfo;
use crate::error::{Result, StoreError};
use crate::{Ctx, Store};

/// Stores the shipped catalogue when the database has none of its version and the
/// organisation has not switched to a catalogue of its own. A shipped catalogue has an empty
/// `imported_at`.
pub(crate) fn seed_catalog(conn: &Connection) -> Result<()> {
    let shipped = Catalog::default_catalog();
    let tx = conn.savepoint()?;
    let active_id: Option<String> =
        tx.query_row("SELECT id FROM catalogs ORDER BY seq DESC LIMIT 1", [], |r| r.get(0)).optional()?;
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM catalogs WHERE id = ?1 AND version = ?2)",
        params![shipped.id, shipped.version],
        |r| r.get(0),
    )?;
    if !known && active_id.is_none_or(|id| id == shipped.id) {
        insert(&tx, &shipped, "", "Infoklass")?;
    }
    tx.commit()?;
    Ok(())
}

fn insert(conn: &Connection, c: &Catalog, now: &str, by: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO catalogs (id, version, definition, imported_at, imported_by, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(seq), 0) + 1 FROM catalogs))",
        params![c.id, c.version, serde_json::to_string(c)?, now, by],
    )?;
    Ok(())
}

pub(crate) fn active(conn: &Connection) -> Result<Catalog> {
    let json: String = conn.query_row("SELECT definition FROM catalogs ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))?;
    compile(&json)
}

pub(crate) fn load(conn: &Connection, id: &str, version: &str) -> Result<Catalog> {
    let json: String = conn
        .query_row("SELECT definition FROM catalogs WHERE id = ?1 AND version = ?2", [id, version], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("catalogue {id} {version}")))?;
    compile(&json)
}

fn compile(json: &str) -> Result<Catalog> {
    Catalog::from_json(json).map_err(|e| StoreError::InvalidInput(format!("stored catalogue is invalid: {e:?}")))
}

impl Store {
    /// Requirements whose trigger names a lagrum (or group) the stored lagrum catalogue lacks.
    fn unknown_lagrum(&self, c: &Catalog) -> Vec<infoklass_core::requirements::CatalogError> {
        match crate::lagrum::load(&self.conn) {
            Ok(l) => c.unknown_lagrum(&l.trigger_names()),
            Err(e) => vec![infoklass_core::requirements::CatalogError {
                code: "DB_ERROR".into(),
                row: None,
                key: String::new(),
                field: String::new(),
                message: e.to_string(),
            }],
        }
    }

    /// The catalogue new derivations use.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn catalogs(&self) -> Result<Vec<CatalogInfo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, version, definition, imported_at, imported_by, seq = (SELECT MAX(seq) FROM catalogs)
             FROM catalogs ORDER BY seq DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, version, json, imported_at, imported_by, active) = row?;
            let c: Catalog = serde_json::from_str(&json)?;
            out.push(CatalogInfo {
                id,
                version,
                name_sv: c.name_sv,
                requirements: c.requirements.len() as u32,
                areas: c.areas.len() as u32,
                imported_at,
                imported_by,
                active,
            });
        }
        Ok(out)
    }

    /// Stores a validated catalogue as a new version and makes it active. An id and version
    /// already present is refused: versions are never rewritten.
    pub fn import_catalog(&mut self, ctx: &Ctx, catalog: Catalog) -> Result<CatalogInfo> {
        let unknown = self.unknown_lagrum(&catalog);
        if !unknown.is_empty() {
            return Err(StoreError::BadCatalog(unknown));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM catalogs WHERE id = ?1 AND version = ?2)",
            params![catalog.id, catalog.version],
            |r| r.get(0),
        )?;
        if exists {
            return Err(StoreError::CatalogVersionExists(format!("{} {}", catalog.id, catalog.version)));
        }
        insert(&tx, &catalog, &ctx.now, &ctx.actor)?;
        let entry = Entry { action: "import", entity: "catalog", entity_id: &catalog.id, object_id: "" };
        let summary = serde_json::json!({ "version": catalog.version, "requirements": catalog.requirements.len() });
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&summary))?;
        tx.commit()?;
        self.catalog = catalog;
        Ok(self.catalogs()?.into_iter().next().expect("just inserted"))
    }

    /// Sets (or clears, with an empty text) the organisation's own "how" for a requirement.
    pub fn set_local_how(&mut self, ctx: &Ctx, key: &str, how: &str) -> Result<()> {
        if self.catalog.requirement(key).is_none() {
            return Err(StoreError::NotFound(key.to_string()));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        let old: Option<String> = tx
            .query_row(
                "SELECT how FROM requirement_local WHERE catalog_id = ?1 AND key = ?2",
                [&self.catalog.id, key],
                |r| r.get(0),
            )
            .optional()?;
        if how.trim().is_empty() {
            tx.execute("DELETE FROM requirement_local WHERE catalog_id = ?1 AND key = ?2", [&self.catalog.id, key])?;
        } else {
            tx.execute(
                "INSERT INTO requirement_local (catalog_id, key, how) VALUES (?1, ?2, ?3)
                 ON CONFLICT (catalog_id, key) DO UPDATE SET how = excluded.how",
                params![self.catalog.id, key, how.trim()],
            )?;
        }
        let entry = Entry { action: "local_how", entity: "requirement", entity_id: key, object_id: "" };
        audit::record(&tx, ctx, entry, old.as_ref(), Some(&how.trim()))?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn local_how(&self, catalog_id: &str) -> Result<std::collections::HashMap<String, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT key, how FROM requirement_local WHERE catalog_id = ?1")?;
        let rows = stmt.query_map([catalog_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl Store {
    /// Every local "how" text of the active catalogue, by requirement key.
    pub fn local_how_texts(&self) -> Result<std::collections::HashMap<String, String>> {
        self.local_how(&self.catalog.id)
    }
}

impl Store {
    /// What importing `c` would change compared with the active catalogue; writes nothing.
    pub fn catalog_import_preview(&self, c: &Catalog) -> crate::dto_requirements::CatalogImportPreview {
        let active = &self.catalog;
        let keys =
            |cat: &Catalog| cat.requirements.iter().map(|r| r.key.clone()).collect::<std::collections::BTreeSet<_>>();
        let (old, new) = (keys(active), keys(c));
        let changed = c
            .requirements
            .iter()
            .filter(|r| active.requirement(&r.key).is_some_and(|o| o != *r))
            .map(|r| r.key.clone())
            .collect();
        let exists = self.catalogs().map(|l| l.iter().any(|i| i.id == c.id && i.version == c.version)).unwrap_or(false);
        let errors = if exists {
            vec![crate::dto_requirements::SheetError {
                code: "CATALOG_VERSION_EXISTS".into(),
                sheet: "Katalog".into(),
                row: None,
                key: String::new(),
                field: "Version".into(),
                message: format!("{} {} is already stored; give the new one another version", c.id, c.version),
            }]
        } else {
            Vec::new()
        };
        let on_sheet = |e: infoklass_core::requirements::CatalogError| crate::dto_requirements::SheetError {
            code: e.code,
            sheet: "Krav".into(),
            row: None,
            key: e.key,
            field: if e.field == "trigger" { "Villkor".into() } else { "ISO/IEC 27002".into() },
            message: e.message,
        };
        let mut errors = errors;
        errors.extend(self.unknown_lagrum(c).into_iter().map(on_sheet));
        let warnings = c.iso_warnings().into_iter().map(on_sheet).collect();
        crate::dto_requirements::CatalogImportPreview {
            id: c.id.clone(),
            version: c.version.clone(),
            name_sv: c.name_sv.clone(),
            requirements: c.requirements.len() as u32,
            areas: c.areas.len() as u32,
            errors,
            warnings,
            added: new.difference(&old).cloned().collect(),
            removed: old.difference(&new).cloned().collect(),
            changed,
        }
    }
}
