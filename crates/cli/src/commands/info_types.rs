use infoklass_core::info_type::InfoTypeCatalog;
use infoklass_core::ErrorCode;
use infoklass_store::{Ctx, Store};

use super::lists::{invalid, print_sync, read, Args, ListCommand};
use crate::output::{print_json, write_file};
use crate::CliError;

const INVALID: ErrorCode = ErrorCode::InfoTypeFileInvalid;

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    match a.command {
        ListCommand::List { json } => {
            let list = store.info_type_entries()?;
            if json {
                return print_json(&list);
            }
            for e in list {
                let (t, l) = (&e.info_type, &e.info_type.levels);
                let retired = if t.retired { " (ur bruk)" } else { "" };
                println!("{} {} K{} R{} T{} S{}, {} objekt{retired}", t.key, t.name_sv, l.k, l.r, l.t, l.s, e.used_in);
            }
        }
        ListCommand::Export { file } => {
            let list = store.info_type_file(&ctx.today)?;
            write_file(&file, list.to_toml().as_bytes())?;
            println!("{} informationstyper skrivna till {}", list.types.len(), file.display());
        }
        ListCommand::Import { file, dry_run, json } => {
            let max = store.scale().max_level();
            let list =
                InfoTypeCatalog::from_toml(&read(&file, INVALID)?, max).map_err(|e| invalid(&file, INVALID, e))?;
            let r = store.import_info_types(ctx, &list, dry_run)?;
            if json {
                return print_json(&r);
            }
            print_sync(&r.created, &r.updated, &r.retired, r.unchanged, dry_run);
        }
    }
    Ok(())
}
