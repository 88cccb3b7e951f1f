//! The "Beroenden" sheet: what the object depends on, what depends on it, a cycle through it,
//! and the levels its dependents suggest with the owner's decisions. Read-only: dependencies
//! are changed in the app.

use infoklass_core::dependency::SuggestionState;
use infoklass_store::{Dependencies, PortfolioObject};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{DEPENDENCIES, HEADER_ROW};
use crate::row_height;

const COLUMNS: [(&str, f64); 5] =
    [("Riktning", 14.0), ("Objekt", 32.0), ("Typ av beroende", 18.0), ("Profil (fastställd)", 18.0), ("Status", 14.0)];
const PORTFOLIO_COLUMNS: [(&str, f64); 3] = [("Objekt", 32.0), ("Typ av beroende", 18.0), ("Beror på", 32.0)];

fn state_sv(s: SuggestionState) -> &'static str {
    match s {
        SuggestionState::Met => "Uppfyllt",
        SuggestionState::Pending => "Att ta ställning till",
        SuggestionState::Accepted => "Godtaget",
        SuggestionState::Declined => "Avböjt",
    }
}

pub fn write(wb: &mut Workbook, d: &Dependencies) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(DEPENDENCIES)?;
    let help = if d.cycle.is_empty() {
        "Ändras i Infoklass.".to_string()
    } else {
        format!("Cirkulärt beroende: {} → {}", d.cycle.join(" → "), d.cycle[0])
    };
    cells::table_head(ws, "Beroenden", &help, &COLUMNS)?;
    let locked = cells::locked();
    let mut row = HEADER_ROW + 1;
    let links = d.depends_on.iter().map(|l| ("Beror på", l)).chain(d.depended_on_by.iter().map(|l| ("Används av", l)));
    for (direction, l) in links {
        let status = if l.decommissioned { "avvecklad" } else { l.status.as_str() };
        let values =
            [direction, &l.name, l.kind.name_sv(), l.approved_profile.as_deref().unwrap_or("ej fastställd"), status];
        for (col, v) in values.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, *v, &locked)?;
        }
        row_height::fit_row(ws, row, &COLUMNS, &values)?;
        row += 1;
    }
    if !d.suggestions.is_empty() {
        row += 1;
        ws.write_string_with_format(row, 0, "Förslag från beroenden", &crate::style::cell_bold())?;
        for s in &d.suggestions {
            row += 1;
            let text = format!(
                "{} ≥ {} från beroende: {} {}{} ({})",
                s.aspect.code(),
                s.min_level,
                s.from_name,
                s.aspect.code(),
                s.min_level,
                s.kind.name_sv()
            );
            ws.write_string_with_format(row, 0, state_sv(s.state), &locked)?;
            ws.write_string_with_format(row, 1, &text, &locked)?;
            ws.write_string_with_format(row, 2, &s.reason, &locked)?;
            row_height::fit_row(ws, row, &COLUMNS, &[state_sv(s.state), &text, &s.reason])?;
        }
    }
    cells::protect(ws);
    Ok(())
}

/// Every dependency among the portfolio's objects, one row each.
pub fn write_portfolio(wb: &mut Workbook, objects: &[PortfolioObject]) -> Result<(), XlsxError> {
    let rows: Vec<(&str, &str, &str)> = objects
        .iter()
        .flat_map(|o| o.depends_on.iter().map(move |(kind, on)| (o.meta.name.as_str(), kind.name_sv(), on.as_str())))
        .collect();
    let ws = wb.add_worksheet();
    ws.set_name(DEPENDENCIES)?;
    cells::table_head(ws, "Beroenden", &format!("{} rader", rows.len()), &PORTFOLIO_COLUMNS)?;
    let locked = cells::locked();
    for (i, (name, kind, on)) in rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        for (col, v) in [name, kind, on].iter().enumerate() {
            ws.write_string_with_format(row, col as u16, **v, &locked)?;
        }
        row_height::fit_row(ws, row, &PORTFOLIO_COLUMNS, &[name, kind, on])?;
    }
    Ok(())
}
