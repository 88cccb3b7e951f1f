//! Writes against a file that others use too: opening reads only, writers wait their turn,
//! and a failure reports its real cause.

mod common;

use common::{ctx, new_object, set, temp_file_store};
use infoklass_core::ObjectMeta;
use infoklass_store::{LegacyImport, Store, StoreError};

fn big_import() -> LegacyImport {
    let sets = (0..400).map(|i| set(&format!("Mängd {i} {}", "x".repeat(200)), 1, 1, 1, 1)).collect();
    LegacyImport {
        file_name: "stor.xlsx".into(),
        sha256: "full".into(),
        meta: ObjectMeta { name: "Stort system".into(), ..Default::default() },
        sets,
        risks: vec![],
        requirements: vec![],
        report: serde_json::json!({}),
        ..Default::default()
    }
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The import used to roll back with a hand-written savepoint, whose failure ("no such
/// savepoint") could replace the real cause; the cause must come through with its code.
#[test]
fn a_full_disk_is_reported_as_such_and_the_import_leaves_nothing() {
    let (_dir, mut store) = temp_file_store();
    let pages: i64 = count(&store, "PRAGMA page_count");
    store.connection().execute_batch(&format!("PRAGMA max_page_count = {}", pages + 3)).unwrap();
    let err = store.import_legacy(&ctx(), &big_import()).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull(_)), "{err:?}");
    assert_eq!(err.code(), "DISK_FULL");
    assert!(store.connection().is_autocommit(), "a transaction was left open");
    assert_eq!(count(&store, "SELECT COUNT(*) FROM objects"), 0);
    assert_eq!(count(&store, "SELECT COUNT(*) FROM audit"), 0);

    // The connection is usable afterwards.
    store.connection().execute_batch(&format!("PRAGMA max_page_count = {}", pages * 100)).unwrap();
    store.create_object(&ctx(), &new_object("Litet", vec![set("A", 1, 1, 1, 1)])).unwrap();
}

/// Opening used to write the shipped data on every start, so a reader had to wait for a
/// writer and a read-only file could not be opened at all.
#[test]
fn opening_while_another_program_writes_needs_no_write_lock() {
    let (dir, store) = temp_file_store();
    drop(store);
    let path = dir.path().join("infoklass.sqlite");
    let writer = rusqlite::Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert!(!writer.is_autocommit());
    let reader = Store::open(&path).expect("opening must not wait for the writer");
    assert_eq!(reader.list_objects(&Default::default(), "2026-03-01").unwrap().total, 0);
    writer.execute_batch("ROLLBACK").unwrap();
}

/// A writer that cannot start within the busy timeout is refused with DB_BUSY.
#[test]
fn a_writer_blocked_by_another_is_refused_as_busy() {
    let (dir, mut store) = temp_file_store();
    let other = rusqlite::Connection::open(dir.path().join("infoklass.sqlite")).unwrap();
    other.busy_timeout(std::time::Duration::ZERO).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    store.connection().as_sqlite().unwrap().busy_timeout(std::time::Duration::from_millis(1)).unwrap();
    let err = store.create_object(&ctx(), &new_object("Väntar", vec![])).unwrap_err();
    assert_eq!(err.code(), "DB_BUSY", "{err:?}");
    other.execute_batch("ROLLBACK").unwrap();
    store.create_object(&ctx(), &new_object("Väntar", vec![])).unwrap();
}

/// A database from a newer program is refused before anything in it changes.
#[test]
fn a_newer_schema_is_refused_without_switching_the_journal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ny.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99; CREATE TABLE t (x);").unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code(), "DB_NEWER_SCHEMA");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
}

/// The desktop app checks before each command that the file is still the one it opened.
#[test]
fn a_replaced_or_deleted_file_is_noticed() {
    let (dir, store) = temp_file_store();
    store.check_unchanged().unwrap();
    let path = dir.path().join("infoklass.sqlite");
    let other = dir.path().join("annan.sqlite");
    drop(Store::open(&other).unwrap());
    std::fs::rename(&other, &path).unwrap();
    assert_eq!(store.check_unchanged().unwrap_err().code(), "DB_CHANGED");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(store.check_unchanged().unwrap_err().code(), "DB_CHANGED");
}

#[test]
fn a_newer_program_raising_the_schema_is_noticed() {
    let (dir, store) = temp_file_store();
    let other = rusqlite::Connection::open(dir.path().join("infoklass.sqlite")).unwrap();
    other.execute_batch("PRAGMA user_version = 99").unwrap();
    assert_eq!(store.check_unchanged().unwrap_err().code(), "DB_NEWER_SCHEMA");
}

/// Another Infoklass process holds the writers' lock file (`<db>.lock`) for longer than the
/// busy timeout: the write is refused as busy and nothing is written.
#[test]
fn a_writer_waits_for_the_lock_file_and_then_refuses_as_busy() {
    let (dir, mut store) = temp_file_store();
    let lock = std::fs::File::open(dir.path().join("infoklass.sqlite.lock")).unwrap();
    lock.lock().unwrap();
    let err = store.create_object(&ctx(), &new_object("Väntar", vec![])).unwrap_err();
    assert_eq!(err.code(), "DB_BUSY", "{err:?}");
    assert_eq!(count(&store, "SELECT COUNT(*) FROM objects"), 0);
    lock.unlock().unwrap();
    store.create_object(&ctx(), &new_object("Väntar", vec![])).unwrap();
}
