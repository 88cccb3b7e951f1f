//! The organisation database on a real PostgreSQL server that the test starts itself
//! (skipped, saying so, when PostgreSQL is not installed): `db init`, the roles the database
//! enforces through direct SQL with each user's own login, the history that cannot be
//! changed, users, and connection failures that say what failed.

use infoklass_core::ErrorCode;
use infoklass_pg::target::{Sources, Target};
use infoklass_pg::{connect, schema, users, PgError};
use infoklass_pg_test_cluster::Cluster;
use postgres::Client;

const PW: &str = "lösen-ord";

fn target(url: &str) -> Target {
    Target::parse(url, &Sources { default_user: "nobody".into(), ..Default::default() }).unwrap()
}

/// A server with an initialised database `klass`, or `None` when PostgreSQL is missing.
fn initialised() -> Option<(Cluster, Client)> {
    let cluster = Cluster::start()?;
    cluster.create_database("klass");
    let mut admin = connect(&target(&cluster.admin_url("klass")), None).unwrap();
    schema::init(&mut admin).unwrap();
    Some((cluster, admin))
}

/// A login with a password and an Infoklass role, and a connection as that login.
fn login(cluster: &Cluster, admin: &mut Client, name: &str, role: &str) -> Client {
    cluster.create_login(name, PW);
    users::add(admin, name, role, "Vårdenheten").unwrap();
    connect(&target(&cluster.url(name, Some(PW), "klass")), None).unwrap()
}

fn code(e: postgres::Error) -> ErrorCode {
    PgError::from(e).code()
}

/// The error of a connection that should have failed.
fn refused(result: infoklass_pg::Result<Client>) -> PgError {
    match result {
        Ok(_) => panic!("the connection should have been refused"),
        Err(e) => e,
    }
}

const NOW: &str = "2026-11-30T10:00:00Z";

fn insert_object(c: &mut Client, id: &str, owner: Option<&str>) -> Result<u64, postgres::Error> {
    let owner = owner.map_or("session_user".to_string(), |o| format!("'{o}'"));
    c.execute(
        &format!(
            "INSERT INTO objects (id, name, name_key, kind, search_text, created_at, updated_at, owner_login)
             VALUES ($1, $1, lower($1), 'system', '', $2, $2, {owner})"
        ),
        &[&id, &NOW],
    )
}

fn insert_draft(c: &mut Client, object: &str) -> Result<u64, postgres::Error> {
    c.execute(
        "INSERT INTO classifications (id, object_id, version, status, scale_id, scale_version, created_at, updated_at)
         VALUES ($1 || '-v1', $1, 1, 'utkast', 'skr', '1', $2, $2)",
        &[&object, &NOW],
    )
}

fn approve(c: &mut Client, object: &str, by: &str) -> u64 {
    c.execute(
        "UPDATE classifications SET status = 'faststalld', approved_by = $2, approved_at = $3 WHERE object_id = $1",
        &[&object, &by, &NOW],
    )
    .unwrap()
}

#[test]
fn db_init_sets_up_an_empty_database_once_and_refuses_one_holding_other_data() {
    let Some(cluster) = Cluster::start() else { return };
    cluster.create_database("klass");
    let mut admin = connect(&target(&cluster.admin_url("klass")), None).unwrap();
    let first = schema::init(&mut admin).unwrap();
    assert_eq!((first.from, first.applied.len() as i64), (None, schema::latest_version()));
    let again = schema::init(&mut admin).unwrap();
    assert_eq!((again.from, again.applied), (Some(schema::latest_version()), vec![]));
    schema::check(&mut admin).unwrap();

    cluster.create_database("annat");
    let mut other = connect(&target(&cluster.admin_url("annat")), None).unwrap();
    other.batch_execute("CREATE TABLE patienter (id int)").unwrap();
    let err = schema::init(&mut other).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DbNotEmpty);
    assert!(err.to_string().contains("public.patienter"), "{err}");
    assert!(schema::check(&mut other).is_err(), "an uninitialised database is not opened");

    // A database from a newer Infoklass is refused by init and by the check at opening.
    admin.execute("INSERT INTO infoklass_schema VALUES (99, 'x', 'x')", &[]).unwrap();
    assert_eq!(schema::init(&mut admin).unwrap_err().code(), ErrorCode::DbNewerSchema);
    assert_eq!(schema::check(&mut admin).unwrap_err().code(), ErrorCode::DbNewerSchema);
}

