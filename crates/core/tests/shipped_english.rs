//! Every shipped catalogue text has an English wording, so English mode never falls back to
//! Swedish for the app's own data. A failure names each missing text.

use infoklass_core::info_type::{parse_info_types, DEFAULT_INFO_TYPES_TOML};
use infoklass_core::requirements::Catalog;
use infoklass_core::risk::ThreatCatalog;

/// `key.field` for each Swedish text that has no English one beside it.
fn missing<'a>(key: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<String> {
    pairs
        .into_iter()
        .filter(|(_, sv, en)| !sv.trim().is_empty() && en.trim().is_empty())
        .map(|(field, _, _)| format!("{key}.{field}"))
        .collect()
}

#[test]
fn every_requirement_has_english_texts() {
    let c = Catalog::default_catalog();
    let gaps: Vec<String> = c
        .requirements
        .iter()
        .flat_map(|r| {
            missing(
                &r.key,
                [
                    ("title_en", r.title_sv.as_str(), r.title_en.as_str()),
                    ("ar_en", &r.ar_sv, &r.ar_en),
                    ("ska_en", &r.ska_sv, &r.ska_en),
                    ("guidance_en", &r.guidance_sv, &r.guidance_en),
                ],
            )
        })
        .collect();
    assert!(gaps.is_empty(), "requirements without English: {}", gaps.join(", "));
    let areas: Vec<&str> = c.areas.iter().filter(|a| a.name_en.trim().is_empty()).map(|a| a.key.as_str()).collect();
    assert!(areas.is_empty(), "areas without English: {areas:?}");
}

#[test]
fn every_threat_has_english_texts() {
    let c = ThreatCatalog::default_catalog();
    let gaps: Vec<String> = c
        .threats
        .iter()
        .flat_map(|t| {
            missing(
                &t.key,
                [
                    ("name_en", t.name_sv.as_str(), t.name_en.as_str()),
                    ("description_en", &t.description_sv, &t.description_en),
                    ("cause_en", &t.cause_sv, &t.cause_en),
                    ("consequence_en", &t.consequence_sv, &t.consequence_en),
                ],
            )
        })
        .collect();
    assert!(gaps.is_empty(), "threats without English: {}", gaps.join(", "));
}

#[test]
fn every_information_type_has_english_texts() {
    let types = parse_info_types(DEFAULT_INFO_TYPES_TOML).unwrap();
    let gaps: Vec<String> = types
        .iter()
        .flat_map(|t| {
            missing(
                &t.key,
                [
                    ("name_en", t.name_sv.as_str(), t.name_en.as_str()),
                    ("description_en", &t.description_sv, &t.description_en),
                ],
            )
        })
        .collect();
    assert!(gaps.is_empty(), "information types without English: {}", gaps.join(", "));
}

#[test]
fn a_gap_is_named() {
    assert_eq!(missing("X-1", [("ar_en", "Svensk text", " ")]), vec!["X-1.ar_en".to_string()]);
    assert!(missing("X-1", [("guidance_en", "", "")]).is_empty());
}
