//! The Infoklass workbook: written by us, edited by other programs (openpyxl, LibreOffice),
//! read back, and applied to the same object.

use infoklass_core::labels::Lang;
use std::path::Path;
use std::process::Command;

use infoklass_core::requirements::{ActionStatus, Answer};
use infoklass_files::workbook::read::read_workbook;
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, RiskInput, Store};

/// The plan as the Swedish preview shows it (the store names fields by label key).
fn sv(mut plan: infoklass_store::WorkbookPlan) -> infoklass_store::WorkbookPlan {
    infoklass_files::plan_words::localize(&mut plan, infoklass_core::labels::Lang::Sv);
    plan
}
fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

const OBJECT: &str = r#"{
  "meta": { "name": "Ekonomisystem", "kind": "system", "unit": "Ekonomi", "information_owner": "Ekonomichef",
            "participants": ["Ekonomichef", "Samordnare"], "classification_date": "2026-03-01", "next_review": "2027-03-01" },
  "content": { "sets": [
    { "name": "=HYPERLINK(\"http://example.invalid\",\"Leverantörsfakturor\")", "levels": { "K": 1, "R": 3, "T": 2, "S": 2 },
      "motivations": { "K": "Allmänna handlingar.", "R": "Felaktiga utbetalningar.", "T": "Kan vänta ett dygn.", "S": "Attester följs upp." } },
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
        event: "Kapat konto ändrar kontonummer".into(),
        consequence_text: "Utbetalning till fel mottagare".into(),
        aspects: vec![infoklass_core::Aspect::R],
        probability: 2,
        consequence: 4,
        ..Default::default()
    };
    store.save_risk(&ctx(), &id, &RiskInput { risk, new_actions: vec!["Inför flerfaktorsinloggning".into()] }).unwrap();
    (store, id)
}

fn export(store: &Store, id: &str) -> Vec<u8> {
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    object_workbook(&gather(store, id, "2026-11-01").unwrap(), &stamp, Lang::Sv).unwrap()
}

#[test]
fn export_then_import_without_edits_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let edits = read_workbook(&export(&store, &id)).unwrap();
    assert_eq!(edits.object_id, id);
    assert_eq!(edits.sets.len(), 2);
    assert!(edits.sets[0].name.starts_with("=HYPERLINK"), "formula-like text stays text: {}", edits.sets[0].name);
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    assert!(plan.changes.is_empty(), "{:#?}", plan.changes);
}

#[test]
fn a_workbook_saved_again_by_libreoffice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let ours = dir.path().join("ours.xlsx");
    std::fs::write(&ours, export(&store, &id)).unwrap();
    let out = dir.path().join("lo");
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir"])
        .arg(&out)
        .arg(&ours)
        .env("HOME", dir.path())
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let edits = read_workbook(&std::fs::read(out.join("ours.xlsx")).unwrap()).unwrap();
    assert!(edits.exported.as_ref().is_some_and(|rows| rows.len() > 2), "the exported values survive LibreOffice");
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    assert!(plan.changes.is_empty() && plan.conflicts.is_empty(), "{plan:#?}");
}

#[test]
fn edits_made_in_another_program_show_exactly_and_apply_to_the_same_object() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let (before, after) = (dir.path().join("before.xlsx"), dir.path().join("after.xlsx"));
    std::fs::write(&before, export(&store, &id)).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/edit_workbook.py");
    // Debian's python3 with python3-openpyxl (scripts/setup.sh installs it).
    let run = Command::new("/usr/bin/python3").arg(script).arg(&before).arg(&after).output().expect("python3");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));

    let edits = read_workbook(&std::fs::read(&after).unwrap()).unwrap();
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    let mut seen: Vec<(String, String, String, String)> =
        plan.changes.iter().map(|c| (c.sheet.clone(), c.field.clone(), c.old.clone(), c.new.clone())).collect();
    seen.sort();
    let first_key = store.requirements(&id).unwrap().items[0].key.clone();
    let mut expected = vec![
        ("Klassning".to_string(), "K".to_string(), "1".to_string(), "2".to_string()),
        ("Klassning".into(), "ny informationsmängd".into(), String::new(), "K1 R2 T1 S1".into()),
        ("Krav".into(), "Självskattning".into(), String::new(), "Delvis uppfyllt".into()),
        ("Riskanalys".into(), "Sannolikhet".into(), "2".into(), "4".into()),
    ];
    expected.sort();
    assert_eq!(seen, expected, "{:#?}", plan.changes);
    assert!(plan.changes.iter().any(|c| c.sheet == "Krav" && c.item == first_key));

    sv(store.apply_workbook(&ctx(), &edits).unwrap());
    let detail = store.get_object(&id, "2026-11-01").unwrap();
    assert_eq!(detail.current.content.sets.len(), 3);
    assert_eq!(detail.current.content.sets[0].levels.k, Some(2));
    let answer = store.requirements(&id).unwrap().items[0].assessment.clone().unwrap();
    assert_eq!(answer.answer.name_sv(), "Delvis uppfyllt");
    assert_eq!(store.risk_analysis(&id).unwrap().risks[0].risk.probability, 4);
    // Reading the same workbook again now finds nothing to do.
    let again =
        sv(store.workbook_plan(&read_workbook(&std::fs::read(&after).unwrap()).unwrap(), "2026-11-01").unwrap());
    assert!(again.changes.is_empty(), "{:#?}", again.changes);
}

