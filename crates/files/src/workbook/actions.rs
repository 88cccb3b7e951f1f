//! The Handlingsplan sheet: one row per action; rows without an ID are new actions.

use infoklass_core::labels::{text, word, Lang};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{sheet_name, words, ACTIONS, ACTION_COLUMNS, ACTION_STATUSES, HEADER_ROW, PRIORITIES, SPARE_ROWS};
use super::ObjectExport;
use crate::row_height;

pub fn write(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, ACTIONS))?;
    cells::table_head_in(ws, lang, sheet_name(lang, ACTIONS), text(lang, "wb.actions_help"), &ACTION_COLUMNS)?;
    let (editable, locked) = (cells::editable(), cells::locked());
    let first = HEADER_ROW + 1;
    for (i, a) in data.actions.iter().enumerate() {
        let row = first + i as u32;
        ws.write_string_with_format(row, 0, &a.id, &locked)?;
        ws.write_string_with_format(row, 1, a.requirement_key.as_deref().unwrap_or(""), &locked)?;
        ws.write_string_with_format(row, 2, &a.measure, &editable)?;
        ws.write_string_with_format(row, 3, &a.responsible, &editable)?;
        ws.write_string_with_format(row, 4, a.due.as_deref().unwrap_or(""), &editable)?;
        ws.write_string_with_format(row, 5, word(lang, "priority", a.priority), &editable)?;
        ws.write_string_with_format(row, 6, word(lang, "action_status", a.status), &editable)?;
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
    let priorities = words(lang, "priority", &PRIORITIES);
    let statuses = words(lang, "action_status", &ACTION_STATUSES);
    let (p_title, s_title) = (text(lang, "col.priority"), text(lang, "col.status"));
    ws.add_data_validation(first, 5, last, 5, &cells::dropdown(&priorities, p_title, text(lang, "wb.priority_help"))?)?;
    ws.add_data_validation(
        first,
        6,
        last,
        6,
        &cells::dropdown(&statuses, s_title, text(lang, "wb.action_status_help"))?,
    )?;
    ws.autofilter(HEADER_ROW, 0, last, ACTION_COLUMNS.len() as u16 - 1)?;
    cells::print_filled(ws, data.actions.len(), ACTION_COLUMNS.len())?;
    cells::protect(ws);
    Ok(())
}
