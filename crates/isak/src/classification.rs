//! The Klassning sheet: the object's header block and one row per information set.

use crate::diagnostics::{Diagnostics, Severity};
use crate::facts;
use crate::grid::Sheet;
use crate::levels::{self, Kind};
use crate::model::{ImportProfile, ObjectFacts, SetRow};
use crate::table::{self, Header};

pub struct Cols {
    nr: Option<u32>,
    name: u32,
    description: Option<u32>,
    /// K, R, T.
    levels: [u32; 3],
    motivation: Option<u32>,
}

const ASPECTS_SV: [&str; 3] = ["Konfidentialitet", "Riktighet", "Tillgänglighet"];
const ASPECTS_EN: [&str; 3] = ["confidentiality", "integrity", "availability"];

/// Accepts a header row holding Informationsmängd, Konfidentialitet, Riktighet and
/// Tillgänglighet (or K, R, T) in any order.
fn columns(headers: &[(u32, String)]) -> Option<Cols> {
    let (mut nr, mut name, mut description, mut motivation) = (None, None, None, None);
    let mut levels = [None; 3];
    for (col, h) in headers {
        let h = h.as_str();
        let slot = if matches!(h, "nr" | "nr." | "#" | "id" | "löpnummer") {
            &mut nr
        } else if h.starts_with("beskrivning") {
            &mut description
        } else if h.contains("motivering") || h.starts_with("kommentar") {
            &mut motivation
        } else if h.contains("informationsmängd") || matches!(h, "information" | "informationstyp") {
            &mut name
        } else if h.contains("konfidentialitet") || h == "k" {
            &mut levels[0]
        } else if h.contains("riktighet") || h == "r" {
            &mut levels[1]
        } else if h.contains("tillgänglighet") || h == "t" {
            &mut levels[2]
        } else {
            continue;
        };
        slot.get_or_insert(*col);
    }
    Some(Cols { nr, name: name?, description, levels: [levels[0]?, levels[1]?, levels[2]?], motivation })
}

pub fn find(sheet: &Sheet) -> Option<Header<Cols>> {
    table::find_header(sheet, columns)
}

pub fn read(sheet: &Sheet, profile: &ImportProfile, diags: &mut Diagnostics, words: &mut Vec<String>) -> (ObjectFacts, Vec<SetRow>) {
    let Some(header) = find(sheet) else {
        diags.sheet(
            Severity::Error,
            "CLASSIFICATION_TABLE_MISSING",
            &sheet.name,
            "ingen rubrikrad med Informationsmängd, Konfidentialitet, Riktighet och Tillgänglighet hittades".into(),
            "no header row with Informationsmängd, Konfidentialitet, Riktighet and Tillgänglighet was found".into(),
        );
        return (facts::read(sheet, None, diags), Vec::new());
    };
    let c = &header.cols;
    for col in [c.nr, Some(c.name), c.description, c.motivation].into_iter().flatten().chain(c.levels) {
        sheet.mark(header.row, col);
    }
    let body = table::body(sheet, header.row, header.span);
    let mut sets = Vec::new();
    for &row in &body.rows {
        let name = sheet.peek(row, c.name).map(|v| v.text()).unwrap_or_default();
        let has_level = c.levels.iter().any(|col| sheet.peek(row, *col).is_some());
        if !has_level && (name.is_empty() || table::is_note(&name)) {
            continue;
        }
        let mut levels = [None; 3];
        for (i, col) in c.levels.iter().enumerate() {
            let Some(v) = sheet.take(row, *col) else { continue };
            match levels::app_level(v, profile) {
                Ok(l) => levels[i] = l,
                Err(p) => levels::report(&p, Kind::Level, &v.text(), &sheet.name, (row, *col), diags, words),
            }
        }
        let text = |col: Option<u32>| col.map(|col| sheet.take_text(row, col)).unwrap_or_default();
        if name.is_empty() {
            diags.at(
                Severity::Warning,
                "SET_NAME_MISSING",
                &sheet.name,
                (row, c.name),
                "informationsmängden saknar namn".into(),
                "the information set has no name".into(),
            );
        }
        sheet.take(row, c.name);
        sets.push(SetRow {
            sheet: sheet.name.clone(),
            row: row + 1,
            nr: text(c.nr),
            name,
            description: text(c.description),
            k: levels[0],
            r: levels[1],
            t: levels[2],
            motivation: text(c.motivation),
        });
    }
    if let Some(row) = body.summary {
        compare_summary(sheet, row, header.span, c, &sets, diags);
    }
    if let Some(row) = body.next_after_blank {
        if sheet.peek(row, c.name).is_some() && c.levels.iter().any(|col| sheet.peek(row, *col).is_some()) {
            table::warn_after_blank(sheet, (row, c.name), ("en informationsmängd", "an information set"), diags);
        }
    }
    let end = body.summary.or(body.rows.last().copied()).unwrap_or(header.row);
    (facts::read(sheet, Some((header.row, end)), diags), sets)
}

/// The summary row's cached MAX values against the maximum of the sets read.
fn compare_summary(sheet: &Sheet, row: u32, span: (u32, u32), c: &Cols, sets: &[SetRow], diags: &mut Diagnostics) {
    for cell in sheet.row(row).iter().filter(|x| x.col >= span.0 && x.col <= span.1 && table::is_summary(&x.value.text())) {
        sheet.mark(row, cell.col);
    }
    let derived = [sets.iter().filter_map(|s| s.k).max(), sets.iter().filter_map(|s| s.r).max(), sets.iter().filter_map(|s| s.t).max()];
    for (i, col) in c.levels.iter().enumerate() {
        let Some(v) = sheet.take(row, *col) else { continue };
        let Ok(Some(cached)) = levels::app_level(v, &ImportProfile::default()) else { continue };
        if Some(cached) != derived[i] {
            let shown = |l: Option<u8>| l.map(|l| (l + 1).to_string()).unwrap_or_else(|| "–".into());
            diags.at(
                Severity::Warning,
                "SUMMARY_MISMATCH",
                &sheet.name,
                (row, *col),
                format!(
                    "sammanställningen visar {} för {} men informationsmängderna ger högst {}; importen använder informationsmängderna",
                    cached + 1,
                    ASPECTS_SV[i],
                    shown(derived[i])
                ),
                format!(
                    "the summary shows {} for {} but the information sets give at most {}; the import uses the sets",
                    cached + 1,
                    ASPECTS_EN[i],
                    shown(derived[i])
                ),
            );
        }
    }
}
