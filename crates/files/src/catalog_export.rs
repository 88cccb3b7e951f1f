//! The requirement catalogue as a workbook an organisation can edit and import again.
//! Sheet and column names are what `catalog_import` looks for.

use infoklass_core::labels::{text, word, Lang};
use infoklass_core::requirements::{AnsweredBy, Catalog, Obligation};
use rust_xlsxwriter::{DataValidation, Workbook};

use crate::{aspects_text, row_height, style, ExcelError};

// Sheets and columns by label key: the export writes one language, the import takes both.
pub const SHEET_INFO: &str = "cat_sheet.info";
pub const SHEET_AREAS: &str = "cat_sheet.areas";
pub const SHEET_REQUIREMENTS: &str = "sheet.requirements";

pub const INFO_LABELS: [&str; 4] = ["cat_info.id", "cat_info.version", "cat_info.name", "cat_info.name_en"];
pub const AREA_HEADERS: [&str; 3] = ["cat_area.key", "cat_info.name", "cat_info.name_en"];
pub const REQUIREMENT_HEADERS: [&str; 19] = [
    "col.key",
    "col.area",
    "col.protects",
    "cat_col.trigger",
    "cat_col.title",
    "cat_col.title_en",
    "cat_col.ar",
    "cat_col.ska",
    "col.obligation",
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
const AREA_WIDTH: f64 = 30.0;
const WIDTHS: [f64; 19] =
    [9.0, 18.0, 9.0, 22.0, 28.0, 24.0, 50.0, 50.0, 8.0, 40.0, 12.0, 16.0, 16.0, 30.0, 22.0, 50.0, 50.0, 40.0, 12.0];
/// Who answers, as a person reads it in `lang` (the import also takes the stored values).
pub fn answered_by_word(lang: Lang, a: AnsweredBy) -> &'static str {
    text(lang, &format!("answered_by.{}", a.as_str()))
}

/// `local_how` gives the organisation's own text per key (exported for reference; the
/// catalogue import ignores that column). Sheet names, headers and words in `lang`; the texts
/// are the catalogue's own, both languages side by side.
pub fn catalog_xlsx(c: &Catalog, local_how: &dyn Fn(&str) -> String, lang: Lang) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name(text(lang, SHEET_INFO))?;
    const INFO_WIDTHS: [f64; 2] = [18.0, 50.0];
    info.set_column_width(0, INFO_WIDTHS[0])?;
    info.set_column_width(1, INFO_WIDTHS[1])?;
    info.set_print_fit_to_pages(1, 0);
    info.write_string_with_format(0, 0, text(lang, "cat.title"), &style::title())?;
    let values = [&c.id, &c.version, &c.name_sv, &c.name_en];
    for (i, (label, value)) in INFO_LABELS.map(|k| text(lang, k)).iter().zip(values).enumerate() {
        info.write_string_with_format(2 + i as u32, 0, *label, &style::cell_bold())?;
        info.write_string_with_format(2 + i as u32, 1, value, &style::cell())?;
        row_height::fit_row(info, 2 + i as u32, &INFO_WIDTHS, &[label, value])?;
    }
    info.write_string_with_format(8, 0, text(lang, "cat.help"), &style::subtitle())?;

    let areas = wb.add_worksheet();
    areas.set_name(text(lang, SHEET_AREAS))?;
    let area_headers = AREA_HEADERS.map(|k| text(lang, k));
    for (col, h) in area_headers.iter().enumerate() {
        areas.write_string_with_format(0, col as u16, *h, &style::header())?;
        areas.set_column_width(col as u16, AREA_WIDTH)?;
    }
    row_height::fit_row(areas, 0, &[AREA_WIDTH; 3], &area_headers)?;
    for (i, a) in c.areas.iter().enumerate() {
        let row = 1 + i as u32;
        areas.write_string_with_format(row, 0, &a.key, &style::cell())?;
        areas.write_string_with_format(row, 1, &a.name_sv, &style::cell())?;
        areas.write_string_with_format(row, 2, &a.name_en, &style::cell())?;
        row_height::fit_row(areas, row, &[AREA_WIDTH; 3], &[&a.key, &a.name_sv, &a.name_en])?;
    }
    areas.set_freeze_panes(1, 0)?;
    areas.set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0)?;

    let ws = wb.add_worksheet();
    ws.set_name(text(lang, SHEET_REQUIREMENTS))?;
    let headers = REQUIREMENT_HEADERS.map(|k| text(lang, k));
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &style::header())?;
        ws.set_column_width(col as u16, WIDTHS[col])?;
    }
    row_height::fit_row(ws, 0, &WIDTHS, &headers)?;
    let cell = style::cell();
    for (i, r) in c.requirements.iter().enumerate() {
        let row = 1 + i as u32;
        let values = [
            r.key.clone(),
            r.area.clone(),
            aspects_text(&r.aspects),
            r.trigger.clone(),
            r.title_sv.clone(),
            r.title_en.clone(),
            r.ar_sv.clone(),
            r.ska_sv.clone(),
            word(lang, "obligation", r.obligation).to_string(),
            r.guidance_sv.clone(),
            r.iso27002.join(", "),
            r.nis2.clone().unwrap_or_default(),
            r.supersedes.join(", "),
            local_how(&r.key),
            r.lagrum_ref.clone().unwrap_or_default(),
            r.ar_en.clone(),
            r.ska_en.clone(),
            r.guidance_en.clone(),
            answered_by_word(lang, r.who_answers()).to_string(),
        ];
        for (col, v) in values.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, v, &cell)?;
        }
        row_height::fit_row(ws, row, &WIDTHS, &values.each_ref().map(String::as_str))?;
    }
    let last = c.requirements.len().max(1) as u32 + 200;
    let obligations = [Obligation::Ska, Obligation::Bor].map(|o| word(lang, "obligation", o));
    ws.add_data_validation(1, 8, last, 8, &DataValidation::new().allow_list_strings(&obligations)?)?;
    let who = (REQUIREMENT_HEADERS.len() - 1) as u16; // "Vem svarar" is the last column
    let answered_by = AnsweredBy::ALL.map(|a| answered_by_word(lang, a));
    ws.add_data_validation(1, who, last, who, &DataValidation::new().allow_list_strings(&answered_by)?)?;
    ws.set_freeze_panes(1, 1)?;
    ws.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0)?;
    ws.autofilter(0, 0, c.requirements.len() as u32, (REQUIREMENT_HEADERS.len() - 1) as u16)?;
    Ok(wb.save_to_buffer()?)
}
