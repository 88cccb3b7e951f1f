//! Lagrum (legal bases) ticked on an object, the minimum levels they suggest, and the
//! owner's decision on each suggestion. Suggestions are never applied silently.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, Levels};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lagrum {
    /// Secrecy under offentlighets- och sekretesslagen, omvänt skaderekvisit.
    OslSekretess,
    /// Special categories of personal data (GDPR art. 9/10) or personal identity numbers in bulk.
    GdprSarskilda,
    /// Patientdatalagen and HSLF-FS 2016:40.
    Patientdatalagen,
    /// Suspected säkerhetsskydd: the level-4 flow.
    Sakerhetsskydd,
    /// Essential or important service under the cybersäkerhetslag (NIS2).
    Nis2,
}

impl Lagrum {
    pub const ALL: [Lagrum; 5] =
        [Lagrum::OslSekretess, Lagrum::GdprSarskilda, Lagrum::Patientdatalagen, Lagrum::Sakerhetsskydd, Lagrum::Nis2];

    /// Minimum levels this lagrum suggests.
    pub fn minimums(self) -> &'static [(Aspect, u8)] {
        match self {
            Lagrum::OslSekretess => &[(Aspect::K, 2)],
            Lagrum::GdprSarskilda => &[(Aspect::K, 2), (Aspect::S, 2)],
            Lagrum::Patientdatalagen => &[(Aspect::S, 2)],
            Lagrum::Sakerhetsskydd => &[(Aspect::K, 4)],
            Lagrum::Nis2 => &[(Aspect::T, 2)],
        }
    }

    pub fn name_sv(self) -> &'static str {
        match self {
            Lagrum::OslSekretess => "Sekretess enligt OSL",
            Lagrum::GdprSarskilda => "Särskilda kategorier av personuppgifter (GDPR)",
            Lagrum::Patientdatalagen => "Patientdatalagen och HSLF-FS 2016:40",
            Lagrum::Sakerhetsskydd => "Säkerhetsskydd",
            Lagrum::Nis2 => "Väsentlig tjänst enligt cybersäkerhetslagen (NIS2)",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lagrum::OslSekretess => "osl_sekretess",
            Lagrum::GdprSarskilda => "gdpr_sarskilda",
            Lagrum::Patientdatalagen => "patientdatalagen",
            Lagrum::Sakerhetsskydd => "sakerhetsskydd",
            Lagrum::Nis2 => "nis2",
        }
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
            d.lagrum.minimums().iter().map(move |&(aspect, min_level)| {
                let current = *set_max.get(aspect);
                Suggestion {
                    lagrum: d.lagrum,
                    aspect,
                    min_level,
                    current,
                    met: current.is_some_and(|c| c >= min_level),
                    status: d.status,
                }
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
        let d =
            [LagrumDecision { lagrum: Lagrum::GdprSarskilda, status: LagrumStatus::Pending, reason: String::new() }];
        let s = suggestions(&d, &set_max);
        assert_eq!(s.len(), 2);
        assert!(s[0].met, "K3 already meets K ≥ 2");
        assert_eq!((s[1].aspect, s[1].min_level, s[1].met), (Aspect::S, 2, false));
    }
}
