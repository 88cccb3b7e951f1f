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
    /// Copy the objects of one or more database files into another database (the last one
    /// named: the organisation's URL or a file), with their versions, approvals, answers,
    /// risks and history; objects it has already are reported, not copied.
    Copy {
        /// The files to copy from, then the database to copy into.
        #[arg(required = true, num_args = 2..)]
        locations: Vec<std::path::PathBuf>,
        /// Do everything and undo it: the report says what would be copied.
        #[arg(long)]
        dry_run: bool,
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
        DbCommand::Copy { mut locations, dry_run, json } => {
            let target = locations.pop().expect("clap asks for at least two");
            copy(&locations, &target, dry_run, json)
        }
    }
}

#[derive(Serialize)]
struct FileCopy {
    file: String,
    #[serde(flatten)]
    report: infoklass_store::CopyReport,
}

fn copy(files: &[std::path::PathBuf], target: &Path, dry_run: bool, json: bool) -> Result<(), CliError> {
    let (mut to, _) = crate::open_location(target)?;
    let mut reports = Vec::new();
    for file in files {
        if infoklass_pg::is_database_url(&file.to_string_lossy()) || !file.is_file() {
            return Err(CliError {
                code: ErrorCode::NotFound,
                message: format!("{} is not a database file to copy from", file.display()),
            });
        }
        let from = Store::open(file)?;
        let report = to.copy_from(&from, dry_run)?;
        reports.push(FileCopy { file: file.display().to_string(), report });
    }
    if json {
        return print_json(&reports);
    }
    let verb = if dry_run { "skulle kopieras" } else { "kopierade" };
    for r in &reports {
        println!("{}: {} objekt {verb}, {} fanns redan", r.file, r.report.copied.len(), r.report.already_there.len());
        for o in &r.report.already_there {
            println!("  finns redan: {} ({})", o.name, o.id);
        }
        if r.report.dependencies_left_out > 0 {
            println!("  {} beroenden till objekt som saknas lämnades utanför", r.report.dependencies_left_out);
        }
    }
    Ok(())
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
