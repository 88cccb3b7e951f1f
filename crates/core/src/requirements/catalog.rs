//! The requirement catalogue as versioned data, validated row by row.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::answered_by::{self, AnsweredBy};
use super::trigger::Trigger;
use crate::aspect::Aspect;

/// The catalogue shipped with the app.
pub const DEFAULT_CATALOG_TOML: &str = include_str!("../../../../catalog/requirements.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Obligation {
    /// Mandatory in a tender.
    Ska,
    /// Desirable; evaluated.
    Bor,
}

impl Obligation {
    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Ska => "ska",
            Obligation::Bor => "bor",
        }
    }

    pub fn parse(s: &str) -> Option<Obligation> {
        match s.trim().to_lowercase().as_str() {
            "ska" => Some(Obligation::Ska),
            "bor" | "bör" => Some(Obligation::Bor),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable across catalogue versions; self-assessments are kept by it.
    pub key: String,
    pub area: String,
    /// Who normally answers it (`verksamhet`, `it`, `leverantor`); text, like the trigger, so a
    /// workbook can carry it. Empty is filled in by `compile` (`answered_by::default_for`).
    #[serde(default)]
    pub answered_by: String,
    /// The aspects it protects.
    pub aspects: Vec<Aspect>,
    /// When it applies, e.g. `baseline`, `T>=2`, `S>=2 and lagrum:patientdatalagen`.
    pub trigger: String,
    pub title_sv: String,
    pub title_en: String,
    /// ÄR-krav: the state the own organisation maintains.
    pub ar_sv: String,
    /// SKA-krav: what a supplier must do.
    pub ska_sv: String,
    pub obligation: Obligation,
    #[serde(default)]
    pub guidance_sv: String,
    /// English wordings; empty when not translated (the UI then shows the Swedish one).
    #[serde(default)]
    pub ar_en: String,
    #[serde(default)]
    pub ska_en: String,
    #[serde(default)]
    pub guidance_en: String,
    /// ISO/IEC 27002:2022 control numbers.
    #[serde(default)]
    pub iso27002: Vec<String>,
    #[serde(default)]
    pub nis2: Option<String>,
    /// The Swedish law behind it, e.g. "GDPR art. 28", "HSLF-FS 2016:40 4 kap. 9 §".
    #[serde(default)]
    pub lagrum_ref: Option<String>,
    /// Lower steps of a staircase this requirement includes: when it applies, they are
    /// shown as included in it, not asked again and not repeated in tender lists.
    #[serde(default)]
    pub supersedes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub id: String,
    pub version: String,
    pub name_sv: String,
    pub name_en: String,
    pub areas: Vec<Area>,
    pub requirements: Vec<Requirement>,
    /// Parsed triggers, one per requirement, in the same order.
    #[serde(skip)]
    #[ts(skip)]
    pub triggers: Vec<Trigger>,
}

/// One problem in a catalogue; `row` is the 1-based position in the requirement (or area)
/// list, which a workbook import translates into its own row numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CatalogError {
    /// A stable code the UI translates (`CATALOG_LAGRUM_UNKNOWN`, `CATALOG_ISO_OUTSIDE_2022`,
    /// `UNKNOWN_ANSWERED_BY`, …); empty for the older checks.
    #[serde(default)]
    pub code: String,
    pub row: Option<u32>,
    pub key: String,
    pub field: String,
    pub message: String,
}

pub(super) fn error(row: Option<u32>, key: &str, field: &str, message: impl Into<String>) -> CatalogError {
    CatalogError { code: String::new(), row, key: key.to_string(), field: field.to_string(), message: message.into() }
}

/// ISO/IEC 27002:2022 numbers its controls 5.1–5.37, 6.1–6.8, 7.1–7.14 and 8.1–8.34.
pub fn iso27002_2022_valid(control: &str) -> bool {
    let Some((theme, n)) = control.trim().split_once('.') else { return false };
    let last = match theme {
        "5" => 37,
        "6" => 8,
        "7" => 14,
        "8" => 34,
        _ => return false,
    };
    n.parse::<u32>().is_ok_and(|n| (1..=last).contains(&n)) && !n.starts_with('0')
}

