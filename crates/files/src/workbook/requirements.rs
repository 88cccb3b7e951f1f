//! The Krav sheet (derived requirements with self-assessment), the Upphandlingskrav sheet
//! (SKA-wordings) and the sheet of requirements kept from an old ISAK workbook.

use infoklass_core::labels::{self, aspect_letter, catalog_text, fill, text, word, Lang};
use infoklass_core::requirements::trigger::Term;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{
    sheet_name, words, ANSWERS, HEADER_ROW, LEGACY, LEGACY_COLUMNS, PROCUREMENT, PROCUREMENT_COLUMNS, REQUIREMENTS,
    REQ_ANSWER_COL, REQ_COLUMNS,
};
use infoklass_store::{LegacyRequirement, RequirementItem};

use super::ObjectExport;
use crate::{aspects_in, row_height};

/// Why a requirement applies, as a reader of `lang` says it: "grundskydd", "T ≥ 2", "lagrum …".
fn reason(lang: Lang, term: &Term) -> String {
    match term {
        Term::Baseline => text(lang, "wb.baseline").to_string(),
        Term::Level { aspect, min } => format!("{} ≥ {min}", aspect_letter(lang, *aspect)),
        Term::Lagrum { lagrum } => format!("{} {lagrum}", text(lang, "wb.lagrum")),
    }
}

/// The catalogue texts of a requirement in `lang`: area, title, ÄR- and SKA-wording.
fn texts(lang: Lang, item: &RequirementItem) -> [String; 4] {
    [
        catalog_text(lang, &item.area_sv, &item.area_en),
        catalog_text(lang, &item.title_sv, &item.title_en),
        catalog_text(lang, &item.ar_sv, &item.ar_en),
        catalog_text(lang, &item.ska_sv, &item.ska_en),
    ]
}

pub fn write_assessment(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let view = &data.requirements;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, REQUIREMENTS))?;
    let help = match view.suppressed {
        Some(_) => text(lang, "wb.requirements_suppressed").to_string(),
        None => fill(
            lang,
            "wb.requirements_help",
            &[
                ("catalog", &format!("{} {}", view.catalog_id, view.catalog_version)),
                ("count", &view.items.len().to_string()),
                ("profile", &labels::relabel_profile(lang, &view.profile)),
            ],
        ),
    };
    cells::table_head_in(ws, lang, text(lang, "wb.requirements_title"), &help, &REQ_COLUMNS)?;
    let (editable, locked) = (cells::editable(), cells::locked());
    for (i, item) in view.items.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let mut reasons: Vec<String> = item.reasons.iter().map(|r| reason(lang, r)).collect();
        let a = item.assessment.as_ref();
        // A lower step included in a higher one is not asked: its answer cells are locked.
        let answer_format = match &item.included_in {
            Some(by) => {
                reasons.push(format!("{} {by}", text(lang, "wb.included_in")));
                &locked
            }
            None => &editable,
        };
        let [area, title, ar, _] = texts(lang, item);
        let answer = a.map(|a| word(lang, "answer", a.answer)).unwrap_or("");
        ws.write_string_with_format(row, 0, &item.key, &locked)?;
        ws.write_string_with_format(row, 1, &area, &locked)?;
        ws.write_string_with_format(row, 2, &title, &locked)?;
        ws.write_string_with_format(row, 3, &ar, &locked)?;
        ws.write_string_with_format(row, 4, aspects_in(lang, &item.aspects), &locked)?;
        ws.write_string_with_format(row, 5, reasons.join(", "), &locked)?;
        ws.write_string_with_format(row, REQ_ANSWER_COL, answer, answer_format)?;
        ws.write_string_with_format(row, 7, a.map(|a| a.comment.as_str()).unwrap_or(""), answer_format)?;
        ws.write_string_with_format(row, 8, a.map(|a| a.evidence.as_str()).unwrap_or(""), answer_format)?;
        row_height::fit_row(
            ws,
            row,
            &REQ_COLUMNS,
            &[
                &item.key,
                &area,
                &title,
                &ar,
                "",
                &reasons.join(", "),
                answer,
                a.map(|a| a.comment.as_str()).unwrap_or(""),
                a.map(|a| a.evidence.as_str()).unwrap_or(""),
            ],
        )?;
    }
    if !view.items.is_empty() {
        let last = HEADER_ROW + view.items.len() as u32;
        let words = words(lang, "answer", &ANSWERS);
        let answers = cells::dropdown(&words, text(lang, "col.self_assessment"), text(lang, "wb.answer_help"))?;
        ws.add_data_validation(HEADER_ROW + 1, REQ_ANSWER_COL, last, REQ_ANSWER_COL, &answers)?;
        ws.autofilter(HEADER_ROW, 0, last, REQ_COLUMNS.len() as u16 - 1)?;
    }
    cells::protect(ws);
    Ok(())
}

pub fn write_procurement(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let view = &data.requirements;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, PROCUREMENT))?;
    let title = sheet_name(lang, PROCUREMENT);
    cells::table_head_in(ws, lang, title, text(lang, "wb.procurement_help"), &PROCUREMENT_COLUMNS)?;
    let locked = cells::locked();
    // A tender list never repeats a lower step of a staircase whose higher step applies.
    let listed = view.items.iter().filter(|item| item.included_in.is_none());
    for (i, item) in listed.enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let [area, title, _, ska] = texts(lang, item);
        ws.write_string_with_format(row, 0, &item.key, &locked)?;
        ws.write_string_with_format(row, 1, &area, &locked)?;
        ws.write_string_with_format(row, 2, &title, &locked)?;
        ws.write_string_with_format(row, 3, &ska, &locked)?;
        ws.write_string_with_format(row, 4, word(lang, "obligation", item.obligation), &locked)?;
        row_height::fit_row(ws, row, &PROCUREMENT_COLUMNS, &[&item.key, &area, &title, &ska])?;
    }
    cells::protect(ws);
    Ok(())
}

pub fn write_legacy(wb: &mut Workbook, rows: &[LegacyRequirement], lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, LEGACY))?;
    cells::table_head_in(ws, lang, text(lang, "wb.legacy_title"), text(lang, "wb.legacy_help"), &LEGACY_COLUMNS)?;
    let locked = cells::locked();
    for (i, r) in rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        for (col, text) in
            [&r.id, &r.area, &r.text, &r.applies_from, &r.status, &r.comment, &r.responsible].iter().enumerate()
        {
            ws.write_string_with_format(row, col as u16, text.as_str(), &locked)?;
        }
        row_height::fit_row(
            ws,
            row,
            &LEGACY_COLUMNS,
            &[&r.id, &r.area, &r.text, &r.applies_from, &r.status, &r.comment, &r.responsible],
        )?;
    }
    cells::protect(ws);
    Ok(())
}
