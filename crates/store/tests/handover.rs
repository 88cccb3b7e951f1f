//! Who answers what: hand-overs to IT or the supplier, their return, and the actions that
//! answers make.
mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::requirements::{Answer, AnsweredBy, Assessment, Priority};
use infoklass_store::{Ctx, HandoverInput, Store};

fn answer(key: &str, answer: Answer, comment: &str) -> Assessment {
    Assessment { key: key.into(), answer, comment: comment.into(), evidence: String::new() }
}

fn later(actor: &str) -> Ctx {
    Ctx { actor: actor.into(), now: "2026-03-05T09:00:00Z".into(), today: "2026-03-05".into() }
}

fn handed_over(store: &Store, id: &str) -> Vec<(String, Option<String>)> {
    let view = store.requirements(id).unwrap();
    view.items.into_iter().filter_map(|i| Some((i.key, i.handover?.answered_by))).collect()
}

fn input(keys: &[&str], to: AnsweredBy, name: &str) -> HandoverInput {
    HandoverInput { keys: keys.iter().map(|k| k.to_string()).collect(), to, name: name.into() }
}

#[test]
fn handed_over_requirements_wait_and_come_back_answered() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Elevdokumentation", vec![set("Betyg", 2, 2, 2, 1)])).unwrap();
    let view = store.requirements(&id).unwrap();
    let by = |a: AnsweredBy| view.items.iter().filter(|i| i.answered_by == a).count();
    assert!(by(AnsweredBy::Verksamhet) > 0 && by(AnsweredBy::It) > 0 && by(AnsweredBy::Leverantor) > 0);
    let it_keys: Vec<&str> =
        view.items.iter().filter(|i| i.answered_by == AnsweredBy::It).map(|i| i.key.as_str()).take(2).collect();

    let n = store.hand_over(&ctx(), &id, &input(&it_keys, AnsweredBy::It, " Per Persson, systemförvaltare ")).unwrap();
    assert_eq!(n, 2);
    let item = store.requirements(&id).unwrap().items.into_iter().find(|i| i.key == it_keys[0]).unwrap();
    let h = item.handover.unwrap();
    assert_eq!(
        (h.to, h.name.as_str(), h.handed_on.as_str()),
        (AnsweredBy::It, "Per Persson, systemförvaltare", "2026-03-01")
    );
    assert_eq!((h.answered_at, h.answered_by), (None, None), "waiting");

    store.save_assessment(&later("per.persson"), &id, &answer(it_keys[0], Answer::Uppfyllt, "")).unwrap();
    let got = handed_over(&store, &id);
    assert_eq!(got, vec![(it_keys[0].to_string(), Some("per.persson".to_string())), (it_keys[1].to_string(), None)]);
    let item = store.requirements(&id).unwrap().items.into_iter().find(|i| i.key == it_keys[0]).unwrap();
    assert_eq!(item.handover.unwrap().answered_at.as_deref(), Some("2026-03-05T09:00:00Z"));

    // Taking the answer back makes it wait again; handing over again asks anew.
    store.clear_assessment(&ctx(), &id, it_keys[0]).unwrap();
    assert_eq!(handed_over(&store, &id)[0].1, None);
    store.save_assessment(&later("per.persson"), &id, &answer(it_keys[0], Answer::Uppfyllt, "")).unwrap();
    store.hand_over(&ctx(), &id, &input(&it_keys[..1], AnsweredBy::Leverantor, "Skolsystem AB")).unwrap();
    let item = store.requirements(&id).unwrap().items.into_iter().find(|i| i.key == it_keys[0]).unwrap();
    let h = item.handover.unwrap();
    assert_eq!((h.to, h.answered_by), (AnsweredBy::Leverantor, None));

    assert_eq!(store.take_back(&ctx(), &id, &[it_keys[1].to_string()]).unwrap(), 1);
    assert_eq!(handed_over(&store, &id).len(), 1);
    let history: Vec<String> = store.history(&id).unwrap().into_iter().map(|h| h.action).collect();
    for (action, n) in [("hand_over", 3), ("handover_answered", 3), ("take_back", 1)] {
        assert_eq!(history.iter().filter(|a| *a == action).count(), n, "{action}");
    }
}

