//! Risk analyses: one per object, under the matrix version it started with. Consequences
//! default from the classification and are flagged for review when it changes.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::limits::{check_count, check_risk, check_text, MAX_CELL_CHARS, MAX_NAME_CHARS, MAX_RISKS};
use infoklass_core::risk::matrix::RiskMatrix;
use infoklass_core::risk::{
    consequence_source, consequence_to_review, default_consequence, kept_acceptance, may_accept, risk_action_note,
    risk_action_priority, risk_issues, Acceptance, Risk, Threat, ThreatCatalog, ThreatOrigin,
};
use infoklass_core::{derive_profile, profile_string, ErrorCode};
use std::collections::{HashMap, HashSet};

use crate::audit::{self, Entry};
use crate::dto_risks::*;
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows;
use crate::{Ctx, Store};

/// Stores the shipped matrix, and the shipped threats when the organisation has none yet.
pub(crate) fn seed(conn: &Connection) -> Result<()> {
    let m = RiskMatrix::default_matrix();
    let tx = conn.savepoint()?;
    tx.execute(
        "INSERT INTO risk_matrices (id, version, definition) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![m.id, m.version, serde_json::to_string(&m)?],
    )?;
    let have: i64 = tx.query_row("SELECT COUNT(*) FROM threats", [], |r| r.get(0))?;
    if have == 0 {
        let c = ThreatCatalog::default_catalog();
        for (i, o) in c.origins.iter().enumerate() {
            tx.execute(
                "INSERT INTO threat_origins (key, name_sv, name_en, position) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![o.key, o.name_sv, o.name_en, i as i64],
            )?;
        }
        for (i, t) in c.threats.iter().enumerate() {
            tx.execute(
                "INSERT INTO threats (key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects, position,
                    description_en, cause_en, consequence_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![t.key, t.origin, t.name_sv, t.name_en, t.description_sv, t.cause_sv, t.consequence_sv,
                    serde_json::to_string(&t.aspects)?, i as i64, t.description_en, t.cause_en, t.consequence_en],
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn threat_catalog(conn: &Connection) -> Result<(Vec<ThreatOrigin>, Vec<Threat>)> {
    let mut stmt = conn.prepare_cached("SELECT key, name_sv, name_en FROM threat_origins ORDER BY position")?;
    let origins = stmt
        .query_map([], |r| Ok(ThreatOrigin { key: r.get(0)?, name_sv: r.get(1)?, name_en: r.get(2)? }))?
        .collect::<std::result::Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects, retired,
                description_en, cause_en, consequence_en
         FROM threats ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        let aspects: String = r.get(7)?;
        Ok(Threat {
            key: r.get(0)?,
            origin: r.get(1)?,
            name_sv: r.get(2)?,
            name_en: r.get(3)?,
            description_sv: r.get(4)?,
            cause_sv: r.get(5)?,
            consequence_sv: r.get(6)?,
            description_en: r.get(9)?,
            cause_en: r.get(10)?,
            consequence_en: r.get(11)?,
            aspects: serde_json::from_str(&aspects).unwrap_or_default(),
            retired: r.get(8)?,
        })
    })?;
    Ok((origins, rows.collect::<std::result::Result<_, _>>()?))
}

fn header(conn: &Connection, object_id: &str) -> Result<Option<(AnalysisHeader, Vec<String>)>> {
    Ok(conn
        .query_row(
            "SELECT id, matrix_id, matrix_version, purpose, scope, analysis_date, participants, risk_owner, status,
                    approved_by, approved_at, in_scope
             FROM risk_analyses WHERE object_id = ?1",
            [object_id],
            |r| {
                let participants: String = r.get(6)?;
                let in_scope: String = r.get(11)?;
                Ok((
                    AnalysisHeader {
                        id: r.get(0)?,
                        matrix_id: r.get(1)?,
                        matrix_version: r.get(2)?,
                        purpose: r.get(3)?,
                        scope: r.get(4)?,
                        analysis_date: r.get(5)?,
                        participants: serde_json::from_str(&participants).unwrap_or_default(),
                        risk_owner: r.get(7)?,
                        status: r.get(8)?,
                        approved_by: r.get(9)?,
                        approved_at: r.get(10)?,
                    },
                    serde_json::from_str(&in_scope).unwrap_or_default(),
                ))
            },
        )
        .optional()?)
}

/// A stored matrix, its top-management role named as the organisation calls it.
pub(crate) fn matrix(conn: &Connection, id: &str, version: &str) -> Result<RiskMatrix> {
    let json: String =
        conn.query_row("SELECT definition FROM risk_matrices WHERE id = ?1 AND version = ?2", [id, version], |r| {
            r.get(0)
        })?;
    crate::top_risk_role::named(conn, serde_json::from_str(&json)?)
}

/// A new analysis header under the current matrix, with its audit entry; returns its id.
fn create_header(conn: &Connection, ctx: &Ctx, object_id: &str, input: &AnalysisInput) -> Result<String> {
    let m = RiskMatrix::default_matrix();
    let id = uuid::Uuid::new_v4().to_string();
    conn.execute(
        "INSERT INTO risk_analyses (id, object_id, matrix_id, matrix_version, purpose, scope, analysis_date,
            participants, risk_owner, in_scope, status, created_at, updated_at)
         VALUES (?9, ?1, ?10, ?11, ?2, ?3, ?4, ?5, ?6, ?7, 'utkast', ?8, ?8)",
        params![
            object_id,
            input.purpose.trim(),
            input.scope.trim(),
            input.analysis_date.as_deref().filter(|d| !d.is_empty()),
            serde_json::to_string(&input.participants)?,
            input.risk_owner.trim(),
            serde_json::to_string(&input.in_scope)?,
            ctx.now,
            id,
            m.id,
            m.version
        ],
    )?;
    let entry = Entry { action: "create", entity: "risk_analysis", entity_id: &id, object_id };
    audit::record::<AnalysisHeader, _>(conn, ctx, entry, None, Some(input))?;
    Ok(id)
}

/// The header's texts fit the workbook, where purpose and risk owner share one cell.
fn check_header_texts(input: &AnalysisInput) -> Result<()> {
    check_text(|| "the analysis' risk owner".into(), &input.risk_owner, MAX_NAME_CHARS)?;
    check_text(|| "the analysis' scope".into(), &input.scope, MAX_CELL_CHARS)?;
    check_text(|| "the analysis' purpose".into(), &input.purpose, MAX_CELL_CHARS - MAX_NAME_CHARS - 100)?;
    check_text(|| "the analysis' participants".into(), &input.participants.join("; "), MAX_CELL_CHARS)?;
    Ok(())
}

/// What a risk may refer to: the classification's set ids, and threat keys (with `retired`).
struct Known<'a> {
    sets: HashSet<&'a str>,
    threats: HashMap<String, bool>,
}

