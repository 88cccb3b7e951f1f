//! What the coordinator's portfolio workbook shows for many objects, read with a few queries
//! over all of them instead of a round of queries per object. Requirements are derived once
//! per distinct catalogue, profile and lagrum; the answers only decide what counts as fulfilled.

use std::collections::{HashMap, HashSet};

use crate::sql::params;
use infoklass_core::dependency::DependencyKind;
use infoklass_core::lagrum::LagrumCatalog;
use infoklass_core::overview::{overview, Overview, OverviewFilter};
use infoklass_core::requirements::{derive_requirements, Action, Answer, Catalog, Derived, Suppression};
use infoklass_core::risk::Risk;
use infoklass_core::{derive_profile, InformationSet, Lagrum, ObjectMeta, PerAspect, Profile, Scale, Status};

use crate::error::{Result, StoreError};
use crate::rows::{self, ClassificationRow, Snapshot};
use crate::{catalogs, Store};

/// Catalogue versions read so far, by id and version.
type StoredCatalogs = HashMap<(String, String), Catalog>;

/// One object as the portfolio shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioObject {
    pub id: String,
    /// The facts of the current classification (frozen ones for an approved classification).
    pub meta: ObjectMeta,
    pub status: Status,
    pub profile: Profile,
    pub sets: Vec<InformationSet>,
    /// Requirements that apply now, and how many of them are answered "uppfyllt".
    pub requirements: usize,
    pub fulfilled: u32,
    /// The action plan in its usual order.
    pub actions: Vec<Action>,
    /// Highest value first, as the risk analysis lists them.
    pub risks: Vec<PortfolioRisk>,
    /// What it depends on: the kind and the other object's name, in Swedish name order.
    pub depends_on: Vec<(DependencyKind, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioRisk {
    pub risk: Risk,
    pub value: u8,
    pub threat_name: Option<String>,
}

/// The coordinator's portfolio: the objects' rows and the overview's figures over the same
/// objects (the summary sheet), as of `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    pub objects: Vec<PortfolioObject>,
    pub overview: Overview,
    pub today: String,
}

/// `ids` as a JSON array, for `IN (SELECT value FROM json_each(?1))`.
pub(crate) fn json_ids(ids: &[String]) -> Result<String> {
    Ok(serde_json::to_string(ids)?)
}

impl Store {
    /// The portfolio of the given objects with the overview over them.
    pub fn portfolio_with_overview(&self, ids: &[String], today: &str) -> Result<Portfolio> {
        let objects = self.portfolio(ids, today)?;
        let sets = objects.iter().map(|o| (o.id.clone(), o.sets.clone())).collect();
        let facts = self.facts_of(ids.to_vec(), today, sets)?;
        let overview = overview(&facts, &OverviewFilter::default(), today);
        Ok(Portfolio { objects, overview, today: today.to_string() })
    }

