//! `infoklass list` (alias of `objects`) with the coordinator's filters and sorting, and the
//! ISAK record in `infoklass show`, through the real binary on the shared ISAK samples.

mod common;

use common::{fixture, infoklass_as, ok};

use std::path::Path;
use std::process::Output;

/// Run as the coordinator, whose name the records keep.
fn infoklass(db: &str, args: &[&str]) -> Output {
    infoklass_as("samordnare", db, args)
}

fn names(db: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    let list: serde_json::Value = serde_json::from_str(&ok(infoklass(db, &all))).unwrap();
    list["items"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect()
}

/// The two ISAK samples (journal K3 R3 T3, ekonomi K1 R3 T2, both with a draft risk analysis)
/// and Lönesystem (K2 R3 T2 S2, approved, no analysis).
fn portfolio(dir: &Path) -> String {
    let db = dir.join("org.sqlite").display().to_string();
    ok(infoklass(&db, &["import", &fixture("ekonomisystem.xls"), &fixture("journalsystem.xlsx")]));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml");
    let made = std::fs::read_to_string(&example).unwrap().replace("Ekonomisystem", "Lönesystem");
    let file = dir.join("lön.toml");
    std::fs::write(&file, made).unwrap();
    ok(infoklass(&db, &["new", &file.display().to_string()]));
    ok(infoklass(&db, &["approve", "Lönesystem"]));
    db
}

const JOURNAL: &str = "Vårdinformationssystem (journal)";

#[test]
fn list_filters_and_sorts_like_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = portfolio(dir.path());
    assert_eq!(names(&db, &[]), ["Ekonomisystem", "Lönesystem", JOURNAL]);
    assert_eq!(names(&db, &["--min", "K3"]), [JOURNAL]);
    assert_eq!(names(&db, &["--min", "k2", "--min-t", "2"]), ["Lönesystem", JOURNAL]);
    assert_eq!(names(&db, &["--min-s", "0"]), ["Lönesystem"], "ISAK has no S");
    assert_eq!(names(&db, &["--isak"]), ["Ekonomisystem", JOURNAL]);
    assert_eq!(names(&db, &["--risk", "none"]), ["Lönesystem"]);
    assert_eq!(names(&db, &["--risk", "draft"]), ["Ekonomisystem", JOURNAL]);
    assert!(names(&db, &["--risk", "needs-review"]).is_empty());
    assert_eq!(names(&db, &["--sort", "next-review"]), [JOURNAL, "Lönesystem", "Ekonomisystem"]);
    assert_eq!(names(&db, &["--sort", "status", "--desc"]), ["Lönesystem", "Ekonomisystem", JOURNAL]);
    assert_eq!(names(&db, &["--sort", "profile", "--desc"]), ["Lönesystem", JOURNAL, "Ekonomisystem"]);

    let text = ok(infoklass(&db, &["objects", "--isak", "--open-actions"]));
    assert!(text.contains(JOURNAL) && text.ends_with("av 3 objekt\n"), "{text}");

    for bad in [&["--min", "K9"][..], &["--min", "Q2"], &["--risk", "maybe"], &["--sort", "owner"]] {
        let mut args = vec!["list"];
        args.extend_from_slice(bad);
        let o = infoklass(&db, &args);
        assert!(!o.status.success(), "{bad:?} accepted");
        assert!(String::from_utf8_lossy(&o.stderr).contains(bad[1]), "{bad:?}: the error names the value");
    }
    let o = infoklass(&db, &["list", "--min-r", "7"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_INPUT"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn show_gives_the_isak_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = portfolio(dir.path());
    let text = ok(infoklass(&db, &["show", JOURNAL]));
    assert!(
        text.contains(
            "Klassad i ISAK 2019-03-12 · deltagare Anna Berg, Karim Said, Lena Öst · informationsägare Hälso- och \
             sjukvårdsdirektör · systemägare Chef Vårdsystem · journalsystem.xlsx, blad Klassning"
        ),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["show", "Ekonomisystem", "--json"]))).unwrap();
    let record = &json["object"]["isak_record"];
    assert_eq!(record["file_name"], "ekonomisystem.xls");
    assert_eq!(record["classified_on"], "2017-11-02");
    assert_eq!(record["participants"], serde_json::json!(["Per Ek", "Sara Lind"]));
    assert_eq!(record["sheet"], "Klassning");
    let made: serde_json::Value = serde_json::from_str(&ok(infoklass(&db, &["show", "Lönesystem", "--json"]))).unwrap();
    assert!(made["object"]["isak_record"].is_null());
    assert!(!ok(infoklass(&db, &["show", "Lönesystem"])).contains("ISAK"));
}
