//! The organisation's information types: list with use, add or change, retire, and the list as
//! a TOML file to edit outside the app and import again (previewed first).

use infoklass_core::info_type::{InfoType, InfoTypeCatalog};
use infoklass_core::ErrorCode;
use infoklass_store::{ExportResult, InfoTypeEntry, InfoTypeInput, ListImport};
use tauri::State;

use super::catalog::read_list;
use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn list_info_type_entries(state: State<'_, AppState>) -> CmdResult<Vec<InfoTypeEntry>> {
    state.store()?.info_type_entries().map_err(err)
}

#[tauri::command(async)]
pub fn save_info_type(state: State<'_, AppState>, input: InfoTypeInput) -> CmdResult<InfoType> {
    state.store()?.save_info_type(&ctx(), &input).map_err(err)
}

#[tauri::command(async)]
pub fn set_info_type_retired(state: State<'_, AppState>, key: String, retired: bool) -> CmdResult<InfoType> {
    state.store()?.set_info_type_retired(&ctx(), &key, retired).map_err(err)
}

#[tauri::command(async)]
pub fn export_info_types(state: State<'_, AppState>) -> CmdResult<ExportResult> {
    let c = ctx();
    let file = state.store()?.info_type_file(&c.today).map_err(err)?;
    export_file(&format!("Informationstyper {}", c.today), "toml", file.to_toml().as_bytes())
}

fn read(state: &AppState, file_name: &str, base64: &str) -> CmdResult<InfoTypeCatalog> {
    let max = state.store()?.scale().max_level();
    read_list(file_name, base64, ErrorCode::InfoTypeFileInvalid, |text| InfoTypeCatalog::from_toml(text, max))
}

/// What importing the file would change; writes nothing.
#[tauri::command(async)]
pub fn preview_info_type_import(
    state: State<'_, AppState>,
    file_name: String,
    base64: String,
) -> CmdResult<ListImport> {
    let file = read(&state, &file_name, &base64)?;
    state.store()?.import_info_types(&ctx(), &file, true).map_err(err)
}

#[tauri::command(async)]
pub fn import_info_types(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<ListImport> {
    let file = read(&state, &file_name, &base64)?;
    state.store()?.import_info_types(&ctx(), &file, false).map_err(err)
}
