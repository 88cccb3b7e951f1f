//! Risks across the organisation: one heat map over every risk before and after treatment,
//! the analyses whose consequences the classification has since changed, and the high and
//! extreme risks still open past the treatment time of their band. Every bound comes from the
//! matrix data (the band's `treat_within_days`, the band ranks), never from a literal here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Figure, NamedObject};
use crate::review::days_between;
use crate::risk::matrix::RiskMatrix;
use crate::risk::{Risk, HIGH_BAND};

/// One stored risk with what the overview needs beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub object_id: String,
    pub risk: Risk,
    /// The matrix its analysis was started under.
    pub matrix: RiskMatrix,
    /// The day it was first saved (`YYYY-MM-DD`).
    pub identified_on: String,
    /// The classification now gives another consequence than the one it was derived from.
    pub consequence_to_review: bool,
}

/// A risk in a heat-map cell and the object it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskRef {
    pub id: String,
    pub object_id: String,
}

/// One cell of the heat map: its risks, and the objects they belong to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct HeatCell {
    pub risks: Vec<RiskRef>,
    pub objects: Figure,
}

/// A high or extreme risk still open after its band's treatment time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LateRisk {
    pub object_id: String,
    pub object_name: String,
    pub risk_id: String,
    pub event: String,
    /// The value it is judged by: the residual value when given, else the risk's own.
    pub value: u8,
    pub band_key: String,
    pub band_sv: String,
    pub band_en: String,
    pub identified_on: String,
    pub treat_within_days: u32,
    pub days_late: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskOverview {
    /// The matrix the heat maps are drawn on (the active one).
    pub matrix: Option<RiskMatrix>,
    /// Cells by probability then consequence (index value − 1), before and after treatment.
    pub before: Vec<Vec<HeatCell>>,
    pub after: Vec<Vec<HeatCell>>,
    /// Risks outside the active matrix's grid (an older matrix with more steps).
    pub outside: u32,
    /// Objects with a risk whose consequence the classification has since changed.
    pub to_review: Figure,
    /// Latest first.
    pub late: Vec<LateRisk>,
}

fn add(cell: &mut HeatCell, risk: &str, object: &str) {
    cell.risks.push(RiskRef { id: risk.to_string(), object_id: object.to_string() });
    if !cell.objects.ids.iter().any(|i| i == object) {
        cell.objects.add(object);
    }
}

/// Ranks a band by how many bands lie below it; a band at or above the matrix's high band
/// counts as high (as for the priority of actions made from a risk).
fn is_high(matrix: &RiskMatrix, value: u8) -> bool {
    let rank = |min: u8| matrix.bands.iter().filter(|b| b.min < min).count();
    match (matrix.band(value), matrix.bands.iter().find(|b| b.key == HIGH_BAND)) {
        (Some(b), Some(high)) => rank(b.min) >= rank(high.min),
        _ => false,
    }
}

/// The figures over the risks of `objects` (others are left out), drawn on `active`.
pub fn risk_overview(active: &RiskMatrix, objects: &[NamedObject], rows: &[RiskRow], today: &str) -> RiskOverview {
    let (np, nc) = (active.max_probability() as usize, active.max_consequence() as usize);
    let grid = || vec![vec![HeatCell::default(); nc]; np];
    let mut o = RiskOverview { matrix: Some(active.clone()), before: grid(), after: grid(), ..Default::default() };
    let position: HashMap<&str, (usize, &str)> =
        objects.iter().enumerate().map(|(i, n)| (n.id.as_str(), (i, n.name.as_str()))).collect();
    let mut ordered: Vec<&RiskRow> = rows.iter().filter(|r| position.contains_key(r.object_id.as_str())).collect();
    ordered.sort_by_key(|r| position[r.object_id.as_str()].0);
    let mut late = Vec::new();
    for row in ordered {
        let (r, id) = (&row.risk, row.object_id.as_str());
        let after = (r.residual_probability.unwrap_or(r.probability), r.residual_consequence.unwrap_or(r.consequence));
        for ((p, c), map) in [((r.probability, r.consequence), &mut o.before), (after, &mut o.after)] {
            if active.in_matrix(p, c) {
                add(&mut map[p as usize - 1][c as usize - 1], &r.id, id);
            } else {
                o.outside += 1;
            }
        }
        if row.consequence_to_review && !o.to_review.ids.iter().any(|i| i == id) {
            o.to_review.add(id);
        }
        let value = r.value_to_accept();
        let Some(band) = row.matrix.band(value).filter(|_| is_high(&row.matrix, value) && r.acceptance.is_none())
        else {
            continue;
        };
        let age = days_between(&row.identified_on, today).unwrap_or(0);
        let over = age - i64::from(band.treat_within_days);
        if over > 0 {
            late.push(LateRisk {
                object_id: id.to_string(),
                object_name: position[id].1.to_string(),
                risk_id: r.id.clone(),
                event: r.event.clone(),
                value,
                band_key: band.key.clone(),
                band_sv: band.name_sv.clone(),
                band_en: band.name_en.clone(),
                identified_on: row.identified_on.clone(),
                treat_within_days: band.treat_within_days,
                days_late: over.min(i64::from(u32::MAX)) as u32,
            });
        }
    }
    late.sort_by_key(|l| std::cmp::Reverse(l.days_late));
    o.late = late;
    o
}

#[cfg(test)]
#[path = "risks_tests.rs"]
mod tests;
