mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::dependency::{DependencyKind, SuggestionState};
use infoklass_core::{Aspect, UpliftReason};
use infoklass_store::{DependencyDecisionInput, ObjectFilter, Store, StoreError};

fn count(store: &Store, table: &str) -> i64 {
    store.connection().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// A T3 process (approved) that runs on a T1 platform (draft).
fn process_on_platform(store: &mut Store) -> (String, String) {
    let process =
        store.create_object(&ctx(), &new_object("Ambulansdirigering", vec![set("Larm", 1, 2, 3, 2)])).unwrap();
    store.approve(&ctx(), &process, "Ambulanschef").unwrap();
    let platform = store.create_object(&ctx(), &new_object("Driftplattform", vec![set("Drift", 1, 1, 1, 1)])).unwrap();
    store.add_dependency(&ctx(), &process, &platform, DependencyKind::RunsOn).unwrap();
    (process, platform)
}

fn decide(aspect: Aspect, from: &str, accept: bool, reason: &str) -> DependencyDecisionInput {
    DependencyDecisionInput { from_object_id: from.into(), aspect, accept, reason: reason.into() }
}

#[test]
fn a_dependent_t3_process_suggests_t3_with_its_origin_and_accepting_raises_the_draft() {
    let (_dir, mut store) = temp_store();
    let (process, platform) = process_on_platform(&mut store);
    let g = store.dependencies(&platform).unwrap();
    assert_eq!(g.depended_on_by.len(), 1);
    assert_eq!(
        (g.depended_on_by[0].name.as_str(), g.depended_on_by[0].approved_profile.as_deref()),
        ("Ambulansdirigering", Some("K1 R2 T3 S2"))
    );
    let t = g.suggestions.iter().find(|s| s.aspect == Aspect::T).unwrap();
    assert_eq!((t.min_level, t.state, t.from_name.as_str()), (3, SuggestionState::Pending, "Ambulansdirigering"));
    assert!(g.suggestions.iter().all(|s| s.aspect != Aspect::S), "S does not pass to a platform");
    assert_eq!(
        store.get_object(&platform, "2026-03-01").unwrap().current.profile.text,
        "K1 R1 T1 S1",
        "nothing silent"
    );

    store.decide_dependency_suggestion(&ctx(), &platform, &decide(Aspect::T, &process, true, "")).unwrap();
    let d = store.get_object(&platform, "2026-03-01").unwrap();
    assert_eq!(d.current.profile.text, "K1 R1 T3 S1");
    let uplift = d.current.content.uplifts.t.as_ref().unwrap();
    assert_eq!(uplift.reason, UpliftReason::Integration);
    assert_eq!(uplift.motivation, "från beroende: Ambulansdirigering T3 (körs på)");
    let g = store.dependencies(&platform).unwrap();
    assert_eq!(g.suggestions.iter().find(|s| s.aspect == Aspect::T).unwrap().state, SuggestionState::Accepted);
    let actions: Vec<String> = store.history(&platform).unwrap().into_iter().map(|h| h.action).collect();
    assert_eq!(actions[..2], ["decide_dependency", "add_dependency"]);
    assert!(store.history(&process).unwrap().iter().any(|h| h.action == "add_dependency"), "both histories");
}

#[test]
fn declining_needs_a_reason_and_is_kept() {
    let (_dir, mut store) = temp_store();
    let (process, platform) = process_on_platform(&mut store);
    let err =
        store.decide_dependency_suggestion(&ctx(), &platform, &decide(Aspect::R, &process, false, " ")).unwrap_err();
    assert_eq!(err.code(), "REASON_REQUIRED");
    store
        .decide_dependency_suggestion(&ctx(), &platform, &decide(Aspect::R, &process, false, "Reservdrift finns"))
        .unwrap();
    let r = store.dependencies(&platform).unwrap().suggestions.into_iter().find(|s| s.aspect == Aspect::R).unwrap();
    assert_eq!((r.state, r.reason.as_str()), (SuggestionState::Declined, "Reservdrift finns"));
    assert_eq!(store.get_object(&platform, "2026-03-01").unwrap().current.profile.text, "K1 R1 T1 S1");
    let err =
        store.decide_dependency_suggestion(&ctx(), &platform, &decide(Aspect::S, &process, true, "")).unwrap_err();
    assert_eq!(err.code(), "NO_SUCH_SUGGESTION");
}

#[test]
fn accepting_on_an_approved_object_asks_for_a_reclassification_and_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let (process, platform) = process_on_platform(&mut store);
    store.approve(&ctx(), &platform, "IT-chef").unwrap();
    let before = count(&store, "audit");
    let err =
        store.decide_dependency_suggestion(&ctx(), &platform, &decide(Aspect::T, &process, true, "")).unwrap_err();
    assert_eq!(err.code(), "NOT_DRAFT");
    assert_eq!((count(&store, "audit"), count(&store, "dependency_decisions")), (before, 0), "one transaction");
}

