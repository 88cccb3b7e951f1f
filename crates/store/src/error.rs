use infoklass_core::{ErrorCode, Issue, RiskIssueCode};
use thiserror::Error;

use crate::dto::ErrorBody;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{by} changed the object at {at}, after the version this change was based on")]
    Conflict { by: String, at: String, revision: i64 },
    #[error("not found: {0}")]
    NotFound(String),
    #[error("the current classification is approved; start a re-classification to change it")]
    NotDraft,
    #[error("there is nothing approved to re-classify from, or a draft already exists")]
    NoApprovedVersion,
    #[error("the classification cannot be approved yet ({} open issues)", .0.len())]
    Validation(Vec<Issue>),
    #[error("an object named \"{0}\" already exists")]
    NameTaken(String),
    #[error("catalogue {0} is already stored; give the new one another version")]
    CatalogVersionExists(String),
    #[error("the catalogue has {} errors", .0.len())]
    BadCatalog(Vec<infoklass_core::requirements::CatalogError>),
    #[error("the requirement {0} does not apply to this object")]
    RequirementNotApplicable(String),
    #[error("the requirement {key} is included in {by}, which is assessed instead")]
    RequirementIncluded { key: String, by: String },
    #[error("\"Ej tillämpligt\" needs a motivation in the comment")]
    NotApplicableNeedsMotivation,
    #[error("the risk cannot be saved: {}", .0.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "))]
    BadRisk(Vec<RiskIssueCode>),
    /// A risk names a threat or an information set that does not exist.
    #[error("the risk names an unknown {what} \"{key}\"")]
    UnknownRiskReference { code: ErrorCode, what: &'static str, key: String },
    /// The error of one risk in a batch, with its number (from 1).
    #[error("risk {number}: {source}")]
    InRisk { number: usize, source: Box<StoreError> },
    /// A text, list or file over a cap (`infoklass_core::limits`).
    #[error("{0}")]
    Limit(#[from] infoklass_core::limits::LimitError),
    #[error("the role {0} may not accept a risk of this size")]
    AcceptanceNotAllowed(String),
    #[error("the threat cannot be saved: {message}")]
    BadThreat { code: ErrorCode, message: String },
    #[error("the lagrum cannot be used: {message}")]
    BadLagrum { code: ErrorCode, message: String },
    #[error("the information type cannot be saved: {message}")]
    BadInfoType { code: ErrorCode, message: String },
    #[error("the review rule cannot be used: {message}")]
    BadReviewRule { code: ErrorCode, message: String },
    #[error("the requirements cannot be handed over: {message}")]
    BadHandover { code: ErrorCode, message: String },
    #[error("the object has an approved classification (an allmän handling); decommission it instead")]
    ObjectHasApproved,
    #[error("the object is decommissioned and read-only")]
    ObjectDecommissioned,
    #[error("the object already depends on that object in this way")]
    DependencyExists,
    #[error("an object cannot depend on itself")]
    DependencyOnItself,
    #[error("give a reason")]
    ReasonRequired,
    #[error("no such suggestion from a dependency")]
    NoSuchSuggestion,
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error("the database was written by a newer Infoklass (schema {found}, this version knows {supported}); update the app")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the database is busy: {0}; try again in a moment")]
    Busy(String),
    #[error("the disk is full: {0}")]
    DiskFull(String),
    #[error("the database file was changed by another program: {0}")]
    Changed(String),
    /// The organisation database refused the action to this login (its roles and policies).
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// The organisation database went away (the network, the server).
    #[error("the organisation database cannot be reached: {0}")]
    Unreachable(String),
    #[error("the database could not be opened or written: {0}")]
    Db(crate::sql::Error),
    #[error("stored data could not be read: {0}")]
    Json(#[from] serde_json::Error),
}

impl StoreError {
    /// A stable, machine-readable code; the UI picks its text by it.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::NotDraft => ErrorCode::NotDraft,
            StoreError::NoApprovedVersion => ErrorCode::NoApprovedVersion,
            StoreError::Validation(_) => ErrorCode::Validation,
            StoreError::NameTaken(_) => ErrorCode::NameTaken,
            StoreError::InvalidInput(_) => ErrorCode::InvalidInput,
            StoreError::BadThreat { code, .. }
            | StoreError::BadInfoType { code, .. }
            | StoreError::BadReviewRule { code, .. }
            | StoreError::BadHandover { code, .. }
            | StoreError::BadLagrum { code, .. } => *code,
            StoreError::ObjectHasApproved => ErrorCode::ObjectHasApproved,
            StoreError::ObjectDecommissioned => ErrorCode::ObjectDecommissioned,
            StoreError::DependencyExists => ErrorCode::DependencyExists,
            StoreError::DependencyOnItself => ErrorCode::DependencyOnItself,
            StoreError::ReasonRequired => ErrorCode::ReasonRequired,
            StoreError::NoSuchSuggestion => ErrorCode::NoSuchSuggestion,
            StoreError::BadRisk(_) => ErrorCode::BadRisk,
            StoreError::UnknownRiskReference { code, .. } => *code,
            StoreError::InRisk { source, .. } => source.code(),
            StoreError::Limit(e) => e.code(),
            StoreError::AcceptanceNotAllowed(_) => ErrorCode::AcceptanceNotAllowed,
            StoreError::CatalogVersionExists(_) => ErrorCode::CatalogVersionExists,
            StoreError::BadCatalog(_) => ErrorCode::BadCatalog,
            StoreError::RequirementNotApplicable(_) => ErrorCode::RequirementNotApplicable,
            StoreError::NotApplicableNeedsMotivation => ErrorCode::NotApplicableNeedsMotivation,
            StoreError::RequirementIncluded { .. } => ErrorCode::RequirementIncluded,
            StoreError::NewerSchema { .. } => ErrorCode::DbNewerSchema,
            StoreError::Busy(_) => ErrorCode::DbBusy,
            StoreError::DiskFull(_) => ErrorCode::DiskFull,
            StoreError::Changed(_) => ErrorCode::DbChanged,
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::Forbidden(_) => ErrorCode::Forbidden,
            StoreError::Unreachable(_) => ErrorCode::DbUnreachable,
            StoreError::Db(_) | StoreError::Json(_) => ErrorCode::DbError,
        }
    }

    pub fn to_body(&self) -> ErrorBody {
        let details = match self {
            // The inner details keep their shape (the UI reads BAD_RISK's list of codes).
            StoreError::InRisk { source, .. } => source.to_body().details,
            StoreError::UnknownRiskReference { key, .. } => Some(serde_json::json!({ "name": key })),
            StoreError::Validation(issues) => serde_json::to_value(issues).ok(),
            StoreError::BadCatalog(errors) => serde_json::to_value(errors).ok(),
            StoreError::BadRisk(codes) => serde_json::to_value(codes).ok(),
            StoreError::AcceptanceNotAllowed(role) => Some(serde_json::json!({ "role": role })),
            StoreError::RequirementIncluded { key, by } => Some(serde_json::json!({ "key": key, "by": by })),
            StoreError::NameTaken(name) | StoreError::NotFound(name) => Some(serde_json::json!({ "name": name })),
            StoreError::Conflict { by, at, revision } => {
                Some(serde_json::json!({ "by": by, "at": at, "revision": revision }))
            }
            StoreError::NewerSchema { found, supported } => {
                Some(serde_json::json!({ "found": found, "supported": supported }))
            }
            _ => None,
        };
        ErrorBody { code: self.code(), message: self.to_string(), details }
    }
}

