//! The organisation's lagrum catalogue: the list with what each lagrum brings, the
//! organisation-wide choice, and the list as a TOML file to edit and import again.

use infoklass_core::lagrum::LagrumCatalog;
use infoklass_core::ErrorCode;
use infoklass_store::{ExportResult, LagrumList, ListImport};
use tauri::State;

use super::catalog::read_list;
use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn list_lagrum(state: State<'_, AppState>) -> CmdResult<LagrumList> {
    state.store()?.lagrum_list().map_err(err)
}

/// Chooses the organisation-wide lagrum (replaces the earlier choice); returns the keys chosen.
#[tauri::command(async)]
pub fn set_org_lagrum(state: State<'_, AppState>, keys: Vec<String>) -> CmdResult<Vec<String>> {
    state.store()?.set_org_lagrum(&ctx(), &keys).map_err(err)
}

#[tauri::command(async)]
pub fn export_lagrum(state: State<'_, AppState>) -> CmdResult<ExportResult> {
    let file = state.store()?.lagrum_catalog().map_err(err)?;
    export_file(&format!("Lagrum {}", ctx().today), "toml", file.to_toml().as_bytes())
}

fn read(file_name: &str, base64: &str) -> CmdResult<LagrumCatalog> {
    read_list(file_name, base64, ErrorCode::LagrumFileInvalid, |text| {
        LagrumCatalog::from_toml(text).map_err(|p| p.message)
    })
}

/// What importing the file would change; writes nothing.
#[tauri::command(async)]
pub fn preview_lagrum_import(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<ListImport> {
    let file = read(&file_name, &base64)?;
    state.store()?.import_lagrum(&ctx(), &file, true).map_err(err)
}

#[tauri::command(async)]
pub fn import_lagrum(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<ListImport> {
    let file = read(&file_name, &base64)?;
    state.store()?.import_lagrum(&ctx(), &file, false).map_err(err)
}
