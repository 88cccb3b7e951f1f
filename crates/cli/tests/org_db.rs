//! `infoklass db init` and `infoklass users` on a real PostgreSQL server that the test starts
//! itself (skipped, saying so, without PostgreSQL), through the real binary: roles handed out
//! by an administrator, refusals as one line with their code, and the password taken from
//! `.pgpass` as libpq does.

use std::process::{Command, Output};

use infoklass_pg_test_cluster::Cluster;

fn infoklass(url: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_infoklass"));
    c.arg("--db").arg(url).args(args).env_remove("INFOKLASS_DB").env_remove("PGPASSWORD");
    // No password file of the machine's user may answer for the test's logins.
    c.env("PGPASSFILE", "/nonexistent").env("PGSERVICEFILE", "/nonexistent");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The one line a refused command prints, checked to end with the code.
fn refused(o: &Output, code: &str) -> String {
    assert!(!o.status.success(), "should have failed: {}", String::from_utf8_lossy(&o.stdout));
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.trim_end().ends_with(&format!("[{code}]")), "{err}");
    err
}

#[test]
fn db_init_and_users_through_the_command_line() {
    let Some(cluster) = Cluster::start() else { return };
    cluster.create_database("region");
    let admin = cluster.admin_url("region");

    let first = stdout(&infoklass(&admin, &["db", "init"], &[]));
    assert!(first.contains("uppsatt till schemaversion") && first.contains("1, 2"), "{first}");
    let again = stdout(&infoklass(&admin, &["db", "init", "--json"], &[]));
    let report: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(report["applied"], serde_json::json!([]));
    assert_eq!(report["backend"], "postgresql");
    assert!(!again.contains("infoklass-test"), "the password is never printed");

    // The first administrator is named by the database's owner; then the administrator works.
    cluster.create_login("ada", "ada-pw");
    cluster.create_login("anna", "anna-pw");
    stdout(&infoklass(&admin, &["users", "add", "ada", "--role", "administrator"], &[]));
    let ada = cluster.url("ada", Some("ada-pw"), "region");
    let added = stdout(&infoklass(
        &ada,
        &["users", "add", "anna", "--role", "informationsagare", "--unit", "Akutkliniken"],
        &[],
    ));
    assert_eq!(added.trim(), "anna: informationsagare (Akutkliniken)");
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&ada, &["users", "list", "--json"], &[]))).unwrap();
    let anna = list.as_array().unwrap().iter().find(|u| u["login"] == "anna").unwrap();
    assert_eq!(
        (anna["role"].as_str(), anna["unit"].as_str(), anna["added_by"].as_str()),
        (Some("informationsagare"), Some("Akutkliniken"), Some("ada"))
    );

    // An owner cannot hand out roles: the server refuses, the CLI says so in one line.
    let anna_url = cluster.url("anna", Some("anna-pw"), "region");
    refused(&infoklass(&anna_url, &["users", "add", "anna", "--role", "samordnare"], &[]), "FORBIDDEN");
    refused(&infoklass(&ada, &["users", "add", "bo", "--role", "chef"], &[]), "INVALID_INPUT");

    // Wrong password, and the password from a private .pgpass file instead of the URL.
    refused(&infoklass(&cluster.url("anna", Some("fel"), "region"), &["users", "list"], &[]), "DB_LOGIN_FAILED");
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(&pgpass, format!("127.0.0.1:{}:region:anna:anna-pw\n", cluster.port)).unwrap();
    std::fs::set_permissions(&pgpass, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let no_password = cluster.url("anna", None, "region");
    let listed = stdout(&infoklass(&no_password, &["users", "list"], &[("PGPASSFILE", pgpass.to_str().unwrap())]));
    assert!(listed.contains("anna\tinformationsagare\tAkutkliniken"), "{listed}");

    // A database holding something else is not set up; removing a role keeps the login.
    cluster.create_database("annat");
    cluster.admin("annat").batch_execute("CREATE TABLE lon (id int)").unwrap();
    let other = refused(&infoklass(&cluster.admin_url("annat"), &["db", "init"], &[]), "DB_NOT_EMPTY");
    assert!(other.contains("public.lon"), "{other}");
    assert_eq!(stdout(&infoklass(&ada, &["users", "remove", "anna"], &[])).trim(), "anna: rollen är borttagen");
    refused(&infoklass(&anna_url, &["users", "add", "anna", "--role", "lasare"], &[]), "FORBIDDEN");
}

fn example() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/examples/ekonomisystem.toml")
        .display()
        .to_string()
}

