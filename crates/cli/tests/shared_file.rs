//! Several processes on one database file: the app (a `Store` in this process) and the real
//! `infoklass` binary. Nothing written by either may be lost.

use std::path::Path;
use std::process::{Command, Output};

use infoklass_core::{ClassificationContent, ObjectMeta};
use infoklass_store::{Ctx, NewObject, Store};

fn infoklass(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infoklass"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INFOKLASS_USER", "testare")
        .env_remove("INFOKLASS_DB")
        .output()
        .unwrap()
}

fn ctx() -> Ctx {
    Ctx { actor: "app".into(), now: "2026-03-01T10:00:00Z".into(), today: "2026-03-01".into() }
}

fn object(name: &str) -> NewObject {
    NewObject { meta: ObjectMeta { name: name.into(), ..Default::default() }, content: ClassificationContent::default() }
}

/// Writes an object file for `infoklass new` with the given name.
fn object_file(dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, format!("[object]\nname = \"{name}\"\n")).unwrap();
    path.display().to_string()
}

fn names(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT name FROM objects ORDER BY name").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

/// Closing any handle to a file drops this process's POSIX record locks on it. Another
/// process then took itself for the database's last user and removed the write-ahead log,
/// so the app's next write went into a deleted file.
#[test]
fn a_closed_file_handle_in_the_app_loses_no_write_of_the_app_or_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("delad.sqlite");
    let mut app = Store::open(&db).unwrap();
    app.create_object(&ctx(), &object("Före")).unwrap();

    // What a file dialog or a search indexer does when it looks into the folder's files.
    for name in ["delad.sqlite", "delad.sqlite-wal", "delad.sqlite-shm"] {
        drop(std::fs::File::open(dir.path().join(name)).unwrap());
    }

    let out = infoklass(&db, &["new", &object_file(dir.path(), "Kommandorad")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    app.create_object(&ctx(), &object("Efter")).unwrap();

    // Another process sees the app's write, and writes on top of it.
    let listed = infoklass(&db, &["objects", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed["total"], 3, "{listed}");
    let out = infoklass(&db, &["new", &object_file(dir.path(), "Sist")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    drop(app);

    assert_eq!(names(&db), ["Efter", "Före", "Kommandorad", "Sist"]);
    let check: String =
        rusqlite::Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}