impl Catalog {
    pub fn from_toml(text: &str) -> Result<Catalog, Vec<CatalogError>> {
        let c: Catalog = toml::from_str(text).map_err(|e| vec![error(None, "", "", e.to_string())])?;
        c.compile()
    }

    pub fn from_json(text: &str) -> Result<Catalog, Vec<CatalogError>> {
        let c: Catalog = serde_json::from_str(text).map_err(|e| vec![error(None, "", "", e.to_string())])?;
        c.compile()
    }

    pub fn default_catalog() -> Catalog {
        Catalog::from_toml(DEFAULT_CATALOG_TOML).expect("the shipped catalogue is valid")
    }

    /// Validates every row and parses the triggers; all problems are reported, not the first.
    pub fn compile(mut self) -> Result<Catalog, Vec<CatalogError>> {
        let mut errors = Vec::new();
        if self.id.trim().is_empty() {
            errors.push(error(None, "", "id", "the catalogue needs an id"));
        }
        if self.version.trim().is_empty() {
            errors.push(error(None, "", "version", "the catalogue needs a version"));
        }
        let mut area_keys = HashSet::new();
        for (i, a) in self.areas.iter().enumerate() {
            let row = Some(i as u32 + 1);
            if a.key.trim().is_empty() || a.name_sv.trim().is_empty() {
                errors.push(error(row, &a.key, "area", "an area needs a key and a Swedish name"));
            } else if !area_keys.insert(a.key.trim().to_lowercase()) {
                errors.push(error(row, &a.key, "area", format!("the area key \"{}\" is used twice", a.key)));
            }
        }
        let mut keys = HashSet::new();
        let mut triggers = Vec::with_capacity(self.requirements.len());
        for (i, r) in self.requirements.iter_mut().enumerate() {
            let row = Some(i as u32 + 1);
            match AnsweredBy::parse(&r.answered_by) {
                Some(a) => r.answered_by = a.as_str().to_string(),
                None if r.answered_by.trim().is_empty() => {
                    r.answered_by = answered_by::default_for(&r.key).as_str().to_string()
                }
                None => errors.push(CatalogError {
                    code: answered_by::UNKNOWN_ANSWERED_BY.to_string(),
                    ..error(
                        row,
                        &r.key,
                        "answered_by",
                        format!("\"{}\" is not who answers (verksamhet, it, leverantor)", r.answered_by),
                    )
                }),
            }
            if r.key.trim().is_empty() {
                errors.push(error(row, "", "key", "the requirement has no key"));
            } else if !keys.insert(r.key.trim().to_lowercase()) {
                errors.push(error(row, &r.key, "key", format!("the key \"{}\" is used twice", r.key)));
            }
            if !area_keys.contains(&r.area.trim().to_lowercase()) {
                errors.push(error(row, &r.key, "area", format!("unknown area \"{}\"", r.area)));
            }
            for (field, text) in [("title_sv", &r.title_sv), ("ar_sv", &r.ar_sv), ("ska_sv", &r.ska_sv)] {
                if text.trim().is_empty() {
                    errors.push(error(row, &r.key, field, "the wording is missing"));
                }
            }
            // Every text goes into a workbook cell again (catalogue, object and procurement exports).
            let texts = [
                ("title_sv", &r.title_sv),
                ("title_en", &r.title_en),
                ("ar_sv", &r.ar_sv),
                ("ska_sv", &r.ska_sv),
                ("guidance_sv", &r.guidance_sv),
                ("ar_en", &r.ar_en),
                ("ska_en", &r.ska_en),
                ("guidance_en", &r.guidance_en),
            ];
            for (field, text) in texts {
                if let Err(e) = crate::limits::check_text(|| field.to_string(), text, crate::limits::MAX_CELL_CHARS) {
                    errors.push(error(row, &r.key, field, e.to_string()));
                }
            }
            match Trigger::parse(&r.trigger) {
                Ok(t) => triggers.push(t),
                Err(e) => errors.push(error(row, &r.key, "trigger", e)),
            }
        }
        errors.extend(super::supersede::check(&self.requirements));
        if !errors.is_empty() {
            return Err(errors);
        }
        self.triggers = triggers;
        Ok(self)
    }

