mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::{LagrumDecision, LagrumStatus, ObjectKind, Status};
use infoklass_store::{ObjectFilter, StoreError};

fn count(store: &infoklass_store::Store, table: &str) -> i64 {
    store.connection().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn create_shows_the_derived_profile_and_writes_an_audit_entry() {
    let (_dir, mut store) = temp_store();
    let input = new_object("Ekonomisystem", vec![set("Fakturor", 2, 3, 2, 1), set("Leverantörsregister", 1, 2, 1, 1)]);
    let id = store.create_object(&ctx(), &input).unwrap();
    let d = store.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(d.current.profile.text, "K2 R3 T2 S1");
    assert_eq!(d.current.status, Status::Utkast);
    assert_eq!(d.current.content.sets.len(), 2);
    assert!(d.current.content.sets.iter().all(|s| !s.id.is_empty()), "sets get stable ids");
    assert!(d.issues.is_empty(), "{:?}", d.issues);
    let h = store.history(&id).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].action.as_str(), h[0].actor.as_str()), ("create", "anna.andersson"));
    assert!(h[0].new.as_deref().unwrap().contains("Fakturor"));
}

#[test]
fn every_change_is_audited_with_old_and_new() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Lönesystem", vec![set("Löner", 2, 2, 2, 2)])).unwrap();
    let mut meta = store.get_object(&id, "2026-03-01").unwrap().meta;
    meta.unit = "HR".into();
    store.update_object(&ctx(), &id, &meta).unwrap();
    let mut content = store.get_object(&id, "2026-03-01").unwrap().current.content;
    content.sets[0].levels.k = Some(3);
    store.save_draft(&ctx(), &id, &content).unwrap();
    store.approve(&ctx(), &id, "Personaldirektör").unwrap();
    store.start_reclassification(&ctx(), &id).unwrap();
    store.decommission(&ctx(), &id, "2026-03-01", "Ersatt").unwrap();
    let actions: Vec<String> = store.history(&id).unwrap().into_iter().rev().map(|h| h.action).collect();
    assert_eq!(actions, ["create", "update", "save_draft", "approve", "reclassify", "decommission"]);
    let update = &store.history(&id).unwrap()[4];
    assert!(
        update.old.as_deref().unwrap().contains("Ekonomiavdelningen") && update.new.as_deref().unwrap().contains("HR")
    );
    // Only a never-approved draft is deleted; the log keeps it.
    let draft = store.create_object(&ctx(), &new_object("Utkast", vec![set("Löner", 1, 1, 1, 1)])).unwrap();
    let sets_before = count(&store, "information_sets");
    store.delete_object(&ctx(), &draft).unwrap();
    let delete = &store.history(&draft).unwrap()[0];
    assert_eq!(delete.action, "delete");
    assert!(delete.old.as_deref().unwrap().contains("Löner"), "the deleted object is kept in the log");
    assert_eq!(count(&store, "objects"), 1);
    assert_eq!(count(&store, "information_sets"), sets_before - 1, "deletion cascades");
}

#[test]
fn a_failing_write_leaves_nothing_half_written() {
    let (_dir, mut store) = temp_store();
    let mut a = set("A", 1, 1, 1, 1);
    let mut b = set("B", 1, 1, 1, 1);
    a.id = "same".into();
    b.id = "same".into();
    // The object and classification rows are written before the second set fails.
    let err = store.create_object(&ctx(), &new_object("Trasigt", vec![a, b])).unwrap_err();
    assert_eq!(err.code(), "DB_ERROR");
    for table in ["objects", "classifications", "information_sets", "audit"] {
        assert_eq!(count(&store, table), 0, "{table} must be empty");
    }
}

#[test]
fn an_approved_classification_is_frozen() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Diariet", vec![set("Ärenden", 2, 2, 1, 2)])).unwrap();
    store.approve(&ctx(), &id, "Kanslichef").unwrap();
    let approved = store.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(approved.current.status, Status::Faststalld);
    assert_eq!(approved.current.approved_by.as_deref(), Some("Kanslichef"));

    let mut content = approved.current.content.clone();
    content.sets[0].levels.k = Some(3);
    assert!(matches!(store.save_draft(&ctx(), &id, &content), Err(StoreError::NotDraft)));
    // Later edits of the object's facts do not reach the frozen snapshot.
    let mut meta = approved.meta.clone();
    meta.description = "Ny beskrivning".into();
    store.update_object(&ctx(), &id, &meta).unwrap();
    let after = store.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(after.current.meta.description, "", "the snapshot keeps the approved facts");
    assert_eq!(after.meta.description, "Ny beskrivning");
    // Not even raw SQL can change it.
    let raw = store.connection().execute("UPDATE classifications SET snapshot = '{}' WHERE object_id = ?1", [&id]);
    assert!(raw.unwrap_err().to_string().contains("FROZEN"));
    let raw = store.connection().execute("UPDATE information_sets SET level_k = 0", []);
    assert!(raw.unwrap_err().to_string().contains("FROZEN"));
}

