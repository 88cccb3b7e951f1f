//! The risk matrix as versioned data: probability and consequence steps, bands of the
//! value P × C, and who may accept a risk in each band.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DEFAULT_MATRIX_TOML: &str = include_str!("../../../../catalog/risk-matrix.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub value: u8,
    pub name_sv: String,
    pub name_en: String,
    #[serde(default)]
    pub frequency_sv: String,
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

    pub fn default_matrix() -> RiskMatrix {
        RiskMatrix::from_toml(DEFAULT_MATRIX_TOML).expect("the shipped risk matrix is valid")
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
}
