//! Level cells: a number (ISAK 1–4), a name in any case with or without "skada", or both
//! ("3 - Betydande"). A name wins over a number; when they disagree, or the word is no
//! level name and the user has not mapped it, the level is left empty and reported.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{norm, Value};
use crate::model::ImportProfile;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A number outside the scale (or not a whole number).
    OutOfRange,
    /// A word that is neither a known name nor mapped by the profile (normalised).
    UnknownWord(String),
    /// Number and name point at different levels.
    Conflict,
    /// A date, a truth value or a formula error.
    NotALevel,
}

/// What a cell is read as, for the wording of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Level,
    Probability,
    Consequence,
}

/// ISAK level names → ISAK number (1 = Försumbar … 4 = Allvarlig; 5 = the app's level 4).
fn level_name(name: &str) -> Option<u8> {
    let words: Vec<&str> =
        name.split([' ', '(', ')', '/', ',', '-']).filter(|w| !w.is_empty() && *w != "skada").collect();
    match words.join(" ").as_str() {
        "försumbar" | "ingen" | "ingen eller försumbar" | "försumbar ingen eller försumbar" | "ingen försumbar" => {
            Some(1)
        }
        "måttlig" => Some(2),
        "betydande" => Some(3),
        "allvarlig" => Some(4),
        "synnerligen allvarlig" => Some(5),
        _ => None,
    }
}

fn probability_name(name: &str) -> Option<u8> {
    match name {
        "mycket liten" => Some(1),
        "liten" => Some(2),
        "stor" => Some(3),
        "mycket stor" => Some(4),
        _ => None,
    }
}

/// Words that only say "level" in front of one ("Nivå 3", "niva 2 – måttlig", "Level 1").
const LEVEL_PREFIXES: [&str; 6] = ["skyddsnivå", "konsekvensnivå", "nivå", "niva", "level", "isak-nivå"];

/// Drops a leading "Nivå" (any case, with or without a colon) when something follows it.
fn strip_level_word(text: &str) -> &str {
    let lower = text.to_lowercase();
    for word in LEVEL_PREFIXES {
        // Lower-casing keeps these words' byte lengths, so the cut fits the original text.
        if lower.starts_with(word) && text.is_char_boundary(word.len()) {
            let rest = text[word.len()..].trim_start_matches([' ', ':', '\u{a0}']);
            if rest.len() < text.len() - word.len() && !rest.is_empty() {
                return rest;
            }
        }
    }
    text
}

/// Splits "3 - Betydande", "Betydande (3)", "Nivå 3", "3." or "Betydande" into number and name.
fn split(text: &str) -> (Option<f64>, String) {
    let t = strip_level_word(text.trim()).trim_end_matches('.').trim();
    if let Ok(n) = t.replace(',', ".").parse::<f64>() {
        return (Some(n), String::new());
    }
    let seps: &[char] = &[' ', '-', '–', '—', ':', '.', '=', '(', ')'];
    let lead: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !lead.is_empty() {
        let rest = t[lead.len()..].trim_matches(seps);
        return (lead.parse().ok(), norm(rest));
    }
    let head = t.trim_end_matches(seps);
    let tail: String = head.chars().rev().take_while(char::is_ascii_digit).collect();
    if !tail.is_empty() && tail.len() < head.len() {
        let name = head[..head.len() - tail.len()].trim_matches(seps);
        return (tail.chars().rev().collect::<String>().parse().ok(), norm(name));
    }
    (None, norm(t.trim_matches(seps)))
}

