//! The hand-written files the command line reads: an object description (`infoklass new`)
//! and a list of risks (`infoklass risk add`), in JSON or TOML. Parsing only; the caller
//! reads the file and stores the result. Kept here, pure, so the parsers can be fuzzed.

use serde::Deserialize;

use crate::risk::Risk;
use crate::{ClassificationContent, InformationSet, LagrumDecision, ObjectMeta, PerAspect, Uplift};

/// The object file's shape, documented in docs/CLI.md.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObjectFile {
    object: ObjectMeta,
    #[serde(default)]
    sets: Vec<InformationSet>,
    #[serde(default)]
    uplifts: PerAspect<Option<Uplift>>,
    #[serde(default)]
    lagrum: Vec<LagrumDecision>,
}

/// `[[risks]]` entries; a risk without `consequence` has 0 there for the caller to fill in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskFile {
    risks: Vec<Risk>,
}

fn looks_like_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

fn json_or_toml<T: serde::de::DeserializeOwned>(text: &str, json: bool) -> Result<T, String> {
    if json {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// Reads an object description; JSON when `json` is set (a `.json` file) or the text
/// starts with `{`, TOML otherwise. The error is the parser's message.
pub fn parse_object_file(text: &str, json: bool) -> Result<(ObjectMeta, ClassificationContent), String> {
    let file: ObjectFile = json_or_toml(text, json || looks_like_json(text))?;
    Ok((file.object, ClassificationContent { sets: file.sets, uplifts: file.uplifts, lagrum: file.lagrum }))
}

/// Reads a risk file: JSON when the text starts with `{`, TOML otherwise.
pub fn parse_risk_file(text: &str) -> Result<Vec<Risk>, String> {
    json_or_toml::<RiskFile>(text, looks_like_json(text)).map(|f| f.risks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_file_in_toml_and_json() {
        let toml = "[object]\nname = \"Ekonomi\"\nkind = \"system\"\n";
        let (meta, content) = parse_object_file(toml, false).unwrap();
        assert_eq!(meta.name, "Ekonomi");
        assert!(content.sets.is_empty());
        let json = r#"{"object": {"name": "Ekonomi", "kind": "system"}}"#;
        assert_eq!(parse_object_file(json, false).unwrap().0.name, "Ekonomi");
        assert!(parse_object_file("[object]\nname = 1\n", false).is_err());
        assert!(parse_object_file(toml, true).is_err(), "a .json file is read as JSON");
    }

    #[test]
    fn risk_file_rejects_unknown_fields() {
        let ok = "[[risks]]\ncause = \"c\"\nevent = \"e\"\naspects = [\"K\"]\nprobability = 2\n";
        assert_eq!(parse_risk_file(ok).unwrap().len(), 1);
        assert!(parse_risk_file("[[risks]]\nbogus = 1\n").is_err());
        assert!(parse_risk_file("{\"risks\": []}").unwrap().is_empty());
    }
}