#[test]
fn reclassification_copies_the_approved_version_and_shows_the_differences() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Skolplattform", vec![set("Omdömen", 2, 2, 1, 1)])).unwrap();
    assert!(matches!(store.start_reclassification(&ctx(), &id), Err(StoreError::NoApprovedVersion)));
    store.approve(&ctx(), &id, "Skolchef").unwrap();
    store.start_reclassification(&ctx(), &id).unwrap();
    let d = store.get_object(&id, "2026-03-01").unwrap();
    assert_eq!((d.current.version, d.current.status), (2, Status::Utkast));
    assert!(d.changes.is_empty(), "a fresh copy has no differences: {:?}", d.changes);
    let mut content = d.current.content.clone();
    content.sets[0].levels.t = Some(2);
    content.sets.push(set("Närvaro", 1, 1, 2, 1));
    store.save_draft(&ctx(), &id, &content).unwrap();
    let d = store.get_object(&id, "2026-03-01").unwrap();
    let kinds: Vec<_> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["profile", "level", "set_added"]);
    store.approve(&ctx(), &id, "Skolchef").unwrap();
    let d = store.get_object(&id, "2026-03-01").unwrap();
    let statuses: Vec<_> = d.versions.iter().map(|v| v.status).collect();
    assert_eq!(statuses, [Status::Faststalld, Status::Ersatt]);
    assert_eq!(d.versions[1].profile, "K2 R2 T1 S1", "the old version keeps its profile");
}