/// What the risk needs from the classification: its sets and the object's profile.
struct Classification {
    sets: Vec<infoklass_core::InformationSet>,
    levels: infoklass_core::Levels,
}

impl Store {
    fn classification_of(&self, object_id: &str) -> Result<Classification> {
        let current = rows::current_classification(&self.conn, object_id)?;
        let snap = rows::content_of(&self.conn, &current, &read_meta(&self.conn, object_id)?)?;
        let scale = rows::load_scale(&self.conn, &current.scale_id, &current.scale_version)?;
        let levels = derive_profile(&snap.content, &scale).levels;
        Ok(Classification { sets: snap.content.sets, levels })
    }

    fn stored_risks(&self, analysis_id: &str) -> Result<Vec<(Risk, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data, consequence_source FROM risks WHERE analysis_id = ?1 ORDER BY value DESC, created_at, id",
        )?;
        let rows = stmt.query_map([analysis_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (data, source) = row?;
            out.push((serde_json::from_str(&data)?, source));
        }
        Ok(out)
    }

    /// The object's risk analysis with its risks, matrix and heat maps.
    pub fn risk_analysis(&self, object_id: &str) -> Result<RiskAnalysisView> {
        let meta = read_meta(&self.conn, object_id)?;
        let class = self.classification_of(object_id)?;
        let found = header(&self.conn, object_id)?;
        let matrix = match &found {
            Some((h, _)) => matrix(&self.conn, &h.matrix_id, &h.matrix_version)?,
            None => crate::top_risk_role::named(&self.conn, RiskMatrix::default_matrix())?,
        };
        let (origins, threats) = threat_catalog(&self.conn)?;
        let stored = match &found {
            Some((h, _)) => self.stored_risks(&h.id)?,
            None => Vec::new(),
        };
        let threat_names: HashMap<&str, &str> = threats.iter().map(|t| (t.key.as_str(), t.name_sv.as_str())).collect();
        let size = |n: u8| vec![Vec::<String>::new(); n as usize];
        let mut inherent = vec![size(matrix.max_consequence()); matrix.max_probability() as usize];
        let mut residual = inherent.clone();
        let mut risks = Vec::new();
        for (risk, source) in stored {
            let default =
                default_consequence(&risk.aspects, &risk.set_ids, &class.sets, &class.levels, matrix.max_consequence());
            let needs_review = consequence_to_review(&source, default, risk.consequence)
                .map(|d| ReviewFlag { old: risk.consequence, new: d });
            let band_of = |v: u8| matrix.band(v).map(|b| b.key.clone()).unwrap_or_default();
            let cell = |grid: &mut Vec<Vec<Vec<String>>>, p: u8, c: u8| {
                if matrix.in_matrix(p, c) {
                    grid[p as usize - 1][c as usize - 1].push(risk.id.clone());
                }
            };
            cell(&mut inherent, risk.probability, risk.consequence);
            let (rp, rc) = (
                risk.residual_probability.unwrap_or(risk.probability),
                risk.residual_consequence.unwrap_or(risk.consequence),
            );
            cell(&mut residual, rp, rc);
            let accept_roles = matrix.band(risk.value_to_accept()).map(|b| b.accept_roles.clone()).unwrap_or_default();
            risks.push(RiskView {
                value: risk.value(),
                band: band_of(risk.value()),
                residual_value: risk.residual_value(),
                residual_band: risk.residual_value().map(band_of),
                default_consequence: default,
                needs_review,
                threat_name: risk.threat_key.as_deref().and_then(|k| threat_names.get(k)).map(|n| n.to_string()),
                accept_roles,
                risk,
            });
        }
        Ok(RiskAnalysisView {
            object_id: object_id.to_string(),
            object_name: meta.name,
            profile: profile_string(&class.levels),
            in_scope: found.as_ref().map(|(_, s)| s.clone()).unwrap_or_default(),
            analysis: found.map(|(h, _)| h),
            matrix,
            origins,
            threats,
            sets: class.sets.iter().map(|s| SetRef { id: s.id.clone(), name: s.name.clone() }).collect(),
            risks,
            inherent,
            residual,
        })
    }

