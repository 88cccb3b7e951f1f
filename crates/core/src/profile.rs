//! Derivation of the object's profile: the worst case decides.
//!
//! level(object, aspect) = max over the information sets, raised by accepted lagrum
//! minimums and by a manual uplift. Nothing here ever lowers a level.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{profile_string, Aspect, Levels, PerAspect};
use crate::classification::{ClassificationContent, UpliftReason};
use crate::lagrum::{suggestions, Lagrum, LagrumStatus, Suggestion};
use crate::scale::Scale;

/// Where an aspect's level comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    Set { set_id: String, name: String, level: u8 },
    Lagrum { lagrum: Lagrum, level: u8 },
    Uplift { reason: UpliftReason, level: u8 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Profile {
    pub levels: Levels,
    /// e.g. `K2 R3 T2 S2`.
    pub text: String,
    /// The sources that reach each aspect's level.
    pub origins: PerAspect<Vec<Origin>>,
    /// The maximum over the sets alone.
    pub set_max: Levels,
    pub suggestions: Vec<Suggestion>,
    /// Aspects at or above the scale's security level: separate analysis, no requirements.
    pub security_aspects: Vec<Aspect>,
    pub requirements_suppressed: bool,
    /// Every set has a level for every aspect.
    pub complete: bool,
}

pub fn derive_profile(content: &ClassificationContent, scale: &Scale) -> Profile {
    let set_max: Levels = PerAspect::from_fn(|a| content.sets.iter().filter_map(|s| *s.levels.get(a)).max());
    let suggestions = suggestions(&content.lagrum, &set_max);

    let mut levels = set_max.clone();
    let mut origins: PerAspect<Vec<Origin>> = PerAspect::default();
    for a in Aspect::ALL {
        let mut candidates: Vec<Origin> = content
            .sets
            .iter()
            .filter_map(|s| {
                s.levels.get(a).map(|level| Origin::Set { set_id: s.id.clone(), name: s.name.clone(), level })
            })
            .collect();
        candidates.extend(
            suggestions
                .iter()
                .filter(|s| s.aspect == a && s.status == LagrumStatus::Accepted)
                .map(|s| Origin::Lagrum { lagrum: s.lagrum.clone(), level: s.min_level }),
        );
        if let Some(u) = content.uplifts.get(a) {
            candidates.push(Origin::Uplift { reason: u.reason, level: u.level });
        }
        let top = candidates.iter().map(origin_level).max();
        *levels.get_mut(a) = top;
        *origins.get_mut(a) = candidates.into_iter().filter(|o| Some(origin_level(o)) == top).collect();
    }

    let security_aspects: Vec<Aspect> =
        Aspect::ALL.into_iter().filter(|a| levels.get(*a).is_some_and(|l| l >= scale.security_level)).collect();
    let complete = !content.sets.is_empty() && content.sets.iter().all(|s| s.levels.iter().all(|(_, l)| l.is_some()));
    Profile {
        text: profile_string(&levels),
        requirements_suppressed: !security_aspects.is_empty(),
        levels,
        origins,
        set_max,
        suggestions,
        security_aspects,
        complete,
    }
}

fn origin_level(o: &Origin) -> u8 {
    match o {
        Origin::Set { level, .. } | Origin::Lagrum { level, .. } | Origin::Uplift { level, .. } => *level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::{InformationSet, Uplift};
    use crate::lagrum::LagrumDecision;

    fn set(id: &str, k: u8, r: u8, t: u8, s: u8) -> InformationSet {
        InformationSet {
            id: id.into(),
            name: id.into(),
            levels: PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) },
            ..Default::default()
        }
    }

    fn content(sets: Vec<InformationSet>) -> ClassificationContent {
        ClassificationContent { sets, ..Default::default() }
    }

    #[test]
    fn object_level_is_the_max_over_sets_with_origins() {
        let c = content(vec![set("a", 2, 1, 3, 0), set("b", 1, 3, 3, 2)]);
        let p = derive_profile(&c, &Scale::default_scale());
        assert_eq!(p.text, "K2 R3 T3 S2");
        assert_eq!(p.origins.k, vec![Origin::Set { set_id: "a".into(), name: "a".into(), level: 2 }]);
        assert_eq!(p.origins.t.len(), 2, "both sets reach T3");
        assert!(p.complete);
        assert!(!p.requirements_suppressed);
    }

    #[test]
    fn uplift_raises_but_never_lowers() {
        let mut c = content(vec![set("a", 2, 1, 1, 1)]);
        c.uplifts.k = Some(Uplift { level: 1, reason: UpliftReason::Ackumulering, motivation: "x".into() });
        c.uplifts.r = Some(Uplift { level: 3, reason: UpliftReason::Aggregering, motivation: "y".into() });
        let p = derive_profile(&c, &Scale::default_scale());
        assert_eq!(p.levels.k, Some(2), "a lower uplift leaves the max");
        assert_eq!(p.levels.r, Some(3));
        assert_eq!(p.origins.r, vec![Origin::Uplift { reason: UpliftReason::Aggregering, level: 3 }]);
    }

    #[test]
    fn level_four_flags_and_suppresses_requirements() {
        let c = content(vec![set("a", 4, 1, 1, 1)]);
        let p = derive_profile(&c, &Scale::default_scale());
        assert_eq!(p.security_aspects, vec![Aspect::K]);
        assert!(p.requirements_suppressed);
    }

    #[test]
    fn only_accepted_lagrum_raises_the_profile() {
        let mut c = content(vec![set("a", 1, 1, 1, 1)]);
        c.lagrum = vec![
            LagrumDecision { status: LagrumStatus::Accepted, ..LagrumDecision::pending("patientdatalagen") },
            LagrumDecision::pending("samhallsviktig"),
        ];
        crate::lagrum::LagrumCatalog::default_catalog().resolve(&mut c.lagrum).unwrap();
        let p = derive_profile(&c, &Scale::default_scale());
        assert_eq!(p.levels.s, Some(2), "accepted: S ≥ 2");
        assert_eq!(p.levels.k, Some(2), "patientdatalagen suggests K ≥ 2, R ≥ 2 and S ≥ 2");
        assert_eq!(p.levels.t, Some(1), "a pending lagrum is only a suggestion");
        assert_eq!(p.origins.s, vec![Origin::Lagrum { lagrum: Lagrum::new("patientdatalagen"), level: 2 }]);
        assert_eq!(p.suggestions.len(), 4);
    }

    #[test]
    fn unassessed_aspects_stay_unknown() {
        let mut s = set("a", 1, 1, 1, 1);
        s.levels.s = None;
        let p = derive_profile(&content(vec![s]), &Scale::default_scale());
        assert_eq!(p.levels.s, None);
        assert!(!p.complete);
        assert_eq!(p.text, "K1 R1 T1 S–");
    }
}
