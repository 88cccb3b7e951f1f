//! Requirements across the organisation: what applies to every object the filter admits and how
//! it was answered, read with one query per table (never per object). Requirements are derived
//! once per distinct catalogue, profile and lagrum, as the self-assessment derives them
//! (incomplete classifications get none, included staircase steps are left out).

use std::collections::HashMap;
use std::rc::Rc;

use infoklass_core::overview::requirements::{requirement_overview, ActionFacts, ObjectAnswers, RequirementOverview};
use infoklass_core::overview::{NamedObject, OverviewFilter};
use infoklass_core::requirements::{
    derive_requirements, included_in, require_complete, ActionStatus, Answer, Catalog, Priority,
};
use infoklass_core::{derive_profile, ClassificationContent, ObjectKind, Scale};

use crate::error::Result;
use crate::rows::{self, ClassificationRow, Snapshot};
use crate::{catalogs, Store};

impl Store {
    /// Requirement figures over the objects the filter admits, against the active catalogue.
    pub fn requirement_overview(&self, filter: &OverviewFilter, today: &str) -> Result<RequirementOverview> {
        let objects = self.object_answers(filter)?;
        let actions = self.open_dated_actions(today)?;
        Ok(requirement_overview(&self.catalog, &objects, &actions, today))
    }

    /// Per admitted object, in Swedish name order: the keys that apply and the stored answers.
    fn object_answers(&self, filter: &OverviewFilter) -> Result<Vec<ObjectAnswers>> {
        let named = self.named_objects(filter)?;
        let mut current = self.current_contents()?;
        let mut answers = self.all_answers()?;
        let lagrum_catalog = crate::lagrum::load(&self.conn)?;
        let org_lagrum = crate::lagrum::org_keys(&self.conn)?;
        let mut scales: HashMap<(String, String), Scale> = HashMap::new();
        let mut catalogs: HashMap<(String, String), Catalog> = HashMap::new();
        let mut derived: HashMap<String, Rc<[String]>> = HashMap::new();
        let mut out = Vec::with_capacity(named.len());
        for object in named {
            let Some((c, content)) = current.remove(&object.id) else { continue };
            let c = &c;
            let scale_key = (c.scale_id.clone(), c.scale_version.clone());
            if !scales.contains_key(&scale_key) {
                scales.insert(scale_key.clone(), rows::load_scale(&self.conn, &c.scale_id, &c.scale_version)?);
            }
            let scale = &scales[&scale_key];
            let profile = derive_profile(&content, scale);
            let lagrum = crate::lagrum::active_in(&lagrum_catalog, &org_lagrum, &content);
            let catalog_key = catalog_of(c);
            let key = format!(
                "{catalog_key:?}|{:?}|{lagrum:?}|{}|{}",
                profile.levels, profile.complete, scale.security_level
            );
            if !derived.contains_key(&key) {
                let catalog = match &catalog_key {
                    Some(k) => {
                        if !catalogs.contains_key(k) {
                            catalogs.insert(k.clone(), catalogs::load(&self.conn, &k.0, &k.1)?);
                        }
                        &catalogs[k]
                    }
                    None => &self.catalog,
                };
                let d = require_complete(
                    derive_requirements(catalog, &profile.levels, &lagrum, scale.security_level),
                    profile.complete,
                );
                let included = included_in(&catalog.requirements, &d.items);
                let keys = d
                    .items
                    .iter()
                    .map(|i| catalog.requirements[i.index].key.clone())
                    .filter(|k| !included.contains_key(k))
                    .collect();
                derived.insert(key.clone(), keys);
            }
            out.push(ObjectAnswers {
                applies: derived[&key].clone(),
                answers: answers.remove(&object.id).unwrap_or_default(),
                object,
            });
        }
        Ok(out)
    }

