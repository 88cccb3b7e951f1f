//! Problems found inside a readable workbook, each tied to a sheet and cell where possible.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::grid::a1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, machine-readable, e.g. `LEVEL_OUT_OF_RANGE`.
    pub code: String,
    pub sheet: Option<String>,
    /// A1 address, e.g. `E14`.
    pub cell: Option<String>,
    /// Starts with `Sheet!Cell: ` when there is a place, e.g. `Klassning!E14: "5" är inte …`.
    pub message_sv: String,
    pub message_en: String,
}

/// Collects diagnostics while a workbook is parsed.
#[derive(Default)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn at(&mut self, severity: Severity, code: &str, sheet: &str, cell: (u32, u32), sv: String, en: String) {
        let address = a1(cell.0, cell.1);
        self.list.push(Diagnostic {
            severity,
            code: code.into(),
            sheet: Some(sheet.into()),
            message_sv: format!("{sheet}!{address}: {sv}"),
            message_en: format!("{sheet}!{address}: {en}"),
            cell: Some(address),
        });
    }

    pub fn sheet(&mut self, severity: Severity, code: &str, sheet: &str, sv: String, en: String) {
        self.list.push(Diagnostic {
            severity,
            code: code.into(),
            sheet: Some(sheet.into()),
            cell: None,
            message_sv: format!("{sheet}: {sv}"),
            message_en: format!("{sheet}: {en}"),
        });
    }

    pub fn file(&mut self, severity: Severity, code: &str, sv: String, en: String) {
        self.list.push(Diagnostic { severity, code: code.into(), sheet: None, cell: None, message_sv: sv, message_en: en });
    }
}
