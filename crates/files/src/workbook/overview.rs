//! The overview sheet: the object's facts, its profile, status and approval.

use infoklass_core::labels::{self, aspect_letter, text, Lang};
use infoklass_core::Aspect;
use rust_xlsxwriter::{Formula, Workbook, XlsxError};

use super::cells;
use super::layout::{col_name, sheet_name, CLASSIFICATION, HEADER_ROW, OVERVIEW, SET_LEVEL_COL, SPARE_ROWS};
use infoklass_store::workbook_apply::{fact_labels, fact_values};

use super::ObjectExport;
use crate::{row_height, style};

pub fn write(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let d = &data.detail;
    let c = &d.current;
    let m = &c.meta;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, OVERVIEW))?;
    const WIDTHS: [f64; 2] = [24.0, 60.0];
    ws.set_column_width(0, WIDTHS[0])?;
    ws.set_column_width(1, WIDTHS[1])?;
    ws.set_print_fit_to_pages(1, 0);
    let title = format!("{}: {}", text(lang, "wb.overview_title"), m.name);
    ws.write_string_with_format(0, 0, title, &style::title())?;
    ws.write_string_with_format(1, 0, text(lang, "wb.overview_help"), &style::subtitle())?;
    let status = labels::word(lang, "status", c.status);
    // Name and kind are changed in the app, the facts in between here; the reader finds
    // each by its label.
    let mut rows: Vec<(&str, String, bool)> = vec![
        (text(lang, "fact.object"), m.name.clone(), false),
        (text(lang, "fact.kind"), kind(lang, m.kind).into(), false),
    ];
    rows.extend(fact_labels(lang).iter().zip(fact_values(m)).map(|(l, v)| (*l, v, true)));
    rows.push((text(lang, "fact.status"), format!("{status} (version {})", c.version), false));
    let (label, editable, locked) = (style::cell_bold(), cells::editable(), cells::locked());
    for (i, (name, value, may_edit)) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string_with_format(row, 0, *name, &label)?;
        ws.write_string_with_format(row, 1, value, if *may_edit { &editable } else { &locked })?;
        row_height::fit_row(ws, row, &WIDTHS, &[name, value])?;
    }
    let mut row = 3 + rows.len() as u32;
    if let (Some(by), Some(at)) = (&c.approved_by, &c.approved_at) {
        ws.write_string_with_format(row, 0, text(lang, "fact.approved_by"), &label)?;
        ws.write_string_with_format(row, 1, format!("{by}, {at}"), &locked)?;
        row_height::fit_row(ws, row, &WIDTHS, &["", &format!("{by}, {at}")])?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, text(lang, "wb.profile"), &style::title())?;
    ws.write_string_with_format(row, 1, labels::profile_text(lang, &c.profile.levels), &style::cell_bold())?;
    // Live maxima over the Klassning sheet, so edits there show here at once.
    let first = HEADER_ROW + 2;
    let last = HEADER_ROW + 1 + d.current.content.sets.len() as u32 + SPARE_ROWS;
    let sets = sheet_name(lang, CLASSIFICATION);
    for (i, a) in Aspect::ALL.iter().enumerate() {
        let r = row + 1 + i as u32;
        let col = col_name(SET_LEVEL_COL + i as u16);
        let line = format!("{} – {}", aspect_letter(lang, *a), text(lang, "wb.highest_in_classification"));
        ws.write_string_with_format(r, 0, &line, &label)?;
        row_height::fit_row(ws, r, &WIDTHS, &[&line])?;
        let cached = c.profile.set_max.get(*a).map(|l| l.to_string()).unwrap_or_default();
        let f = Formula::new(format!(
            "=IF(COUNT('{sets}'!{col}{first}:{col}{last})=0,\"\",MAX('{sets}'!{col}{first}:{col}{last}))"
        ))
        .set_result(cached);
        ws.write_formula_with_format(r, 1, f, &style::cell_bold())?;
    }
    cells::level_colours(ws, row + 1, 1, row + 4, 1)?;
    cells::protect(ws);
    ws.set_active(true);
    Ok(())
}

fn kind(lang: Lang, kind: infoklass_core::ObjectKind) -> &'static str {
    labels::word(lang, "kind", kind)
}
