//! `infoklass db`: setting up the database. On a PostgreSQL URL, `init` creates the schema,
//! the roles and the policies on an empty database (or brings an older one up to date); on
//! a file it creates or migrates the embedded SQLite database. `backup` copies a file that is
//! in use.

use std::path::Path;

use infoklass_core::ErrorCode;
use infoklass_pg::schema;
use infoklass_store::Store;
use serde::Serialize;

use crate::commands::org_db;
use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(clap::Subcommand)]
enum DbCommand {
    /// Set up the database named by --db / INFOKLASS_DB; running it again changes nothing.
    Init {
        #[arg(long)]
        json: bool,
    },
    /// A consistent copy of the database file while it is in use, into a new file
    /// (an organisation database is backed up with pg_dump).
    Backup {
        file: std::path::PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct Report {
    backend: &'static str,
    database: String,
    from: Option<i64>,
    to: i64,
    applied: Vec<i64>,
}

pub fn run(location: &Path, a: Args) -> Result<(), CliError> {
    match a.command {
        DbCommand::Init { json } => init(location, json),
        DbCommand::Backup { file, json } => backup(location, &file, json),
    }
}

fn backup(location: &Path, file: &Path, json: bool) -> Result<(), CliError> {
    if infoklass_pg::is_database_url(&location.to_string_lossy()) {
        return Err(CliError {
            code: ErrorCode::InvalidInput,
            message: "an organisation database is backed up with pg_dump (see docs/SHARED-DATABASE.md)".into(),
        });
    }
    if !location.exists() {
        return Err(CliError { code: ErrorCode::NotFound, message: format!("{} does not exist", location.display()) });
    }
    let report = Store::open(location)?.backup_to(file)?;
    if json {
        return print_json(&report);
    }
    println!(
        "Kopia skriven: {} ({} byte, schemaversion {}, {} objekt), kontrollerad.",
        report.file, report.bytes, report.schema_version, report.objects
    );
    Ok(())
}

fn init(location: &Path, json: bool) -> Result<(), CliError> {
    let text = location.to_string_lossy();
    let report = if infoklass_pg::is_database_url(&text) {
        let (mut client, target) = org_db::connect(&text)?;
        let r = schema::init(&mut client)?;
        // The shipped catalogues, stored by the database's owner.
        Store::open_postgres(client)?;
        Report { backend: "postgresql", database: target.display(), from: r.from, to: r.to, applied: r.applied }
    } else {
        let existed = location.exists();
        let store = Store::open(location)?;
        let to = i64::from(infoklass_store::migrate::schema_version(
            store.connection().as_sqlite().map_err(infoklass_store::StoreError::from)?,
        )?);
        let from = existed.then_some(to);
        Report { backend: "sqlite", database: location.display().to_string(), from, to, applied: vec![] }
    };
    if json {
        return print_json(&report);
    }
    match (report.backend, report.applied.is_empty()) {
        ("postgresql", false) => println!(
            "{}: uppsatt till schemaversion {} (tillämpade migreringar: {}).",
            report.database,
            report.to,
            report.applied.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
        ),
        ("sqlite", _) if report.from.is_none() => {
            println!("{}: skapad med schemaversion {}.", report.database, report.to)
        }
        _ => println!("{}: schemaversion {}, inget att göra.", report.database, report.to),
    }
    Ok(())
}
