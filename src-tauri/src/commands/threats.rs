//! The organisation's threat catalogue: list, add or change, retire, and the catalogue as a
//! TOML file to edit outside the app and import again (previewed first).

use infoklass_core::risk::{Threat, ThreatCatalog};
use infoklass_core::ErrorCode;
use infoklass_store::{ExportResult, ListImport, ThreatInput, ThreatList};
use tauri::State;

use super::catalog::read_list;
use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn list_threats(state: State<'_, AppState>) -> CmdResult<ThreatList> {
    state.store()?.threats().map_err(err)
}

#[tauri::command(async)]
pub fn save_threat(state: State<'_, AppState>, input: ThreatInput) -> CmdResult<Threat> {
    state.store()?.save_threat(&ctx(), &input).map_err(err)
}

#[tauri::command(async)]
pub fn set_threat_retired(state: State<'_, AppState>, key: String, retired: bool) -> CmdResult<Threat> {
    state.store()?.set_threat_retired(&ctx(), &key, retired).map_err(err)
}

#[tauri::command(async)]
pub fn export_threats(state: State<'_, AppState>) -> CmdResult<ExportResult> {
    let c = ctx();
    let file = state.store()?.threat_catalog_file(&c.today).map_err(err)?;
    export_file(&format!("Hotkatalog {}", c.today), "toml", file.to_toml().as_bytes())
}

fn read(file_name: &str, base64: &str) -> CmdResult<ThreatCatalog> {
    read_list(file_name, base64, ErrorCode::ThreatFileInvalid, ThreatCatalog::from_toml)
}

/// What importing the file would change; writes nothing.
#[tauri::command(async)]
pub fn preview_threat_import(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<ListImport> {
    let file = read(&file_name, &base64)?;
    state.store()?.import_threats(&ctx(), &file, true).map_err(err)
}

#[tauri::command(async)]
pub fn import_threats(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<ListImport> {
    let file = read(&file_name, &base64)?;
    state.store()?.import_threats(&ctx(), &file, false).map_err(err)
}
