//! The coordinator's portfolio workbook: many objects side by side, one row per object,
//! information set, action and risk. Read-only in spirit: changes go through each object's
//! own workbook.

use infoklass_core::Aspect;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::cells;
use super::layout::{FORMAT_NAME, FORMAT_VERSION, HEADER_ROW, META};
use super::{ExportStamp, ObjectExport};
use crate::{row_height, ExcelError};
use infoklass_store::workbook_apply::{priority_sv, status_sv, treatment_sv};
use infoklass_store::{PortfolioObject, PortfolioRisk};

const OBJECT_COLUMNS: [(&str, f64); 16] = [
    ("Objekt-ID", 10.0),
    ("Objekt", 28.0),
    ("Typ", 10.0),
    ("Förvaltning / enhet", 18.0),
    ("Informationsägare", 20.0),
    ("Status", 11.0),
    ("K", 5.0),
    ("R", 5.0),
    ("T", 5.0),
    ("S", 5.0),
    ("Profil", 13.0),
    ("Nästa översyn", 12.0),
    ("Krav", 7.0),
    ("Uppfyllda", 9.0),
    ("Öppna åtgärder", 9.0),
    ("Högsta riskvärde", 9.0),
];
const SET_COLUMNS: [(&str, f64); 8] = [
    ("Objekt", 24.0),
    ("Informationsmängd", 28.0),
    ("K", 5.0),
    ("R", 5.0),
    ("T", 5.0),
    ("S", 5.0),
    ("Motiveringar", 60.0),
    ("ID", 10.0),
];
const ACTION_COLUMNS: [(&str, f64); 7] = [
    ("Objekt", 24.0),
    ("Krav-ID", 9.0),
    ("Åtgärd", 44.0),
    ("Åtgärdsansvarig", 20.0),
    ("Klart senast", 12.0),
    ("Prioritet", 9.0),
    ("Status", 12.0),
];
const RISK_COLUMNS: [(&str, f64); 8] = [
    ("Objekt", 24.0),
    ("Hot", 22.0),
    ("Händelse", 36.0),
    ("Sannolikhet", 10.0),
    ("Konsekvens", 10.0),
    ("Riskvärde", 9.0),
    ("Hantering", 11.0),
    ("Accepterad", 10.0),
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

pub fn portfolio_workbook(objects: &[PortfolioObject], stamp: &ExportStamp) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    let locked = cells::locked();
    let ws = sheet(&mut wb, "Portfölj", "Alla klassade objekt", &OBJECT_COLUMNS, objects.len())?;
    for (i, o) in objects.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let c = o;
        let open = o.actions.iter().filter(|a| a.status != infoklass_core::requirements::ActionStatus::Klar).count();
        let top = o.risks.iter().map(|r| r.value).max();
        let texts = [
            &o.id,
            &c.meta.name,
            &c.meta.kind.as_str().to_string(),
            &c.meta.unit,
            &c.meta.information_owner,
            &c.status.as_str().to_string(),
        ];
        for (col, t) in texts.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, t.as_str(), &locked)?;
        }
        for (j, a) in Aspect::ALL.iter().enumerate() {
            cells::write_opt_number(ws, row, 6 + j as u16, *c.profile.levels.get(*a), &locked)?;
        }
        ws.write_string_with_format(row, 10, &c.profile.text, &locked)?;
        ws.write_string_with_format(row, 11, c.meta.next_review.as_deref().unwrap_or(""), &locked)?;
        ws.write_number_with_format(row, 12, o.requirements as f64, &locked)?;
        ws.write_number_with_format(row, 13, o.fulfilled as f64, &locked)?;
        ws.write_number_with_format(row, 14, open as f64, &locked)?;
        cells::write_opt_number(ws, row, 15, top, &locked)?;
        row_height::fit_row(
            ws,
            row,
            &OBJECT_COLUMNS,
            &[&o.id, &c.meta.name, "", &c.meta.unit, &c.meta.information_owner, "", "", "", "", "", &c.profile.text],
        )?;
    }
    cells::level_colours(ws, HEADER_ROW + 1, 6, HEADER_ROW + objects.len().max(1) as u32, 9)?;

    let sets: usize = objects.iter().map(|o| o.sets.len()).sum();
    let ws = sheet(&mut wb, "Informationsmängder", "Alla informationsmängder med nivåer", &SET_COLUMNS, sets)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for s in &o.sets {
            ws.write_string_with_format(row, 0, &o.meta.name, &locked)?;
            ws.write_string_with_format(row, 1, &s.name, &locked)?;
            for (j, a) in Aspect::ALL.iter().enumerate() {
                cells::write_opt_number(ws, row, 2 + j as u16, *s.levels.get(*a), &locked)?;
            }
            let why: Vec<String> = Aspect::ALL
                .iter()
                .filter(|a| !s.motivations.get(**a).is_empty())
                .map(|a| format!("{}: {}", a.code(), s.motivations.get(*a)))
                .collect();
            ws.write_string_with_format(row, 6, why.join(" · "), &locked)?;
            row_height::fit_row(
                ws,
                row,
                &SET_COLUMNS,
                &[&o.meta.name, &s.name, "", "", "", "", &why.join(" · "), &s.id],
            )?;
            ws.write_string_with_format(row, 7, &s.id, &locked)?;
            row += 1;
        }
    }
    cells::level_colours(ws, HEADER_ROW + 1, 2, row.max(HEADER_ROW + 2), 5)?;

    let actions: usize = objects.iter().map(|o| o.actions.len()).sum();
    let ws = sheet(&mut wb, "Handlingsplan", "Alla åtgärder", &ACTION_COLUMNS, actions)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for a in &o.actions {
            let cells_text = [
                o.meta.name.as_str(),
                a.requirement_key.as_deref().unwrap_or(""),
                &a.measure,
                &a.responsible,
                a.due.as_deref().unwrap_or(""),
                priority_sv(a.priority),
                status_sv(a.status),
            ];
            for (col, t) in cells_text.iter().enumerate() {
                ws.write_string_with_format(row, col as u16, *t, &locked)?;
            }
            row_height::fit_row(ws, row, &ACTION_COLUMNS, &cells_text)?;
            row += 1;
        }
    }

    let risks: usize = objects.iter().map(|o| o.risks.len()).sum();
    let ws = sheet(&mut wb, "Risker", "Alla risker, högst värde först per objekt", &RISK_COLUMNS, risks)?;
    let mut row = HEADER_ROW + 1;
    for o in objects {
        for rv in &o.risks {
            let r = &rv.risk;
            ws.write_string_with_format(row, 0, &o.meta.name, &locked)?;
            ws.write_string_with_format(row, 1, rv.threat_name.as_deref().unwrap_or(""), &locked)?;
            ws.write_string_with_format(row, 2, &r.event, &locked)?;
            ws.write_number_with_format(row, 3, r.probability as f64, &locked)?;
            ws.write_number_with_format(row, 4, r.consequence as f64, &locked)?;
            ws.write_number_with_format(row, 5, rv.value as f64, &locked)?;
            ws.write_string_with_format(row, 6, r.treatment.map(treatment_sv).unwrap_or(""), &locked)?;
            ws.write_string_with_format(row, 7, if r.acceptance.is_some() { "Ja" } else { "" }, &locked)?;
            row_height::fit_row(
                ws,
                row,
                &RISK_COLUMNS,
                &[&o.meta.name, rv.threat_name.as_deref().unwrap_or(""), &r.event],
            )?;
            row += 1;
        }
    }

    super::dependencies::write_portfolio(&mut wb, objects)?;
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
    Ok(wb.save_to_buffer()?)
}

fn sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    title: &str,
    cols: &[(&str, f64)],
    rows: usize,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    cells::table_head(ws, title, &format!("{rows} rader"), cols)?;
    if rows > 0 {
        ws.autofilter(HEADER_ROW, 0, HEADER_ROW + rows as u32, cols.len() as u16 - 1)?;
    }
    Ok(ws)
}