/// Reads a level cell on the ISAK number scale: a name may give 5 (Synnerligen allvarlig),
/// a bare number must be 1–4.
fn isak_number(
    v: &Value,
    names: fn(&str) -> Option<u8>,
    profile: Option<&ImportProfile>,
) -> Result<Option<u8>, Problem> {
    let text = match v {
        Value::Number(n) => return whole_1_to_4(*n).map(Some).ok_or(Problem::OutOfRange),
        Value::Text(t) => t,
        Value::Date(_) | Value::Bool(_) | Value::Error(_) => return Err(Problem::NotALevel),
    };
    let (number, name) = split(text);
    if name.is_empty() {
        return match number {
            None => Ok(None),
            Some(n) => whole_1_to_4(n).map(Some).ok_or(Problem::OutOfRange),
        };
    }
    let named = names(&name).or_else(|| profile.and_then(|p| p.level(&name)).map(|l| l + 1));
    match (named, number) {
        (None, _) => Err(Problem::UnknownWord(name)),
        (Some(l), None) => Ok(Some(l)),
        (Some(l), Some(n)) if n == f64::from(l) => Ok(Some(l)),
        (Some(_), Some(_)) => Err(Problem::Conflict),
    }
}

fn whole_1_to_4(n: f64) -> Option<u8> {
    (n.fract() == 0.0 && (1.0..=4.0).contains(&n)).then_some(n as u8)
}

/// A classification level on the app's scale (0–4): ISAK n → n − 1.
pub fn app_level(v: &Value, profile: &ImportProfile) -> Result<Option<u8>, Problem> {
    Ok(isak_number(v, level_name, Some(profile))?.map(|n| n - 1))
}

/// A risk consequence, 1–4 (level names allowed; Synnerligen allvarlig is off this scale).
pub fn consequence(v: &Value, profile: &ImportProfile) -> Result<Option<u8>, Problem> {
    match isak_number(v, level_name, Some(profile))? {
        Some(5) => Err(Problem::OutOfRange),
        other => Ok(other),
    }
}

/// A risk probability, 1–4 (or Mycket liten, Liten, Stor, Mycket stor).
pub fn probability(v: &Value) -> Result<Option<u8>, Problem> {
    isak_number(v, probability_name, None)
}

