mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::requirements::trigger::Term;
use infoklass_core::requirements::{ActionStatus, Answer, Assessment, Catalog, Obligation, Priority, Suppression};
use infoklass_core::{Aspect, LagrumDecision, LagrumStatus};
use infoklass_store::{ActionInput, ItemChoice, ProcurementInput, Store};

const CATALOG: &str = r#"
id = "test"
version = "1"
name_sv = "Testkatalog"
name_en = "Test catalogue"
[[areas]]
key = "backup"
name_sv = "Säkerhetskopiering"
name_en = "Backup"
[[areas]]
key = "logg"
name_sv = "Loggning"
name_en = "Logging"
[[requirements]]
key = "BAS-01"
area = "backup"
aspects = ["R"]
trigger = "baseline"
title_sv = "Grund"
title_en = "Base"
ar_sv = "Rutin finns."
ska_sv = "Leverantören ska ha en rutin."
obligation = "ska"
[[requirements]]
key = "SK-01"
area = "backup"
aspects = ["R", "T"]
trigger = "R>=1 or T>=1"
title_sv = "Veckokopia"
title_en = "Weekly"
ar_sv = "Kopia varje vecka."
ska_sv = "Leverantören ska kopiera varje vecka."
obligation = "ska"
[[requirements]]
key = "SK-03"
area = "backup"
aspects = ["R", "T"]
trigger = "R>=3 or T>=3"
title_sv = "Dygnskopia med återläsningstest"
title_en = "Daily"
ar_sv = "Kopia varje dygn, återläsning prövas årligen."
ska_sv = "Leverantören ska kopiera varje dygn."
obligation = "ska"
[[requirements]]
key = "LOG-02"
area = "logg"
aspects = ["S"]
trigger = "S>=2"
title_sv = "Åtkomstloggning"
title_en = "Access logging"
ar_sv = "Åtkomst loggas."
ska_sv = "Systemet ska logga åtkomst."
obligation = "bor"
[[requirements]]
key = "PDL-01"
area = "logg"
aspects = ["S", "K"]
trigger = "lagrum:patientdatalagen"
title_sv = "Loggkontroller"
title_en = "Log review"
ar_sv = "Loggar följs upp systematiskt."
ska_sv = "Leverantören ska stödja systematisk loggkontroll."
obligation = "ska"
"#;

fn store_with_catalog() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    store.import_catalog(&ctx(), Catalog::from_toml(CATALOG).unwrap()).unwrap();
    (dir, store)
}

fn keys(store: &Store, id: &str) -> Vec<String> {
    store.requirements(id).unwrap().items.into_iter().map(|i| i.key).collect()
}

fn answer(key: &str, answer: Answer, comment: &str) -> Assessment {
    Assessment { key: key.into(), answer, comment: comment.into(), evidence: String::new() }
}

#[test]
fn requirements_follow_the_profile_with_reasons() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Ekonomi", vec![set("Fakturor", 2, 3, 2, 1)])).unwrap();
    let view = store.requirements(&id).unwrap();
    assert_eq!(view.profile, "K2 R3 T2 S1");
    assert_eq!((view.catalog_id.as_str(), view.catalog_version.as_str()), ("test", "1"));
    let got: Vec<(&str, &Vec<Term>)> = view.items.iter().map(|i| (i.key.as_str(), &i.reasons)).collect();
    assert_eq!(
        got,
        vec![
            ("BAS-01", &vec![Term::Baseline]),
            ("SK-01", &vec![Term::Level { aspect: Aspect::R, min: 1 }, Term::Level { aspect: Aspect::T, min: 1 }]),
            ("SK-03", &vec![Term::Level { aspect: Aspect::R, min: 3 }]),
        ]
    );
    assert_eq!(view.counts.unanswered, 3);
    assert_eq!(view.items[0].area_sv, "Säkerhetskopiering");
}

#[test]
fn level_four_and_incomplete_classifications_derive_nothing() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Skyddat", vec![set("Hemligt", 4, 1, 1, 1)])).unwrap();
    let view = store.requirements(&id).unwrap();
    assert_eq!((view.items.len(), view.suppressed), (0, Some(Suppression::SecurityLevel)));
    let mut half = set("Halv", 1, 1, 1, 1);
    half.levels.t = None;
    let id = store.create_object(&ctx(), &new_object("Halvfärdig", vec![half])).unwrap();
    assert_eq!(store.requirements(&id).unwrap().suppressed, Some(Suppression::Incomplete));
}

