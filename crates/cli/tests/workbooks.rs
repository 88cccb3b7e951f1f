//! Import and export of workbooks through the real binary: the two shared ISAK samples,
//! a broken file in the same batch, re-import, and the Infoklass workbook round trip.

mod common;

use common::{fixture, infoklass};

use std::process::Command;

#[test]
fn a_folder_of_isak_workbooks_imports_once_and_names_the_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let folder = dir.path().join("isak");
    std::fs::create_dir(&folder).unwrap();
    for f in ["ekonomisystem.xls", "journalsystem.xlsx"] {
        std::fs::copy(fixture(f), folder.join(f)).unwrap();
    }
    std::fs::write(folder.join("trasig.xlsx"), b"PK\x03\x04 not really a workbook").unwrap();
    let folder = folder.to_str().unwrap();

    let preview = infoklass(&db, &["import", folder, "--dry-run", "--json"]);
    assert!(!preview.status.success(), "a broken file makes the exit code non-zero");
    let report: serde_json::Value = serde_json::from_slice(&preview.stdout).unwrap();
    let files = report.as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["legacy"]["outcome"], "created");
    assert_eq!(files[1]["legacy"]["sets"], 5);
    assert!(files[2]["file_name"].as_str().unwrap().ends_with("trasig.xlsx"));
    assert!(files[2]["failure"]["code"].as_str().unwrap().starts_with("IMPORT_"), "{}", files[2]);
    let listed = infoklass(&db, &["objects", "--json"]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&listed.stdout).unwrap()["items"].as_array().unwrap().len(),
        0,
        "a dry run writes nothing"
    );

    let imported = infoklass(&db, &["import", folder]);
    let text = String::from_utf8_lossy(&imported.stdout);
    assert!(text.contains("Ekonomisystem: nytt objekt") && text.contains("trasig.xlsx: kan inte importeras"), "{text}");
    let again = infoklass(&db, &["import", &fixture("journalsystem.xlsx")]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("redan importerad"));

    let show: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["show", "Ekonomisystem", "--json"]).stdout).unwrap();
    assert_eq!(show["object"]["current"]["profile"]["text"], "K1 R3 T2 S–");
    assert_eq!(show["object"]["meta"]["description"], "Importerad från ISAK (ekonomisystem.xls).");
    let risks: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["risks", "Ekonomisystem", "--json"]).stdout).unwrap();
    let values: Vec<u64> = risks["risks"].as_array().unwrap().iter().map(|r| r["value"].as_u64().unwrap()).collect();
    assert_eq!(values, [9, 6]);
}

#[test]
fn an_exported_workbook_reads_back_without_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    assert!(infoklass(&db, &["import", &fixture("journalsystem.xlsx")]).status.success());
    let out = dir.path().join("journal.xlsx");
    let export = infoklass(&db, &["export", "Vårdinformationssystem (journal)", "--out", out.to_str().unwrap()]);
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let back = infoklass(&db, &["import", out.to_str().unwrap(), "--dry-run", "--json"]);
    assert!(back.status.success(), "{}", String::from_utf8_lossy(&back.stdout));
    let report: serde_json::Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_eq!(report[0]["kind"], "infoklass");
    assert_eq!(report[0]["workbook"]["changes"].as_array().unwrap().len(), 0, "{}", report[0]);
}

