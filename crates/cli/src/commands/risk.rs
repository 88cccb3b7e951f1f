use infoklass_core::ErrorCode;
use std::path::PathBuf;

use clap::Subcommand;
use infoklass_core::input_files::parse_risk_file;
use infoklass_core::limits::{check_count, MAX_RISKS};
use infoklass_core::risk::default_consequence;
use infoklass_store::{Ctx, RiskInput, Store, StoreError};

use crate::input::read_text_file;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add risks to an object's analysis from a JSON or TOML file (see docs/CLI.md).
    Add {
        /// The object's id or name.
        object: String,
        file: PathBuf,
    },
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let Command::Add { object, file } = a.command;
    let id = store.find_object(&object)?;
    let text = read_text_file(&file)?;
    // A risk without `consequence` gets the one the classification gives.
    let risks = parse_risk_file(&text)
        .map_err(|e| CliError { code: ErrorCode::InvalidInput, message: format!("{}: {e}", file.display()) })?;
    let in_file = |e: CliError| CliError { message: format!("{}: {}", file.display(), e.message), ..e };
    check_count("risks in the file", risks.len(), MAX_RISKS).map_err(|e| in_file(StoreError::from(e).into()))?;
    let current = store.get_object(&id, &ctx.today)?.current;
    let max = store.risk_analysis(&id)?.matrix.max_consequence();
    let (sets, levels) = (&current.content.sets, &current.profile.levels);
    let inputs: Vec<RiskInput> = risks
        .into_iter()
        .map(|mut risk| {
            if risk.consequence == 0 {
                risk.consequence = default_consequence(&risk.aspects, &risk.set_ids, sets, levels, max).unwrap_or(0);
            }
            RiskInput { risk, new_actions: Vec::new() }
        })
        .collect();
    // One call, one transaction: every risk is checked first, and a bad one stores nothing.
    store.save_risks(ctx, &id, &inputs).map_err(|e| in_file(e.into()))?;
    let after = store.risk_analysis(&id)?;
    println!("{} risker i analysen för {}", after.risks.len(), after.object_name);
    Ok(())
}
