//! The Riskanalys sheet (one row per risk, value = P × C as a live formula) and the
//! Riskmatris sheet (counts per cell, also formulas, so edits in the workbook show at once;
//! below them the bands with who may accept, and what each consequence step means).

use infoklass_core::consequence::ConsequenceArea;
use infoklass_core::labels::{catalog_text, fill, text, word, Lang};
use infoklass_core::risk::matrix::Band;
use infoklass_core::risk::RiskMatrix;
use infoklass_store::RiskView;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, Formula, Workbook, Worksheet, XlsxError,
};

use super::cells;
use super::layout::{
    col_name, sheet_name, words, HEADER_ROW, MATRIX, RISKS, RISK_COLUMNS, RISK_P_COL, SPARE_ROWS, TREATMENTS,
};
use super::ObjectExport;
use crate::{aspects_in, row_height, style};

/// Band colours from the lowest band up.
const BAND_COLOURS: [u32; 4] = [0xC8E6C9, 0xFFF59D, 0xFFCC80, 0xEF9A9A];

pub fn write(wb: &mut Workbook, data: &ObjectExport, lang: Lang) -> Result<(), XlsxError> {
    let view = &data.risks;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, RISKS))?;
    let help = match &view.analysis {
        Some(a) => fill(
            lang,
            "wb.risks_help",
            &[("purpose", &a.purpose), ("owner", &a.risk_owner), ("status", &a.status.to_string())],
        ),
        None => text(lang, "wb.risks_not_started").to_string(),
    };
    cells::table_head_in(ws, lang, sheet_name(lang, RISKS), &help, &RISK_COLUMNS)?;
    let (editable, locked) = (cells::editable(), cells::locked());
    let first = HEADER_ROW + 1;
    for (i, rv) in view.risks.iter().enumerate() {
        let r = &rv.risk;
        let row = first + i as u32;
        let accepted = r.acceptance.as_ref().map(|a| format!("{} ({}), {}", a.name, a.role, a.at)).unwrap_or_default();
        ws.write_string_with_format(row, 0, &r.id, &locked)?;
        ws.write_string_with_format(row, 1, rv.threat_name.as_deref().unwrap_or(""), &locked)?;
        ws.write_string_with_format(row, 2, &r.cause, &editable)?;
        ws.write_string_with_format(row, 3, &r.event, &editable)?;
        ws.write_string_with_format(row, 4, &r.consequence_text, &editable)?;
        ws.write_string_with_format(row, 5, aspects_in(lang, &r.aspects), &editable)?;
        ws.write_string_with_format(row, 6, &r.existing_controls, &editable)?;
        ws.write_number_with_format(row, RISK_P_COL, r.probability as f64, &editable)?;
        ws.write_number_with_format(row, RISK_P_COL + 1, r.consequence as f64, &editable)?;
        ws.write_string_with_format(row, 10, r.treatment.map(|t| word(lang, "treatment", t)).unwrap_or(""), &editable)?;
        ws.write_string_with_format(row, 11, &r.treatment_motivation, &editable)?;
        cells::write_opt_number(ws, row, 12, r.residual_probability, &editable)?;
        cells::write_opt_number(ws, row, 13, r.residual_consequence, &editable)?;
        ws.write_string_with_format(row, 15, &accepted, &locked)?;
        value_formulas(ws, row, Some(rv.value), rv.residual_value)?;
        row_height::fit_row(
            ws,
            row,
            &RISK_COLUMNS,
            &[
                &r.id,
                rv.threat_name.as_deref().unwrap_or(""),
                &r.cause,
                &r.event,
                &r.consequence_text,
                &aspects_in(lang, &r.aspects),
                &r.existing_controls,
                "",
                "",
                "",
                "",
                &r.treatment_motivation,
                "",
                "",
                "",
                &accepted,
            ],
        )?;
    }
    let last = first + view.risks.len() as u32 + SPARE_ROWS - 1;
    for row in first + view.risks.len() as u32..=last {
        for col in 0..RISK_COLUMNS.len() as u16 {
            if col != 9 && col != 14 {
                ws.write_blank(row, col, if matches!(col, 0 | 1 | 15) { &locked } else { &editable })?;
            }
        }
        value_formulas(ws, row, None, None)?;
    }
    let p = cells::number_between(lang, 1, 4, text(lang, "col.probability"), text(lang, "wb.probability_help"))?;
    let c = cells::number_between(lang, 1, 4, text(lang, "col.consequence"), text(lang, "wb.consequence_help"))?;
    ws.add_data_validation(first, RISK_P_COL, last, RISK_P_COL, &p)?;
    ws.add_data_validation(first, RISK_P_COL + 1, last, RISK_P_COL + 1, &c)?;
    ws.add_data_validation(first, 12, last, 12, &p)?;
    ws.add_data_validation(first, 13, last, 13, &c)?;
    ws.add_data_validation(
        first,
        10,
        last,
        10,
        &cells::dropdown(
            &words(lang, "treatment", &TREATMENTS),
            text(lang, "col.treatment"),
            text(lang, "wb.treatment_help"),
        )?,
    )?;
    band_colours(ws, &view.matrix, first, 9, last)?;
    band_colours(ws, &view.matrix, first, 14, last)?;
    ws.autofilter(HEADER_ROW, 0, last, RISK_COLUMNS.len() as u16 - 1)?;
    cells::print_filled(ws, view.risks.len(), RISK_COLUMNS.len())?;
    cells::protect(ws);
    Ok(())
}

