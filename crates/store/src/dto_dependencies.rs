//! Contract types for dependencies between objects and for decommissioning.

use infoklass_core::dependency::{DependencyKind, DependencySuggestion};
use infoklass_core::{Aspect, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One end of a dependency, with the other object's current profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DependencyLink {
    pub object_id: String,
    pub name: String,
    pub kind: DependencyKind,
    /// The other object's current classification: its status and profile text.
    pub status: Status,
    pub profile: String,
    /// The profile of its last approved classification, if any.
    pub approved_profile: Option<String>,
    pub decommissioned: bool,
}

/// The dependency graph around one object ("Beroenden").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dependencies {
    /// What this object depends on.
    pub depends_on: Vec<DependencyLink>,
    /// The objects that depend on this one.
    pub depended_on_by: Vec<DependencyLink>,
    /// Minimum levels the dependents' approved profiles suggest for this object.
    pub suggestions: Vec<DependencySuggestion>,
    /// Names of the objects on a cycle through this one, starting with it (empty: none).
    pub cycle: Vec<String>,
}

/// The owner's answer to one suggestion: accept (becomes an uplift of the draft) or
/// decline with a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DependencyDecisionInput {
    pub from_object_id: String,
    pub aspect: Aspect,
    pub accept: bool,
    #[serde(default)]
    pub reason: String,
}

/// When and why an object was decommissioned (avvecklat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Decommission {
    /// ISO date.
    pub date: String,
    pub reason: String,
}
