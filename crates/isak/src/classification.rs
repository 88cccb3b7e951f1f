//! The Klassning sheet: the object's header block and one row per information set.

use crate::diagnostics::{Diagnostics, Severity};
use crate::facts;
use crate::grid::{Sheet, Value};
use crate::levels::{self, Kind};
use crate::model::{ImportProfile, ObjectFacts, SetRow};
use crate::table::{self, Header};
use crate::text_cells;

pub struct Cols {
    nr: Option<u32>,
    name: u32,
    description: Option<u32>,
    /// K, R, T.
    levels: [u32; 3],
    /// Spårbarhet: not part of ISAK, but read when a workbook has the column.
    s: Option<u32>,
    motivation: Option<u32>,
}

const ASPECTS_SV: [&str; 3] = ["Konfidentialitet", "Riktighet", "Tillgänglighet"];
const ASPECTS_EN: [&str; 3] = ["confidentiality", "integrity", "availability"];

/// The aspect a level column's header names: "Konfidentialitet (K)", "K", or a two-row
/// header's "skyddsnivå k" (the aspect as its last word).
fn aspect_column(h: &str) -> Option<usize> {
    let names = ["konfidentialitet", "riktighet", "tillgänglighet", "spårbarhet"];
    (0..4).find(|&i| h.contains(names[i])).or_else(|| table::aspect_of(h.rsplit(' ').next().unwrap_or(h)))
}

/// Accepts a header holding Informationsmängd, Konfidentialitet, Riktighet and
/// Tillgänglighet (or K, R, T) in any order.
fn columns(headers: &[(u32, String)]) -> Option<Cols> {
    let (mut nr, mut name, mut description, mut motivation) = (None, None, None, None);
    let mut levels = [None; 4];
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
        } else if let Some(i) = aspect_column(h) {
            &mut levels[i]
        } else {
            continue;
        };
        slot.get_or_insert(*col);
    }
    Some(Cols { nr, name: name?, description, levels: [levels[0]?, levels[1]?, levels[2]?], s: levels[3], motivation })
}

pub fn find(sheet: &Sheet) -> Option<Header<Cols>> {
    table::find_header(sheet, columns)
}

pub fn read(
    sheet: &Sheet,
    profile: &ImportProfile,
    diags: &mut Diagnostics,
    words: &mut Vec<String>,
) -> (ObjectFacts, Vec<SetRow>) {
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
    header.mark(sheet, [c.nr, Some(c.name), c.description, c.motivation, c.s].into_iter().flatten().chain(c.levels));
    let level_cols: Vec<u32> = c.levels.iter().copied().chain(c.s).collect();
    // After a gap the table goes on only at a named row with a level or a number.
    let is_set = |row: u32| {
        let name = sheet.peek(row, c.name).map(|v| v.text()).unwrap_or_default();
        let numbered = c.nr.and_then(|col| sheet.peek(row, col)).is_some_and(|v| match v {
            Value::Number(_) => true,
            v => v.text().starts_with(|ch: char| ch.is_ascii_digit()),
        });
        !name.is_empty()
            && !table::is_note(&name)
            && !table::is_summary(&name)
            && !table::is_legend(&name)
            && (numbered || level_cols.iter().any(|col| sheet.peek(row, *col).is_some()))
    };
    let body = table::body(sheet, &header, is_set);
    let mut sets = Vec::new();
    for &row in &body.rows {
        let name = sheet.peek(row, c.name).map(|v| v.text()).unwrap_or_default();
        let has_level = level_cols.iter().any(|col| sheet.peek(row, *col).is_some());
        if !has_level && (name.is_empty() || table::is_note(&name)) {
            continue;
        }
        let mut levels = [None; 4];
        for (i, col) in level_cols.iter().enumerate() {
            let Some(v) = sheet.take(row, *col) else { continue };
            match levels::app_level(v, profile) {
                Ok(l) => levels[i] = l,
                Err(p) => levels::report(&p, Kind::Level, &v.text(), &sheet.name, (row, *col), diags, words),
            }
        }
        let text = |col: Option<u32>, diags: &mut Diagnostics| text_cells::take_col(sheet, row, col, diags);
        let name = text(Some(c.name), diags);
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
        let (nr, description, motivation) = (text(c.nr, diags), text(c.description, diags), text(c.motivation, diags));
        sets.push(SetRow {
            sheet: sheet.name.clone(),
            row: row + 1,
            nr,
            name,
            description,
            k: levels[0],
            r: levels[1],
            t: levels[2],
            s: levels[3],
            motivation,
        });
    }
    if let Some(row) = body.summary {
        compare_summary(sheet, row, header.span, c, &sets, diags);
    }
    if let Some(row) = body.stray {
        table::warn_after_blank(sheet, (row, c.name), ("en informationsmängd", "an information set"), diags);
    }
    let end = body.summary.or(body.rows.last().copied()).unwrap_or(header.row);
    (facts::read(sheet, Some((header.top, end)), diags), sets)
}

/// The summary row's cached MAX values against the maximum of the sets read.
fn compare_summary(sheet: &Sheet, row: u32, span: (u32, u32), c: &Cols, sets: &[SetRow], diags: &mut Diagnostics) {
    for cell in
        sheet.row(row).iter().filter(|x| x.col >= span.0 && x.col <= span.1 && table::is_summary(&x.value.text()))
    {
        sheet.mark(row, cell.col);
    }
    let derived = [
        sets.iter().filter_map(|s| s.k).max(),
        sets.iter().filter_map(|s| s.r).max(),
        sets.iter().filter_map(|s| s.t).max(),
    ];
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