/// Riskvärde and kvarvarande riskvärde as formulas, blank while their inputs are blank.
fn value_formulas(ws: &mut Worksheet, row: u32, value: Option<u8>, residual: Option<u8>) -> Result<(), XlsxError> {
    let n = row + 1;
    let (p, c) = (col_name(RISK_P_COL), col_name(RISK_P_COL + 1));
    let f = Formula::new(format!("=IF(OR({p}{n}=\"\",{c}{n}=\"\"),\"\",{p}{n}*{c}{n})"))
        .set_result(value.map(|v| v.to_string()).unwrap_or_default());
    ws.write_formula_with_format(row, 9, f, &cells::locked())?;
    let f = Formula::new(format!("=IF(OR(M{n}=\"\",N{n}=\"\"),\"\",M{n}*N{n})"))
        .set_result(residual.map(|v| v.to_string()).unwrap_or_default());
    ws.write_formula_with_format(row, 14, f, &cells::locked())?;
    Ok(())
}

fn band_colours(ws: &mut Worksheet, matrix: &RiskMatrix, first: u32, col: u16, last: u32) -> Result<(), XlsxError> {
    for (band, rgb) in matrix.bands.iter().zip(BAND_COLOURS) {
        let cf = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::Between(band.min as f64, band.max as f64))
            .set_format(Format::new().set_background_color(Color::RGB(rgb)));
        ws.add_conditional_format(first, col, last, col, &cf)?;
    }
    Ok(())
}

/// A 4 × 4 grid counting the risks per cell of the Riskanalys sheet, probability upwards.
pub fn write_matrix(wb: &mut Workbook, matrix: &RiskMatrix, risks: &[RiskView], lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, MATRIX))?;
    ws.write_string_with_format(0, 0, text(lang, "wb.matrix_title"), &style::title())?;
    ws.write_string_with_format(1, 0, text(lang, "wb.matrix_help"), &style::subtitle())?;
    let risks_sheet = sheet_name(lang, RISKS);
    ws.set_column_width(0, 26)?;
    let last = HEADER_ROW + 1 + risks.len() as u32 + SPARE_ROWS;
    let (p, c) = (col_name(RISK_P_COL), col_name(RISK_P_COL + 1));
    let head = style::header();
    ws.write_string_with_format(3, 0, text(lang, "wb.matrix_corner"), &head)?;
    for (j, step) in matrix.consequence.iter().enumerate() {
        ws.write_string_with_format(
            3,
            1 + j as u16,
            format!("{} {}", step.value, catalog_text(lang, &step.name_sv, &step.name_en)),
            &head,
        )?;
        ws.set_column_width(1 + j as u16, 14)?;
    }
    for (i, pstep) in matrix.probability.iter().rev().enumerate() {
        let row = 4 + i as u32;
        ws.write_string_with_format(
            row,
            0,
            format!("{} {}", pstep.value, catalog_text(lang, &pstep.name_sv, &pstep.name_en)),
            &head,
        )?;
        for (j, cstep) in matrix.consequence.iter().enumerate() {
            let value = pstep.value * cstep.value;
            let rgb = matrix
                .bands
                .iter()
                .position(|b| value >= b.min && value <= b.max)
                .map(|k| BAND_COLOURS[k.min(3)])
                .unwrap_or(0xFFFFFF);
            let fmt =
                style::cell().set_background_color(Color::RGB(rgb)).set_align(rust_xlsxwriter::FormatAlign::Center);
            let f = Formula::new(format!(
                "=COUNTIFS('{risks_sheet}'!{p}5:{p}{last},{},'{risks_sheet}'!{c}5:{c}{last},{})",
                pstep.value, cstep.value
            ))
            // Cached result for readers that do not recalculate (LibreOffice by default).
            .set_result(
                risks
                    .iter()
                    .filter(|r| r.risk.probability == pstep.value && r.risk.consequence == cstep.value)
                    .count()
                    .to_string(),
            );
            ws.write_formula_with_format(row, 1 + j as u16, f, &fmt)?;
        }
    }
    let legend_row = 5 + matrix.probability.len() as u32;
    // Column 1 is widened for the consequence criteria below when the matrix has them.
    let accept_width = if matrix.consequence.iter().any(|c| !c.criteria.is_empty()) { 24.0 } else { 14.0 };
    for (k, band) in matrix.bands.iter().enumerate() {
        let row = legend_row + k as u32;
        let fmt = style::cell().set_background_color(Color::RGB(BAND_COLOURS[k.min(3)]));
        let name = format!("{} ({}–{})", catalog_text(lang, &band.name_sv, &band.name_en), band.min, band.max);
        let accept = accept_text(matrix, band, lang);
        ws.write_string_with_format(row, 0, &name, &fmt)?;
        ws.write_string_with_format(row, 1, &accept, &style::cell())?;
        let lines = row_height::wrapped_lines(&name, 26.0).max(row_height::wrapped_lines(&accept, accept_width));
        if lines > 1 {
            ws.set_row_height(row, row_height::height_for_lines(lines))?;
        }
    }
    write_consequence_criteria(ws, matrix, legend_row + matrix.bands.len() as u32 + 1, lang)?;
    ws.set_print_fit_to_pages(1, 1);
    cells::protect(ws);
    Ok(())
}

