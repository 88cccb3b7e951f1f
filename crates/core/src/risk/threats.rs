//! The threat catalogue that prompts the risk identification, grouped by origin.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::Aspect;

pub const DEFAULT_THREATS_TOML: &str = include_str!("../../../../catalog/threats.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(rename = "ThreatOrigin")]
pub struct Origin {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Threat {
    pub key: String,
    pub origin: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_sv: String,
    pub cause_sv: String,
    pub consequence_sv: String,
    pub aspects: Vec<Aspect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ThreatCatalog {
    pub id: String,
    pub version: String,
    pub origins: Vec<Origin>,
    pub threats: Vec<Threat>,
}

impl ThreatCatalog {
    pub fn from_toml(text: &str) -> Result<ThreatCatalog, String> {
        let c: ThreatCatalog = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut keys = std::collections::HashSet::new();
        for t in &c.threats {
            if !keys.insert(t.key.to_lowercase()) {
                return Err(format!("the threat key {} is used twice", t.key));
            }
            if !c.origins.iter().any(|o| o.key == t.origin) {
                return Err(format!("threat {} has the unknown origin {}", t.key, t.origin));
            }
            if t.aspects.is_empty() || t.name_sv.trim().is_empty() {
                return Err(format!("threat {} needs a name and at least one aspect", t.key));
            }
        }
        Ok(c)
    }

    pub fn default_catalog() -> ThreatCatalog {
        ThreatCatalog::from_toml(DEFAULT_THREATS_TOML).expect("the shipped threat catalogue is valid")
    }

    pub fn threat(&self, key: &str) -> Option<&Threat> {
        self.threats.iter().find(|t| t.key == key)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_threats_cover_every_origin() {
        let c = super::ThreatCatalog::default_catalog();
        assert!(c.threats.len() >= 40, "{} threats", c.threats.len());
        for o in &c.origins {
            assert!(c.threats.iter().any(|t| t.origin == o.key), "no threat of origin {}", o.key);
        }
    }
}
