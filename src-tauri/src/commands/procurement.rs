use infoklass_core::labels::Lang;
use infoklass_files::{procurement_csv, procurement_html, procurement_xlsx};
use infoklass_store::{ExportFormat, ExportResult, ProcurementInput, ProcurementSummary, ProcurementView};
use tauri::State;

use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn procurement_preview(state: State<'_, AppState>, object_ids: Vec<String>) -> CmdResult<ProcurementView> {
    state.store()?.procurement_for(&object_ids).map_err(err)
}

#[tauri::command(async)]
pub fn save_procurement(state: State<'_, AppState>, input: ProcurementInput) -> CmdResult<ProcurementView> {
    let mut store = state.store()?;
    let id = store.save_procurement(&ctx(), &input).map_err(err)?;
    store.procurement(&id).map_err(err)
}

#[tauri::command(async)]
pub fn get_procurement(state: State<'_, AppState>, id: String) -> CmdResult<ProcurementView> {
    state.store()?.procurement(&id).map_err(err)
}

#[tauri::command(async)]
pub fn list_procurements(state: State<'_, AppState>) -> CmdResult<Vec<ProcurementSummary>> {
    state.store()?.procurements().map_err(err)
}

/// Writes a saved list into the export folder as xlsx, csv or html in the UI's language
/// (Swedish when none is given).
#[tauri::command(async)]
pub fn export_procurement(
    state: State<'_, AppState>,
    id: String,
    format: ExportFormat,
    lang: Option<Lang>,
) -> CmdResult<ExportResult> {
    let view = state.store()?.procurement(&id).map_err(err)?;
    let (today, lang) = (ctx().today, lang.unwrap_or_default());
    let bytes = match format {
        ExportFormat::Xlsx => procurement_xlsx::procurement_xlsx(&view, &today, lang).map_err(super::export_err)?,
        ExportFormat::Csv => procurement_csv::procurement_csv(&view, lang).into_bytes(),
        ExportFormat::Html => procurement_html::procurement_html(&view, &today, lang).into_bytes(),
    };
    let title = infoklass_core::labels::text(lang, "sheet.procurement");
    export_file(&format!("{title} {}", view.name), format.extension(), &bytes)
}
