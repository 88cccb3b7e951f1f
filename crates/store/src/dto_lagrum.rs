//! The lagrum catalogue as the Kataloger screen and the lagrum step see it.

use infoklass_core::lagrum::LagrumDef;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One lagrum with what it brings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LagrumEntry {
    pub lagrum: LagrumDef,
    /// Keys of the active requirement catalogue's requirements whose trigger names this
    /// lagrum or one of its groups.
    pub requirements: Vec<String>,
    /// Chosen for the whole organisation (organisation-wide lagrum only).
    pub chosen: bool,
}

/// The stored lagrum catalogue: its version and every lagrum, retired ones included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LagrumList {
    pub version: String,
    pub entries: Vec<LagrumEntry>,
}
