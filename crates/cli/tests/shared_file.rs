//! Several processes on one database file: the app (a `Store` in this process) and the real
//! `infoklass` binary. Nothing written by either may be lost.

mod common;

use common::infoklass;

use std::path::Path;
use std::process::{Command, Output};

use infoklass_core::{ClassificationContent, ObjectMeta};
use infoklass_store::{Ctx, NewObject, Store};

fn ctx() -> Ctx {
    Ctx { actor: "app".into(), now: "2026-03-01T10:00:00Z".into(), today: "2026-03-01".into() }
}

fn object(name: &str) -> NewObject {
    NewObject {
        meta: ObjectMeta { name: name.into(), ..Default::default() },
        content: ClassificationContent::default(),
    }
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

fn example_named(dir: &Path, name: &str) -> String {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml");
    let text = std::fs::read_to_string(example).unwrap().replacen(
        "name = \"Ekonomisystem\"",
        &format!("name = \"{name}\""),
        1,
    );
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The code in `infoklass: … [CODE]`, or None when the command succeeded.
fn refused_code(out: &Output) -> Option<String> {
    if out.status.success() {
        return None;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let code = err.trim_end().rsplit_once('[').map(|(_, c)| c.trim_end_matches(']').to_string());
    Some(code.unwrap_or_else(|| panic!("a failure without a code: {err}")))
}

#[test]
fn parallel_command_line_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("parallel.sqlite");
    parallel_writers(&dir, &db, || Store::open(&db).unwrap());
}

/// The same on the organisation database: every write is applied or refused with a code.
#[test]
fn parallel_command_line_writers_lose_nothing_on_postgresql() {
    let Some(cluster) = infoklass_pg_test_cluster::Cluster::start() else { return };
    cluster.create_database("parallell");
    let url = cluster.admin_url("parallell");
    let init = infoklass(Path::new(&url), &["db", "init"]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let dir = tempfile::tempdir().unwrap();
    parallel_writers(&dir, Path::new(&url), || Store::open_postgres(cluster.admin("parallell")).unwrap());
}

/// Six processes each create, approve and import five times; then every write is either in
/// the database or was refused as busy, and the history holds exactly what was applied.
fn parallel_writers(dir: &tempfile::TempDir, db: &Path, open: impl Fn() -> Store) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../isak/tests/fixtures/journalsystem.xlsx");
    let workers: Vec<_> = (0..6)
        .map(|w| {
            let (dir, db, fixture) = (dir.path().to_path_buf(), db.to_path_buf(), fixture.clone());
            std::thread::spawn(move || {
                let mut done = Vec::new();
                for i in 0..5 {
                    let name = format!("Objekt {w}-{i}");
                    let created = infoklass(&db, &["new", &example_named(&dir, &name)]);
                    let approved = refused_code(&created).is_none().then(|| infoklass(&db, &["approve", &name]));
                    let imported = infoklass(&db, &["import", fixture.to_str().unwrap()]);
                    done.push((
                        name,
                        refused_code(&created),
                        approved.map(|o| refused_code(&o)),
                        refused_code(&imported),
                    ));
                }
                done
            })
        })
        .collect();
    let results: Vec<_> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();

    let store = open();
    let conn = store.connection();
    let status = |name: &str| -> Option<String> {
        conn.query_row(
            "SELECT c.status FROM objects o JOIN classifications c ON c.object_id = o.id WHERE o.name = ?1
             ORDER BY c.version DESC LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .ok()
    };
    for (name, created, approved, imported) in &results {
        // A write is applied, or refused as busy; nothing else.
        for code in
            [created.as_ref(), approved.as_ref().and_then(|a| a.as_ref()), imported.as_ref()].into_iter().flatten()
        {
            assert_eq!(code, "DB_BUSY", "{name}");
        }
        match (created, approved) {
            (None, Some(None)) => assert_eq!(status(name).as_deref(), Some("faststalld"), "{name}"),
            (None, _) => assert!(status(name).is_some(), "{name} lost"),
            (Some(_), _) => assert!(status(name).is_none(), "{name} written although refused"),
        }
    }
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let created = results.iter().filter(|r| r.1.is_none()).count() as i64;
    let approved = results.iter().filter(|r| r.2 == Some(None)).count() as i64;
    assert_eq!(count("SELECT COUNT(*) FROM objects WHERE name LIKE 'Objekt %'"), created);
    assert_eq!(count("SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'object'"), created + 1);
    assert_eq!(count("SELECT COUNT(*) FROM audit WHERE action = 'approve'"), approved);
    // The same workbook imported by everyone: one object, one import record.
    assert_eq!(count("SELECT COUNT(*) FROM imports"), 1);
    assert_eq!(count("SELECT COUNT(*) FROM objects"), created + 1);
    // With six writers and short writes, the busy timeout is never reached.
    assert_eq!((created, approved), (30, 30));
    if !conn.is_postgres() {
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }
}

#[test]
fn simultaneous_first_opens_of_a_new_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..5 {
        let db = dir.path().join(format!("ny-{round}.sqlite"));
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_infoklass"))
                    .arg("--db")
                    .arg(&db)
                    .args(["objects", "--json"])
                    .env_remove("INFOKLASS_DB")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// A database the user may only read (file 0444, or its folder 0555) can still be listed.
#[cfg(unix)]
#[test]
fn a_read_only_database_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let set_mode = |p: &Path, mode: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    for read_only_folder in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        set_mode(dir.path(), 0o755);
        let db = dir.path().join("las.sqlite");
        let out = infoklass(&db, &["new", &object_file(dir.path(), "Läsbar")]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            set_mode(&entry.unwrap().path(), 0o444);
        }
        if read_only_folder {
            set_mode(dir.path(), 0o555);
        }
        // Root may write anyway, so run as an ordinary user when the tests run as root.
        let mut cmd = if unsafe { libc::geteuid() } == 0 {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_infoklass")]);
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_infoklass"))
        };
        let out = cmd.arg("--db").arg(&db).args(["objects", "--json"]).env_remove("INFOKLASS_DB").output().unwrap();
        assert!(out.status.success(), "folder read-only {read_only_folder}: {}", String::from_utf8_lossy(&out.stderr));
        let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(listed["items"][0]["name"], "Läsbar");
        set_mode(dir.path(), 0o755);
    }
}
