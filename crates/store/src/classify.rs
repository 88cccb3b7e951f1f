//! The classification life cycle: edit a draft, approve it (freeze a snapshot), re-classify.

use crate::sql::{params, Connection};
use infoklass_core::limits::check_content;
use infoklass_core::review::check_chosen_date;
use infoklass_core::{derive_profile, Aspect, ClassificationContent, Profile, Scale, Status};

use crate::audit::{self, Entry};
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::review::{approve_draft, Approval};
use crate::rows::{self, Snapshot};
use crate::{ChosenReview, Ctx, Store};

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

/// Writes a draft's content and its derived profile (kept for fast lists), under the lagrum
/// catalogue version in use (approval freezes it).
pub(crate) fn store_derived(
    conn: &Connection,
    classification_id: &str,
    content: &ClassificationContent,
    profile: &Profile,
) -> Result<()> {
    rows::write_sets(conn, classification_id, &content.sets)?;
    conn.execute(
        "UPDATE classifications SET uplifts = ?2, lagrum = ?3, levels = ?4, profile = ?5,
             lagrum_version = (SELECT version FROM lagrum_catalog WHERE id = 1) WHERE id = ?1",
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

/// A new draft classification, version `version`, holding `content` under `scale`; its id.
pub(crate) fn insert_draft(
    conn: &Connection,
    ctx: &Ctx,
    object_id: &str,
    version: u32,
    scale: &Scale,
    content: &ClassificationContent,
) -> Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    conn.execute(
        "INSERT INTO classifications (id, object_id, version, status, scale_id, scale_version, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'utkast', ?4, ?5, ?6, ?6)",
        params![id, object_id, version, scale.id, scale.version, ctx.now],
    )?;
    store_derived(conn, &id, content, &derive_profile(content, scale))?;
    Ok(id)
}

impl Store {
    /// Replaces the content of the object's current draft.
    pub fn save_draft(&mut self, ctx: &Ctx, object_id: &str, content: &ClassificationContent) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        save_draft_in(&tx, ctx, object_id, content)?;
        tx.commit()?;
        Ok(())
    }

    /// Approves (fastställer) the current draft: freezes its content and the object's facts
    /// as a snapshot, and marks the previously approved classification as replaced. The
    /// classification date becomes today and the next review follows the organisation's rule
    /// (`review.rs`).
    pub fn approve(&mut self, ctx: &Ctx, object_id: &str, approved_by: &str) -> Result<()> {
        self.approve_with(ctx, object_id, approved_by, None)
    }

    /// `approve`, with a next review date the owner chose instead of the rule's, and why.
    pub fn approve_with(
        &mut self,
        ctx: &Ctx,
        object_id: &str,
        approved_by: &str,
        chosen: Option<&ChosenReview>,
    ) -> Result<()> {
        let approved_by = approved_by.trim();
        if approved_by.is_empty() {
            return Err(StoreError::InvalidInput("say who approves the classification".into()));
        }
        if let Some(c) = chosen {
            check_chosen_date(&ctx.today, &c.date, &c.reason).map_err(StoreError::InvalidInput)?;
        }
        let types = self.info_types()?;
        let rule = self.review_rule()?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let current = rows::current_classification(&tx, object_id)?;
        if current.status != Status::Utkast {
            return Err(StoreError::NotDraft);
        }
        let approval = Approval { by: approved_by, chosen, unchanged: None };
        approve_draft(&tx, ctx, object_id, &current, &types, &rule, &self.catalog, approval)?;
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
        let Snapshot { mut content, .. } = rows::content_of(&tx, &current, &read_meta(&tx, object_id)?)?;
        // The new draft is made under the lagrum catalogue in use now.
        crate::lagrum::resolve(&tx, &mut content)?;
        let version = current.version + 1;
        let id = insert_draft(&tx, ctx, object_id, version, &self.scale, &content)?;
        let entry = Entry { action: "reclassify", entity: "classification", entity_id: &id, object_id };
        let new = serde_json::json!({ "version": version, "copied_from": current.id });
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&new))?;
        tx.commit()?;
        Ok(())
    }
}

/// `save_draft` inside the caller's transaction; writes nothing when the content is unchanged.
pub(crate) fn save_draft_in(
    tx: &Connection,
    ctx: &Ctx,
    object_id: &str,
    content: &ClassificationContent,
) -> Result<()> {
    crate::decommission::ensure_active(tx, object_id)?;
    let current = rows::current_classification(tx, object_id)?;
    if current.status != Status::Utkast {
        return Err(StoreError::NotDraft);
    }
    let scale = rows::load_scale(tx, &current.scale_id, &current.scale_version)?;
    let mut content = normalise_content(content, &scale)?;
    crate::lagrum::resolve(tx, &mut content)?;
    let meta = read_meta(tx, object_id)?;
    let old = rows::content_of(tx, &current, &meta)?.content;
    if old == content {
        return Ok(());
    }
    store_derived(tx, &current.id, &content, &derive_profile(&content, &scale))?;
    tx.execute("UPDATE classifications SET updated_at = ?2 WHERE id = ?1", params![current.id, ctx.now])?;
    tx.execute("UPDATE objects SET updated_at = ?2 WHERE id = ?1", params![object_id, ctx.now])?;
    let entry = Entry { action: "save_draft", entity: "classification", entity_id: &current.id, object_id };
    audit::record(tx, ctx, entry, Some(&old), Some(&content))
}
