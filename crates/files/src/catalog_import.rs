//! Reads a catalogue workbook (xlsx, xls, ods) into a validated catalogue. Sheets and
//! columns are found by their names, so reordered columns and extra sheets are fine. Every
//! problem is reported with sheet, row and reason; nothing partial is returned.

use calamine::{Data, Range};
use infoklass_core::labels::{parse_word, text as label, Lang};
use infoklass_core::requirements::{AnsweredBy, Area, Catalog, CatalogError, Obligation, Requirement};
use infoklass_core::Aspect;
use infoklass_isak::guard::Workbook;
use infoklass_isak::Limits;
use infoklass_store::SheetError;

use crate::catalog_export::{
    answered_by_word, AREA_HEADERS, INFO_LABELS, REQUIREMENT_HEADERS, SHEET_AREAS, SHEET_INFO, SHEET_REQUIREMENTS,
};

/// True when `typed` is the label `key` in either language (any case).
fn is_label(typed: &str, key: &str) -> bool {
    Lang::ALL.iter().any(|l| typed.eq_ignore_ascii_case(label(*l, key)))
}

/// A sheet's Swedish name, as errors name it.
fn sv(key: &str) -> &'static str {
    label(Lang::Sv, key)
}

/// Larger files are refused before they are opened.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_ROWS: usize = 10_000;

pub fn read_catalog(bytes: &[u8]) -> Result<Catalog, Vec<SheetError>> {
    let whole = |message: String| {
        vec![SheetError {
            code: String::new(),
            sheet: String::new(),
            row: None,
            key: String::new(),
            field: String::new(),
            message,
        }]
    };
    if bytes.len() > MAX_BYTES {
        return Err(whole(format!("the file is {} bytes; at most {MAX_BYTES} are read", bytes.len())));
    }
    // Opened through the guard, so a hostile file is refused before calamine allocates for it.
    let mut wb = Workbook::open(bytes, &Limits::default())
        .map_err(|e| whole(format!("not a workbook Infoklass can read: {e}")))?;
    let mut sheet = |key: &str| -> Result<Range<Data>, Vec<SheetError>> {
        let name = sv(key);
        let found = wb.sheet_names().into_iter().find(|s| is_label(s.trim(), key));
        let found = found.ok_or_else(|| whole(format!("the sheet \"{name}\" is missing")))?;
        let range = wb.range(&found).map_err(|e| whole(format!("the sheet \"{name}\" cannot be read: {e}")))?;
        if range.height() > MAX_ROWS {
            return Err(whole(format!(
                "the sheet \"{name}\" has {} rows; at most {MAX_ROWS} are read",
                range.height()
            )));
        }
        Ok(range)
    };
    let (info, areas, reqs) = (sheet(SHEET_INFO)?, sheet(SHEET_AREAS)?, sheet(SHEET_REQUIREMENTS)?);
    let mut errors = Vec::new();

    let value = |key: &str| labelled_value(&info, key).unwrap_or_default();
    let [id, version, name_sv, name_en] = INFO_LABELS.map(value);

    let (area_rows, area_map) = table(&areas, &AREA_HEADERS, sv(SHEET_AREAS), &mut errors);
    let area_list: Vec<Area> = area_rows
        .iter()
        .map(|(_, cells)| Area { key: cells[0].clone(), name_sv: cells[1].clone(), name_en: cells[2].clone() })
        .collect();

    let (req_rows, _) = table(&reqs, &REQUIREMENT_HEADERS, sv(SHEET_REQUIREMENTS), &mut errors);
    let mut requirements = Vec::new();
    let mut req_sheet_rows = Vec::new();
    for (row, c) in &req_rows {
        let mut problem = |field: &str, message: String| {
            errors.push(SheetError {
                code: String::new(),
                sheet: sv(SHEET_REQUIREMENTS).into(),
                row: Some(*row),
                key: c[0].clone(),
                field: field.into(),
                message,
            })
        };
        let aspects = parse_aspects(&c[2]).unwrap_or_else(|bad| {
            problem("Skyddar", format!("\"{bad}\" is not an aspect (K, R, T, S)"));
            Vec::new()
        });
        let typed =
            Obligation::parse(&c[8]).or_else(|| parse_word("obligation", &[Obligation::Ska, Obligation::Bor], &c[8]));
        let obligation = typed.unwrap_or_else(|| {
            problem("Ska/Bör", format!("\"{}\" must be Ska or Bör", c[8]));
            Obligation::Bor
        });
        let split = |s: &str| s.split([',', ';']).map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect();
        requirements.push(Requirement {
            key: c[0].clone(),
            area: c[1].clone(),
            aspects,
            trigger: c[3].clone(),
            title_sv: c[4].clone(),
            title_en: c[5].clone(),
            ar_sv: c[6].clone(),
            ska_sv: c[7].clone(),
            obligation,
            guidance_sv: c[9].clone(),
            ar_en: c[15].clone(),
            ska_en: c[16].clone(),
            guidance_en: c[17].clone(),
            iso27002: split(&c[10]),
            nis2: Some(c[11].clone()).filter(|s| !s.is_empty()),
            lagrum_ref: Some(c[14].clone()).filter(|s| !s.is_empty()),
            // An English word (Business, Supplier) becomes the stored value; others are checked by compile.
            answered_by: AnsweredBy::ALL
                .into_iter()
                .find(|a| c[18].eq_ignore_ascii_case(answered_by_word(Lang::En, *a)))
                .map_or_else(|| c[18].clone(), |a| a.as_str().to_string()),
            supersedes: split(&c[12]),
        });
        req_sheet_rows.push(*row);
    }
    let catalog = Catalog { id, version, name_sv, name_en, areas: area_list, requirements, triggers: Vec::new() };
    let compiled = catalog.compile();
    if let Err(list) = &compiled {
        errors.extend(list.iter().map(|e| to_sheet_error(e, &area_map, &req_sheet_rows)));
    }
    match compiled {
        Ok(c) if errors.is_empty() => Ok(c),
        _ => {
            errors.sort_by_key(|e| (e.sheet.clone(), e.row));
            Err(errors)
        }
    }
}

