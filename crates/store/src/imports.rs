//! Old ISAK workbooks into objects, and the record of every file read in. An import writes
//! the object, its sets, risks, actions and kept requirements in one transaction.

use crate::sql::{params, OptionalExtension};

use crate::audit::{self, Entry};
use crate::dto_imports::{ImportOutcome, ImportRecord, IsakRecord, LegacyImport, LegacyPlan, LegacyRequirement};
use crate::rows::name_key;
use infoklass_core::ClassificationContent;

use crate::{Ctx, NewObject, Result, RiskInput, Store, StoreError};

impl Store {
    /// The earlier import of a file with this hash, if any.
    pub fn import_by_hash(&self, sha256: &str) -> Result<Option<ImportRecord>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("{SELECT} WHERE sha256 = ?1 ORDER BY imported_at DESC LIMIT 1"))?;
        Ok(stmt.query_row([sha256], record_from_row).optional()?)
    }

    /// Every file read in, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} ORDER BY imported_at DESC, id DESC"))?;
        let rows = stmt.query_map([], record_from_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// What importing the workbook would do; nothing is written.
    pub fn legacy_plan(&self, imp: &LegacyImport) -> Result<LegacyPlan> {
        let previous = self.import_by_hash(&imp.sha256)?;
        let existing = self.find_object(&imp.meta.name).ok();
        let outcome = match (&previous, &existing) {
            (Some(p), Some(id)) if p.object_id.as_ref() == Some(id) => ImportOutcome::Unchanged,
            (_, Some(_)) => ImportOutcome::Updated,
            (_, None) => ImportOutcome::Created,
        };
        Ok(LegacyPlan {
            outcome,
            object_id: existing,
            object_name: imp.meta.name.clone(),
            sets: imp.sets.len() as u32,
            risks: imp.risks.len() as u32,
            requirements: imp.requirements.len() as u32,
            previous_import: previous.map(|p| p.imported_at),
        })
    }

    /// Writes the workbook: a new object, or a new draft of the object with the same name.
    /// Risks already in the analysis (same event text) are not added twice.
    /// The plan is made again inside the write, under the write lock, so two programs importing
    /// the same file at once give one new object and one "unchanged", never a name clash.
    pub fn import_legacy(&mut self, ctx: &Ctx, imp: &LegacyImport) -> Result<LegacyPlan> {
        if imp.meta.name.trim().is_empty() {
            return Err(StoreError::InvalidInput("the workbook names no object (IT-stöd, System or Objekt)".into()));
        }
        self.write_with(|store| {
            let mut plan = store.legacy_plan(imp)?;
            // A newer file of a decommissioned object does not reopen it.
            if let Some(id) = plan.object_id.as_deref().filter(|_| plan.outcome == ImportOutcome::Updated) {
                crate::decommission::ensure_active(&store.conn, id)?;
            }
            if plan.outcome != ImportOutcome::Unchanged {
                plan.object_id = Some(store.import_legacy_inner(ctx, imp, &plan)?);
            }
            Ok(plan)
        })
    }

    fn import_legacy_inner(&mut self, ctx: &Ctx, imp: &LegacyImport, plan: &LegacyPlan) -> Result<String> {
        let id = match &plan.object_id {
            None => {
                let content = ClassificationContent { sets: imp.sets.clone(), ..Default::default() };
                self.create_object(ctx, &NewObject { meta: imp.meta.clone(), content })?
            }
            Some(id) => {
                if self.get_object(id, &ctx.today)?.current.status != infoklass_core::Status::Utkast {
                    self.start_reclassification(ctx, id)?;
                }
                let detail = self.get_object(id, &ctx.today)?;
                let mut meta = detail.meta;
                merge_blank_facts(&mut meta, &imp.meta);
                self.update_object(ctx, id, &meta)?;
                // Sets are matched by name: the workbook's levels win, sets it lacks stay. The
                // map keeps the first set of each name, as a search from the start would.
                let mut merged = detail.current.content;
                let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
                for (i, s) in merged.sets.iter().enumerate() {
                    by_name.entry(name_key(&s.name)).or_insert(i);
                }
                for set in &imp.sets {
                    match by_name.get(&name_key(&set.name)).map(|&i| &mut merged.sets[i]) {
                        Some(old) => {
                            old.levels = set.levels.clone();
                            old.motivations = set.motivations.clone();
                            if !set.description.trim().is_empty() {
                                old.description = set.description.clone();
                            }
                        }
                        None => {
                            by_name.insert(name_key(&set.name), merged.sets.len());
                            merged.sets.push(set.clone());
                        }
                    }
                }
                self.save_draft(ctx, id, &merged)?;
                id.clone()
            }
        };
        let known: std::collections::HashSet<String> =
            self.risk_analysis(&id)?.risks.iter().map(|r| r.risk.event.trim().to_lowercase()).collect();
        let mut inputs = Vec::new();
        for lr in imp.risks.iter().filter(|r| !known.contains(&r.risk.event.trim().to_lowercase())) {
            let mut risk = lr.risk.clone();
            if let Some(action) = &lr.action {
                risk.action_ids.push(self.save_action(ctx, &id, action)?.id);
            }
            inputs.push(RiskInput { risk, new_actions: Vec::new() });
        }
        self.save_risks(ctx, &id, &inputs)?;
        let import_id = uuid::Uuid::new_v4().to_string();
        let outcome = match plan.outcome {
            ImportOutcome::Created => "created",
            ImportOutcome::Updated => "updated",
            ImportOutcome::Unchanged => "unchanged",
        };
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        // The workbook's own record, as read: the object's facts may have merged with older ones.
        let record = serde_json::json!({
            "sheet": imp.sheet, "isak_version": imp.isak_version,
            "classified_on": imp.meta.classification_date, "participants": imp.meta.participants,
            "information_owner": imp.meta.information_owner, "system_owner": imp.meta.system_owner,
        });
        tx.execute(
            "INSERT INTO imports (id, file_name, sha256, format, object_id, outcome, imported_at, imported_by, report,
                isak_record)
             VALUES (?1, ?2, ?3, 'isak', ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                import_id,
                imp.file_name,
                imp.sha256,
                id,
                outcome,
                ctx.now,
                ctx.actor,
                imp.report.to_string(),
                record.to_string()
            ],
        )?;
        if !imp.requirements.is_empty() {
            tx.execute("DELETE FROM legacy_requirements WHERE object_id = ?1", [&id])?;
        }
        for (i, r) in imp.requirements.iter().enumerate() {
            tx.execute(
                "INSERT INTO legacy_requirements (object_id, position, data, import_id) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, serde_json::to_string(r)?, import_id],
            )?;
        }
        let entry = Entry { action: "import", entity: "workbook", entity_id: &import_id, object_id: &id };
        let summary = serde_json::json!({ "file": imp.file_name, "sha256": imp.sha256, "outcome": outcome,
            "sets": imp.sets.len(), "risks": imp.risks.len(), "requirements": imp.requirements.len() });
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&summary))?;
        tx.commit()?;
        Ok(id)
    }

    /// Records an Infoklass workbook that was read back (applied or previewed with changes).
    pub fn record_workbook_import(
        &mut self,
        ctx: &Ctx,
        file_name: &str,
        sha256: &str,
        object_id: &str,
        outcome: &str,
        report: &serde_json::Value,
    ) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        tx.execute(
            "INSERT INTO imports (id, file_name, sha256, format, object_id, outcome, imported_at, imported_by, report)
             VALUES (?1, ?2, ?3, 'infoklass', ?4, ?5, ?6, ?7, ?8)",
            params![
                uuid::Uuid::new_v4().to_string(),
                file_name,
                sha256,
                object_id,
                outcome,
                ctx.now,
                ctx.actor,
                report.to_string()
            ],
        )?;
        tx.commit()
    }

    /// The requirement rows kept from the object's old ISAK workbook.
    pub fn legacy_requirements(&self, object_id: &str) -> Result<Vec<LegacyRequirement>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT data FROM legacy_requirements WHERE object_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([object_id], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(serde_json::from_str(&r?)?)).collect()
    }

    /// What the newest ISAK workbook imported into the object recorded; none for an object
    /// never imported from ISAK.
    pub fn isak_record(&self, object_id: &str) -> Result<Option<IsakRecord>> {
        crate::imports::isak_record(&self.conn, object_id)
    }

    /// Word → level mappings confirmed in earlier previews.
    pub fn import_words(&self) -> Result<Vec<(String, u8)>> {
        let mut stmt = self.conn.prepare_cached("SELECT word, level FROM import_words ORDER BY word")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn save_import_word(&mut self, ctx: &Ctx, word: &str, level: u8) -> Result<()> {
        let word = word.trim().to_lowercase();
        if word.is_empty() || level > 4 {
            return Err(StoreError::InvalidInput(format!("\"{word}\" → {level} is not a word and a level 0–4")));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        tx.execute(
            "INSERT INTO import_words (word, level, saved_at, saved_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (word) DO UPDATE SET level = excluded.level, saved_at = excluded.saved_at, saved_by = excluded.saved_by",
            params![word, level, ctx.now, ctx.actor],
        )?;
        tx.commit()
    }
}

pub(crate) fn isak_record(conn: &crate::sql::Connection, object_id: &str) -> Result<Option<IsakRecord>> {
    let row: Option<(String, Option<String>, String, String)> = conn
        .prepare_cached(
            "SELECT file_name, isak_record, imported_at, imported_by FROM imports
             WHERE object_id = ?1 AND format = 'isak' ORDER BY imported_at DESC, id DESC LIMIT 1",
        )?
        .query_row([object_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((file_name, json, imported_at, imported_by)) = row else { return Ok(None) };
    // An import whose record could not be recovered still names its file and day.
    let read: IsakRecord = json.as_deref().map(serde_json::from_str).transpose()?.unwrap_or_default();
    Ok(Some(IsakRecord { file_name, imported_at, imported_by, ..read }))
}

const SELECT: &str = "SELECT id, file_name, sha256, format, object_id, outcome, imported_at, imported_by FROM imports";

fn record_from_row(r: &crate::sql::Row) -> crate::sql::Result<ImportRecord> {
    Ok(ImportRecord {
        id: r.get(0)?,
        file_name: r.get(1)?,
        sha256: r.get(2)?,
        format: r.get(3)?,
        object_id: r.get(4)?,
        outcome: r.get(5)?,
        imported_at: r.get(6)?,
        imported_by: r.get(7)?,
    })
}

/// Facts the app already has win; the workbook fills the blanks.
fn merge_blank_facts(meta: &mut infoklass_core::ObjectMeta, from: &infoklass_core::ObjectMeta) {
    let fill = |field: &mut String, value: &String| {
        if field.trim().is_empty() {
            *field = value.clone();
        }
    };
    fill(&mut meta.unit, &from.unit);
    fill(&mut meta.information_owner, &from.information_owner);
    fill(&mut meta.system_owner, &from.system_owner);
    fill(&mut meta.system_administrator, &from.system_administrator);
    if meta.participants.is_empty() {
        meta.participants = from.participants.clone();
    }
    if from.classification_date.is_some() {
        meta.classification_date = from.classification_date.clone();
    }
    if meta.next_review.is_none() {
        meta.next_review = from.next_review.clone();
    }
}
