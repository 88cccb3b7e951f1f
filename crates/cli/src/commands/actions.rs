use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use std::path::PathBuf;

use infoklass_files::action_plan::{action_plan_csv, action_plan_xlsx};
use infoklass_store::{Ctx, Store};

use crate::output::{print_json, write_file};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Print JSON (a list of Action).
    #[arg(long)]
    json: bool,
    /// Write the plan to this file instead of printing it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// xlsx, csv or json (default: from the file ending, else xlsx).
    #[arg(long, requires = "out")]
    format: Option<String>,
    /// The language of the file's headers, words and requirement texts: sv or en.
    #[arg(long, default_value = "sv", value_parser = super::parse_lang)]
    lang: Lang,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    if let Some(out) = &a.out {
        return write(store, ctx, &id, out, a.format, a.lang);
    }
    let plan = store.action_plan(&id, &ctx.today)?;
    if a.json {
        return print_json(&plan);
    }
    if plan.is_empty() {
        println!("Handlingsplanen är tom.");
    }
    for action in &plan {
        let due = action.due.clone().unwrap_or_else(|| "–".into());
        let flag = if action.overdue { "  FÖRSENAD" } else { "" };
        let from = action.requirement_key.clone().unwrap_or_else(|| "egen".into());
        println!(
            "{due:<10}  {:<6} {:<12} {:<8} {}{flag}",
            action.priority.as_str(),
            action.status.as_str(),
            from,
            action.measure
        );
    }
    Ok(())
}

/// The plan as a file, in the formats `infoklass procurement` knows (less html: the app prints).
fn write(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    out: &std::path::Path,
    format: Option<String>,
    lang: Lang,
) -> Result<(), CliError> {
    let plan = store.action_plan_export(id, &ctx.today, lang)?;
    let ext = out.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = format.unwrap_or(if ext.is_empty() { "xlsx".into() } else { ext });
    let bytes = match format.as_str() {
        "xlsx" => action_plan_xlsx(&plan, &ctx.today, lang)
            .map_err(|e| CliError { code: ErrorCode::ExportFailed, message: e.to_string() })?,
        "csv" => action_plan_csv(&plan, lang).into_bytes(),
        "json" => serde_json::to_vec_pretty(&plan).expect("serialisable"),
        other => {
            return Err(CliError {
                code: ErrorCode::InvalidInput,
                message: format!("unknown format \"{other}\" (xlsx, csv, json)"),
            })
        }
    };
    write_file(out, &bytes)?;
    println!("{} åtgärder skrivna till {}", plan.rows.len(), out.display());
    Ok(())
}
