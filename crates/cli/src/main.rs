//! `infoklass`: the command-line face of Infoklass. One module per subcommand.

mod commands;
mod input;
mod output;

use infoklass_core::ErrorCode;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use infoklass_store::{env, Ctx, Store, StoreError};

#[derive(Parser)]
#[command(name = "infoklass", version, about = "Informationsklassning: objekt, nivåer och profiler från kommandoraden")]
struct Cli {
    /// The database: a file (default: INFOKLASS_DB, else the per-user app data folder) or an
    /// organisation database, postgresql://user@host:port/dbname (db and users commands).
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the objects with their profile and status (also `list`), with filters and sorting.
    #[command(alias = "list")]
    Objects(commands::objects::Args),
    /// Show one object: facts, information sets, profile, status and history.
    Show(commands::show::Args),
    /// Create an object with its information sets from a JSON or TOML file.
    New(commands::new::Args),
    /// Approve (fastställ) the current draft of an object.
    Approve(commands::approve::Args),
    /// The coordinator's overview: coverage, levels, reviews, risk analyses, quality findings.
    Overview(commands::overview::Args),
    /// Översyn utan ändringar: record that the approved classification still holds.
    Review(commands::review::Args),
    /// The review queue: overdue reviews and those due soon, by unit and owner.
    Reviews(commands::reviews::Args),
    /// Show or change the organisation's review rule (how often to review).
    ReviewRule(commands::review_rule::Args),
    /// Show or name the role that may accept a risk in the highest band (e.g. Regiondirektör).
    TopRiskRole(commands::top_risk_role::Args),
    /// Delete an object that was never approved (recorded in the audit log).
    Delete(commands::delete::Args),
    /// Decommission (avveckla) an object: kept, read-only, hidden from the list by default.
    Decommission(commands::decommission::Args),
    /// Dependencies between objects: add, list, remove, decide a suggested level.
    Deps(commands::deps::Args),
    /// The requirements derived from an object's classification, with the self-assessment.
    Requirements(commands::requirements::Args),
    /// Answer the self-assessment of one requirement.
    Assess(commands::assess::Args),
    /// Hand requirements over to IT or the supplier to answer, or take them back.
    Handover(commands::handover::Args),
    /// The object's action plan (handlingsplan); --out writes it as xlsx or csv.
    Actions(commands::actions::Args),
    /// Write the procurement requirements of one or more objects (xlsx, csv, json, html).
    Procurement(commands::procurement::Args),
    /// The requirement catalogue: list, export as a workbook, import a new version.
    Catalog(commands::catalog::Args),
    /// The object's risk analysis, highest risk first.
    Risks(commands::risks::Args),
    /// Add risks from a file.
    Risk(commands::risk::Args),
    /// The threat catalogue: list, export as TOML, import an edited file.
    Threats(commands::lists::Args),
    /// The information types: list, export as TOML, import an edited file.
    InfoTypes(commands::lists::Args),
    /// A report as PDF/A: `report object|risk <obj>`, `report overview [--unit U]`, with --out.
    Report(commands::report::Args),
    /// Write objects as Infoklass workbooks (one object, or a portfolio of many).
    Export(commands::export::Args),
    /// Read edited Infoklass workbooks back (preview with --dry-run).
    Import(commands::import::Args),
    /// Set up the database: `db init` (PostgreSQL: schema, roles and policies; a file: migrate).
    Db(commands::db::Args),
    /// Who may do what in the organisation database: add, list, remove logins and roles.
    Users(commands::users::Args),
}

/// An error with a stable code, printed as one line.
pub struct CliError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        let message = match &e {
            StoreError::Validation(issues) => {
                let list: Vec<String> = issues.iter().map(|i| i.message_sv()).collect();
                format!("{e}: {}", list.join(" "))
            }
            _ => e.to_string(),
        };
        CliError { code: e.code(), message }
    }
}

impl CliError {
    pub fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, which turns a closed pipe into a panic on the next print.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let path = env::resolve_db_path(cli.db);
    let result = match cli.command {
        Command::Db(a) => commands::db::run(&path, a),
        Command::Users(a) => commands::users::run(&path, a),
        command => run_on_database(&path, command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("infoklass: {} [{}]", e.message.replace('\n', " "), e.code);
            ExitCode::FAILURE
        }
    }
}

/// The file, or the organisation database when `location` is a `postgresql://` URL.
pub fn open_location(location: &std::path::Path) -> Result<(Store, Ctx), CliError> {
    let text = location.to_string_lossy();
    if infoklass_pg::is_database_url(&text) {
        let (client, target) = commands::org_db::connect(&text)?;
        return Ok((Store::open_postgres(client)?, Ctx { actor: target.user.clone(), ..Ctx::system() }));
    }
    Ok((Store::open(location)?, Ctx::system()))
}

/// Opens the file or the organisation database and runs the command on it. On the
/// organisation database the acting user is the login (the history takes it from the server).
fn run_on_database(path: &std::path::Path, command: Command) -> Result<(), CliError> {
    let (mut store, ctx) = open_location(path)?;
    {
        match command {
            Command::Objects(a) => commands::objects::run(&store, &ctx, a),
            Command::Show(a) => commands::show::run(&store, &ctx, a),
            Command::New(a) => commands::new::run(&mut store, &ctx, a),
            Command::Approve(a) => commands::approve::run(&mut store, &ctx, a),
            Command::Overview(a) => commands::overview::run(&store, &ctx, a),
            Command::Review(a) => commands::review::run(&mut store, &ctx, a),
            Command::Reviews(a) => commands::reviews::run(&store, &ctx, a),
            Command::ReviewRule(a) => commands::review_rule::run(&mut store, &ctx, a),
            Command::TopRiskRole(a) => commands::top_risk_role::run(&mut store, &ctx, a),
            Command::Delete(a) => commands::delete::run(&mut store, &ctx, a),
            Command::Decommission(a) => commands::decommission::run(&mut store, &ctx, a),
            Command::Deps(a) => commands::deps::run(&mut store, &ctx, a),
            Command::Requirements(a) => commands::requirements::run(&store, &ctx, a),
            Command::Assess(a) => commands::assess::run(&mut store, &ctx, a),
            Command::Handover(a) => commands::handover::run(&mut store, &ctx, a),
            Command::Actions(a) => commands::actions::run(&store, &ctx, a),
            Command::Procurement(a) => commands::procurement::run(&store, &ctx, a),
            Command::Catalog(a) => commands::catalog::run(&mut store, &ctx, a),
            Command::Risks(a) => commands::risks::run(&store, &ctx, a),
            Command::Risk(a) => commands::risk::run(&mut store, &ctx, a),
            Command::Threats(a) => commands::threats::run(&mut store, &ctx, a),
            Command::InfoTypes(a) => commands::info_types::run(&mut store, &ctx, a),
            Command::Report(a) => commands::report::run(&store, &ctx, a),
            Command::Export(a) => commands::export::run(&store, &ctx, a),
            Command::Import(a) => commands::import::run(&mut store, &ctx, a),
            Command::Db(_) | Command::Users(_) => unreachable!("handled before a file is opened"),
        }
    }
}
