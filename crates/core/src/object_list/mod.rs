//! The object list's rules: which objects a coordinator's filter admits (minimum levels per
//! aspect, the state of the risk analysis) and the order of its sortable columns. The store
//! gathers the facts per object with a few queries and applies these rules.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Aspect, Levels, Status};

/// Where an object's risk analysis stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    /// No risk analysis.
    None,
    /// An analysis that is not approved.
    Draft,
    /// An approved analysis, newer than the latest approved classification.
    Approved,
    /// The classification was approved after the analysis last changed (draft or approved):
    /// the analysis should be looked at again.
    NeedsReview,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] =
        [RiskStatus::None, RiskStatus::Draft, RiskStatus::Approved, RiskStatus::NeedsReview];

    pub fn as_str(self) -> &'static str {
        match self {
            RiskStatus::None => "none",
            RiskStatus::Draft => "draft",
            RiskStatus::Approved => "approved",
            RiskStatus::NeedsReview => "needs-review",
        }
    }

    /// Reads `none`, `draft`, `approved` or `needs-review` (also `needs_review`).
    pub fn parse(s: &str) -> Option<RiskStatus> {
        let s = s.trim().to_lowercase().replace('_', "-");
        RiskStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The risk analysis as the list sees it: approved or not, and the day it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisFacts {
    pub approved: bool,
    pub changed_on: String,
}

/// The status of the risk analysis. "Needs review" wins over draft and approved: an analysis
/// older than the classification it rests on is the thing to act on (the overview's
/// "äldre än klassningen" counts the same objects).
pub fn risk_status(analysis: Option<&AnalysisFacts>, classification_approved_on: Option<&str>) -> RiskStatus {
    let Some(a) = analysis else { return RiskStatus::None };
    if classification_approved_on.is_some_and(|c| c > a.changed_on.as_str()) {
        RiskStatus::NeedsReview
    } else if a.approved {
        RiskStatus::Approved
    } else {
        RiskStatus::Draft
    }
}

/// Every aspect with a minimum has a level at least that high; an aspect not assessed never
/// meets a minimum (not even 0: "not assessed" is not "assessed as 0").
pub fn meets_minimums(levels: &Levels, minimums: &Levels) -> bool {
    Aspect::ALL.iter().all(|a| match minimums.get(*a) {
        None => true,
        Some(min) => levels.get(*a).is_some_and(|l| l >= *min),
    })
}

/// The column the list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    #[default]
    Name,
    Unit,
    Profile,
    NextReview,
    Status,
}

impl SortColumn {
    pub const ALL: [SortColumn; 5] =
        [SortColumn::Name, SortColumn::Unit, SortColumn::Profile, SortColumn::NextReview, SortColumn::Status];

    pub fn as_str(self) -> &'static str {
        match self {
            SortColumn::Name => "name",
            SortColumn::Unit => "unit",
            SortColumn::Profile => "profile",
            SortColumn::NextReview => "next-review",
            SortColumn::Status => "status",
        }
    }

    /// Reads `name`, `unit`, `profile`, `next-review` (also `next_review`) or `status`.
    pub fn parse(s: &str) -> Option<SortColumn> {
        let s = s.trim().to_lowercase().replace('_', "-");
        SortColumn::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What a row is sorted on.
#[derive(Debug, Clone, Copy)]
pub struct SortFields<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    pub levels: &'a Levels,
    pub next_review: Option<&'a str>,
    pub status: Status,
    pub decommissioned: bool,
}

/// Sorts rows by a column, ties broken by the name in Swedish order. Descending reverses the
/// column, never the tie-break; rows without a value (no unit, no review date) come last
/// either way, so reversing a column never buries the filled rows under the empty ones.
pub fn sort_rows<T>(rows: &mut [T], column: SortColumn, descending: bool, fields: impl Fn(&T) -> SortFields<'_>) {
    rows.sort_by(|a, b| compare(&fields(a), &fields(b), column, descending));
}

fn compare(a: &SortFields, b: &SortFields, column: SortColumn, descending: bool) -> Ordering {
    let dir = |o: Ordering| if descending { o.reverse() } else { o };
    let by_name = || crate::collate::compare(a.name, b.name);
    let empty_last = |x: Option<&str>, y: Option<&str>, cmp: fn(&str, &str) -> Ordering| match (x, y) {
        (Some(x), Some(y)) => dir(cmp(x, y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let primary = match column {
        SortColumn::Name => dir(by_name()),
        SortColumn::Unit => empty_last(non_empty(a.unit), non_empty(b.unit), crate::collate::compare),
        SortColumn::Profile => dir(profile_key(a.levels).cmp(&profile_key(b.levels))),
        SortColumn::NextReview => empty_last(a.next_review, b.next_review, |x, y| x.cmp(y)),
        SortColumn::Status => dir(status_rank(a).cmp(&status_rank(b))),
    };
    primary.then_with(by_name)
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.trim().is_empty())
}

/// Profiles order by their highest level, then by the sum of the levels, then K, R, T, S in
/// turn; an aspect not assessed counts below 0.
fn profile_key(levels: &Levels) -> (i8, i8, [i8; 4]) {
    let l = Aspect::ALL.map(|a| levels.get(a).map_or(-1, |v| v as i8));
    (*l.iter().max().unwrap_or(&-1), l.iter().sum(), l)
}

/// Draft, approved, replaced, then decommissioned: the order of an object's life.
fn status_rank(s: &SortFields) -> u8 {
    if s.decommissioned {
        return 3;
    }
    match s.status {
        Status::Utkast => 0,
        Status::Faststalld => 1,
        Status::Ersatt => 2,
    }
}

#[cfg(test)]
mod tests;
