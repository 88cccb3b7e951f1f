//! `infoklass overview` through the real binary on the two shared ISAK samples and one object
//! made from a file: ISAK objects are counted apart, with S not yet assessed.

mod common;

use common::{fixture, infoklass_as, ok};

use std::path::Path;
use std::process::Output;

/// Run as the coordinator, whose name the records keep.
fn infoklass(db: &str, args: &[&str]) -> Output {
    infoklass_as("samordnare", db, args)
}

#[test]
fn the_overview_counts_isak_objects_apart_and_lists_their_findings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("org.sqlite").display().to_string();
    ok(infoklass(&db, &["import", &fixture("ekonomisystem.xls"), &fixture("journalsystem.xlsx")]));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml");
    let made = std::fs::read_to_string(&example).unwrap().replace("Ekonomisystem", "Lönesystem");
    let file = dir.path().join("lön.toml");
    std::fs::write(&file, made).unwrap();
    ok(infoklass(&db, &["new", &file.display().to_string()]));
    ok(infoklass(&db, &["approve", "Lönesystem"]));

    let o: serde_json::Value = serde_json::from_str(&ok(infoklass(&db, &["overview", "--json"]))).unwrap();
    assert_eq!(o["objects"], 3);
    assert_eq!(o["coverage"]["approved"]["count"], 1);
    assert_eq!(o["coverage"]["from_isak"]["count"], 2);
    assert_eq!(o["coverage"]["from_isak_without_s"]["count"], 2);
    assert_eq!(o["levels"]["not_assessed"]["S"]["count"], 2);
    let isak_ids = o["coverage"]["from_isak"]["ids"].as_array().unwrap();
    let not_assessed: Vec<&serde_json::Value> = o["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "ASPECT_NOT_ASSESSED")
        .map(|f| &f["object_id"])
        .collect();
    assert_eq!(not_assessed.len(), 2);
    assert!(not_assessed.iter().all(|id| isak_ids.contains(id)));
    // Requirements apply only to the complete classification (the ISAK objects lack S).
    let beh = o["requirements"]["requirements"].as_array().unwrap().iter().find(|r| r["key"] == "BEH-01").unwrap();
    assert_eq!(beh["applies"]["count"], 1);
    assert_eq!(beh["answers"]["unanswered"]["count"], 1);
    assert_eq!(o["requirements"]["named"].as_array().unwrap().len(), 3);

    let text = ok(infoklass(&db, &["overview"]));
    assert!(text.starts_with("Objekt: 3 (1 fastställda, 2 utkast)"), "{text}");
    assert!(text.contains("från ISAK: 2 (S ännu inte bedömd: 2)"), "{text}");
    assert!(text.contains("aspekt(er) inte bedömda"), "{text}");

    let none: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["overview", "--unit", "Ingen sådan enhet", "--json"]))).unwrap();
    assert_eq!(none["objects"], 0);
}
