//! A classification: the information sets with their levels and motivations, the uplifts
//! and the lagrum decisions. One object has a sequence of classifications over time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Levels, PerAspect};
use crate::lagrum::LagrumDecision;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Utkast: editable.
    Utkast,
    /// Fastställd: approved, frozen as a snapshot.
    Faststalld,
    /// Ersatt: replaced by a later approved classification.
    Ersatt,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Utkast => "utkast",
            Status::Faststalld => "faststalld",
            Status::Ersatt => "ersatt",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "utkast" => Some(Status::Utkast),
            "faststalld" => Some(Status::Faststalld),
            "ersatt" => Some(Status::Ersatt),
            _ => None,
        }
    }
}

/// An informationsmängd inside the object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct InformationSet {
    /// Stable id, kept across re-classifications so differences can be shown.
    pub id: String,
    pub name: String,
    pub description: String,
    /// Key of an organisation-wide information type whose levels act as a floor.
    pub info_type: Option<String>,
    pub levels: Levels,
    pub motivations: PerAspect<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UpliftReason {
    /// Large volumes make the whole more sensitive than each part.
    Ackumulering,
    /// Combined sets reveal more than each on its own.
    Aggregering,
    /// Integration with a higher-classed object.
    Integration,
}

/// A manual raise of one aspect of the object above the maximum of its sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Uplift {
    pub level: u8,
    pub reason: UpliftReason,
    pub motivation: String,
}

/// Everything a person decides in one classification; what an approval freezes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct ClassificationContent {
    pub sets: Vec<InformationSet>,
    pub uplifts: PerAspect<Option<Uplift>>,
    pub lagrum: Vec<LagrumDecision>,
}
