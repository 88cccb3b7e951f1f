use super::*;

fn sources() -> Sources {
    Sources { service_files: vec![], pgpass: None, default_user: "anna".into() }
}

#[test]
fn a_full_url_is_read_as_libpq_reads_it() {
    let t = Target::parse(
        "postgresql://bo%40region:hemligt%3Ajo@db.region.se:6543/infoklass?sslmode=verify-full&connect_timeout=3",
        &sources(),
    )
    .unwrap();
    assert_eq!(
        (t.user.as_str(), t.host.as_str(), t.port, t.dbname.as_str()),
        ("bo@region", "db.region.se", 6543, "infoklass")
    );
    assert_eq!(t.password.as_deref(), Some("hemligt:jo"));
    assert_eq!((t.sslmode, t.connect_timeout_s), (SslMode::VerifyFull, 3));
    assert_eq!(t.display(), "postgresql://bo@region@db.region.se:6543/infoklass", "never the password");
    assert!(!format!("{t:?}").contains("hemligt"));
}

#[test]
fn what_the_url_leaves_out_takes_libpq_defaults() {
    let t = Target::parse("postgres://", &sources()).unwrap();
    assert_eq!((t.user.as_str(), t.host.as_str(), t.port, t.dbname.as_str()), ("anna", "localhost", 5432, "anna"));
    assert_eq!((t.sslmode, t.connect_timeout_s, t.password), (SslMode::Prefer, 5, None));
    let v6 = Target::parse("postgresql://[::1]:5433/db", &sources()).unwrap();
    assert_eq!((v6.host.as_str(), v6.port), ("::1", 5433));
}

#[test]
fn unknown_options_and_modes_are_refused_with_their_name() {
    let mode = Target::parse("postgresql://h/db?sslmode=always", &sources()).unwrap_err();
    assert!(mode.to_string().contains("always"), "{mode}");
    let option = Target::parse("postgresql://h/db?sslkey=x", &sources()).unwrap_err();
    assert!(option.to_string().contains("sslkey"), "{option}");
    assert!(Target::parse("mysql://h/db", &sources()).is_err());
    assert!(Target::parse("postgresql://h:port/db", &sources()).is_err());
    assert!(is_database_url("postgresql://x") && is_database_url("Postgres://x") && !is_database_url("/tmp/a.db"));
}

#[test]
fn a_service_gives_defaults_and_the_url_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pg_service.conf");
    std::fs::write(
        &file,
        "# region\n[annat]\nhost=fel\n[infoklass]\nhost = db.region.se\nport=5544\ndbname=klass\nsslmode=require\n",
    )
    .unwrap();
    let s = Sources { service_files: vec![dir.path().join("missing.conf"), file], ..sources() };
    let t = Target::parse("postgresql:///?service=infoklass", &s).unwrap();
    assert_eq!(
        (t.host.as_str(), t.port, t.dbname.as_str(), t.sslmode),
        ("db.region.se", 5544, "klass", SslMode::Require)
    );
    let t = Target::parse("postgresql://annan-host/?service=infoklass", &s).unwrap();
    assert_eq!(t.host, "annan-host");
    assert!(Target::parse("postgresql:///?service=saknas", &s).unwrap_err().to_string().contains("saknas"));
}

#[test]
fn the_password_comes_from_a_private_pgpass_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    std::fs::write(&file, "# comment\nother:5432:*:anna:fel\ndb.region.se:*:infoklass:anna:r\\:tt\\\\\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let s = Sources { pgpass: Some(file.clone()), ..sources() };
    let t = Target::parse("postgresql://db.region.se/infoklass", &s).unwrap();
    assert_eq!(t.password.as_deref(), Some("r:tt\\"));
    assert_eq!(Target::parse("postgresql://db.region.se/annan", &s).unwrap().password, None);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let t = Target::parse("postgresql://db.region.se/infoklass", &s).unwrap();
        assert_eq!(t.password, None, "a file others can read is ignored, as libpq does");
    }
}
