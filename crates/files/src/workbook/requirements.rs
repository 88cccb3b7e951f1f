//! The Krav sheet (derived requirements with self-assessment), the Upphandlingskrav sheet
//! (SKA-wordings) and the sheet of requirements kept from an old ISAK workbook.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{
    ANSWERS_SV, HEADER_ROW, LEGACY, LEGACY_COLUMNS, PROCUREMENT, PROCUREMENT_COLUMNS, REQUIREMENTS, REQ_ANSWER_COL,
    REQ_COLUMNS,
};
use infoklass_store::LegacyRequirement;

use super::ObjectExport;
use crate::{aspects_text, obligation_sv, row_height};

pub fn write_assessment(wb: &mut Workbook, data: &ObjectExport) -> Result<(), XlsxError> {
    let view = &data.requirements;
    let ws = wb.add_worksheet();
    ws.set_name(REQUIREMENTS)?;
    let help = match view.suppressed {
        Some(_) => "Inga krav härleds: klassningen är ofullständig eller har nivå 4 (separat analys).".to_string(),
        None => format!(
            "Kravkatalog {} {} · {} krav för profilen {}. Välj självskattning i listan; Ej tillämpligt kräver en kommentar.",
            view.catalog_id,
            view.catalog_version,
            view.items.len(),
            view.profile
        ),
    };
    cells::table_head(ws, "Skyddskrav och självskattning", &help, &REQ_COLUMNS)?;
    let (editable, locked) = (cells::editable(), cells::locked());
    for (i, item) in view.items.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let mut reasons: Vec<String> = item.reasons.iter().map(|r| r.label_sv()).collect();
        let a = item.assessment.as_ref();
        // A lower step included in a higher one is not asked: its answer cells are locked.
        let answer_format = match &item.included_in {
            Some(by) => {
                reasons.push(format!("ingår i {by}"));
                &locked
            }
            None => &editable,
        };
        ws.write_string_with_format(row, 0, &item.key, &locked)?;
        ws.write_string_with_format(row, 1, &item.area_sv, &locked)?;
        ws.write_string_with_format(row, 2, &item.title_sv, &locked)?;
        ws.write_string_with_format(row, 3, &item.ar_sv, &locked)?;
        ws.write_string_with_format(row, 4, aspects_text(&item.aspects), &locked)?;
        ws.write_string_with_format(row, 5, reasons.join(", "), &locked)?;
        ws.write_string_with_format(row, REQ_ANSWER_COL, a.map(|a| a.answer.name_sv()).unwrap_or(""), answer_format)?;
        ws.write_string_with_format(row, 7, a.map(|a| a.comment.as_str()).unwrap_or(""), answer_format)?;
        ws.write_string_with_format(row, 8, a.map(|a| a.evidence.as_str()).unwrap_or(""), answer_format)?;
        row_height::fit_row(
            ws,
            row,
            &REQ_COLUMNS,
            &[
                &item.key,
                &item.area_sv,
                &item.title_sv,
                &item.ar_sv,
                "",
                &reasons.join(", "),
                a.map(|a| a.answer.name_sv()).unwrap_or(""),
                a.map(|a| a.comment.as_str()).unwrap_or(""),
                a.map(|a| a.evidence.as_str()).unwrap_or(""),
            ],
        )?;
    }
    if !view.items.is_empty() {
        let last = HEADER_ROW + view.items.len() as u32;
        let answers = cells::dropdown(&ANSWERS_SV, "Självskattning", "Hur väl uppfylls kravet i dag?")?;
        ws.add_data_validation(HEADER_ROW + 1, REQ_ANSWER_COL, last, REQ_ANSWER_COL, &answers)?;
        ws.autofilter(HEADER_ROW, 0, last, REQ_COLUMNS.len() as u16 - 1)?;
    }
    cells::protect(ws);
    Ok(())
}

pub fn write_procurement(wb: &mut Workbook, data: &ObjectExport) -> Result<(), XlsxError> {
    let view = &data.requirements;
    let ws = wb.add_worksheet();
    ws.set_name(PROCUREMENT)?;
    cells::table_head(
        ws,
        "Upphandlingskrav",
        "Kraven formulerade för en leverantör. Den slutliga listan för ett förfrågningsunderlag tas fram i Infoklass.",
        &PROCUREMENT_COLUMNS,
    )?;
    let locked = cells::locked();
    // A tender list never repeats a lower step of a staircase whose higher step applies.
    let listed = view.items.iter().filter(|item| item.included_in.is_none());
    for (i, item) in listed.enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_string_with_format(row, 0, &item.key, &locked)?;
        ws.write_string_with_format(row, 1, &item.area_sv, &locked)?;
        ws.write_string_with_format(row, 2, &item.title_sv, &locked)?;
        ws.write_string_with_format(row, 3, &item.ska_sv, &locked)?;
        ws.write_string_with_format(row, 4, obligation_sv(item.obligation), &locked)?;
        row_height::fit_row(ws, row, &PROCUREMENT_COLUMNS, &[&item.key, &item.area_sv, &item.title_sv, &item.ska_sv])?;
    }
    cells::protect(ws);
    Ok(())
}

pub fn write_legacy(wb: &mut Workbook, rows: &[LegacyRequirement]) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(LEGACY)?;
    cells::table_head(
        ws,
        "Krav från den gamla ISAK-arbetsboken",
        "Oförändrade från importen. De ingår inte i kravkatalogen.",
        &LEGACY_COLUMNS,
    )?;
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
