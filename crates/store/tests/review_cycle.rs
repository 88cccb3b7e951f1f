//! The review cycle: approving sets the dates from the organisation's rule, a review without
//! changes closes the cycle in one step, and the queue shows what is due.

mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::review::ReviewRule;
use infoklass_core::Status;
use infoklass_store::{ChosenReview, Ctx, ObjectFilter, Store};

fn on(day: &str) -> Ctx {
    Ctx { actor: "anna.andersson".into(), now: format!("{day}T09:00:00Z"), today: day.into() }
}

fn dates(store: &Store, id: &str) -> (Option<String>, Option<String>) {
    let m = store.get_object(id, "2026-03-01").unwrap().meta;
    (m.classification_date, m.next_review)
}

#[test]
fn approval_sets_the_classification_date_and_the_next_review_from_the_rule() {
    let (_dir, mut store) = temp_store();
    let low = store.create_object(&ctx(), &new_object("Intranät", vec![set("Nyheter", 1, 2, 1, 1)])).unwrap();
    let high = store.create_object(&ctx(), &new_object("Journal", vec![set("Journal", 3, 3, 2, 2)])).unwrap();
    store.approve(&on("2026-11-30"), &low, "Kommunikationschef").unwrap();
    store.approve(&on("2026-11-30"), &high, "Verksamhetschef").unwrap();
    assert_eq!(dates(&store, &low), (Some("2026-11-30".into()), Some("2028-11-30".into())));
    assert_eq!(dates(&store, &high), (Some("2026-11-30".into()), Some("2027-11-30".into())));
    // The approved snapshot holds the same dates: the record says when it was decided.
    let approved = store.get_object(&high, "2026-11-30").unwrap().current;
    assert_eq!(approved.meta.next_review.as_deref(), Some("2027-11-30"));
    let h = store.history(&high).unwrap();
    assert!(h[0].new.as_deref().unwrap().contains("\"next_review\":\"2027-11-30\""), "{:?}", h[0].new);
}

#[test]
fn an_approved_reclassification_closes_an_overdue_review() {
    let (_dir, mut store) = temp_store();
    let mut input = new_object("Ekonomisystem", vec![set("Fakturor", 2, 2, 1, 1)]);
    input.meta.classification_date = Some("2024-09-01".into());
    input.meta.next_review = Some("2025-09-01".into());
    let id = store.create_object(&on("2024-09-01"), &input).unwrap();
    let overdue = ObjectFilter { review_overdue: true, ..Default::default() };
    assert_eq!(store.list_objects(&overdue, "2026-11-30").unwrap().items.len(), 1);
    store.approve(&on("2026-11-30"), &id, "Ekonomichef").unwrap();
    store.start_reclassification(&on("2026-11-30"), &id).unwrap();
    store.approve(&on("2026-11-30"), &id, "Ekonomichef").unwrap();
    assert_eq!(dates(&store, &id).1.as_deref(), Some("2028-11-30"));
    assert!(store.list_objects(&overdue, "2026-11-30").unwrap().items.is_empty(), "version 2 closes the review");
}

#[test]
fn the_owner_may_choose_another_date_with_a_reason() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Lönesystem", vec![set("Löner", 2, 2, 2, 2)])).unwrap();
    let no_reason = ChosenReview { date: "2027-06-30".into(), reason: " ".into() };
    let err = store.approve_with(&on("2026-11-30"), &id, "Personaldirektör", Some(&no_reason)).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT");
    let past = ChosenReview { date: "2026-10-01".into(), reason: "x".into() };
    let err = store.approve_with(&on("2026-11-30"), &id, "Personaldirektör", Some(&past)).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT");
    assert_eq!(store.get_object(&id, "2026-11-30").unwrap().current.status, Status::Utkast, "nothing written");
    let chosen = ChosenReview { date: "2027-06-30".into(), reason: "Systemet byts ut i juni 2027".into() };
    store.approve_with(&on("2026-11-30"), &id, "Personaldirektör", Some(&chosen)).unwrap();
    assert_eq!(dates(&store, &id).1.as_deref(), Some("2027-06-30"));
    let h = store.history(&id).unwrap();
    let new = h[0].new.as_deref().unwrap();
    assert!(new.contains("Systemet byts ut") && new.contains("\"next_review_from_rule\":false"), "{new}");
}

