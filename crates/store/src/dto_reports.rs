//! Which report to make (`make_report` in the app, `infoklass report` on the command line).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The three reports: Klassningsbeslut and Riskanalys of one object, Lägesrapport over the
/// organisation or one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    Object,
    Risk,
    Overview,
}
