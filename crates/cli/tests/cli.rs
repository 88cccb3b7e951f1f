//! Runs the real `infoklass` binary against a temporary database file.

use std::path::Path;
use std::process::{Command, Output};

fn infoklass(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infoklass"))
        .args(args)
        .env("INFOKLASS_USER", "testare")
        .env_remove("INFOKLASS_DB")
        .output()
        .unwrap()
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml").display().to_string()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn new_show_approve_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let created = stdout(&infoklass(&["--db", &db, "new", &example()]));
    assert!(created.contains("Ekonomisystem K2 R3 T2 S2"), "{created}");

    // --db after the subcommand works too.
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&["objects", "--json", "--db", &db]))).unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["profile"], "K2 R3 T2 S2");
    assert_eq!(list["items"][0]["status"], "utkast");

    stdout(&infoklass(&["--db", &db, "approve", "ekonomisystem"]));
    let shown: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&["--db", &db, "show", "Ekonomisystem", "--json"]))).unwrap();
    let object = &shown["object"];
    assert_eq!(object["current"]["status"], "faststalld");
    assert_eq!(object["current"]["approved_by"], "Ekonomichef");
    assert_eq!(object["current"]["content"]["sets"][1]["levels"]["K"], 2);
    assert_eq!(object["current"]["profile"]["origins"]["T"][0]["kind"], "set");
    assert_eq!(shown["history"][0]["action"], "approve");
    assert_eq!(shown["history"][0]["actor"], "testare");

    let text = stdout(&infoklass(&["--db", &db, "show", "Ekonomisystem"]));
    assert!(text.contains("Leverantörsregister  K2 R3 T1 S2") && text.contains("Fastställd av Ekonomichef"), "{text}");
}

#[test]
fn errors_exit_non_zero_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let missing = infoklass(&["--db", &db, "show", "Finns inte"]);
    assert!(!missing.status.success());
    let err = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("[NOT_FOUND]"), "{err}");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[object]\nname = \"X\"\nfärg = \"blå\"\n").unwrap();
    let out = infoklass(&["--db", &db, "new", &bad.display().to_string()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && err.contains("[INVALID_INPUT]") && err.contains("färg"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    stdout(&infoklass(&["--db", &db, "new", &example()]));
    let twice = infoklass(&["--db", &db, "new", &example()]);
    assert!(String::from_utf8(twice.stderr).unwrap().contains("[NAME_TAKEN]"));

    let json = dir.path().join("draft.json");
    std::fs::write(&json, r#"{"object": {"name": "Halvfärdig"}, "sets": [{"name": "A", "levels": {"K": 1}}]}"#)
        .unwrap();
    stdout(&infoklass(&["--db", &db, "new", &json.display().to_string()]));
    let refused = infoklass(&["--db", &db, "approve", "Halvfärdig", "--by", "Chef"]);
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(!refused.status.success() && err.contains("[VALIDATION]") && err.contains("nivå för R saknas"), "{err}");
}

#[test]
fn a_newer_database_is_refused_with_a_clear_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    stdout(&infoklass(&["--db", &db.display().to_string(), "objects"]));
    // What a newer Infoklass would leave behind.
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let out = infoklass(&["--db", &db.display().to_string(), "objects"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && err.contains("[DB_NEWER_SCHEMA]"), "{err}");
}

#[test]
fn object_files_name_lagrum_by_catalogue_key_and_old_keys_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let text = std::fs::read_to_string(example()).unwrap();
    assert!(text.contains("lagrum = \"samhallsviktig\""), "the example uses the catalogue key");
    let old = dir.path().join("old.toml");
    std::fs::write(&old, text.replace("lagrum = \"samhallsviktig\"", "lagrum = \"nis2\"")).unwrap();
    stdout(&infoklass(&["--db", &db, "new", &old.display().to_string()]));
    let shown: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&["--db", &db, "show", "Ekonomisystem", "--json"]))).unwrap();
    let decision = &shown["object"]["current"]["content"]["lagrum"][0];
    assert_eq!(decision["lagrum"], "samhallsviktig", "the key of earlier versions is renamed");
    assert_eq!(decision["minimums"]["T"], 2);

    let unknown = dir.path().join("unknown.toml");
    std::fs::write(&unknown, text.replace("Ekonomisystem", "Kameror").replace("\"samhallsviktig\"", "\"kamera\""))
        .unwrap();
    let out = infoklass(&["--db", &db, "new", &unknown.display().to_string()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && err.contains("[LAGRUM_UNKNOWN]") && err.contains("kamera"), "{err}");
}

#[test]
fn db_init_and_backup_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let created = stdout(&infoklass(&["--db", &db, "db", "init"]));
    assert!(created.contains("skapad med schemaversion"), "{created}");
    assert!(stdout(&infoklass(&["--db", &db, "db", "init"])).contains("inget att göra"));
    stdout(&infoklass(&["--db", &db, "new", &example()]));

    let copy = dir.path().join("kopia.sqlite").display().to_string();
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&["--db", &db, "db", "backup", &copy, "--json"]))).unwrap();
    assert_eq!(report["objects"], 1);
    let shown = stdout(&infoklass(&["--db", &copy, "show", "Ekonomisystem"]));
    assert!(shown.contains("K2 R3 T2 S2"), "the copy opens as a database: {shown}");

    let again = infoklass(&["--db", &db, "db", "backup", &copy]);
    assert!(String::from_utf8_lossy(&again.stderr).trim_end().ends_with("[INVALID_INPUT]"));
    let missing = dir.path().join("saknas.sqlite").display().to_string();
    let none = infoklass(&["--db", &missing, "db", "backup", &copy]);
    assert!(String::from_utf8_lossy(&none.stderr).trim_end().ends_with("[NOT_FOUND]"));
    assert!(!Path::new(&missing).exists(), "a backup never creates the database it copies");
    let pg = infoklass(&["--db", "postgresql://anna@127.0.0.1:1/x", "db", "backup", &copy]);
    assert!(String::from_utf8_lossy(&pg.stderr).contains("pg_dump"));
}