/// Every command works on the organisation database, and what each login may do is what the
/// database allows: a reader reads but cannot write, an owner approves their own object but
/// not another's, a coordinator approves any; the history names the logins.
#[test]
fn the_roles_hold_through_the_command_line() {
    let Some(cluster) = Cluster::start() else { return };
    cluster.create_database("kommun");
    let admin = cluster.admin_url("kommun");
    stdout(&infoklass(&admin, &["db", "init"], &[]));
    for (login, role) in
        [("lena", "lasare"), ("olle", "informationsagare"), ("stina", "informationsagare"), ("sam", "samordnare")]
    {
        cluster.create_login(login, "pw");
        stdout(&infoklass(&admin, &["users", "add", login, "--role", role], &[]));
    }
    let url = |login: &str| cluster.url(login, Some("pw"), "kommun");

    refused(&infoklass(&url("lena"), &["new", &example()], &[]), "FORBIDDEN");
    stdout(&infoklass(&url("olle"), &["new", &example()], &[]));
    let may_edit = |login: &str| -> serde_json::Value {
        let shown: serde_json::Value =
            serde_json::from_str(&stdout(&infoklass(&url(login), &["show", "Ekonomisystem", "--json"], &[]))).unwrap();
        shown["object"]["may_edit"].clone()
    };
    assert_eq!((may_edit("olle"), may_edit("stina"), may_edit("sam")), (true.into(), false.into(), true.into()));
    refused(&infoklass(&url("stina"), &["approve", "Ekonomisystem"], &[]), "FORBIDDEN");
    refused(&infoklass(&url("lena"), &["approve", "Ekonomisystem"], &[]), "FORBIDDEN");
    stdout(&infoklass(&url("sam"), &["approve", "Ekonomisystem"], &[]));

    let shown: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&url("lena"), &["show", "Ekonomisystem", "--json"], &[]))).unwrap();
    assert_eq!(shown["object"]["current"]["status"], "faststalld");
    let actors: Vec<&str> = shown["history"].as_array().unwrap().iter().filter_map(|h| h["actor"].as_str()).collect();
    assert_eq!(actors.first(), Some(&"sam"), "{actors:?}");
    assert_eq!(actors.last(), Some(&"olle"), "{actors:?}");
    assert!(!actors.contains(&"stina") && !actors.contains(&"lena"), "refused writes leave no history: {actors:?}");
}

/// `show --json` with what is the target's own left out: the history's ids (numbered anew in
/// the order they arrive) and the revision made of them.
fn shown(db: &str, name: &str) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(db, &["show", name, "--json"], &[]))).unwrap();
    v["object"].as_object_mut().unwrap().remove("revision");
    for entry in v["history"].as_array_mut().unwrap() {
        entry.as_object_mut().unwrap().remove("id");
    }
    v
}

fn names(db: &str) -> Vec<String> {
    let listed: serde_json::Value = serde_json::from_str(&stdout(&infoklass(db, &["objects", "--json"], &[]))).unwrap();
    listed["items"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect()
}

/// A coordinator collects an owner's file into the organisation database: a dry run writes
/// nothing, the copy reads back as it was in the file (approvals, answers, risks, imported
/// ISAK workbooks, history), and copying again reports the objects instead of doubling them.
#[test]
fn db_copy_brings_a_file_in_and_it_reads_back_the_same() {
    let Some(cluster) = Cluster::start() else { return };
    cluster.create_database("samlad");
    let org = cluster.admin_url("samlad");
    stdout(&infoklass(&org, &["db", "init"], &[]));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agare.sqlite").display().to_string();
    let isak = dir.path().join("isak");
    std::fs::create_dir(&isak).unwrap();
    for f in ["ekonomisystem.xls", "journalsystem.xlsx"] {
        let from = format!("{}/../isak/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(from, isak.join(f)).unwrap();
    }
    stdout(&infoklass(&file, &["import", isak.to_str().unwrap()], &[]));
    let lon = dir.path().join("lon.toml");
    std::fs::write(&lon, std::fs::read_to_string(example()).unwrap().replace("Ekonomisystem", "Lönesystem")).unwrap();
    stdout(&infoklass(&file, &["new", lon.to_str().unwrap()], &[]));
    stdout(&infoklass(&file, &["approve", "Lönesystem"], &[]));
    let risk = dir.path().join("risk.toml");
    std::fs::write(&risk, "[[risks]]\nthreat_key = \"HOT-01\"\nevent = \"Nätfiske mot lönehandläggare\"\naspects = [\"K\"]\nprobability = 2\n")
        .unwrap();
    stdout(&infoklass(&file, &["risk", "add", "Lönesystem", risk.to_str().unwrap()], &[]));
    let requirements: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&file, &["requirements", "Lönesystem", "--json"], &[]))).unwrap();
    let key = requirements["items"][0]["key"].as_str().unwrap().to_string();
    stdout(&infoklass(
        &file,
        &["assess", "Lönesystem", &key, "delvis_uppfyllt", "--comment", "Rutinen är inte dokumenterad"],
        &[],
    ));
    let in_file = names(&file);
    assert_eq!(in_file.len(), 3, "{in_file:?}");

    let dry: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&org, &["db", "copy", &file, &org, "--dry-run", "--json"], &[])))
            .unwrap();
    assert_eq!(dry[0]["copied"].as_array().unwrap().len(), 3, "{dry}");
    assert!(names(&org).is_empty(), "a dry run writes nothing");

    let copied = stdout(&infoklass(&org, &["db", "copy", &file, &org], &[]));
    assert!(copied.contains("3 objekt kopierade, 0 fanns redan"), "{copied}");
    assert_eq!(names(&org), in_file);
    for name in &in_file {
        assert_eq!(shown(&org, name), shown(&file, name), "{name} reads back as it was");
    }
    let again: serde_json::Value =
        serde_json::from_str(&stdout(&infoklass(&org, &["db", "copy", &file, &org, "--json"], &[]))).unwrap();
    assert_eq!(
        (again[0]["copied"].as_array().unwrap().len(), again[0]["already_there"].as_array().unwrap().len()),
        (0, 3)
    );
    assert_eq!(names(&org).len(), 3, "nothing doubled");
}
