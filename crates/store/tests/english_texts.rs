//! English catalogue texts in the store: a new database has them, and a database made before
//! they existed gets them on opening for every shipped entry whose Swedish text is unchanged.

mod common;

use infoklass_store::{migrate, Store};
use rusqlite::Connection;

/// The database as it was before the English columns (`common::as_version`), with one threat
/// and one requirement reworded by the organisation.
fn as_before_english(path: &std::path::Path) -> std::path::PathBuf {
    let old = common::as_version(path, migrate::ENGLISH_TEXTS_VERSION - 1);
    let conn = Connection::open(&old).unwrap();
    conn.execute_batch("UPDATE threats SET description_sv = 'Egen beskrivning.' WHERE key = 'HOT-02';").unwrap();
    let json: String = conn.query_row("SELECT definition FROM catalogs", [], |r| r.get(0)).unwrap();
    let mut c: serde_json::Value = serde_json::from_str(&json).unwrap();
    for r in c["requirements"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        for f in ["ar_en", "ska_en", "guidance_en"] {
            r.remove(f);
        }
        if r["key"] == "BEH-02" {
            r.insert("ar_sv".into(), "Egen formulering.".into());
        }
    }
    conn.execute("UPDATE catalogs SET definition = ?1", [c.to_string()]).unwrap();
    old
}

#[test]
fn a_new_database_has_the_english_texts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let threats = store.threats().unwrap();
    let hot01 = threats.threats.iter().find(|e| e.threat.key == "HOT-01").unwrap();
    assert!(hot01.threat.description_en.starts_with("An employee is tricked"), "{:?}", hot01.threat);
    let types = store.info_types().unwrap();
    assert!(types.iter().all(|t| !t.description_en.is_empty()), "{types:?}");
}

#[test]
fn an_older_database_gets_english_for_unchanged_shipped_texts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(Store::open(&path).unwrap());
    let path = as_before_english(&path);

    let store = Store::open(&path).unwrap();
    let threats = store.threats().unwrap();
    let find = |key: &str| threats.threats.iter().find(|e| e.threat.key == key).unwrap().threat.clone();
    assert!(find("HOT-01").description_en.starts_with("An employee is tricked"));
    let reworded = find("HOT-02");
    assert_eq!(reworded.description_en, "", "a reworded Swedish text gets no English");
    assert!(!reworded.cause_en.is_empty(), "its unchanged texts do");
    assert!(store.info_types().unwrap().iter().all(|t| !t.description_en.is_empty()));

    let json: String = store.connection().query_row("SELECT definition FROM catalogs", [], |r| r.get(0)).unwrap();
    let c: infoklass_core::requirements::Catalog = serde_json::from_str(&json).unwrap();
    let beh01 = c.requirement("BEH-01").unwrap();
    assert!(beh01.ar_en.starts_with("Users are given only"), "{beh01:?}");
    assert!(!beh01.guidance_en.is_empty());
    let beh02 = c.requirement("BEH-02").unwrap();
    assert_eq!(beh02.ar_en, "");
    assert!(!beh02.ska_en.is_empty());
}
