//! Self-assessment (självskattning) of derived requirements and the action plan it feeds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::ErrorCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Uppfyllt,
    DelvisUppfyllt,
    EjUppfyllt,
    /// Needs a motivation (the comment).
    EjTillampligt,
    VetEj,
}

impl Answer {
    /// Whether this answer leaves work to do (an action-plan row).
    pub fn needs_action(self) -> bool {
        matches!(self, Answer::DelvisUppfyllt | Answer::EjUppfyllt | Answer::VetEj)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Uppfyllt => "uppfyllt",
            Answer::DelvisUppfyllt => "delvis_uppfyllt",
            Answer::EjUppfyllt => "ej_uppfyllt",
            Answer::EjTillampligt => "ej_tillampligt",
            Answer::VetEj => "vet_ej",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        [Answer::Uppfyllt, Answer::DelvisUppfyllt, Answer::EjUppfyllt, Answer::EjTillampligt, Answer::VetEj]
            .into_iter()
            .find(|a| a.as_str() == s)
    }

    pub fn name_sv(self) -> &'static str {
        crate::labels::word(crate::labels::Lang::Sv, "answer", self)
    }
}

/// The owner's answer for one requirement of one object. Kept by requirement key, so it
/// carries over to a re-classification when the requirement still applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub key: String,
    pub answer: Answer,
    #[serde(default)]
    pub comment: String,
    /// Where the evidence is (a document, a ticket, a link).
    #[serde(default)]
    pub evidence: String,
}

impl Assessment {
    /// A reason the assessment cannot be saved, as an error code.
    pub fn problem(&self) -> Option<ErrorCode> {
        (self.answer == Answer::EjTillampligt && self.comment.trim().is_empty())
            .then_some(ErrorCode::NotApplicableNeedsMotivation)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    EjPaborjad,
    Pagar,
    Forsenad,
    Klar,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::EjPaborjad => "ej_paborjad",
            ActionStatus::Pagar => "pagar",
            ActionStatus::Forsenad => "forsenad",
            ActionStatus::Klar => "klar",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        [ActionStatus::EjPaborjad, ActionStatus::Pagar, ActionStatus::Forsenad, ActionStatus::Klar]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Hog,
    Medel,
    Lag,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Hog => "hog",
            Priority::Medel => "medel",
            Priority::Lag => "lag",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        [Priority::Hog, Priority::Medel, Priority::Lag].into_iter().find(|p| p.as_str() == s)
    }
}

/// The priority of the action-plan row an answer to a requirement makes: none when the
/// answer leaves no work to do; a mandatory (ska) requirement starts high, a
/// recommended (bör) one medium.
pub fn action_priority(answer: Answer, obligation: super::Obligation) -> Option<Priority> {
    if !answer.needs_action() {
        return None;
    }
    Some(match obligation {
        super::Obligation::Ska => Priority::Hog,
        super::Obligation::Bor => Priority::Medel,
    })
}

/// One row of the handlingsplan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Action {
    pub id: String,
    /// The requirement it comes from; none for an action added by hand.
    pub requirement_key: Option<String>,
    pub measure: String,
    pub responsible: String,
    /// ISO date.
    pub due: Option<String>,
    pub priority: Priority,
    pub status: ActionStatus,
    pub notes: String,
    /// Past its due date and not done (computed, never stored).
    pub overdue: bool,
}

/// Overdue: a due date before today and not done.
pub fn is_overdue(due: Option<&str>, status: ActionStatus, today: &str) -> bool {
    status != ActionStatus::Klar && due.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_priority_follows_the_answer_and_the_obligation() {
        use super::super::Obligation::{Bor, Ska};
        for o in [Ska, Bor] {
            assert_eq!(action_priority(Answer::Uppfyllt, o), None);
            assert_eq!(action_priority(Answer::EjTillampligt, o), None);
        }
        for a in [Answer::DelvisUppfyllt, Answer::EjUppfyllt, Answer::VetEj] {
            assert_eq!(action_priority(a, Ska), Some(Priority::Hog), "{a:?} ska");
            assert_eq!(action_priority(a, Bor), Some(Priority::Medel), "{a:?} bör");
        }
    }

    #[test]
    fn answers_and_overdue() {
        assert!(Answer::VetEj.needs_action() && !Answer::EjTillampligt.needs_action());
        let a =
            Assessment { key: "X".into(), answer: Answer::EjTillampligt, comment: " ".into(), evidence: String::new() };
        assert_eq!(a.problem(), Some(ErrorCode::NotApplicableNeedsMotivation));
        assert!(is_overdue(Some("2026-01-01"), ActionStatus::Pagar, "2026-02-01"));
        assert!(!is_overdue(Some("2026-01-01"), ActionStatus::Klar, "2026-02-01"));
        assert!(!is_overdue(None, ActionStatus::EjPaborjad, "2026-02-01"));
        assert_eq!(Answer::parse("delvis_uppfyllt"), Some(Answer::DelvisUppfyllt));
    }
}