#[test]
fn a_bad_hand_over_is_refused_whole() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Lön", vec![set("Löner", 1, 1, 1, 1)])).unwrap();
    let first = store.requirements(&id).unwrap().items[0].key.clone();
    let cases = [
        (input(&[&first], AnsweredBy::Verksamhet, "Anna"), "HANDOVER_BAD_TARGET"),
        (input(&[&first], AnsweredBy::It, "  "), "HANDOVER_NEEDS_NAME"),
        (input(&[], AnsweredBy::It, "Per"), "HANDOVER_NOTHING"),
        (input(&[&first, "FINNS-EJ"], AnsweredBy::It, "Per"), "REQUIREMENT_NOT_APPLICABLE"),
    ];
    for (bad, code) in cases {
        assert_eq!(store.hand_over(&ctx(), &id, &bad).unwrap_err().code(), code);
    }
    assert!(handed_over(&store, &id).is_empty(), "nothing of a refused batch is written");
    assert!(store.history(&id).unwrap().iter().all(|h| h.action != "hand_over"));
}

#[test]
fn generated_actions_follow_level_and_answer() {
    let (_dir, mut store) = temp_store();
    let high = store.create_object(&ctx(), &new_object("Journal", vec![set("Journal", 3, 3, 3, 3)])).unwrap();
    let low = store.create_object(&ctx(), &new_object("Intranät", vec![set("Nyheter", 1, 1, 1, 1)])).unwrap();
    let view = store.requirements(&low).unwrap();
    let ska = view.items.iter().find(|i| i.obligation == infoklass_core::requirements::Obligation::Ska).unwrap();
    let key = ska.key.clone();
    let title = ska.title_sv.clone();

    store.save_assessment(&ctx(), &low, &answer(&key, Answer::VetEj, "")).unwrap();
    store.save_assessment(&ctx(), &high, &answer(&key, Answer::EjUppfyllt, "")).unwrap();
    let vet_ej = &store.action_plan(&low, "2026-03-01").unwrap()[0];
    assert_eq!((vet_ej.measure.clone(), vet_ej.priority), (format!("Utred: {title}"), Priority::Medel));
    assert_eq!(store.action_plan(&high, "2026-03-01").unwrap()[0].priority, Priority::Hog);

    // The untouched row follows a changed answer; a Delvis comment goes into its notes.
    store.save_assessment(&ctx(), &low, &answer(&key, Answer::DelvisUppfyllt, "Saknas för vikarier")).unwrap();
    let plan = store.action_plan(&low, "2026-03-01").unwrap();
    assert_eq!(plan.len(), 1);
    assert_eq!((plan[0].priority, plan[0].notes.as_str()), (Priority::Lag, "Delvis uppfyllt: Saknas för vikarier"));
    assert!(!plan[0].measure.starts_with("Utred"));
    // Still untouched with its generated notes: an answer that needs nothing removes it.
    store.save_assessment(&ctx(), &low, &answer(&key, Answer::Uppfyllt, "")).unwrap();
    assert!(store.action_plan(&low, "2026-03-01").unwrap().is_empty());
}

#[test]
fn a_database_from_before_hand_overs_is_migrated_with_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let (id, key) = {
        let mut store = Store::open(&path).unwrap();
        let id = store.create_object(&ctx(), &new_object("Gammal", vec![set("Register", 2, 2, 2, 2)])).unwrap();
        let key = store.requirements(&id).unwrap().items[0].key.clone();
        store.save_assessment(&ctx(), &id, &answer(&key, Answer::VetEj, "")).unwrap();
        (id, key)
    };
    // The same rows in the schema before this change, as an older Infoklass left them.
    let path = common::as_version(&path, 6);

    let mut store = Store::open(&path).unwrap();
    let latest = infoklass_store::migrate::latest_version();
    assert_eq!(infoklass_store::migrate::schema_version(store.connection().as_sqlite().unwrap()).unwrap(), latest);
    let item = store.requirements(&id).unwrap().items.into_iter().find(|i| i.key == key).unwrap();
    assert_eq!((item.assessment.unwrap().answer, item.handover), (Answer::VetEj, None));
    store.hand_over(&ctx(), &id, &input(&[&key], AnsweredBy::It, "Per")).unwrap();
    assert_eq!(handed_over(&store, &id).len(), 1);
}
