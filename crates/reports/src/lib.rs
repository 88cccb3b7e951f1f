//! Reports as PDF/A-2b, made with Typst as a library: a template folder (`catalog/reports/`,
//! shipped inside the binary, or an organisation's adapted copy) and the data as JSON.
//! Nothing here opens a database or the network: `data` gathers from a `Store` it is handed,
//! `render` turns a template and that data into PDF bytes.

mod data;
mod diagnostics;
mod template;
mod world;

use std::path::Path;

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use infoklass_store::StoreError;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use data::{object_data, overview_data, risk_data};
pub use template::{write_shipped, TemplateFiles};

pub use infoklass_store::ReportKind;

/// Each report is one template file; its first words name the saved file.
pub trait ReportFiles {
    fn template_file(self) -> &'static str;
    fn file_stem(self, lang: Lang) -> &'static str;
}

impl ReportFiles for ReportKind {
    fn template_file(self) -> &'static str {
        match self {
            ReportKind::Object => "klassningsbeslut.typ",
            ReportKind::Risk => "riskanalys.typ",
            ReportKind::Overview => "lagesrapport.typ",
        }
    }

    fn file_stem(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReportKind::Object, Lang::Sv) => "Klassningsbeslut",
            (ReportKind::Object, Lang::En) => "Classification decision",
            (ReportKind::Risk, Lang::Sv) => "Riskanalys",
            (ReportKind::Risk, Lang::En) => "Risk analysis",
            (ReportKind::Overview, Lang::Sv) => "Lägesrapport",
            (ReportKind::Overview, Lang::En) => "Status report",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The template could not be read or compiled; the message names the file and line.
    #[error("the report template has an error: {0}")]
    Template(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ReportError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ReportError::Template(_) => ErrorCode::ReportTemplate,
            ReportError::Store(e) => e.code(),
        }
    }
}

/// Makes one report. `template` is a folder laid out like `catalog/reports/` (None: the shipped
/// templates); `data` is what `object_data`, `risk_data` or `overview_data` gathered; `now`
/// is the document's date (PDF/A needs one; passed in so the output is reproducible).
pub fn render(
    kind: ReportKind,
    template: Option<&Path>,
    lang: Lang,
    data: &serde_json::Value,
    now: time::OffsetDateTime,
) -> Result<Vec<u8>, ReportError> {
    let files = match template {
        Some(dir) if !dir.is_dir() => {
            return Err(ReportError::Template(format!("the folder {} does not exist", dir.display())))
        }
        Some(dir) => TemplateFiles::Folder(dir.to_path_buf()),
        None => TemplateFiles::Shipped,
    };
    if !files.has(kind.template_file()) {
        return Err(ReportError::Template(format!("the template folder has no {}", kind.template_file())));
    }
    let now = now.to_offset(time::UtcOffset::UTC);
    let date = Datetime::from_ymd_hms(now.year(), now.month() as u8, now.day(), now.hour(), now.minute(), now.second())
        .expect("a valid clock");
    let input = serde_json::json!({
        "lang": match lang { Lang::Sv => "sv", Lang::En => "en" },
        "generated": format!("{:04}-{:02}-{:02}", now.year(), now.month() as u8, now.day()),
        "report": data,
    });
    let bytes = serde_json::to_vec(&input).map_err(|e| ReportError::Template(e.to_string()))?;
    let world = world::ReportWorld::new(files, kind.template_file(), bytes, date);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| ReportError::Template(diagnostics::describe(&world, &errors)))?;
    let options = PdfOptions {
        creator: Smart::Custom(Some("Infoklass".into())),
        timestamp: Some(Timestamp::new_utc(date)),
        standards: PdfStandards::new(&[PdfStandard::A_2b]).expect("PDF/A-2b alone is a valid choice"),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| ReportError::Template(diagnostics::describe(&world, &errors)));
    // Typst memoises layout across compilations; reports are made now and then, so the cache
    // would only hold memory in a long-running app (and make a repeated report look faster).
    typst::comemo::evict(0);
    pdf
}

/// The clock of a `Ctx` (RFC 3339) as the document's date; the present moment if it is unreadable.
pub fn clock(rfc3339: &str) -> time::OffsetDateTime {
    time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// Environment variable naming an organisation's template folder, for the app (the CLI's
/// `--template` wins over it).
pub const TEMPLATE_ENV: &str = "INFOKLASS_REPORT_TEMPLATES";

/// The template folder from `INFOKLASS_REPORT_TEMPLATES`, if set and not empty.
pub fn template_dir_from_env() -> Option<std::path::PathBuf> {
    std::env::var_os(TEMPLATE_ENV).filter(|v| !v.is_empty()).map(std::path::PathBuf::from)
}
