//! The coordinator's portfolio workbook: a summary sheet, then many objects side by side, one
//! row per object, information set, action and risk, in Swedish or English. Read-only in
//! spirit: changes go through each object's own workbook.

use std::collections::HashSet;

use infoklass_core::labels::{self, Lang};
use infoklass_core::overview::Overview;
use infoklass_core::requirements::ActionStatus;
use infoklass_core::review::days_overdue;
use infoklass_core::Aspect;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::cells;
use super::layout::{FORMAT_NAME, FORMAT_VERSION, HEADER_ROW, META};
use super::{ExportStamp, ObjectExport};
use crate::{row_height, ExcelError};
use infoklass_store::{Portfolio, PortfolioObject, PortfolioRisk};

/// Column keys (labels `portfolio_column.*`) and widths. The object's id comes last: a person
/// reads the name, a program the id.
const OBJECT_COLUMNS: [(&str, f64); 18] = [
    ("object", 28.0),
    ("kind", 11.0),
    ("unit", 18.0),
    ("owner", 18.0),
    ("status", 11.0),
    ("K", 4.5),
    ("R", 4.5),
    ("T", 4.5),
    ("S", 4.5),
    ("profile", 12.0),
    ("next_review", 11.0),
    ("days_overdue", 9.0),
    ("risk_analysis", 12.0),
    ("requirements", 8.0),
    ("fulfilled", 9.0),
    ("open_actions", 9.0),
    ("top_risk", 9.0),
    ("object_id", 36.0),
];
/// The first of the four level columns of the object sheet.
const LEVEL_COL: u16 = 5;
const SET_COLUMNS: [(&str, f64); 8] = [
    ("object", 24.0),
    ("set", 28.0),
    ("K", 4.5),
    ("R", 4.5),
    ("T", 4.5),
    ("S", 4.5),
    ("motivations", 60.0),
    ("set_id", 36.0),
];
const ACTION_COLUMNS: [(&str, f64); 7] = [
    ("object", 24.0),
    ("requirement_key", 9.0),
    ("action", 44.0),
    ("responsible", 20.0),
    ("due", 12.0),
    ("priority", 9.0),
    ("status", 12.0),
];
const RISK_COLUMNS: [(&str, f64); 8] = [
    ("object", 24.0),
    ("threat", 22.0),
    ("event", 36.0),
    ("probability", 11.0),
    ("consequence", 11.0),
    ("risk_value", 9.0),
    ("treatment", 11.0),
    ("accepted", 10.0),
];

/// The portfolio row of one object read on its own (`gather`); `Store::portfolio` reads the
/// same for many objects at once.
pub fn portfolio_of(o: &ObjectExport) -> PortfolioObject {
    let c = &o.detail.current;
    PortfolioObject {
        id: o.detail.id.clone(),
        meta: c.meta.clone(),
        status: c.status,
        profile: c.profile.clone(),
        sets: c.content.sets.clone(),
        requirements: o.requirements.items.len(),
        fulfilled: o.requirements.counts.uppfyllt,
        actions: o.actions.clone(),
        risks: o
            .risks
            .risks
            .iter()
            .map(|r| PortfolioRisk { risk: r.risk.clone(), value: r.value, threat_name: r.threat_name.clone() })
            .collect(),
        depends_on: o.dependencies.depends_on.iter().map(|l| (l.kind, l.name.clone())).collect(),
    }
}

