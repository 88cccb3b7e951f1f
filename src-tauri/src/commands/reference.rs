use infoklass_core::info_type::InfoType;
use infoklass_core::Scale;
use infoklass_store::{env, AppInfo};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let store = state.store()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: state.location_label(),
        user: env::current_user(),
        scale_id: store.scale().id.clone(),
        scale_version: store.scale().version.clone(),
        today: ctx().today,
    })
}

/// Changes when another program or window commits to the database (see `live.svelte.ts`).
#[tauri::command(async)]
pub fn data_version(state: State<'_, AppState>) -> CmdResult<i64> {
    state.store()?.data_version().map_err(err)
}

#[tauri::command(async)]
pub fn get_scale(state: State<'_, AppState>) -> CmdResult<Scale> {
    Ok(state.store()?.scale().clone())
}

#[tauri::command(async)]
pub fn list_info_types(state: State<'_, AppState>) -> CmdResult<Vec<InfoType>> {
    state.store()?.info_types().map_err(err)
}
