//! The command contract for requirements, self-assessment, the action plan and procurement.

use infoklass_core::requirements::trigger::Term;
use infoklass_core::requirements::{ActionStatus, AnsweredBy, Assessment, Obligation, Priority, Suppression};
use infoklass_core::{Aspect, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A catalogue known to the database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CatalogInfo {
    pub id: String,
    pub version: String,
    pub name_sv: String,
    pub requirements: u32,
    pub areas: u32,
    pub imported_at: String,
    pub imported_by: String,
    pub active: bool,
}

/// One derived requirement as the owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RequirementItem {
    pub key: String,
    pub area: String,
    pub area_sv: String,
    pub area_en: String,
    pub aspects: Vec<Aspect>,
    pub title_sv: String,
    pub title_en: String,
    pub ar_sv: String,
    pub ska_sv: String,
    pub obligation: Obligation,
    /// Who normally answers it (from the catalogue).
    pub answered_by: AnsweredBy,
    /// Handed over to IT or the supplier to answer; absent when the owner answers it.
    pub handover: Option<Handover>,
    pub guidance_sv: String,
    /// English wordings; empty when the catalogue has none (the UI then shows the Swedish).
    pub ar_en: String,
    pub ska_en: String,
    pub guidance_en: String,
    pub iso27002: Vec<String>,
    pub nis2: Option<String>,
    /// The Swedish law behind it ("Svensk lag").
    pub lagrum_ref: Option<String>,
    /// The organisation's own "how we do it".
    pub local_how: String,
    /// The trigger terms that hold, e.g. T>=2, lagrum:patientdatalagen, baseline.
    pub reasons: Vec<Term>,
    pub assessment: Option<Assessment>,
    /// Applies now but did not apply to the last approved classification.
    pub is_new: bool,
    /// The key of a higher step of the staircase that also applies and includes this one
    /// ("ingår i SAK-04"): not asked in the self-assessment.
    pub included_in: Option<String>,
}

/// A requirement handed over to be answered by someone else, and whether it came back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Handover {
    /// `it` or `leverantor`.
    pub to: AnsweredBy,
    /// The person or company asked.
    pub name: String,
    /// ISO date of the hand-over.
    pub handed_on: String,
    pub handed_by: String,
    /// When an answer was saved after the hand-over (absent: still waiting).
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
}

/// Hands requirements of one object over to be answered by IT or the supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HandoverInput {
    pub keys: Vec<String>,
    pub to: AnsweredBy,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerCounts {
    pub uppfyllt: u32,
    pub delvis_uppfyllt: u32,
    pub ej_uppfyllt: u32,
    pub ej_tillampligt: u32,
    pub vet_ej: u32,
    pub unanswered: u32,
}

/// The requirements that apply to an object's current classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RequirementView {
    pub object_id: String,
    pub object_name: String,
    pub profile: String,
    pub classification_version: u32,
    pub classification_status: Status,
    pub catalog_id: String,
    pub catalog_version: String,
    /// Why there are no requirements, when there are none by rule.
    pub suppressed: Option<Suppression>,
    pub items: Vec<RequirementItem>,
    /// Answered earlier but no longer applying (kept, not shown as requirements).
    pub dropped: Vec<RequirementItem>,
    pub counts: AnswerCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionInput {
    /// Absent for a new action.
    pub id: Option<String>,
    pub requirement_key: Option<String>,
    pub measure: String,
    pub responsible: String,
    pub due: Option<String>,
    pub priority: Priority,
    pub status: ActionStatus,
    pub notes: String,
}

/// An object that needs a requirement of a procurement list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectRef {
    pub id: String,
    pub name: String,
    pub profile: String,
}

/// One requirement of a procurement list, with the officer's decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProcurementItem {
    pub key: String,
    pub area_sv: String,
    /// Empty when the catalogue has no English name for the area.
    pub area_en: String,
    pub title_sv: String,
    /// The catalogue's SKA-wording.
    pub original_text: String,
    /// The catalogue's English SKA-wording (empty: not translated); an English export uses it
    /// while `text` is still the original.
    pub original_text_en: String,
    /// The text used in the tender (edited or the original).
    pub text: String,
    pub obligation: Obligation,
    pub relevant: bool,
    pub aspects: Vec<Aspect>,
    pub iso27002: Vec<String>,
    /// The objects whose classification calls for it.
    pub needed_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExcludedObject {
    pub object: ObjectRef,
    pub reason: Suppression,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProcurementView {
    /// Absent until saved.
    pub id: Option<String>,
    pub name: String,
    pub objects: Vec<ObjectRef>,
    /// Objects that produce no list (level 4, or not completely classified).
    pub excluded: Vec<ExcludedObject>,
    pub catalog_id: String,
    pub catalog_version: String,
    pub items: Vec<ProcurementItem>,
}

/// The officer's decision on one item; items not listed keep the catalogue's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemChoice {
    pub key: String,
    pub relevant: bool,
    pub obligation: Obligation,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProcurementInput {
    pub id: Option<String>,
    pub name: String,
    pub object_ids: Vec<String>,
    pub choices: Vec<ItemChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProcurementSummary {
    pub id: String,
    pub name: String,
    pub objects: u32,
    pub updated_at: String,
}

/// The file formats a procurement list is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Xlsx,
    Csv,
    Html,
}

impl ExportFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
        }
    }
}

/// The file formats the action plan is exported in (it prints from the app itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ActionPlanFormat {
    Xlsx,
    Csv,
}

impl ActionPlanFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ActionPlanFormat::Xlsx => "xlsx",
            ActionPlanFormat::Csv => "csv",
        }
    }
}

/// A file the app wrote into the export folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportResult {
    pub path: String,
    pub bytes: u32,
}

/// One problem in an imported catalogue workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetError {
    /// A stable code the UI translates where the problem has one (`CATALOG_LAGRUM_UNKNOWN`,
    /// `CATALOG_ISO_OUTSIDE_2022`, `CATALOG_VERSION_EXISTS`, `UNKNOWN_ANSWERED_BY`); empty otherwise.
    #[serde(default)]
    pub code: String,
    pub sheet: String,
    /// 1-based row as the spreadsheet shows it; absent for a problem with the whole file.
    pub row: Option<u32>,
    pub key: String,
    pub field: String,
    pub message: String,
}

/// What importing a catalogue workbook would do; nothing is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CatalogImportPreview {
    pub id: String,
    pub version: String,
    pub name_sv: String,
    pub requirements: u32,
    pub areas: u32,
    /// Empty when the workbook can be imported.
    pub errors: Vec<SheetError>,
    /// Worth a look but no reason to refuse the import (ISO numbers outside the 2022 edition).
    #[serde(default)]
    pub warnings: Vec<SheetError>,
    /// Compared with the active catalogue, by key.
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}
