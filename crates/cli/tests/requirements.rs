//! Requirements, self-assessment, procurement and the catalogue through the real binary.

mod common;

use common::{infoklass, ok};

use std::path::Path;

fn object_file(dir: &Path, name: &str, levels: &str) -> String {
    let path = dir.join(format!("{name}.toml"));
    let m = "motivations = { K = \"m\", R = \"m\", T = \"m\", S = \"m\" }";
    std::fs::write(&path, format!("[object]\nname = \"{name}\"\n[[sets]]\nname = \"Mängd\"\nlevels = {levels}\n{m}\n"))
        .unwrap();
    path.display().to_string()
}

#[test]
fn requirements_assessment_and_procurement() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    ok(infoklass(&db, &["new", &object_file(dir.path(), "Ekonomisystem", "{ K = 2, R = 3, T = 2, S = 1 }")]));
    ok(infoklass(&db, &["new", &object_file(dir.path(), "Lönesystem", "{ K = 2, R = 2, T = 1, S = 2 }")]));
    ok(infoklass(&db, &["new", &object_file(dir.path(), "Skyddat", "{ K = 4, R = 1, T = 1, S = 1 }")]));

    let view: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["requirements", "Ekonomisystem", "--json"]))).unwrap();
    assert_eq!(view["profile"], "K2 R3 T2 S1");
    let items = view["items"].as_array().unwrap();
    let key = items.iter().find(|i| i["reasons"][0]["kind"] == "level").unwrap()["key"].as_str().unwrap().to_string();
    let text = ok(infoklass(&db, &["requirements", "Ekonomisystem"]));
    assert!(text.contains("grundskydd") && text.contains("R ≥ 3"), "{text}");

    ok(infoklass(&db, &["assess", "Ekonomisystem", &key, "ej_uppfyllt", "--comment", "Saknas"]));
    let plan: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["actions", "Ekonomisystem", "--json"]))).unwrap();
    assert_eq!(plan[0]["requirement_key"], key.as_str());
    let refused = infoklass(&db, &["assess", "Ekonomisystem", &key, "ej_tillampligt"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("[NOT_APPLICABLE_NEEDS_MOTIVATION]"));
    // "inget" takes the answer back, and the untouched action with it.
    assert_eq!(ok(infoklass(&db, &["assess", "Ekonomisystem", &key, "inget"])).trim(), format!("{key}: inget svar"));
    let plan: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["actions", "Ekonomisystem", "--json"]))).unwrap();
    assert_eq!(plan.as_array().unwrap().len(), 0);

    let suppressed = ok(infoklass(&db, &["requirements", "Skyddat"]));
    assert!(suppressed.contains("säkerhetsskyddschefen"), "{suppressed}");

    let xlsx = dir.path().join("krav.xlsx");
    let said = ok(infoklass(
        &db,
        &[
            "procurement",
            "Ekonomisystem",
            "Lönesystem",
            "Skyddat",
            "--out",
            xlsx.to_str().unwrap(),
            "--name",
            "Ekonomi",
        ],
    ));
    assert!(said.contains("för 2 objekt"), "{said}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let csv = dir.path().join("krav.csv");
    ok(infoklass(&db, &["procurement", "Ekonomisystem", "--out", csv.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&csv).unwrap().contains("Krav-ID;"));
    let json = dir.path().join("krav.json");
    ok(infoklass(&db, &["procurement", "Ekonomisystem", "Lönesystem", "--out", json.to_str().unwrap()]));
    let view: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let keys: Vec<&str> = view["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique, "a union without duplicates");

    let only_level4 = infoklass(&db, &["procurement", "Skyddat", "--out", dir.path().join("x.xlsx").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&only_level4.stderr);
    assert!(!only_level4.status.success() && err.contains("nivå 4") && err.contains("[NO_REQUIREMENTS]"), "{err}");
}

#[test]
fn the_catalogue_goes_out_and_a_new_version_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let file = dir.path().join("katalog.xlsx");
    ok(infoklass(&db, &["catalog", "export", file.to_str().unwrap()]));
    let same = infoklass(&db, &["catalog", "import", file.to_str().unwrap(), "--dry-run"]);
    assert!(String::from_utf8_lossy(&same.stderr).contains("[CATALOG_VERSION_EXISTS]"));
    let broken = dir.path().join("trasig.xlsx");
    std::fs::write(&broken, b"inte en arbetsbok").unwrap();
    let out = infoklass(&db, &["catalog", "import", broken.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("not a workbook") && err.contains("[BAD_CATALOG]"), "{err}");
    let list = ok(infoklass(&db, &["catalog", "list"]));
    assert_eq!(list.lines().count(), 1, "{list}");
}
