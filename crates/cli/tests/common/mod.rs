//! What the command-line tests share: running the built `infoklass` on a database, and the
//! files they read. Each test file uses a part of it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// `infoklass --db DB ARGS…` as the user "testare", never the database of the environment.
pub fn infoklass(db: impl AsRef<OsStr>, args: &[&str]) -> Output {
    infoklass_as("testare", db, args)
}

/// `infoklass` as another user, whose name the records keep.
pub fn infoklass_as(user: &str, db: impl AsRef<OsStr>, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infoklass"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INFOKLASS_USER", user)
        .env_remove("INFOKLASS_DB")
        .output()
        .unwrap()
}

/// The standard output of a run that succeeded.
pub fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn ok(o: Output) -> String {
    stdout(&o)
}

/// An old ISAK workbook of the isak crate's fixtures.
pub fn fixture(name: &str) -> String {
    format!("{}/../isak/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The example object of the documentation (Ekonomisystem).
pub fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml").display().to_string()
}
