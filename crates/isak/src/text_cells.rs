//! Text fields (names, descriptions, motivations, comments): a formula there is kept as
//! written, never evaluated, so a `=HYPERLINK(…)` in Motivering is not lost to its cached text.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::Sheet;

/// The text at a cell, marking it as read: the formula as written when it holds one (with an
/// info diagnostic), else the trimmed value; empty when blank.
pub fn take(sheet: &Sheet, row: u32, col: u32, diags: &mut Diagnostics) -> String {
    let Some(formula) = sheet.formula(row, col).map(str::to_string) else { return sheet.take_text(row, col) };
    let shown = sheet.take_text(row, col);
    let (shown_sv, shown_en) = if shown.is_empty() {
        ("inget värde sparat".to_string(), "no value stored".to_string())
    } else {
        (format!("visat värde «{shown}»"), format!("shown value \"{shown}\""))
    };
    diags.at(
        Severity::Info,
        "FORMULA_KEPT_AS_TEXT",
        &sheet.name,
        (row, col),
        format!("cellen innehåller en formel ({shown_sv}); formeln sparas som text och beräknas inte: {formula}"),
        format!("the cell holds a formula ({shown_en}); the formula is kept as text and not evaluated: {formula}"),
    );
    formula
}

/// `take` for an optional column; empty when the table has no such column.
pub fn take_col(sheet: &Sheet, row: u32, col: Option<u32>, diags: &mut Diagnostics) -> String {
    col.map(|col| take(sheet, row, col, diags)).unwrap_or_default()
}