#[test]
fn owners_edit_their_own_objects_readers_read_and_coordinators_do_everything() {
    let Some((cluster, mut admin)) = initialised() else { return };
    admin.execute("INSERT INTO scales (id, version, definition) VALUES ('skr', '1', '{}')", &[]).unwrap();
    let mut anna = login(&cluster, &mut admin, "anna", "informationsagare");
    let mut bo = login(&cluster, &mut admin, "bo", "informationsagare");
    let mut lisa = login(&cluster, &mut admin, "lisa", "lasare");
    let mut sam = login(&cluster, &mut admin, "sam", "samordnare");
    let mut ulla = login(&cluster, &mut admin, "ulla", "upphandlare");

    // The owner creates, drafts and approves her own object.
    insert_object(&mut anna, "journal", None).unwrap();
    insert_draft(&mut anna, "journal").unwrap();
    let owner: String = lisa.query_one("SELECT owner_login FROM objects WHERE id = 'journal'", &[]).unwrap().get(0);
    assert_eq!(owner, "anna");

    // Another owner cannot approve it, answer its requirements, or create objects in her name.
    assert_eq!(approve(&mut bo, "journal", "bo"), 0, "the policy hides rows he may not change");
    let answer = bo.execute(
        "INSERT INTO assessments (object_id, key, answer, updated_at, updated_by) VALUES ('journal', 'SAK-01', 'uppfyllt', $1, 'bo')",
        &[&NOW],
    );
    assert_eq!(code(answer.unwrap_err()), ErrorCode::Forbidden);
    assert_eq!(code(insert_object(&mut bo, "falsk", Some("anna")).unwrap_err()), ErrorCode::Forbidden);
    assert_eq!(approve(&mut anna, "journal", "anna"), 1);

    // A delegated editor may change the object; he still cannot make it his own.
    anna.execute("INSERT INTO object_editors (object_id, login) VALUES ('journal', 'bo')", &[]).unwrap();
    assert_eq!(bo.execute("UPDATE objects SET unit = 'Akuten' WHERE id = 'journal'", &[]).unwrap(), 1);
    let steal = bo.execute("UPDATE objects SET owner_login = 'bo' WHERE id = 'journal'", &[]);
    assert_eq!(code(steal.unwrap_err()), ErrorCode::Forbidden);

    // A reader reads everything and writes nothing.
    let n: i64 = lisa.query_one("SELECT count(*) FROM classifications", &[]).unwrap().get(0);
    assert_eq!(n, 1);
    assert_eq!(code(insert_object(&mut lisa, "las", None).unwrap_err()), ErrorCode::Forbidden);
    let edit = lisa.execute("UPDATE objects SET unit = 'x'", &[]);
    assert_eq!(code(edit.unwrap_err()), ErrorCode::Forbidden);

    // Catalogues are the coordinator's; procurement lists the procurement officer's too.
    let threat = "INSERT INTO threat_origins (key, name_sv, name_en, position) VALUES ($1, 'x', 'x', 1)";
    assert_eq!(code(anna.execute(threat, &[&"o1"]).unwrap_err()), ErrorCode::Forbidden);
    sam.execute(threat, &[&"o2"]).unwrap();
    let list = "INSERT INTO procurements (id, name, object_ids, created_at, updated_at) VALUES ($1, 'Upphandling', '[]', 'x', 'x')";
    ulla.execute(list, &[&"p1"]).unwrap();
    assert_eq!(code(anna.execute(list, &[&"p2"]).unwrap_err()), ErrorCode::Forbidden);
    assert_eq!(code(insert_object(&mut ulla, "upph", None).unwrap_err()), ErrorCode::Forbidden);

    // The coordinator approves any object and reassigns owners.
    insert_object(&mut bo, "kassa", None).unwrap();
    insert_draft(&mut bo, "kassa").unwrap();
    assert_eq!(approve(&mut sam, "kassa", "sam"), 1);
    assert_eq!(sam.execute("UPDATE objects SET owner_login = 'anna' WHERE id = 'kassa'", &[]).unwrap(), 1);
    assert_eq!(bo.execute("UPDATE objects SET unit = 'x' WHERE id = 'kassa'", &[]).unwrap(), 0);
}

#[test]
fn the_history_names_the_login_and_no_one_changes_or_removes_it() {
    let Some((cluster, mut admin)) = initialised() else { return };
    let mut anna = login(&cluster, &mut admin, "anna", "informationsagare");
    let mut sam = login(&cluster, &mut admin, "sam", "samordnare");
    anna.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id) VALUES ('1999-01-01T00:00:00Z', 'någon annan', 'approve', 'object', 'x')",
        &[],
    )
    .unwrap();
    let row = anna.query_one("SELECT actor, at FROM audit", &[]).unwrap();
    let (actor, at): (String, String) = (row.get(0), row.get(1));
    assert_eq!(actor, "anna", "the acting user is the authenticated login, whatever the client says");
    assert!(at.starts_with("20") && at != "1999-01-01T00:00:00Z", "the server's time: {at}");
    for client in [&mut anna, &mut sam] {
        assert_eq!(code(client.execute("UPDATE audit SET actor = 'x'", &[]).unwrap_err()), ErrorCode::Forbidden);
        assert_eq!(code(client.execute("DELETE FROM audit", &[]).unwrap_err()), ErrorCode::Forbidden);
    }
    // Not even the database's owner: the triggers refuse.
    let err = admin.execute("UPDATE audit SET actor = 'x'", &[]).unwrap_err();
    assert!(PgError::from(err).to_string().contains("HISTORY_APPEND_ONLY"));
    assert!(admin.execute("DELETE FROM audit", &[]).is_err());
    assert!(admin.batch_execute("TRUNCATE audit").is_err());
    let n: i64 = admin.query_one("SELECT count(*) FROM audit", &[]).unwrap().get(0);
    assert_eq!(n, 1);
}

