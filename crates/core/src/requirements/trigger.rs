//! Trigger rules: when a requirement applies.
//!
//! Grammar: `baseline`, or terms `K>=2` / `lagrum:patientdatalagen` joined by ` and ` and
//! ` or ` (`and` binds tighter; no parentheses). Kept as text in the catalogue so a person
//! can read and edit it in a workbook.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, Levels};
use crate::lagrum::Lagrum;

/// One condition of a trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Term {
    Baseline,
    Level { aspect: Aspect, min: u8 },
    Lagrum { lagrum: Lagrum },
}

/// Alternatives (or) of conjunctions (and).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub any: Vec<Vec<Term>>,
}

impl Trigger {
    pub fn parse(text: &str) -> Result<Trigger, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the trigger is empty".into());
        }
        let any = split_words(text, "or")
            .into_iter()
            .map(|alt| split_words(alt, "and").into_iter().map(parse_term).collect::<Result<Vec<_>, _>>())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Trigger { any })
    }

    /// The terms of every alternative that holds; empty when the trigger does not apply.
    /// `lagrum` lists the ticked keys with their groups (`LagrumCatalog::expand`).
    pub fn matching_terms(&self, levels: &Levels, lagrum: &[Lagrum]) -> Vec<Term> {
        let holds = |t: &Term| match t {
            Term::Baseline => true,
            Term::Level { aspect, min } => levels.get(*aspect).is_some_and(|l| l >= *min),
            Term::Lagrum { lagrum: l } => lagrum.contains(l),
        };
        let mut out: Vec<Term> = Vec::new();
        for alt in self.any.iter().filter(|alt| alt.iter().all(holds)) {
            for t in alt {
                if !out.contains(t) {
                    out.push(t.clone());
                }
            }
        }
        out
    }

    /// The lagrum keys or groups the trigger names.
    pub fn lagrum_names(&self) -> impl Iterator<Item = &Lagrum> {
        self.any.iter().flatten().filter_map(|t| match t {
            Term::Lagrum { lagrum } => Some(lagrum),
            _ => None,
        })
    }

    pub fn is_baseline(&self) -> bool {
        self.any.iter().any(|alt| alt.iter().all(|t| *t == Term::Baseline))
    }
}

/// Splits on a whole word (` or `, ` and `), case-insensitively.
fn split_words<'a>(text: &'a str, word: &str) -> Vec<&'a str> {
    let lower = text.to_ascii_lowercase();
    let sep = format!(" {word} ");
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(pos) = lower[start..].find(&sep) {
        parts.push(&text[start..start + pos]);
        start += pos + sep.len();
    }
    parts.push(&text[start..]);
    parts
}

fn parse_term(term: &str) -> Result<Term, String> {
    let t = term.trim();
    let lower = t.to_ascii_lowercase();
    if lower == "baseline" || lower == "grundskydd" {
        return Ok(Term::Baseline);
    }
    if let Some(key) = lower.strip_prefix("lagrum:") {
        // Whether the key is in the organisation's lagrum catalogue is checked on import
        // (`Catalog::unknown_lagrum`); here only its form.
        if !Lagrum::valid_key(key.trim()) {
            return Err(format!("\"{}\" is not a lagrum key (a–z, 0–9, _) in \"{t}\"", key.trim()));
        }
        return Ok(Term::Lagrum { lagrum: Lagrum::new(key.trim()) });
    }
    let (aspect, level) = t.split_once(">=").ok_or_else(|| format!("\"{t}\" is not baseline, K>=n or lagrum:KEY"))?;
    let aspect = match aspect.trim().to_ascii_uppercase().as_str() {
        "K" => Aspect::K,
        "R" => Aspect::R,
        "T" => Aspect::T,
        "S" => Aspect::S,
        other => return Err(format!("unknown aspect \"{other}\" in \"{t}\"")),
    };
    let min: u8 = level.trim().parse().map_err(|_| format!("\"{}\" is not a level in \"{t}\"", level.trim()))?;
    if min == 0 || min > 3 {
        return Err(format!("level {min} in \"{t}\": use 1–3 (level 0 is baseline; level 4 generates nothing)"));
    }
    Ok(Term::Level { aspect, min })
}

impl Term {
    /// How a person reads the reason: "grundskydd", "T ≥ 2", "lagrum patientdatalagen".
    pub fn label_sv(&self) -> String {
        match self {
            Term::Baseline => "grundskydd".into(),
            Term::Level { aspect, min } => format!("{} ≥ {min}", aspect.code()),
            Term::Lagrum { lagrum } => format!("lagrum {lagrum}"),
        }
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Term::Baseline => write!(f, "baseline"),
            Term::Level { aspect, min } => write!(f, "{}>={min}", aspect.code()),
            Term::Lagrum { lagrum } => write!(f, "lagrum:{}", lagrum.as_str()),
        }
    }
}

impl std::fmt::Display for Trigger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let alts: Vec<String> =
            self.any.iter().map(|alt| alt.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" and ")).collect();
        write!(f, "{}", alts.join(" or "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;

    fn levels(k: u8, r: u8, t: u8, s: u8) -> Levels {
        PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) }
    }

    #[test]
    fn parses_and_prints_combinations() {
        let t = Trigger::parse("K>=3 or S>=2 AND lagrum:patientdatalagen").unwrap();
        assert_eq!(t.any.len(), 2);
        assert_eq!(t.to_string(), "K>=3 or S>=2 and lagrum:patientdatalagen");
        assert!(Trigger::parse("baseline").unwrap().is_baseline());
    }

    #[test]
    fn refuses_bad_triggers_with_a_reason() {
        for bad in ["", "X>=2", "K>=4", "K>=0", "K>2", "lagrum:okänd", "lagrum:", "K>=two"] {
            assert!(Trigger::parse(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn matches_levels_and_lagrum() {
        let t = Trigger::parse("T>=2 or R>=3").unwrap();
        assert_eq!(t.matching_terms(&levels(0, 1, 2, 0), &[]), vec![Term::Level { aspect: Aspect::T, min: 2 }]);
        assert!(t.matching_terms(&levels(3, 2, 1, 3), &[]).is_empty());
        let both = Trigger::parse("S>=2 and lagrum:patientdatalagen").unwrap();
        assert!(both.matching_terms(&levels(0, 0, 0, 2), &[]).is_empty(), "and needs both");
        assert_eq!(both.matching_terms(&levels(0, 0, 0, 2), &[Lagrum::new("patientdatalagen")]).len(), 2);
        let unassessed: Levels = PerAspect::default();
        assert!(Trigger::parse("K>=1").unwrap().matching_terms(&unassessed, &[]).is_empty());
    }
}