/// Who may accept a risk in the band, or that it must be treated.
fn accept_text(matrix: &RiskMatrix, band: &Band, lang: Lang) -> String {
    if band.accept_roles.is_empty() {
        return fill(lang, "wb.must_treat_within", &[("days", &band.treat_within_days.to_string())]);
    }
    let names: Vec<String> = band
        .accept_roles
        .iter()
        .map(|r| matrix.role(r).map(|x| catalog_text(lang, &x.name_sv, &x.name_en)).unwrap_or_else(|| r.clone()))
        .collect();
    fill(lang, "wb.accepted_by", &[("roles", &names.join(", "))])
}

fn area_name(lang: Lang, area: ConsequenceArea) -> &'static str {
    match lang {
        Lang::Sv => area.name_sv(),
        Lang::En => area.name_en(),
    }
}

/// What each consequence step means per area (the scale's criteria), from row `first`; nothing
/// for a matrix from before the steps had criteria.
fn write_consequence_criteria(
    ws: &mut Worksheet,
    matrix: &RiskMatrix,
    first: u32,
    lang: Lang,
) -> Result<(), XlsxError> {
    if matrix.consequence.iter().all(|c| c.criteria.is_empty()) {
        return Ok(());
    }
    ws.write_string_with_format(first, 0, text(lang, "wb.consequence_levels"), &style::title())?;
    let head = style::header();
    ws.write_string_with_format(first + 1, 0, text(lang, "col.consequence"), &head)?;
    for (j, area) in ConsequenceArea::ALL.iter().enumerate() {
        ws.write_string_with_format(first + 1, 1 + j as u16, area_name(lang, *area), &head)?;
        ws.set_column_width(1 + j as u16, 24)?;
    }
    for (i, step) in matrix.consequence.iter().enumerate() {
        let row = first + 2 + i as u32;
        let label = format!("{} {}", step.value, catalog_text(lang, &step.name_sv, &step.name_en));
        ws.write_string_with_format(row, 0, &label, &style::cell_bold())?;
        let mut lines = row_height::wrapped_lines(&label, 26.0);
        for c in &step.criteria {
            let col = ConsequenceArea::ALL.iter().position(|a| *a == c.area).unwrap_or(0);
            let text = catalog_text(lang, &c.sv, &c.en);
            lines = lines.max(row_height::wrapped_lines(&text, 24.0));
            ws.write_string_with_format(row, 1 + col as u16, &text, &style::cell())?;
        }
        ws.set_row_height(row, row_height::height_for_lines(lines))?;
    }
    Ok(())
}
