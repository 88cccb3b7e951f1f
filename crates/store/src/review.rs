//! The review cycle: the organisation's rule, approving with the dates it gives, a review
//! that finds nothing to change, and the queue of reviews that are due.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::info_type::InfoType;
use infoklass_core::limits::{check_text, MAX_CELL_CHARS, MAX_NAME_CHARS};
use infoklass_core::requirements::Catalog;
use infoklass_core::review::{days_between, ReviewRule};
use infoklass_core::{approval_issues, derive_profile, Status};

use crate::audit::{self, Entry};
use crate::classify::insert_draft;
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows::{self, ClassificationRow, Snapshot};
use crate::{ChosenReview, Ctx, ReviewDue, ReviewRuleInfo, Store};

const RULE_KEY: &str = "review_rule";

/// How a draft is being approved.
pub(crate) struct Approval<'a> {
    pub by: &'a str,
    pub chosen: Option<&'a ChosenReview>,
    /// The comment of a review without changes.
    pub unchanged: Option<&'a str>,
}

/// Approves the draft `current` inside the caller's transaction: sets the object's
/// classification date to today and its next review from the rule (or the chosen date),
/// freezes the snapshot, replaces the previously approved version and records it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn approve_draft(
    tx: &Connection,
    ctx: &Ctx,
    object_id: &str,
    current: &ClassificationRow,
    types: &[InfoType],
    rule: &ReviewRule,
    catalog: &Catalog,
    approval: Approval,
) -> Result<()> {
    let scale = rows::load_scale(tx, &current.scale_id, &current.scale_version)?;
    let draft = rows::content_of(tx, current, &read_meta(tx, object_id)?)?;
    let profile = derive_profile(&draft.content, &scale);
    let next_review = match approval.chosen {
        Some(c) => c.date.clone(),
        None => rule
            .next_review(&ctx.today, &profile.levels)
            .ok_or_else(|| StoreError::InvalidInput(format!("today is not a date: {}", ctx.today)))?,
    };
    let mut meta = draft.meta;
    meta.classification_date = Some(ctx.today.clone());
    meta.next_review = Some(next_review.clone());
    let issues = approval_issues(&meta, &draft.content, &scale, types);
    if !issues.is_empty() {
        return Err(StoreError::Validation(issues));
    }
    tx.execute(
        "UPDATE objects SET classification_date = ?2, next_review = ?3, updated_at = ?4 WHERE id = ?1",
        params![object_id, ctx.today, next_review, ctx.now],
    )?;
    tx.execute(
        "UPDATE classifications SET status = 'ersatt', updated_at = ?2 WHERE object_id = ?1 AND status = 'faststalld'",
        params![object_id, ctx.now],
    )?;
    let note = approval.unchanged.or(approval.chosen.map(|c| c.reason.as_str())).unwrap_or("").trim();
    let snapshot = Snapshot { meta, content: draft.content };
    tx.execute(
        "UPDATE classifications SET status = 'faststalld', snapshot = ?2, approved_by = ?3, approved_at = ?4,
            updated_at = ?4, catalog_id = ?5, catalog_version = ?6, approval_note = ?7, unchanged_review = ?8
         WHERE id = ?1",
        params![
            current.id,
            serde_json::to_string(&snapshot)?,
            approval.by,
            ctx.now,
            catalog.id,
            catalog.version,
            note,
            approval.unchanged.is_some()
        ],
    )?;
    let action = if approval.unchanged.is_some() { "review_unchanged" } else { "approve" };
    let entry = Entry { action, entity: "classification", entity_id: &current.id, object_id };
    let new = serde_json::json!({
        "approved_by": approval.by,
        "profile": profile.text,
        "version": current.version,
        "classification_date": ctx.today,
        "next_review": next_review,
        "next_review_from_rule": approval.chosen.is_none(),
        "note": note,
    });
    audit::record::<(), _>(tx, ctx, entry, None, Some(&new))?;
    Ok(())
}