    /// Triggers naming a lagrum key or group that `known` (from the lagrum catalogue) lacks:
    /// an error of the requirement's row, since the requirement could never apply.
    pub fn unknown_lagrum(&self, known: &std::collections::BTreeSet<String>) -> Vec<CatalogError> {
        let mut out = Vec::new();
        for (i, (r, t)) in self.requirements.iter().zip(&self.triggers).enumerate() {
            for l in t.lagrum_names().filter(|l| !known.contains(l.as_str())) {
                let mut e = error(
                    Some(i as u32 + 1),
                    &r.key,
                    "trigger",
                    format!("unknown lagrum \"{l}\" in \"{}\"", r.trigger),
                );
                e.code = "CATALOG_LAGRUM_UNKNOWN".into();
                out.push(e);
            }
        }
        out
    }

    /// ISO/IEC 27002 numbers outside the 2022 edition (e.g. "A.12.3.1" of 2013, or "8.35"):
    /// a warning, not an error, since the catalogue still works.
    pub fn iso_warnings(&self) -> Vec<CatalogError> {
        let mut out = Vec::new();
        for (i, r) in self.requirements.iter().enumerate() {
            for c in r.iso27002.iter().filter(|c| !iso27002_2022_valid(c)) {
                let mut e = error(
                    Some(i as u32 + 1),
                    &r.key,
                    "iso27002",
                    format!("\"{c}\" is not an ISO/IEC 27002:2022 control (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34)"),
                );
                e.code = "CATALOG_ISO_OUTSIDE_2022".into();
                out.push(e);
            }
        }
        out
    }

    pub fn area(&self, key: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.key == key)
    }

    pub fn requirement(&self, key: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.key == key)
    }
}

impl Requirement {
    /// Who answers it; a compiled catalogue always holds a known value.
    pub fn who_answers(&self) -> AnsweredBy {
        AnsweredBy::parse(&self.answered_by).unwrap_or_else(|| answered_by::default_for(&self.key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
        id = "test"
        version = "1"
        name_sv = "Test"
        name_en = "Test"
        [[areas]]
        key = "backup"
        name_sv = "Säkerhetskopiering"
        name_en = "Backup"
        [[requirements]]
        key = "SK-01"
        area = "backup"
        aspects = ["R", "T"]
        trigger = "R>=1 or T>=1"
        title_sv = "Veckovis kopia"
        title_en = "Weekly backup"
        ar_sv = "Informationen kopieras varje vecka."
        ska_sv = "Leverantören ska kopiera informationen varje vecka."
        obligation = "ska"
    "#;

    #[test]
    fn the_shipped_catalogue_is_valid_and_large_enough() {
        let c = Catalog::default_catalog();
        assert!(c.requirements.len() >= 80, "{} requirements", c.requirements.len());
        assert!(c.areas.len() >= 12);
        assert_eq!(c.triggers.len(), c.requirements.len());
        assert!(c.requirements.iter().all(|r| !r.iso27002.is_empty()), "every requirement cites ISO/IEC 27002");
    }

    #[test]
    fn the_shipped_catalogue_names_only_shipped_lagrum_and_2022_controls() {
        let c = Catalog::default_catalog();
        let known = crate::lagrum::LagrumCatalog::default_catalog().trigger_names();
        assert_eq!(c.unknown_lagrum(&known), vec![]);
        assert_eq!(c.iso_warnings(), vec![]);
    }

    #[test]
    fn an_unknown_lagrum_is_an_error_of_its_row_with_a_code() {
        let c = Catalog::from_toml(&SMALL.replace("R>=1 or T>=1", "R>=1 or lagrum:kameraovervakning")).unwrap();
        let known = crate::lagrum::LagrumCatalog::default_catalog().trigger_names();
        let errors = c.unknown_lagrum(&known);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].code.as_str(), errors[0].row, errors[0].field.as_str()),
            ("CATALOG_LAGRUM_UNKNOWN", Some(1), "trigger")
        );
        let group = Catalog::from_toml(&SMALL.replace("R>=1 or T>=1", "lagrum:osl_sekretess")).unwrap();
        assert_eq!(group.unknown_lagrum(&known), vec![], "a group counts as known");
    }

