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

/// The plan as the Swedish preview shows it (the store names fields by label key).
fn sv(mut plan: infoklass_store::WorkbookPlan) -> infoklass_store::WorkbookPlan {
    infoklass_files::plan_words::localize(&mut plan, infoklass_core::labels::Lang::Sv);
    plan
}
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
    assert!(cells.contains(&"C2 I3 A1 T2".to_string()), "the profile with English letters");
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
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    let seen: Vec<(&str, &str, &str)> =
        plan.changes.iter().map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(seen, [("K", "2", "3"), ("Motivering K", "Bankuppgifter.", "Bank details and salaries.")]);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    sv(store.apply_workbook(&ctx(), &edits).unwrap());
    let set = &store.get_object(&id, "2026-11-01").unwrap().current.content.sets[0];
    assert_eq!((set.levels.k, set.motivations.k.as_str()), (Some(3), "Bank details and salaries."));
    assert_eq!(set.levels.t, Some(1), "the English A column is availability (Swedish T)");
    assert_eq!(
        store.requirements(&id).unwrap().items[0].assessment.as_ref().map(|a| a.answer),
        Some(Answer::DelvisUppfyllt)
    );
}

/// Every kind of change (facts, levels, motivations, a new set, an answer, an action's
/// words, a new action, a risk's words, a new risk, a conflict) as the preview lists it.
fn change_list(lang: Lang) -> Vec<String> {
    use infoklass_core::requirements::{ActionStatus, Priority};
    use infoklass_core::risk::Treatment;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let mut edits = read_workbook(&export(&store, &id, lang)).unwrap();
    // Changed in the app after the export: the workbook's other value is a conflict.
    let mut detail = store.get_object(&id, "2026-11-01").unwrap();
    detail.current.content.sets[0].motivations.r = "Ändrad i appen.".into();
    store.save_draft(&Ctx { now: "2026-11-01T09:00:00Z".into(), ..ctx() }, &id, &detail.current.content).unwrap();
    edits.sets[0].motivations.r = "Ändrad i arbetsboken.".into();
    edits.facts.unit = "Ekonomi och lön".into();
    edits.sets[0].levels.k = Some(3);
    let mut new_set = edits.sets[0].clone();
    (new_set.id, new_set.name, new_set.levels.t) = (String::new(), "Lönelista".into(), None);
    edits.sets.push(new_set);
    edits.answers[0].answer = Some(Answer::Uppfyllt);
    edits.answers[1].comment = "Utan svar.".into();
    (edits.actions[0].priority, edits.actions[0].status) = (Priority::Lag, ActionStatus::Pagar);
    let mut new_action = edits.actions[0].clone();
    (new_action.id, new_action.measure) = (None, "Utbilda personalen".into());
    edits.actions.push(new_action);
    (edits.risks[0].treatment, edits.risks[0].aspects) = (Some(Treatment::Acceptera), vec![infoklass_core::Aspect::K]);
    let mut new_risk = edits.risks[0].clone();
    (new_risk.id, new_risk.event, new_risk.probability, new_risk.consequence) = (None, "Brand".into(), 1, 3);
    edits.risks.push(new_risk);
    let mut plan = store.workbook_plan(&edits, "2026-11-01").unwrap();
    infoklass_files::plan_words::localize(&mut plan, lang);
    let changes = plan.changes.iter().map(|c| format!("{} · {} · {}: {} → {}", c.sheet, c.item, c.field, c.old, c.new));
    let conflicts = plan
        .conflicts
        .iter()
        .map(|c| format!("{} · {} · {}: {} / {} / {:?}", c.sheet, c.item, c.field, c.database, c.workbook, c.exported));
    changes.chain(conflicts).collect()
}

#[test]
fn the_change_list_of_a_workbook_sent_back_follows_the_language() {
    let en = change_list(Lang::En);
    let sv = change_list(Lang::Sv);
    let words = |lines: &[String]| -> Vec<String> {
        lines.iter().flat_map(|l| l.split([':', '·', '→', '/']).map(|w| w.trim().to_string())).collect()
    };
    let found = swedish_in(&words(&en)).into_iter().cloned().collect::<Vec<_>>();
    assert!(found.is_empty(), "Swedish labels in the English change list: {found:?}");
    assert!(swedish_in(&words(&sv)).len() > 10, "the check finds the Swedish labels");
    assert!(en.contains(&"Classification · Lönelista · new information set:  → C3 I3 A T2".to_string()), "{en:#?}");
    assert!(en.contains(&"Risk analysis · Brand · new risk:  → P1 × C3".to_string()), "{en:#?}");
    // The Swedish list reads as it always has.
    assert_eq!(
        sv,
        [
            "Översikt · Ekonomisystem · Förvaltning / enhet: Ekonomi → Ekonomi och lön",
            "Klassning · Leverantörsregister · K: 2 → 3",
            "Klassning · Lönelista · ny informationsmängd:  → K3 R3 T S2",
            "Krav · BEH-01 · Självskattning: Delvis uppfyllt → Uppfyllt",
            "Krav · BEH-02 · Kommentar (sparas inte utan svar):  → Utan svar.",
            "Handlingsplan · Inför flerfaktorsinloggning · Prioritet: Hög → Låg",
            "Handlingsplan · Inför flerfaktorsinloggning · Status: Ej påbörjad → Pågår",
            "Handlingsplan · Utbilda personalen · ny åtgärd:  → Utbilda personalen",
            "Riskanalys · Kapat konto · Aspekter: R, S → K",
            "Riskanalys · Kapat konto · Hantering: Reducera → Acceptera",
            "Riskanalys · Brand · ny risk:  → S1 × K3",
            "Klassning · Leverantörsregister · Motivering R: Ändrad i appen. / Ändrad i arbetsboken. / Some(\"Kontonummer.\")",
        ]
    );
}
