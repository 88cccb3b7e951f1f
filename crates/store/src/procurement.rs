//! Procurement lists (upphandlingskrav): the union of the SKA-requirements of one or more
//! objects, with the procurement officer's decisions per item.

use std::collections::HashMap;

use crate::sql::{params, OptionalExtension};
use infoklass_core::limits::{check_text, MAX_CELL_CHARS, MAX_NAME_CHARS};
use infoklass_core::profile_string;
use infoklass_core::requirements::{unite, ObjectNeeds};

use crate::audit::{self, Entry};
use crate::dto_requirements::{
    ExcludedObject, ItemChoice, ObjectRef, ProcurementInput, ProcurementItem, ProcurementSummary, ProcurementView,
};
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows;
use crate::{Ctx, Store};

impl Store {
    /// The list for these objects with default decisions (every item relevant, the
    /// catalogue's obligation and SKA-wording). Items keep catalogue order, without duplicates.
    pub fn procurement_for(&self, object_ids: &[String]) -> Result<ProcurementView> {
        let mut read = Vec::new();
        for id in dedup(object_ids) {
            let meta = read_meta(&self.conn, &id)?;
            let basis = self.basis(&rows::current_classification(&self.conn, &id)?)?;
            read.push((ObjectRef { id, name: meta.name, profile: profile_string(&basis.levels) }, basis));
        }
        let needs: Vec<ObjectNeeds> =
            read.iter().map(|(o, b)| ObjectNeeds { name: &o.name, catalog: &b.catalog, derived: &b.derived }).collect();
        let union = unite(&self.catalog, &needs);
        let objects = union.included.iter().map(|&i| read[i].0.clone()).collect();
        let excluded = union
            .excluded
            .into_iter()
            .map(|(i, reason)| ExcludedObject { object: read[i].0.clone(), reason })
            .collect();
        let items = union
            .items
            .into_iter()
            .map(|u| {
                let r = &self.catalog.requirements[u.index];
                ProcurementItem {
                    key: r.key.clone(),
                    area_sv: self.catalog.area(&r.area).map(|a| a.name_sv.clone()).unwrap_or_default(),
                    area_en: self.catalog.area(&r.area).map(|a| a.name_en.clone()).unwrap_or_default(),
                    title_sv: r.title_sv.clone(),
                    original_text: r.ska_sv.clone(),
                    original_text_en: r.ska_en.clone(),
                    text: r.ska_sv.clone(),
                    obligation: r.obligation,
                    relevant: true,
                    aspects: r.aspects.clone(),
                    iso27002: r.iso27002.clone(),
                    needed_by: u.needed_by,
                }
            })
            .collect();
        Ok(ProcurementView {
            id: None,
            name: String::new(),
            objects,
            excluded,
            catalog_id: self.catalog.id.clone(),
            catalog_version: self.catalog.version.clone(),
            items,
        })
    }

    /// A saved list, recomputed from the objects' current classifications with the saved
    /// decisions applied.
    pub fn procurement(&self, id: &str) -> Result<ProcurementView> {
        let (name, object_ids): (String, String) = self
            .conn
            .query_row("SELECT name, object_ids FROM procurements WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let object_ids: Vec<String> = serde_json::from_str(&object_ids)?;
        let existing: Vec<String> = object_ids.into_iter().filter(|o| read_meta(&self.conn, o).is_ok()).collect();
        let mut view = self.procurement_for(&existing)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, relevant, obligation, text FROM procurement_items WHERE procurement_id = ?1",
        )?;
        let choices: HashMap<String, ItemChoice> = stmt
            .query_map([id], |r| {
                let obligation: String = r.get(2)?;
                Ok(ItemChoice {
                    key: r.get(0)?,
                    relevant: r.get(1)?,
                    obligation: infoklass_core::requirements::Obligation::parse(&obligation)
                        .unwrap_or(infoklass_core::requirements::Obligation::Ska),
                    text: r.get(3)?,
                })
            })?
            .map(|c| c.map(|c| (c.key.clone(), c)))
            .collect::<std::result::Result<_, _>>()?;
        for item in &mut view.items {
            if let Some(c) = choices.get(&item.key) {
                item.relevant = c.relevant;
                item.obligation = c.obligation;
                item.text = c.text.clone();
            }
        }
        view.id = Some(id.to_string());
        view.name = name;
        Ok(view)
    }

    /// Creates or updates a list with the officer's decisions; returns its id.
    pub fn save_procurement(&mut self, ctx: &Ctx, input: &ProcurementInput) -> Result<String> {
        if input.name.trim().is_empty() {
            return Err(StoreError::InvalidInput("the procurement list needs a name".into()));
        }
        check_text(|| "the procurement list's name".into(), &input.name, MAX_NAME_CHARS)?;
        for c in &input.choices {
            check_text(|| format!("the text of {}", c.key), &c.text, MAX_CELL_CHARS)?;
        }
        let object_ids = dedup(&input.object_ids);
        if object_ids.is_empty() {
            return Err(StoreError::InvalidInput("choose at least one object".into()));
        }
        let defaults = self.procurement_for(&object_ids)?;
        let old = match &input.id {
            Some(id) => Some(self.procurement(id)?),
            None => None,
        };
        let id = input.id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        if old.is_some() {
            tx.execute(
                "UPDATE procurements SET name = ?2, object_ids = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, input.name.trim(), serde_json::to_string(&object_ids)?, ctx.now],
            )?;
            tx.execute("DELETE FROM procurement_items WHERE procurement_id = ?1", [&id])?;
        } else {
            tx.execute(
                "INSERT INTO procurements (id, name, object_ids, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, input.name.trim(), serde_json::to_string(&object_ids)?, ctx.now],
            )?;
        }
        for c in &input.choices {
            let Some(default) = defaults.items.iter().find(|i| i.key == c.key) else {
                return Err(StoreError::RequirementNotApplicable(c.key.clone()));
            };
            let text = if c.text.trim().is_empty() { default.original_text.clone() } else { c.text.trim().to_string() };
            // Only decisions that differ from the defaults are stored.
            if c.relevant && c.obligation == default.obligation && text == default.original_text {
                continue;
            }
            tx.execute(
                "INSERT INTO procurement_items (procurement_id, key, relevant, obligation, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, c.key, c.relevant, c.obligation.as_str(), text],
            )?;
        }
        let entry = Entry {
            action: if old.is_some() { "update" } else { "create" },
            entity: "procurement",
            entity_id: &id,
            object_id: "",
        };
        audit::record(&tx, ctx, entry, old.as_ref().map(|o| &o.name), Some(&input))?;
        tx.commit()?;
        Ok(id)
    }

    pub fn procurements(&self) -> Result<Vec<ProcurementSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, object_ids, updated_at FROM procurements ORDER BY updated_at DESC")?;
        let rows = stmt.query_map([], |r| {
            let ids: String = r.get(2)?;
            Ok(ProcurementSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                objects: serde_json::from_str::<Vec<String>>(&ids).map(|v| v.len() as u32).unwrap_or(0),
                updated_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

fn dedup(ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}
