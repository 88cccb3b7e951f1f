//! Requirements across the organisation: per requirement and per area of a catalogue, how many
//! objects it applies to and how they answered; the requirements most often unmet; the overdue
//! actions of every action plan. Computed from plain values the store reads.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::NamedObject;
use crate::requirements::assessment::is_overdue;
use crate::requirements::{ActionStatus, Answer, Catalog, Priority};
use crate::review::days_between;

/// How many requirements the "most often unmet" list holds.
pub const TOP_UNMET: usize = 10;

/// What one object needs and has answered.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectAnswers {
    pub object: NamedObject,
    /// Keys of the requirements that apply now (steps included in a higher one left out);
    /// shared, since many objects have the same list.
    pub applies: Rc<[String]>,
    /// Its stored answers by requirement key; answers to keys that do not apply are ignored.
    pub answers: HashMap<String, Answer>,
}

/// One action-plan row as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionFacts {
    pub id: String,
    pub object_id: String,
    pub requirement_key: Option<String>,
    pub measure: String,
    pub due: Option<String>,
    pub status: ActionStatus,
    pub priority: Priority,
}

/// Objects counted, as positions in `RequirementOverview::named`: a catalogue over thousands of
/// objects would otherwise repeat each id in a hundred figures (megabytes for the window).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Members {
    pub count: u32,
    pub at: Vec<u32>,
}

impl Members {
    fn add(&mut self, at: u32) {
        self.count += 1;
        self.at.push(at);
    }
}

/// The objects behind each answer (unanswered included).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerFigures {
    pub uppfyllt: Members,
    pub delvis_uppfyllt: Members,
    pub ej_uppfyllt: Members,
    pub ej_tillampligt: Members,
    pub vet_ej: Members,
    pub unanswered: Members,
}

impl AnswerFigures {
    fn add(&mut self, answer: Option<Answer>, at: u32) {
        let fig = match answer {
            Some(Answer::Uppfyllt) => &mut self.uppfyllt,
            Some(Answer::DelvisUppfyllt) => &mut self.delvis_uppfyllt,
            Some(Answer::EjUppfyllt) => &mut self.ej_uppfyllt,
            Some(Answer::EjTillampligt) => &mut self.ej_tillampligt,
            Some(Answer::VetEj) => &mut self.vet_ej,
            None => &mut self.unanswered,
        };
        fig.add(at);
    }

    /// Answered, and not (fully) met: Delvis or Ej uppfyllt.
    pub fn unmet(&self) -> u32 {
        self.delvis_uppfyllt.count + self.ej_uppfyllt.count
    }
}

/// Answers counted over object × requirement pairs (an area has many requirements per object).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerTally {
    pub uppfyllt: u32,
    pub delvis_uppfyllt: u32,
    pub ej_uppfyllt: u32,
    pub ej_tillampligt: u32,
    pub vet_ej: u32,
    pub unanswered: u32,
}

