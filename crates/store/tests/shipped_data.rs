//! Opening a database checks the shipped data by a fingerprint recorded in `settings`, not by
//! parsing every shipped catalogue at each start; a database without it gets it once.

mod common;

use common::temp_file_store;
use infoklass_store::Store;
use rusqlite::Connection;

fn fingerprint(conn: &Connection) -> Option<String> {
    conn.query_row("SELECT value FROM settings WHERE key = 'shipped_data'", [], |r| r.get(0)).ok()
}

fn threats(conn: &Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM threats", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_new_database_records_the_fingerprint_and_later_opens_trust_it() {
    let (dir, store) = temp_file_store();
    let recorded = fingerprint(store.connection().as_sqlite().unwrap()).expect("seeding records the fingerprint");
    assert_eq!(recorded.len(), 16);
    drop(store);
    let path = dir.path().join("infoklass.sqlite");
    // With the fingerprint in place, opening compares nothing more: shipped rows removed by
    // hand are not put back, and nothing is written.
    Connection::open(&path).unwrap().execute_batch("DELETE FROM threats").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(threats(store.connection().as_sqlite().unwrap()), 0, "the fingerprint was trusted");
    drop(store);
    // Another program's fingerprint (other shipped data): the data is checked and seeded
    // again, and this program's fingerprint recorded.
    Connection::open(&path)
        .unwrap()
        .execute_batch("UPDATE settings SET value = 'other' WHERE key = 'shipped_data'")
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert!(threats(store.connection().as_sqlite().unwrap()) > 0, "missing shipped threats are seeded");
    assert_eq!(fingerprint(store.connection().as_sqlite().unwrap()), Some(recorded));
}

#[test]
fn a_complete_database_without_the_fingerprint_gets_it_once() {
    let (dir, store) = temp_file_store();
    let recorded = fingerprint(store.connection().as_sqlite().unwrap()).unwrap();
    drop(store);
    let path = dir.path().join("infoklass.sqlite");
    Connection::open(&path).unwrap().execute_batch("DELETE FROM settings WHERE key = 'shipped_data'").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(fingerprint(store.connection().as_sqlite().unwrap()), Some(recorded));
}

#[test]
fn opening_does_not_wait_for_a_writer_to_record_the_fingerprint() {
    let (dir, store) = temp_file_store();
    drop(store);
    let path = dir.path().join("infoklass.sqlite");
    Connection::open(&path).unwrap().execute_batch("DELETE FROM settings WHERE key = 'shipped_data'").unwrap();
    // Another connection holds the write transaction: recording is skipped, not waited for.
    let writer = Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let store = Store::open(&path).expect("opening must not wait for the writer");
    assert_eq!(fingerprint(store.connection().as_sqlite().unwrap()), None);
    writer.execute_batch("ROLLBACK").unwrap();
}
