use infoklass_core::risk::ThreatCatalog;
use infoklass_core::ErrorCode;
use infoklass_store::{Ctx, Store};

use super::lists::{invalid, print_sync, read, Args, ListCommand};
use crate::output::{print_json, write_file};
use crate::CliError;

const INVALID: ErrorCode = ErrorCode::ThreatFileInvalid;

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    match a.command {
        ListCommand::List { json } => {
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
        ListCommand::Export { file } => {
            let catalog = store.threat_catalog_file(&ctx.today)?;
            write_file(&file, catalog.to_toml().as_bytes())?;
            println!("Hotkatalog med {} hot skriven till {}", catalog.threats.len(), file.display());
        }
        ListCommand::Import { file, dry_run, json } => {
            let catalog = ThreatCatalog::from_toml(&read(&file, INVALID)?).map_err(|e| invalid(&file, INVALID, e))?;
            let r = store.import_threats(ctx, &catalog, dry_run)?;
            if json {
                return print_json(&r);
            }
            print_sync(&r.created, &r.updated, &r.retired, r.unchanged, dry_run);
        }
    }
    Ok(())
}
