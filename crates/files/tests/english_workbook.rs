//! The object's workbook in English: no Swedish label in it, and edits made in it in another
//! program come back exactly, like the Swedish workbook's.

mod support;

use std::path::Path;
use std::process::Command;

use infoklass_core::labels::Lang;
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_files::workbook::read::read_workbook;
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, RiskInput, Store};
use support::{swedish_in, visible_texts};

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

const OBJECT: &str = r#"{
  "meta": { "name": "Ekonomisystem", "kind": "tjanst", "unit": "Ekonomi", "information_owner": "Ekonomichef" },
  "content": { "sets": [
    { "name": "Leverantörsregister", "levels": { "K": 2, "R": 3, "T": 1, "S": 2 },
      "motivations": { "K": "Bankuppgifter.", "R": "Kontonummer.", "T": "Vid betalkörning.", "S": "Spårbara ändringar." } }
  ] }
}"#;

fn seeded(dir: &Path) -> (Store, String) {
    let mut store = Store::open(&dir.join("db.sqlite")).unwrap();
    let new: NewObject = serde_json::from_str(OBJECT).unwrap();
    let id = store.create_object(&ctx(), &new).unwrap();
    let risk = infoklass_core::risk::Risk {
        cause: "Svaga lösenord".into(),
        event: "Kapat konto".into(),
        aspects: vec![infoklass_core::Aspect::R, infoklass_core::Aspect::S],
        probability: 2,
        consequence: 4,
        treatment: Some(infoklass_core::risk::Treatment::Reducera),
        treatment_motivation: "Flerfaktor.".into(),
        ..Default::default()
    };
    store.save_risk(&ctx(), &id, &RiskInput { risk, new_actions: vec!["Inför flerfaktorsinloggning".into()] }).unwrap();
    let key = store.requirements(&id).unwrap().items[0].key.clone();
    let answer = Assessment { key, answer: Answer::DelvisUppfyllt, comment: "Delvis.".into(), evidence: String::new() };
    store.save_assessment(&ctx(), &id, &answer).unwrap();
    (store, id)
}

fn export(store: &Store, id: &str, lang: Lang) -> Vec<u8> {
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    object_workbook(&gather(store, id, "2026-11-01").unwrap(), &stamp, lang).unwrap()
}

#[test]
fn the_english_workbook_has_no_swedish_label() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let (names, cells) = visible_texts(export(&store, &id, Lang::En));
    assert!(names.contains(&"Classification".to_string()) && names.contains(&"Dependencies".to_string()), "{names:?}");
    assert!(cells.contains(&"Information set".to_string()) && cells.contains(&"Motivation C".to_string()));
    assert!(cells.contains(&"Partly met".to_string()) && cells.contains(&"Reduce".to_string()), "the words too");
    let found = swedish_in(names.iter().chain(&cells));
    assert!(found.is_empty(), "Swedish labels in the English workbook: {found:?}");
    assert!(!cells.iter().any(|c| c.ends_with("(sv)")), "the shipped catalogue is translated");
    // The same check finds them in the Swedish workbook, so it can fail.
    let (sv_names, sv_cells) = visible_texts(export(&store, &id, Lang::Sv));
    assert!(swedish_in(sv_names.iter().chain(&sv_cells)).len() > 40);
}

#[test]
fn an_english_workbook_edited_elsewhere_comes_back_with_exactly_that_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let (before, after) = (dir.path().join("en.xlsx"), dir.path().join("en-edited.xlsx"));
    std::fs::write(&before, export(&store, &id, Lang::En)).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/set_cells.py");
    let set = ["Classification", "Information set", "Leverantörsregister"];
    let run = Command::new("/usr/bin/python3")
        .arg(script)
        .arg(&before)
        .arg(&after)
        .args(set)
        .args(["C", "3"])
        .args(set)
        .args(["Motivation C", "Bank details and salaries."])
        .output()
        .expect("python3 with openpyxl");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));

    let edits = read_workbook(&std::fs::read(&after).unwrap()).unwrap();
    let plan = store.workbook_plan(&edits, "2026-11-01").unwrap();
    let seen: Vec<(&str, &str, &str)> =
        plan.changes.iter().map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(seen, [("K", "2", "3"), ("Motivering K", "Bankuppgifter.", "Bank details and salaries.")]);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    store.apply_workbook(&ctx(), &edits).unwrap();
    let set = &store.get_object(&id, "2026-11-01").unwrap().current.content.sets[0];
    assert_eq!((set.levels.k, set.motivations.k.as_str()), (Some(3), "Bank details and salaries."));
    assert_eq!(set.levels.t, Some(1), "the English A column is availability (Swedish T)");
    assert_eq!(
        store.requirements(&id).unwrap().items[0].assessment.as_ref().map(|a| a.answer),
        Some(Answer::DelvisUppfyllt)
    );
}
