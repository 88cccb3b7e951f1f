//! The coordinator's overview over every object: the facts `infoklass_core::overview` needs,
//! read with one query over the objects and their newest classification and one per other table.

use std::collections::{HashMap, HashSet};

use infoklass_core::overview::{overview, ObjectFacts, Overview, OverviewFilter, RiskFacts};
use infoklass_core::{InformationSet, LagrumStatus, ObjectKind, Status};
use serde::Deserialize;

use crate::error::Result;
use crate::portfolio::json_ids;
use crate::Store;

/// Lagrum ticked whose suggestions are neither accepted nor declined.
fn pending(decisions: &[LeanDecision]) -> u32 {
    decisions.iter().filter(|d| d.status == LagrumStatus::Pending).count() as u32
}

/// One object with its newest classification, read in one query.
struct Row {
    id: String,
    name: String,
    unit: String,
    kind: String,
    information_owner: String,
    next_review: Option<String>,
    classification_id: String,
    status: String,
    scale: (String, String),
    /// The draft's lagrum decisions (JSON); an approved version has them in its snapshot.
    lagrum: String,
    snapshot: Option<String>,
    /// The stored profile levels (JSON), kept by every save for fast lists.
    levels: String,
    catalog: Option<(String, String)>,
    created_on: String,
    approved_on: Option<String>,
}

/// Only what the overview reads from a frozen snapshot; the rest is skipped, not built.
#[derive(Deserialize)]
struct LeanSnapshot {
    content: LeanContent,
}

#[derive(Deserialize)]
struct LeanContent {
    #[serde(default)]
    sets: Vec<InformationSet>,
    #[serde(default)]
    lagrum: Vec<LeanDecision>,
}

#[derive(Deserialize)]
struct LeanDecision {
    status: LagrumStatus,
}

impl Store {
    /// The overview over all objects the filter admits.
    pub fn overview(&self, filter: &OverviewFilter, today: &str) -> Result<Overview> {
        Ok(overview(&self.overview_facts(today)?, filter, today))
    }

    /// The facts of every object, in Swedish name order. Lean on purpose: one query for the
    /// objects and their newest classification, one per other table, the stored profile levels
    /// and plain counts, no derivation of requirements or reading of risks.
    pub fn overview_facts(&self, today: &str) -> Result<Vec<ObjectFacts>> {
        let mut rows = self.overview_rows()?;
        infoklass_core::collate::sort_by_name(&mut rows, |r| &r.name);
        self.facts_from_rows(rows, today, None)
    }

    /// The facts of the given objects, in the given order; unknown ids are left out. `sets`
    /// holds each object's current sets by object id (the portfolio has read them already).
    pub(crate) fn facts_of(
        &self,
        ids: Vec<String>,
        today: &str,
        sets: HashMap<String, Vec<InformationSet>>,
    ) -> Result<Vec<ObjectFacts>> {
        let mut by_id: std::collections::HashMap<String, Row> =
            self.overview_rows()?.into_iter().map(|r| (r.id.clone(), r)).collect();
        let rows = ids.iter().filter_map(|id| by_id.remove(id)).collect();
        self.facts_from_rows(rows, today, Some(sets))
    }

