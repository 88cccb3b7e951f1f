//! One risk: cause → event → consequence, scored P × C, with the consequence defaulted from
//! the classification, a treatment and an acceptance decision.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::matrix::RiskMatrix;
use crate::aspect::{Aspect, Levels};
use crate::classification::InformationSet;
use crate::codes::RiskIssueCode;
use crate::requirements::Priority;

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
    /// The role's name when it was accepted, as the organisation called it (e.g.
    /// Regiondirektör for top management); empty in acceptances made before it was recorded.
    #[serde(default)]
    pub role_title: String,
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
pub fn risk_issues(r: &Risk, matrix: &RiskMatrix, default: Option<u8>) -> Vec<RiskIssueCode> {
    let mut out = Vec::new();
    if r.event.trim().is_empty() {
        out.push(RiskIssueCode::RiskEventMissing);
    }
    if r.aspects.is_empty() {
        out.push(RiskIssueCode::RiskAspectMissing);
    }
    if !(1..=matrix.max_probability()).contains(&r.probability) {
        out.push(RiskIssueCode::ProbabilityOutOfMatrix);
    }
    if !(1..=matrix.max_consequence()).contains(&r.consequence) {
        out.push(RiskIssueCode::ConsequenceOutOfMatrix);
    }
    if default.is_some_and(|d| d != r.consequence) && r.consequence_motivation.trim().is_empty() {
        out.push(RiskIssueCode::ConsequenceChangeNeedsMotivation);
    }
    if r.treatment.is_some() && r.treatment_motivation.trim().is_empty() {
        out.push(RiskIssueCode::TreatmentNeedsMotivation);
    }
    let residual_ok = |v: Option<u8>, max: u8| v.is_none_or(|v| (1..=max).contains(&v));
    if !residual_ok(r.residual_probability, matrix.max_probability())
        || !residual_ok(r.residual_consequence, matrix.max_consequence())
    {
        out.push(RiskIssueCode::ResidualOutOfMatrix);
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

/// The acceptance a changed risk keeps: an acceptance is made with accept_risk and lapses
/// when what was accepted changes (the value to accept or the treatment).
pub fn kept_acceptance(old: Option<&Risk>, new: &Risk) -> Option<Acceptance> {
    let old = old?;
    let same = old.value_to_accept() == new.value_to_accept() && old.treatment == new.treatment;
    old.acceptance.clone().filter(|_| same)
}

/// Where a risk's consequence comes from: "classification" when it is the one the
/// classification gives (so it is flagged for review when the classification changes),
/// otherwise "manual".
pub fn consequence_source(default: Option<u8>, consequence: u8) -> &'static str {
    if default == Some(consequence) {
        "classification"
    } else {
        "manual"
    }
}

/// Whether a stored consequence "from the classification" no longer matches the one the
/// classification now gives; returns the new default then.
pub fn consequence_to_review(source: &str, default: Option<u8>, consequence: u8) -> Option<u8> {
    default.filter(|&d| source == "classification" && d != consequence)
}

/// The key of the matrix band from which an action made from a risk starts at high priority.
pub const HIGH_BAND: &str = "hog";

/// The priority of an action made from a risk: high when the risk's value lies in the
/// matrix's "hog" band or in a band ordered above it, otherwise medium. A matrix without
/// that band gives medium.
pub fn risk_action_priority(matrix: &RiskMatrix, value: u8) -> Priority {
    let rank = |b: &super::matrix::Band| matrix.bands.iter().filter(|x| x.min < b.min).count();
    let high = matrix.bands.iter().find(|b| b.key == HIGH_BAND).map(rank);
    match (matrix.band(value).map(rank), high) {
        (Some(r), Some(h)) if r >= h => Priority::Hog,
        _ => Priority::Medel,
    }
}

/// The note on an action made from a risk: where it came from.
pub fn risk_action_note(event: &str) -> String {
    format!("Från risk: {}", event.trim())
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
        let mut r = Risk {
            event: "Nätfiske".into(),
            aspects: vec![Aspect::K],
            probability: 3,
            consequence: 4,
            ..Default::default()
        };
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
        assert!(!may_accept(&extreme, &m, "ledning"), "Extremt hög: not förvaltningsledning");
        assert!(may_accept(&extreme, &m, super::super::matrix::TOP_MANAGEMENT_ROLE), "only top management");
    }

    #[test]
    fn acceptance_lapses_when_value_or_treatment_changes() {
        let accepted =
            Acceptance { role: "ledning".into(), role_title: String::new(), name: "A".into(), at: "2026-01-01".into() };
        let old = Risk {
            probability: 2,
            consequence: 3,
            treatment: Some(Treatment::Acceptera),
            acceptance: Some(accepted.clone()),
            ..Default::default()
        };
        let same = Risk { cause: "other words".into(), acceptance: None, ..old.clone() };
        assert_eq!(kept_acceptance(Some(&old), &same), Some(accepted.clone()), "a new text keeps it");
        let swapped = Risk { probability: 3, consequence: 2, ..same.clone() };
        assert_eq!(kept_acceptance(Some(&old), &swapped), Some(accepted), "the same value keeps it");
        assert_eq!(kept_acceptance(Some(&old), &Risk { probability: 3, ..same.clone() }), None, "value changed");
        assert_eq!(kept_acceptance(Some(&old), &Risk { treatment: Some(Treatment::Reducera), ..same.clone() }), None);
        assert_eq!(
            kept_acceptance(
                Some(&old),
                &Risk { residual_probability: Some(1), residual_consequence: Some(1), ..same.clone() }
            ),
            None,
            "the residual value is what was accepted"
        );
        assert_eq!(kept_acceptance(None, &old), None, "a new risk has none");
    }

    #[test]
    fn consequence_from_the_classification_or_manual() {
        assert_eq!(consequence_source(Some(3), 3), "classification");
        assert_eq!(consequence_source(Some(3), 4), "manual");
        assert_eq!(consequence_source(None, 1), "manual");
        assert_eq!(consequence_to_review("classification", Some(4), 3), Some(4));
        assert_eq!(consequence_to_review("classification", Some(3), 3), None);
        assert_eq!(consequence_to_review("manual", Some(4), 3), None);
        assert_eq!(consequence_to_review("classification", None, 3), None);
    }

    #[test]
    fn risk_actions_are_high_from_the_high_band_of_the_matrix() {
        let m = RiskMatrix::default_matrix();
        let high = m.bands.iter().find(|b| b.key == HIGH_BAND).unwrap();
        let below = m.bands.iter().filter(|b| b.max < high.min).map(|b| b.max).max().unwrap();
        assert_eq!(risk_action_priority(&m, high.min), Priority::Hog, "the lower edge of Hög");
        assert_eq!(risk_action_priority(&m, below), Priority::Medel, "the upper edge of the band below");
        assert_eq!(risk_action_priority(&m, high.max), Priority::Hog);
        assert_eq!(risk_action_priority(&m, 16), Priority::Hog, "Extremt hög lies above Hög");
        assert_eq!(risk_action_priority(&m, 1), Priority::Medel);
        // The edge is the matrix's, not a number in the code.
        let moved = super::super::matrix::DEFAULT_MATRIX_TOML
            .replace("min = 3\nmax = 6", "min = 3\nmax = 4")
            .replace("min = 8\nmax = 12", "min = 6\nmax = 12");
        let moved = RiskMatrix::from_toml(&moved).unwrap();
        assert_eq!(risk_action_priority(&moved, 6), Priority::Hog);
        assert_eq!(risk_action_priority(&moved, 4), Priority::Medel);
        assert_eq!(risk_action_note("  Nätfiske "), "Från risk: Nätfiske");
    }
}
