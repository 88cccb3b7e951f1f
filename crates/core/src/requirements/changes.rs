//! What changed in an object's requirements between classifications: which requirements are
//! new since the last approved classification, and which answers carry over. Answers are
//! kept by requirement key, so an answer follows its requirement to a new classification,
//! and the answer to a requirement that no longer applies is kept as dropped, never lost.

use std::collections::{HashMap, HashSet};

use super::assessment::Assessment;

#[derive(Debug, Clone, PartialEq)]
pub struct CarriedItem {
    pub key: String,
    /// The answer given before, if any.
    pub assessment: Option<Assessment>,
    /// Not among the requirements of the last approved classification.
    pub is_new: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CarryOver {
    /// One per current requirement, in the order given.
    pub items: Vec<CarriedItem>,
    /// Answers to requirements that no longer apply, by key.
    pub dropped: Vec<Assessment>,
}

/// Matches the stored answers to the current requirements. `previous` holds the keys of
/// the last approved classification's requirements; without one, nothing counts as new.
pub fn carry_over<'a>(
    current: impl IntoIterator<Item = &'a str>,
    previous: Option<&HashSet<String>>,
    answers: impl IntoIterator<Item = Assessment>,
) -> CarryOver {
    let mut answers: HashMap<String, Assessment> = answers.into_iter().map(|a| (a.key.clone(), a)).collect();
    let items = current
        .into_iter()
        .map(|key| CarriedItem {
            key: key.to_string(),
            assessment: answers.remove(key),
            is_new: previous.is_some_and(|keys| !keys.contains(key)),
        })
        .collect();
    let mut dropped: Vec<Assessment> = answers.into_values().collect();
    dropped.sort_by(|a, b| a.key.cmp(&b.key));
    CarryOver { items, dropped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requirements::Answer;

    fn answer(key: &str, answer: Answer) -> Assessment {
        Assessment { key: key.into(), answer, comment: "c".into(), evidence: String::new() }
    }

    #[test]
    fn new_and_dropped_requirements_and_answers_carried_over() {
        let previous: HashSet<String> = ["A", "B", "C"].map(String::from).into();
        let answers = vec![answer("B", Answer::Uppfyllt), answer("C", Answer::EjUppfyllt), answer("A", Answer::VetEj)];
        let out = carry_over(["B", "D", "A"], Some(&previous), answers);
        let view: Vec<(&str, Option<Answer>, bool)> =
            out.items.iter().map(|i| (i.key.as_str(), i.assessment.as_ref().map(|a| a.answer), i.is_new)).collect();
        assert_eq!(
            view,
            vec![("B", Some(Answer::Uppfyllt), false), ("D", None, true), ("A", Some(Answer::VetEj), false)],
            "current order; D is new"
        );
        assert_eq!(out.dropped, vec![answer("C", Answer::EjUppfyllt)], "the dropped requirement keeps its answer");
    }

    #[test]
    fn nothing_is_new_without_an_approved_classification() {
        let out = carry_over(["A", "B"], None, Vec::new());
        assert!(out.items.iter().all(|i| !i.is_new && i.assessment.is_none()));
        assert!(out.dropped.is_empty());
    }

    #[test]
    fn dropped_answers_are_sorted_by_key() {
        let answers =
            vec![answer("Z", Answer::Uppfyllt), answer("M", Answer::DelvisUppfyllt), answer("K", Answer::Uppfyllt)];
        let out = carry_over(["K"], Some(&HashSet::new()), answers);
        assert_eq!(out.items[0].assessment, Some(answer("K", Answer::Uppfyllt)));
        assert!(out.items[0].is_new, "not in the previous, empty, set");
        let keys: Vec<&str> = out.dropped.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(keys, ["M", "Z"]);
    }
}
