//! The klassningsobjekt: what is classified, and the facts about it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ObjectKind {
    System,
    Process,
    Tjanst,
    Informationsmangd,
}

impl ObjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::System => "system",
            ObjectKind::Process => "process",
            ObjectKind::Tjanst => "tjanst",
            ObjectKind::Informationsmangd => "informationsmangd",
        }
    }

    pub fn parse(s: &str) -> Option<ObjectKind> {
        match s.trim().to_lowercase().as_str() {
            "system" | "it-stöd" | "it-stod" => Some(ObjectKind::System),
            "process" => Some(ObjectKind::Process),
            "tjanst" | "tjänst" | "service" => Some(ObjectKind::Tjanst),
            "informationsmangd" | "informationsmängd" | "information" => Some(ObjectKind::Informationsmangd),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Hosting {
    Egen,
    Moln,
    Hybrid,
}

/// Facts about an object. Dates are ISO dates (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct ObjectMeta {
    pub name: String,
    pub kind: ObjectKind,
    pub description: String,
    /// Förvaltning / enhet.
    pub unit: String,
    pub information_owner: String,
    /// Systemägare or objektsägare.
    pub system_owner: String,
    pub system_administrator: String,
    pub supplier: String,
    pub hosting: Option<Hosting>,
    pub participants: Vec<String>,
    pub tags: Vec<String>,
    pub classification_date: Option<String>,
    pub next_review: Option<String>,
}

impl Default for ObjectMeta {
    fn default() -> Self {
        ObjectMeta {
            name: String::new(),
            kind: ObjectKind::System,
            description: String::new(),
            unit: String::new(),
            information_owner: String::new(),
            system_owner: String::new(),
            system_administrator: String::new(),
            supplier: String::new(),
            hosting: None,
            participants: Vec::new(),
            tags: Vec::new(),
            classification_date: None,
            next_review: None,
        }
    }
}

/// True when `date` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2026-02-28"));
        assert!(is_iso_date("2028-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-01-01"));
    }

    #[test]
    fn kinds_parse_swedish_words() {
        assert_eq!(ObjectKind::parse("Tjänst"), Some(ObjectKind::Tjanst));
        assert_eq!(ObjectKind::parse("IT-stöd"), Some(ObjectKind::System));
        assert_eq!(ObjectKind::parse("bil"), None);
    }
}
