//! Dependencies between objects (beroenden) and the maximum principle across them.
//!
//! An object that depends on another (a process uses a system, a system runs on a platform)
//! passes its approved levels on as *suggestions* to what it depends on. Like lagrum, a
//! suggestion is never applied silently: the owner of the depended-on object accepts it (it
//! then counts as an uplift "integration" naming its origin) or declines it with a reason.
//! Suggestions go one step at a time: what a system runs on hears from the system once the
//! system's owner has decided and approved, so every step of a chain is someone's decision.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, Levels};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// Använder: a process or service uses a system; its information is handled there.
    Uses,
    /// Integrerar med: information is exchanged with another system.
    IntegratesWith,
    /// Körs på: a platform, infrastructure or operating environment it runs on.
    RunsOn,
    /// Levereras av: a supplier's service the object is delivered by.
    SuppliedBy,
}

impl DependencyKind {
    pub const ALL: [DependencyKind; 4] =
        [DependencyKind::Uses, DependencyKind::IntegratesWith, DependencyKind::RunsOn, DependencyKind::SuppliedBy];

    pub fn as_str(self) -> &'static str {
        match self {
            DependencyKind::Uses => "uses",
            DependencyKind::IntegratesWith => "integrates_with",
            DependencyKind::RunsOn => "runs_on",
            DependencyKind::SuppliedBy => "supplied_by",
        }
    }

    pub fn parse(s: &str) -> Option<DependencyKind> {
        DependencyKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn name_sv(self) -> &'static str {
        match self {
            DependencyKind::Uses => "använder",
            DependencyKind::IntegratesWith => "integrerar med",
            DependencyKind::RunsOn => "körs på",
            DependencyKind::SuppliedBy => "levereras av",
        }
    }

    /// The aspects whose level passes from the dependent object to the one it depends on.
    ///
    /// K and R go wherever the dependent's information is stored or processed (a used
    /// system, a platform, an integrated system). T goes to what it cannot work without (a
    /// used system, a platform, a supplier's service); an integration is usually decoupled
    /// (queues, batches), so T is left to the owners there. S never propagates: traceability
    /// is logging inside each system, assessed where the personal data is.
    pub fn propagated_aspects(self) -> &'static [Aspect] {
        match self {
            DependencyKind::Uses | DependencyKind::RunsOn => &[Aspect::K, Aspect::R, Aspect::T],
            DependencyKind::IntegratesWith => &[Aspect::K, Aspect::R],
            DependencyKind::SuppliedBy => &[Aspect::T],
        }
    }
}

/// An object that depends on the one being looked at, with its approved levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Dependent {
    pub object_id: String,
    pub name: String,
    pub kind: DependencyKind,
    /// The levels of its latest approved classification; `None` when never approved.
    pub approved: Option<Levels>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DependencyDecisionStatus {
    Accepted,
    Declined,
}

/// What the owner decided about the suggestion of one dependent object for one aspect, at
/// the level it suggested then. A decision covers the same or a lower suggestion, never a
/// higher one: when the dependent is raised later, the owner is asked again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DependencyDecision {
    pub from_object_id: String,
    pub aspect: Aspect,
    pub level: u8,
    pub status: DependencyDecisionStatus,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionState {
    /// The object already reaches the level: nothing to decide.
    Met,
    /// Not reached and not decided.
    Pending,
    /// Accepted: the level counts as an uplift of the object.
    Accepted,
    /// Declined with a reason.
    Declined,
}

/// A minimum level suggested by an object that depends on this one ("från beroende").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DependencySuggestion {
    pub from_object_id: String,
    pub from_name: String,
    pub kind: DependencyKind,
    pub aspect: Aspect,
    pub min_level: u8,
    /// The object's own level now (its current classification's profile).
    pub current: Option<u8>,
    pub state: SuggestionState,
    /// The reason of a decline, or the note of an acceptance.
    pub reason: String,
}

