//! Two people export the same object and edit their copies: the second import must not
//! revert the first one's changes (three-way merge per field against the values at export).
//! The copies are edited with openpyxl, another program than ours.

use infoklass_core::labels::Lang;
use std::path::Path;
use std::process::Command;

use infoklass_files::workbook::read::read_workbook;
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, Store, WorkbookConflict};

/// The plan as the Swedish preview shows it (the store names fields by label key).
fn sv(mut plan: infoklass_store::WorkbookPlan) -> infoklass_store::WorkbookPlan {
    infoklass_files::plan_words::localize(&mut plan, infoklass_core::labels::Lang::Sv);
    plan
}
fn ctx_at(now: &str) -> Ctx {
    Ctx { actor: "test".into(), now: now.into(), today: "2026-11-01".into() }
}

fn ctx() -> Ctx {
    ctx_at("2026-11-01T08:00:00Z")
}

const OBJECT: &str = r#"{
  "meta": { "name": "Ekonomisystem", "kind": "system", "unit": "Ekonomi", "information_owner": "Ekonomichef" },
  "content": { "sets": [
    { "name": "Leverantörsfakturor", "levels": { "K": 1, "R": 3, "T": 2, "S": 2 },
      "motivations": { "K": "Fakturor är allmänna handlingar.", "R": "Felaktiga utbetalningar.", "T": "Kan vänta ett dygn.", "S": "Attester följs upp." } },
    { "name": "Leverantörsregister", "levels": { "K": 2, "R": 3, "T": 1, "S": 2 },
      "motivations": { "K": "Bankuppgifter.", "R": "Kontonummer.", "T": "Vid betalkörning.", "S": "Spårbara ändringar." } }
  ] }
}"#;

fn seeded(dir: &Path) -> (Store, String) {
    let mut store = Store::open(&dir.join("db.sqlite")).unwrap();
    let new: NewObject = serde_json::from_str(OBJECT).unwrap();
    let id = store.create_object(&ctx(), &new).unwrap();
    (store, id)
}

/// Exports the object to `name` in `dir`.
fn export(store: &Store, id: &str, dir: &Path, name: &str) -> std::path::PathBuf {
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    let path = dir.join(name);
    std::fs::write(&path, object_workbook(&gather(store, id, "2026-11-01").unwrap(), &stamp, Lang::Sv).unwrap())
        .unwrap();
    path
}

/// Copies `src` to `dst` with the cells set by `set_cells.py` (groups of five arguments).
fn edit(src: &Path, dst: &Path, args: &[&str]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/set_cells.py");
    let run = Command::new("/usr/bin/python3")
        .arg(script)
        .args(args.iter().take_while(|a| **a == "--v1"))
        .arg(src)
        .arg(dst)
        .args(args.iter().skip_while(|a| **a == "--v1"))
        .output()
        .expect("python3 with openpyxl");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

fn import(store: &mut Store, path: &Path, now: &str) -> infoklass_store::WorkbookPlan {
    let edits = read_workbook(&std::fs::read(path).unwrap()).unwrap();
    sv(store.apply_workbook(&ctx_at(now), &edits).unwrap())
}

fn motivation_k(store: &Store, id: &str, set: &str) -> String {
    let detail = store.get_object(id, "2026-11-01").unwrap();
    detail.current.content.sets.iter().find(|s| s.name == set).unwrap().motivations.k.clone()
}

const SET: [&str; 2] = ["Klassning", "Informationsmängd"];

#[test]
fn the_second_import_keeps_the_first_ones_changes_and_reports_its_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let key = store.requirements(&id).unwrap().items[0].key.clone();
    let base = export(&store, &id, dir.path(), "base.xlsx");
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    edit(
        &base,
        &a,
        &[
            SET[0],
            SET[1],
            "Leverantörsfakturor",
            "Motivering K",
            "A:s ändring",
            "Krav",
            "Krav-ID",
            &key,
            "Självskattning",
            "Uppfyllt",
        ],
    );
    edit(
        &base,
        &b,
        &[
            SET[0],
            SET[1],
            "Leverantörsregister",
            "Motivering K",
            "B:s ändring",
            SET[0],
            SET[1],
            "Leverantörsfakturor",
            "Motivering R",
            "B ändrar R",
        ],
    );
    // B also changes A's motivation, to something else.
    let b2 = dir.path().join("b2.xlsx");
    edit(&b, &b2, &[SET[0], SET[1], "Leverantörsfakturor", "Motivering K", "B:s version"]);

    let first = import(&mut store, &a, "2026-11-01T09:00:00Z");
    assert_eq!(first.changes.len(), 2, "{:#?}", first.changes);
    assert!(first.conflicts.is_empty());

    let edits = read_workbook(&std::fs::read(&b2).unwrap()).unwrap();
    let preview = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    let second = sv(store.apply_workbook(&ctx_at("2026-11-01T10:00:00Z"), &edits).unwrap());
    assert_eq!(preview, second, "the preview shows exactly what is applied");
    assert_eq!(
        second.conflicts,
        vec![WorkbookConflict {
            sheet: "Klassning".into(),
            item: "Leverantörsfakturor".into(),
            field: "Motivering K".into(),
            database: "A:s ändring".into(),
            workbook: "B:s version".into(),
            exported: Some("Fakturor är allmänna handlingar.".into()),
            removed: false,
        }]
    );
    let mut fields: Vec<&str> = second.changes.iter().map(|c| c.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["Motivering K", "Motivering R"], "{:#?}", second.changes);
    assert!(!second.changes.iter().any(|c| c.sheet == "Krav"), "A's answer is not taken back: {:#?}", second.changes);

    // Nothing of A is reverted; B's own changes arrived.
    assert_eq!(motivation_k(&store, &id, "Leverantörsfakturor"), "A:s ändring");
    assert_eq!(motivation_k(&store, &id, "Leverantörsregister"), "B:s ändring");
    let answer = store.requirements(&id).unwrap().items[0].assessment.clone().expect("A's answer is kept");
    assert_eq!(answer.answer.name_sv(), "Uppfyllt");
    let detail = store.get_object(&id, "2026-11-01").unwrap();
    assert_eq!(detail.current.content.sets[0].motivations.r, "B ändrar R");
}

