//! Lagrum (legal bases): a catalogue the organisation keeps (`catalog.rs`), the decision on
//! each lagrum ticked on an object, and the minimum levels it suggests. Suggestions are never
//! applied silently.

mod catalog;

pub use catalog::{LagrumCatalog, LagrumDef, LagrumProblem, LagrumScope, DEFAULT_LAGRUM_TOML};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, Levels};

/// A lagrum's key in the catalogue, e.g. `patientdatalagen`. A trigger may also name a group
/// (`osl_sekretess`), which holds when any lagrum of that group is ticked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Lagrum(pub String);

impl Lagrum {
    pub fn new(key: &str) -> Lagrum {
        Lagrum(key.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 1–40 characters a–z, 0–9 and `_`.
    pub fn valid_key(key: &str) -> bool {
        (1..=40).contains(&key.len()) && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }
}

impl std::fmt::Display for Lagrum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LagrumStatus {
    /// Ticked, suggestions not yet decided.
    Pending,
    /// The suggested minimums apply to the object's profile.
    Accepted,
    /// The owner declined the suggestions, with a reason.
    Declined,
}

/// A lagrum ticked on the object and what the owner decided about its suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LagrumDecision {
    pub lagrum: Lagrum,
    pub status: LagrumStatus,
    /// Required when declined, and when accepting leads to the security level.
    #[serde(default)]
    pub reason: String,
    /// For a lagrum whose owner picks the affected aspects (säkerhetsskydd): those aspects.
    #[serde(default)]
    pub aspects: Vec<Aspect>,
    /// The minimums the lagrum suggested when the decision was saved, copied from the lagrum
    /// catalogue by the store, so an approved classification keeps them whatever the
    /// catalogue later says.
    #[serde(default)]
    pub minimums: Levels,
}

impl LagrumDecision {
    pub fn pending(key: &str) -> LagrumDecision {
        LagrumDecision {
            lagrum: Lagrum::new(key),
            status: LagrumStatus::Pending,
            reason: String::new(),
            aspects: Vec::new(),
            minimums: Levels::default(),
        }
    }
}

/// One suggested minimum, compared with the levels of the information sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Suggestion {
    pub lagrum: Lagrum,
    pub aspect: Aspect,
    pub min_level: u8,
    /// The maximum over the sets, before lagrum and uplifts.
    pub current: Option<u8>,
    /// True when the sets already reach the suggested level.
    pub met: bool,
    pub status: LagrumStatus,
}

/// The suggestions of every ticked lagrum against the sets' maximum levels.
pub fn suggestions(decisions: &[LagrumDecision], set_max: &Levels) -> Vec<Suggestion> {
    decisions
        .iter()
        .flat_map(|d| {
            d.minimums.iter().filter_map(move |(aspect, min)| {
                let min_level = (*min)?;
                let current = *set_max.get(aspect);
                Some(Suggestion {
                    lagrum: d.lagrum.clone(),
                    aspect,
                    min_level,
                    current,
                    met: current.is_some_and(|c| c >= min_level),
                    status: d.status,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;

    #[test]
    fn gdpr_suggests_k2_and_s2_and_sees_what_is_met() {
        let set_max: Levels = PerAspect { k: Some(3), r: Some(1), t: Some(1), s: Some(1) };
        let mut d = vec![LagrumDecision::pending("gdpr_sarskilda")];
        LagrumCatalog::default_catalog().resolve(&mut d).unwrap();
        let s = suggestions(&d, &set_max);
        assert_eq!(s.len(), 2);
        assert!(s[0].met, "K3 already meets K ≥ 2");
        assert_eq!((s[1].aspect, s[1].min_level, s[1].met), (Aspect::S, 2, false));
    }
}
