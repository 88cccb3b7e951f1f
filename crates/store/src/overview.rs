//! The coordinator's overview over every object: the facts `infoklass_core::overview` needs,
//! read with the portfolio's set-based queries plus a few of its own.

use std::collections::{HashMap, HashSet};

use infoklass_core::overview::{overview, ObjectFacts, Overview, OverviewFilter, RiskFacts};
use infoklass_core::{InformationSet, LagrumDecision, LagrumStatus, Status};

use crate::error::Result;
use crate::portfolio::json_ids;
use crate::rows::Snapshot;
use crate::Store;

/// Per object: the day of the latest approval, the start of the newest version, its scale
/// version and the catalogue version of an approved newest version.
struct Versions {
    approved_on: Option<String>,
    created_on: String,
    /// The stored profile levels (JSON), kept by every save for fast lists.
    levels: String,
    catalog: Option<(String, String)>,
}

impl Store {
    /// The overview over all objects the filter admits.
    pub fn overview(&self, filter: &OverviewFilter, today: &str) -> Result<Overview> {
        Ok(overview(&self.overview_facts(today)?, filter, today))
    }

    /// The facts of every object, in Swedish name order. Lean on purpose: the stored profile
    /// levels and plain counts, no derivation of requirements or reading of risks.
    pub fn overview_facts(&self, today: &str) -> Result<Vec<ObjectFacts>> {
        self.facts_of(self.all_object_ids()?, today)
    }

    /// The facts of the given objects, in the given order; unknown ids are left out.
    pub(crate) fn facts_of(&self, ids: Vec<String>, today: &str) -> Result<Vec<ObjectFacts>> {
        let wanted = json_ids(&ids)?;
        let mut metas = self.metas(&wanted)?;
        let current = self.current_rows(&wanted)?;
        let draft_ids: Vec<String> = current.values().filter(|c| c.snapshot.is_none()).map(|c| c.id.clone()).collect();
        let mut draft_sets = self.sets_of(&json_ids(&draft_ids)?)?;
        let versions = self.versions()?;
        let from_isak = self.isak_objects()?;
        let analyses = self.analyses()?;
        let overdue = self.overdue_actions(today)?;
        let active_scale = (self.scale.id.clone(), self.scale.version.clone());
        let active_catalog = (self.catalog.id.clone(), self.catalog.version.clone());
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let (Some(meta), Some(c), Some(v)) = (metas.remove(&id), current.get(&id), versions.get(&id)) else {
                continue;
            };
            let (sets, lagrum): (Vec<InformationSet>, Vec<LagrumDecision>) = match &c.snapshot {
                Some(json) => {
                    let snap: Snapshot = serde_json::from_str(json)?;
                    (snap.content.sets, snap.content.lagrum)
                }
                None => (draft_sets.remove(&c.id).unwrap_or_default(), serde_json::from_str(&c.lagrum)?),
            };
            let newest_approved = c.status != Status::Utkast;
            out.push(ObjectFacts {
                name: meta.name,
                unit: meta.unit,
                kind: meta.kind,
                information_owner: meta.information_owner,
                status: c.status,
                ever_approved: v.approved_on.is_some(),
                approved_on: v.approved_on.clone(),
                draft_since: (!newest_approved).then(|| v.created_on.clone()),
                next_review: meta.next_review,
                imported_from_isak: from_isak.contains(&id),
                levels: serde_json::from_str(&v.levels)?,
                sets,
                lagrum_pending: lagrum.iter().filter(|d| d.status == LagrumStatus::Pending).count() as u32,
                older_scale: (c.scale_id.clone(), c.scale_version.clone()) != active_scale,
                older_catalog: newest_approved && v.catalog.as_ref().is_some_and(|k| *k != active_catalog),
                risk: analyses.get(&id).cloned(),
                overdue_actions: overdue.get(&id).copied().unwrap_or(0),
                id,
            });
        }
        Ok(out)
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

    fn all_object_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM objects")?;
        let mut rows: Vec<(String, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
        infoklass_core::collate::sort_by_name(&mut rows, |r| &r.1);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    fn versions(&self) -> Result<HashMap<String, Versions>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.object_id,
                    (SELECT substr(MAX(approved_at), 1, 10) FROM classifications a WHERE a.object_id = c.object_id),
                    substr(c.created_at, 1, 10), c.levels, c.catalog_id, c.catalog_version
             FROM classifications c
             WHERE c.version = (SELECT MAX(version) FROM classifications WHERE object_id = c.object_id)",
        )?;
        let rows = stmt.query_map([], |r| {
            let catalog = match (r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?) {
                (Some(id), Some(v)) => Some((id, v)),
                _ => None,
            };
            Ok((
                r.get::<_, String>(0)?,
                Versions { approved_on: r.get(1)?, created_on: r.get(2)?, levels: r.get(3)?, catalog },
            ))
        })?;
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
