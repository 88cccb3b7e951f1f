//! The Riskanalys sheet: one risk per row; the risk value is recomputed, never trusted.

use infoklass_core::Aspect;

use crate::dates;
use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{Sheet, Value};
use crate::levels::{self, Kind};
use crate::model::{ImportProfile, RiskRow};
use crate::table::{self, Header};
use crate::text_cells;

pub struct Cols {
    nr: Option<u32>,
    threat: u32,
    cause: Option<u32>,
    aspects: Option<u32>,
    probability: u32,
    /// Every column whose header mentions "konsekvens"; resolved against the data.
    konsekvens: Vec<(u32, String)>,
    value: Option<u32>,
    existing: Option<u32>,
    action: Option<u32>,
    responsible: Option<u32>,
    due: Option<u32>,
    status: Option<u32>,
}

fn columns(headers: &[(u32, String)]) -> Option<Cols> {
    let (mut nr, mut threat, mut cause, mut aspects, mut probability, mut value) = (None, None, None, None, None, None);
    let (mut existing, mut action, mut responsible, mut due, mut status) = (None, None, None, None, None);
    let mut konsekvens = Vec::new();
    for (col, h) in headers {
        let h = h.as_str();
        let slot = if matches!(h, "nr" | "nr." | "#" | "id" | "risk-id" | "riskid" | "risknr") {
            &mut nr
        } else if h.contains("sannolikhet") {
            &mut probability
        } else if h.contains("riskvärde") || h == "risknivå" {
            &mut value
        } else if h.contains("konsekvens") {
            konsekvens.push((*col, h.to_string()));
            continue;
        } else if h.starts_with("befintlig") {
            &mut existing
        } else if h.contains("ansvarig") {
            &mut responsible
        } else if h.starts_with("åtgärd") {
            &mut action
        } else if h.starts_with("klart") || matches!(h, "deadline" | "datum" | "slutdatum") {
            &mut due
        } else if h == "status" {
            &mut status
        } else if h.starts_with("aspekt") || h == "skyddsaspekt" {
            &mut aspects
        } else if h.starts_with("orsak") || h.starts_with("sårbarhet") {
            &mut cause
        } else if matches!(h, "hot" | "risk" | "riskbeskrivning")
            || h.starts_with("hot ")
            || h.starts_with("hot/")
            || h.starts_with("händelse")
        {
            &mut threat
        } else {
            continue;
        };
        slot.get_or_insert(*col);
    }
    if konsekvens.is_empty() {
        return None;
    }
    Some(Cols {
        nr,
        threat: threat?,
        cause,
        aspects,
        probability: probability?,
        konsekvens,
        value,
        existing,
        action,
        responsible,
        due,
        status,
    })
}

pub fn find(sheet: &Sheet) -> Option<Header<Cols>> {
    table::find_header(sheet, columns)
}

/// Of several "Konsekvens" columns the one holding numbers is the scale value and a text one
/// the description; with no numbers to go by, a header saying "beskrivning" is the text.
fn resolve_konsekvens(sheet: &Sheet, rows: &[u32], candidates: &[(u32, String)]) -> (u32, Option<u32>) {
    let numbers = |col: u32| {
        rows.iter().filter(|r| matches!(sheet.peek(**r, col), Some(Value::Number(_)))).count()
            + rows
                .iter()
                .filter(|r| matches!(sheet.peek(**r, col), Some(Value::Text(t)) if t.trim().parse::<f64>().is_ok()))
                .count()
    };
    let mut ranked: Vec<(usize, bool, u32)> =
        candidates.iter().map(|(col, h)| (numbers(*col), !h.contains("beskrivning"), *col)).collect();
    // Most numbers first, then a header without "beskrivning", then leftmost.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let scale = ranked[0].2;
    let text = candidates.iter().map(|(c, _)| *c).find(|c| *c != scale);
    (scale, text)
}