#[test]
fn a_dry_run_lists_each_cell_left_empty_and_the_file_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Klassning").unwrap();
    ws.write_string(0, 0, "IT-stöd:").unwrap();
    ws.write_string(0, 1, "Kassasystem").unwrap();
    for (c, h) in ["Nr", "Informationsmängd", "Konfidentialitet", "Riktighet", "Tillgänglighet"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_row(3, 0, [1.0, 0.0, 7.0, 3.0, 2.0]).unwrap();
    ws.write_string(3, 1, "Kassaflöde").unwrap();
    let file = dir.path().join("kassa.xlsx");
    wb.save(&file).unwrap();
    let file = file.to_str().unwrap();

    let preview = infoklass(&db, &["import", file, "--dry-run", "--json"]);
    assert!(preview.status.success(), "{}", String::from_utf8_lossy(&preview.stderr));
    let report: serde_json::Value = serde_json::from_slice(&preview.stdout).unwrap();
    let f = &report[0];
    assert_eq!(f["ok"], true);
    let bad = f["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "LEVEL_OUT_OF_RANGE").unwrap();
    assert_eq!((bad["sheet"].as_str(), bad["cell"].as_str()), (Some("Klassning"), Some("C4")));
    assert_eq!(bad["message_sv"], "Klassning!C4: \"7\" är inte en ISAK-nivå (1–4); cellen lämnas tom");
    assert!(f["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "CELLS_LEFT_EMPTY"), "{f}");

    assert!(infoklass(&db, &["import", file]).status.success());
    let show: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["show", "Kassasystem", "--json"]).stdout).unwrap();
    assert_eq!(show["object"]["current"]["profile"]["text"], "K– R2 T1 S–");
}

/// The lost update of the round trip: two copies of one export, edited by two people with
/// openpyxl; the second import keeps the first one's changes and reports its own conflict.
#[test]
fn two_copies_of_one_export_do_not_revert_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let example = format!("{}/../../docs/examples/ekonomisystem.toml", env!("CARGO_MANIFEST_DIR"));
    assert!(infoklass(&db, &["new", &example]).status.success());
    let base = dir.path().join("base.xlsx");
    assert!(infoklass(&db, &["export", "Ekonomisystem", "--out", base.to_str().unwrap()]).status.success());
    let show: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["show", "Ekonomisystem", "--json"]).stdout).unwrap();
    let sets = show["object"]["current"]["content"]["sets"].as_array().unwrap().clone();
    let (first, second) = (sets[0]["name"].as_str().unwrap(), sets[1]["name"].as_str().unwrap());
    let reqs: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["requirements", "Ekonomisystem", "--json"]).stdout).unwrap();
    let key = reqs["items"][0]["key"].as_str().unwrap();

    let script = format!("{}/../files/tests/scripts/set_cells.py", env!("CARGO_MANIFEST_DIR"));
    let edit = |out: &str, args: &[&str]| {
        let done = Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(&base)
            .arg(dir.path().join(out))
            .args(args)
            .output()
            .unwrap();
        assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
        dir.path().join(out).display().to_string()
    };
    let a = edit(
        "a.xlsx",
        &[
            "Klassning",
            "Informationsmängd",
            first,
            "Motivering K",
            "A:s ändring",
            "Krav",
            "Krav-ID",
            key,
            "Självskattning",
            "Uppfyllt",
        ],
    );
    let b = edit(
        "b.xlsx",
        &[
            "Klassning",
            "Informationsmängd",
            second,
            "Motivering K",
            "B:s ändring",
            "Klassning",
            "Informationsmängd",
            first,
            "Motivering K",
            "B:s version",
        ],
    );

    assert!(infoklass(&db, &["import", &a]).status.success());
    let preview = infoklass(&db, &["import", &b, "--dry-run", "--json"]);
    assert!(!preview.status.success(), "a conflict makes the exit code non-zero");
    let report: serde_json::Value = serde_json::from_slice(&preview.stdout).unwrap();
    let conflicts = report[0]["workbook"]["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{}", report[0]);
    assert_eq!(conflicts[0]["field"], "Motivering K");
    assert_eq!(conflicts[0]["database"], "A:s ändring");
    assert_eq!(conflicts[0]["workbook"], "B:s version");
    assert_eq!(report[0]["workbook"]["changes"].as_array().unwrap().len(), 1, "{}", report[0]);
    // The same preview in English: sheet, column and conflict in the English labels.
    let english = infoklass(&db, &["import", &b, "--dry-run", "--json", "--lang", "en"]);
    let report: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
    let (change, conflict) = (&report[0]["workbook"]["changes"][0], &report[0]["workbook"]["conflicts"][0]);
    assert_eq!((&change["sheet"], &change["field"]), (&"Classification".into(), &"Motivation C".into()));
    assert_eq!((&conflict["sheet"], &conflict["field"]), (&"Classification".into(), &"Motivation C".into()));

    let imported = infoklass(&db, &["import", &b]);
    let stderr = String::from_utf8_lossy(&imported.stderr);
    assert!(stderr.contains("[IMPORT_CONFLICT]"), "{stderr}");
    assert!(String::from_utf8_lossy(&imported.stdout).contains("KONFLIKT, sparas inte"));
    let show: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["show", "Ekonomisystem", "--json"]).stdout).unwrap();
    let sets = show["object"]["current"]["content"]["sets"].as_array().unwrap();
    assert_eq!(sets[0]["motivations"]["K"], "A:s ändring");
    assert_eq!(sets[1]["motivations"]["K"], "B:s ändring");
    let reqs: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["requirements", "Ekonomisystem", "--json"]).stdout).unwrap();
    assert_eq!(reqs["items"][0]["assessment"]["answer"], "uppfyllt", "A's answer is kept");
}
