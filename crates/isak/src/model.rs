//! What one legacy ISAK workbook holds, as read (nothing written anywhere yet).

use std::collections::BTreeMap;

use infoklass_core::{Aspect, Levels, PerAspect};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::diagnostics::{Diagnostic, Severity};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParsedWorkbook {
    pub file_name: String,
    /// SHA-256 of the file's bytes, lower-case hex: the same file imported twice is recognised.
    pub sha256: String,
    /// `xlsx` (also xlsm), `xls`, `ods` or `xlsb`: the container actually found, whatever the file is called.
    pub format: String,
    pub object: ObjectFacts,
    /// The name of the sheet the object's facts and information sets were read from.
    #[serde(default)]
    pub classification_sheet: String,
    pub sets: Vec<SetRow>,
    pub risks: Vec<RiskRow>,
    pub legacy_requirements: Vec<LegacyRequirement>,
    /// Every value the importer did not use and does not know to be a legend or title.
    pub unrecognised: Vec<Leftover>,
    pub diagnostics: Vec<Diagnostic>,
    /// Level words not recognised (lower case), for the user to map in an `ImportProfile`.
    pub unknown_words: Vec<String>,
}

impl ParsedWorkbook {
    /// The object's levels: the most serious level per aspect over its sets (app scale 0–4;
    /// S is not part of ISAK and stays unassessed unless the workbook has an S column).
    pub fn profile(&self) -> Levels {
        let max = |f: fn(&SetRow) -> Option<u8>| self.sets.iter().filter_map(f).max();
        PerAspect { k: max(|s| s.k), r: max(|s| s.r), t: max(|s| s.t), s: max(|s| s.s) }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// The header block of the classification sheet. `None` = the label was not found or had no value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ObjectFacts {
    pub name: Option<String>,
    /// Förvaltning / Verksamhet.
    pub unit: Option<String>,
    pub information_owner: Option<String>,
    /// Systemägare / Objektägare.
    pub system_owner: Option<String>,
    /// Systemförvaltare.
    pub administrator: Option<String>,
    /// Classification date, `yyyy-mm-dd`.
    pub date: Option<String>,
    pub participants: Vec<String>,
    pub next_review: Option<String>,
    pub isak_version: Option<String>,
}

/// One information set (informationsmängd). Levels are on the app's scale (0–4): ISAK n → n − 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetRow {
    pub sheet: String,
    /// Row number as shown in the sheet (1-based).
    pub row: u32,
    pub nr: String,
    pub name: String,
    pub description: String,
    pub k: Option<u8>,
    pub r: Option<u8>,
    pub t: Option<u8>,
    /// Spårbarhet, only when the workbook has such a column (ISAK itself has none).
    #[serde(default)]
    pub s: Option<u8>,
    pub motivation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RiskRow {
    pub sheet: String,
    pub row: u32,
    pub nr: String,
    pub threat: String,
    /// Orsak / Sårbarhet.
    pub cause: String,
    pub consequence_text: String,
    pub aspects: Vec<Aspect>,
    /// Sannolikhet 1–4.
    pub probability: Option<u8>,
    /// Konsekvens 1–4.
    pub consequence: Option<u8>,
    /// Probability × consequence, recomputed (the sheet's cached value is only compared).
    pub value: Option<u8>,
    pub existing_controls: String,
    pub action: String,
    pub responsible: String,
    /// Klart senast, `yyyy-mm-dd`.
    pub due: Option<String>,
    pub status: String,
}

/// A row of ISAK's own old requirement list, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LegacyRequirement {
    pub sheet: String,
    pub row: u32,
    pub id: String,
    pub area: String,
    pub text: String,
    /// From which level the requirement applies per aspect, as written (`2`, `x`, blank …).
    pub from_k: String,
    pub from_r: String,
    pub from_t: String,
    /// Uppfyllt as written: `Ja`, `Nej`, `Delvis`, `Ej aktuellt`, or empty.
    pub status: String,
    pub comment: String,
    pub responsible: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Leftover {
    pub sheet: String,
    pub cell: String,
    pub text: String,
}

/// Level words the user has mapped to the app's levels (0–4), remembered between imports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProfile {
    /// Lower-case, trimmed word → app level.
    pub word_levels: BTreeMap<String, u8>,
}

impl ImportProfile {
    pub fn with(mut self, word: &str, level: u8) -> Self {
        self.word_levels.insert(profile_key(word), level);
        self
    }

    /// The mapped level of a word, if the user mapped it to a level on the scale.
    pub fn level(&self, word: &str) -> Option<u8> {
        let key = profile_key(word);
        let found = self
            .word_levels
            .get(&key)
            .or_else(|| self.word_levels.iter().find(|(k, _)| profile_key(k) == key).map(|(_, l)| l));
        found.copied().filter(|l| *l <= 4)
    }
}

pub fn profile_key(word: &str) -> String {
    crate::grid::norm(word)
}
