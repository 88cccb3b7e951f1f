//! Reports as PDF/A (Klassningsbeslut, Riskanalys, Lägesrapport), saved like every export.

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use infoklass_reports::{ReportError, ReportFiles, ReportKind};
use infoklass_store::{ErrorBody, ExportResult};
use tauri::State;

use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

/// Makes a report: `id` for an object's reports, `unit` (none: the whole organisation) for the
/// Lägesrapport. The template is the shipped one, or the folder in INFOKLASS_REPORT_TEMPLATES.
#[tauri::command(async)]
pub fn make_report(
    state: State<'_, AppState>,
    kind: ReportKind,
    id: Option<String>,
    unit: Option<String>,
    lang: Option<Lang>,
) -> CmdResult<ExportResult> {
    let (ctx, lang) = (ctx(), lang.unwrap_or_default());
    let needs_id =
        || ErrorBody { code: ErrorCode::InvalidInput, message: "the report needs an object".into(), details: None };
    // The store is released before the (slower) typesetting.
    let (data, name) = {
        let store = state.store()?;
        match kind {
            ReportKind::Object | ReportKind::Risk => {
                let id = id.ok_or_else(needs_id)?;
                let name = store.get_object(&id, &ctx.today).map_err(err)?.meta.name;
                let data = if kind == ReportKind::Object {
                    infoklass_reports::object_data(&store, &id, &ctx.today)
                } else {
                    infoklass_reports::risk_data(&store, &id, &ctx.today)
                };
                (data.map_err(err)?, name)
            }
            ReportKind::Overview => {
                let unit = unit.filter(|u| !u.trim().is_empty());
                let data = infoklass_reports::overview_data(&store, unit.as_deref(), &ctx.today).map_err(err)?;
                (data, unit.unwrap_or(ctx.today.clone()))
            }
        }
    };
    let template = infoklass_reports::template_dir_from_env();
    let pdf = infoklass_reports::render(kind, template.as_deref(), lang, &data, infoklass_reports::clock(&ctx.now))
        .map_err(report_err)?;
    export_file(&format!("{} {name}", kind.file_stem(lang)), "pdf", &pdf)
}

fn report_err(e: ReportError) -> ErrorBody {
    match e {
        ReportError::Store(s) => err(s),
        other => ErrorBody { code: other.code(), message: other.to_string(), details: None },
    }
}
