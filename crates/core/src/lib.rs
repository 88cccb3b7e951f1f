//! The classification domain of Infoklass.
//!
//! Pure logic only: no file or database access and no clock. Time and identities are
//! passed in by the caller, so every rule here is tested with plain values.

pub mod aspect;
pub mod classification;
pub mod codes;
pub mod collate;
pub mod consequence;
pub mod dependency;
pub mod diff;
pub mod error;
pub mod info_type;
pub mod input_files;
pub mod labels;
pub mod lagrum;
pub mod limits;
pub mod object;
pub mod object_list;
pub mod overview;
pub mod profile;
pub mod requirements;
pub mod review;
pub mod risk;
pub mod scale;
pub mod validation;

pub use aspect::{profile_string, Aspect, Levels, PerAspect};
pub use classification::{ClassificationContent, InformationSet, Status, Uplift, UpliftReason};
pub use codes::{ErrorCode, IssueCode, RiskIssueCode};
pub use error::CoreError;
pub use lagrum::{Lagrum, LagrumDecision, LagrumStatus, Suggestion};
pub use object::{Hosting, ObjectKind, ObjectMeta};
pub use profile::{derive_profile, Origin, Profile};
pub use scale::Scale;
pub use validation::{approval_issues, Issue};
