//! The requirements that apply to an object, its self-assessment, and what changed since
//! the last approved classification.

use std::collections::{HashMap, HashSet};

use crate::sql::{params, OptionalExtension};
use infoklass_core::limits::{check_text, MAX_CELL_CHARS};
use infoklass_core::requirements::{
    action_measure, action_notes, action_priority, carry_over, derive_requirements, included_in, relevant_level,
    require_complete, Answer, Assessment, Catalog, Derived, Requirement,
};
use infoklass_core::{Levels, Status};

use crate::audit::{self, Entry};
use crate::dto_requirements::{AnswerCounts, RequirementItem, RequirementView};
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows::{self, ClassificationRow};
use crate::{catalogs, Ctx, Store};

/// What a classification's requirements are derived from.
pub(crate) struct Basis {
    pub catalog: Catalog,
    pub levels: Levels,
    pub derived: Derived,
}

impl Store {
    /// The catalogue and inputs for a classification: an approved one keeps the catalogue
    /// version recorded at approval; a draft uses the active catalogue.
    pub(crate) fn basis(&self, c: &ClassificationRow) -> Result<Basis> {
        let catalog = match (&c.catalog_id, &c.catalog_version) {
            (Some(id), Some(v)) => catalogs::load(&self.conn, id, v)?,
            _ => self.catalog.clone(),
        };
        let meta = read_meta(&self.conn, &c.object_id)?;
        let snap = rows::content_of(&self.conn, c, &meta)?;
        let scale = rows::load_scale(&self.conn, &c.scale_id, &c.scale_version)?;
        let profile = infoklass_core::derive_profile(&snap.content, &scale);
        let lagrum = self.active_lagrum(&snap.content)?;
        let derived = require_complete(
            derive_requirements(&catalog, &profile.levels, &lagrum, scale.security_level),
            profile.complete,
        );
        Ok(Basis { catalog, levels: profile.levels, derived })
    }