    /// The portfolio rows of the given objects, in the given order.
    pub fn portfolio(&self, ids: &[String], today: &str) -> Result<Vec<PortfolioObject>> {
        let wanted = json_ids(ids)?;
        let metas = self.metas(&wanted)?;
        let current = self.current_rows(&wanted)?;
        let draft_ids: Vec<String> = current.values().filter(|c| c.snapshot.is_none()).map(|c| c.id.clone()).collect();
        let mut sets = self.sets_of(&json_ids(&draft_ids)?)?;
        let answers = self.uppfyllt_keys(&wanted)?;
        let mut actions = self.actions_of(&wanted, today)?;
        let mut risks = self.risks_of(&wanted)?;
        let mut depends_on = self.depends_on_of(&wanted)?;
        // The lagrum catalogue and the organisation's choice, read once for all objects.
        let lagrum_catalog = crate::lagrum::load(&self.conn)?;
        let org_lagrum = crate::lagrum::org_keys(&self.conn)?;

        let mut scales: HashMap<(String, String), Scale> = HashMap::new();
        let mut stored_catalogs: HashMap<(String, String), Catalog> = HashMap::new();
        let mut derived: HashMap<String, HashSet<String>> = HashMap::new();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let (Some(meta), Some(c)) = (metas.get(id), current.get(id)) else {
                return Err(StoreError::NotFound(id.clone()));
            };
            let snap: Snapshot = match &c.snapshot {
                Some(json) => serde_json::from_str(json)?,
                None => Snapshot {
                    meta: meta.clone(),
                    content: infoklass_core::ClassificationContent {
                        sets: sets.remove(&c.id).unwrap_or_default(),
                        uplifts: serde_json::from_str(&c.uplifts)?,
                        lagrum: serde_json::from_str(&c.lagrum)?,
                    },
                },
            };
            let scale_key = (c.scale_id.clone(), c.scale_version.clone());
            if !scales.contains_key(&scale_key) {
                scales.insert(scale_key.clone(), rows::load_scale(&self.conn, &c.scale_id, &c.scale_version)?);
            }
            let scale = &scales[&scale_key];
            let profile = derive_profile(&snap.content, scale);
            let lagrum = (&lagrum_catalog, org_lagrum.as_slice());
            let keys = self.derived_keys(c, &snap, &profile, scale, lagrum, (&mut stored_catalogs, &mut derived))?;
            let done = answers.get(id);
            // Keys are unique in a catalogue and answers unique per key, so counting the answers
            // found among the keys counts the keys answered, at one lookup per answer.
            let fulfilled = done.map_or(0, |d| d.iter().filter(|k| keys.contains(k.as_str())).count()) as u32;
            out.push(PortfolioObject {
                id: id.clone(),
                meta: snap.meta,
                status: c.status,
                profile,
                sets: snap.content.sets,
                requirements: keys.len(),
                fulfilled,
                actions: actions.remove(id).unwrap_or_default(),
                risks: risks.remove(id).unwrap_or_default(),
                depends_on: depends_on.remove(id).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// What each object depends on, in the order `Store::dependencies` lists it.
    fn depends_on_of(&self, wanted: &str) -> Result<HashMap<String, Vec<(DependencyKind, String)>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.object_id, d.kind, o.name FROM dependencies d JOIN objects o ON o.id = d.depends_on_id
             WHERE d.object_id IN (SELECT value FROM json_each(?1)) ORDER BY d.kind",
        )?;
        let rows = stmt.query_map([wanted], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?)))?;
        let mut out: HashMap<String, Vec<(DependencyKind, String)>> = HashMap::new();
        for row in rows {
            let (id, kind, name) = row?;
            out.entry(id).or_default().push((DependencyKind::parse(&kind).unwrap_or(DependencyKind::Uses), name));
        }
        for list in out.values_mut() {
            infoklass_core::collate::sort_by_name(list, |(_, name)| name);
        }
        Ok(out)
    }

    /// The keys of the requirements that apply, derived once per catalogue, profile and lagrum
    /// (the same rules as `basis`: an approved classification keeps its catalogue version).
    fn derived_keys<'a>(
        &self,
        c: &ClassificationRow,
        snap: &Snapshot,
        profile: &Profile,
        scale: &Scale,
        (lagrum_catalog, org_lagrum): (&LagrumCatalog, &[Lagrum]),
        (stored, cache): (&mut StoredCatalogs, &'a mut HashMap<String, HashSet<String>>),
    ) -> Result<&'a HashSet<String>> {
        let catalog_key = match (&c.catalog_id, &c.catalog_version) {
            (Some(id), Some(v)) => Some((id.clone(), v.clone())),
            _ => None,
        };
        let lagrum = crate::lagrum::active_in(lagrum_catalog, org_lagrum, &snap.content);
        let key =
            format!("{catalog_key:?}|{:?}|{lagrum:?}|{}|{}", profile.levels, profile.complete, scale.security_level);
        if !cache.contains_key(&key) {
            let catalog = match &catalog_key {
                Some(k) => {
                    if !stored.contains_key(k) {
                        stored.insert(k.clone(), catalogs::load(&self.conn, &k.0, &k.1)?);
                    }
                    &stored[k]
                }
                None => &self.catalog,
            };
            let mut d = derive_requirements(catalog, &profile.levels, &lagrum, scale.security_level);
            if d.suppressed.is_none() && !profile.complete {
                d = Derived { items: Vec::new(), suppressed: Some(Suppression::Incomplete) };
            }
            cache.insert(key.clone(), d.items.iter().map(|i| catalog.requirements[i.index].key.clone()).collect());
        }
        Ok(&cache[&key])
    }

    pub(crate) fn metas(&self, wanted: &str) -> Result<HashMap<String, ObjectMeta>> {
        let sql =
            format!("SELECT id, {} FROM objects WHERE id IN (SELECT value FROM json_each(?1))", rows::META_COLUMNS);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([wanted], |r| Ok((r.get(0)?, rows::meta_from_row(r, 1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The newest classification of each object.
    pub(crate) fn current_rows(&self, wanted: &str) -> Result<HashMap<String, ClassificationRow>> {
        let sql = format!(
            "SELECT {} FROM classifications c WHERE object_id IN (SELECT value FROM json_each(?1))
             AND version = (SELECT MAX(version) FROM classifications WHERE object_id = c.object_id)",
            rows::CLASSIFICATION_COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([wanted], rows::classification_from_row)?;
        rows.map(|r| Ok(r.map(|c| (c.object_id.clone(), c))?)).collect()
    }

    /// The sets of draft classifications, by classification id, in their order.
    pub(crate) fn sets_of(&self, classification_ids: &str) -> Result<HashMap<String, Vec<InformationSet>>> {
        let mut stmt = self.conn.prepare(
            "SELECT classification_id, id, name, description, info_type, level_k, level_r, level_t, level_s,
                    motivation_k, motivation_r, motivation_t, motivation_s
             FROM information_sets WHERE classification_id IN (SELECT value FROM json_each(?1))
             ORDER BY classification_id, position",
        )?;
        let rows = stmt.query_map([classification_ids], |r| {
            let set = InformationSet {
                id: r.get(1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                info_type: r.get(4)?,
                levels: PerAspect { k: r.get(5)?, r: r.get(6)?, t: r.get(7)?, s: r.get(8)? },
                motivations: PerAspect { k: r.get(9)?, r: r.get(10)?, t: r.get(11)?, s: r.get(12)? },
            };
            Ok((r.get::<_, String>(0)?, set))
        })?;
        let mut out: HashMap<String, Vec<InformationSet>> = HashMap::new();
        for row in rows {
            let (c, set) = row?;
            out.entry(c).or_default().push(set);
        }
        Ok(out)
    }

    /// Per object, the requirement keys answered "uppfyllt".
    fn uppfyllt_keys(&self, wanted: &str) -> Result<HashMap<String, Vec<String>>> {
        let mut stmt = self.conn.prepare(
            "SELECT object_id, key FROM assessments WHERE object_id IN (SELECT value FROM json_each(?1)) AND answer = ?2",
        )?;
        let rows = stmt.query_map(params![wanted, Answer::Uppfyllt.as_str()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows {
            let (o, k) = row?;
            out.entry(o).or_default().push(k);
        }
        Ok(out)
    }

    /// Per object, its action plan in the order `action_plan` gives.
    fn actions_of(&self, wanted: &str, today: &str) -> Result<HashMap<String, Vec<Action>>> {
        let sql = format!(
            "SELECT {}, object_id FROM actions WHERE object_id IN (SELECT value FROM json_each(?1))
             ORDER BY object_id, due IS NULL, due, CASE priority WHEN 'hog' THEN 0 WHEN 'medel' THEN 1 ELSE 2 END, created_at, requirement_key, id",
            crate::actions::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([wanted], |r| Ok((r.get::<_, String>(8)?, crate::actions::from_row(r, today)?)))?;
        let mut out: HashMap<String, Vec<Action>> = HashMap::new();
        for row in rows {
            let (o, a) = row?;
            out.entry(o).or_default().push(a);
        }
        Ok(out)
    }

    /// Per object, its risks in the order `risk_analysis` gives, with the threat's name.
    fn risks_of(&self, wanted: &str) -> Result<HashMap<String, Vec<PortfolioRisk>>> {
        let (_, threats) = crate::risks::threat_catalog(&self.conn)?;
        let names: HashMap<&str, &str> = threats.iter().map(|t| (t.key.as_str(), t.name_sv.as_str())).collect();
        let mut stmt = self.conn.prepare(
            "SELECT a.object_id, r.data FROM risks r JOIN risk_analyses a ON a.id = r.analysis_id
             WHERE a.object_id IN (SELECT value FROM json_each(?1)) ORDER BY a.object_id, r.value DESC, r.created_at, r.id",
        )?;
        let rows = stmt.query_map([wanted], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out: HashMap<String, Vec<PortfolioRisk>> = HashMap::new();
        for row in rows {
            let (o, data) = row?;
            let risk: Risk = serde_json::from_str(&data)?;
            let threat_name = risk.threat_key.as_deref().and_then(|k| names.get(k)).map(|n| n.to_string());
            out.entry(o).or_default().push(PortfolioRisk { value: risk.value(), threat_name, risk });
        }
        Ok(out)
    }
}
