//! The dependency sheet ("Beroenden"): what the object depends on, what depends on it, a cycle through it,
//! and the levels its dependents suggest with the owner's decisions. Read-only: dependencies
//! are changed in the app.

use infoklass_core::dependency::DependencyKind;
use infoklass_core::labels::{aspect_letter, text, word, Lang};
use infoklass_store::{Dependencies, PortfolioObject};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::cells;
use super::layout::{sheet_name, DEPENDENCIES, HEADER_ROW};
use crate::row_height;

const COLUMNS: [(&str, f64); 5] = [
    ("col.direction", 14.0),
    ("fact.object", 32.0),
    ("col.dependency_kind", 18.0),
    ("col.approved_profile", 18.0),
    ("col.status", 14.0),
];
const PORTFOLIO_COLUMNS: [(&str, f64); 3] =
    [("fact.object", 32.0), ("col.dependency_kind", 18.0), ("wb.depends_on", 32.0)];

fn kind(lang: Lang, k: DependencyKind) -> &'static str {
    text(lang, &format!("dependency_kind.{}", k.as_str()))
}

pub fn write(wb: &mut Workbook, d: &Dependencies, lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, DEPENDENCIES))?;
    let help = if d.cycle.is_empty() {
        text(lang, "wb.dependencies_help").to_string()
    } else {
        format!("{}: {} → {}", text(lang, "wb.cycle"), d.cycle.join(" → "), d.cycle[0])
    };
    cells::table_head_in(ws, lang, sheet_name(lang, DEPENDENCIES), &help, &COLUMNS)?;
    let locked = cells::locked();
    let mut row = HEADER_ROW + 1;
    let (on, by) = (text(lang, "wb.depends_on"), text(lang, "wb.used_by"));
    let links = d.depends_on.iter().map(|l| (on, l)).chain(d.depended_on_by.iter().map(|l| (by, l)));
    for (direction, l) in links {
        let status = if l.decommissioned { text(lang, "wb.decommissioned") } else { l.status.as_str() };
        let profile = l.approved_profile.as_deref().unwrap_or(text(lang, "wb.not_approved"));
        let values = [direction, &l.name, kind(lang, l.kind), profile, status];
        for (col, v) in values.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, *v, &locked)?;
        }
        row_height::fit_row(ws, row, &COLUMNS, &values)?;
        row += 1;
    }
    if !d.suggestions.is_empty() {
        row += 1;
        ws.write_string_with_format(row, 0, text(lang, "wb.suggestions"), &crate::style::cell_bold())?;
        for s in &d.suggestions {
            row += 1;
            let letter = aspect_letter(lang, s.aspect);
            let line = format!(
                "{letter} ≥ {} {}: {} {letter}{} ({})",
                s.min_level,
                text(lang, "wb.from_dependency"),
                s.from_name,
                s.min_level,
                kind(lang, s.kind)
            );
            let state: &str = word(lang, "suggestion", s.state);
            ws.write_string_with_format(row, 0, state, &locked)?;
            ws.write_string_with_format(row, 1, &line, &locked)?;
            ws.write_string_with_format(row, 2, &s.reason, &locked)?;
            row_height::fit_row(ws, row, &COLUMNS, &[state, &line, &s.reason])?;
        }
    }
    cells::protect(ws);
    Ok(())
}

/// Every dependency among the portfolio's objects, one row each.
pub fn write_portfolio(wb: &mut Workbook, objects: &[PortfolioObject], lang: Lang) -> Result<(), XlsxError> {
    let rows: Vec<(&str, &str, &str)> = objects
        .iter()
        .flat_map(|o| o.depends_on.iter().map(move |(k, on)| (o.meta.name.as_str(), kind(lang, *k), on.as_str())))
        .collect();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(lang, DEPENDENCIES))?;
    let help = format!("{} {}", rows.len(), text(lang, "portfolio.rows"));
    cells::table_head_in(ws, lang, sheet_name(lang, DEPENDENCIES), &help, &PORTFOLIO_COLUMNS)?;
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
