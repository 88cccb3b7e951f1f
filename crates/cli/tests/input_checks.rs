//! Input files through the real binary: nothing half-stored, nothing silently dropped, texts
//! that fit an xlsx cell, caps on files and lists, export names that never overwrite.

mod common;

use common::{infoklass, ok};

use std::path::Path;
use std::process::Output;

/// The one error line, after checking that the command failed.
fn refused(o: Output) -> String {
    assert!(!o.status.success(), "accepted: {}", String::from_utf8_lossy(&o.stdout));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

fn count(db: &str, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

struct Fixture {
    dir: tempfile::TempDir,
    db: String,
}

impl Fixture {
    /// A database with the object "Ärenden" (one set, K3 R2 T2 S1).
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite").display().to_string();
        let f = Fixture { dir, db };
        let object = f.file(
            "o.toml",
            "[object]\nname = \"Ärenden\"\n[[sets]]\nname = \"Ärenden\"\nlevels = { K = 3, R = 2, T = 2, S = 1 }\n",
        );
        ok(infoklass(&f.db, &["new", &object]));
        f
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

const GOOD_RISK: &str =
    "[[risks]]\nthreat_key = \"HOT-01\"\nevent = \"Nätfiske\"\naspects = [\"K\"]\nprobability = 2\n";

#[test]
fn a_risk_file_with_one_bad_risk_stores_nothing() {
    let f = Fixture::new();
    let audit = count(&f.db, "audit");
    let bad = format!("{GOOD_RISK}{GOOD_RISK}[[risks]]\nevent = \"X\"\naspects = [\"K\"]\nprobability = 9\n");
    let err = refused(infoklass(&f.db, &["risk", "add", "Ärenden", &f.file("r.toml", &bad)]));
    assert!(
        err.contains("risk 3: ") && err.contains("PROBABILITY_OUT_OF_MATRIX") && err.ends_with("[BAD_RISK]\n"),
        "{err}"
    );
    let only_bad = "[[risks]]\nevent = \"\"\naspects = [\"K\"]\nprobability = 9\n";
    refused(infoklass(&f.db, &["risk", "add", "Ärenden", &f.file("r.toml", only_bad)]));
    assert_eq!(
        (count(&f.db, "risks"), count(&f.db, "risk_analyses"), count(&f.db, "audit")),
        (0, 0, audit),
        "not even an empty analysis"
    );
    assert!(ok(infoklass(&f.db, &["risk", "add", "Ärenden", &f.file("r.toml", &format!("{GOOD_RISK}{GOOD_RISK}"))]))
        .contains("2 risker"));
}

#[test]
fn unknown_threats_and_sets_in_a_risk_file_are_refused() {
    let f = Fixture::new();
    let threat = GOOD_RISK.replace("HOT-01", "NOPE-99");
    let err = refused(infoklass(&f.db, &["risk", "add", "Ärenden", &f.file("r.toml", &threat)]));
    assert!(err.contains("\"NOPE-99\"") && err.ends_with("[RISK_THREAT_UNKNOWN]\n"), "{err}");
    let set = format!("{GOOD_RISK}set_ids = [\"nope\"]\n");
    let err = refused(infoklass(&f.db, &["risk", "add", "Ärenden", &f.file("r.toml", &set)]));
    assert!(err.contains("\"nope\"") && err.ends_with("[RISK_SET_UNKNOWN]\n"), "{err}");
    assert_eq!(count(&f.db, "risks"), 0);
}

#[test]
fn lower_case_and_unknown_aspects_are_refused_by_name() {
    let f = Fixture::new();
    for (levels, key) in [("{ k = 3 }", "`k`"), ("{ K = 1, Q = 1 }", "`Q`")] {
        let file = f.file("n.toml", &format!("[object]\nname = \"Nytt\"\n[[sets]]\nname = \"A\"\nlevels = {levels}\n"));
        let err = refused(infoklass(&f.db, &["new", &file]));
        assert!(err.contains(key) && err.ends_with("[INVALID_INPUT]\n"), "{err}");
    }
    let json = f.file("n.json", r#"{"object": {"name": "Nytt"}, "sets": [{"name": "A", "motivations": {"k": "m"}}]}"#);
    assert!(refused(infoklass(&f.db, &["new", &json])).contains("`k`"));
    assert_eq!(count(&f.db, "objects"), 1);

    let types = f.dir.path().join("typer.toml");
    ok(infoklass(&f.db, &["info-types", "export", types.to_str().unwrap()]));
    let text = std::fs::read_to_string(&types).unwrap();
    let before = ok(infoklass(&f.db, &["info-types", "list"]));
    let line = text.lines().find(|l| l.starts_with("levels = { K = 1")).expect("a type with K = 1").to_string();
    for (edit, key) in [(line.replace("K = 1", "k = 1"), "`k`"), (line.replace("K = 1, ", ""), "`K`")] {
        let file = f.file("typer2.toml", &text.replace(&line, &edit));
        let err = refused(infoklass(&f.db, &["info-types", "import", &file]));
        assert!(err.contains(key) && err.ends_with("[INFO_TYPE_FILE_INVALID]\n"), "{err}");
    }
    let extra = f.file("typer3.toml", &text.replacen("[[types]]\n", "[[types]]\nfoo = 1\n", 1));
    assert!(refused(infoklass(&f.db, &["info-types", "import", &extra])).contains("`foo`"));
    assert_eq!(ok(infoklass(&f.db, &["info-types", "list"])), before, "no floor was lowered");
}

#[test]
fn texts_too_long_for_a_cell_files_too_large_and_long_lists_are_refused() {
    let f = Fixture::new();
    let long = f.file("l.toml", &format!("[object]\nname = \"Långt\"\ndescription = \"{}\"\n", "å".repeat(40_000)));
    let err = refused(infoklass(&f.db, &["new", &long]));
    assert!(
        err.contains("description has 40000 characters; at most 32767") && err.ends_with("[TEXT_TOO_LONG]\n"),
        "{err}"
    );
    let risk = f.file("r.toml", &format!("{GOOD_RISK}cause = \"{}\"\n", "x".repeat(32_768)));
    assert!(refused(infoklass(&f.db, &["risk", "add", "Ärenden", &risk])).ends_with("[TEXT_TOO_LONG]\n"));

    let big = f.file("big.toml", &format!("# {}\n", "x".repeat(10 * 1024 * 1024)));
    let err = refused(infoklass(&f.db, &["new", &big]));
    assert!(err.contains("at most 10485760 are read") && err.ends_with("[FILE_TOO_LARGE]\n"), "{err}");
    assert!(refused(infoklass(&f.db, &["threats", "import", &big])).ends_with("[FILE_TOO_LARGE]\n"));
    if Path::new("/dev/zero").exists() {
        assert!(refused(infoklass(&f.db, &["risk", "add", "Ärenden", "/dev/zero"])).contains("not a regular file"));
    }

    let mut threats = String::from(
        "id = \"x\"\nversion = \"1\"\n[[origins]]\nkey = \"teknik\"\nname_sv = \"Teknik\"\nname_en = \"\"\n",
    );
    for i in 0..10_001 {
        threats += &format!("[[threats]]\nkey = \"T-{i}\"\norigin = \"teknik\"\nname_sv = \"H\"\nname_en = \"\"\ndescription_sv = \"\"\ncause_sv = \"\"\nconsequence_sv = \"\"\naspects = [\"T\"]\n");
    }
    let err = refused(infoklass(&f.db, &["threats", "import", &f.file("hot.toml", &threats)]));
    assert!(err.contains("10001 threats in the file; at most 10000") && err.ends_with("[TOO_MANY_ITEMS]\n"), "{err}");
    assert_eq!(count(&f.db, "objects"), 1);
}

#[test]
fn export_each_gives_names_that_clean_alike_their_own_files() {
    let f = Fixture::new();
    let bold = "𝐀".repeat(100);
    let names = ["a/b", "a\\b", "a:b", bold.as_str()];
    for n in names {
        let file = f.file("n.json", &serde_json::json!({ "object": { "name": n } }).to_string());
        ok(infoklass(&f.db, &["new", &file]));
    }
    let out = f.dir.path().join("ut");
    let mut args = vec!["export", "--each", "--out", out.to_str().unwrap()];
    args.extend(names);
    let printed = ok(infoklass(&f.db, &args));
    assert_eq!(printed.lines().count(), 4, "{printed}");
    let mut files: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(&files[..3], ["a_b (2).xlsx", "a_b (3).xlsx", "a_b.xlsx"]);
    assert!(files[3].len() <= 255 && files[3].starts_with("𝐀𝐀"), "{}", files[3]);
}