impl AnswerTally {
    fn add(&mut self, answer: Option<Answer>) {
        *match answer {
            Some(Answer::Uppfyllt) => &mut self.uppfyllt,
            Some(Answer::DelvisUppfyllt) => &mut self.delvis_uppfyllt,
            Some(Answer::EjUppfyllt) => &mut self.ej_uppfyllt,
            Some(Answer::EjTillampligt) => &mut self.ej_tillampligt,
            Some(Answer::VetEj) => &mut self.vet_ej,
            None => &mut self.unanswered,
        } += 1;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RequirementFigures {
    pub key: String,
    pub area: String,
    pub title_sv: String,
    pub title_en: String,
    /// The objects it applies to.
    pub applies: Members,
    pub answers: AnswerFigures,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AreaFigures {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    /// Objects at least one requirement of the area applies to.
    pub objects: Members,
    /// Object × requirement pairs, and their answers.
    pub pairs: u32,
    pub answers: AnswerTally,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverdueAction {
    pub id: String,
    pub object_id: String,
    pub object_name: String,
    pub requirement_key: Option<String>,
    pub measure: String,
    pub due: String,
    pub days_late: u32,
    pub priority: Priority,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RequirementOverview {
    pub catalog_id: String,
    pub catalog_version: String,
    /// The objects counted, in the order given; the figures' `at` are positions in it.
    pub named: Vec<NamedObject>,
    /// Every requirement of the catalogue, in its order.
    pub requirements: Vec<RequirementFigures>,
    /// Every area of the catalogue, in its order.
    pub areas: Vec<AreaFigures>,
    /// Keys of the requirements most often answered Delvis or Ej uppfyllt (most first, then
    /// catalogue order), at most `TOP_UNMET`, none that nobody left unmet.
    pub top_unmet: Vec<String>,
    /// Every overdue action of the objects counted, the latest first.
    pub overdue_actions: Vec<OverdueAction>,
}

/// The figures of `objects` against `catalog`, matched by key (an object approved under another
/// catalogue version counts under the active requirement with the same key; keys the catalogue
/// no longer has are not counted).
pub fn requirement_overview(
    catalog: &Catalog,
    objects: &[ObjectAnswers],
    actions: &[ActionFacts],
    today: &str,
) -> RequirementOverview {
    let mut requirements: Vec<RequirementFigures> = catalog
        .requirements
        .iter()
        .map(|r| RequirementFigures {
            key: r.key.clone(),
            area: r.area.clone(),
            title_sv: r.title_sv.clone(),
            title_en: r.title_en.clone(),
            ..Default::default()
        })
        .collect();
    let mut areas: Vec<AreaFigures> = catalog
        .areas
        .iter()
        .map(|a| AreaFigures {
            key: a.key.clone(),
            name_sv: a.name_sv.clone(),
            name_en: a.name_en.clone(),
            ..Default::default()
        })
        .collect();
    let by_key: HashMap<&str, usize> =
        catalog.requirements.iter().enumerate().map(|(i, r)| (r.key.as_str(), i)).collect();
    let area_at: HashMap<&str, usize> = catalog.areas.iter().enumerate().map(|(i, a)| (a.key.as_str(), i)).collect();

    for (at, o) in objects.iter().enumerate() {
        let at = at as u32;
        let mut areas_hit = HashSet::new();
        let distinct: HashSet<&str> = o.applies.iter().map(String::as_str).collect();
        for key in distinct {
            let Some(&i) = by_key.get(key) else { continue };
            let answer = o.answers.get(key).copied();
            let r = &mut requirements[i];
            r.applies.add(at);
            r.answers.add(answer, at);
            if let Some(&a) = area_at.get(r.area.as_str()) {
                areas[a].pairs += 1;
                areas[a].answers.add(answer);
                areas_hit.insert(a);
            }
        }
        for a in areas_hit {
            areas[a].objects.add(at);
        }
    }

    let mut unmet: Vec<(u32, usize)> =
        requirements.iter().enumerate().map(|(i, r)| (r.answers.unmet(), i)).filter(|(n, _)| *n > 0).collect();
    unmet.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let top_unmet = unmet.into_iter().take(TOP_UNMET).map(|(_, i)| requirements[i].key.clone()).collect();

    RequirementOverview {
        catalog_id: catalog.id.clone(),
        catalog_version: catalog.version.clone(),
        named: objects.iter().map(|o| o.object.clone()).collect(),
        requirements,
        areas,
        top_unmet,
        overdue_actions: overdue_actions(objects, actions, today),
    }
}

/// The overdue actions of the given objects, the latest first (then object order).
pub fn overdue_actions(objects: &[ObjectAnswers], actions: &[ActionFacts], today: &str) -> Vec<OverdueAction> {
    let names: HashMap<&str, (usize, &str)> =
        objects.iter().enumerate().map(|(i, o)| (o.object.id.as_str(), (i, o.object.name.as_str()))).collect();
    let mut out: Vec<(usize, OverdueAction)> = actions
        .iter()
        .filter(|a| is_overdue(a.due.as_deref(), a.status, today))
        .filter_map(|a| {
            let (at, name) = names.get(a.object_id.as_str())?;
            let due = a.due.clone()?;
            let days_late = days_between(&due, today).unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32;
            Some((
                *at,
                OverdueAction {
                    id: a.id.clone(),
                    object_id: a.object_id.clone(),
                    object_name: name.to_string(),
                    requirement_key: a.requirement_key.clone(),
                    measure: a.measure.clone(),
                    due,
                    days_late,
                    priority: a.priority,
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| b.1.days_late.cmp(&a.1.days_late).then(a.0.cmp(&b.0)).then(a.1.id.cmp(&b.1.id)));
    out.into_iter().map(|(_, a)| a).collect()
}

#[cfg(test)]
#[path = "requirements_tests.rs"]
mod tests;
