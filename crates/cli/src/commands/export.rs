//! `infoklass export`: objects as Infoklass workbooks (the ISAK successor).

use std::path::PathBuf;

use infoklass_excel::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, Store};

use crate::output::write_file;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// One or more objects (ids or names). One object gives its own workbook; several give a
    /// portfolio workbook unless --each is set.
    #[arg(required = true)]
    objects: Vec<String>,
    /// The file to write (with --each: a folder, one workbook per object).
    #[arg(long)]
    out: PathBuf,
    /// Write one workbook per object into the folder given by --out.
    #[arg(long)]
    each: bool,
    /// Write a portfolio workbook even for a single object.
    #[arg(long)]
    portfolio: bool,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let ids = a.objects.iter().map(|o| store.find_object(o)).collect::<Result<Vec<_>, _>>()?;
    let stamp = ExportStamp { app_version: env!("CARGO_PKG_VERSION").to_string(), exported_at: ctx.now.clone() };
    let failed = |e: infoklass_excel::ExcelError| CliError { code: "EXPORT_FAILED".into(), message: e.to_string() };
    if a.each {
        std::fs::create_dir_all(&a.out)
            .map_err(|e| CliError { code: "WRITE_FAILED".into(), message: format!("{}: {e}", a.out.display()) })?;
        for id in &ids {
            let data = gather(store, id, &ctx.today)?;
            let path = a.out.join(format!("{}.xlsx", safe_file_name(&data.detail.meta.name)));
            write_file(&path, &object_workbook(&data, &stamp).map_err(failed)?)?;
            println!("{}", path.display());
        }
        return Ok(());
    }
    let bytes = if ids.len() == 1 && !a.portfolio {
        object_workbook(&gather(store, &ids[0], &ctx.today)?, &stamp).map_err(failed)?
    } else {
        portfolio_workbook(&store.portfolio(&ids, &ctx.today)?, &stamp).map_err(failed)?
    };
    write_file(&a.out, &bytes)?;
    println!("{} objekt skrivna till {}", ids.len(), a.out.display());
    Ok(())
}

/// A file name a person recognises, without characters file systems refuse.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() || " -_()".contains(c) { c } else { '_' }).collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() { "objekt".to_string() } else { trimmed.chars().take(80).collect() }
}
