//! The Klassning sheet: one row per information set with K/R/T/S levels and motivations.
//! Rows without an ID are new sets when the workbook comes back.

use infoklass_core::labels::{text, Lang};
use infoklass_core::Aspect;
use rust_xlsxwriter::{Formula, Workbook, XlsxError};

use super::cells;
use super::layout::{col_name, sheet_name, CLASSIFICATION, HEADER_ROW, SET_COLUMNS, SET_LEVEL_COL, SPARE_ROWS};
use super::ObjectExport;
use crate::{row_height, style};

pub fn write(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let content = &data.detail.current.content;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, CLASSIFICATION))?;
    cells::table_head_in(
        ws,
        lang,
        text(lang, "wb.classification_title"),
        text(lang, "wb.classification_help"),
        &SET_COLUMNS,
    )?;
    let (editable, locked) = (cells::editable(), cells::locked());
    let first = HEADER_ROW + 1;
    for (i, set) in content.sets.iter().enumerate() {
        let row = first + i as u32;
        ws.write_string_with_format(row, 0, &set.id, &locked)?;
        ws.write_string_with_format(row, 1, &set.name, &editable)?;
        ws.write_string_with_format(row, 2, &set.description, &editable)?;
        ws.write_string_with_format(row, 3, set.info_type.as_deref().unwrap_or(""), &locked)?;
        for (j, a) in Aspect::ALL.iter().enumerate() {
            cells::write_opt_number(ws, row, SET_LEVEL_COL + j as u16, *set.levels.get(*a), &editable)?;
            ws.write_string_with_format(row, SET_LEVEL_COL + 4 + j as u16, set.motivations.get(*a), &editable)?;
        }
        let m = |a| set.motivations.get(a);
        row_height::fit_row(
            ws,
            row,
            &SET_COLUMNS,
            &[
                &set.id,
                &set.name,
                &set.description,
                set.info_type.as_deref().unwrap_or(""),
                "",
                "",
                "",
                "",
                m(Aspect::K),
                m(Aspect::R),
                m(Aspect::T),
                m(Aspect::S),
            ],
        )?;
    }
    let last = first + content.sets.len() as u32 + SPARE_ROWS - 1;
    for row in first + content.sets.len() as u32..=last {
        ws.write_blank(row, 0, &locked)?;
        for col in 1..SET_COLUMNS.len() as u16 {
            if col != 3 {
                ws.write_blank(row, col, &editable)?;
            } else {
                ws.write_blank(row, col, &locked)?;
            }
        }
    }
    let levels = cells::number_between(lang, 0, 4, text(lang, "wb.level"), text(lang, "wb.level_help"))?;
    ws.add_data_validation(first, SET_LEVEL_COL, last, SET_LEVEL_COL + 3, &levels)?;
    cells::level_colours(ws, first, SET_LEVEL_COL, last, SET_LEVEL_COL + 3)?;
    // The per-aspect maximum in the title row, next to the headers it summarises.
    ws.write_string_with_format(2, SET_LEVEL_COL - 1, text(lang, "wb.highest"), &style::cell_bold())?;
    for j in 0..4u16 {
        let col = col_name(SET_LEVEL_COL + j);
        let cached = content.sets.iter().filter_map(|s| *s.levels.get(Aspect::ALL[j as usize])).max();
        let f = Formula::new(format!(
            "=IF(COUNT({col}{}:{col}{})=0,\"\",MAX({col}{}:{col}{}))",
            first + 1,
            last + 1,
            first + 1,
            last + 1
        ))
        .set_result(cached.map(|l| l.to_string()).unwrap_or_default());
        ws.write_formula_with_format(2, SET_LEVEL_COL + j, f, &style::cell_bold())?;
    }
    cells::level_colours(ws, 2, SET_LEVEL_COL, 2, SET_LEVEL_COL + 3)?;
    ws.autofilter(HEADER_ROW, 0, last, SET_COLUMNS.len() as u16 - 1)?;
    cells::print_filled(ws, content.sets.len(), SET_COLUMNS.len())?;
    cells::protect(ws);
    Ok(())
}