impl Store {
    /// The organisation's review rule; the shipped one until it is changed.
    pub fn review_rule(&self) -> Result<ReviewRule> {
        let json: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [RULE_KEY], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => serde_json::from_str(&j)?,
            None => ReviewRule::default(),
        })
    }

    /// The rule with the shipped one and its last change, for the screen that edits it.
    pub fn review_rule_info(&self) -> Result<ReviewRuleInfo> {
        let changed: Option<(String, String)> = self
            .conn
            .query_row("SELECT updated_at, updated_by FROM settings WHERE key = ?1", [RULE_KEY], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (changed_at, changed_by) = changed.unzip();
        Ok(ReviewRuleInfo { rule: self.review_rule()?, shipped: ReviewRule::default(), changed_at, changed_by })
    }

    /// Changes the review rule; it applies to approvals from now on.
    pub fn set_review_rule(&mut self, ctx: &Ctx, rule: &ReviewRule) -> Result<()> {
        rule.check().map_err(|(code, message)| StoreError::BadReviewRule { code, message })?;
        let old = self.review_rule()?;
        if old == *rule {
            return Ok(());
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        tx.execute(
            "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4",
            params![RULE_KEY, serde_json::to_string(rule)?, ctx.now, ctx.actor],
        )?;
        let entry = Entry { action: "set_review_rule", entity: "settings", entity_id: RULE_KEY, object_id: "" };
        audit::record(&tx, ctx, entry, Some(&old), Some(rule))?;
        tx.commit()?;
        Ok(())
    }

    /// Översyn utan ändringar: records that the approved classification was reviewed and still
    /// holds, as a new approved version with the same content (who, when, a comment), and sets
    /// the next review from the rule. Refused while a draft is open: approve or discard it.
    pub fn confirm_review(&mut self, ctx: &Ctx, object_id: &str, reviewed_by: &str, comment: &str) -> Result<()> {
        let reviewed_by = reviewed_by.trim();
        if reviewed_by.is_empty() {
            return Err(StoreError::InvalidInput("say who made the review".into()));
        }
        check_text(|| "comment".to_string(), comment, MAX_CELL_CHARS)?;
        check_text(|| "reviewed_by".to_string(), reviewed_by, MAX_NAME_CHARS)?;
        let types = self.info_types()?;
        let rule = self.review_rule()?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let approved = rows::current_classification(&tx, object_id)?;
        if approved.status != Status::Faststalld {
            return Err(StoreError::NoApprovedVersion);
        }
        // The same content under the scale it was approved with: nothing is re-judged.
        let Snapshot { content, .. } = rows::content_of(&tx, &approved, &read_meta(&tx, object_id)?)?;
        let scale = rows::load_scale(&tx, &approved.scale_id, &approved.scale_version)?;
        insert_draft(&tx, ctx, object_id, approved.version + 1, &scale, &content)?;
        let draft = rows::current_classification(&tx, object_id)?;
        let approval = Approval { by: reviewed_by, chosen: None, unchanged: Some(comment) };
        approve_draft(&tx, ctx, object_id, &draft, &types, &rule, &self.catalog, approval)?;
        tx.commit()?;
        Ok(())
    }

    /// Objects whose next review has passed or falls within `within_days` of today, the most
    /// overdue first; objects without a review date are not in it.
    pub fn review_queue(&self, today: &str, within_days: u32) -> Result<Vec<ReviewDue>> {
        // The date bound in SQL narrows the rows; the exact day count is computed below.
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.name, o.unit, o.information_owner, o.next_review, a.version
             FROM objects o
             LEFT JOIN (SELECT object_id, MAX(version) AS version FROM classifications
                        WHERE status = 'faststalld' GROUP BY object_id) a ON a.object_id = o.id
             WHERE o.next_review IS NOT NULL AND o.next_review <= ?1
             ORDER BY o.next_review, o.name",
        )?;
        let bound = infoklass_core::review::add_days(today, i64::from(within_days))
            .ok_or_else(|| StoreError::InvalidInput(format!("{today} is not a date (YYYY-MM-DD)")))?;
        let rows = stmt.query_map([bound], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<u32>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, unit, information_owner, next_review, approved_version) = row?;
            let Some(days) = days_between(today, &next_review).and_then(|d| i32::try_from(d).ok()) else { continue };
            if i64::from(days) > i64::from(within_days) {
                continue;
            }
            out.push(ReviewDue { id, name, unit, information_owner, next_review, days_left: days, approved_version });
        }
        Ok(out)
    }
}
