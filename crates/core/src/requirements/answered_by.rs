//! Who normally answers a requirement in the self-assessment: the information owner's
//! business (verksamhet), the system administration (IT) or the supplier.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The error code of a catalogue row whose `answered_by` is none of the known values.
pub const UNKNOWN_ANSWERED_BY: &str = "UNKNOWN_ANSWERED_BY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AnsweredBy {
    Verksamhet,
    It,
    Leverantor,
}

impl AnsweredBy {
    pub const ALL: [AnsweredBy; 3] = [AnsweredBy::Verksamhet, AnsweredBy::It, AnsweredBy::Leverantor];

    pub fn as_str(self) -> &'static str {
        match self {
            AnsweredBy::Verksamhet => "verksamhet",
            AnsweredBy::It => "it",
            AnsweredBy::Leverantor => "leverantor",
        }
    }

    /// Also takes the Swedish names a person types in a workbook.
    pub fn parse(s: &str) -> Option<AnsweredBy> {
        match s.trim().to_lowercase().as_str() {
            "verksamhet" | "verksamheten" => Some(AnsweredBy::Verksamhet),
            "it" | "systemförvaltning" | "systemforvaltning" | "systemförvaltare" => Some(AnsweredBy::It),
            "leverantor" | "leverantör" | "leverantören" => Some(AnsweredBy::Leverantor),
            _ => None,
        }
    }

    pub fn name_sv(self) -> &'static str {
        match self {
            AnsweredBy::Verksamhet => "Verksamhet",
            AnsweredBy::It => "IT",
            AnsweredBy::Leverantor => "Leverantör",
        }
    }
}

/// For a catalogue row that names nobody (a catalogue stored before the field existed, or a
/// workbook without the column): the shipped catalogue's choice for the same key, else the
/// owner's business, who then hands it on.
pub fn default_for(key: &str) -> AnsweredBy {
    static SHIPPED: OnceLock<HashMap<String, AnsweredBy>> = OnceLock::new();
    let map = SHIPPED.get_or_init(|| {
        // Read without `Catalog::compile`, which calls this function.
        #[derive(Deserialize)]
        struct Row {
            key: String,
            #[serde(default)]
            answered_by: String,
        }
        #[derive(Deserialize)]
        struct Rows {
            requirements: Vec<Row>,
        }
        let rows: Rows = toml::from_str(super::catalog::DEFAULT_CATALOG_TOML).expect("the shipped catalogue parses");
        rows.requirements.into_iter().filter_map(|r| Some((r.key, AnsweredBy::parse(&r.answered_by)?))).collect()
    });
    map.get(key).copied().unwrap_or(AnsweredBy::Verksamhet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_swedish_words_parse() {
        for a in AnsweredBy::ALL {
            assert_eq!(AnsweredBy::parse(a.as_str()), Some(a));
        }
        assert_eq!(AnsweredBy::parse(" Leverantör "), Some(AnsweredBy::Leverantor));
        assert_eq!(AnsweredBy::parse("Systemförvaltning"), Some(AnsweredBy::It));
        assert_eq!(AnsweredBy::parse("chefen"), None);
    }

    #[test]
    fn a_row_without_a_value_takes_the_shipped_choice() {
        assert_eq!(default_for("LEV-04"), AnsweredBy::Leverantor);
        assert_eq!(default_for("AUT-01"), AnsweredBy::It);
        assert_eq!(default_for("EGET-99"), AnsweredBy::Verksamhet);
    }
}