/// Busy and full get their own codes: a script can retry the first, and a person needs to
/// know that the second is about the disk, not the data.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked, DiskFull};
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy(e.to_string()),
            Some(DiskFull) => StoreError::DiskFull(e.to_string()),
            _ => StoreError::Db(crate::sql::Error::Sqlite(e)),
        }
    }
}

/// PostgreSQL's refusals keep their meaning: a policy or a missing grant is `FORBIDDEN`,
/// a lost connection `DB_UNREACHABLE`, a lock or serialisation wait `DB_BUSY`.
impl From<crate::sql::Error> for StoreError {
    fn from(e: crate::sql::Error) -> Self {
        use postgres::error::SqlState;
        match e {
            crate::sql::Error::Sqlite(e) => e.into(),
            crate::sql::Error::Postgres(pg) => match pg.code() {
                Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => StoreError::Forbidden(pg_text(&pg)),
                Some(c) if *c == SqlState::DISK_FULL => StoreError::DiskFull(pg_text(&pg)),
                Some(c)
                    if *c == SqlState::T_R_SERIALIZATION_FAILURE
                        || *c == SqlState::T_R_DEADLOCK_DETECTED
                        || *c == SqlState::LOCK_NOT_AVAILABLE =>
                {
                    StoreError::Busy(pg_text(&pg))
                }
                None if pg.is_closed() => StoreError::Unreachable(pg.to_string()),
                _ => StoreError::Db(crate::sql::Error::Postgres(pg)),
            },
            other => StoreError::Db(other),
        }
    }
}

fn pg_text(e: &postgres::Error) -> String {
    e.as_db_error().map_or_else(|| e.to_string(), |d| d.message().to_string())
}

pub type Result<T> = std::result::Result<T, StoreError>;
