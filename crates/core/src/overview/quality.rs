//! Kvalitetskontroll: what is wrong or missing in each classification, as findings a
//! coordinator can follow up, each naming the object and what to fix.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ObjectFacts;
use crate::review::days_between;
use crate::Aspect;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingCode {
    /// A level is set without a motivation.
    LevelWithoutMotivation,
    /// An aspect of a set has no level (imported ISAK has no S).
    AspectNotAssessed,
    NoInformationOwner,
    /// A lagrum is ticked but its suggestions are neither accepted nor declined.
    LagrumUnanswered,
    /// Made under an older version of the scale than the one in use.
    OlderScale,
    /// Approved under an older version of the requirement catalogue than the active one.
    OlderCatalog,
    SetWithoutInfoType,
    /// An approved classification whose next review has passed.
    ReviewOverdue,
    /// The classification was approved after its risk analysis last changed.
    RiskAnalysisOlder,
}

impl FindingCode {
    pub const ALL: [FindingCode; 9] = [
        FindingCode::LevelWithoutMotivation,
        FindingCode::AspectNotAssessed,
        FindingCode::NoInformationOwner,
        FindingCode::LagrumUnanswered,
        FindingCode::OlderScale,
        FindingCode::OlderCatalog,
        FindingCode::SetWithoutInfoType,
        FindingCode::ReviewOverdue,
        FindingCode::RiskAnalysisOlder,
    ];
}

/// One finding on one object; set-level findings list the sets and aspects concerned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub object_id: String,
    pub object_name: String,
    pub code: FindingCode,
    /// The information sets concerned, in the object's order (empty for object-level findings).
    pub sets: Vec<String>,
    /// The aspects concerned, K R T S order.
    pub aspects: Vec<Aspect>,
    /// How many places: set × aspect pairs, lagrum, days overdue; 1 for a plain finding.
    pub count: u32,
}

/// Every finding, object by object in the given order, codes in their order.
pub fn quality_findings<'a>(objects: impl IntoIterator<Item = &'a ObjectFacts>, today: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in objects {
        let finding = |code, sets: Vec<String>, aspects: Vec<Aspect>, count| Finding {
            object_id: o.id.clone(),
            object_name: o.name.clone(),
            code,
            sets,
            aspects,
            count,
        };
        let per_set = |missing: &dyn Fn(&crate::InformationSet, Aspect) -> bool| {
            let (mut sets, mut aspects, mut count) = (Vec::new(), Vec::new(), 0);
            for s in &o.sets {
                let hit: Vec<Aspect> = Aspect::ALL.into_iter().filter(|a| missing(s, *a)).collect();
                if !hit.is_empty() {
                    sets.push(s.name.clone());
                    count += hit.len() as u32;
                    aspects.extend(hit);
                }
            }
            aspects.sort_by_key(|a| Aspect::ALL.iter().position(|x| x == a));
            aspects.dedup();
            (sets, aspects, count)
        };
        let (sets, aspects, n) = per_set(&|s, a| s.levels.get(a).is_some() && s.motivations.get(a).trim().is_empty());
        if n > 0 {
            out.push(finding(FindingCode::LevelWithoutMotivation, sets, aspects, n));
        }
        let (sets, aspects, n) = per_set(&|s, a| s.levels.get(a).is_none());
        if n > 0 {
            out.push(finding(FindingCode::AspectNotAssessed, sets, aspects, n));
        }
        if o.information_owner.trim().is_empty() {
            out.push(finding(FindingCode::NoInformationOwner, vec![], vec![], 1));
        }
        if o.lagrum_pending > 0 {
            out.push(finding(FindingCode::LagrumUnanswered, vec![], vec![], o.lagrum_pending));
        }
        if o.older_scale {
            out.push(finding(FindingCode::OlderScale, vec![], vec![], 1));
        }
        if o.older_catalog {
            out.push(finding(FindingCode::OlderCatalog, vec![], vec![], 1));
        }
        let untyped: Vec<String> = o
            .sets
            .iter()
            .filter(|s| s.info_type.as_deref().is_none_or(|t| t.trim().is_empty()))
            .map(|s| s.name.clone())
            .collect();
        if !untyped.is_empty() {
            let n = untyped.len() as u32;
            out.push(finding(FindingCode::SetWithoutInfoType, untyped, vec![], n));
        }
        let late = o.next_review.as_deref().and_then(|d| days_between(d, today)).filter(|d| *d > 0);
        if let (true, Some(days)) = (o.ever_approved, late) {
            out.push(finding(FindingCode::ReviewOverdue, vec![], vec![], days.min(i64::from(u32::MAX)) as u32));
        }
        let risk_older = o.risk.as_ref().zip(o.approved_on.as_deref()).is_some_and(|(r, c)| c > r.changed_on.as_str());
        if risk_older {
            out.push(finding(FindingCode::RiskAnalysisOlder, vec![], vec![], 1));
        }
    }
    out
}
