//! One risk: cause → event → consequence, scored P × C, with the consequence defaulted from
//! the classification, a treatment and an acceptance decision.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::matrix::RiskMatrix;
use crate::aspect::{Aspect, Levels};
use crate::classification::InformationSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Treatment {
    Acceptera,
    Reducera,
    Undvika,
    Overfora,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Acceptance {
    /// A role key of the matrix, e.g. riskagare.
    pub role: String,
    pub name: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    /// The catalogue threat it came from, if any.
    pub threat_key: Option<String>,
    /// Orsak: because of …
    pub cause: String,
    /// Händelse: … this can happen …
    pub event: String,
    /// Konsekvens: … which leads to.
    pub consequence_text: String,
    pub aspects: Vec<Aspect>,
    /// Threatened information sets (ids); none = the whole object.
    pub set_ids: Vec<String>,
    pub existing_controls: String,
    pub probability: u8,
    pub consequence: u8,
    /// Required when the consequence differs from the one the classification gives.
    pub consequence_motivation: String,
    pub treatment: Option<Treatment>,
    pub treatment_motivation: String,
    /// Catalogue requirements that reduce the risk.
    pub requirement_keys: Vec<String>,
    /// Action-plan rows that reduce the risk.
    pub action_ids: Vec<String>,
    pub residual_probability: Option<u8>,
    pub residual_consequence: Option<u8>,
    pub acceptance: Option<Acceptance>,
}

/// The consequence the classification implies: level 0–3 of a threatened aspect maps to
/// consequence 1–4 (level 4 stays 4), the highest over the aspects and, when sets are named,
/// over those sets; otherwise over the object's profile. None when nothing is classified.
pub fn default_consequence(
    aspects: &[Aspect],
    set_ids: &[String],
    sets: &[InformationSet],
    object_levels: &Levels,
    max_consequence: u8,
) -> Option<u8> {
    let named: Vec<&InformationSet> = sets.iter().filter(|s| set_ids.contains(&s.id)).collect();
    let level = aspects
        .iter()
        .filter_map(|&a| {
            if named.is_empty() {
                *object_levels.get(a)
            } else {
                named.iter().filter_map(|s| *s.levels.get(a)).max()
            }
        })
        .max()?;
    Some((level + 1).min(max_consequence))
}

/// Why a risk cannot be saved as it is; codes the UI translates.
pub fn risk_issues(r: &Risk, matrix: &RiskMatrix, default: Option<u8>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if r.event.trim().is_empty() {
        out.push("RISK_EVENT_MISSING");
    }
    if r.aspects.is_empty() {
        out.push("RISK_ASPECT_MISSING");
    }
    if !(1..=matrix.max_probability()).contains(&r.probability) {
        out.push("PROBABILITY_OUT_OF_MATRIX");
    }
    if !(1..=matrix.max_consequence()).contains(&r.consequence) {
        out.push("CONSEQUENCE_OUT_OF_MATRIX");
    }
    if default.is_some_and(|d| d != r.consequence) && r.consequence_motivation.trim().is_empty() {
        out.push("CONSEQUENCE_CHANGE_NEEDS_MOTIVATION");
    }
    if r.treatment.is_some() && r.treatment_motivation.trim().is_empty() {
        out.push("TREATMENT_NEEDS_MOTIVATION");
    }
    let residual_ok = |v: Option<u8>, max: u8| v.is_none_or(|v| (1..=max).contains(&v));
    if !residual_ok(r.residual_probability, matrix.max_probability())
        || !residual_ok(r.residual_consequence, matrix.max_consequence())
    {
        out.push("RESIDUAL_OUT_OF_MATRIX");
    }
    out
}

impl Risk {
    pub fn value(&self) -> u8 {
        self.probability * self.consequence
    }

    /// The remaining value after treatment, when both residual figures are given.
    pub fn residual_value(&self) -> Option<u8> {
        Some(self.residual_probability? * self.residual_consequence?)
    }

    /// What an acceptance decides on: the residual risk if assessed, else the risk itself.
    pub fn value_to_accept(&self) -> u8 {
        self.residual_value().unwrap_or(self.value())
    }
}

/// May `role` accept this risk under `matrix`?
pub fn may_accept(r: &Risk, matrix: &RiskMatrix, role: &str) -> bool {
    matrix.band(r.value_to_accept()).is_some_and(|b| b.accept_roles.iter().any(|x| x == role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;

    fn levels(k: u8, r: u8, t: u8, s: u8) -> Levels {
        PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) }
    }

    #[test]
    fn consequence_defaults_from_the_highest_threatened_aspect() {
        let object = levels(3, 2, 2, 0);
        assert_eq!(default_consequence(&[Aspect::T], &[], &[], &object, 4), Some(3));
        assert_eq!(default_consequence(&[Aspect::K, Aspect::T], &[], &[], &object, 4), Some(4));
        assert_eq!(default_consequence(&[Aspect::S], &[], &[], &object, 4), Some(1));
        assert_eq!(default_consequence(&[Aspect::K], &[], &[], &levels(4, 0, 0, 0), 4), Some(4), "capped");
        assert_eq!(default_consequence(&[Aspect::K], &[], &[], &PerAspect::default(), 4), None);
        let sets = vec![
            InformationSet { id: "a".into(), levels: levels(1, 1, 1, 1), ..Default::default() },
            InformationSet { id: "b".into(), levels: levels(3, 1, 1, 1), ..Default::default() },
        ];
        assert_eq!(default_consequence(&[Aspect::K], &["a".into()], &sets, &object, 4), Some(2), "only the named set");
    }

    #[test]
    fn scoring_issues_and_acceptance() {
        let m = RiskMatrix::default_matrix();
        let mut r = Risk { event: "Nätfiske".into(), aspects: vec![Aspect::K], probability: 3, consequence: 4, ..Default::default() };
        assert_eq!(r.value(), 12);
        assert!(risk_issues(&r, &m, Some(4)).is_empty());
        assert_eq!(risk_issues(&r, &m, Some(3)), vec!["CONSEQUENCE_CHANGE_NEEDS_MOTIVATION"]);
        r.probability = 5;
        r.treatment = Some(Treatment::Reducera);
        assert_eq!(risk_issues(&r, &m, Some(4)), vec!["PROBABILITY_OUT_OF_MATRIX", "TREATMENT_NEEDS_MOTIVATION"]);
        r.probability = 1;
        r.consequence = 2;
        assert!(may_accept(&r, &m, "riskagare"), "Låg: the risk owner may accept");
        r.probability = 3;
        assert!(!may_accept(&r, &m, "riskagare") && may_accept(&r, &m, "informationsagare"), "Medel");
        r.residual_probability = Some(1);
        r.residual_consequence = Some(1);
        assert!(may_accept(&r, &m, "riskagare"), "the residual risk decides");
        let extreme = Risk { probability: 4, consequence: 4, ..Default::default() };
        assert!(!may_accept(&extreme, &m, "ledning"), "Extremt hög must be treated");
    }
}
