//! Organisation-wide information types whose default levels a set inherits. The organisation
//! keeps its own list: types are added, changed and retired, never deleted, and the whole list
//! goes out and comes back as a TOML file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::PerAspect;
use crate::codes::ErrorCode;
use crate::error::CoreError;
use crate::limits::{check_text, MAX_CELL_CHARS};

pub const DEFAULT_INFO_TYPES_TOML: &str = include_str!("../../../catalog/information-types.toml");

/// Guidance at the top of an exported list, for the person who edits it.
const TOML_HEADER: &str = "\
# Infoklass informationstyper. En informationsmängd av en typ får typens nivåer som lägsta
# nivåer (K, R, T, S, 0–4); att sänka dem kräver en motivering. Lägg till typer (en ny [[types]]
# med en egen nyckel: små bokstäver, siffror och bindestreck), ändra eller ta bort dem och
# importera filen i Infoklass. Typer som saknas i filen tas ur bruk men finns kvar för de
# informationsmängder som redan har dem.
";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct InfoType {
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    #[serde(default)]
    pub description_sv: String,
    /// Empty when not translated (the UI then shows the Swedish one).
    #[serde(default)]
    pub description_en: String,
    /// Default levels on the default scale.
    pub levels: PerAspect<u8>,
    /// Taken out of use: not offered for new information sets, still known to those that have it.
    #[serde(default)]
    pub retired: bool,
}

/// A type as a list file holds it: every key known and all four levels required, since a
/// left-out aspect would otherwise read as 0 and silently lower the floor.
fn strict_types<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<InfoType>, D::Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct AllFour {
        #[serde(rename = "K")]
        k: u8,
        #[serde(rename = "R")]
        r: u8,
        #[serde(rename = "T")]
        t: u8,
        #[serde(rename = "S")]
        s: u8,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct InFile {
        key: String,
        name_sv: String,
        name_en: String,
        #[serde(default)]
        description_sv: String,
        #[serde(default)]
        description_en: String,
        levels: AllFour,
        #[serde(default)]
        retired: bool,
    }
    let types = Vec::<InFile>::deserialize(d)?;
    Ok(types
        .into_iter()
        .map(|t| InfoType {
            key: t.key,
            name_sv: t.name_sv,
            name_en: t.name_en,
            description_sv: t.description_sv,
            description_en: t.description_en,
            levels: PerAspect { k: t.levels.k, r: t.levels.r, t: t.levels.t, s: t.levels.s },
            retired: t.retired,
        })
        .collect())
}

/// Why an information type cannot be stored, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoTypeProblem {
    pub code: ErrorCode,
    pub message: String,
}

impl InfoType {
    /// A key is 1–40 characters a–z, 0–9 and hyphens: it is stored with every set of the type.
    pub fn valid_key(key: &str) -> bool {
        (1..=40).contains(&key.len()) && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    pub fn check(&self, max_level: u8) -> Result<(), InfoTypeProblem> {
        let problem = |code, message: String| Err(InfoTypeProblem { code, message });
        if !Self::valid_key(&self.key) {
            return problem(
                ErrorCode::InfoTypeKeyInvalid,
                format!("the key \"{}\" is not 1–40 characters a–z, 0–9 or -", self.key),
            );
        }
        if self.name_sv.trim().is_empty() {
            return problem(
                ErrorCode::InfoTypeNameMissing,
                format!("information type {} has no Swedish name", self.key),
            );
        }
        if let Some((a, l)) = self.levels.iter().find(|(_, l)| **l > max_level) {
            return problem(
                ErrorCode::InfoTypeLevelInvalid,
                format!("information type {}: {}{l} is above {max_level}", self.key, a.code()),
            );
        }
        for (field, text) in [
            ("name_sv", &self.name_sv),
            ("name_en", &self.name_en),
            ("description_sv", &self.description_sv),
            ("description_en", &self.description_en),
        ] {
            if let Err(e) = check_text(|| format!("information type {}: {field}", self.key), text, MAX_CELL_CHARS) {
                return problem(e.code(), e.to_string());
            }
        }
        Ok(())
    }
}

/// A key for a new type from its Swedish name ("Känsliga uppgifter" → kansliga-uppgifter),
/// numbered when that key is taken.
pub fn info_type_key<'a>(name: &str, existing: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ó' | 'ø' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let mut base: String = folded.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    base.truncate(34);
    let base = base.trim_end_matches('-').to_string();
    let base = if base.is_empty() { "typ".to_string() } else { base };
    let taken = |k: &str| existing.clone().into_iter().any(|e| e == k);
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|k| !taken(k)).expect("some number is free")
}

/// The list as a file: read, checked and written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfoTypeCatalog {
    #[serde(default)]
    pub version: String,
    #[serde(deserialize_with = "strict_types")]
    pub types: Vec<InfoType>,
}