/// Maps a catalogue error (row = position in the list) to the sheet row it came from.
fn to_sheet_error(e: &CatalogError, area_rows: &[u32], req_rows: &[u32]) -> SheetError {
    let (sheet, rows) = match e.field.as_str() {
        "area" if e.message.contains("area key") || e.message.contains("Swedish name") => (sv(SHEET_AREAS), area_rows),
        "id" | "version" => (sv(SHEET_INFO), &[][..]),
        _ => (sv(SHEET_REQUIREMENTS), req_rows),
    };
    let row = e.row.and_then(|r| rows.get(r as usize - 1).copied());
    let field = match e.field.as_str() {
        "key" => "Krav-ID",
        "area" if sheet == sv(SHEET_AREAS) => "Nyckel",
        "area" => "Område",
        "trigger" => "Villkor",
        "title_sv" => "Rubrik",
        "ar_sv" => "ÄR-krav",
        "ska_sv" => "SKA-krav",
        "ar_en" => "ÄR-krav (engelska)",
        "ska_en" => "SKA-krav (engelska)",
        "guidance_en" => "Vägledning (engelska)",
        "answered_by" => "Vem svarar",
        "supersedes" => "Ersätter",
        "id" => "Id",
        "version" => "Version",
        other => other,
    };
    SheetError {
        code: e.code.clone(),
        sheet: sheet.into(),
        row,
        key: e.key.clone(),
        field: field.into(),
        message: e.message.clone(),
    }
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

/// The value in the first non-empty cell right of a cell whose text is the label `key`.
fn labelled_value(range: &Range<Data>, key: &str) -> Option<String> {
    range.rows().find_map(|row| {
        let at = row.iter().position(|c| is_label(text(c).trim_end_matches(':'), key))?;
        row[at + 1..].iter().map(text).find(|t| !t.is_empty())
    })
}

/// Columns (label keys) a hand-made workbook may leave out.
const OPTIONAL: [&str; 12] = [
    "cat_info.name_en",
    "cat_col.title_en",
    "cat_col.guidance",
    "procurement_column.iso",
    "cat_col.nis2",
    "cat_col.supersedes",
    "cat_col.local_how",
    "cat_col.lagrum",
    "cat_col.ar_en",
    "cat_col.ska_en",
    "cat_col.guidance_en",
    "cat_col.answered_by",
];

/// Rows of a table under a header row holding all required `headers` (label keys, in either
/// language; any order, extra
/// columns ignored, OPTIONAL ones may be missing). Returns (sheet row number, cells in `headers` order) for non-blank rows, and
/// the sheet row numbers.
fn table(
    range: &Range<Data>,
    headers: &[&str],
    sheet: &str,
    errors: &mut Vec<SheetError>,
) -> (Vec<(u32, Vec<String>)>, Vec<u32>) {
    let first_row = range.start().map(|(r, _)| r).unwrap_or(0);
    let found = range.rows().enumerate().find_map(|(i, row)| {
        let cols: Vec<Option<usize>> = headers.iter().map(|h| row.iter().position(|c| is_label(&text(c), h))).collect();
        let complete = headers.iter().zip(&cols).all(|(h, c)| c.is_some() || OPTIONAL.contains(h));
        complete.then_some((i, cols))
    });
    let Some((header_index, cols)) = found else {
        errors.push(SheetError {
            code: String::new(),
            sheet: sheet.into(),
            row: None,
            key: String::new(),
            field: String::new(),
            message: format!(
                "no header row with the columns {}",
                headers.iter().filter(|h| !OPTIONAL.contains(h)).map(|h| sv(h)).collect::<Vec<_>>().join(", ")
            ),
        });
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    for (i, row) in range.rows().enumerate().skip(header_index + 1) {
        let cells: Vec<String> =
            cols.iter().map(|c| c.and_then(|c| row.get(c)).map(text).unwrap_or_default()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        out.push((first_row + i as u32 + 1, cells));
    }
    let rows = out.iter().map(|(r, _)| *r).collect();
    (out, rows)
}

fn parse_aspects(text: &str) -> Result<Vec<Aspect>, String> {
    text.split([',', ';', ' ', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s.to_ascii_uppercase().as_str() {
            "K" => Ok(Aspect::K),
            "R" => Ok(Aspect::R),
            "T" => Ok(Aspect::T),
            "S" => Ok(Aspect::S),
            _ => Err(s.to_string()),
        })
        .collect()
}
