//! `infoklass`: the command-line face of Infoklass. One module per subcommand.

mod commands;
mod input;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use infoklass_store::{env, Ctx, Store, StoreError};

#[derive(Parser)]
#[command(name = "infoklass", version, about = "Informationsklassning: objekt, nivåer och profiler från kommandoraden")]
struct Cli {
    /// The database file (default: INFOKLASS_DB, else the per-user app data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the objects with their profile and status.
    Objects(commands::objects::Args),
    /// Show one object: facts, information sets, profile, status and history.
    Show(commands::show::Args),
    /// Create an object with its information sets from a JSON or TOML file.
    New(commands::new::Args),
    /// Approve (fastställ) the current draft of an object.
    Approve(commands::approve::Args),
    /// Delete an object (recorded in the audit log).
    Delete(commands::delete::Args),
}

/// An error with a stable code, printed as one line.
pub struct CliError {
    pub code: String,
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
        CliError { code: e.code().to_string(), message }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = env::resolve_db_path(cli.db);
    let result = Store::open(&path).map_err(CliError::from).and_then(|mut store| {
        let ctx = Ctx::system();
        match cli.command {
            Command::Objects(a) => commands::objects::run(&store, &ctx, a),
            Command::Show(a) => commands::show::run(&store, &ctx, a),
            Command::New(a) => commands::new::run(&mut store, &ctx, a),
            Command::Approve(a) => commands::approve::run(&mut store, &ctx, a),
            Command::Delete(a) => commands::delete::run(&mut store, &ctx, a),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("infoklass: {} [{}]", e.message.replace('\n', " "), e.code);
            ExitCode::FAILURE
        }
    }
}