impl InfoTypeCatalog {
    pub fn from_toml(text: &str, max_level: u8) -> Result<InfoTypeCatalog, CoreError> {
        let c: InfoTypeCatalog = toml::from_str(text).map_err(|e| CoreError::BadInfoTypes(e.to_string()))?;
        let mut keys = std::collections::HashSet::new();
        for t in &c.types {
            if !keys.insert(t.key.as_str()) {
                return Err(CoreError::BadInfoTypes(format!("the key {} is used twice", t.key)));
            }
            t.check(max_level).map_err(|p| CoreError::BadInfoTypes(p.message))?;
        }
        Ok(c)
    }

    /// Written by hand so the levels stay on one line, as in the shipped file.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.into()).to_string();
        let mut out = format!("{TOML_HEADER}\nversion = {}\n", q(&self.version));
        for t in &self.types {
            let l = &t.levels;
            out += &format!(
                "\n[[types]]\nkey = {}\nname_sv = {}\nname_en = {}\ndescription_sv = {}\ndescription_en = {}\nlevels = {{ K = {}, R = {}, T = {}, S = {} }}\n",
                q(&t.key), q(&t.name_sv), q(&t.name_en), q(&t.description_sv), q(&t.description_en), l.k, l.r, l.t, l.s
            );
            if t.retired {
                out += "retired = true\n";
            }
        }
        out
    }
}

pub fn parse_info_types(text: &str) -> Result<Vec<InfoType>, CoreError> {
    InfoTypeCatalog::from_toml(text, 4).map(|c| c.types)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_types_parse() {
        let types = parse_info_types(DEFAULT_INFO_TYPES_TOML).unwrap();
        let journal = types.iter().find(|t| t.key == "patientjournal").unwrap();
        assert_eq!(journal.levels.k, 3);
    }

    #[test]
    fn a_file_round_trips() {
        let mut c = InfoTypeCatalog::from_toml(DEFAULT_INFO_TYPES_TOML, 4).unwrap();
        c.types[1].retired = true;
        c.types[0].description_sv = "Rad 1\n\"citat\" \\ slut".into();
        assert_eq!(InfoTypeCatalog::from_toml(&c.to_toml(), 4).unwrap(), c);
    }

    #[test]
    fn a_type_needs_key_name_and_levels_on_the_scale() {
        let good = parse_info_types(DEFAULT_INFO_TYPES_TOML).unwrap().remove(0);
        assert_eq!(good.check(4), Ok(()));
        let code = |t: InfoType| t.check(4).unwrap_err().code;
        assert_eq!(code(InfoType { key: "Stora Bokstäver".into(), ..good.clone() }), "INFO_TYPE_KEY_INVALID");
        assert_eq!(code(InfoType { name_sv: " ".into(), ..good.clone() }), "INFO_TYPE_NAME_MISSING");
        let mut high = good.clone();
        high.levels.t = 5;
        assert_eq!(code(high), "INFO_TYPE_LEVEL_INVALID");
        let twice = format!("{DEFAULT_INFO_TYPES_TOML}\n[[types]]\nkey = \"allman\"\nname_sv = \"X\"\nname_en = \"\"\nlevels = {{ K = 0, R = 0, T = 0, S = 0 }}\n");
        assert!(InfoTypeCatalog::from_toml(&twice, 4).is_err());
    }

    #[test]
    fn a_left_out_lower_case_or_unknown_level_is_refused_by_name() {
        let file = |levels: &str| {
            format!("[[types]]\nkey = \"a\"\nname_sv = \"A\"\nname_en = \"\"\nlevels = {{ {levels} }}\n")
        };
        assert!(InfoTypeCatalog::from_toml(&file("K = 1, R = 0, T = 0, S = 0"), 4).is_ok());
        for (levels, named) in [
            ("R = 0, T = 0, S = 0", "`K`"),
            ("k = 1, R = 0, T = 0, S = 0", "`k`"),
            ("K = 1, R = 0, T = 0, S = 0, Q = 1", "`Q`"),
        ] {
            let e = InfoTypeCatalog::from_toml(&file(levels), 4).unwrap_err().to_string();
            assert!(e.contains(named), "{levels}: {e}");
        }
        let extra = format!("{}foo = 1\n", file("K = 1, R = 0, T = 0, S = 0"));
        assert!(InfoTypeCatalog::from_toml(&extra, 4).unwrap_err().to_string().contains("`foo`"));
        let top = format!("colour = \"x\"\n{}", file("K = 1, R = 0, T = 0, S = 0"));
        assert!(InfoTypeCatalog::from_toml(&top, 4).unwrap_err().to_string().contains("`colour`"));
    }

    #[test]
    fn keys_come_from_the_name() {
        assert_eq!(info_type_key("Känsliga uppgifter om hälsa", ["allman"]), "kansliga-uppgifter-om-halsa");
        assert_eq!(info_type_key("Allmän", ["allman"]), "allman-2");
        assert_eq!(info_type_key("Allmän", ["allman", "allman-2"]), "allman-3");
        assert_eq!(info_type_key("!!!", []), "typ");
    }
}
