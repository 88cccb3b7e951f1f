//! The risk matrix as versioned data: probability and consequence steps, bands of the
//! value P × C, and who may accept a risk in each band.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::consequence::Criterion;
use crate::Scale;

/// The role that may accept a risk in the top band; the organisation names who holds it
/// (e.g. Regiondirektör), see `with_top_role_title`.
pub const TOP_MANAGEMENT_ROLE: &str = "hogsta-ledning";

pub const DEFAULT_MATRIX_TOML: &str = include_str!("../../../../catalog/risk-matrix.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub value: u8,
    pub name_sv: String,
    pub name_en: String,
    #[serde(default)]
    pub frequency_sv: String,
    /// Consequence steps: the scale's criteria of the matching level (`with_criteria`).
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    pub min: u8,
    pub max: u8,
    /// Roles that may accept a risk in this band; empty = it must be treated.
    pub accept_roles: Vec<String>,
    pub treat_within_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RiskMatrix {
    pub id: String,
    pub version: String,
    pub probability: Vec<Step>,
    pub consequence: Vec<Step>,
    pub bands: Vec<Band>,
    pub roles: Vec<Role>,
}

impl RiskMatrix {
    pub fn from_toml(text: &str) -> Result<RiskMatrix, String> {
        let m: RiskMatrix = toml::from_str(text).map_err(|e| e.to_string())?;
        m.check()?;
        Ok(m)
    }

    /// The shipped matrix, its consequence steps described by the shipped scale's criteria.
    pub fn default_matrix() -> RiskMatrix {
        let m = RiskMatrix::from_toml(DEFAULT_MATRIX_TOML).expect("the shipped risk matrix is valid");
        m.with_criteria(&Scale::default_scale())
    }

    /// Describes consequence step c by the criteria of scale level c − 1, the same mapping
    /// as `default_consequence`, so one table of harm serves classification and risk.
    pub fn with_criteria(mut self, scale: &Scale) -> RiskMatrix {
        for step in &mut self.consequence {
            let level = step.value.saturating_sub(1);
            if let Some(l) = scale.levels.iter().find(|l| l.level == level) {
                step.criteria = l.criteria.clone();
            }
        }
        self
    }

    /// Names the top-management role as the organisation calls it; an empty title keeps the
    /// matrix's own name.
    pub fn with_top_role_title(mut self, title: &str) -> RiskMatrix {
        let title = title.trim();
        if let Some(r) = self.roles.iter_mut().find(|r| r.key == TOP_MANAGEMENT_ROLE).filter(|_| !title.is_empty()) {
            r.name_sv = title.to_string();
            r.name_en = title.to_string();
        }
        self
    }

    pub fn role(&self, key: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.key == key)
    }

    pub fn max_probability(&self) -> u8 {
        self.probability.len() as u8
    }

    pub fn max_consequence(&self) -> u8 {
        self.consequence.len() as u8
    }

    pub fn in_matrix(&self, p: u8, c: u8) -> bool {
        (1..=self.max_probability()).contains(&p) && (1..=self.max_consequence()).contains(&c)
    }

    /// The band of a value P × C.
    pub fn band(&self, value: u8) -> Option<&Band> {
        self.bands.iter().find(|b| (b.min..=b.max).contains(&value))
    }

    /// Every value the matrix can produce lies in exactly one band; steps are numbered 1, 2, …
    fn check(&self) -> Result<(), String> {
        for (name, steps) in [("probability", &self.probability), ("consequence", &self.consequence)] {
            if steps.is_empty() || steps.iter().enumerate().any(|(i, s)| s.value as usize != i + 1) {
                return Err(format!("{name} steps must be numbered 1, 2, 3 … in order"));
            }
        }
        for p in 1..=self.max_probability() {
            for c in 1..=self.max_consequence() {
                let v = p * c;
                let n = self.bands.iter().filter(|b| (b.min..=b.max).contains(&v)).count();
                if n != 1 {
                    return Err(format!("the value {v} lies in {n} bands; it must lie in exactly one"));
                }
            }
        }
        for b in &self.bands {
            if let Some(r) = b.accept_roles.iter().find(|r| !self.roles.iter().any(|x| &x.key == *r)) {
                return Err(format!("band {} names the unknown role {r}", b.key));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_matrix_bands() {
        let m = RiskMatrix::default_matrix();
        let key = |v| m.band(v).unwrap().key.as_str();
        assert_eq!(
            (key(1), key(2), key(3), key(6), key(8), key(12), key(16)),
            ("lag", "lag", "medel", "medel", "hog", "hog", "extremt-hog")
        );
        assert!(m.in_matrix(4, 4) && !m.in_matrix(0, 2) && !m.in_matrix(5, 1));
    }

    #[test]
    fn gaps_and_overlaps_are_refused() {
        let gap = DEFAULT_MATRIX_TOML.replace("min = 8\nmax = 12", "min = 9\nmax = 12");
        assert!(RiskMatrix::from_toml(&gap).unwrap_err().contains("value 8"));
        let unknown = DEFAULT_MATRIX_TOML.replace("accept_roles = [\"ledning\"]", "accept_roles = [\"vd\"]");
        assert!(RiskMatrix::from_toml(&unknown).unwrap_err().contains("vd"));
    }

    #[test]
    fn consequence_steps_reuse_the_scale_criteria() {
        let m = RiskMatrix::default_matrix();
        let s = Scale::default_scale();
        for step in &m.consequence {
            assert_eq!(step.criteria.len(), 6, "consequence {} is described", step.value);
            assert_eq!(step.criteria, s.levels[step.value as usize - 1].criteria, "consequence {}", step.value);
        }
        assert!(m.probability.iter().all(|p| p.criteria.is_empty()));
    }

    #[test]
    fn only_top_management_may_accept_the_top_band_and_the_organisation_names_it() {
        let m = RiskMatrix::default_matrix();
        assert_eq!(m.band(16).unwrap().accept_roles, vec![TOP_MANAGEMENT_ROLE.to_string()]);
        assert!(m
            .bands
            .iter()
            .filter(|b| b.max < 16)
            .all(|b| !b.accept_roles.iter().any(|r| r == TOP_MANAGEMENT_ROLE)));
        let named = m.clone().with_top_role_title(" Regiondirektör ");
        assert_eq!(named.role(TOP_MANAGEMENT_ROLE).unwrap().name_sv, "Regiondirektör");
        assert_eq!(m.clone().with_top_role_title("  "), m, "an empty title keeps the shipped name");
    }
}