/// The suggestions the dependents' approved profiles make for an object with `current`
/// levels. Level 0 suggests nothing (every object reaches it). When one dependent is linked
/// by several kinds, each aspect is suggested once, under the first kind that carries it.
pub fn dependency_suggestions(
    dependents: &[Dependent],
    current: &Levels,
    decisions: &[DependencyDecision],
) -> Vec<DependencySuggestion> {
    let mut seen: HashSet<(&str, Aspect)> = HashSet::new();
    let mut out = Vec::new();
    for d in dependents {
        let Some(approved) = &d.approved else { continue };
        for &aspect in d.kind.propagated_aspects() {
            let Some(min_level) = approved.get(aspect).filter(|l| *l > 0) else { continue };
            if !seen.insert((d.object_id.as_str(), aspect)) {
                continue;
            }
            let own = *current.get(aspect);
            let decision = decisions
                .iter()
                .find(|x| x.from_object_id == d.object_id && x.aspect == aspect && x.level >= min_level);
            let state = match decision.map(|x| x.status) {
                Some(DependencyDecisionStatus::Declined) => SuggestionState::Declined,
                Some(DependencyDecisionStatus::Accepted) => SuggestionState::Accepted,
                None if own.is_some_and(|l| l >= min_level) => SuggestionState::Met,
                None => SuggestionState::Pending,
            };
            out.push(DependencySuggestion {
                from_object_id: d.object_id.clone(),
                from_name: d.name.clone(),
                kind: d.kind,
                aspect,
                min_level,
                current: own,
                state,
                reason: decision.map(|x| x.reason.clone()).unwrap_or_default(),
            });
        }
    }
    out
}

/// The text an accepted suggestion leaves as the uplift's motivation, naming its origin,
/// e.g. `från beroende: Ambulansdirigering T3 (körs på)`.
pub fn origin_text(from_name: &str, kind: DependencyKind, aspect: Aspect, level: u8) -> String {
    format!("från beroende: {from_name} {}{level} ({})", aspect.code(), kind.name_sv())
}

