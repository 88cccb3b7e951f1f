//! The procurement list as a workbook for tender documents: the requirements, an empty
//! column for the supplier's answer (with a dropdown), and a legend sheet.

use infoklass_core::labels::{fill, relabel_profile, text, word, Lang};
use infoklass_store::ProcurementView;
use rust_xlsxwriter::{DataValidation, Workbook};

use crate::{aspects_in, procurement_texts, row_height, style, ExcelError};

/// The supplier's answers offered in the dropdown, by label key.
pub const ANSWERS: [&str; 3] = ["supplier_answer.yes", "supplier_answer.partly", "supplier_answer.no"];
/// Column label keys (`procurement_column.*`) and widths.
const HEADERS: [(&str, f64); 10] = [
    ("nr", 5.0),
    ("key", 10.0),
    ("area", 18.0),
    ("requirement", 60.0),
    ("obligation", 8.0),
    ("protects", 9.0),
    ("iso", 12.0),
    ("needed_by", 20.0),
    ("answer", 16.0),
    ("comment", 36.0),
];
/// The row (0-based) holding the column headers.
pub const HEADER_ROW: u32 = 4;

/// Writes the relevant items of the list in `lang`; `date` is the export date shown in the header.
pub fn procurement_xlsx(view: &ProcurementView, date: &str, lang: Lang) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    let items: Vec<_> = view.items.iter().filter(|i| i.relevant).collect();
    let ws = wb.add_worksheet();
    let title = text(lang, "sheet.procurement");
    ws.set_name(title)?;
    ws.write_string_with_format(0, 0, format!("{title}: {}", view.name), &style::title())?;
    let objects: Vec<String> =
        view.objects.iter().map(|o| format!("{} ({})", o.name, relabel_profile(lang, &o.profile))).collect();
    let objects = format!("{}: {}", text(lang, "fact.object"), objects.join("; "));
    ws.write_string_with_format(1, 0, objects, &style::subtitle())?;
    let catalog = format!("{} {}", view.catalog_id, view.catalog_version);
    let count = items.len().to_string();
    let source = fill(lang, "procurement.source", &[("catalog", &catalog), ("count", &count), ("date", date)]);
    ws.write_string_with_format(2, 0, source, &style::subtitle())?;
    let names = HEADERS.map(|(key, _)| text(lang, &format!("procurement_column.{key}")));
    for (col, (name, (_, width))) in names.iter().zip(HEADERS).enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *name, &style::header())?;
        ws.set_column_width(col as u16, width)?;
    }
    row_height::fit_row(ws, HEADER_ROW, &HEADERS, &names)?;
    let (cell, bold, answer) = (style::cell(), style::cell_bold(), style::answer_cell());
    for (i, item) in items.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let obligation = if item.obligation == infoklass_core::requirements::Obligation::Ska { &bold } else { &cell };
        ws.write_number_with_format(row, 0, (i + 1) as f64, &cell)?;
        ws.write_string_with_format(row, 1, &item.key, &cell)?;
        let (area, requirement) = procurement_texts(lang, item);
        ws.write_string_with_format(row, 2, &area, &cell)?;
        ws.write_string_with_format(row, 3, &requirement, &cell)?;
        ws.write_string_with_format(row, 4, word(lang, "obligation", item.obligation), obligation)?;
        ws.write_string_with_format(row, 5, aspects_in(lang, &item.aspects), &cell)?;
        ws.write_string_with_format(row, 6, item.iso27002.join(", "), &cell)?;
        ws.write_string_with_format(row, 7, item.needed_by.join(", "), &cell)?;
        ws.write_string_with_format(row, 8, "", &answer)?;
        ws.write_string_with_format(row, 9, "", &answer)?;
        let (aspects, iso, needed_by) =
            (aspects_in(lang, &item.aspects), item.iso27002.join(", "), item.needed_by.join(", "));
        row_height::fit_row(ws, row, &HEADERS, &["", &item.key, &area, &requirement, "", &aspects, &iso, &needed_by])?;
    }
    if !items.is_empty() {
        let last = HEADER_ROW + items.len() as u32;
        let dropdown = DataValidation::new()
            .allow_list_strings(&ANSWERS.map(|k| text(lang, k)))?
            .set_input_title(text(lang, "procurement_column.answer"))?
            .set_input_message(text(lang, "procurement.answer_help"))?;
        ws.add_data_validation(HEADER_ROW + 1, 8, last, 8, &dropdown)?;
        ws.autofilter(HEADER_ROW, 0, last, (HEADERS.len() - 1) as u16)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(HEADER_ROW, HEADER_ROW)?;

    let legend = wb.add_worksheet();
    legend.set_name(text(lang, "sheet.legend"))?;
    const LEGEND_WIDTHS: [f64; 2] = [22.0, 90.0];
    legend.set_column_width(0, LEGEND_WIDTHS[0])?;
    legend.set_column_width(1, LEGEND_WIDTHS[1])?;
    legend.set_print_fit_to_pages(1, 0);
    legend.write_string_with_format(0, 0, text(lang, "sheet.legend"), &style::title())?;
    for (i, (term, explained)) in LEGEND.iter().enumerate() {
        let (term, explained) = (text(lang, term), text(lang, explained));
        legend.write_string_with_format(2 + i as u32, 0, term, &style::cell_bold())?;
        legend.write_string_with_format(2 + i as u32, 1, explained, &style::cell())?;
        row_height::fit_row(legend, 2 + i as u32, &LEGEND_WIDTHS, &[term, explained])?;
    }
    Ok(wb.save_to_buffer()?)
}

/// The legend's terms and explanations, by label key.
const LEGEND: [(&str, &str); 9] = [
    ("obligation.ska", "legend.ska"),
    ("obligation.bor", "legend.bor"),
    ("procurement_column.answer", "legend.answer"),
    ("procurement_column.protects", "legend.protects"),
    ("aspect.K", "legend.K"),
    ("aspect.R", "legend.R"),
    ("aspect.T", "legend.T"),
    ("aspect.S", "legend.S"),
    ("procurement_column.needed_by", "legend.needed_by"),
];
