use std::path::PathBuf;

use clap::Subcommand;
use infoklass_core::risk::{default_consequence, Risk};
use infoklass_store::{Ctx, RiskInput, Store};
use serde::Deserialize;

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

/// `[[risks]]` entries; a risk without `consequence` gets the one the classification gives.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskFile {
    risks: Vec<Risk>,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let Command::Add { object, file } = a.command;
    let id = store.find_object(&object)?;
    let text = std::fs::read_to_string(&file)
        .map_err(|e| CliError { code: "FILE_ERROR".into(), message: format!("cannot read {}: {e}", file.display()) })?;
    let parsed: Result<RiskFile, String> = if text.trim_start().starts_with('{') {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        toml::from_str(&text).map_err(|e| e.to_string())
    };
    let parsed = parsed.map_err(|e| CliError { code: "INVALID_INPUT".into(), message: format!("{}: {e}", file.display()) })?;
    let current = store.get_object(&id, &ctx.today)?.current;
    let max = store.risk_analysis(&id)?.matrix.max_consequence();
    for (i, mut risk) in parsed.risks.into_iter().enumerate() {
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
