//! The organisation database has the same tables and columns as the embedded SQLite file, so
//! one set of queries serves both and `db copy` moves rows as they are. A new SQLite
//! migration without its PostgreSQL counterpart fails here, naming what is missing.

use std::collections::BTreeSet;

use infoklass_pg::target::{Sources, Target};
use infoklass_pg_test_cluster::Cluster;

/// What only the organisation database has: its schema version table, the users and their
/// roles, the delegated editors and each object's owning login.
const ONLY_POSTGRES: &[&str] = &["infoklass_schema", "app_users", "object_editors", "objects.owner_login"];

fn sqlite_columns() -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let store = infoklass_store::Store::open(&dir.path().join("a.sqlite")).unwrap();
    let conn = store.connection();
    let mut tables =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").unwrap();
    let names: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut out = BTreeSet::new();
    for table in names {
        out.insert(table.clone());
        let mut cols = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
        for col in cols.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            out.insert(format!("{table}.{}", col.unwrap()));
        }
    }
    out
}

#[test]
fn the_two_backends_have_the_same_tables_and_columns() {
    let Some(cluster) = Cluster::start() else { return };
    cluster.create_database("klass");
    let url = cluster.admin_url("klass");
    let mut client = infoklass_pg::connect(&Target::parse(&url, &Sources::default()).unwrap(), None).unwrap();
    infoklass_pg::schema::init(&mut client).unwrap();
    let mut pg = BTreeSet::new();
    for row in client
        .query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", &[])
        .unwrap()
    {
        let (table, column): (String, String) = (row.get(0), row.get(1));
        pg.insert(table.clone());
        pg.insert(format!("{table}.{column}"));
    }
    let only_pg: BTreeSet<String> = pg
        .iter()
        .filter(|n| !ONLY_POSTGRES.iter().any(|o| *n == o || n.starts_with(&format!("{o}."))))
        .cloned()
        .collect();
    let sqlite = sqlite_columns();
    let missing: Vec<&String> = sqlite.difference(&only_pg).collect();
    let extra: Vec<&String> = only_pg.difference(&sqlite).collect();
    assert!(missing.is_empty(), "in SQLite but not in migrations/postgres: {missing:?}");
    assert!(extra.is_empty(), "in PostgreSQL but not in SQLite (or not listed as PostgreSQL-only): {extra:?}");
}
