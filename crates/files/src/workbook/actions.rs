//! The Handlingsplan sheet: one row per action; rows without an ID are new actions.

use infoklass_store::workbook_apply::{priority_sv, status_sv};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{ACTIONS, ACTION_COLUMNS, ACTION_STATUSES_SV, HEADER_ROW, PRIORITIES_SV, SPARE_ROWS};
use super::ObjectExport;
use crate::row_height;

pub fn write(wb: &mut Workbook, data: &ObjectExport) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(ACTIONS)?;
    cells::table_head(
        ws,
        "Handlingsplan",
        "Åtgärder för krav som inte är uppfyllda och för risker. Datum skrivs ÅÅÅÅ-MM-DD. Nya åtgärder i de tomma raderna.",
        &ACTION_COLUMNS,
    )?;
    let (editable, locked) = (cells::editable(), cells::locked());
    let first = HEADER_ROW + 1;
    for (i, a) in data.actions.iter().enumerate() {
        let row = first + i as u32;
        ws.write_string_with_format(row, 0, &a.id, &locked)?;
        ws.write_string_with_format(row, 1, a.requirement_key.as_deref().unwrap_or(""), &locked)?;
        ws.write_string_with_format(row, 2, &a.measure, &editable)?;
        ws.write_string_with_format(row, 3, &a.responsible, &editable)?;
        ws.write_string_with_format(row, 4, a.due.as_deref().unwrap_or(""), &editable)?;
        ws.write_string_with_format(row, 5, priority_sv(a.priority), &editable)?;
        ws.write_string_with_format(row, 6, status_sv(a.status), &editable)?;
        ws.write_string_with_format(row, 7, &a.notes, &editable)?;
        row_height::fit_row(
            ws,
            row,
            &ACTION_COLUMNS,
            &[&a.id, a.requirement_key.as_deref().unwrap_or(""), &a.measure, &a.responsible, "", "", "", &a.notes],
        )?;
    }
    let last = first + data.actions.len() as u32 + SPARE_ROWS - 1;
    for row in first + data.actions.len() as u32..=last {
        for col in 0..ACTION_COLUMNS.len() as u16 {
            ws.write_blank(row, col, if col < 2 { &locked } else { &editable })?;
        }
    }
    ws.add_data_validation(first, 5, last, 5, &cells::dropdown(&PRIORITIES_SV, "Prioritet", "Hög, Medel eller Låg.")?)?;
    ws.add_data_validation(
        first,
        6,
        last,
        6,
        &cells::dropdown(&ACTION_STATUSES_SV, "Status", "Hur långt åtgärden har kommit.")?,
    )?;
    ws.autofilter(HEADER_ROW, 0, last, ACTION_COLUMNS.len() as u16 - 1)?;
    cells::print_filled(ws, data.actions.len(), ACTION_COLUMNS.len())?;
    cells::protect(ws);
    Ok(())
}