#[test]
fn links_are_unique_never_to_itself_and_removable() {
    let (_dir, mut store) = temp_store();
    let (process, platform) = process_on_platform(&mut store);
    assert_eq!(
        store.add_dependency(&ctx(), &process, &platform, DependencyKind::RunsOn).unwrap_err().code(),
        "DEPENDENCY_EXISTS"
    );
    assert_eq!(
        store.add_dependency(&ctx(), &process, &process, DependencyKind::Uses).unwrap_err().code(),
        "DEPENDENCY_ON_ITSELF"
    );
    store.add_dependency(&ctx(), &process, &platform, DependencyKind::SuppliedBy).unwrap();
    assert_eq!(store.dependencies(&process).unwrap().depends_on.len(), 2);
    store.remove_dependency(&ctx(), &process, &platform, DependencyKind::RunsOn).unwrap();
    let left = store.dependencies(&process).unwrap().depends_on;
    assert_eq!((left.len(), left[0].kind), (1, DependencyKind::SuppliedBy));
    let err = store.remove_dependency(&ctx(), &process, &platform, DependencyKind::RunsOn).unwrap_err();
    assert_eq!(err.code(), "NOT_FOUND");
}

#[test]
fn a_cycle_is_allowed_and_shown() {
    let (_dir, mut store) = temp_store();
    let a = store.create_object(&ctx(), &new_object("Journal", vec![set("x", 1, 1, 1, 1)])).unwrap();
    let b = store.create_object(&ctx(), &new_object("Labb", vec![set("x", 1, 1, 1, 1)])).unwrap();
    store.add_dependency(&ctx(), &a, &b, DependencyKind::IntegratesWith).unwrap();
    assert!(store.dependencies(&a).unwrap().cycle.is_empty());
    store.add_dependency(&ctx(), &b, &a, DependencyKind::IntegratesWith).unwrap();
    assert_eq!(store.dependencies(&a).unwrap().cycle, ["Journal", "Labb"]);
    assert_eq!(store.dependencies(&b).unwrap().cycle, ["Labb", "Journal"]);
}

#[test]
fn an_approved_object_is_decommissioned_not_deleted() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Gamla kassan", vec![set("Kassa", 1, 1, 1, 1)])).unwrap();
    store.approve(&ctx(), &id, "Ekonomichef").unwrap();
    let err = store.delete_object(&ctx(), &id).unwrap_err();
    assert!(matches!(err, StoreError::ObjectHasApproved));
    assert_eq!(err.code(), "OBJECT_HAS_APPROVED");
    assert_eq!(store.decommission(&ctx(), &id, "2026-02-28", "").unwrap_err().code(), "REASON_REQUIRED");
    assert_eq!(store.decommission(&ctx(), &id, "28/2", "Ersatt").unwrap_err().code(), "INVALID_INPUT");
    store.decommission(&ctx(), &id, "2026-02-28", "Ersatt av nytt kassasystem").unwrap();

    let d = store.get_object(&id, "2026-03-01").unwrap();
    let dec = d.decommissioned.unwrap();
    assert_eq!((dec.date.as_str(), dec.reason.as_str()), ("2026-02-28", "Ersatt av nytt kassasystem"));
    assert!(store.list_objects(&ObjectFilter::default(), "2026-03-01").unwrap().items.is_empty(), "hidden by default");
    let all =
        store.list_objects(&ObjectFilter { include_decommissioned: true, ..Default::default() }, "2026-03-01").unwrap();
    assert_eq!(all.items[0].decommissioned_on.as_deref(), Some("2026-02-28"));

    let before = count(&store, "audit");
    assert_eq!(store.start_reclassification(&ctx(), &id).unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    let mut meta = d.meta.clone();
    meta.unit = "Annan".into();
    assert_eq!(store.update_object(&ctx(), &id, &meta).unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    assert_eq!(store.decommission(&ctx(), &id, "2026-03-01", "igen").unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    let answer = infoklass_core::requirements::Assessment {
        key: "SAK-01".into(),
        answer: infoklass_core::requirements::Answer::Uppfyllt,
        comment: String::new(),
        evidence: String::new(),
    };
    assert_eq!(store.save_assessment(&ctx(), &id, &answer).unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    let review = store.confirm_review(&ctx(), &id, "Ekonomichef", "oförändrad");
    assert_eq!(review.unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    let handover = infoklass_store::HandoverInput {
        keys: vec!["SAK-01".into()],
        to: infoklass_core::requirements::AnsweredBy::It,
        name: "Systemförvaltare".into(),
    };
    assert_eq!(store.hand_over(&ctx(), &id, &handover).unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    assert_eq!(store.take_back(&ctx(), &id, &["SAK-01".into()]).unwrap_err().code(), "OBJECT_DECOMMISSIONED");
    assert_eq!(count(&store, "audit"), before, "refusals write nothing");
    assert_eq!(store.history(&id).unwrap()[0].action, "decommission");
}

#[test]
fn a_never_approved_draft_can_still_be_deleted_and_a_decommissioned_dependent_suggests_nothing() {
    let (_dir, mut store) = temp_store();
    let (process, platform) = process_on_platform(&mut store);
    store.decommission(&ctx(), &process, "2026-03-01", "Nedlagd").unwrap();
    let g = store.dependencies(&platform).unwrap();
    assert!(g.suggestions.is_empty());
    assert!(g.depended_on_by[0].decommissioned);
    store.delete_object(&ctx(), &platform).unwrap();
    assert_eq!(count(&store, "dependencies"), 0, "the draft's links go with it");
}
