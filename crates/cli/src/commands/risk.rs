use std::path::PathBuf;

use clap::Subcommand;
use infoklass_core::input_files::parse_risk_file;
use infoklass_core::risk::default_consequence;
use infoklass_store::{Ctx, RiskInput, Store};

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
    let text = std::fs::read_to_string(&file)
        .map_err(|e| CliError { code: "FILE_ERROR".into(), message: format!("cannot read {}: {e}", file.display()) })?;
    // A risk without `consequence` gets the one the classification gives.
    let risks = parse_risk_file(&text).map_err(|e| CliError { code: "INVALID_INPUT".into(), message: format!("{}: {e}", file.display()) })?;
    let current = store.get_object(&id, &ctx.today)?.current;
    let max = store.risk_analysis(&id)?.matrix.max_consequence();
    for (i, mut risk) in risks.into_iter().enumerate() {
        if risk.consequence == 0 {
            let (sets, levels) = (&current.content.sets, &current.profile.levels);
            risk.consequence = default_consequence(&risk.aspects, &risk.set_ids, sets, levels, max).unwrap_or(0);
        }
        store.save_risk(ctx, &id, &RiskInput { risk, new_actions: Vec::new() }).map_err(|e| {
            let mut err = CliError::from(e);
            err.message = format!("risk {} in {}: {}", i + 1, file.display(), err.message);
            err
        })?;
    }
    let after = store.risk_analysis(&id)?;
    println!("{} risker i analysen för {}", after.risks.len(), after.object_name);
    Ok(())
}
