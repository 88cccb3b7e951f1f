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

/// The priority of the action-plan row an answer to a requirement makes; none when the
/// answer leaves no work to do. `level` is the classification's level that the requirement
/// is about (`relevant_level`):
///
/// | answer | ska, level ≥ 3 | ska, level < 3 | bör |
/// |---|---|---|---|
/// | Ej uppfyllt | Hög | Medel | Låg |
/// | Delvis uppfyllt | Medel | Låg | Låg |
/// | Vet ej | Medel | Medel | Medel |
///
/// "Vet ej" asks for finding out first (`Utred: …`), which is the same work at any level.
pub fn action_priority(answer: Answer, obligation: super::Obligation, level: u8) -> Option<Priority> {
    use super::Obligation::{Bor, Ska};
    let high_level = level >= HIGH_LEVEL;
    Some(match (answer, obligation) {
        (Answer::Uppfyllt | Answer::EjTillampligt, _) => return None,
        (Answer::VetEj, _) => Priority::Medel,
        (_, Bor) => Priority::Lag,
        (Answer::EjUppfyllt, Ska) if high_level => Priority::Hog,
        (Answer::EjUppfyllt, Ska) => Priority::Medel,
        (Answer::DelvisUppfyllt, Ska) if high_level => Priority::Medel,
        (Answer::DelvisUppfyllt, Ska) => Priority::Lag,
    })
}

/// From this level up an unmet mandatory requirement is urgent.
pub const HIGH_LEVEL: u8 = 3;

/// The level a requirement is about: the highest level of the aspects it protects (of all
/// aspects when it names none); not assessed counts as 0.
pub fn relevant_level(aspects: &[crate::Aspect], levels: &crate::Levels) -> u8 {
    let level = |a: crate::Aspect| levels.get(a).unwrap_or(0);
    if aspects.is_empty() {
        levels.iter().map(|(a, _)| level(a)).max().unwrap_or(0)
    } else {
        aspects.iter().map(|a| level(*a)).max().unwrap_or(0)
    }
}

/// The measure of an action made from an answer: "Vet ej" first needs finding out.
pub fn action_measure(answer: Answer, title_sv: &str, ar_sv: &str) -> String {
    match answer {
        Answer::VetEj => format!("Utred: {title_sv}"),
        _ => ar_sv.to_string(),
    }
}

/// The notes of an action made from an answer: a Delvis comment says what is missing.
pub fn action_notes(a: &Assessment) -> String {
    match a.answer {
        Answer::DelvisUppfyllt if !a.comment.trim().is_empty() => format!("Delvis uppfyllt: {}", a.comment.trim()),
        _ => String::new(),
    }
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
    fn action_priority_follows_the_answer_the_obligation_and_the_level() {
        use super::super::Obligation::{Bor, Ska};
        use Priority::{Hog, Lag, Medel};
        for level in 0..=3 {
            for o in [Ska, Bor] {
                assert_eq!(action_priority(Answer::Uppfyllt, o, level), None);
                assert_eq!(action_priority(Answer::EjTillampligt, o, level), None);
                assert_eq!(action_priority(Answer::VetEj, o, level), Some(Medel), "vet ej {o:?} {level}");
            }
            assert_eq!(action_priority(Answer::EjUppfyllt, Bor, level), Some(Lag));
            assert_eq!(action_priority(Answer::DelvisUppfyllt, Bor, level), Some(Lag));
        }
        assert_eq!(action_priority(Answer::EjUppfyllt, Ska, 3), Some(Hog));
        assert_eq!(action_priority(Answer::EjUppfyllt, Ska, 2), Some(Medel), "the edge below");
        assert_eq!(action_priority(Answer::DelvisUppfyllt, Ska, 3), Some(Medel));
        assert_eq!(action_priority(Answer::DelvisUppfyllt, Ska, 2), Some(Lag));
    }

    #[test]
    fn the_relevant_level_is_that_of_the_protected_aspects() {
        use crate::Aspect;
        let levels = crate::PerAspect { k: Some(3), r: Some(1), t: None, s: Some(2) };
        assert_eq!(relevant_level(&[Aspect::R, Aspect::T], &levels), 1);
        assert_eq!(relevant_level(&[Aspect::R, Aspect::K], &levels), 3);
        assert_eq!(relevant_level(&[], &levels), 3);
    }

    #[test]
    fn vet_ej_asks_to_find_out_and_a_delvis_comment_carries_over() {
        assert_eq!(action_measure(Answer::VetEj, "Loggning", "Det loggas."), "Utred: Loggning");
        assert_eq!(action_measure(Answer::EjUppfyllt, "Loggning", "Det loggas."), "Det loggas.");
        let mut a = Assessment {
            key: "X".into(),
            answer: Answer::DelvisUppfyllt,
            comment: " Saknas för vikarier ".into(),
            evidence: String::new(),
        };
        assert_eq!(action_notes(&a), "Delvis uppfyllt: Saknas för vikarier");
        a.answer = Answer::EjUppfyllt;
        assert_eq!(action_notes(&a), "");
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
