//! `infoklass import`: old ISAK workbooks and edited Infoklass workbooks into the database.
//! Every file is previewed; without --dry-run it is written in one transaction. One broken
//! file does not stop the others; the exit code says whether any failed.

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use std::path::{Path, PathBuf};

use infoklass_files::import;
use infoklass_store::{Ctx, FileImport, ImportOutcome, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Workbooks, or folders whose .xlsx, .xlsm, .xls and .ods files are all read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Show what would happen without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON (one entry per file).
    #[arg(long)]
    json: bool,
    /// Map a level word used in old workbooks, e.g. --map "hög=3" (app level 0–4); remembered.
    #[arg(long, value_name = "WORD=LEVEL")]
    map: Vec<String>,
    /// The language of a workbook's change list (sheets, columns, words): sv or en.
    #[arg(long, default_value = "sv", value_parser = super::parse_lang)]
    lang: Lang,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    for m in &a.map {
        let (word, level) = m
            .split_once('=')
            .and_then(|(w, l)| l.trim().parse::<u8>().ok().map(|l| (w, l)))
            .ok_or_else(|| CliError {
                code: ErrorCode::InvalidInput,
                message: format!("--map \"{m}\": write WORD=LEVEL, e.g. hög=3"),
            })?;
        store.save_import_word(ctx, word, level)?;
    }
    let files = collect(&a.paths)?;
    let mut reports = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if !a.json {
            eprintln!("[{}/{}] {}", i + 1, files.len(), file.display());
        }
        // The file's own name is what the import record keeps; the folder is the user's business.
        let name =
            file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
        // Checked for kind and size before it is read (a FIFO or /dev/zero would hang or fill memory).
        let report = match import::read_file(file) {
            Ok(bytes) if a.dry_run => import::preview_in(store, &name, &bytes, &ctx.today, a.lang),
            Ok(bytes) => import::import_in(store, ctx, &name, &bytes, a.lang),
            Err(failure) => FileImport { file_name: name, failure: Some(*failure), ..Default::default() },
        };
        reports.push(report);
    }
    if a.json {
        print_json(&reports)?;
    } else {
        reports.iter().for_each(|r| print_report(r, a.dry_run));
    }
    let failed = reports.iter().filter(|r| !r.ok).count();
    if failed > 0 {
        return Err(CliError {
            code: ErrorCode::ImportFailed,
            message: format!("{failed} of {} files could not be imported", reports.len()),
        });
    }
    // Conflicts are never applied; the exit code tells scripts that something was left out.
    let conflicts: usize = reports.iter().filter_map(|r| r.workbook.as_ref()).map(|p| p.conflicts.len()).sum();
    if conflicts > 0 {
        return Err(CliError {
            code: ErrorCode::ImportConflict,
            message: format!("{conflicts} fields were changed both in the workbook and in the database since the export and were not applied"),
        });
    }
    Ok(())
}

fn print_report(r: &FileImport, dry_run: bool) {
    let saved = if dry_run { " (förhandsvisning, inget sparat)" } else { "" };
    if let Some(f) = &r.failure {
        println!("{}: kan inte importeras: {} [{}]", r.file_name, f.message_sv, f.code);
    } else if let Some(plan) = &r.workbook {
        let what = if plan.changes.is_empty() {
            "inga ändringar".to_string()
        } else {
            format!("{} ändringar", plan.changes.len())
        };
        println!("{}: Infoklass-arbetsbok för {} – {what}{saved}", r.file_name, plan.object_name);
        if plan.stale {
            println!("  obs: objektet har klassats om sedan arbetsboken exporterades");
        }
        if plan.starts_reclassification {
            println!("  obs: klassningen är fastställd; ändrade informationsmängder ger ett nytt utkast");
        }
        for c in &plan.changes {
            println!("  {} · {} · {}: \"{}\" → \"{}\"", c.sheet, c.item, c.field, c.old, c.new);
        }
        for c in &plan.conflicts {
            let now =
                if c.removed { "raden är borttagen".to_string() } else { format!("databasen \"{}\"", c.database) };
            let then = c
                .exported
                .as_deref()
                .map(|e| format!("vid exporten \"{e}\""))
                .unwrap_or_else(|| "värdet vid exporten okänt".into());
            println!(
                "  KONFLIKT, sparas inte: {} · {} · {}: {now}, arbetsboken \"{}\", {then}",
                c.sheet, c.item, c.field, c.workbook
            );
        }
    } else if let Some(plan) = &r.legacy {
        let what = match plan.outcome {
            ImportOutcome::Created => "nytt objekt",
            ImportOutcome::Updated => "uppdaterar objektet med samma namn (nytt utkast)",
            ImportOutcome::Unchanged => "redan importerad, inget att göra",
        };
        println!(
            "{}: ISAK – {}: {what}; {} informationsmängder, {} risker, {} äldre krav{saved}",
            r.file_name, plan.object_name, plan.sets, plan.risks, plan.requirements
        );
    } else {
        println!("{}: kan inte importeras", r.file_name);
    }
    for d in &r.diagnostics {
        println!("  {}: {} [{}]", d.severity, d.message_sv, d.code);
    }
    if !r.unknown_words.is_empty() {
        println!("  okända nivåord: {} (ange --map ORD=NIVÅ)", r.unknown_words.join(", "));
    }
    if !r.leftovers.is_empty() {
        println!("  {} celler lästes inte (finns i importrapporten)", r.leftovers.len());
    }
}

/// The files named, and the workbooks directly inside the folders named, in name order.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(workbooks_in(p)?);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn workbooks_in(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| CliError { code: ErrorCode::FileError, message: format!("{}: {e}", dir.display()) })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| {
            let ext = f.extension().map(|x| x.to_string_lossy().to_lowercase()).unwrap_or_default();
            f.is_file() && ["xlsx", "xlsm", "xls", "ods"].contains(&ext.as_str())
        })
        .collect();
    // Swedish order, so a batch is read in the order a person sees the folder.
    found.sort_by(|a, b| infoklass_core::collate::compare(&a.to_string_lossy(), &b.to_string_lossy()));
    Ok(found)
}
