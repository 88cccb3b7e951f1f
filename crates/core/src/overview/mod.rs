//! The coordinator's overview: coverage, levels, the review cycle, risk analyses and quality
//! findings over many objects, computed from plain facts the store gathers in a few queries.
//! Every figure keeps the ids of the objects behind it, so a screen can open them.

mod quality;
pub mod requirements;
pub mod risks;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::classification::InformationSet;
use crate::review::days_between;
use crate::{Aspect, Levels, ObjectKind, PerAspect, Status};

pub use quality::{quality_findings, Finding, FindingCode};

/// Drafts older than this many days count as stalled.
pub const OLD_DRAFT_DAYS: i64 = 90;

/// What the overview needs to know about one object.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectFacts {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub kind: ObjectKind,
    pub information_owner: String,
    /// The status of the newest classification.
    pub status: Status,
    /// Some version was approved (the newest may be a draft of a re-classification).
    pub ever_approved: bool,
    /// The day the latest approved version was approved.
    pub approved_on: Option<String>,
    /// The day the open draft was started (only while the newest version is a draft).
    pub draft_since: Option<String>,
    pub next_review: Option<String>,
    /// Made from an old ISAK workbook.
    pub imported_from_isak: bool,
    /// The profile of the newest classification.
    pub levels: Levels,
    pub sets: Vec<InformationSet>,
    /// Lagrum ticked whose suggestions are neither accepted nor declined.
    pub lagrum_pending: u32,
    /// Made under a scale version other than the one in use now.
    pub older_scale: bool,
    /// Approved under a catalogue version other than the active one.
    pub older_catalog: bool,
    pub risk: Option<RiskFacts>,
    /// Actions not done whose due date has passed.
    pub overdue_actions: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskFacts {
    pub approved: bool,
    /// The day the analysis last changed (its approval, or its last edit).
    pub changed_on: String,
    pub risks: u32,
}

/// Which objects to count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OverviewFilter {
    pub unit: Option<String>,
    pub kind: Option<ObjectKind>,
}

impl OverviewFilter {
    pub fn admits(&self, o: &ObjectFacts) -> bool {
        self.admits_unit_kind(&o.unit, o.kind)
    }

    pub fn admits_unit_kind(&self, unit: &str, kind: ObjectKind) -> bool {
        self.unit.as_ref().is_none_or(|u| u.trim().to_lowercase() == unit.trim().to_lowercase())
            && self.kind.is_none_or(|k| k == kind)
    }
}

/// A count and the objects behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Figure {
    pub count: u32,
    pub ids: Vec<String>,
}

impl Figure {
    fn add(&mut self, id: &str) {
        self.count += 1;
        self.ids.push(id.to_string());
    }
}

/// Objects of one unit or kind by status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Group {
    pub name: String,
    pub total: Figure,
    pub drafts: Figure,
    pub approved: Figure,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Coverage {
    pub drafts: Figure,
    pub approved: Figure,
    /// Drafts started more than `OLD_DRAFT_DAYS` ago.
    pub old_drafts: Figure,
    pub never_approved: Figure,
    /// Objects made from ISAK workbooks, and of them those whose S is not yet assessed.
    pub from_isak: Figure,
    pub from_isak_without_s: Figure,
    pub by_unit: Vec<Group>,
    pub by_kind: Vec<Group>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LevelCounts {
    /// Objects per level 0–4 of the profile, per aspect.
    pub levels: PerAspect<Vec<Figure>>,
    pub not_assessed: PerAspect<Figure>,
    /// Some aspect at level 4 (the separate security-protection analysis applies).
    pub level4: Figure,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewCounts {
    pub overdue: Figure,
    pub within_30: Figure,
    pub within_90: Figure,
    pub no_date: Figure,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskCounts {
    pub without_analysis: Figure,
    /// Objects at level 3 or higher in some aspect without an approved risk analysis.
    pub high_without_approved: Figure,
    pub draft_analysis: Figure,
    /// The classification was approved after the risk analysis last changed.
    pub older_than_classification: Figure,
}

/// An object counted, so a figure's ids can be shown by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NamedObject {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub information_owner: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Overview {
    pub objects: u32,
    /// Every object counted, in the order given (the store gives Swedish name order).
    pub named: Vec<NamedObject>,
    pub coverage: Coverage,
    pub levels: LevelCounts,
    pub reviews: ReviewCounts,
    pub risks: RiskCounts,
    pub overdue_actions: Figure,
    pub findings: Vec<Finding>,
}

/// Groups in Swedish order of their names.
fn group<'a>(groups: &'a mut Vec<Group>, name: &str) -> &'a mut Group {
    let at = match groups.iter().position(|g| g.name == name) {
        Some(i) => i,
        None => {
            groups.push(Group { name: name.to_string(), ..Default::default() });
            groups.len() - 1
        }
    };
    &mut groups[at]
}

