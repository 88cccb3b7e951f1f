//! Everything the parsers did not read, so nothing is dropped without the user seeing it.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{a1, Sheet};
use crate::model::Leftover;
use crate::sheets::Roles;
use crate::table;

/// Cells listed from a sheet the importer does not know.
const PER_UNKNOWN_SHEET: usize = 200;
/// Cells listed in all; the rest are counted.
const TOTAL: usize = 5_000;

pub fn collect(sheets: &[Sheet], roles: &Roles, diags: &mut Diagnostics) -> Vec<Leftover> {
    let mut out = Vec::new();
    let mut not_listed = 0usize;
    for (i, sheet) in sheets.iter().enumerate() {
        if roles.ignored.contains(&i) || sheet.is_empty() {
            continue;
        }
        let leftover = |(row, cell): (u32, &crate::grid::Cell)| Leftover {
            sheet: sheet.name.clone(),
            cell: a1(row, cell.col),
            text: cell.written(),
        };
        if roles.is_known(i) {
            for item in sheet.unused().filter(|(_, c)| !is_known_text(&c.value.text())) {
                if out.len() < TOTAL {
                    out.push(leftover(item));
                } else {
                    not_listed += 1;
                }
            }
            continue;
        }
        let count = sheet.cell_count();
        let shown = count.min(PER_UNKNOWN_SHEET).min(TOTAL - out.len());
        out.extend(sheet.all().take(shown).map(leftover));
        diags.sheet(
            Severity::Info,
            "UNKNOWN_SHEET",
            &sheet.name,
            format!("bladet känns inte igen och importeras inte; det har {count} ifyllda celler, de första {shown} visas som ej inlästa"),
            format!("the sheet is not recognised and not imported; it has {count} filled cells, the first {shown} are listed as unread"),
        );
    }
    if not_listed > 0 {
        diags.file(
            Severity::Info,
            "LEFTOVERS_CAPPED",
            format!("ytterligare {not_listed} ej inlästa celler finns men visas inte (högst {TOTAL} listas)"),
            format!("{not_listed} more unread cells exist but are not listed (at most {TOTAL} are)"),
        );
    }
    out
}

/// Legends and sheet titles are known furniture, not lost data.
fn is_known_text(text: &str) -> bool {
    table::is_legend(text) || table::is_title(text)
}