    fn assessments(&self, object_id: &str) -> Result<HashMap<String, Assessment>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT key, answer, comment, evidence FROM assessments WHERE object_id = ?1")?;
        let rows = stmt.query_map([object_id], |r| {
            let answer: String = r.get(1)?;
            Ok(Assessment {
                key: r.get(0)?,
                answer: Answer::parse(&answer).unwrap_or(Answer::VetEj),
                comment: r.get(2)?,
                evidence: r.get(3)?,
            })
        })?;
        let list: Vec<Assessment> = rows.collect::<std::result::Result<_, _>>()?;
        Ok(list.into_iter().map(|a| (a.key.clone(), a)).collect())
    }

    /// The derived requirements of the object's current classification with the answers.
    pub fn requirements(&self, object_id: &str) -> Result<RequirementView> {
        let current = rows::current_classification(&self.conn, object_id)?;
        let basis = self.basis(&current)?;
        let all = rows::classifications(&self.conn, object_id)?;
        let previous = all.iter().rev().find(|c| c.status != Status::Utkast && c.id != current.id);
        let previous_keys: Option<HashSet<String>> = match previous {
            Some(p) => {
                let b = self.basis(p)?;
                Some(b.derived.items.iter().map(|i| b.catalog.requirements[i.index].key.clone()).collect())
            }
            None => None,
        };
        let keys = basis.derived.items.iter().map(|d| basis.catalog.requirements[d.index].key.as_str());
        let carried = carry_over(keys, previous_keys.as_ref(), self.assessments(object_id)?.into_values());
        let local = self.local_how(&basis.catalog.id)?;
        let mut handovers = crate::handover::read_all(&self.conn, object_id)?;
        let mut included = included_in(&basis.catalog.requirements, &basis.derived.items);
        let mut counts = AnswerCounts::default();
        let mut items = Vec::with_capacity(basis.derived.items.len());
        for (d, c) in basis.derived.items.iter().zip(carried.items) {
            let r = &basis.catalog.requirements[d.index];
            let mut it = item(&basis.catalog, r, &local, d.reasons.clone(), c.assessment, c.is_new);
            it.handover = handovers.remove(&r.key);
            // An included step is not asked; its earlier answer is kept on it.
            it.included_in = included.remove(&r.key);
            if it.included_in.is_none() {
                count(&mut counts, it.assessment.as_ref().map(|a| a.answer));
            }
            items.push(it);
        }
        let dropped: Vec<RequirementItem> = carried
            .dropped
            .into_iter()
            .map(|a| {
                let handover = handovers.remove(&a.key);
                let mut it = match basis.catalog.requirement(&a.key) {
                    Some(r) => item(&basis.catalog, r, &local, Vec::new(), Some(a), false),
                    None => orphan(a),
                };
                it.handover = handover;
                it
            })
            .collect();
        let meta = read_meta(&self.conn, object_id)?;
        Ok(RequirementView {
            object_id: object_id.to_string(),
            object_name: meta.name,
            profile: infoklass_core::profile_string(&basis.levels),
            classification_version: current.version,
            classification_status: current.status,
            catalog_id: basis.catalog.id.clone(),
            catalog_version: basis.catalog.version.clone(),
            suppressed: basis.derived.suppressed,
            items,
            dropped,
            counts,
        })
    }

    /// Takes back the answer to one requirement (it is unanswered again); the untouched
    /// action-plan row the answer made goes with it. Nothing to take back is not an error.
    pub fn clear_assessment(&mut self, ctx: &Ctx, object_id: &str, key: &str) -> Result<()> {
        let Some(old) = self.assessments(object_id)?.remove(key) else { return Ok(()) };
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        tx.execute("DELETE FROM assessments WHERE object_id = ?1 AND key = ?2", [object_id, key])?;
        let entry = Entry { action: "clear", entity: "requirement", entity_id: key, object_id };
        audit::record(&tx, ctx, entry, Some(&old), None::<&Assessment>)?;
        crate::actions::remove_untouched(&tx, ctx, object_id, key, &action_notes(&old))?;
        crate::handover::note_answer(&tx, ctx, object_id, key, false)?;
        tx.commit()?;
        Ok(())
    }

    /// Saves one answer. Work left to do (delvis, ej uppfyllt, vet ej) gets an action-plan
    /// row; an untouched row goes away again when the answer no longer needs it.
    pub fn save_assessment(&mut self, ctx: &Ctx, object_id: &str, a: &Assessment) -> Result<()> {
        if a.problem().is_some() {
            return Err(StoreError::NotApplicableNeedsMotivation);
        }
        for (field, text) in [("comment", &a.comment), ("evidence", &a.evidence)] {
            check_text(|| format!("the self-assessment's {field}"), text, MAX_CELL_CHARS)?;
        }
        let current = rows::current_classification(&self.conn, object_id)?;
        let basis = self.basis(&current)?;
        let requirement = basis
            .derived
            .items
            .iter()
            .map(|i| &basis.catalog.requirements[i.index])
            .find(|r| r.key == a.key)
            .ok_or_else(|| StoreError::RequirementNotApplicable(a.key.clone()))?;
        if let Some(by) = included_in(&basis.catalog.requirements, &basis.derived.items).remove(&a.key) {
            return Err(StoreError::RequirementIncluded { key: a.key.clone(), by });
        }
        let old = self.assessments(object_id)?.remove(&a.key);
        if old.as_ref() == Some(a) {
            return Ok(());
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        tx.execute(
            "INSERT INTO assessments (object_id, key, answer, comment, evidence, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (object_id, key) DO UPDATE SET answer = excluded.answer, comment = excluded.comment,
                evidence = excluded.evidence, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            params![object_id, a.key, a.answer.as_str(), a.comment.trim(), a.evidence.trim(), ctx.now, ctx.actor],
        )?;
        let entry = Entry { action: "assess", entity: "requirement", entity_id: &a.key, object_id };
        audit::record(&tx, ctx, entry, old.as_ref(), Some(a))?;
        crate::handover::note_answer(&tx, ctx, object_id, &a.key, true)?;
        let level = relevant_level(&requirement.aspects, &basis.levels);
        let wanted = action_priority(a.answer, requirement.obligation, level);
        // A row nobody has worked on follows the new answer (priority, "Utred", the comment).
        let row_changes = old.as_ref().is_some_and(|o| o.answer != a.answer || action_notes(o) != action_notes(a));
        if wanted.is_none() || row_changes {
            let generated = old.as_ref().map(action_notes).unwrap_or_default();
            crate::actions::remove_untouched(&tx, ctx, object_id, &a.key, &generated)?;
        }
        let existing: Option<String> = tx
            .query_row(
                "SELECT id FROM actions WHERE object_id = ?1 AND requirement_key = ?2",
                [object_id, &a.key],
                |r| r.get(0),
            )
            .optional()?;
        if let (Some(priority), None) = (wanted, existing) {
            let row = crate::actions::NewRow {
                measure: action_measure(a.answer, &requirement.title_sv, &requirement.ar_sv),
                notes: action_notes(a),
                priority,
            };
            crate::actions::insert_for_requirement(&tx, ctx, object_id, &requirement.key, &row)?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn count(c: &mut AnswerCounts, answer: Option<Answer>) {
    match answer {
        None => c.unanswered += 1,
        Some(Answer::Uppfyllt) => c.uppfyllt += 1,
        Some(Answer::DelvisUppfyllt) => c.delvis_uppfyllt += 1,
        Some(Answer::EjUppfyllt) => c.ej_uppfyllt += 1,
        Some(Answer::EjTillampligt) => c.ej_tillampligt += 1,
        Some(Answer::VetEj) => c.vet_ej += 1,
    }
}

fn item(
    catalog: &Catalog,
    r: &Requirement,
    local: &HashMap<String, String>,
    reasons: Vec<infoklass_core::requirements::Reason>,
    assessment: Option<Assessment>,
    is_new: bool,
) -> RequirementItem {
    let area = catalog.area(&r.area);
    RequirementItem {
        key: r.key.clone(),
        area: r.area.clone(),
        area_sv: area.map(|a| a.name_sv.clone()).unwrap_or_default(),
        area_en: area.map(|a| a.name_en.clone()).unwrap_or_default(),
        aspects: r.aspects.clone(),
        title_sv: r.title_sv.clone(),
        title_en: r.title_en.clone(),
        ar_sv: r.ar_sv.clone(),
        ska_sv: r.ska_sv.clone(),
        obligation: r.obligation,
        answered_by: r.who_answers(),
        handover: None,
        guidance_sv: r.guidance_sv.clone(),
        ar_en: r.ar_en.clone(),
        ska_en: r.ska_en.clone(),
        guidance_en: r.guidance_en.clone(),
        iso27002: r.iso27002.clone(),
        nis2: r.nis2.clone(),
        lagrum_ref: r.lagrum_ref.clone(),
        local_how: local.get(&r.key).cloned().unwrap_or_default(),
        reasons,
        assessment,
        is_new,
        included_in: None,
    }
}

/// An answer whose requirement is in no catalogue any more: kept and shown, never lost.
fn orphan(a: Assessment) -> RequirementItem {
    RequirementItem {
        key: a.key.clone(),
        area: String::new(),
        area_sv: String::new(),
        area_en: String::new(),
        aspects: Vec::new(),
        title_sv: a.key.clone(),
        title_en: a.key.clone(),
        ar_sv: String::new(),
        ska_sv: String::new(),
        obligation: infoklass_core::requirements::Obligation::Bor,
        answered_by: infoklass_core::requirements::AnsweredBy::Verksamhet,
        handover: None,
        guidance_sv: String::new(),
        ar_en: String::new(),
        ska_en: String::new(),
        guidance_en: String::new(),
        iso27002: Vec::new(),
        nis2: None,
        lagrum_ref: None,
        local_how: String::new(),
        reasons: Vec::new(),
        assessment: Some(a),
        is_new: false,
        included_in: None,
    }
}
