use infoklass_core::ErrorCode;
use std::path::PathBuf;

use clap::Subcommand;
use infoklass_files::{catalog_export, catalog_import};
use infoklass_store::{Ctx, Store, StoreError};

use crate::output::{print_json, write_file};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the stored catalogue versions (the newest import is active).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write the active catalogue as a workbook to edit.
    Export {
        file: PathBuf,
        /// The language of the sheet names, headers and words: sv or en (the texts are the
        /// catalogue's, both languages side by side).
        #[arg(long, default_value = "sv", value_parser = super::parse_lang)]
        lang: infoklass_core::labels::Lang,
    },
    /// Import an edited or own catalogue workbook as a new version.
    Import {
        file: PathBuf,
        /// Check the workbook and report, without storing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    match a.command {
        Command::List { json } => {
            let list = store.catalogs()?;
            if json {
                return print_json(&list);
            }
            for c in list {
                let active = if c.active { " (aktiv)" } else { "" };
                println!(
                    "{} {}{active}: {}, {} krav i {} områden",
                    c.id, c.version, c.name_sv, c.requirements, c.areas
                );
            }
        }
        Command::Export { file, lang } => {
            let catalog = store.catalog().clone();
            let how = store.local_how_texts()?;
            let bytes = catalog_export::catalog_xlsx(&catalog, &|k| how.get(k).cloned().unwrap_or_default(), lang)
                .map_err(|e| CliError { code: ErrorCode::ExportFailed, message: e.to_string() })?;
            write_file(&file, &bytes)?;
            println!("Kravkatalog {} {} skriven till {}", catalog.id, catalog.version, file.display());
        }
        Command::Import { file, dry_run } => {
            let bytes = crate::input::read_capped(&file, catalog_import::MAX_BYTES as u64)?;
            let catalog = catalog_import::read_catalog(&bytes).map_err(|errors| {
                // A whole-file refusal (too large, damaged, not a workbook) is the one line.
                if let [e] = errors.as_slice() {
                    if e.sheet.is_empty() && e.row.is_none() {
                        let error = CliError::from(StoreError::BadCatalog(Vec::new()));
                        return error.with_message(format!("{}: {}; nothing was imported", file.display(), e.message));
                    }
                }
                for e in &errors {
                    let at = e.row.map(|r| format!("{}!rad {r}", e.sheet)).unwrap_or_else(|| e.sheet.clone());
                    eprintln!("  {at}: {} {}: {}", e.key, e.field, e.message);
                }
                CliError::from(StoreError::BadCatalog(Vec::new())).with_message(format!(
                    "{} has {} errors; nothing was imported",
                    file.display(),
                    errors.len()
                ))
            })?;
            let preview = store.catalog_import_preview(&catalog);
            for w in &preview.warnings {
                eprintln!("  varning {}: {}: {}", w.key, w.field, w.message);
            }
            if let Some(e) = preview.errors.first() {
                let code = ErrorCode::parse(&e.code).unwrap_or(ErrorCode::CatalogVersionExists);
                return Err(CliError { code, message: e.message.clone() });
            }
            if dry_run {
                println!(
                    "{} {}: {} krav i {} områden, inga fel; {} nya, {} borttagna, {} ändrade krav (inget sparat)",
                    catalog.id,
                    catalog.version,
                    catalog.requirements.len(),
                    catalog.areas.len(),
                    preview.added.len(),
                    preview.removed.len(),
                    preview.changed.len()
                );
                return Ok(());
            }
            let info = store.import_catalog(ctx, catalog)?;
            println!("Importerad och aktiv: {} {} ({} krav)", info.id, info.version, info.requirements);
        }
    }
    Ok(())
}
