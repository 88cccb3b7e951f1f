//! The Infoklass workbook out (one object or a portfolio), and files in: old ISAK workbooks
//! and workbooks sent back. The front end reads a chosen file and sends its bytes; it never
//! names a path. Batches are one call per file so the window can show progress.

use infoklass_core::labels::Lang;
use infoklass_files::import;
use infoklass_files::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{ExportResult, FileImport, ImportRecord, LegacyRequirement};
use tauri::State;

use super::catalog::decode;
use super::{ctx, err, export_err, export_file, CmdResult};
use crate::AppState;

fn stamp() -> ExportStamp {
    ExportStamp { app_version: env!("CARGO_PKG_VERSION").to_string(), exported_at: ctx().now }
}

/// The object's workbook in the UI's language (Swedish when none is given).
#[tauri::command(async)]
pub fn export_workbook(state: State<'_, AppState>, id: String, lang: Option<Lang>) -> CmdResult<ExportResult> {
    let store = state.store()?;
    let data = gather(&store, &id, &ctx().today).map_err(err)?;
    let lang = lang.unwrap_or_default();
    let bytes = object_workbook(&data, &stamp(), lang).map_err(export_err)?;
    let title = infoklass_core::labels::text(lang, "wb.overview_title");
    export_file(&format!("{title} {}", data.detail.meta.name), "xlsx", &bytes)
}

/// The portfolio of the listed objects in the UI's language (Swedish when none is given).
#[tauri::command(async)]
pub fn export_portfolio(state: State<'_, AppState>, ids: Vec<String>, lang: Option<Lang>) -> CmdResult<ExportResult> {
    let store = state.store()?;
    let today = ctx().today;
    let lang = lang.unwrap_or_default();
    let data = store.portfolio_with_overview(&ids, &today).map_err(err)?;
    let bytes = portfolio_workbook(&data, &stamp(), lang).map_err(export_err)?;
    let title = infoklass_core::labels::text(lang, "sheet.portfolio");
    export_file(&format!("{title} {today}"), "xlsx", &bytes)
}

/// What importing the file would do; writes nothing. A workbook's change list is in the UI's
/// language (Swedish when none is given).
#[tauri::command(async)]
pub fn preview_import(
    state: State<'_, AppState>,
    file_name: String,
    base64: String,
    lang: Option<Lang>,
) -> CmdResult<FileImport> {
    let bytes = decode(&file_name, &base64)?;
    let store = state.store()?;
    Ok(import::preview_in(&store, &file_name, &bytes, &ctx().today, lang.unwrap_or_default()))
}

/// Imports the file in one transaction; the report says what was written or why not.
#[tauri::command(async)]
pub fn import_file(
    state: State<'_, AppState>,
    file_name: String,
    base64: String,
    lang: Option<Lang>,
) -> CmdResult<FileImport> {
    let bytes = decode(&file_name, &base64)?;
    let mut store = state.store()?;
    Ok(import::import_in(&mut store, &ctx(), &file_name, &bytes, lang.unwrap_or_default()))
}

/// Remembers what a level word in old workbooks means, e.g. "hög" → 3.
#[tauri::command(async)]
pub fn save_import_word(state: State<'_, AppState>, word: String, level: u8) -> CmdResult<()> {
    state.store()?.save_import_word(&ctx(), &word, level).map_err(err)
}

#[tauri::command(async)]
pub fn list_imports(state: State<'_, AppState>) -> CmdResult<Vec<ImportRecord>> {
    state.store()?.imports().map_err(err)
}

#[tauri::command(async)]
pub fn legacy_requirements(state: State<'_, AppState>, id: String) -> CmdResult<Vec<LegacyRequirement>> {
    state.store()?.legacy_requirements(&id).map_err(err)
}
