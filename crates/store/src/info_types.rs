//! The organisation's information types: seeded from the shipped list, then edited here (add,
//! change, retire) or replaced by a file. A type is never deleted, so every information set
//! that has one keeps its name and its floor.

use crate::sql::{params, Connection};
use infoklass_core::info_type::{info_type_key, InfoType, InfoTypeCatalog};
use infoklass_core::limits::{check_count, MAX_LIST_ENTRIES};

use crate::dto::{InfoTypeEntry, InfoTypeInput, ListImport};
use crate::error::{Result, StoreError};
use crate::list_sync::{self, Listed, Writer};
use crate::{Ctx, Store};

impl Listed for InfoType {
    fn key(&self) -> &str {
        &self.key
    }
    fn retired(&self) -> bool {
        self.retired
    }
    fn with_retired(&self, retired: bool) -> Self {
        InfoType { retired, ..self.clone() }
    }
}

const WRITER: Writer<InfoType> = Writer { entity: "info_type", table: "info_types", insert, update };

fn insert(conn: &Connection, t: &InfoType, position: Option<i64>) -> Result<()> {
    conn.execute(
        "INSERT INTO info_types (key, name_sv, name_en, description_sv, levels, retired, position, description_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, COALESCE(?7, (SELECT COALESCE(MAX(position), -1) + 1 FROM info_types)), ?8)",
        params![
            t.key,
            t.name_sv,
            t.name_en,
            t.description_sv,
            serde_json::to_string(&t.levels)?,
            t.retired,
            position,
            t.description_en
        ],
    )?;
    Ok(())
}

fn update(conn: &Connection, t: &InfoType) -> Result<()> {
    conn.execute(
        "UPDATE info_types SET name_sv = ?2, name_en = ?3, description_sv = ?4, levels = ?5, retired = ?6,
         description_en = ?7 WHERE key = ?1",
        params![
            t.key,
            t.name_sv,
            t.name_en,
            t.description_sv,
            serde_json::to_string(&t.levels)?,
            t.retired,
            t.description_en
        ],
    )?;
    Ok(())
}

impl Store {
    fn checked_type(&self, t: &InfoType) -> Result<()> {
        t.check(self.scale.max_level()).map_err(|p| StoreError::BadInfoType { code: p.code, message: p.message })
    }

    /// Every type, retired ones included, with how many objects use it.
    pub fn info_type_entries(&self) -> Result<Vec<InfoTypeEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.info_type, COUNT(DISTINCT c.object_id) FROM information_sets s
             JOIN classifications c ON c.id = s.classification_id
             WHERE s.info_type IS NOT NULL GROUP BY s.info_type",
        )?;
        let used: std::collections::HashMap<String, u32> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
        Ok(self
            .info_types()?
            .into_iter()
            .map(|t| InfoTypeEntry { used_in: used.get(&t.key).copied().unwrap_or(0), info_type: t })
            .collect())
    }

    /// Adds a type (no key: one made from the name) or changes one; returns it as stored.
    pub fn save_info_type(&mut self, ctx: &Ctx, input: &InfoTypeInput) -> Result<InfoType> {
        let all = self.info_types()?;
        let key = input.key.as_deref().map(str::trim).filter(|k| !k.is_empty());
        let old = match key {
            Some(k) => Some(
                all.iter().find(|t| t.key == k).ok_or_else(|| StoreError::NotFound(format!("information type {k}")))?,
            ),
            None => None,
        };
        let t = InfoType {
            key: old
                .map(|o| o.key.clone())
                .unwrap_or_else(|| info_type_key(input.name_sv.trim(), all.iter().map(|t| t.key.as_str()))),
            name_sv: input.name_sv.trim().into(),
            name_en: input.name_en.trim().into(),
            description_sv: input.description_sv.trim().into(),
            description_en: input.description_en.trim().into(),
            levels: input.levels.clone(),
            retired: old.is_some_and(|o| o.retired),
        };
        self.checked_type(&t)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        WRITER.write(&tx, ctx, old, &t, "update")?;
        tx.commit()?;
        Ok(t)
    }

    /// Takes a type out of use (or back into it). Sets that have it keep it.
    pub fn set_info_type_retired(&mut self, ctx: &Ctx, key: &str, retired: bool) -> Result<InfoType> {
        let old = self
            .info_types()?
            .into_iter()
            .find(|t| t.key == key)
            .ok_or_else(|| StoreError::NotFound(format!("information type {key}")))?;
        let t = old.with_retired(retired);
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        WRITER.write(&tx, ctx, Some(&old), &t, if retired { "retire" } else { "restore" })?;
        tx.commit()?;
        Ok(t)
    }

    /// The list as a file the organisation can edit and import again.
    pub fn info_type_file(&self, version: &str) -> Result<InfoTypeCatalog> {
        Ok(InfoTypeCatalog { version: version.into(), types: self.info_types()? })
    }

    /// Makes the stored list match the file (added, changed, the file's order, missing ones
    /// retired). One transaction; with `dry_run` nothing is written.
    pub fn import_info_types(&mut self, ctx: &Ctx, file: &InfoTypeCatalog, dry_run: bool) -> Result<ListImport> {
        check_count("information types in the file", file.types.len(), MAX_LIST_ENTRIES)?;
        for t in &file.types {
            self.checked_type(t)?;
        }
        let plan = list_sync::plan(&self.info_types()?, &file.types);
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        WRITER.apply(&tx, ctx, &plan)?;
        if !dry_run {
            tx.commit()?;
        }
        Ok(plan.report())
    }
}
