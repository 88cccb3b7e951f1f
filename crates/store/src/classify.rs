//! The classification life cycle: edit a draft, approve it (freeze a snapshot), re-classify.

use infoklass_core::limits::check_content;
use infoklass_core::{approval_issues, derive_profile, Aspect, ClassificationContent, Profile, Scale, Status};
use rusqlite::{params, Connection};

use crate::audit::{self, Entry};
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows::{self, Snapshot};
use crate::{Ctx, Store};

/// Gives new sets an id and checks that every level exists on the scale.
/// Refuses a set count or a text over the caps (`infoklass_core::limits`).
pub(crate) fn normalise_content(content: &ClassificationContent, scale: &Scale) -> Result<ClassificationContent> {
    check_content(content)?;
    let mut c = content.clone();
    let max = scale.max_level();
    let out_of_scale = |l: u8| StoreError::InvalidInput(format!("level {l} is not on the scale (0–{max})"));
    for set in &mut c.sets {
        set.name = set.name.trim().to_string();
        if set.id.trim().is_empty() {
            set.id = uuid::Uuid::new_v4().to_string();
        }
        for a in Aspect::ALL {
            if let Some(l) = set.levels.get(a).filter(|l| *l > max) {
                return Err(out_of_scale(l));
            }
        }
    }
    for (_, uplift) in c.uplifts.iter() {
        if let Some(u) = uplift.as_ref().filter(|u| u.level > max) {
            return Err(out_of_scale(u.level));
        }
    }
    Ok(c)
}

/// Writes a draft's content and its derived profile (kept for fast lists).
pub(crate) fn store_derived(
    conn: &Connection,
    classification_id: &str,
    content: &ClassificationContent,
    profile: &Profile,
) -> Result<()> {
    rows::write_sets(conn, classification_id, &content.sets)?;
    conn.execute(
        "UPDATE classifications SET uplifts = ?2, lagrum = ?3, levels = ?4, profile = ?5 WHERE id = ?1",
        params![
            classification_id,
            serde_json::to_string(&content.uplifts)?,
            serde_json::to_string(&content.lagrum)?,
            serde_json::to_string(&profile.levels)?,
            profile.text
        ],
    )?;
    Ok(())
}

impl Store {
    /// Replaces the content of the object's current draft.
    pub fn save_draft(&mut self, ctx: &Ctx, object_id: &str, content: &ClassificationContent) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let current = rows::current_classification(&tx, object_id)?;
        if current.status != Status::Utkast {
            return Err(StoreError::NotDraft);
        }
        let scale = rows::load_scale(&tx, &current.scale_id, &current.scale_version)?;
        let content = normalise_content(content, &scale)?;
        let meta = read_meta(&tx, object_id)?;
        let old = rows::content_of(&tx, &current, &meta)?.content;
        if old == content {
            return Ok(());
        }
        store_derived(&tx, &current.id, &content, &derive_profile(&content, &scale))?;
        tx.execute("UPDATE classifications SET updated_at = ?2 WHERE id = ?1", params![current.id, ctx.now])?;
        tx.execute("UPDATE objects SET updated_at = ?2 WHERE id = ?1", params![object_id, ctx.now])?;
        let entry = Entry { action: "save_draft", entity: "classification", entity_id: &current.id, object_id };
        audit::record(&tx, ctx, entry, Some(&old), Some(&content))?;
        tx.commit()?;
        Ok(())
    }

    /// Approves (fastställer) the current draft: freezes its content and the object's facts
    /// as a snapshot, and marks the previously approved classification as replaced.
    pub fn approve(&mut self, ctx: &Ctx, object_id: &str, approved_by: &str) -> Result<()> {
        let approved_by = approved_by.trim();
        if approved_by.is_empty() {
            return Err(StoreError::InvalidInput("say who approves the classification".into()));
        }
        let types = self.info_types()?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let current = rows::current_classification(&tx, object_id)?;
        if current.status != Status::Utkast {
            return Err(StoreError::NotDraft);
        }
        let scale = rows::load_scale(&tx, &current.scale_id, &current.scale_version)?;
        let snapshot = rows::content_of(&tx, &current, &read_meta(&tx, object_id)?)?;
        let issues = approval_issues(&snapshot.meta, &snapshot.content, &scale, &types);
        if !issues.is_empty() {
            return Err(StoreError::Validation(issues));
        }
        tx.execute(
            "UPDATE classifications SET status = 'ersatt', updated_at = ?2 WHERE object_id = ?1 AND status = 'faststalld'",
            params![object_id, ctx.now],
        )?;
        tx.execute(
            "UPDATE classifications SET status = 'faststalld', snapshot = ?2, approved_by = ?3, approved_at = ?4,
                updated_at = ?4, catalog_id = ?5, catalog_version = ?6
             WHERE id = ?1",
            params![
                current.id,
                serde_json::to_string(&snapshot)?,
                approved_by,
                ctx.now,
                self.catalog.id,
                self.catalog.version
            ],
        )?;
        let entry = Entry { action: "approve", entity: "classification", entity_id: &current.id, object_id };
        let new = serde_json::json!({
            "approved_by": approved_by,
            "profile": derive_profile(&snapshot.content, &scale).text,
            "version": current.version,
        });
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&new))?;
        tx.commit()?;
        Ok(())
    }

    /// Starts a re-classification: a new draft copied from the last approved classification,
    /// under the scale in use now.
    pub fn start_reclassification(&mut self, ctx: &Ctx, object_id: &str) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let current = rows::current_classification(&tx, object_id)?;
        if current.status != Status::Faststalld {
            return Err(StoreError::NoApprovedVersion);
        }
        let Snapshot { content, .. } = rows::content_of(&tx, &current, &read_meta(&tx, object_id)?)?;
        let id = uuid::Uuid::new_v4().to_string();
        let version = current.version + 1;
        tx.execute(
            "INSERT INTO classifications (id, object_id, version, status, scale_id, scale_version, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'utkast', ?4, ?5, ?6, ?6)",
            params![id, object_id, version, self.scale.id, self.scale.version, ctx.now],
        )?;
        store_derived(&tx, &id, &content, &derive_profile(&content, &self.scale))?;
        let entry = Entry { action: "reclassify", entity: "classification", entity_id: &id, object_id };
        let new = serde_json::json!({ "version": version, "copied_from": current.id });
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&new))?;
        tx.commit()?;
        Ok(())
    }
}