pub fn portfolio_workbook(p: &Portfolio, stamp: &ExportStamp, lang: Lang) -> Result<Vec<u8>, ExcelError> {
    let objects = &p.objects;
    let mut wb = Workbook::new();
    // The data cells are written bare and formatted per table at the end (`format_rows`):
    // a format given with each cell is hashed whole for every cell, a tenth of the export.
    let locked = cells::locked();
    let t = |key: &str| labels::text(lang, key);
    super::portfolio_summary::write(&mut wb, p, lang)?;

    let cols = headers(lang, &OBJECT_COLUMNS);
    let title = t("portfolio.title_objects");
    let ws = sheet(&mut wb, t("sheet.portfolio"), title, &cols, objects.len(), lang)?;
    let analysis = RiskAnalysisState::of(&p.overview);
    for (i, o) in objects.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let open = o.actions.iter().filter(|a| a.status != ActionStatus::Klar).count();
        let top = o.risks.iter().map(|r| r.value).max();
        let texts = [
            o.meta.name.as_str(),
            labels::word(lang, "kind", o.meta.kind),
            &o.meta.unit,
            &o.meta.information_owner,
            labels::word(lang, "status", o.status),
        ];
        for (col, text) in texts.iter().enumerate() {
            ws.write_string(row, col as u16, *text)?;
        }
        for (j, a) in Aspect::ALL.iter().enumerate() {
            write_level(ws, row, LEVEL_COL + j as u16, *o.profile.levels.get(*a))?;
        }
        let profile = labels::profile_text(lang, &o.profile.levels);
        ws.write_string(row, 9, &profile)?;
        ws.write_string(row, 10, o.meta.next_review.as_deref().unwrap_or(""))?;
        if let Some(days) = days_overdue(o.meta.next_review.as_deref(), &p.today) {
            ws.write_number(row, 11, days as f64)?;
        }
        ws.write_string(row, 12, t(analysis.key(&o.id)))?;
        ws.write_number(row, 13, o.requirements as f64)?;
        ws.write_number(row, 14, o.fulfilled as f64)?;
        ws.write_number(row, 15, open as f64)?;
        write_level(ws, row, 16, top)?;
        ws.write_string(row, 17, &o.id)?;
        let mut fit = texts.to_vec();
        fit.extend(["", "", "", "", &profile, "", "", t(analysis.key(&o.id)), "", "", "", "", &o.id]);
        row_height::fit_row(ws, row, &cols, &fit)?;
    }
    format_rows(ws, objects.len(), cols.len(), &locked)?;
    let last = LEVEL_COL + 3;
    cells::level_colours(ws, HEADER_ROW + 1, LEVEL_COL, HEADER_ROW + objects.len().max(1) as u32, last)?;

    let sets: usize = objects.iter().map(|o| o.sets.len()).sum();
    let cols = headers(lang, &SET_COLUMNS);
    let ws = sheet(&mut wb, t("sheet.portfolio_sets"), t("portfolio.title_sets"), &cols, sets, lang)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for s in &o.sets {
            ws.write_string(row, 0, &o.meta.name)?;
            ws.write_string(row, 1, &s.name)?;
            for (j, a) in Aspect::ALL.iter().enumerate() {
                write_level(ws, row, 2 + j as u16, *s.levels.get(*a))?;
            }
            let why: Vec<String> = Aspect::ALL
                .iter()
                .filter(|a| !s.motivations.get(**a).is_empty())
                .map(|a| format!("{}: {}", labels::aspect_letter(lang, *a), s.motivations.get(*a)))
                .collect();
            let why = why.join(" · ");
            ws.write_string(row, 6, &why)?;
            ws.write_string(row, 7, &s.id)?;
            row_height::fit_row(ws, row, &cols, &[&o.meta.name, &s.name, "", "", "", "", &why, &s.id])?;
            row += 1;
        }
    }
    format_rows(ws, sets, cols.len(), &locked)?;
    cells::level_colours(ws, HEADER_ROW + 1, 2, row.max(HEADER_ROW + 2), 5)?;

    let actions: usize = objects.iter().map(|o| o.actions.len()).sum();
    let cols = headers(lang, &ACTION_COLUMNS);
    let ws = sheet(&mut wb, t("sheet.actions"), t("portfolio.title_actions"), &cols, actions, lang)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for a in &o.actions {
            let cells_text = [
                o.meta.name.as_str(),
                a.requirement_key.as_deref().unwrap_or(""),
                &a.measure,
                &a.responsible,
                a.due.as_deref().unwrap_or(""),
                labels::word(lang, "priority", a.priority),
                labels::word(lang, "action_status", a.status),
            ];
            for (col, text) in cells_text.iter().enumerate() {
                ws.write_string(row, col as u16, *text)?;
            }
            row_height::fit_row(ws, row, &cols, &cells_text)?;
            row += 1;
        }
    }
    format_rows(ws, actions, cols.len(), &locked)?;

    let risks: usize = objects.iter().map(|o| o.risks.len()).sum();
    let cols = headers(lang, &RISK_COLUMNS);
    let ws = sheet(&mut wb, t("sheet.portfolio_risks"), t("portfolio.title_risks"), &cols, risks, lang)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for rv in &o.risks {
            let r = &rv.risk;
            let threat = rv.threat_name.as_deref().unwrap_or("");
            ws.write_string(row, 0, &o.meta.name)?;
            ws.write_string(row, 1, threat)?;
            ws.write_string(row, 2, &r.event)?;
            ws.write_number(row, 3, r.probability as f64)?;
            ws.write_number(row, 4, r.consequence as f64)?;
            ws.write_number(row, 5, rv.value as f64)?;
            let treatment = r.treatment.map(|x| labels::word(lang, "treatment", x)).unwrap_or("");
            ws.write_string(row, 6, treatment)?;
            let accepted = if r.acceptance.is_some() { t("portfolio.yes") } else { "" };
            ws.write_string(row, 7, accepted)?;
            row_height::fit_row(ws, row, &cols, &[&o.meta.name, threat, &r.event, "", "", "", treatment, accepted])?;
            row += 1;
        }
    }
    format_rows(ws, risks, cols.len(), &locked)?;

    super::dependencies::write_portfolio(&mut wb, objects, lang)?;
    let ws = wb.add_worksheet();
    ws.set_name(META)?;
    let meta = [
        ("format", FORMAT_NAME.to_string()),
        ("format_version", FORMAT_VERSION.to_string()),
        ("kind", "portfolio".to_string()),
        ("app_version", stamp.app_version.clone()),
        ("exported_at", stamp.exported_at.clone()),
        ("objects", objects.len().to_string()),
    ];
    for (i, (k, v)) in meta.iter().enumerate() {
        ws.write_string(i as u32, 0, *k)?;
        ws.write_string(i as u32, 1, v)?;
    }
    ws.set_hidden(true);
    wb.set_zip_compression_level(super::PORTFOLIO_ZIP_LEVEL);
    Ok(wb.save_to_buffer()?)
}

