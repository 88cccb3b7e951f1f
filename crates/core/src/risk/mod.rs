//! Risk analysis linked to the classification: the versioned risk matrix, the threat
//! catalogue, scoring, the consequence defaulted from the classification, and the rules
//! for treatment and acceptance.

pub mod analysis;
pub mod matrix;
pub mod threats;

pub use analysis::{
    consequence_source, consequence_to_review, default_consequence, kept_acceptance, may_accept, risk_action_note,
    risk_action_priority, risk_issues, Acceptance, Risk, Treatment, HIGH_BAND,
};
pub use matrix::{Band, RiskMatrix};
pub use threats::{next_threat_key, Origin as ThreatOrigin, Threat, ThreatCatalog, ThreatProblem};