    /// `known`: the current sets by object id, when the caller has them; drafts' sets are
    /// read otherwise.
    fn facts_from_rows(
        &self,
        rows: Vec<Row>,
        today: &str,
        mut known: Option<HashMap<String, Vec<InformationSet>>>,
    ) -> Result<Vec<ObjectFacts>> {
        let draft_ids: Vec<String> = rows
            .iter()
            .filter(|r| r.snapshot.is_none() && known.is_none())
            .map(|r| r.classification_id.clone())
            .collect();
        let mut draft_sets = self.sets_of(&json_ids(&draft_ids)?)?;
        let from_isak = self.isak_objects()?;
        let analyses = self.analyses()?;
        let overdue = self.overdue_actions(today)?;
        let active_scale = (self.scale.id.clone(), self.scale.version.clone());
        let active_catalog = (self.catalog.id.clone(), self.catalog.version.clone());
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let (sets, lagrum_pending) = match &r.snapshot {
                Some(json) => {
                    let snap: LeanSnapshot = serde_json::from_str(json)?;
                    (snap.content.sets, pending(&snap.content.lagrum))
                }
                None => {
                    let lagrum: Vec<LeanDecision> = serde_json::from_str(&r.lagrum)?;
                    let sets = match known.as_mut() {
                        Some(known) => known.remove(&r.id),
                        None => draft_sets.remove(&r.classification_id),
                    };
                    (sets.unwrap_or_default(), pending(&lagrum))
                }
            };
            let status = Status::parse(&r.status).unwrap_or(Status::Utkast);
            let newest_approved = status != Status::Utkast;
            out.push(ObjectFacts {
                name: r.name,
                unit: r.unit,
                kind: ObjectKind::parse(&r.kind).unwrap_or(ObjectKind::System),
                information_owner: r.information_owner,
                status,
                ever_approved: r.approved_on.is_some(),
                draft_since: (!newest_approved).then_some(r.created_on),
                approved_on: r.approved_on,
                next_review: r.next_review,
                imported_from_isak: from_isak.contains(&r.id),
                levels: serde_json::from_str(&r.levels)?,
                sets,
                lagrum_pending,
                older_scale: r.scale != active_scale,
                older_catalog: newest_approved && r.catalog.as_ref().is_some_and(|k| *k != active_catalog),
                risk: analyses.get(&r.id).cloned(),
                overdue_actions: overdue.get(&r.id).copied().unwrap_or(0),
                id: r.id,
            });
        }
        Ok(out)
    }

    /// Every object with its newest classification and the day of its latest approval.
    fn overview_rows(&self) -> Result<Vec<Row>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.id, o.name, o.unit, o.kind, o.information_owner, o.next_review,
                    c.id, c.status, c.scale_id, c.scale_version, c.lagrum, c.snapshot, c.levels,
                    c.catalog_id, c.catalog_version, substr(c.created_at, 1, 10),
                    (SELECT substr(MAX(approved_at), 1, 10) FROM classifications a WHERE a.object_id = o.id)
             FROM objects o
             JOIN classifications c ON c.object_id = o.id
              AND c.version = (SELECT MAX(version) FROM classifications WHERE object_id = o.id)",
        )?;
        let rows = stmt.query_map([], |r| {
            let catalog = match (r.get::<_, Option<String>>(13)?, r.get::<_, Option<String>>(14)?) {
                (Some(id), Some(v)) => Some((id, v)),
                _ => None,
            };
            Ok(Row {
                id: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
                kind: r.get(3)?,
                information_owner: r.get(4)?,
                next_review: r.get(5)?,
                classification_id: r.get(6)?,
                status: r.get(7)?,
                scale: (r.get(8)?, r.get(9)?),
                lagrum: r.get(10)?,
                snapshot: r.get(11)?,
                levels: r.get(12)?,
                catalog,
                created_on: r.get(15)?,
                approved_on: r.get(16)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Per object, actions not done whose due date has passed.
    fn overdue_actions(&self, today: &str) -> Result<HashMap<String, u32>> {
        let mut stmt = self.conn.prepare(
            "SELECT object_id, COUNT(*) FROM actions WHERE status <> 'klar' AND due IS NOT NULL AND due < ?1
             GROUP BY object_id",
        )?;
        let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Objects an ISAK workbook created or updated.
    fn isak_objects(&self) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT object_id FROM imports WHERE format = 'isak' AND object_id IS NOT NULL")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn analyses(&self) -> Result<HashMap<String, RiskFacts>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.object_id, a.status, substr(a.updated_at, 1, 10),
                    (SELECT COUNT(*) FROM risks r WHERE r.analysis_id = a.id)
             FROM risk_analyses a",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                RiskFacts { approved: r.get::<_, String>(1)? == "faststalld", changed_on: r.get(2)?, risks: r.get(3)? },
            ))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