#[test]
fn unmet_answers_become_actions_and_untouched_ones_leave_again() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Ekonomi", vec![set("Fakturor", 2, 3, 2, 1)])).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SK-03", Answer::EjUppfyllt, "Ingen återläsning gjord")).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SK-01", Answer::DelvisUppfyllt, "")).unwrap();
    store.save_assessment(&ctx(), &id, &answer("BAS-01", Answer::Uppfyllt, "")).unwrap();
    let plan = store.action_plan(&id, "2026-03-01").unwrap();
    // Ej uppfyllt of a ska requirement at level 3 comes first, Delvis at the same level after.
    assert_eq!(plan.iter().map(|a| a.requirement_key.as_deref().unwrap()).collect::<Vec<_>>(), ["SK-03", "SK-01"]);
    assert_eq!(plan[0].measure, "Kopia varje dygn, återläsning prövas årligen.");
    assert_eq!((plan[0].priority, plan[0].status), (Priority::Hog, ActionStatus::EjPaborjad));
    assert_eq!(plan[1].priority, Priority::Medel);

    // Someone works on SK-01's row; SK-03's stays untouched.
    let mut worked = ActionInput {
        id: Some(plan[1].id.clone()),
        requirement_key: plan[1].requirement_key.clone(),
        measure: plan[1].measure.clone(),
        responsible: "IT-chef".into(),
        due: Some("2026-02-01".into()),
        priority: Priority::Medel,
        status: ActionStatus::Pagar,
        notes: String::new(),
    };
    store.save_action(&ctx(), &id, &worked).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SK-01", Answer::Uppfyllt, "")).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SK-03", Answer::Uppfyllt, "")).unwrap();
    let plan = store.action_plan(&id, "2026-03-01").unwrap();
    assert_eq!(plan.len(), 1, "the untouched row went away, the worked-on one stays");
    assert!(plan[0].overdue, "due 2026-02-01 has passed");
    worked.status = ActionStatus::Klar;
    assert!(!store.save_action(&ctx(), &id, &worked).unwrap().overdue);

    let view = store.requirements(&id).unwrap();
    assert_eq!((view.counts.uppfyllt, view.counts.unanswered), (3, 0));
    let actions: Vec<String> = store.history(&id).unwrap().into_iter().map(|h| h.action).collect();
    assert!(actions.iter().filter(|a| *a == "assess").count() == 5);
}

#[test]
fn bad_answers_are_refused_and_nothing_changes() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Ekonomi", vec![set("Fakturor", 1, 1, 1, 1)])).unwrap();
    let err = store.save_assessment(&ctx(), &id, &answer("BAS-01", Answer::EjTillampligt, " ")).unwrap_err();
    assert_eq!(err.code(), "NOT_APPLICABLE_NEEDS_MOTIVATION");
    let err = store.save_assessment(&ctx(), &id, &answer("SK-03", Answer::Uppfyllt, "")).unwrap_err();
    assert_eq!(err.code(), "REQUIREMENT_NOT_APPLICABLE");
    assert!(store.requirements(&id).unwrap().items.iter().all(|i| i.assessment.is_none()));
    let bad_date = ActionInput {
        id: None,
        requirement_key: None,
        measure: "Utbilda".into(),
        responsible: String::new(),
        due: Some("snart".into()),
        priority: Priority::Lag,
        status: ActionStatus::EjPaborjad,
        notes: String::new(),
    };
    assert_eq!(store.save_action(&ctx(), &id, &bad_date).unwrap_err().code(), "INVALID_INPUT");
    assert!(store.action_plan(&id, "2026-03-01").unwrap().is_empty());
}

#[test]
fn answers_carry_over_to_a_reclassification_and_changes_are_shown() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Journal", vec![set("Journal", 2, 3, 2, 1)])).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SK-03", Answer::Uppfyllt, "")).unwrap();
    store.approve(&ctx(), &id, "Verksamhetschef").unwrap();
    store.start_reclassification(&ctx(), &id).unwrap();
    let mut content = store.get_object(&id, "2026-03-01").unwrap().current.content;
    content.sets[0].levels = infoklass_core::PerAspect { k: Some(2), r: Some(2), t: Some(2), s: Some(2) };
    content.lagrum =
        vec![LagrumDecision { status: LagrumStatus::Accepted, ..LagrumDecision::pending("patientdatalagen") }];
    store.save_draft(&ctx(), &id, &content).unwrap();
    let view = store.requirements(&id).unwrap();
    assert_eq!(keys(&store, &id), ["BAS-01", "SK-01", "LOG-02", "PDL-01"]);
    let new: Vec<&str> = view.items.iter().filter(|i| i.is_new).map(|i| i.key.as_str()).collect();
    assert_eq!(new, ["LOG-02", "PDL-01"]);
    assert_eq!(view.dropped.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(), ["SK-03"], "the old answer is kept");
}