    #[test]
    fn iso_numbers_outside_the_2022_ranges_are_warnings() {
        for ok in ["5.1", "5.37", "6.8", "7.14", "8.34"] {
            assert!(iso27002_2022_valid(ok), "{ok}");
        }
        for bad in ["5.38", "6.9", "7.15", "8.35", "A.12.3.1", "9.1", "5.0", "5.01", "8", ""] {
            assert!(!iso27002_2022_valid(bad), "{bad}");
        }
        let c = Catalog::from_toml(&SMALL.replace(
            "obligation = \"ska\"",
            "obligation = \"ska\"\n        iso27002 = [\"8.13\", \"A.12.3.1\", \"8.35\"]",
        ))
        .unwrap();
        let w = c.iso_warnings();
        assert_eq!(
            w.iter().map(|e| e.message.split('"').nth(1).unwrap()).collect::<Vec<_>>(),
            vec!["A.12.3.1", "8.35"]
        );
        assert!(w.iter().all(|e| e.code == "CATALOG_ISO_OUTSIDE_2022" && e.row == Some(1)));
    }

    #[test]
    fn a_small_catalogue_compiles() {
        let c = Catalog::from_toml(SMALL).unwrap();
        assert_eq!(c.requirements[0].obligation, Obligation::Ska);
        assert_eq!(c.triggers[0].any.len(), 2);
    }

    #[test]
    fn every_problem_is_reported_with_its_row() {
        let broken = SMALL
            .replace("trigger = \"R>=1 or T>=1\"", "trigger = \"R>=9\"")
            .replace("ar_sv = \"Informationen kopieras varje vecka.\"", "ar_sv = \"\"")
            + r#"
        [[requirements]]
        key = "sk-01"
        area = "okänt"
        aspects = []
        trigger = "baseline"
        title_sv = "x"
        title_en = "x"
        ar_sv = "x"
        ska_sv = "x"
        obligation = "bor"
        "#;
        let errors = Catalog::from_toml(&broken).unwrap_err();
        let found: Vec<(Option<u32>, &str)> = errors.iter().map(|e| (e.row, e.field.as_str())).collect();
        assert_eq!(found, vec![(Some(1), "ar_sv"), (Some(1), "trigger"), (Some(2), "key"), (Some(2), "area")]);
    }

    #[test]
    fn who_answers_is_checked_per_row_and_filled_in_when_missing() {
        let c = Catalog::from_toml(SMALL).unwrap();
        assert_eq!(c.requirements[0].answered_by, "verksamhet", "no value and a key the shipped catalogue lacks");
        let it =
            Catalog::from_toml(&SMALL.replace("area = \"backup\"", "area = \"backup\"\nanswered_by = \"IT\"")).unwrap();
        assert_eq!(it.requirements[0].who_answers(), AnsweredBy::It);
        let bad = SMALL.replace("area = \"backup\"", "area = \"backup\"\nanswered_by = \"chefen\"");
        let errors = Catalog::from_toml(&bad).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].row, errors[0].field.as_str()), (Some(1), "answered_by"));
        assert_eq!(errors[0].code, "UNKNOWN_ANSWERED_BY");
    }

    #[test]
    fn the_shipped_catalogue_names_who_answers_every_requirement() {
        let text = DEFAULT_CATALOG_TOML;
        assert_eq!(text.matches("\nanswered_by = ").count(), text.matches("[[requirements]]").count());
        let c = Catalog::default_catalog();
        let count = |a: AnsweredBy| c.requirements.iter().filter(|r| r.who_answers() == a).count();
        assert!(AnsweredBy::ALL.iter().all(|a| count(*a) > 0));
    }

    #[test]
    fn a_text_no_workbook_cell_holds_is_an_error_of_its_row() {
        let long = SMALL.replace(
            "ska_sv = \"Leverantören ska kopiera informationen varje vecka.\"",
            &format!("ska_sv = \"{}\"", "x".repeat(32_768)),
        );
        let errors = Catalog::from_toml(&long).unwrap_err();
        assert_eq!((errors[0].row, errors[0].field.as_str()), (Some(1), "ska_sv"));
        assert!(errors[0].message.contains("32768 characters; at most 32767"), "{}", errors[0].message);
    }
}
