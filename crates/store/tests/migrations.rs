mod common;

use infoklass_store::migrate::{latest_version, migrate, schema_version};
use infoklass_store::{Store, StoreError};
use rusqlite::Connection;

#[test]
fn an_empty_database_gets_the_whole_schema() {
    let (dir, store) = common::temp_file_store();
    assert_eq!(schema_version(store.connection().as_sqlite().unwrap()).unwrap(), latest_version());
    let tables: Vec<String> = store
        .connection()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "actions",
            "answer_handovers",
            "assessments",
            "audit",
            "catalogs",
            "classifications",
            "dependencies",
            "dependency_decisions",
            "import_words",
            "imports",
            "info_types",
            "information_sets",
            "lagrum",
            "lagrum_catalog",
            "legacy_requirements",
            "objects",
            "org_lagrum",
            "procurement_items",
            "procurements",
            "requirement_local",
            "risk_analyses",
            "risk_matrices",
            "risks",
            "scales",
            "settings",
            "threat_origins",
            "threats"
        ]
    );
    let fk: i64 = store.connection().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    let wal: String = store.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!((fk, wal.as_str()), (1, "wal"));
    assert!(!store.info_types().unwrap().is_empty(), "default information types are seeded");
    drop(dir);
}

#[test]
fn a_second_run_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    assert_eq!(migrate(&conn).unwrap(), 0);
    let scales: i64 = conn.query_row("SELECT COUNT(*) FROM scales", [], |r| r.get(0)).unwrap();
    drop(conn);
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let again: i64 = conn.query_row("SELECT COUNT(*) FROM scales", [], |r| r.get(0)).unwrap();
    assert_eq!((scales, again), (1, 1), "seeding is not repeated");
}

#[test]
fn a_database_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(Store::open(&path).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    match Store::open(&path) {
        Err(e @ StoreError::NewerSchema { found: 99, .. }) => assert_eq!(e.code(), "DB_NEWER_SCHEMA"),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
}

#[test]
fn a_failing_migration_leaves_the_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let conn = Connection::open(&path).unwrap();
    // A table the first migration also creates makes it fail half-way.
    conn.execute_batch("CREATE TABLE audit (x INTEGER)").unwrap();
    drop(conn);
    assert!(Store::open(&path).is_err());
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), 0);
    let objects: i64 =
        conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'objects'", [], |r| r.get(0)).unwrap();
    assert_eq!(objects, 0, "the tables created before the failure were rolled back");
}

#[test]
fn a_version_1_database_with_data_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(infoklass_store::migrate::MIGRATIONS[0].1).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    // An approved classification as version 1 stored it.
    let scale = infoklass_core::Scale::default_scale();
    conn.execute(
        "INSERT INTO scales (id, version, definition) VALUES (?1, ?2, ?3)",
        rusqlite::params![scale.id, scale.version, serde_json::to_string(&scale).unwrap()],
    )
    .unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO objects (id, name, name_key, kind, search_text, created_at, updated_at)
           VALUES ('o1', 'Gammalt', 'gammalt', 'system', 'gammalt', 't', 't');
         INSERT INTO classifications (id, object_id, version, status, scale_id, scale_version, created_at, updated_at)
           VALUES ('c1', 'o1', 1, 'utkast', '{id}', '{version}', 't', 't');
         INSERT INTO information_sets (id, classification_id, position, name, level_k, level_r, level_t, level_s)
           VALUES ('s1', 'c1', 0, 'Register', 2, 2, 1, 1);
         UPDATE classifications SET status = 'faststalld', snapshot = '{snapshot}', approved_by = 'Chef', approved_at = 't' WHERE id = 'c1';",
        id = scale.id,
        version = scale.version,
        snapshot = r#"{"meta":{"name":"Gammalt"},"content":{"sets":[{"id":"s1","name":"Register","levels":{"K":2,"R":2,"T":1,"S":1}}]}}"#,
    ))
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(schema_version(store.connection().as_sqlite().unwrap()).unwrap(), latest_version());
    let detail = store.get_object("o1", "2026-01-01").unwrap();
    assert_eq!(detail.current.profile.text, "K2 R2 T1 S1");
    let reqs = store.requirements("o1").unwrap();
    assert!(!reqs.items.is_empty(), "an object approved before catalogues existed uses the active one");
    assert_eq!(reqs.catalog_id, store.catalog().id);
}