pub fn overview(objects: &[ObjectFacts], filter: &OverviewFilter, today: &str) -> Overview {
    let mut o = Overview {
        levels: LevelCounts { levels: PerAspect::from_fn(|_| vec![Figure::default(); 5]), ..Default::default() },
        ..Default::default()
    };
    let admitted: Vec<&ObjectFacts> = objects.iter().filter(|f| filter.admits(f)).collect();
    for f in &admitted {
        let id = f.id.as_str();
        o.objects += 1;
        o.named.push(NamedObject {
            id: f.id.clone(),
            name: f.name.clone(),
            unit: f.unit.clone(),
            information_owner: f.information_owner.clone(),
        });
        coverage(&mut o.coverage, f, today);
        for a in Aspect::ALL {
            match *f.levels.get(a) {
                Some(l) => {
                    if let Some(fig) = o.levels.levels.get_mut(a).get_mut(l as usize) {
                        fig.add(id);
                    }
                }
                None => o.levels.not_assessed.get_mut(a).add(id),
            }
        }
        if Aspect::ALL.iter().any(|a| *f.levels.get(*a) == Some(4)) {
            o.levels.level4.add(id);
        }
        match f.next_review.as_deref().and_then(|d| days_between(today, d)) {
            None => o.reviews.no_date.add(id),
            Some(d) if d < 0 => o.reviews.overdue.add(id),
            Some(d) if d <= 30 => o.reviews.within_30.add(id),
            Some(d) if d <= 90 => o.reviews.within_90.add(id),
            Some(_) => {}
        }
        risks(&mut o.risks, f);
        if f.overdue_actions > 0 {
            o.overdue_actions.add(id);
        }
    }
    let sort = |groups: &mut Vec<Group>| groups.sort_by(|a, b| crate::collate::compare(&a.name, &b.name));
    sort(&mut o.coverage.by_unit);
    sort(&mut o.coverage.by_kind);
    o.findings = quality_findings(admitted.iter().copied(), today);
    o
}

fn coverage(c: &mut Coverage, f: &ObjectFacts, today: &str) {
    let id = f.id.as_str();
    let kind = f.kind.as_str();
    for g in [group(&mut c.by_unit, f.unit.trim()), group(&mut c.by_kind, kind)] {
        g.total.add(id);
        if f.status == Status::Utkast {
            g.drafts.add(id);
        } else {
            g.approved.add(id);
        }
    }
    if f.status == Status::Utkast {
        c.drafts.add(id);
    } else {
        c.approved.add(id);
    }
    if !f.ever_approved {
        c.never_approved.add(id);
    }
    let started = f.draft_since.as_deref().and_then(|d| days_between(d, today));
    if f.status == Status::Utkast && started.is_some_and(|d| d > OLD_DRAFT_DAYS) {
        c.old_drafts.add(id);
    }
    if f.imported_from_isak {
        c.from_isak.add(id);
        if f.levels.s.is_none() {
            c.from_isak_without_s.add(id);
        }
    }
}

fn risks(r: &mut RiskCounts, f: &ObjectFacts) {
    let id = f.id.as_str();
    let high = Aspect::ALL.iter().any(|a| f.levels.get(*a).is_some_and(|l| l >= 3));
    match &f.risk {
        None => r.without_analysis.add(id),
        Some(a) => {
            if !a.approved {
                r.draft_analysis.add(id);
            }
            if f.approved_on.as_deref().is_some_and(|c| c > a.changed_on.as_str()) {
                r.older_than_classification.add(id);
            }
        }
    }
    if high && !f.risk.as_ref().is_some_and(|a| a.approved) {
        r.high_without_approved.add(id);
    }
}

#[cfg(test)]
mod tests;
