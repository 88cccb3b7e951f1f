//! What an edited Infoklass workbook says, and the changes it would make: the shapes the
//! workbook reader fills in and the preview shows.

use infoklass_core::requirements::Answer;
use infoklass_core::risk::Treatment;
use infoklass_core::{Aspect, InformationSet, ObjectMeta};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ActionInput;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerEdit {
    pub key: String,
    /// None: the cell was emptied.
    pub answer: Option<Answer>,
    pub comment: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskEdit {
    /// None: a new risk written in a spare row.
    pub id: Option<String>,
    pub cause: String,
    pub event: String,
    pub consequence_text: String,
    pub aspects: Vec<Aspect>,
    pub existing_controls: String,
    pub probability: u8,
    pub consequence: u8,
    pub treatment: Option<Treatment>,
    pub treatment_motivation: String,
    pub residual_probability: Option<u8>,
    pub residual_consequence: Option<u8>,
}

/// An Infoklass workbook as read back: everything editable, keyed by stable ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkbookEdits {
    pub object_id: String,
    /// The classification version the workbook was exported from.
    pub classification_version: u32,
    /// When it was exported (RFC 3339), from the meta sheet.
    pub exported_at: String,
    /// Every editable value as it was at the export, for the three-way merge; None for a
    /// workbook of format version 1, which did not record them.
    pub exported: Option<Vec<ExportedRow>>,
    /// The facts as the overview sheet has them; only the editable ones are applied (name and
    /// kind are changed in the app).
    pub facts: ObjectMeta,
    /// Sets with an empty id are new.
    pub sets: Vec<InformationSet>,
    pub answers: Vec<AnswerEdit>,
    /// Actions without an id are new.
    pub actions: Vec<ActionInput>,
    pub risks: Vec<RiskEdit>,
}

/// One row's editable values as they were exported: the sheet, the row's id (a set, action or
/// risk id, a requirement key; empty for the overview's facts) and the values in the order
/// of `workbook_merge`'s field lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportedRow {
    pub sheet: String,
    pub id: String,
    pub values: Vec<String>,
}

/// A field changed both in the workbook and in the database since the export (to different
/// values). It is shown and never applied; the database keeps its value. Sheet and field are
/// label keys, as in `WorkbookChange`; the values are as the workbook shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkbookConflict {
    pub sheet: String,
    pub item: String,
    pub field: String,
    /// The value in the database now.
    pub database: String,
    /// The workbook's value.
    pub workbook: String,
    /// The value at the export; None when the workbook did not record it (format version 1).
    pub exported: Option<String>,
    /// The row was removed in the database after the export.
    pub removed: bool,
}

/// One difference between the workbook and the database, as the preview lists it. The store
/// names sheet and field by label key and words by their wire name; `infoklass_files::plan_words`
/// turns them into the reader's language before anyone sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkbookChange {
    /// The sheet it comes from, e.g. Klassning (label key `sheet.classification`).
    pub sheet: String,
    /// What changes: a set, requirement, action or risk, by name or key.
    pub item: String,
    /// The column, e.g. Prioritet (label key `col.priority`).
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkbookPlan {
    pub object_id: String,
    pub object_name: String,
    pub changes: Vec<WorkbookChange>,
    /// Fields changed both here and in the database since the export; not applied.
    pub conflicts: Vec<WorkbookConflict>,
    /// The object has a newer classification than the one the workbook was exported from.
    pub stale: bool,
    /// Set changes on an approved classification start a re-classification (a new draft).
    pub starts_reclassification: bool,
}