pub fn read(sheet: &Sheet, profile: &ImportProfile, diags: &mut Diagnostics, words: &mut Vec<String>) -> Vec<RiskRow> {
    let Some(header) = find(sheet) else {
        diags.sheet(
            Severity::Warning,
            "RISK_TABLE_MISSING",
            &sheet.name,
            "ingen rubrikrad med Hot, Sannolikhet och Konsekvens hittades; inga risker lästes".into(),
            "no header row with Hot, Sannolikhet and Konsekvens was found; no risks were read".into(),
        );
        return Vec::new();
    };
    let c = &header.cols;
    // After a gap the table goes on only at a row with a threat and a score.
    let is_risk = |row: u32| {
        let threat = sheet.peek(row, c.threat).map(|v| v.text()).unwrap_or_default();
        let scored = std::iter::once(c.probability)
            .chain(c.konsekvens.iter().map(|(col, _)| *col))
            .any(|col| sheet.peek(row, col).is_some());
        scored && !threat.is_empty() && !table::is_note(&threat) && !table::is_summary(&threat)
    };
    let body = table::body(sheet, &header, is_risk);
    let (consequence_col, text_col) = resolve_konsekvens(sheet, &body.rows, &c.konsekvens);
    let optional = [c.nr, c.cause, c.aspects, c.value, c.existing, c.action, c.responsible, c.due, c.status, text_col];
    header.mark(sheet, optional.into_iter().flatten().chain([c.threat, c.probability, consequence_col]));
    let mut risks = Vec::new();
    for &row in &body.rows {
        let threat = sheet.peek(row, c.threat).map(|v| v.text()).unwrap_or_default();
        let scored = sheet.peek(row, c.probability).is_some() || sheet.peek(row, consequence_col).is_some();
        if !scored && (threat.is_empty() || table::is_note(&threat)) {
            continue;
        }
        sheet.take(row, c.threat);
        if threat.is_empty() {
            diags.at(
                Severity::Warning,
                "RISK_THREAT_MISSING",
                &sheet.name,
                (row, c.threat),
                "risken saknar hot/händelse".into(),
                "the risk has no threat/event".into(),
            );
        }
        let probability = score(sheet, row, c.probability, Kind::Probability, profile, diags, words);
        let consequence = score(sheet, row, consequence_col, Kind::Consequence, profile, diags, words);
        let value = probability.zip(consequence).map(|(p, k)| p * k);
        if let (Some(col), Some(v)) = (c.value, value) {
            compare_value(sheet, row, col, (probability.unwrap_or(0), consequence.unwrap_or(0), v), diags);
        }
        let mut text = |col: Option<u32>| text_cells::take_col(sheet, row, col, diags);
        let (nr, cause, consequence_text) = (text(c.nr), text(c.cause), text(text_col));
        let (existing_controls, action, responsible, status) =
            (text(c.existing), text(c.action), text(c.responsible), text(c.status));
        risks.push(RiskRow {
            sheet: sheet.name.clone(),
            row: row + 1,
            nr,
            threat: if sheet.formula(row, c.threat).is_some() {
                text_cells::take(sheet, row, c.threat, diags)
            } else {
                threat
            },
            cause,
            consequence_text,
            aspects: c.aspects.map(|col| aspects(sheet, row, col, diags)).unwrap_or_default(),
            probability,
            consequence,
            value,
            existing_controls,
            action,
            responsible,
            due: c.due.and_then(|col| due(sheet, row, col, diags)),
            status,
        });
    }
    if let Some(row) = body.stray {
        table::warn_after_blank(sheet, (row, c.threat), ("en risk", "a risk"), diags);
    }
    risks
}

fn score(
    sheet: &Sheet,
    row: u32,
    col: u32,
    kind: Kind,
    profile: &ImportProfile,
    diags: &mut Diagnostics,
    words: &mut Vec<String>,
) -> Option<u8> {
    let v = sheet.take(row, col)?;
    let parsed = match kind {
        Kind::Probability => levels::probability(v),
        _ => levels::consequence(v, profile),
    };
    parsed.unwrap_or_else(|p| {
        levels::report(&p, kind, &v.text(), &sheet.name, (row, col), diags, words);
        None
    })
}

