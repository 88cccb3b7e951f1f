use std::path::PathBuf;

use clap::Subcommand;
use infoklass_core::risk::ThreatCatalog;
use infoklass_store::{Ctx, Store};

use crate::output::{print_json, write_file};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the threats by origin, with how many risks use each.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write the organisation's threat catalogue as a TOML file to edit.
    Export { file: PathBuf },
    /// Make the catalogue match an edited file: new threats added, changed ones updated,
    /// threats missing from the file retired (never deleted).
    Import {
        file: PathBuf,
        /// Report what would change, without storing anything.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    match a.command {
        Command::List { json } => {
            let list = store.threats()?;
            if json {
                return print_json(&list);
            }
            for o in &list.origins {
                println!("{}", o.name_sv);
                for e in list.threats.iter().filter(|e| e.threat.origin == o.key) {
                    let t = &e.threat;
                    let aspects: String = t.aspects.iter().map(|a| a.code()).collect();
                    let retired = if t.retired { " (ur bruk)" } else { "" };
                    println!("  {} {} [{aspects}] {} risker{retired}", t.key, t.name_sv, e.used_in);
                }
            }
        }
        Command::Export { file } => {
            let catalog = store.threat_catalog_file(&ctx.today)?;
            write_file(&file, catalog.to_toml().as_bytes())?;
            println!("Hotkatalog med {} hot skriven till {}", catalog.threats.len(), file.display());
        }
        Command::Import { file, dry_run, json } => {
            let bad = |message: String| CliError { code: "THREAT_FILE_INVALID".into(), message };
            let text = std::fs::read_to_string(&file).map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
            let catalog = ThreatCatalog::from_toml(&text).map_err(|e| bad(format!("{}: {e}; nothing was imported", file.display())))?;
            let report = store.import_threats(ctx, &catalog, dry_run)?;
            if json {
                return print_json(&report);
            }
            print_sync(&report.created, &report.updated, &report.retired, report.unchanged, dry_run);
        }
    }
    Ok(())
}

/// One line on what an import of an edited list did (or would do).
pub(crate) fn print_sync(created: &[String], updated: &[String], retired: &[String], unchanged: u32, dry_run: bool) {
    let list = |keys: &[String]| if keys.is_empty() { String::new() } else { format!(" ({})", keys.join(", ")) };
    println!(
        "{} nya{}, {} ändrade{}, {} tas ur bruk{}, {} oförändrade{}",
        created.len(),
        list(created),
        updated.len(),
        list(updated),
        retired.len(),
        list(retired),
        unchanged,
        if dry_run { " (inget sparat)" } else { "" }
    );
}
