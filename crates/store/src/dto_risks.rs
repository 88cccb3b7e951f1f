//! The command contract for risk analyses.

use infoklass_core::risk::matrix::RiskMatrix;
use infoklass_core::risk::{Risk, Threat, ThreatOrigin};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnalysisHeader {
    pub id: String,
    pub matrix_id: String,
    pub matrix_version: String,
    pub purpose: String,
    pub scope: String,
    pub analysis_date: Option<String>,
    pub participants: Vec<String>,
    pub risk_owner: String,
    /// utkast or faststalld
    pub status: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
}

/// The consequence the classification gives now differs from the one the risk was scored with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewFlag {
    pub old: u8,
    pub new: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskView {
    pub risk: Risk,
    pub value: u8,
    /// Band key of the value, e.g. medel.
    pub band: String,
    pub residual_value: Option<u8>,
    pub residual_band: Option<String>,
    /// What the classification gives for the threatened aspects and sets now.
    pub default_consequence: Option<u8>,
    /// "Behöver ses över": the classification changed since the consequence was taken from it.
    pub needs_review: Option<ReviewFlag>,
    pub threat_name: Option<String>,
    /// Roles that may accept the risk as it stands (empty: it must be treated).
    pub accept_roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskAnalysisView {
    pub object_id: String,
    pub object_name: String,
    pub profile: String,
    /// Absent until the analysis is started.
    pub analysis: Option<AnalysisHeader>,
    pub matrix: RiskMatrix,
    pub origins: Vec<ThreatOrigin>,
    pub threats: Vec<Threat>,
    /// Threat keys marked in scope for this analysis.
    pub in_scope: Vec<String>,
    pub sets: Vec<SetRef>,
    /// Highest value first.
    pub risks: Vec<RiskView>,
    /// Risk ids per cell: `inherent[p - 1][c - 1]`.
    pub inherent: Vec<Vec<Vec<String>>>,
    /// The same after treatment (risks without residual figures keep their inherent cell).
    pub residual: Vec<Vec<Vec<String>>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AnalysisInput {
    pub purpose: String,
    pub scope: String,
    pub analysis_date: Option<String>,
    pub participants: Vec<String>,
    pub risk_owner: String,
    pub in_scope: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RiskInput {
    /// An empty id creates a new risk. Its acceptance is ignored: use accept_risk.
    pub risk: Risk,
    /// Measures to add to the action plan and link to the risk (for reducera).
    pub new_actions: Vec<String>,
}

/// The organisation's threat catalogue as the coordinator edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ThreatList {
    pub origins: Vec<ThreatOrigin>,
    pub threats: Vec<ThreatEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ThreatEntry {
    pub threat: Threat,
    /// How many risks (in all analyses) were made from this threat.
    pub used_in: u32,
}

/// A threat to add (no key: the next free HOT-number is given) or to change (its key).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ThreatInput {
    pub key: Option<String>,
    pub origin: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_sv: String,
    pub cause_sv: String,
    pub consequence_sv: String,
    /// English texts; kept as they are when a form does not show them.
    pub description_en: String,
    pub cause_en: String,
    pub consequence_en: String,
    pub aspects: Vec<infoklass_core::Aspect>,
}
