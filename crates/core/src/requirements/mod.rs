//! Protection requirements: the versioned catalogue, trigger rules, and the derivation of
//! the requirements that apply to an object, each with the reason it applies.

pub mod answered_by;
pub mod assessment;
pub mod catalog;
pub mod changes;
pub mod derive;
pub mod procurement;
pub mod supersede;
pub mod trigger;

pub use answered_by::AnsweredBy;
pub use assessment::{
    action_measure, action_notes, action_priority, relevant_level, Action, ActionStatus, Answer, Assessment, Priority,
};
pub use catalog::{Area, Catalog, CatalogError, Obligation, Requirement};
pub use changes::{carry_over, CarriedItem, CarryOver};
pub use derive::{derive_requirements, require_complete, Derived, DerivedItem, Reason, Suppression};
pub use procurement::{unite, ObjectNeeds, Union, UnionItem};
pub use supersede::included_in;
pub use trigger::Trigger;