#[test]
fn an_administrator_maps_logins_to_roles_and_no_one_else_can() {
    let Some((cluster, mut admin)) = initialised() else { return };
    let mut ada = login(&cluster, &mut admin, "ada", "administrator");
    let mut anna = login(&cluster, &mut admin, "anna", "informationsagare");

    users::add(&mut ada, "bertil", "lasare", "Ekonomi").unwrap();
    users::add(&mut ada, "bertil", "samordnare", "Staben").unwrap();
    let list = users::list(&mut ada).unwrap();
    let bertil = list.iter().find(|u| u.login == "bertil").unwrap();
    assert_eq!((bertil.role.as_str(), bertil.unit.as_str(), bertil.added_by.as_str()), ("samordnare", "Staben", "ada"));
    assert!(bertil.member);
    let lasare: bool = ada.query_one("SELECT pg_has_role('bertil', 'lasare', 'MEMBER')", &[]).unwrap().get(0);
    assert!(lasare, "a coordinator reads through lasare");
    let direct: i64 = ada
        .query_one(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'bertil'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(direct, 1, "a new role replaces the old one");

    assert_eq!(users::add(&mut anna, "cecilia", "samordnare", "").unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(users::add(&mut anna, "anna", "samordnare", "").unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(users::add(&mut ada, "samordnare", "lasare", "").unwrap_err().code(), ErrorCode::InvalidInput);
    assert_eq!(users::add(&mut ada, "x y", "lasare", "").unwrap_err().code(), ErrorCode::InvalidInput);
    assert_eq!(users::add(&mut ada, "cecilia", "chef", "").unwrap_err().code(), ErrorCode::InvalidInput);

    assert!(users::remove(&mut ada, "bertil").unwrap());
    assert!(!users::remove(&mut ada, "bertil").unwrap());
    let member: bool = ada.query_one("SELECT pg_has_role('bertil', 'lasare', 'MEMBER')", &[]).unwrap().get(0);
    assert!(!member);
    assert!(users::list(&mut ada).unwrap().iter().all(|u| u.login != "bertil"));
}

#[test]
fn a_failed_connection_says_whether_the_host_the_login_or_tls_failed() {
    let Some((cluster, mut admin)) = initialised() else { return };
    cluster.create_login("anna", PW);
    users::add(&mut admin, "anna", "lasare", "").unwrap();

    let wrong = refused(connect(&target(&cluster.url("anna", Some("fel"), "klass")), None));
    assert_eq!(wrong.code(), ErrorCode::DbLoginFailed, "{wrong}");
    let none = refused(connect(&target(&cluster.url("anna", None, "klass")), None));
    assert_eq!(none.code(), ErrorCode::DbLoginFailed, "{none}");
    assert!(connect(&target(&cluster.url("anna", None, "klass")), Some(PW)).is_ok(), "a password asked at connect");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgresql://anna@127.0.0.1:{closed}/klass?sslmode=disable&connect_timeout=2");
    let started = std::time::Instant::now();
    let gone = refused(connect(&target(&url), Some(PW)));
    assert_eq!(gone.code(), ErrorCode::DbUnreachable, "{gone}");
    assert!(gone.to_string().contains(&closed.to_string()), "names the host: {gone}");
    assert!(started.elapsed().as_secs() < 30);

    // Without TLS on the server, `require` fails as a TLS problem.
    let require = cluster.url("anna", Some(PW), "klass").replace("sslmode=disable", "sslmode=require");
    assert_eq!(refused(connect(&target(&require), None)).code(), ErrorCode::DbTls);

    let cert = cluster.enable_tls();
    let encrypted = |c: &mut Client| -> bool {
        c.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).unwrap().get(0)
    };
    let mut c = connect(&target(&require), None).unwrap();
    assert!(encrypted(&mut c), "require encrypts");
    let full = require.replace("sslmode=require", "sslmode=verify-full");
    let unknown_ca = refused(connect(&target(&full), None));
    assert_eq!(unknown_ca.code(), ErrorCode::DbTls, "a self-signed certificate is not trusted: {unknown_ca}");
    let trusted = format!("{full}&sslrootcert={}", cert.display());
    let mut c = connect(&target(&trusted), None).unwrap();
    assert!(encrypted(&mut c), "verify-full with the organisation's root certificate");
    let by_name = trusted.replace("127.0.0.1", "localhost");
    assert!(connect(&target(&by_name), None).is_ok());
}
