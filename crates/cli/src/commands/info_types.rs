use std::path::PathBuf;

use clap::Subcommand;
use infoklass_core::info_type::InfoTypeCatalog;
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
    /// List the information types with their default levels and how many objects use each.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write the organisation's information types as a TOML file to edit.
    Export { file: PathBuf },
    /// Make the list match an edited file: new types added, changed ones updated, types
    /// missing from the file retired (never deleted).
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
            let list = store.info_type_entries()?;
            if json {
                return print_json(&list);
            }
            for e in list {
                let t = &e.info_type;
                let l = &t.levels;
                let retired = if t.retired { " (ur bruk)" } else { "" };
                println!("{} {} K{} R{} T{} S{}, {} objekt{retired}", t.key, t.name_sv, l.k, l.r, l.t, l.s, e.used_in);
            }
        }
        Command::Export { file } => {
            let list = store.info_type_file(&ctx.today)?;
            write_file(&file, list.to_toml().as_bytes())?;
            println!("{} informationstyper skrivna till {}", list.types.len(), file.display());
        }
        Command::Import { file, dry_run, json } => {
            let bad = |message: String| CliError { code: "INFO_TYPE_FILE_INVALID".into(), message };
            let text = std::fs::read_to_string(&file).map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
            let list = InfoTypeCatalog::from_toml(&text, store.scale().max_level())
                .map_err(|e| bad(format!("{}: {e}; nothing was imported", file.display())))?;
            let r = store.import_info_types(ctx, &list, dry_run)?;
            if json {
                return print_json(&r);
            }
            super::threats::print_sync(&r.created, &r.updated, &r.retired, r.unchanged, dry_run);
        }
    }
    Ok(())
}
