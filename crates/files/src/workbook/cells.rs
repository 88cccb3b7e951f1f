//! Small writing helpers shared by the sheets: headers, editable cells, level colours.

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, Format, ProtectionOptions, Worksheet,
    XlsxError,
};

use infoklass_core::labels::{self, Lang};

use super::layout::{header, HEADER_ROW};
use crate::{row_height, style};

/// Level colours 0–4, light enough to read black text on.
pub const LEVEL_COLOURS: [u32; 5] = [0xE8F5E9, 0xFFF9C4, 0xFFE0B2, 0xFFCDD2, 0xD1C4E9];

/// Title, help line and header row of a table sheet, with widths, frozen header and filter.
pub fn table_head(ws: &mut Worksheet, title: &str, help: &str, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, title, &style::title())?;
    ws.write_string_with_format(1, 0, help, &style::subtitle())?;
    for (col, (name, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *name, &style::header())?;
        ws.set_column_width(col as u16, *width)?;
    }
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    row_height::fit_row(ws, HEADER_ROW, columns, &names)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(())
}

/// `table_head` with the columns given by label key, in `lang`.
pub fn table_head_in(
    ws: &mut Worksheet,
    lang: Lang,
    title: &str,
    help: &str,
    columns: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let names: Vec<String> = columns.iter().map(|(key, _)| header(lang, key)).collect();
    let named: Vec<(&str, f64)> = names.iter().zip(columns).map(|(n, (_, w))| (n.as_str(), *w)).collect();
    table_head(ws, title, help, &named)
}

/// A cell the person may edit: unlocked, pale yellow.
pub fn editable() -> Format {
    style::cell().set_unlocked().set_background_color(Color::RGB(0xFFFDE7))
}

/// A cell the person should not edit (IDs, derived text): locked, grey text.
pub fn locked() -> Format {
    style::cell().set_font_color(Color::RGB(0x4A5568))
}

/// Protect the sheet so locked cells stay put, but let people sort, filter, resize and add rows.
pub fn protect(ws: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
}

/// Colours level cells 0–4 in the given range.
pub fn level_colours(
    ws: &mut Worksheet,
    first_row: u32,
    first_col: u16,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    for (level, rgb) in LEVEL_COLOURS.iter().enumerate() {
        let cf = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(level as f64))
            .set_format(Format::new().set_background_color(Color::RGB(*rgb)));
        ws.add_conditional_format(first_row, first_col, last_row, last_col, &cf)?;
    }
    Ok(())
}

/// A dropdown of fixed words.
pub fn dropdown(words: &[&str], title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new().allow_list_strings(words)?.set_input_title(title)?.set_input_message(message)
}

/// Whole numbers in a range, with an explanation shown while the cell is selected.
pub fn number_between(lang: Lang, min: i32, max: i32, title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    let (lo, hi) = (min.to_string(), max.to_string());
    DataValidation::new()
        .allow_whole_number(rust_xlsxwriter::DataValidationRule::Between(min, max))
        .set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(labels::text(lang, "wb.invalid_title"))?
        .set_error_message(labels::fill(lang, "wb.invalid_number", &[("min", &lo), ("max", &hi)]))
}

/// Writes an optional number, or an empty editable cell.
pub fn write_opt_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<u8>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => ws.write_number_with_format(row, col, v as f64, format)?,
        None => ws.write_blank(row, col, format)?,
    };
    Ok(())
}

/// Print the title, the headers and the filled rows, not the spare rows below them.
pub fn print_filled(ws: &mut Worksheet, rows: usize, cols: usize) -> Result<(), XlsxError> {
    ws.set_print_area(0, 0, HEADER_ROW + rows.max(1) as u32, cols as u16 - 1)?;
    Ok(())
}