#[test]
fn approval_is_refused_while_issues_remain() {
    let (_dir, mut store) = temp_store();
    let mut input = new_object("Journal", vec![set("Journal", 2, 2, 2, 1)]);
    input.content.lagrum =
        vec![LagrumDecision { status: LagrumStatus::Pending, ..LagrumDecision::pending("patientdatalagen") }];
    let id = store.create_object(&ctx(), &input).unwrap();
    match store.approve(&ctx(), &id, "Hälso- och sjukvårdsdirektör") {
        Err(StoreError::Validation(issues)) => assert_eq!(issues[0].code, "LAGRUM_UNDECIDED"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(store.get_object(&id, "2026-03-01").unwrap().current.status, Status::Utkast);
    assert_eq!(store.history(&id).unwrap().len(), 1, "a refused approval writes nothing");
}

#[test]
fn names_are_unique_and_bad_input_is_refused() {
    let (_dir, mut store) = temp_store();
    store.create_object(&ctx(), &new_object("Ekonomisystem", vec![])).unwrap();
    let err = store.create_object(&ctx(), &new_object(" ekonomisystem ", vec![])).unwrap_err();
    assert_eq!(err.code(), "NAME_TAKEN");
    let err = store.create_object(&ctx(), &new_object("  ", vec![])).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT");
    let mut bad_date = new_object("X", vec![]);
    bad_date.meta.next_review = Some("31/12/2026".into());
    assert_eq!(store.create_object(&ctx(), &bad_date).unwrap_err().code(), "INVALID_INPUT");
    let err = store.create_object(&ctx(), &new_object("Y", vec![set("s", 7, 1, 1, 1)])).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT");
    assert_eq!(count(&store, "objects"), 1);
}

#[test]
fn the_list_searches_and_filters() {
    let (_dir, mut store) = temp_store();
    let mut a = new_object("Ekonomisystem Raindance", vec![set("Fakturor", 1, 2, 1, 1)]);
    a.meta.tags = vec!["ekonomi".into()];
    let a = store.create_object(&ctx(), &a).unwrap();
    let mut b = new_object("Vårdplanering", vec![set("Vårdplaner", 3, 3, 3, 3)]);
    b.meta.kind = ObjectKind::Process;
    b.meta.unit = "Hälso- och sjukvård".into();
    b.meta.next_review = Some("2027-01-31".into());
    store.create_object(&ctx(), &b).unwrap();
    store.approve(&ctx(), &a, "Ekonomichef").unwrap();
    // Approval sets the next review from the rule; an overdue date set by hand afterwards.
    let mut meta = store.get_object(&a, "2026-03-01").unwrap().meta;
    meta.next_review = Some("2026-01-31".into());
    store.update_object(&ctx(), &a, &meta).unwrap();
    let names = |f: ObjectFilter| -> Vec<String> {
        store.list_objects(&f, "2026-03-01").unwrap().items.into_iter().map(|o| o.name).collect()
    };
    assert_eq!(names(ObjectFilter::default()).len(), 2);
    assert_eq!(
        names(ObjectFilter { search: Some("raindance".into()), ..Default::default() }),
        ["Ekonomisystem Raindance"]
    );
    assert_eq!(names(ObjectFilter { search: Some("VÅRD".into()), ..Default::default() }), ["Vårdplanering"]);
    assert!(names(ObjectFilter { search: Some("%".into()), ..Default::default() }).is_empty(), "% is literal");
    assert_eq!(names(ObjectFilter { kind: Some(ObjectKind::Process), ..Default::default() }), ["Vårdplanering"]);
    assert_eq!(names(ObjectFilter { unit: Some("Ekonomiavdelningen".into()), ..Default::default() }).len(), 1);
    assert_eq!(
        names(ObjectFilter { status: Some(Status::Faststalld), ..Default::default() }),
        ["Ekonomisystem Raindance"]
    );
    assert_eq!(names(ObjectFilter { review_overdue: true, ..Default::default() }), ["Ekonomisystem Raindance"]);
    let list = store.list_objects(&ObjectFilter::default(), "2026-03-01").unwrap();
    assert_eq!(list.total, 2);
    assert_eq!(list.units, ["Ekonomiavdelningen", "Hälso- och sjukvård"]);
    assert_eq!(list.items[1].profile, "K3 R3 T3 S3");
    assert!(list.items[0].review_overdue);
}

#[test]
fn the_list_is_in_swedish_order_and_search_folds_a_ring_a_umlaut_o_umlaut() {
    let (_dir, mut store) = temp_store();
    for (name, unit) in [
        ("Ärendesystem", "Östra"),
        ("System 10", "Åre"),
        ("Åtkomstsystem", "Ängel"),
        ("System 2", "Zon"),
        ("öppna data", "Ab"),
    ] {
        let mut o = new_object(name, vec![set("Uppgifter", 1, 1, 1, 1)]);
        o.meta.unit = unit.into();
        store.create_object(&ctx(), &o).unwrap();
    }
    let list = store.list_objects(&ObjectFilter::default(), "2026-03-01").unwrap();
    let names: Vec<&str> = list.items.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["System 2", "System 10", "Åtkomstsystem", "Ärendesystem", "öppna data"]);
    assert_eq!(list.units, ["Ab", "Zon", "Åre", "Ängel", "Östra"]);
    let found =
        store.list_objects(&ObjectFilter { search: Some("ÖPPNA".into()), ..Default::default() }, "2026-03-01").unwrap();
    assert_eq!(found.items.len(), 1);
}

#[test]
fn texts_that_no_xlsx_cell_holds_and_too_many_sets_are_refused() {
    let (_dir, mut store) = temp_store();
    let mut long = set("A", 1, 1, 1, 1);
    long.motivations.k = "å".repeat(32_768);
    let err = store.create_object(&ctx(), &new_object("Långt", vec![long])).unwrap_err();
    assert_eq!(err.code(), "TEXT_TOO_LONG");
    assert!(err.to_string().contains("motivation K has 32768 characters; at most 32767"), "{err}");
    let mut named = new_object("x", vec![]);
    named.meta.name = "𝐀".repeat(300);
    assert_eq!(store.create_object(&ctx(), &named).unwrap_err().code(), "TEXT_TOO_LONG", "600 UTF-16 units > 500");
    let many = (0..10_001).map(|i| set(&format!("S{i}"), 1, 1, 1, 1)).collect();
    let err = store.create_object(&ctx(), &new_object("Många", many)).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.to_string()),
        ("TOO_MANY_ITEMS", "10001 information sets; at most 10000 are allowed".to_string())
    );
    let id = store.create_object(&ctx(), &new_object("Kort", vec![set("A", 1, 1, 1, 1)])).unwrap();
    let mut meta = store.get_object(&id, "2026-03-01").unwrap().meta;
    meta.participants = vec!["p".repeat(20_000), "q".repeat(20_000)];
    assert_eq!(store.update_object(&ctx(), &id, &meta).unwrap_err().code(), "TEXT_TOO_LONG", "joined in one cell");
    assert_eq!(count(&store, "objects"), 1);
}
