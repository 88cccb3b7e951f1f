//! The threat catalogue that prompts the risk identification, grouped by origin.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::Aspect;
use crate::codes::ErrorCode;
use crate::limits::{check_text, MAX_CELL_CHARS};

pub const DEFAULT_THREATS_TOML: &str = include_str!("../../../../catalog/threats.toml");

/// Guidance at the top of an exported catalogue, for the person who edits it.
const TOML_HEADER: &str = "\
# Infoklass hotkatalog. Redigera texterna, lägg till hot (en ny [[threats]] med en egen nyckel)
# eller ta bort hot; importera sedan filen i Infoklass. Hot som saknas i filen tas ur bruk men
# finns kvar för de risker som redan gjorts av dem. aspects: K, R, T och/eller S.
# origin är nyckeln för ett av ursprungen under [[origins]].
";

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
    /// English texts; empty when not translated (the UI then shows the Swedish one).
    #[serde(default)]
    pub description_en: String,
    pub cause_sv: String,
    #[serde(default)]
    pub cause_en: String,
    pub consequence_sv: String,
    #[serde(default)]
    pub consequence_en: String,
    pub aspects: Vec<Aspect>,
    /// Taken out of use: no longer offered for new risks, still names the risks made from it.
    #[serde(default)]
    pub retired: bool,
}

/// Why a threat cannot be stored, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatProblem {
    pub code: ErrorCode,
    pub message: String,
}

impl std::fmt::Display for ThreatProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Threat {
    /// A key is 1–20 letters A–Z, digits and hyphens, so it reads well in lists and workbooks.
    pub fn valid_key(key: &str) -> bool {
        (1..=20).contains(&key.len()) && key.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    }

    /// Checks what every stored threat must have: a valid key, a known origin, a Swedish name
    /// and at least one aspect (the aspects decide the default consequence).
    pub fn check(&self, origins: &[Origin]) -> Result<(), ThreatProblem> {
        let problem = |code, message: String| Err(ThreatProblem { code, message });
        if !Self::valid_key(&self.key) {
            return problem(
                ErrorCode::ThreatKeyInvalid,
                format!("the threat key \"{}\" is not 1–20 characters A–Z, 0–9 or -", self.key),
            );
        }
        if !origins.iter().any(|o| o.key == self.origin) {
            return problem(
                ErrorCode::ThreatOriginUnknown,
                format!("threat {} has the unknown origin \"{}\"", self.key, self.origin),
            );
        }
        if self.name_sv.trim().is_empty() {
            return problem(ErrorCode::ThreatNameMissing, format!("threat {} has no Swedish name", self.key));
        }
        if self.aspects.is_empty() {
            return problem(
                ErrorCode::ThreatAspectsMissing,
                format!("threat {} names no aspect (K, R, T or S)", self.key),
            );
        }
        let texts = [
            ("name_sv", &self.name_sv),
            ("name_en", &self.name_en),
            ("description_sv", &self.description_sv),
            ("cause_sv", &self.cause_sv),
            ("consequence_sv", &self.consequence_sv),
            ("description_en", &self.description_en),
            ("cause_en", &self.cause_en),
            ("consequence_en", &self.consequence_en),
        ];
        for (field, text) in texts {
            if let Err(e) = check_text(|| format!("threat {}: {field}", self.key), text, MAX_CELL_CHARS) {
                return problem(e.code(), e.to_string());
            }
        }
        Ok(())
    }
}

/// The key for a threat the organisation adds: the next free HOT-number.
pub fn next_threat_key<'a>(existing: impl IntoIterator<Item = &'a str>) -> String {
    let max = existing.into_iter().filter_map(|k| k.strip_prefix("HOT-")?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("HOT-{:02}", max + 1)
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
            t.check(&c.origins).map_err(|p| p.message)?;
        }
        Ok(c)
    }

    /// The catalogue in the same TOML form it is read from, for an organisation to edit.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("a threat catalogue is plain data");
        format!("{TOML_HEADER}\n{body}")
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
    use super::*;

    #[test]
    fn toml_round_trip_keeps_every_threat() {
        let mut c = ThreatCatalog::default_catalog();
        c.threats[3].retired = true;
        let again = ThreatCatalog::from_toml(&c.to_toml()).unwrap();
        assert_eq!(again, c);
    }

    #[test]
    fn a_threat_needs_key_origin_name_and_aspect() {
        let c = ThreatCatalog::default_catalog();
        let good = c.threats[0].clone();
        assert_eq!(good.check(&c.origins), Ok(()));
        let code = |t: Threat| t.check(&c.origins).unwrap_err().code;
        assert_eq!(code(Threat { key: "hot 1".into(), ..good.clone() }), "THREAT_KEY_INVALID");
        assert_eq!(code(Threat { key: String::new(), ..good.clone() }), "THREAT_KEY_INVALID");
        assert_eq!(code(Threat { origin: "rymden".into(), ..good.clone() }), "THREAT_ORIGIN_UNKNOWN");
        assert_eq!(code(Threat { name_sv: "  ".into(), ..good.clone() }), "THREAT_NAME_MISSING");
        assert_eq!(code(Threat { aspects: vec![], ..good.clone() }), "THREAT_ASPECTS_MISSING");
        assert_eq!(code(Threat { cause_sv: "x".repeat(40_000), ..good }), "TEXT_TOO_LONG");
    }

    #[test]
    fn unknown_keys_in_a_threat_file_are_refused_by_name() {
        let c = ThreatCatalog::default_catalog().to_toml();
        let top = format!("colour = \"x\"\n{c}");
        assert!(ThreatCatalog::from_toml(&top).unwrap_err().contains("`colour`"));
        let in_threat = c.replacen("[[threats]]\n", "[[threats]]\nfoo = 1\n", 1);
        assert!(ThreatCatalog::from_toml(&in_threat).unwrap_err().contains("`foo`"));
    }

    #[test]
    fn new_keys_follow_the_highest_number() {
        assert_eq!(next_threat_key(["HOT-01", "HOT-54", "EGEN-99", "HOT-x"]), "HOT-55");
        assert_eq!(next_threat_key([]), "HOT-01");
        assert_eq!(next_threat_key(["HOT-120"]), "HOT-121");
    }

    #[test]
    fn shipped_threats_cover_every_origin() {
        let c = ThreatCatalog::default_catalog();
        assert!(c.threats.len() >= 40, "{} threats", c.threats.len());
        for o in &c.origins {
            assert!(c.threats.iter().any(|t| t.origin == o.key), "no threat of origin {}", o.key);
        }
    }
}