#[test]
fn a_review_without_changes_is_a_new_approved_version_with_the_same_content() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Diarium", vec![set("Ärenden", 2, 2, 2, 2)])).unwrap();
    store.approve(&on("2024-06-01"), &id, "Registrator").unwrap();
    let before = store.get_object(&id, "2026-11-30").unwrap();
    assert!(before.review_overdue, "two years from 2024-06-01 has passed");
    store.confirm_review(&on("2026-11-30"), &id, "Registrator", "Inget har ändrats i verksamheten").unwrap();
    let after = store.get_object(&id, "2026-11-30").unwrap();
    assert_eq!(after.current.version, 2);
    assert_eq!(after.current.status, Status::Faststalld);
    assert_eq!(after.current.content, before.current.content);
    assert_eq!(after.current.profile.text, before.current.profile.text);
    assert_eq!(dates(&store, &id), (Some("2026-11-30".into()), Some("2028-11-30".into())));
    let statuses: Vec<Status> = after.versions.iter().map(|v| v.status).collect();
    assert!(statuses.contains(&Status::Ersatt) && statuses.contains(&Status::Faststalld), "{statuses:?}");
    let h = store.history(&id).unwrap();
    assert_eq!(h[0].action, "review_unchanged");
    assert!(h[0].new.as_deref().unwrap().contains("Inget har ändrats"));
    let (unchanged, note): (bool, String) = store
        .connection()
        .query_row(
            "SELECT unchanged_review, approval_note FROM classifications WHERE object_id = ?1 AND version = 2",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(unchanged && note == "Inget har ändrats i verksamheten");
    // An approved record cannot be edited afterwards, not even its note.
    let edit = store.connection().execute("UPDATE classifications SET approval_note = 'x' WHERE object_id = ?1", [&id]);
    assert!(edit.unwrap_err().to_string().contains("FROZEN"));
}

#[test]
fn a_review_without_changes_needs_an_approved_version_and_no_open_draft() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Diarium", vec![set("Ärenden", 2, 2, 2, 2)])).unwrap();
    let err = store.confirm_review(&ctx(), &id, "Registrator", "").unwrap_err();
    assert_eq!(err.code(), "NO_APPROVED_VERSION");
    store.approve(&ctx(), &id, "Registrator").unwrap();
    assert_eq!(store.confirm_review(&ctx(), &id, " ", "").unwrap_err().code(), "INVALID_INPUT");
    store.start_reclassification(&ctx(), &id).unwrap();
    assert_eq!(store.confirm_review(&ctx(), &id, "Registrator", "").unwrap_err().code(), "NO_APPROVED_VERSION");
}

#[test]
fn the_rule_is_organisation_data_that_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("infoklass.sqlite");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.review_rule().unwrap(), ReviewRule::default());
    let bad = ReviewRule { months: 0, high_level: 3, high_months: 12 };
    assert_eq!(store.set_review_rule(&ctx(), &bad).unwrap_err().code(), "REVIEW_RULE_INTERVAL");
    let yearly = ReviewRule { months: 12, high_level: 2, high_months: 6 };
    store.set_review_rule(&ctx(), &yearly).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.review_rule().unwrap(), yearly);
    let id = store.create_object(&ctx(), &new_object("Bokning", vec![set("Tider", 2, 1, 1, 1)])).unwrap();
    store.approve(&on("2026-11-30"), &id, "Enhetschef").unwrap();
    assert_eq!(dates(&store, &id).1.as_deref(), Some("2027-05-30"), "level 2 is high under this rule: 6 months");
}

#[test]
fn the_queue_lists_overdue_reviews_and_those_due_soon() {
    let (_dir, mut store) = temp_store();
    let mut make = |name: &str, next: &str| {
        let mut input = new_object(name, vec![set("Mängd", 1, 1, 1, 1)]);
        input.meta.next_review = Some(next.into());
        store.create_object(&ctx(), &input).unwrap()
    };
    make("Försenad", "2026-10-31");
    make("Snart", "2026-12-20");
    make("Om ett halvår", "2027-05-30");
    let queue = store.review_queue("2026-11-30", 30).unwrap();
    let got: Vec<(&str, i32)> = queue.iter().map(|r| (r.name.as_str(), r.days_left)).collect();
    assert_eq!(got, [("Försenad", -30), ("Snart", 20)]);
    assert_eq!(queue[0].approved_version, None);
    assert_eq!(store.review_queue("2026-11-30", 365).unwrap().len(), 3);
}
