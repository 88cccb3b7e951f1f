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

/// The catalogue forms send the English texts through the same save commands as the Swedish
/// ones: they are stored, trimmed, and the history entry holds the old and the new text.
#[test]
fn edited_english_texts_are_stored_and_in_the_history() {
    let (_dir, mut store) = common::temp_store();
    let audit_new = |store: &Store, entity: &str, id: &str| -> (String, String) {
        store
            .connection()
            .query_row(
                "SELECT old, new FROM audit WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT 1",
                [entity, id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };

    let hot10 = store.threats().unwrap().threats.into_iter().find(|e| e.threat.key == "HOT-10").unwrap().threat;
    let input = infoklass_store::ThreatInput {
        key: Some(hot10.key.clone()),
        origin: hot10.origin.clone(),
        name_sv: hot10.name_sv.clone(),
        name_en: hot10.name_en.clone(),
        description_sv: hot10.description_sv.clone(),
        cause_sv: hot10.cause_sv.clone(),
        consequence_sv: hot10.consequence_sv.clone(),
        description_en: " Someone walks into the archive. ".into(),
        cause_en: "Doors left open.".into(),
        consequence_en: "Files go missing.".into(),
        aspects: hot10.aspects.clone(),
    };
    let saved = store.save_threat(&common::ctx(), &input).unwrap();
    assert_eq!(
        (saved.description_en.as_str(), saved.cause_en.as_str(), saved.consequence_en.as_str()),
        ("Someone walks into the archive.", "Doors left open.", "Files go missing.")
    );
    let stored = store.threats().unwrap().threats.into_iter().find(|e| e.threat.key == "HOT-10").unwrap().threat;
    assert_eq!(stored, saved);
    let (old, new) = audit_new(&store, "threat", "HOT-10");
    assert!(old.contains(&hot10.description_en) && new.contains("Someone walks into the archive."), "{old} → {new}");

    let personal = store.info_types().unwrap().into_iter().find(|t| t.key == "personuppgifter").unwrap();
    let input = infoklass_store::InfoTypeInput {
        key: Some(personal.key.clone()),
        name_sv: personal.name_sv.clone(),
        name_en: personal.name_en.clone(),
        description_sv: personal.description_sv.clone(),
        description_en: "Anything that points to a living person.".into(),
        levels: personal.levels.clone(),
    };
    let saved = store.save_info_type(&common::ctx(), &input).unwrap();
    assert_eq!(saved.description_en, "Anything that points to a living person.");
    assert_eq!(store.info_types().unwrap().into_iter().find(|t| t.key == "personuppgifter").unwrap(), saved);
    let (_, new) = audit_new(&store, "info_type", "personuppgifter");
    assert!(new.contains("Anything that points to a living person."), "{new}");
}
