//! The coordinator's overview over every object: the facts `infoklass_core::overview` needs,
//! read with the portfolio's set-based queries plus a few of its own.

use std::collections::{HashMap, HashSet};

use infoklass_core::overview::{overview, ObjectFacts, Overview, OverviewFilter, RiskFacts};
use infoklass_core::requirements::ActionStatus;
use infoklass_core::{LagrumStatus, Status};

use crate::error::Result;
use crate::Store;

/// Per object: the day of the latest approval, the start of the newest version, its scale
/// version and the catalogue version of an approved newest version.
struct Versions {
    approved_on: Option<String>,
    created_on: String,
    scale: (String, String),
    catalog: Option<(String, String)>,
}

impl Store {
    /// The overview over all objects the filter admits.
    pub fn overview(&self, filter: &OverviewFilter, today: &str) -> Result<Overview> {
        Ok(overview(&self.overview_facts(today)?, filter, today))
    }

    /// The facts of every object, in Swedish name order.
    pub fn overview_facts(&self, today: &str) -> Result<Vec<ObjectFacts>> {
        let ids = self.all_object_ids()?;
        let portfolio = self.portfolio(&ids, today)?;
        let versions = self.versions()?;
        let from_isak = self.isak_objects()?;
        let analyses = self.analyses()?;
        let out = portfolio
            .into_iter()
            .map(|p| {
                let v = versions.get(&p.id);
                let pending: HashSet<_> = p
                    .profile
                    .suggestions
                    .iter()
                    .filter(|s| s.status == LagrumStatus::Pending && !s.met)
                    .map(|s| s.lagrum)
                    .collect();
                let newest_approved = p.status != Status::Utkast;
                ObjectFacts {
                    name: p.meta.name.clone(),
                    unit: p.meta.unit.clone(),
                    kind: p.meta.kind,
                    information_owner: p.meta.information_owner.clone(),
                    status: p.status,
                    ever_approved: v.is_some_and(|v| v.approved_on.is_some()),
                    approved_on: v.and_then(|v| v.approved_on.clone()),
                    draft_since: v.filter(|_| !newest_approved).map(|v| v.created_on.clone()),
                    next_review: p.meta.next_review.clone(),
                    imported_from_isak: from_isak.contains(&p.id),
                    levels: p.profile.levels,
                    sets: p.sets,
                    lagrum_pending: pending.len() as u32,
                    older_scale: v.is_some_and(|v| v.scale != (self.scale.id.clone(), self.scale.version.clone())),
                    older_catalog: newest_approved
                        && v.and_then(|v| v.catalog.as_ref())
                            .is_some_and(|c| *c != (self.catalog.id.clone(), self.catalog.version.clone())),
                    risk: analyses.get(&p.id).cloned(),
                    overdue_actions: p.actions.iter().filter(|a| a.overdue && a.status != ActionStatus::Klar).count()
                        as u32,
                    id: p.id,
                }
            })
            .collect();
        Ok(out)
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
                    substr(c.created_at, 1, 10), c.scale_id, c.scale_version, c.catalog_id, c.catalog_version
             FROM classifications c
             WHERE c.version = (SELECT MAX(version) FROM classifications WHERE object_id = c.object_id)",
        )?;
        let rows = stmt.query_map([], |r| {
            let catalog = match (r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?) {
                (Some(id), Some(v)) => Some((id, v)),
                _ => None,
            };
            Ok((
                r.get::<_, String>(0)?,
                Versions { approved_on: r.get(1)?, created_on: r.get(2)?, scale: (r.get(3)?, r.get(4)?), catalog },
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
