#![allow(dead_code)]
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_store::{Ctx, NewObject, Store};

pub fn ctx() -> Ctx {
    Ctx { actor: "anna.andersson".into(), now: "2026-03-01T10:00:00Z".into(), today: "2026-03-01".into() }
}

pub fn set(name: &str, k: u8, r: u8, t: u8, s: u8) -> InformationSet {
    InformationSet {
        name: name.into(),
        levels: PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) },
        motivations: PerAspect::from_fn(|a| format!("Motivering {} för {name}", a.code())),
        ..Default::default()
    }
}

pub fn new_object(name: &str, sets: Vec<InformationSet>) -> NewObject {
    NewObject {
        meta: ObjectMeta {
            name: name.into(),
            unit: "Ekonomiavdelningen".into(),
            information_owner: "Ekonomichef".into(),
            ..Default::default()
        },
        content: ClassificationContent { sets, ..Default::default() },
    }
}

/// A new, empty database for one test: an SQLite file, or with
/// `INFOKLASS_STORE_BACKEND=postgres` a database of its own on a throw-away PostgreSQL
/// server, so the same tests are the store's contract on both backends.
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store =
        if on_postgres() { postgres_store(&dir) } else { Store::open(&dir.path().join("infoklass.sqlite")).unwrap() };
    (dir, store)
}

/// An SQLite file, for the tests of what only the embedded file has (its lock file, WAL,
/// migrations, backups, other processes on one file).
pub fn temp_file_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("infoklass.sqlite")).unwrap();
    (dir, store)
}

/// A second connection to the database of `temp_store`, as a second window or the CLI has.
pub fn reopen(dir: &tempfile::TempDir) -> Store {
    match std::fs::read_to_string(dir.path().join("database-name")) {
        Ok(name) => Store::open_postgres(infoklass_pg_test_cluster::shared().unwrap().admin(name.trim())).unwrap(),
        Err(_) => Store::open(&dir.path().join("infoklass.sqlite")).unwrap(),
    }
}

pub fn on_postgres() -> bool {
    std::env::var("INFOKLASS_STORE_BACKEND").is_ok_and(|b| b == "postgres")
}

/// A fresh copy of a database that `db init` set up once (schema, roles, shipped data), as
/// the server's superuser: the contract is about what the use cases do; what each role may
/// do, and the history stamped with each login, is tested in `crates/pg` and the CLI.
fn postgres_store(dir: &tempfile::TempDir) -> Store {
    static TEMPLATE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    let cluster = infoklass_pg_test_cluster::shared()
        .expect("INFOKLASS_STORE_BACKEND=postgres needs PostgreSQL (Debian's postgresql package)");
    TEMPLATE.get_or_init(|| {
        cluster.create_database("infoklass_template");
        let mut admin = cluster.admin("infoklass_template");
        infoklass_pg::schema::init(&mut admin).unwrap();
        drop(Store::open_postgres(admin).unwrap());
    });
    let name = format!("t{}", uuid::Uuid::new_v4().simple());
    cluster
        .admin("postgres")
        .batch_execute(&format!("CREATE DATABASE \"{name}\" TEMPLATE infoklass_template"))
        .unwrap();
    std::fs::write(dir.path().join("database-name"), &name).unwrap();
    Store::open_postgres(cluster.admin(&name)).unwrap()
}

/// The database at `path` as an older Infoklass at schema `version` would hold it: a new file
/// with the migrations up to `version`, and every row of `path` copied into the tables and
/// columns that schema has. Tests of a migration start from here instead of rewinding
/// `user_version`, which would run every later migration a second time.
pub fn as_version(path: &std::path::Path, version: u32) -> std::path::PathBuf {
    let old = path.with_extension(format!("v{version}.sqlite"));
    let _ = std::fs::remove_file(&old);
    let conn = rusqlite::Connection::open(&old).unwrap();
    for (v, sql) in infoklass_store::migrate::MIGRATIONS.iter().filter(|(v, _)| *v <= version) {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", v).unwrap();
    }
    conn.execute("ATTACH DATABASE ?1 AS new", [path.display().to_string()]).unwrap();
    let columns = |schema: &str, table: &str| -> Vec<String> {
        let mut stmt = conn.prepare(&format!("SELECT name FROM {schema}.pragma_table_info(?1)")).unwrap();
        stmt.query_map([table], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN").unwrap();
    for table in tables {
        let theirs = columns("new", &table);
        let shared: Vec<String> =
            columns("main", &table).into_iter().filter(|c| theirs.contains(c)).map(|c| format!("\"{c}\"")).collect();
        if shared.is_empty() {
            continue;
        }
        let list = shared.join(", ");
        conn.execute_batch(&format!(
            "DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM new.\"{table}\""
        ))
        .unwrap();
    }
    conn.execute_batch("COMMIT; DETACH DATABASE new").unwrap();
    old
}
