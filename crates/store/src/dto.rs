//! What the store hands to its callers (the CLI and the desktop commands). These shapes are
//! the command contract: TypeScript bindings are generated from them for the UI.

use infoklass_core::diff::Change;
use infoklass_core::object_list::{RiskStatus, SortColumn};
use infoklass_core::{ClassificationContent, ErrorCode, Issue, Levels, ObjectKind, ObjectMeta, Profile, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Filters for the object list; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ObjectFilter {
    /// Matches name, description, unit, owners, supplier and tags (case-insensitive).
    pub search: Option<String>,
    pub kind: Option<ObjectKind>,
    pub unit: Option<String>,
    pub status: Option<Status>,
    /// Only objects whose next review date has passed.
    pub review_overdue: bool,
    /// Also decommissioned (avvecklade) objects, which the list leaves out by default.
    pub include_decommissioned: bool,
    /// Per aspect, the lowest level an object must have (K ≥ n …); not assessed never meets one.
    pub min_levels: Levels,
    /// Only objects whose risk analysis is in this state.
    pub risk: Option<RiskStatus>,
    /// Only objects made or updated from an old ISAK workbook.
    pub from_isak: bool,
    /// Only objects with actions that are not done.
    pub open_actions: bool,
    /// Only objects with actions not done whose due date has passed.
    pub overdue_actions: bool,
    /// The column to sort by (name when not given), names in Swedish order as the tie-break.
    pub sort: SortColumn,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectSummary {
    pub id: String,
    pub name: String,
    pub kind: ObjectKind,
    pub unit: String,
    pub information_owner: String,
    pub status: Status,
    pub levels: Levels,
    pub profile: String,
    pub next_review: Option<String>,
    pub review_overdue: bool,
    /// Some aspect reaches the security level (level 4).
    pub security_level: bool,
    pub updated_at: String,
    /// The date it was decommissioned, if it was.
    pub decommissioned_on: Option<String>,
    pub risk_status: RiskStatus,
    /// Made or updated from an old ISAK workbook.
    pub from_isak: bool,
    /// Actions not done, and of them those past their due date.
    pub open_actions: u32,
    pub overdue_actions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectList {
    pub items: Vec<ObjectSummary>,
    /// Number of objects in the database, before filtering.
    pub total: u32,
    /// Every organisation unit in use, for the filter.
    pub units: Vec<String>,
}

/// One classification of an object, with its derived profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClassificationView {
    pub id: String,
    /// 1 for the first classification, 2 for the first re-classification, …
    pub version: u32,
    pub status: Status,
    pub scale_id: String,
    pub scale_version: String,
    /// For an approved classification: the object's facts as they were approved.
    pub meta: ObjectMeta,
    pub content: ClassificationContent,
    pub profile: Profile,
    pub created_at: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
    /// The lagrum catalogue version its lagrum decisions were made under (none: before the
    /// lagrum catalogue, with the five lagrum built into earlier versions).
    pub lagrum_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionSummary {
    pub id: String,
    pub version: u32,
    pub status: Status,
    pub profile: String,
    pub created_at: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ObjectDetail {
    pub id: String,
    pub meta: ObjectMeta,
    /// The newest classification: a draft being worked on, or the approved one.
    pub current: ClassificationView,
    /// The last approved classification when `current` is a newer draft.
    pub previous_approved: Option<ClassificationView>,
    /// What the draft changes compared with the last approved classification.
    pub changes: Vec<Change>,
    /// What stands in the way of approving `current` (empty when it can be approved).
    pub issues: Vec<Issue>,
    pub versions: Vec<VersionSummary>,
    pub review_overdue: bool,
    /// Set when the object is decommissioned: it is then read-only.
    pub decommissioned: Option<crate::dto_dependencies::Decommission>,
    /// What a save of the facts and draft is based on (`Store::save_edit`); a newer one
    /// means someone else changed the object.
    #[ts(type = "number")]
    pub revision: i64,
    /// What the old ISAK workbook recorded, for an object imported from one.
    pub isak_record: Option<crate::dto_imports::IsakRecord>,
    /// Whether this login may change the object: always on the file; on the organisation
    /// database its information owner, a delegated editor or a coordinator.
    pub may_edit: bool,
}

/// A new object with its first (draft) classification.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NewObject {
    pub meta: ObjectMeta,
    pub content: ClassificationContent,
}

/// The live result of a classification being edited: derived profile and open issues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Preview {
    pub profile: Profile,
    pub issues: Vec<Issue>,
    /// The next review date an approval today would set, by the organisation's rule.
    pub next_review: Option<String>,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub actor: String,
    /// What was done: create, update, delete, save_draft, approve, reclassify, assess, clear,
    /// accept, import, retire, restore.
    pub action: String,
    /// What it was done to: object, classification, requirement, action, risk_analysis, risk,
    /// workbook (and, outside any object, catalog, threat, info_type, procurement).
    pub entity: String,
    pub entity_id: String,
    /// JSON of the state before the change (absent for a creation).
    pub old: Option<String>,
    /// JSON of the state after the change (absent for a deletion).
    pub new: Option<String>,
}

/// Facts about the running app, for the status bar and the about box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Who is recorded in the audit log for changes made in this session.
    pub user: String,
    pub scale_id: String,
    pub scale_version: String,
    /// Today's date as the app sees it (ISO), for overdue marks.
    pub today: String,
}

/// Which database the app has open, and what the login may do there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DatabaseInfo {
    /// `file` (the embedded SQLite file) or `organisation` (PostgreSQL).
    pub kind: String,
    /// The file's path, or the database's URL without a password.
    pub label: String,
    /// The roles of the login (`lasare` … `administrator`); every role on the file, where one
    /// person does everything; none when the database could not be opened.
    pub roles: Vec<String>,
    /// Why the database could not be opened, when it could not.
    pub error: Option<ErrorBody>,
}

/// An error as the UI receives it: the UI shows a Swedish text chosen by `code`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// English text for logs and for codes the UI does not know.
    pub message: String,
    /// Structured details, e.g. the list of issues for VALIDATION.
    #[ts(type = "unknown")]
    pub details: Option<serde_json::Value>,
}

/// An information type as the coordinator edits it, with how many objects use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InfoTypeEntry {
    pub info_type: infoklass_core::info_type::InfoType,
    /// Objects with an information set of this type (in any version).
    pub used_in: u32,
}

/// A type to add (no key: one is made from the Swedish name) or to change (its key).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InfoTypeInput {
    pub key: Option<String>,
    pub name_sv: String,
    pub name_en: String,
    pub description_sv: String,
    pub description_en: String,
    pub levels: infoklass_core::PerAspect<u8>,
}

/// What importing an edited list (threats, information types) did, or in a dry run would do.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ListImport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: u32,
    /// Entries in the database but not in the file: retired, never deleted.
    pub retired: Vec<String>,
}

/// A next review date the information owner chose instead of the organisation's rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChosenReview {
    /// `YYYY-MM-DD`, after the approval day.
    pub date: String,
    pub reason: String,
}

/// An object in the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewDue {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub information_owner: String,
    pub next_review: String,
    /// Days until the review; negative when it is overdue by that many days.
    pub days_left: i32,
    /// The approved version under review; None when the object was never approved.
    pub approved_version: Option<u32>,
}
