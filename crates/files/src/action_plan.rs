//! The handlingsplan as a workbook (wrapped columns with row heights, landscape A4, header
//! repeated on each page) and as CSV for Swedish Excel.

use infoklass_core::labels::{fill, relabel_profile, text, word, Lang};
use infoklass_core::requirements::Action;
use infoklass_store::ActionPlanExport;
use rust_xlsxwriter::Workbook;

use crate::procurement_csv::field;
use crate::{row_height, style, ExcelError};

/// The sheet's label key (Handlingsplan, Action plan).
pub const SHEET: &str = "sheet.actions";
/// Column label keys and widths.
const HEADERS: [(&str, f64); 10] = [
    ("procurement_column.nr", 5.0),
    ("col.action", 50.0),
    ("col.key", 9.0),
    ("col.requirement", 28.0),
    ("col.priority", 9.0),
    ("col.status", 12.0),
    ("col.owner", 18.0),
    ("col.due", 12.0),
    ("col.follow_up", 36.0),
    ("col.overdue", 9.0),
];

fn headers(lang: Lang) -> [&'static str; 10] {
    HEADERS.map(|(key, _)| text(lang, key))
}
/// The row (0-based) holding the column headers.
pub const HEADER_ROW: u32 = 3;

/// The cells of one row, in `HEADERS` order.
fn cells(n: usize, a: &Action, title: &str, lang: Lang) -> [String; 10] {
    [
        n.to_string(),
        a.measure.clone(),
        a.requirement_key.clone().unwrap_or_default(),
        title.to_string(),
        word(lang, "priority", a.priority).to_string(),
        word(lang, "action_status", a.status).to_string(),
        a.responsible.clone(),
        a.due.clone().unwrap_or_default(),
        a.notes.clone(),
        if a.overdue { text(lang, "wb.yes") } else { "" }.to_string(),
    ]
}

/// `date` is the export date shown under the title; headers and words in `lang`.
pub fn action_plan_xlsx(plan: &ActionPlanExport, date: &str, lang: Lang) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let sheet = text(lang, SHEET);
    ws.set_name(sheet)?;
    ws.write_string_with_format(0, 0, format!("{sheet}: {}", plan.object_name), &style::title())?;
    let count = plan.rows.len().to_string();
    let source = fill(
        lang,
        "action_plan.source",
        &[("profile", &relabel_profile(lang, &plan.profile)), ("count", &count), ("date", date)],
    );
    ws.write_string_with_format(1, 0, source, &style::subtitle())?;
    let names = headers(lang);
    for (col, (name, (_, width))) in names.iter().zip(HEADERS).enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *name, &style::header())?;
        ws.set_column_width(col as u16, width)?;
    }
    row_height::fit_row(ws, HEADER_ROW, &HEADERS, &names)?;
    let cell = style::cell();
    for (i, (action, title)) in plan.rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let values = cells(i + 1, action, title, lang);
        ws.write_number_with_format(row, 0, (i + 1) as f64, &cell)?;
        for (col, v) in values.iter().enumerate().skip(1) {
            ws.write_string_with_format(row, col as u16, v, &cell)?;
        }
        row_height::fit_row(ws, row, &HEADERS, &values.each_ref().map(String::as_str))?;
    }
    if !plan.rows.is_empty() {
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + plan.rows.len() as u32, (HEADERS.len() - 1) as u16)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_paper_size(9); // A4
    ws.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(wb.save_to_buffer()?)
}

/// UTF-8 with BOM, `;` between fields, formula-looking text made harmless; in `lang`.
pub fn action_plan_csv(plan: &ActionPlanExport, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&headers(lang).join(";"));
    out.push_str("\r\n");
    for (i, (action, title)) in plan.rows.iter().enumerate() {
        out.push_str(&cells(i + 1, action, title, lang).iter().map(|f| field(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}