/// Turns a problem into a diagnostic at `cell`; unknown level words are collected for mapping.
pub fn report(
    problem: &Problem,
    kind: Kind,
    raw: &str,
    sheet: &str,
    cell: (u32, u32),
    diags: &mut Diagnostics,
    unknown_words: &mut Vec<String>,
) {
    let (what_sv, what_en, prefix) = match kind {
        Kind::Level => ("en ISAK-nivå", "an ISAK level", "LEVEL"),
        Kind::Probability => ("en sannolikhet", "a probability", "PROBABILITY"),
        Kind::Consequence => ("en konsekvensnivå", "a consequence level", "CONSEQUENCE"),
    };
    let (severity, code, sv, en) = match problem {
        Problem::OutOfRange => {
            // One bad cell is left empty and reported; it does not stop the rest of the file.
            (
                Severity::Warning,
                "OUT_OF_RANGE",
                format!("\"{raw}\" är inte {what_sv} (1–4); cellen lämnas tom"),
                format!("\"{raw}\" is not {what_en} (1–4); the cell stays empty"),
            )
        }
        Problem::UnknownWord(word) => {
            if kind != Kind::Probability && !unknown_words.contains(word) {
                unknown_words.push(word.clone());
            }
            (
                Severity::Warning,
                "UNKNOWN_WORD",
                format!("\"{raw}\": «{word}» är inget känt namn på {what_sv}; koppla ordet till en nivå, annars lämnas cellen tom"),
                format!("\"{raw}\": \"{word}\" is not a known name of {what_en}; map the word to a level, otherwise the cell stays empty"),
            )
        }
        Problem::Conflict => (
            Severity::Warning,
            "CONFLICT",
            format!("\"{raw}\": siffran och namnet anger olika nivåer; cellen lämnas tom"),
            format!("\"{raw}\": the number and the name give different levels; the cell stays empty"),
        ),
        Problem::NotALevel => (
            Severity::Warning,
            "NOT_READABLE",
            format!("\"{raw}\" är inte {what_sv}; cellen lämnas tom"),
            format!("\"{raw}\" is not {what_en}; the cell stays empty"),
        ),
    };
    diags.at(severity, &format!("{prefix}_{code}"), sheet, cell, sv, en);
    diags.left_empty(sheet, cell);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> Result<Option<u8>, Problem> {
        app_level(&Value::Text(s.into()), &ImportProfile::default())
    }

    #[test]
    fn numbers_names_and_both() {
        assert_eq!(app_level(&Value::Number(3.0), &ImportProfile::default()), Ok(Some(2)));
        assert_eq!(level("1"), Ok(Some(0)));
        assert_eq!(level("  "), Ok(None));
        assert_eq!(level("Försumbar"), Ok(Some(0)));
        assert_eq!(level("Ingen eller försumbar"), Ok(Some(0)));
        assert_eq!(level("måttlig"), Ok(Some(1)));
        assert_eq!(level("BETYDANDE SKADA"), Ok(Some(2)));
        assert_eq!(level("Allvarlig skada"), Ok(Some(3)));
        assert_eq!(level("Synnerligen allvarlig"), Ok(Some(4)));
        assert_eq!(level("3 - Betydande"), Ok(Some(2)));
        assert_eq!(level("3. Betydande"), Ok(Some(2)));
        assert_eq!(level("Betydande (3)"), Ok(Some(2)));
        assert_eq!(level("Försumbar (ingen eller försumbar)"), Ok(Some(0)));
    }

    #[test]
    fn prefixes_suffixes_and_stray_dots() {
        assert_eq!(level("Nivå 3"), Ok(Some(2)));
        assert_eq!(level("nivå 3 – betydande"), Ok(Some(2)));
        assert_eq!(level("NIVÅ 2"), Ok(Some(1)));
        assert_eq!(level("Niva 2"), Ok(Some(1)));
        assert_eq!(level("Nivå: 4"), Ok(Some(3)));
        assert_eq!(level("3 (Betydande)"), Ok(Some(2)));
        assert_eq!(level("3."), Ok(Some(2)));
        assert_eq!(level("3.0"), Ok(Some(2)));
        assert_eq!(level("Betydande."), Ok(Some(2)));
        assert_eq!(level("Nivå 2 - Betydande"), Err(Problem::Conflict));
        assert_eq!(level("Nivå 5"), Err(Problem::OutOfRange));
        assert_eq!(level("Nivå"), Err(Problem::UnknownWord("nivå".into())));
        assert_eq!(level("Nivåer"), Err(Problem::UnknownWord("nivåer".into())));
    }

    #[test]
    fn problems() {
        assert_eq!(level("5"), Err(Problem::OutOfRange));
        assert_eq!(level("0"), Err(Problem::OutOfRange));
        assert_eq!(level("2,5"), Err(Problem::OutOfRange));
        assert_eq!(level("2 - Betydande"), Err(Problem::Conflict));
        assert_eq!(level("Hög"), Err(Problem::UnknownWord("hög".into())));
        assert_eq!(level("3 - Medel"), Err(Problem::UnknownWord("medel".into())));
        assert_eq!(app_level(&Value::Error("#N/A".into()), &ImportProfile::default()), Err(Problem::NotALevel));
    }

    #[test]
    fn profile_maps_words() {
        let p = ImportProfile::default().with("Hög", 3);
        assert_eq!(app_level(&Value::Text(" HÖG ".into()), &p), Ok(Some(3)));
        assert_eq!(app_level(&Value::Text("4 - hög".into()), &p), Ok(Some(3)));
        assert_eq!(app_level(&Value::Text("2 - hög".into()), &p), Err(Problem::Conflict));
    }

    #[test]
    fn risk_scales() {
        let p = ImportProfile::default();
        assert_eq!(probability(&Value::Text("Mycket stor".into())), Ok(Some(4)));
        assert_eq!(probability(&Value::Number(2.0)), Ok(Some(2)));
        assert_eq!(consequence(&Value::Text("Betydande".into()), &p), Ok(Some(3)));
        assert_eq!(consequence(&Value::Text("Synnerligen allvarlig".into()), &p), Err(Problem::OutOfRange));
    }
}
