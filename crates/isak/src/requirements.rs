//! The Krav sheet: ISAK's own old requirement list, kept verbatim as legacy requirements.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{Sheet, Value};
use crate::levels;
use crate::model::{ImportProfile, LegacyRequirement};
use crate::table::{self, Header};
use crate::text_cells;

pub struct Cols {
    id: Option<u32>,
    area: Option<u32>,
    text: u32,
    /// From-level columns for K, R, T.
    from: [Option<u32>; 3],
    status: Option<u32>,
    comment: Option<u32>,
    responsible: Option<u32>,
}

/// "K", "Gäller från K", "Från K", "Konfidentialitet" → 0; likewise R → 1, T → 2.
fn from_column(h: &str) -> Option<usize> {
    let words = ["konfidentialitet", "riktighet", "tillgänglighet"];
    let letters = ["k", "r", "t"];
    (0..3).find(|&i| {
        h == letters[i]
            || h.contains(words[i])
            || (h.contains("från") && h.strip_suffix(letters[i]).is_some_and(|p| p.ends_with(' ')))
    })
}

fn columns(headers: &[(u32, String)]) -> Option<Cols> {
    let (mut id, mut area, mut text, mut status, mut comment, mut responsible) = (None, None, None, None, None, None);
    let mut from = [None; 3];
    for (col, h) in headers {
        let h = h.as_str();
        let slot = if matches!(h, "krav-id" | "kravid" | "id" | "nr" | "krav nr" | "kravnummer" | "krav-nr") {
            &mut id
        } else if matches!(h, "område" | "kravområde") {
            &mut area
        } else if matches!(h, "krav" | "kravtext" | "krav text" | "kravformulering" | "kravbeskrivning") {
            &mut text
        } else if let Some(i) = from_column(h) {
            &mut from[i]
        } else if h.starts_with("uppfyll") || matches!(h, "status" | "efterlevnad") {
            &mut status
        } else if h.starts_with("kommentar") {
            &mut comment
        } else if h.contains("ansvarig") {
            &mut responsible
        } else {
            continue;
        };
        slot.get_or_insert(*col);
    }
    let text = text?;
    (id.is_some() || status.is_some() || from.iter().any(Option::is_some)).then_some(Cols {
        id,
        area,
        text,
        from,
        status,
        comment,
        responsible,
    })
}

pub fn find(sheet: &Sheet) -> Option<Header<Cols>> {
    table::find_header(sheet, columns)
}

pub fn read(sheet: &Sheet, diags: &mut Diagnostics) -> Vec<LegacyRequirement> {
    let Some(header) = find(sheet) else {
        diags.sheet(
            Severity::Warning,
            "REQUIREMENT_TABLE_MISSING",
            &sheet.name,
            "ingen rubrikrad med Krav/Kravtext hittades; inga krav lästes".into(),
            "no header row with Krav/Kravtext was found; no requirements were read".into(),
        );
        return Vec::new();
    };
    let c = &header.cols;
    let all = [c.id, c.area, Some(c.text), c.status, c.comment, c.responsible];
    header.mark(sheet, all.into_iter().chain(c.from).flatten());
    // After a gap the table goes on only at a row with a text and an id, a level or a status.
    let is_requirement = |row: u32| {
        let has = |col: Option<u32>| col.is_some_and(|col| sheet.peek(row, col).is_some());
        let text = sheet.peek(row, c.text).map(|v| v.text()).unwrap_or_default();
        !text.is_empty() && !table::is_note(&text) && (has(c.id) || has(c.status) || c.from.iter().any(|col| has(*col)))
    };
    let body = table::body(sheet, &header, is_requirement);
    let mut out = Vec::new();
    for &row in &body.rows {
        let has = |col: Option<u32>| col.is_some_and(|col| sheet.peek(row, col).is_some());
        if !has(Some(c.text)) && !has(c.id) {
            continue;
        }
        let text = |col: Option<u32>, diags: &mut Diagnostics| text_cells::take_col(sheet, row, col, diags);
        let from = c.from.map(|col| {
            let raw = col.map(|col| sheet.take_text(row, col)).unwrap_or_default();
            if let Some(col) = col.filter(|_| !applies_from(&raw)) {
                diags.at(
                    Severity::Warning,
                    "REQUIREMENT_FROM_UNREADABLE",
                    &sheet.name,
                    (row, col),
                    format!("\"{raw}\" är varken x, tomt eller en nivå (1–4); texten sparas som den står"),
                    format!("\"{raw}\" is neither x, blank nor a level (1–4); the text is kept as written"),
                );
            }
            raw
        });
        let [from_k, from_r, from_t] = from;
        let (id, area, requirement) = (text(c.id, diags), text(c.area, diags), text(Some(c.text), diags));
        let (status, comment, responsible) =
            (text(c.status, diags), text(c.comment, diags), text(c.responsible, diags));
        out.push(LegacyRequirement {
            sheet: sheet.name.clone(),
            row: row + 1,
            id,
            area,
            text: requirement,
            from_k,
            from_r,
            from_t,
            status,
            comment,
            responsible,
        });
    }
    if let Some(row) = body.stray {
        table::warn_after_blank(sheet, (row, c.text), ("ett krav", "a requirement"), diags);
    }
    out
}

/// Blank (not triggered by this aspect), `x` (always) or an ISAK level.
fn applies_from(raw: &str) -> bool {
    raw.is_empty()
        || raw.eq_ignore_ascii_case("x")
        || matches!(levels::app_level(&Value::Text(raw.into()), &ImportProfile::default()), Ok(Some(_)))
}
