//! `db backup`: a consistent copy while another connection is writing, never over an
//! existing file, checked before it is reported.

mod common;

use common::{ctx, new_object, set, temp_file_store};
use infoklass_store::Store;

fn named(store: &Store, name: &str) -> i64 {
    store.connection().query_row("SELECT count(*) FROM objects WHERE name = ?1", [name], |r| r.get(0)).unwrap()
}

#[test]
fn a_backup_is_a_consistent_snapshot_taken_while_another_writer_is_busy() {
    let (dir, mut store) = temp_file_store();
    for i in 0..20 {
        store.create_object(&ctx(), &new_object(&format!("System {i}"), vec![set("Data", 2, 2, 2, 1)])).unwrap();
    }
    // A second connection holds an open write transaction with a row not yet committed.
    let writer = Store::open(store.path().unwrap()).unwrap();
    writer
        .connection()
        .execute_batch(
            "BEGIN IMMEDIATE;
             INSERT INTO objects (id, name, name_key, kind, search_text, created_at, updated_at)
             VALUES ('halv', 'Halvfärdig', 'halvfärdig', 'system', '', 'x', 'x');",
        )
        .unwrap();

    let first = dir.path().join("kopia-1.sqlite");
    let report = store.backup_to(&first).unwrap();
    assert_eq!(report.objects, 20, "the uncommitted row is not in the copy");
    assert!(report.bytes > 0 && report.schema_version >= 10);
    let copy = Store::open(&first).unwrap();
    assert_eq!(named(&copy, "System 7"), 1);

    writer.connection().execute_batch("COMMIT").unwrap();
    let second = dir.path().join("kopia-2.sqlite");
    assert_eq!(store.backup_to(&second).unwrap().objects, 21);

    let again = store.backup_to(&first).unwrap_err();
    assert_eq!(again.code(), "INVALID_INPUT", "an existing file is never overwritten");
    assert_eq!(named(&Store::open(&first).unwrap(), "Halvfärdig"), 0);
}
