//! Which sheet plays which part: by name first (any case), then by content for renamed sheets.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{norm, Sheet};
use crate::{classification, requirements, risks};

#[derive(Debug, Default)]
pub struct Roles {
    pub classification: Option<usize>,
    pub risks: Option<usize>,
    pub requirements: Option<usize>,
    /// Instruction sheets: free text, not imported and not listed.
    pub ignored: Vec<usize>,
}

impl Roles {
    pub fn is_known(&self, i: usize) -> bool {
        [self.classification, self.risks, self.requirements].contains(&Some(i))
    }
}

const CLASSIFICATION: &[&str] = &["klassning", "informationsklassning"];
const RISKS: &[&str] = &["riskanalys", "risker"];
const REQUIREMENTS: &[&str] = &["krav", "kravställning", "kravlista"];
const IGNORED: &[&str] = &["instruktion", "instruktioner", "anvisning", "anvisningar"];

pub fn locate(sheets: &[Sheet], diags: &mut Diagnostics) -> Roles {
    let named = |names: &[&str]| sheets.iter().position(|s| names.contains(&norm(&s.name).as_str()));
    let ignored: Vec<usize> =
        (0..sheets.len()).filter(|i| IGNORED.contains(&norm(&sheets[*i].name).as_str())).collect();
    let mut found = [named(CLASSIFICATION), named(RISKS), named(REQUIREMENTS)];
    type Probe = fn(&Sheet) -> bool;
    let probes: [(Probe, &str, &str); 3] = [
        (|s| classification::find(s).is_some(), "Klassning", "classification"),
        (|s| risks::find(s).is_some(), "Riskanalys", "risk analysis"),
        (|s| requirements::find(s).is_some(), "Krav", "requirements"),
    ];
    for (part, (probe, sv, en)) in probes.iter().enumerate() {
        if found[part].is_some() {
            continue;
        }
        let taken = |i: usize| found.contains(&Some(i)) || ignored.contains(&i);
        let Some(i) = (0..sheets.len()).find(|i| !taken(*i) && probe(&sheets[*i])) else { continue };
        found[part] = Some(i);
        diags.sheet(
            Severity::Info,
            "SHEET_FOUND_BY_CONTENT",
            &sheets[i].name,
            format!("bladet lästes som {sv} eftersom det innehåller den tabellen"),
            format!("the sheet was read as the {en} sheet because it holds that table"),
        );
    }
    let [classification, risks, requirements] = found;
    Roles { classification, risks, requirements, ignored }
}