/// Only a numeric cached value is compared; anything else stays unread so it is listed. A
/// cached 0 is a formula never calculated (writers other than Excel store 0), not a value.
fn compare_value(sheet: &Sheet, row: u32, col: u32, (p, k, v): (u8, u8, u8), diags: &mut Diagnostics) {
    let cached = match sheet.peek(row, col) {
        Some(Value::Number(n)) => *n,
        // A formula saved without a result (no cached value): recomputed, so nothing to compare.
        Some(Value::Text(t)) if t.trim().is_empty() && sheet.formula(row, col).is_some() => {
            sheet.take(row, col);
            return;
        }
        Some(Value::Text(t)) => match t.trim().parse::<f64>() {
            Ok(n) => n,
            Err(_) => return,
        },
        _ => return,
    };
    sheet.take(row, col);
    if cached != 0.0 && cached != f64::from(v) {
        let cached = crate::grid::number_text(cached);
        diags.at(
            Severity::Warning,
            "RISK_VALUE_MISMATCH",
            &sheet.name,
            (row, col),
            format!("riskvärdet i filen är {cached} men sannolikhet × konsekvens = {p} × {k} = {v}; {v} används"),
            format!(
                "the risk value in the file is {cached} but probability × consequence = {p} × {k} = {v}; {v} is used"
            ),
        );
    }
}

/// "K, T", "K/T", "KRT", "Konfidentialitet och Tillgänglighet".
pub fn parse_aspects(text: &str) -> (Vec<Aspect>, Vec<String>) {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for token in text.split(|c: char| !c.is_alphabetic()).filter(|t| !t.is_empty()) {
        let lower = token.to_lowercase();
        let word = match lower.as_str() {
            "konfidentialitet" => Some(Aspect::K),
            "riktighet" => Some(Aspect::R),
            "tillgänglighet" => Some(Aspect::T),
            "spårbarhet" => Some(Aspect::S),
            "och" => continue,
            _ => None,
        };
        if let Some(a) = word {
            found.push(a);
        } else if token.chars().all(|c| "KRTSkrts".contains(c)) {
            found.extend(token.chars().map(|c| match c.to_ascii_uppercase() {
                'K' => Aspect::K,
                'R' => Aspect::R,
                'T' => Aspect::T,
                _ => Aspect::S,
            }));
        } else {
            unknown.push(token.to_string());
        }
    }
    found.sort();
    found.dedup();
    (found, unknown)
}

fn aspects(sheet: &Sheet, row: u32, col: u32, diags: &mut Diagnostics) -> Vec<Aspect> {
    let raw = sheet.take_text(row, col);
    let (found, unknown) = parse_aspects(&raw);
    if !unknown.is_empty() {
        let list = unknown.join(", ");
        diags.at(
            Severity::Warning,
            "ASPECT_UNKNOWN",
            &sheet.name,
            (row, col),
            format!("\"{raw}\": «{list}» är ingen aspekt (K, R, T, S) och ignoreras"),
            format!("\"{raw}\": \"{list}\" is not an aspect (K, R, T, S) and is ignored"),
        );
    }
    found
}

fn due(sheet: &Sheet, row: u32, col: u32, diags: &mut Diagnostics) -> Option<String> {
    dates::read_or_report(sheet.take(row, col)?, &sheet.name, (row, col), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_notations() {
        use Aspect::*;
        assert_eq!(parse_aspects("K, T").0, vec![K, T]);
        assert_eq!(parse_aspects("T/K").0, vec![K, T]);
        assert_eq!(parse_aspects("KRT").0, vec![K, R, T]);
        assert_eq!(parse_aspects("k r").0, vec![K, R]);
        assert_eq!(parse_aspects("Konfidentialitet och Riktighet").0, vec![K, R]);
        assert_eq!(parse_aspects("K, X").1, vec!["X".to_string()]);
    }
}
