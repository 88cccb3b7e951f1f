//! The portfolio's first sheet: the overview's figures over the exported objects (status,
//! reviews, level 4, ISAK, risk analyses, per unit and kind), as core's overview counts them.

use infoklass_core::labels::{self, Lang};
use infoklass_core::overview::{Figure, Group};
use infoklass_core::ObjectKind;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::portfolio::A4;
use crate::{row_height, style};
use infoklass_store::Portfolio;

const WIDTHS: [f64; 4] = [48.0, 12.0, 12.0, 12.0];

pub fn write(wb: &mut Workbook, p: &Portfolio, lang: Lang) -> Result<(), XlsxError> {
    let t = |key: &str| labels::text(lang, key);
    let o = &p.overview;
    let ws = wb.add_worksheet();
    ws.set_name(t("sheet.portfolio_summary"))?;
    for (col, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(0, 0, t("portfolio.title_summary"), &style::title())?;
    let help = format!("{} {} · {} {}", o.objects, t("portfolio.objects"), t("portfolio.as_of"), p.today);
    ws.write_string_with_format(1, 0, help, &style::subtitle())?;

    let c = &o.coverage;
    let sections: [(&str, Vec<(&str, &Figure)>); 5] = [
        (
            "summary.status",
            vec![
                ("summary.drafts", &c.drafts),
                ("summary.approved", &c.approved),
                ("summary.never_approved", &c.never_approved),
                ("summary.old_drafts", &c.old_drafts),
            ],
        ),
        (
            "summary.reviews",
            vec![
                ("summary.overdue", &o.reviews.overdue),
                ("summary.within_30", &o.reviews.within_30),
                ("summary.within_90", &o.reviews.within_90),
                ("summary.no_date", &o.reviews.no_date),
                ("summary.overdue_actions", &o.overdue_actions),
            ],
        ),
        ("summary.levels", vec![("summary.level4", &o.levels.level4)]),
        ("summary.isak", vec![("summary.from_isak", &c.from_isak), ("summary.isak_without_s", &c.from_isak_without_s)]),
        (
            "summary.risks",
            vec![
                ("summary.without_analysis", &o.risks.without_analysis),
                ("summary.draft_analysis", &o.risks.draft_analysis),
                ("summary.older_analysis", &o.risks.older_than_classification),
                ("summary.high_without_approved", &o.risks.high_without_approved),
            ],
        ),
    ];
    let (label, number) = (style::cell(), style::cell());
    let mut row = 3;
    for (heading, figures) in &sections {
        head(ws, row, &[t(heading), t("summary.count")])?;
        row += 1;
        for (key, figure) in figures {
            ws.write_string_with_format(row, 0, t(key), &label)?;
            ws.write_number_with_format(row, 1, figure.count as f64, &number)?;
            row_height::fit_row(ws, row, &WIDTHS, &[t(key)])?;
            row += 1;
        }
        row += 1;
    }
    let units: Vec<(String, &Group)> = o
        .coverage
        .by_unit
        .iter()
        .map(|g| (if g.name.is_empty() { t("summary.no_unit").to_string() } else { g.name.clone() }, g))
        .collect();
    row = groups(ws, row, t("summary.by_unit"), &units, lang)? + 1;
    let kinds: Vec<(String, &Group)> = o.coverage.by_kind.iter().map(|g| (kind_label(&g.name, lang), g)).collect();
    groups(ws, row, t("summary.by_kind"), &kinds, lang)?;
    ws.set_active(true);
    Ok(())
}

/// A group table (per unit or kind): objects, drafts and approved ones.
fn groups(
    ws: &mut Worksheet,
    mut row: u32,
    title: &str,
    list: &[(String, &Group)],
    lang: Lang,
) -> Result<u32, XlsxError> {
    let t = |key: &str| labels::text(lang, key);
    head(ws, row, &[title, t("summary.total"), t("summary.drafts"), t("summary.approved")])?;
    row += 1;
    let cell = style::cell();
    for (name, g) in list {
        ws.write_string_with_format(row, 0, name, &cell)?;
        for (col, f) in [&g.total, &g.drafts, &g.approved].iter().enumerate() {
            ws.write_number_with_format(row, 1 + col as u16, f.count as f64, &cell)?;
        }
        row_height::fit_row(ws, row, &WIDTHS, &[name])?;
        row += 1;
    }
    Ok(row)
}

fn head(ws: &mut Worksheet, row: u32, texts: &[&str]) -> Result<(), XlsxError> {
    let header = style::header();
    for (col, text) in texts.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *text, &header)?;
    }
    row_height::fit_row(ws, row, &WIDTHS, texts)?;
    Ok(())
}

/// The overview groups kinds by their code; the sheet shows the word.
fn kind_label(code: &str, lang: Lang) -> String {
    match ObjectKind::parse(code) {
        Some(kind) => labels::word(lang, "kind", kind).to_string(),
        None => code.to_string(),
    }
}
