use infoklass_core::ErrorCode;
use std::path::PathBuf;

use infoklass_core::labels::Lang;
use infoklass_core::requirements::Suppression;
use infoklass_files::{procurement_csv, procurement_html, procurement_xlsx};
use infoklass_store::{Ctx, Store};

use crate::output::write_file;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// One or more objects (ids or names); their requirements are united without duplicates.
    #[arg(required = true)]
    objects: Vec<String>,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// xlsx, csv, json or html (default: from the file ending, else xlsx).
    #[arg(long)]
    format: Option<String>,
    /// The list's title.
    #[arg(long, default_value = "Upphandlingskrav")]
    name: String,
    /// The language of headers and words in a csv file: sv or en.
    #[arg(long, default_value = "sv", value_parser = parse_lang)]
    lang: Lang,
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("{s} is not sv or en"))
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let ids = a.objects.iter().map(|o| store.find_object(o)).collect::<Result<Vec<_>, _>>()?;
    let mut view = store.procurement_for(&ids)?;
    view.name = a.name;
    for e in &view.excluded {
        let why = match e.reason {
            Suppression::SecurityLevel => "nivå 4 (säkerhetsskydd): särskild analys krävs, inga krav härleds",
            Suppression::Incomplete => "klassningen är inte komplett",
        };
        eprintln!("infoklass: {} ger inga krav: {why}", e.object.name);
    }
    if view.objects.is_empty() {
        return Err(CliError {
            code: ErrorCode::NoRequirements,
            message: "none of the objects gives a requirement list".into(),
        });
    }
    let ext = a.out.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = a.format.unwrap_or(if ext.is_empty() { "xlsx".into() } else { ext });
    let bytes = match format.as_str() {
        "xlsx" => procurement_xlsx::procurement_xlsx(&view, &ctx.today)
            .map_err(|e| CliError { code: ErrorCode::ExportFailed, message: e.to_string() })?,
        "csv" => procurement_csv::procurement_csv(&view, a.lang).into_bytes(),
        "html" => procurement_html::procurement_html(&view, &ctx.today).into_bytes(),
        "json" => serde_json::to_vec_pretty(&view).expect("serialisable"),
        other => {
            return Err(CliError {
                code: ErrorCode::InvalidInput,
                message: format!("unknown format \"{other}\" (xlsx, csv, json, html)"),
            })
        }
    };
    write_file(&a.out, &bytes)?;
    let count = view.items.iter().filter(|i| i.relevant).count();
    println!("{count} krav för {} objekt skrivna till {}", view.objects.len(), a.out.display());
    Ok(())
}