#[test]
fn the_same_change_in_both_copies_is_no_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let base = export(&store, &id, dir.path(), "base.xlsx");
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    let same = [SET[0], SET[1], "Leverantörsfakturor", "K", "3"];
    edit(&base, &a, &same);
    edit(&base, &b, &same);
    assert_eq!(import(&mut store, &a, "2026-11-01T09:00:00Z").changes.len(), 1);
    let second = import(&mut store, &b, "2026-11-01T10:00:00Z");
    assert!(second.conflicts.is_empty() && second.changes.is_empty(), "{second:#?}");
    assert_eq!(store.get_object(&id, "2026-11-01").unwrap().current.content.sets[0].levels.k, Some(3));
}

#[test]
fn a_field_changed_only_in_the_database_is_kept_and_one_changed_only_in_the_workbook_applies() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let base = export(&store, &id, dir.path(), "base.xlsx");
    // In the app, after the export: set 2's K motivation and a fact.
    let mut detail = store.get_object(&id, "2026-11-01").unwrap();
    detail.current.content.sets[1].motivations.k = "Ändrad i appen.".into();
    store.save_draft(&ctx_at("2026-11-01T09:00:00Z"), &id, &detail.current.content).unwrap();
    let mut meta = detail.meta.clone();
    meta.supplier = "Leverantör AB".into();
    store.update_object(&ctx_at("2026-11-01T09:00:00Z"), &id, &meta).unwrap();

    let edited = dir.path().join("edited.xlsx");
    edit(&base, &edited, &[SET[0], SET[1], "Leverantörsfakturor", "T", "3"]);
    let plan = import(&mut store, &edited, "2026-11-01T10:00:00Z");
    assert!(plan.conflicts.is_empty(), "{:#?}", plan.conflicts);
    assert_eq!(plan.changes.len(), 1, "{:#?}", plan.changes);
    let after = store.get_object(&id, "2026-11-01").unwrap();
    assert_eq!(after.current.content.sets[0].levels.t, Some(3));
    assert_eq!(after.current.content.sets[1].motivations.k, "Ändrad i appen.");
    assert_eq!(after.meta.supplier, "Leverantör AB");
}

#[test]
fn a_row_removed_in_the_database_is_not_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let base = export(&store, &id, dir.path(), "base.xlsx");
    let mut detail = store.get_object(&id, "2026-11-01").unwrap();
    detail.current.content.sets.remove(1);
    store.save_draft(&ctx_at("2026-11-01T09:00:00Z"), &id, &detail.current.content).unwrap();

    let unchanged =
        sv(store.workbook_plan(&read_workbook(&std::fs::read(&base).unwrap()).unwrap(), "2026-11-01").unwrap());
    assert!(unchanged.changes.is_empty() && unchanged.conflicts.is_empty(), "{unchanged:#?}");
    let edited = dir.path().join("edited.xlsx");
    edit(&base, &edited, &[SET[0], SET[1], "Leverantörsregister", "K", "3"]);
    let plan = import(&mut store, &edited, "2026-11-01T10:00:00Z");
    assert!(plan.changes.is_empty(), "{:#?}", plan.changes);
    assert_eq!(plan.conflicts.len(), 1);
    assert!(plan.conflicts[0].removed);
    assert_eq!(store.get_object(&id, "2026-11-01").unwrap().current.content.sets.len(), 1);
}

#[test]
fn a_version_1_workbook_still_imports_and_is_cautious_after_changes_since_its_export() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = seeded(dir.path());
    let base = export(&store, &id, dir.path(), "base.xlsx");
    let v1 = dir.path().join("v1.xlsx");
    edit(&base, &v1, &["--v1", SET[0], SET[1], "Leverantörsfakturor", "K", "2"]);
    let edits = read_workbook(&std::fs::read(&v1).unwrap()).unwrap();
    assert!(edits.exported.is_none());

    // Nothing changed since the export: applies as before.
    let plan = sv(store.workbook_plan(&edits, "2026-11-01").unwrap());
    assert_eq!(plan.changes.len(), 1, "{plan:#?}");
    assert!(plan.conflicts.is_empty());

    // Someone changed the object after the export: every difference on an existing row is
    // shown as a conflict without an exported value, and nothing is reverted.
    let mut detail = store.get_object(&id, "2026-11-01").unwrap();
    detail.current.content.sets[1].motivations.k = "Ändrad i appen.".into();
    store.save_draft(&ctx_at("2026-11-01T09:00:00Z"), &id, &detail.current.content).unwrap();
    let plan = sv(store.apply_workbook(&ctx_at("2026-11-01T10:00:00Z"), &edits).unwrap());
    assert!(plan.changes.is_empty(), "{:#?}", plan.changes);
    let mut fields: Vec<(&str, Option<&str>)> =
        plan.conflicts.iter().map(|c| (c.field.as_str(), c.exported.as_deref())).collect();
    fields.sort();
    assert_eq!(fields, [("K", None), ("Motivering K", None)]);
    assert_eq!(motivation_k(&store, &id, "Leverantörsregister"), "Ändrad i appen.");
}
