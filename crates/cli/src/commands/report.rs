//! `infoklass report object|risk|overview`: a report as PDF/A (Klassningsbeslut, Riskanalys,
//! Lägesrapport) from the shipped templates or an organisation's own (`--template DIR`).

use std::path::PathBuf;

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use infoklass_reports::{ReportError, ReportKind};
use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    which: Which,
}

#[derive(clap::Subcommand)]
enum Which {
    /// Klassningsbeslut: facts, sets with levels and motivations, profile, lagrum, approval,
    /// requirement status and open actions.
    Object(ObjectArgs),
    /// Riskanalys: the analysis, its risks and both heat maps.
    Risk(ObjectArgs),
    /// Lägesrapport: the overview of the organisation or one unit, with charts.
    Overview(OverviewArgs),
    /// Writes the shipped templates into a folder, to adapt and use with --template.
    Template {
        /// An empty or new folder.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
struct Common {
    /// The PDF file to write.
    #[arg(long)]
    out: PathBuf,
    /// A template folder laid out like catalog/reports (default: the shipped templates).
    #[arg(long, value_name = "DIR")]
    template: Option<PathBuf>,
    /// The report's language.
    #[arg(long, default_value = "sv", value_parser = super::parse_lang)]
    lang: Lang,
}

#[derive(clap::Args)]
struct ObjectArgs {
    /// The object's id or name.
    object: String,
    #[command(flatten)]
    common: Common,
}

#[derive(clap::Args)]
struct OverviewArgs {
    /// Only this förvaltning/enhet.
    #[arg(long)]
    unit: Option<String>,
    #[command(flatten)]
    common: Common,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let (kind, data, common) = match a.which {
        Which::Template { out } => {
            let written = infoklass_reports::write_shipped(&out).map_err(|e| CliError {
                code: ErrorCode::WriteFailed,
                message: format!("could not write the templates: {e}"),
            })?;
            for path in written {
                println!("{}", path.display());
            }
            return Ok(());
        }
        Which::Object(o) => {
            let id = store.find_object(&o.object)?;
            (ReportKind::Object, infoklass_reports::object_data(store, &id, &ctx.today)?, o.common)
        }
        Which::Risk(o) => {
            let id = store.find_object(&o.object)?;
            (ReportKind::Risk, infoklass_reports::risk_data(store, &id, &ctx.today)?, o.common)
        }
        Which::Overview(o) => {
            (ReportKind::Overview, infoklass_reports::overview_data(store, o.unit.as_deref(), &ctx.today)?, o.common)
        }
    };
    let template = common.template.or_else(infoklass_reports::template_dir_from_env);
    let pdf =
        infoklass_reports::render(kind, template.as_deref(), common.lang, &data, infoklass_reports::clock(&ctx.now))
            .map_err(report_error)?;
    std::fs::write(&common.out, &pdf).map_err(|e| CliError {
        code: ErrorCode::WriteFailed,
        message: format!("could not write {}: {e}", common.out.display()),
    })?;
    println!("{} ({} kB)", common.out.display(), pdf.len().div_ceil(1024));
    Ok(())
}

fn report_error(e: ReportError) -> CliError {
    match e {
        ReportError::Store(s) => s.into(),
        other => CliError { code: other.code(), message: other.to_string() },
    }
}
