//! The threat catalogue through the real binary: export, edit the file as a person would,
//! preview, import, and a broken file that changes nothing.

mod common;

use common::infoklass;

use std::process::Output;

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_edited_catalogue_file_is_previewed_then_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let file = dir.path().join("hot.toml");
    let path = file.to_str().unwrap();
    assert!(infoklass(&db, &["threats", "export", path]).status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Infoklass hotkatalog"), "guidance for the editor first");

    // A person renames HOT-02, deletes the HOT-03 block and adds a threat of their own.
    let start = text.find("[[threats]]\nkey = \"HOT-03\"").unwrap();
    let end = start + text[start + 1..].find("[[threats]]").unwrap() + 1;
    let edited = format!(
        "{}{}\n[[threats]]\nkey = \"EGEN-01\"\norigin = \"teknik\"\nname_sv = \"Licensservern går ner\"\nname_en = \"\"\ndescription_sv = \"\"\ncause_sv = \"\"\nconsequence_sv = \"\"\naspects = [\"T\"]\n",
        &text[..start],
        &text[end..]
    )
    .replace("name_sv = \"Utpressningsprogram\"", "name_sv = \"Utpressningsprogram (ransomware)\"");
    std::fs::write(&file, edited).unwrap();

    let preview = json(&infoklass(&db, &["threats", "import", path, "--dry-run", "--json"]));
    assert_eq!(preview["created"], serde_json::json!(["EGEN-01"]));
    assert_eq!(preview["updated"], serde_json::json!(["HOT-02"]));
    assert_eq!(preview["retired"], serde_json::json!(["HOT-03"]));
    let list = json(&infoklass(&db, &["threats", "list", "--json"]));
    assert!(
        list["threats"].as_array().unwrap().iter().all(|e| e["threat"]["key"] != "EGEN-01"),
        "a dry run writes nothing"
    );

    let done = infoklass(&db, &["threats", "import", path]);
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(said.contains("1 nya (EGEN-01), 1 ändrade (HOT-02), 1 tas ur bruk (HOT-03)"), "{said}");
    let list = json(&infoklass(&db, &["threats", "list", "--json"]));
    let find = |key: &str| {
        list["threats"].as_array().unwrap().iter().find(|e| e["threat"]["key"] == key).unwrap()["threat"].clone()
    };
    assert_eq!(find("HOT-03")["retired"], true);
    assert_eq!(find("EGEN-01")["origin"], "teknik");
}

#[test]
fn a_broken_file_is_refused_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let file = dir.path().join("hot.toml");
    std::fs::write(&file, "id = \"x\"\nversion = \"1\"\n[[origins]]\nkey = \"teknik\"\nname_sv = \"Teknik\"\nname_en = \"\"\n[[threats]]\nkey = \"HOT-01\"\norigin = \"rymden\"\nname_sv = \"X\"\nname_en = \"\"\ndescription_sv = \"\"\ncause_sv = \"\"\nconsequence_sv = \"\"\naspects = [\"K\"]\n").unwrap();
    let before = infoklass(&db, &["threats", "list", "--json"]).stdout;
    let out = infoklass(&db, &["threats", "import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[THREAT_FILE_INVALID]") && err.contains("rymden") && err.lines().count() == 1, "{err}");
    assert_eq!(infoklass(&db, &["threats", "list", "--json"]).stdout, before);
}
