use infoklass_core::dependency::DependencyKind;
use infoklass_store::{Dependencies, DependencyDecisionInput, ObjectDetail};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn get_dependencies(state: State<'_, AppState>, id: String) -> CmdResult<Dependencies> {
    state.store()?.dependencies(&id).map_err(err)
}

#[tauri::command(async)]
pub fn add_dependency(
    state: State<'_, AppState>,
    id: String,
    on: String,
    kind: DependencyKind,
) -> CmdResult<Dependencies> {
    let mut store = state.store()?;
    store.add_dependency(&ctx(), &id, &on, kind).map_err(err)?;
    store.dependencies(&id).map_err(err)
}

#[tauri::command(async)]
pub fn remove_dependency(
    state: State<'_, AppState>,
    id: String,
    on: String,
    kind: DependencyKind,
) -> CmdResult<Dependencies> {
    let mut store = state.store()?;
    store.remove_dependency(&ctx(), &id, &on, kind).map_err(err)?;
    store.dependencies(&id).map_err(err)
}

#[tauri::command(async)]
pub fn decide_dependency(
    state: State<'_, AppState>,
    id: String,
    decision: DependencyDecisionInput,
) -> CmdResult<Dependencies> {
    let mut store = state.store()?;
    store.decide_dependency_suggestion(&ctx(), &id, &decision).map_err(err)?;
    store.dependencies(&id).map_err(err)
}

#[tauri::command(async)]
pub fn decommission_object(
    state: State<'_, AppState>,
    id: String,
    date: String,
    reason: String,
) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.decommission(&ctx, &id, &date, &reason).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}
