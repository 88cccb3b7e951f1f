use infoklass_core::requirements::{Action, Assessment};
use infoklass_store::{ActionInput, RequirementView};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn get_requirements(state: State<'_, AppState>, id: String) -> CmdResult<RequirementView> {
    state.store()?.requirements(&id).map_err(err)
}

#[tauri::command(async)]
pub fn save_assessment(state: State<'_, AppState>, id: String, assessment: Assessment) -> CmdResult<RequirementView> {
    let mut store = state.store()?;
    store.save_assessment(&ctx(), &id, &assessment).map_err(err)?;
    store.requirements(&id).map_err(err)
}

/// Takes back the answer to one requirement (it is unanswered again).
#[tauri::command(async)]
pub fn clear_assessment(state: State<'_, AppState>, id: String, key: String) -> CmdResult<RequirementView> {
    let mut store = state.store()?;
    store.clear_assessment(&ctx(), &id, &key).map_err(err)?;
    store.requirements(&id).map_err(err)
}

#[tauri::command(async)]
pub fn set_local_how(state: State<'_, AppState>, key: String, how: String) -> CmdResult<()> {
    state.store()?.set_local_how(&ctx(), &key, &how).map_err(err)
}

#[tauri::command(async)]
pub fn get_action_plan(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Action>> {
    state.store()?.action_plan(&id, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn save_action(state: State<'_, AppState>, id: String, action: ActionInput) -> CmdResult<Vec<Action>> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.save_action(&ctx, &id, &action).map_err(err)?;
    store.action_plan(&id, &ctx.today).map_err(err)
}

#[tauri::command(async)]
pub fn delete_action(state: State<'_, AppState>, id: String, action_id: String) -> CmdResult<Vec<Action>> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.delete_action(&ctx, &id, &action_id).map_err(err)?;
    store.action_plan(&id, &ctx.today).map_err(err)
}
