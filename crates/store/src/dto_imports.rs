//! Imports of workbooks: what an old ISAK workbook becomes, what the preview says, and the
//! record kept of every file read in.

use infoklass_core::risk::Risk;
use infoklass_core::{InformationSet, ObjectMeta};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::WorkbookPlan;

/// An ISAK requirement row, kept as it was written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LegacyRequirement {
    pub id: String,
    pub area: String,
    pub text: String,
    /// From which level per aspect it applied, as written (e.g. "K: 2, T: x").
    pub applies_from: String,
    /// Uppfyllt as written: Ja, Nej, Delvis, Ej aktuellt or blank.
    pub status: String,
    pub comment: String,
    pub responsible: String,
}

/// What an old ISAK workbook recorded about its classification, kept as read when it was
/// imported (the object's own facts change later; this does not).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct IsakRecord {
    pub file_name: String,
    /// The sheet the classification was read from (empty for imports made before it was kept).
    pub sheet: String,
    pub isak_version: Option<String>,
    /// The classification date the workbook gives.
    pub classified_on: Option<String>,
    pub participants: Vec<String>,
    pub information_owner: String,
    pub system_owner: String,
    pub imported_at: String,
    pub imported_by: String,
}

/// A risk row of an old workbook, with the action written next to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LegacyRisk {
    pub risk: Risk,
    pub action: Option<crate::ActionInput>,
}

/// An old ISAK workbook mapped onto the app's model, ready to preview and write.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LegacyImport {
    pub file_name: String,
    pub sha256: String,
    pub meta: ObjectMeta,
    pub sets: Vec<InformationSet>,
    pub risks: Vec<LegacyRisk>,
    pub requirements: Vec<LegacyRequirement>,
    /// The sheet the classification was read from, and the ISAK version the workbook names.
    #[serde(default)]
    pub sheet: String,
    #[serde(default)]
    pub isak_version: Option<String>,
    /// Diagnostics and left-over cells, kept with the import record.
    #[ts(type = "unknown")]
    pub report: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new object.
    Created,
    /// An object of the same name gets the workbook's content as a new draft.
    Updated,
    /// This very file was imported before; nothing to do.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LegacyPlan {
    pub outcome: ImportOutcome,
    pub object_id: Option<String>,
    pub object_name: String,
    pub sets: u32,
    pub risks: u32,
    pub requirements: u32,
    /// When the same file was imported before.
    pub previous_import: Option<String>,
}

/// One file read in, as the import history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRecord {
    pub id: String,
    pub file_name: String,
    pub sha256: String,
    pub format: String,
    pub object_id: Option<String>,
    pub outcome: String,
    pub imported_at: String,
    pub imported_by: String,
}

/// A problem found in an imported file, tied to a sheet and cell where there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportDiagnostic {
    /// error, warning or info.
    pub severity: String,
    pub code: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub message_sv: String,
    pub message_en: String,
}

/// A cell the importer did not use, listed so nothing is left behind unseen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LeftoverCell {
    pub sheet: String,
    pub cell: String,
    pub text: String,
}

/// One file of an import: what it is, what importing it does (or did), and what was found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct FileImport {
    pub file_name: String,
    pub sha256: String,
    /// isak (an old ISAK workbook), infoklass (our own, sent back) or empty when unreadable.
    pub kind: String,
    /// The file can be imported (no error-level diagnostic, readable).
    pub ok: bool,
    /// The import was written.
    pub applied: bool,
    /// Why the whole file cannot be read, e.g. IMPORT_ENCRYPTED.
    pub failure: Option<ImportDiagnostic>,
    pub legacy: Option<LegacyPlan>,
    pub workbook: Option<WorkbookPlan>,
    pub diagnostics: Vec<ImportDiagnostic>,
    pub leftovers: Vec<LeftoverCell>,
    /// Level words the file uses that are not level names; map them to import the cells.
    pub unknown_words: Vec<String>,
}