    /// The newest classification of every object with its content (the frozen snapshot of an
    /// approved one, the draft's rows otherwise).
    pub(crate) fn current_contents(&self) -> Result<HashMap<String, (ClassificationRow, ClassificationContent)>> {
        let current = self.all_current_rows()?;
        let draft_ids: Vec<String> = current.values().filter(|c| c.snapshot.is_none()).map(|c| c.id.clone()).collect();
        let mut draft_sets = self.sets_of(&crate::portfolio::json_ids(&draft_ids)?)?;
        let mut out = HashMap::with_capacity(current.len());
        for (id, c) in current {
            let content = match &c.snapshot {
                Some(json) => serde_json::from_str::<Snapshot>(json)?.content,
                None => ClassificationContent {
                    sets: draft_sets.remove(&c.id).unwrap_or_default(),
                    uplifts: serde_json::from_str(&c.uplifts)?,
                    lagrum: serde_json::from_str(&c.lagrum)?,
                },
            };
            out.insert(id, (c, content));
        }
        Ok(out)
    }

    /// The objects the filter admits, in Swedish name order.
    pub(crate) fn named_objects(&self, filter: &OverviewFilter) -> Result<Vec<NamedObject>> {
        let mut stmt = self.conn.prepare("SELECT id, name, unit, information_owner, kind FROM objects")?;
        let rows = stmt.query_map([], |r| {
            let named = NamedObject { id: r.get(0)?, name: r.get(1)?, unit: r.get(2)?, information_owner: r.get(3)? };
            Ok((named, r.get::<_, String>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (named, kind) = row?;
            let kind = ObjectKind::parse(&kind).unwrap_or(ObjectKind::System);
            if filter.admits_unit_kind(&named.unit, kind) {
                out.push(named);
            }
        }
        infoklass_core::collate::sort_by_name(&mut out, |o| &o.name);
        Ok(out)
    }

    /// The newest classification of every object.
    pub(crate) fn all_current_rows(&self) -> Result<HashMap<String, ClassificationRow>> {
        let sql = format!(
            "SELECT {} FROM classifications c
             WHERE version = (SELECT MAX(version) FROM classifications WHERE object_id = c.object_id)",
            rows::CLASSIFICATION_COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], rows::classification_from_row)?;
        rows.map(|r| Ok(r.map(|c| (c.object_id.clone(), c))?)).collect()
    }

    fn all_answers(&self) -> Result<HashMap<String, HashMap<String, Answer>>> {
        let mut stmt = self.conn.prepare("SELECT object_id, key, answer FROM assessments")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        let mut out: HashMap<String, HashMap<String, Answer>> = HashMap::new();
        for row in rows {
            let (object, key, answer) = row?;
            if let Some(a) = Answer::parse(&answer) {
                out.entry(object).or_default().insert(key, a);
            }
        }
        Ok(out)
    }

    /// Actions not done with a due date before today (the core decides what is overdue).
    fn open_dated_actions(&self, today: &str) -> Result<Vec<ActionFacts>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, object_id, requirement_key, measure, due, status, priority FROM actions
             WHERE status <> 'klar' AND due IS NOT NULL AND due < ?1",
        )?;
        let rows = stmt.query_map([today], |r| {
            let status: String = r.get(5)?;
            let priority: String = r.get(6)?;
            Ok(ActionFacts {
                id: r.get(0)?,
                object_id: r.get(1)?,
                requirement_key: r.get(2)?,
                measure: r.get(3)?,
                due: r.get(4)?,
                status: ActionStatus::parse(&status).unwrap_or(ActionStatus::EjPaborjad),
                priority: Priority::parse(&priority).unwrap_or(Priority::Medel),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// The catalogue an approved classification recorded; a draft uses the active one.
fn catalog_of(c: &ClassificationRow) -> Option<(String, String)> {
    match (&c.catalog_id, &c.catalog_version) {
        (Some(id), Some(v)) => Some((id.clone(), v.clone())),
        _ => None,
    }
}
