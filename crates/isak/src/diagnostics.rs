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
    /// `Sheet!A1` of every cell whose value could not be read and was left empty.
    left_empty: Vec<String>,
}

/// Addresses listed in the summary of cells left empty; the rest are counted.
const LEFT_EMPTY_LISTED: usize = 20;

impl Diagnostics {
    /// Notes that the cell's value was not imported (its own diagnostic says why).
    pub fn left_empty(&mut self, sheet: &str, cell: (u32, u32)) {
        self.left_empty.push(format!("{sheet}!{}", a1(cell.0, cell.1)));
    }

    /// One line naming the cells left empty, so a preview shows at a glance what the
    /// import leaves out while the rest of the file still imports.
    pub fn summarise_left_empty(&mut self) {
        let n = self.left_empty.len();
        if n == 0 {
            return;
        }
        let mut listed = self.left_empty[..n.min(LEFT_EMPTY_LISTED)].join(", ");
        if n > LEFT_EMPTY_LISTED {
            listed.push_str(" …");
        }
        self.file(
            Severity::Info,
            "CELLS_LEFT_EMPTY",
            format!("{n} celler kunde inte läsas och lämnas tomma, resten av filen importeras: {listed}"),
            format!("{n} cells could not be read and are left empty, the rest of the file is imported: {listed}"),
        );
    }

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
        self.list.push(Diagnostic {
            severity,
            code: code.into(),
            sheet: None,
            cell: None,
            message_sv: sv,
            message_en: en,
        });
    }
}