/// Gives every cell of a table's data rows the format, empty cells included: the same cells
/// as writing each with the format, at one format lookup per table.
fn format_rows(ws: &mut Worksheet, rows: usize, cols: usize, format: &Format) -> Result<(), XlsxError> {
    if rows > 0 {
        ws.set_range_format(HEADER_ROW + 1, 0, HEADER_ROW + rows as u32, cols as u16 - 1, format)?;
    }
    Ok(())
}

/// A level or other small number; nothing when there is none.
fn write_level(ws: &mut Worksheet, row: u32, col: u16, value: Option<u8>) -> Result<(), XlsxError> {
    if let Some(v) = value {
        ws.write_number(row, col, v as f64)?;
    }
    Ok(())
}

/// The headers of a column table in `lang`; an aspect's column is headed by its letter.
fn headers(lang: Lang, cols: &[(&str, f64)]) -> Vec<(&'static str, f64)> {
    cols.iter()
        .map(|(key, width)| match *key {
            "K" | "R" | "T" | "S" => (labels::text(lang, &format!("aspect.{key}")), *width),
            key => (labels::text(lang, &format!("portfolio_column.{key}")), *width),
        })
        .collect()
}

/// Each object's risk analysis as the overview's figures place it.
struct RiskAnalysisState<'a> {
    none: HashSet<&'a str>,
    draft: HashSet<&'a str>,
    older: HashSet<&'a str>,
}

impl<'a> RiskAnalysisState<'a> {
    fn of(o: &'a Overview) -> Self {
        let ids = |f: &'a infoklass_core::overview::Figure| f.ids.iter().map(String::as_str).collect();
        RiskAnalysisState {
            none: ids(&o.risks.without_analysis),
            draft: ids(&o.risks.draft_analysis),
            older: ids(&o.risks.older_than_classification),
        }
    }

    /// The label key of the object's state; an analysis older than the classification needs
    /// a look first, whether approved or not.
    fn key(&self, id: &str) -> &'static str {
        if self.none.contains(id) {
            "risk_analysis.none"
        } else if self.older.contains(id) {
            "risk_analysis.older"
        } else if self.draft.contains(id) {
            "risk_analysis.draft"
        } else {
            "risk_analysis.approved"
        }
    }
}

/// A table sheet that prints on A4 landscape, one page wide.
fn sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    title: &str,
    cols: &[(&str, f64)],
    rows: usize,
    lang: Lang,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    cells::table_head(ws, title, &format!("{rows} {}", labels::text(lang, "portfolio.rows")), cols)?;
    ws.set_paper_size(A4);
    if rows > 0 {
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + rows as u32, cols.len() as u16 - 1)?;
    }
    Ok(ws)
}

/// Excel's paper size code for A4.
pub(super) const A4: u8 = 9;
