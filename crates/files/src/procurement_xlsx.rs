//! The procurement list as a workbook for tender documents: the requirements, an empty
//! column for the supplier's answer (with a dropdown), and a legend sheet.

use infoklass_store::ProcurementView;
use rust_xlsxwriter::{DataValidation, Workbook};

use crate::{aspects_text, obligation_sv, row_height, style, ExcelError};

pub const ANSWERS: [&str; 3] = ["Uppfylls", "Uppfylls delvis", "Uppfylls inte"];
const HEADERS: [(&str, f64); 10] = [
    ("Nr", 5.0),
    ("Krav-ID", 10.0),
    ("Område", 18.0),
    ("Krav", 60.0),
    ("Ska/Bör", 8.0),
    ("Skyddar", 9.0),
    ("ISO/IEC 27002", 12.0),
    ("Behövs för", 20.0),
    ("Leverantörens svar", 16.0),
    ("Leverantörens kommentar", 36.0),
];
/// The row (0-based) holding the column headers.
pub const HEADER_ROW: u32 = 4;

/// Writes the relevant items of the list; `date` is the export date shown in the header.
pub fn procurement_xlsx(view: &ProcurementView, date: &str) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    let items: Vec<_> = view.items.iter().filter(|i| i.relevant).collect();
    let ws = wb.add_worksheet();
    ws.set_name("Upphandlingskrav")?;
    ws.write_string_with_format(0, 0, format!("Upphandlingskrav: {}", view.name), &style::title())?;
    let objects: Vec<String> = view.objects.iter().map(|o| format!("{} ({})", o.name, o.profile)).collect();
    ws.write_string_with_format(1, 0, format!("Objekt: {}", objects.join("; ")), &style::subtitle())?;
    let source =
        format!("Kravkatalog {} {} · {} krav · exporterad {date}", view.catalog_id, view.catalog_version, items.len());
    ws.write_string_with_format(2, 0, source, &style::subtitle())?;
    for (col, (name, width)) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *name, &style::header())?;
        ws.set_column_width(col as u16, *width)?;
    }
    row_height::fit_row(ws, HEADER_ROW, &HEADERS, &HEADERS.map(|(name, _)| name))?;
    let (cell, bold, answer) = (style::cell(), style::cell_bold(), style::answer_cell());
    for (i, item) in items.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let obligation = if item.obligation == infoklass_core::requirements::Obligation::Ska { &bold } else { &cell };
        ws.write_number_with_format(row, 0, (i + 1) as f64, &cell)?;
        ws.write_string_with_format(row, 1, &item.key, &cell)?;
        ws.write_string_with_format(row, 2, &item.area_sv, &cell)?;
        ws.write_string_with_format(row, 3, &item.text, &cell)?;
        ws.write_string_with_format(row, 4, obligation_sv(item.obligation), obligation)?;
        ws.write_string_with_format(row, 5, aspects_text(&item.aspects), &cell)?;
        ws.write_string_with_format(row, 6, item.iso27002.join(", "), &cell)?;
        ws.write_string_with_format(row, 7, item.needed_by.join(", "), &cell)?;
        ws.write_string_with_format(row, 8, "", &answer)?;
        ws.write_string_with_format(row, 9, "", &answer)?;
        let (aspects, iso, needed_by) =
            (aspects_text(&item.aspects), item.iso27002.join(", "), item.needed_by.join(", "));
        row_height::fit_row(
            ws,
            row,
            &HEADERS,
            &["", &item.key, &item.area_sv, &item.text, "", &aspects, &iso, &needed_by],
        )?;
    }
    if !items.is_empty() {
        let last = HEADER_ROW + items.len() as u32;
        let dropdown = DataValidation::new()
            .allow_list_strings(&ANSWERS)?
            .set_input_title("Leverantörens svar")?
            .set_input_message("Välj Uppfylls, Uppfylls delvis eller Uppfylls inte.")?;
        ws.add_data_validation(HEADER_ROW + 1, 8, last, 8, &dropdown)?;
        ws.autofilter(HEADER_ROW, 0, last, (HEADERS.len() - 1) as u16)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(HEADER_ROW, HEADER_ROW)?;

    let legend = wb.add_worksheet();
    legend.set_name("Förklaring")?;
    const LEGEND_WIDTHS: [f64; 2] = [22.0, 90.0];
    legend.set_column_width(0, LEGEND_WIDTHS[0])?;
    legend.set_column_width(1, LEGEND_WIDTHS[1])?;
    legend.set_print_fit_to_pages(1, 0);
    legend.write_string_with_format(0, 0, "Förklaring", &style::title())?;
    for (i, (term, text)) in LEGEND.iter().enumerate() {
        legend.write_string_with_format(2 + i as u32, 0, *term, &style::cell_bold())?;
        legend.write_string_with_format(2 + i as u32, 1, *text, &style::cell())?;
        row_height::fit_row(legend, 2 + i as u32, &LEGEND_WIDTHS, &[term, text])?;
    }
    Ok(wb.save_to_buffer()?)
}

const LEGEND: [(&str, &str); 9] = [
    ("Ska", "Obligatoriskt krav. Ett anbud som inte uppfyller kravet kan förkastas."),
    ("Bör", "Önskvärt krav. Uppfyllelse värderas i utvärderingen men är inte ett villkor."),
    (
        "Leverantörens svar",
        "Välj Uppfylls, Uppfylls delvis eller Uppfylls inte i listan. Beskriv hur kravet uppfylls i kommentaren.",
    ),
    ("Skyddar", "Vilka aspekter av informationen kravet skyddar:"),
    ("K", "Konfidentialitet: att informationen inte når obehöriga."),
    ("R", "Riktighet: att informationen är korrekt, fullständig och inte ändras obehörigt."),
    ("T", "Tillgänglighet: att behöriga kommer åt informationen när den behövs."),
    ("S", "Spårbarhet: att det går att följa upp vem som gjort vad med informationen."),
    ("Behövs för", "De klassade objekt vars informationsklassning ger upphov till kravet."),
];