#[test]
fn an_approved_classification_keeps_its_catalogue_version() {
    let (_dir, mut store) = store_with_catalog();
    let id = store.create_object(&ctx(), &new_object("Arkiv", vec![set("Handlingar", 1, 3, 1, 1)])).unwrap();
    store.approve(&ctx(), &id, "Arkivchef").unwrap();
    let v2 = CATALOG
        .replace("version = \"1\"", "version = \"2\"")
        .replace("trigger = \"R>=3 or T>=3\"", "trigger = \"T>=3\"");
    store.import_catalog(&ctx(), Catalog::from_toml(&v2).unwrap()).unwrap();
    let view = store.requirements(&id).unwrap();
    assert_eq!(view.catalog_version, "1");
    assert!(view.items.iter().any(|i| i.key == "SK-03"), "derived under version 1, where R>=3 triggers it");
    let draft = store.create_object(&ctx(), &new_object("Nytt", vec![set("Handlingar", 1, 3, 1, 1)])).unwrap();
    assert_eq!(store.requirements(&draft).unwrap().catalog_version, "2");
    assert!(!keys(&store, &draft).contains(&"SK-03".to_string()));
    let again = store.import_catalog(&ctx(), Catalog::from_toml(&v2).unwrap()).unwrap_err();
    assert_eq!(again.code(), "CATALOG_VERSION_EXISTS");
    let versions: Vec<(String, bool)> = store.catalogs().unwrap().into_iter().map(|c| (c.version, c.active)).collect();
    assert_eq!(versions[0], ("2".to_string(), true));
}

#[test]
fn procurement_lists_unite_objects_and_keep_decisions() {
    let (_dir, mut store) = store_with_catalog();
    let a = store.create_object(&ctx(), &new_object("Ekonomisystem", vec![set("Fakturor", 2, 3, 2, 1)])).unwrap();
    let b = store.create_object(&ctx(), &new_object("Lönesystem", vec![set("Löner", 2, 1, 1, 2)])).unwrap();
    let c = store.create_object(&ctx(), &new_object("Skyddat", vec![set("Hemligt", 4, 1, 1, 1)])).unwrap();
    let view = store.procurement_for(&[a.clone(), b.clone(), c.clone(), a.clone()]).unwrap();
    let got: Vec<(&str, Vec<&str>)> =
        view.items.iter().map(|i| (i.key.as_str(), i.needed_by.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        got,
        vec![
            ("BAS-01", vec!["Ekonomisystem", "Lönesystem"]),
            ("SK-01", vec!["Ekonomisystem", "Lönesystem"]),
            ("SK-03", vec!["Ekonomisystem"]),
            ("LOG-02", vec!["Lönesystem"]),
        ]
    );
    assert_eq!(view.excluded.len(), 1);
    assert_eq!(
        (view.excluded[0].object.name.as_str(), &view.excluded[0].reason),
        ("Skyddat", &Suppression::SecurityLevel)
    );

    let input = ProcurementInput {
        id: None,
        name: "Upphandling ekonomi".into(),
        object_ids: vec![a.clone(), b.clone()],
        choices: vec![
            ItemChoice { key: "LOG-02".into(), relevant: false, obligation: Obligation::Bor, text: String::new() },
            ItemChoice {
                key: "SK-03".into(),
                relevant: true,
                obligation: Obligation::Bor,
                text: "Leverantören ska kopiera varje timme.".into(),
            },
            ItemChoice { key: "BAS-01".into(), relevant: true, obligation: Obligation::Ska, text: String::new() },
        ],
    };
    let pid = store.save_procurement(&ctx(), &input).unwrap();
    let saved = store.procurement(&pid).unwrap();
    let sk03 = saved.items.iter().find(|i| i.key == "SK-03").unwrap();
    assert_eq!((sk03.obligation, sk03.text.as_str()), (Obligation::Bor, "Leverantören ska kopiera varje timme."));
    assert_eq!(sk03.original_text, "Leverantören ska kopiera varje dygn.");
    assert!(!saved.items.iter().find(|i| i.key == "LOG-02").unwrap().relevant);
    assert_eq!(store.procurements().unwrap()[0].objects, 2);
    let stored: i64 = store.connection().query_row("SELECT COUNT(*) FROM procurement_items", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, 2, "only decisions that differ from the defaults are stored");
}

#[test]
fn answers_and_actions_longer_than_a_cell_are_refused() {
    let (_dir, mut store) = common::temp_store();
    let id = store
        .create_object(&common::ctx(), &common::new_object("Cellgräns", vec![common::set("A", 1, 1, 1, 1)]))
        .unwrap();
    let key = store.requirements(&id).unwrap().items[0].key.clone();
    let long = "x".repeat(32_768);
    let answer = infoklass_core::requirements::Assessment {
        key,
        answer: infoklass_core::requirements::Answer::Uppfyllt,
        comment: String::new(),
        evidence: long.clone(),
    };
    assert_eq!(store.save_assessment(&common::ctx(), &id, &answer).unwrap_err().code(), "TEXT_TOO_LONG");
    let action = ActionInput {
        id: None,
        requirement_key: None,
        measure: "Åtgärd".into(),
        responsible: String::new(),
        due: None,
        priority: Priority::Medel,
        status: ActionStatus::EjPaborjad,
        notes: long,
    };
    assert_eq!(store.save_action(&common::ctx(), &id, &action).unwrap_err().code(), "TEXT_TOO_LONG");
    assert!(store.action_plan(&id, "2026-03-01").unwrap().is_empty());
}
