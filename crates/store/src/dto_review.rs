//! The review rule as the Kataloger screen edits it.

use infoklass_core::review::ReviewRule;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The organisation's rule and who last changed it (none while the shipped rule applies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewRuleInfo {
    pub rule: ReviewRule,
    pub shipped: ReviewRule,
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
}
