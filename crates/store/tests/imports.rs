//! Old ISAK workbooks into the store: create, update by name, never twice, all or nothing.

mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, ObjectMeta};
use infoklass_store::{ImportOutcome, LegacyImport, LegacyRequirement, LegacyRisk};

fn workbook(hash: &str) -> LegacyImport {
    let mut s = set("Huvudbok", 1, 3, 1, 0);
    s.levels.s = None; // ISAK has no traceability column
    LegacyImport {
        file_name: "ekonomisystem.xls".into(),
        sha256: hash.into(),
        meta: ObjectMeta {
            name: "Ekonomisystem".into(),
            information_owner: "Ekonomidirektör".into(),
            ..Default::default()
        },
        sets: vec![s],
        risks: vec![LegacyRisk {
            risk: Risk {
                event: "Bedrägeri".into(),
                aspects: vec![Aspect::R],
                probability: 3,
                consequence: 3,
                consequence_motivation: "Från ISAK".into(),
                ..Default::default()
            },
            action: None,
        }],
        requirements: vec![LegacyRequirement {
            id: "K1".into(),
            text: "Behörighet".into(),
            status: "Ja".into(),
            ..Default::default()
        }],
        report: serde_json::json!({ "diagnostics": [] }),
        ..Default::default()
    }
}

#[test]
fn a_workbook_becomes_an_object_once() {
    let (_dir, mut store) = temp_store();
    let imp = workbook("abc");
    assert_eq!(store.legacy_plan(&imp).unwrap().outcome, ImportOutcome::Created);
    let plan = store.import_legacy(&ctx(), &imp).unwrap();
    let id = plan.object_id.unwrap();
    let detail = store.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(detail.current.content.sets[0].levels.r, Some(3));
    assert_eq!(store.risk_analysis(&id).unwrap().risks.len(), 1);
    assert_eq!(store.legacy_requirements(&id).unwrap()[0].status, "Ja");
    let again = store.import_legacy(&ctx(), &imp).unwrap();
    assert_eq!(again.outcome, ImportOutcome::Unchanged);
    assert_eq!(store.list_objects(&Default::default(), "2026-03-01").unwrap().items.len(), 1);
    assert_eq!(store.imports().unwrap().len(), 1);
}

#[test]
fn a_newer_workbook_updates_the_object_of_the_same_name_and_keeps_its_other_sets() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Ekonomisystem", vec![set("Budget", 1, 2, 0, 1)])).unwrap();
    let plan = store.import_legacy(&ctx(), &workbook("def")).unwrap();
    assert_eq!(plan.outcome, ImportOutcome::Updated);
    assert_eq!(plan.object_id.as_deref(), Some(id.as_str()));
    let names: Vec<String> =
        store.get_object(&id, "2026-03-01").unwrap().current.content.sets.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Budget", "Huvudbok"]);
    // A second file with the same risk does not add it twice.
    store.import_legacy(&ctx(), &workbook("ghi")).unwrap();
    assert_eq!(store.risk_analysis(&id).unwrap().risks.len(), 1);
}

#[test]
fn a_failing_import_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let mut imp = workbook("bad");
    imp.risks[0].risk.probability = 9; // outside the matrix: the risk is refused
    assert!(store.import_legacy(&ctx(), &imp).is_err());
    assert!(store.list_objects(&Default::default(), "2026-03-01").unwrap().items.is_empty());
    assert!(store.imports().unwrap().is_empty());
}

#[test]
fn confirmed_words_are_remembered() {
    let (_dir, mut store) = temp_store();
    store.save_import_word(&ctx(), " Hög ", 3).unwrap();
    store.save_import_word(&ctx(), "hög", 2).unwrap();
    assert_eq!(store.import_words().unwrap(), [("hög".to_string(), 2)]);
    assert!(store.save_import_word(&ctx(), "x", 7).is_err());
}