/// The objects on a cycle through `start` in the directed graph `edges` (from depends on
/// to), in the order of one such cycle starting at `start`; empty when there is none.
/// Cycles are allowed (two systems integrating with each other), only shown.
pub fn cycle_through(start: &str, edges: &[(String, String)]) -> Vec<String> {
    let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
    for (from, to) in edges {
        next.entry(from.as_str()).or_default().push(to.as_str());
    }
    // Breadth-first from start; the first path back to start is a shortest cycle.
    let mut parent: HashMap<&str, &str> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &to in next.get(node).map(Vec::as_slice).unwrap_or_default() {
            if to == start {
                let mut path = vec![node];
                while let Some(&p) = parent.get(path.last().copied().unwrap_or(start)) {
                    path.push(p);
                }
                if path.last() != Some(&start) {
                    path.push(start);
                }
                path.reverse();
                path.dedup();
                return path.into_iter().map(String::from).collect();
            }
            if to != start && !parent.contains_key(to) {
                parent.insert(to, node);
                queue.push_back(to);
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;

    fn levels(k: u8, r: u8, t: u8, s: u8) -> Levels {
        PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) }
    }

    fn dependent(id: &str, kind: DependencyKind, approved: Option<Levels>) -> Dependent {
        Dependent { object_id: id.into(), name: id.into(), kind, approved }
    }

    #[test]
    fn a_t3_process_suggests_t3_to_the_system_it_runs_on() {
        let deps = [dependent("Ambulansdirigering", DependencyKind::RunsOn, Some(levels(1, 2, 3, 2)))];
        let s = dependency_suggestions(&deps, &levels(1, 1, 1, 1), &[]);
        let got: Vec<_> = s.iter().map(|x| (x.aspect, x.min_level, x.state)).collect();
        assert_eq!(
            got,
            vec![
                (Aspect::K, 1, SuggestionState::Met),
                (Aspect::R, 2, SuggestionState::Pending),
                (Aspect::T, 3, SuggestionState::Pending)
            ],
            "K, R and T pass to a platform; S never does"
        );
        assert_eq!(s[2].from_name, "Ambulansdirigering");
        assert_eq!(s[2].current, Some(1));
    }

    #[test]
    fn each_kind_carries_its_own_aspects() {
        let high = Some(levels(3, 3, 3, 3));
        let aspects = |kind| {
            dependency_suggestions(&[dependent("a", kind, high.clone())], &levels(0, 0, 0, 0), &[])
                .iter()
                .map(|x| x.aspect)
                .collect::<Vec<_>>()
        };
        assert_eq!(aspects(DependencyKind::Uses), vec![Aspect::K, Aspect::R, Aspect::T]);
        assert_eq!(aspects(DependencyKind::IntegratesWith), vec![Aspect::K, Aspect::R]);
        assert_eq!(aspects(DependencyKind::SuppliedBy), vec![Aspect::T]);
    }

    #[test]
    fn drafts_and_level_zero_suggest_nothing() {
        let deps = [
            dependent("draft", DependencyKind::Uses, None),
            dependent("low", DependencyKind::Uses, Some(levels(0, 0, 0, 0))),
        ];
        assert!(dependency_suggestions(&deps, &levels(0, 0, 0, 0), &[]).is_empty());
    }

    #[test]
    fn a_decision_covers_its_level_but_not_a_higher_one() {
        let decision = |level, status| DependencyDecision {
            from_object_id: "p".into(),
            aspect: Aspect::T,
            level,
            status,
            reason: "reservdrift finns".into(),
        };
        let deps = [dependent("p", DependencyKind::SuppliedBy, Some(levels(0, 0, 3, 0)))];
        let declined =
            dependency_suggestions(&deps, &levels(1, 1, 1, 1), &[decision(3, DependencyDecisionStatus::Declined)]);
        assert_eq!((declined[0].state, declined[0].reason.as_str()), (SuggestionState::Declined, "reservdrift finns"));
        let older =
            dependency_suggestions(&deps, &levels(1, 1, 1, 1), &[decision(2, DependencyDecisionStatus::Declined)]);
        assert_eq!(older[0].state, SuggestionState::Pending, "T3 now: a decline of T2 does not cover it");
        let accepted =
            dependency_suggestions(&deps, &levels(1, 1, 3, 1), &[decision(3, DependencyDecisionStatus::Accepted)]);
        assert_eq!(accepted[0].state, SuggestionState::Accepted);
    }

    #[test]
    fn one_dependent_linked_twice_suggests_each_aspect_once() {
        let deps = [
            dependent("p", DependencyKind::Uses, Some(levels(2, 2, 2, 2))),
            dependent("p", DependencyKind::RunsOn, Some(levels(2, 2, 2, 2))),
        ];
        assert_eq!(dependency_suggestions(&deps, &levels(0, 0, 0, 0), &[]).len(), 3);
    }

    #[test]
    fn cycles_are_found_and_named_in_order() {
        let e = |a: &str, b: &str| (a.to_string(), b.to_string());
        let edges = vec![e("a", "b"), e("b", "c"), e("c", "a"), e("c", "d")];
        assert_eq!(cycle_through("a", &edges), vec!["a", "b", "c"]);
        assert_eq!(cycle_through("b", &edges), vec!["b", "c", "a"]);
        assert!(cycle_through("d", &edges).is_empty());
        assert_eq!(cycle_through("x", &[e("x", "x")]), vec!["x"], "an object depending on itself");
        assert!(cycle_through("a", &[e("a", "b"), e("b", "c")]).is_empty());
    }

    #[test]
    fn the_origin_names_object_level_and_kind() {
        assert_eq!(
            origin_text("Ambulansdirigering", DependencyKind::RunsOn, Aspect::T, 3),
            "från beroende: Ambulansdirigering T3 (körs på)"
        );
    }
}
