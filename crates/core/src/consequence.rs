//! Consequence criteria per level (what harm at that level looks like in six areas) and the
//! tolerable outage per T level. Both are scale data; the risk matrix reuses the criteria as
//! its consequence descriptions (`RiskMatrix::with_criteria`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The areas in which a level's harm is described, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsequenceArea {
    Verksamhet,
    Ekonomi,
    Fortroende,
    LivOchHalsa,
    RattsligEfterlevnad,
    EnskildasIntegritet,
}

impl ConsequenceArea {
    pub const ALL: [ConsequenceArea; 6] = [
        ConsequenceArea::Verksamhet,
        ConsequenceArea::Ekonomi,
        ConsequenceArea::Fortroende,
        ConsequenceArea::LivOchHalsa,
        ConsequenceArea::RattsligEfterlevnad,
        ConsequenceArea::EnskildasIntegritet,
    ];

    pub fn name_sv(self) -> &'static str {
        match self {
            ConsequenceArea::Verksamhet => "Verksamhet",
            ConsequenceArea::Ekonomi => "Ekonomi",
            ConsequenceArea::Fortroende => "Förtroende",
            ConsequenceArea::LivOchHalsa => "Liv och hälsa",
            ConsequenceArea::RattsligEfterlevnad => "Rättslig efterlevnad",
            ConsequenceArea::EnskildasIntegritet => "Enskildas integritet",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            ConsequenceArea::Verksamhet => "Operations",
            ConsequenceArea::Ekonomi => "Finances",
            ConsequenceArea::Fortroende => "Trust",
            ConsequenceArea::LivOchHalsa => "Life and health",
            ConsequenceArea::RattsligEfterlevnad => "Legal compliance",
            ConsequenceArea::EnskildasIntegritet => "Personal privacy",
        }
    }
}

/// What harm at one level means in one area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub area: ConsequenceArea,
    pub sv: String,
    pub en: String,
}

/// The longest outage tolerable at a T level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    pub level: u8,
    /// Absent: no limit.
    #[serde(default)]
    pub hours: Option<u32>,
    pub sv: String,
    pub en: String,
}

/// A level's criteria: none at all (a scale from before they existed), or every area once,
/// in the shown order, with both languages.
pub fn check_criteria(level: u8, criteria: &[Criterion]) -> Result<(), String> {
    if criteria.is_empty() {
        return Ok(());
    }
    let areas: Vec<ConsequenceArea> = criteria.iter().map(|c| c.area).collect();
    if areas != ConsequenceArea::ALL {
        return Err(format!("level {level} needs one criterion per area, in the order {:?}", ConsequenceArea::ALL));
    }
    if let Some(c) = criteria.iter().find(|c| c.sv.trim().is_empty() || c.en.trim().is_empty()) {
        return Err(format!("level {level}: the criterion {:?} needs a Swedish and an English text", c.area));
    }
    Ok(())
}

/// Outage times: none (an older scale), or one per level in order, with both languages, each
/// level tolerating a strictly shorter outage than the one below (absent hours only at 0).
pub fn check_outage(outage: &[Outage], levels: usize) -> Result<(), String> {
    if outage.is_empty() {
        return Ok(());
    }
    if outage.len() != levels || outage.iter().enumerate().any(|(i, o)| o.level as usize != i) {
        return Err("the outage times need one entry per level, numbered 0, 1, 2 … in order".into());
    }
    if let Some(o) = outage.iter().find(|o| o.sv.trim().is_empty() || o.en.trim().is_empty()) {
        return Err(format!("outage at level {} needs a Swedish and an English text", o.level));
    }
    for pair in outage.windows(2) {
        let shorter = match (pair[0].hours, pair[1].hours) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b < a,
            _ => false,
        };
        if !shorter {
            return Err(format!("level {} must tolerate a shorter outage than level {}", pair[1].level, pair[0].level));
        }
    }
    Ok(())
}
