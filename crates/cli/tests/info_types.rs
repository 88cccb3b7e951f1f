//! The information types through the real binary: export, edit the file, preview, import.

mod common;

use common::infoklass;

#[test]
fn an_edited_list_is_previewed_then_imported_and_a_bad_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let file = dir.path().join("typer.toml");
    let path = file.to_str().unwrap();
    assert!(infoklass(&db, &["info-types", "export", path]).status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    // Only the patient journal's levels change (other types may share them).
    let journal = text.find("key = \"patientjournal\"").expect("the shipped patient journal type");
    let (head, tail) = text.split_at(journal);
    let tail = tail.replacen("levels = { K = 3, R = 3, T = 2, S = 3 }", "levels = { K = 3, R = 3, T = 3, S = 3 }", 1);
    let shipped = text.lines().filter(|l| l.trim() == "[[types]]").count();
    let edited = format!("{head}{tail}")
        + "\n[[types]]\nkey = \"bygglov\"\nname_sv = \"Bygglovsärenden\"\nname_en = \"\"\ndescription_sv = \"\"\nlevels = { K = 1, R = 2, T = 1, S = 1 }\n";
    assert_ne!(edited, text, "the patient journal type has the expected levels");
    std::fs::write(&file, edited).unwrap();

    let dry = infoklass(&db, &["info-types", "import", path, "--dry-run"]);
    assert_eq!(
        String::from_utf8_lossy(&dry.stdout).trim(),
        format!(
            "1 nya (bygglov), 1 ändrade (patientjournal), 0 tas ur bruk, {} oförändrade (inget sparat)",
            shipped - 1
        )
    );
    // The key alone ("bygglovsarende" ships with the list).
    let listed = String::from_utf8_lossy(&infoklass(&db, &["info-types", "list"]).stdout).to_string();
    assert!(!listed.lines().any(|l| l.trim_start().starts_with("bygglov ")), "{listed}");
    let done: serde_json::Value =
        serde_json::from_slice(&infoklass(&db, &["info-types", "import", path, "--json"]).stdout).unwrap();
    assert_eq!(done["created"], serde_json::json!(["bygglov"]));
    let list = String::from_utf8_lossy(&infoklass(&db, &["info-types", "list"]).stdout).to_string();
    assert!(
        list.contains("patientjournal Patientjournal K3 R3 T3 S3")
            && list.contains("bygglov Bygglovsärenden K1 R2 T1 S1"),
        "{list}"
    );

    std::fs::write(
        &file,
        "[[types]]\nkey = \"x\"\nname_sv = \"X\"\nname_en = \"\"\nlevels = { K = 9, R = 0, T = 0, S = 0 }\n",
    )
    .unwrap();
    let out = infoklass(&db, &["info-types", "import", path]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[INFO_TYPE_FILE_INVALID]") && err.contains("K9"), "{err}");
    assert_eq!(String::from_utf8_lossy(&infoklass(&db, &["info-types", "list"]).stdout), list, "nothing changed");
}