#[test]
fn english_words_typed_into_the_workbook_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let path = dir.path().join("english.xlsx");
    std::fs::write(&path, export(&store, &id)).unwrap();
    // G5: the first requirement's self-assessment; G5 of the action plan: the first status.
    let script = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n\
        wb['Krav']['G5'] = 'Partly met'\nwb['Handlingsplan']['G5'] = 'in progress'\nwb.save(sys.argv[1])\n";
    let run = Command::new("/usr/bin/python3").args(["-c", script]).arg(&path).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let edits = read_workbook(&std::fs::read(&path).unwrap()).unwrap();
    let answers: Vec<_> = edits.answers.iter().map(|a| a.answer).collect();
    assert!(answers.contains(&Some(Answer::DelvisUppfyllt)), "{:?}", edits.answers);
    assert!(edits.actions.iter().any(|a| a.status == ActionStatus::Pagar), "{:?}", edits.actions);
}

#[test]
fn a_bad_cell_is_reported_with_its_address_and_nothing_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let path = dir.path().join("bad.xlsx");
    std::fs::write(&path, export(&store, &id)).unwrap();
    let script = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb['Klassning']['E5'] = 7\nwb.save(sys.argv[1])\n";
    let run = Command::new("/usr/bin/python3").args(["-c", script]).arg(&path).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let problems = read_workbook(&std::fs::read(&path).unwrap()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].sheet.as_str(), problems[0].cell.as_str()), ("Klassning", "E5"));
    assert!(problems[0].message_sv.contains("\"7\""), "{}", problems[0].message_sv);
}

#[test]
fn an_emptied_answer_is_taken_back_and_text_without_an_answer_is_shown_as_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let items = store.requirements(&id).unwrap().items;
    let (answered, open) = (items[0].key.clone(), items[1].key.clone());
    let a = infoklass_core::requirements::Assessment {
        key: answered.clone(),
        answer: infoklass_core::requirements::Answer::EjUppfyllt,
        comment: "Saknas helt".into(),
        evidence: String::new(),
    };
    store.save_assessment(&ctx(), &id, &a).unwrap();
    assert!(store
        .action_plan(&id, "2026-11-01")
        .unwrap()
        .iter()
        .any(|x| x.requirement_key.as_deref() == Some(answered.as_str())));

    // In another program: the answer of the first requirement is emptied, the second gets a
    // comment but no answer.
    let path = dir.path().join("edited.xlsx");
    std::fs::write(&path, export(&store, &id)).unwrap();
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Krav']
head = next(r for r in ws.iter_rows() if any(c.value == 'Självskattning' for c in r))
col = {c.value: c.column for c in head}
for row in ws.iter_rows(min_row=head[0].row + 1):
    key = row[col['Krav-ID'] - 1].value
    if key == sys.argv[2]:
        ws.cell(row=row[0].row, column=col['Självskattning']).value = None
    if key == sys.argv[3]:
        ws.cell(row=row[0].row, column=col['Kommentar']).value = 'Utreds'
wb.save(sys.argv[1])
"#;
    let run =
        Command::new("/usr/bin/python3").args(["-c", script]).arg(&path).arg(&answered).arg(&open).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));

    let edits = read_workbook(&std::fs::read(&path).unwrap()).unwrap();
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    let seen: Vec<(&str, &str, &str, &str)> =
        plan.changes.iter().map(|c| (c.item.as_str(), c.field.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(
        seen,
        [
            (answered.as_str(), "Självskattning", "Ej uppfyllt", ""),
            (open.as_str(), "Kommentar (sparas inte utan svar)", "", "Utreds")
        ]
    );

    sv(store.apply_workbook(&ctx(), &edits).unwrap());
    let items = store.requirements(&id).unwrap().items;
    assert!(items[0].assessment.is_none() && items[1].assessment.is_none());
    let plan = store.action_plan(&id, "2026-11-01").unwrap();
    assert!(
        !plan.iter().any(|x| x.requirement_key.as_deref() == Some(answered.as_str())),
        "the untouched action went with the answer"
    );
}
