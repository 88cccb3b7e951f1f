use infoklass_core::info_type::InfoType;
use infoklass_core::Scale;
use infoklass_store::{env, AppInfo, DatabaseInfo};
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

/// Which database is open (or why none is), and the login's roles, for the status bar and
/// the "Databas" dialog. Answers even when the database could not be opened.
#[tauri::command(async)]
pub fn database_info(state: State<'_, AppState>) -> CmdResult<DatabaseInfo> {
    Ok(describe(&state))
}

/// Opens the organisation database at `location` (`None`: the local file), with the password
/// the user typed when the server asks for one; remembered for the next start, never the
/// password. On failure the database that was open stays open.
#[tauri::command(async)]
pub fn choose_database(
    state: State<'_, AppState>,
    location: Option<String>,
    password: Option<String>,
) -> CmdResult<DatabaseInfo> {
    state.switch(location.as_deref(), password.as_deref())?;
    Ok(describe(&state))
}

fn describe(state: &AppState) -> DatabaseInfo {
    let kind = if state.is_organisation_database() { "organisation" } else { "file" };
    let (roles, error) = match state.store() {
        Ok(store) => match store.roles() {
            Ok(roles) => (roles, None),
            Err(e) => (Vec::new(), Some(e.to_body())),
        },
        Err(e) => (Vec::new(), Some(e)),
    };
    DatabaseInfo { kind: kind.to_string(), label: state.location_label(), roles, error }
}