    /// Starts or updates the analysis header (purpose, scope, participants, threats in scope).
    pub fn save_risk_analysis(&mut self, ctx: &Ctx, object_id: &str, input: &AnalysisInput) -> Result<()> {
        read_meta(&self.conn, object_id)?;
        if let Some(d) =
            input.analysis_date.as_deref().filter(|d| !d.is_empty() && !infoklass_core::object::is_iso_date(d))
        {
            return Err(StoreError::InvalidInput(format!("\"{d}\" is not a date (YYYY-MM-DD)")));
        }
        check_header_texts(input)?;
        let old = header(&self.conn, object_id)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        match &old {
            Some((h, _)) => {
                tx.execute(
                    "UPDATE risk_analyses SET purpose = ?2, scope = ?3, analysis_date = ?4, participants = ?5,
                        risk_owner = ?6, in_scope = ?7, status = 'utkast', updated_at = ?8 WHERE object_id = ?1",
                    params![
                        object_id,
                        input.purpose.trim(),
                        input.scope.trim(),
                        input.analysis_date.as_deref().filter(|d| !d.is_empty()),
                        serde_json::to_string(&input.participants)?,
                        input.risk_owner.trim(),
                        serde_json::to_string(&input.in_scope)?,
                        ctx.now
                    ],
                )?;
                let entry = Entry { action: "update", entity: "risk_analysis", entity_id: &h.id, object_id };
                audit::record(&tx, ctx, entry, Some(h), Some(input))?;
            }
            None => {
                create_header(&tx, ctx, object_id, input)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Creates or changes a risk; returns its id. Nothing is saved when any rule fails.
    pub fn save_risk(&mut self, ctx: &Ctx, object_id: &str, input: &RiskInput) -> Result<String> {
        Ok(self.save_risks(ctx, object_id, std::slice::from_ref(input))?.remove(0))
    }

    /// Creates or changes several risks in one transaction (an import); returns their ids.
    /// Every risk is checked before anything is written, so a bad one stores nothing, not even
    /// a new analysis header. The classification, matrix and stored risks are read once.
    pub fn save_risks(&mut self, ctx: &Ctx, object_id: &str, inputs: &[RiskInput]) -> Result<Vec<String>> {
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        let found = header(&self.conn, object_id)?.map(|(h, _)| h);
        let matrix = match &found {
            Some(h) => matrix(&self.conn, &h.matrix_id, &h.matrix_version)?,
            // The analysis is created below, in the same transaction, under the current matrix.
            None => RiskMatrix::default_matrix(),
        };
        let class = self.classification_of(object_id)?;
        let stored: HashMap<String, Risk> = match &found {
            Some(h) => self.stored_risks(&h.id)?.into_iter().map(|(r, _)| (r.id.clone(), r)).collect(),
            None => HashMap::new(),
        };
        let known = Known {
            sets: class.sets.iter().map(|s| s.id.as_str()).collect(),
            threats: threat_catalog(&self.conn)?.1.into_iter().map(|t| (t.key, t.retired)).collect(),
        };
        let added = inputs.iter().filter(|i| i.risk.id.is_empty()).count();
        check_count("risks in the analysis", stored.len() + added, MAX_RISKS)?;
        let mut prepared = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let numbered = |e: StoreError| {
                if inputs.len() > 1 {
                    StoreError::InRisk { number: i + 1, source: Box::new(e) }
                } else {
                    e
                }
            };
            let p = self.prepare_risk(input, &matrix, &class, &stored, &known).map_err(numbered)?;
            prepared.push((p.0, p.1, p.2, &input.new_actions));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let analysis_id = match found {
            Some(h) => h.id,
            None => create_header(&tx, ctx, object_id, &AnalysisInput::default())?,
        };
        let mut ids = Vec::with_capacity(prepared.len());
        for (mut risk, old, source, new_actions) in prepared {
            for measure in new_actions.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
                let id = uuid::Uuid::new_v4().to_string();
                let priority = risk_action_priority(&matrix, risk.value());
                tx.execute(
                    "INSERT INTO actions (id, object_id, measure, priority, status, notes, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'ej_paborjad', ?5, ?6, ?6)",
                    params![id, object_id, measure, priority.as_str(), risk_action_note(&risk.event), ctx.now],
                )?;
                let entry = Entry { action: "create", entity: "action", entity_id: &id, object_id };
                audit::record::<(), _>(
                    &tx,
                    ctx,
                    entry,
                    None,
                    Some(&serde_json::json!({ "measure": measure, "risk": risk.id })),
                )?;
                risk.action_ids.push(id);
            }
            for a in &risk.action_ids {
                let owner: Option<String> =
                    tx.query_row("SELECT object_id FROM actions WHERE id = ?1", [a], |r| r.get(0)).optional()?;
                if owner.as_deref() != Some(object_id) {
                    return Err(StoreError::NotFound(a.clone()));
                }
            }
            let data = serde_json::to_string(&risk)?;
            if old.is_some() {
                tx.execute(
                    "UPDATE risks SET data = ?2, consequence_source = ?3, value = ?4, residual_value = ?5, updated_at = ?6 WHERE id = ?1",
                    params![risk.id, data, source, risk.value(), risk.residual_value(), ctx.now],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO risks (id, analysis_id, data, consequence_source, value, residual_value, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                    params![risk.id, analysis_id, data, source, risk.value(), risk.residual_value(), ctx.now],
                )?;
            }
            let entry = Entry {
                action: if old.is_some() { "update" } else { "create" },
                entity: "risk",
                entity_id: &risk.id,
                object_id,
            };
            audit::record(&tx, ctx, entry, old.as_ref(), Some(&risk))?;
            ids.push(risk.id);
        }
        tx.execute(
            "UPDATE risk_analyses SET status = 'utkast', updated_at = ?2 WHERE id = ?1",
            params![analysis_id, ctx.now],
        )?;
        tx.commit()?;
        Ok(ids)
    }

    /// One risk checked against the rules, the classification and the catalogues, ready to
    /// write: (risk, the stored version it changes, where its consequence came from).
    fn prepare_risk(
        &self,
        input: &RiskInput,
        matrix: &RiskMatrix,
        class: &Classification,
        stored: &HashMap<String, Risk>,
        known: &Known,
    ) -> Result<(Risk, Option<Risk>, &'static str)> {
        let mut risk = input.risk.clone();
        check_risk(&risk)?;
        let old = if risk.id.is_empty() {
            None
        } else {
            Some(stored.get(&risk.id).cloned().ok_or_else(|| StoreError::NotFound(risk.id.clone()))?)
        };
        // A set removed from the classification since the risk was saved is let go; a set the
        // risk did not name before must exist.
        let had = |s: &String| old.as_ref().is_some_and(|o| o.set_ids.contains(s));
        if let Some(s) = risk.set_ids.iter().find(|s| !known.sets.contains(s.as_str()) && !had(s)) {
            return Err(StoreError::UnknownRiskReference {
                code: ErrorCode::RiskSetUnknown,
                what: "information set",
                key: s.clone(),
            });
        }
        risk.set_ids.retain(|s| known.sets.contains(s.as_str()));
        // A retired threat still names the risks made from it, but starts no new one.
        let unchanged_threat = old.as_ref().is_some_and(|o| o.threat_key == risk.threat_key);
        if let Some(k) = risk.threat_key.as_ref().filter(|_| !unchanged_threat) {
            if known.threats.get(k) != Some(&false) {
                return Err(StoreError::UnknownRiskReference {
                    code: ErrorCode::RiskThreatUnknown,
                    what: "threat",
                    key: k.clone(),
                });
            }
        }
        let default =
            default_consequence(&risk.aspects, &risk.set_ids, &class.sets, &class.levels, matrix.max_consequence());
        let issues = risk_issues(&risk, matrix, default);
        if !issues.is_empty() {
            return Err(StoreError::BadRisk(issues));
        }
        if let Some(k) = risk.requirement_keys.iter().find(|k| self.catalog.requirement(k).is_none()) {
            return Err(StoreError::NotFound(k.clone()));
        }
        if old.is_none() {
            risk.id = uuid::Uuid::new_v4().to_string();
        }
        // An acceptance is made with accept_risk, and lapses when what was accepted changes.
        risk.acceptance = kept_acceptance(old.as_ref(), &risk);
        let source = consequence_source(default, risk.consequence);
        Ok((risk, old, source))
    }

    pub fn delete_risk(&mut self, ctx: &Ctx, object_id: &str, risk_id: &str) -> Result<()> {
        let (h, _) = header(&self.conn, object_id)?.ok_or_else(|| StoreError::NotFound(risk_id.to_string()))?;
        let old = self
            .stored_risks(&h.id)?
            .into_iter()
            .find(|(r, _)| r.id == risk_id)
            .ok_or_else(|| StoreError::NotFound(risk_id.to_string()))?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        tx.execute("DELETE FROM risks WHERE id = ?1", [risk_id])?;
        let entry = Entry { action: "delete", entity: "risk", entity_id: risk_id, object_id };
        audit::record::<_, ()>(&tx, ctx, entry, Some(&old.0), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Accepts a risk as it stands; only a role the matrix allows for its band may (in the top
    /// band, top management as the organisation names it; see `top_risk_role.rs`).
    pub fn accept_risk(&mut self, ctx: &Ctx, object_id: &str, risk_id: &str, role: &str, name: &str) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::InvalidInput("say who accepts the risk".into()));
        }
        let (h, _) = header(&self.conn, object_id)?.ok_or_else(|| StoreError::NotFound(risk_id.to_string()))?;
        let matrix = matrix(&self.conn, &h.matrix_id, &h.matrix_version)?;
        let (mut risk, _) = self
            .stored_risks(&h.id)?
            .into_iter()
            .find(|(r, _)| r.id == risk_id)
            .ok_or_else(|| StoreError::NotFound(risk_id.to_string()))?;
        if !may_accept(&risk, &matrix, role) {
            return Err(StoreError::AcceptanceNotAllowed(role.to_string()));
        }
        let old = risk.clone();
        // The role's name as it is now, so a later rename of the role leaves this decision as made.
        let role_title = matrix.role(role).map(|r| r.name_sv.clone()).unwrap_or_default();
        risk.acceptance =
            Some(Acceptance { role: role.to_string(), role_title, name: name.trim().to_string(), at: ctx.now.clone() });
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        tx.execute(
            "UPDATE risks SET data = ?2, updated_at = ?3 WHERE id = ?1",
            params![risk_id, serde_json::to_string(&risk)?, ctx.now],
        )?;
        let entry = Entry { action: "accept", entity: "risk", entity_id: risk_id, object_id };
        audit::record(&tx, ctx, entry, Some(&old), Some(&risk))?;
        tx.commit()?;
        Ok(())
    }

    /// Approves (fastställer) the analysis.
    pub fn approve_risk_analysis(&mut self, ctx: &Ctx, object_id: &str, by: &str) -> Result<()> {
        if by.trim().is_empty() {
            return Err(StoreError::InvalidInput("say who approves the analysis".into()));
        }
        let (h, _) = header(&self.conn, object_id)?.ok_or_else(|| StoreError::NotFound(object_id.to_string()))?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        tx.execute(
            "UPDATE risk_analyses SET status = 'faststalld', approved_by = ?2, approved_at = ?3, updated_at = ?3 WHERE id = ?1",
            params![h.id, by.trim(), ctx.now],
        )?;
        let entry = Entry { action: "approve", entity: "risk_analysis", entity_id: &h.id, object_id };
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&serde_json::json!({ "approved_by": by.trim() })))?;
        tx.commit()?;
        Ok(())
    }
}
