use infoklass_core::overview::requirements::RequirementOverview;
use infoklass_core::overview::risks::RiskOverview;
use infoklass_core::overview::{Overview, OverviewFilter};
use infoklass_core::ObjectMeta;
use infoklass_store::{HistoryEntry, NewObject, ObjectDetail, ObjectFilter, ObjectList};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn list_objects(state: State<'_, AppState>, filter: ObjectFilter) -> CmdResult<ObjectList> {
    state.store()?.list_objects(&filter, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn get_object(state: State<'_, AppState>, id: String) -> CmdResult<ObjectDetail> {
    state.store()?.get_object(&id, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn create_object(state: State<'_, AppState>, input: NewObject) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    let id = store.create_object(&ctx, &input).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}

#[tauri::command(async)]
pub fn update_object(state: State<'_, AppState>, id: String, meta: ObjectMeta) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.update_object(&ctx, &id, &meta).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}

#[tauri::command(async)]
pub fn delete_object(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.store()?.delete_object(&ctx(), &id).map_err(err)
}

#[tauri::command(async)]
pub fn object_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<HistoryEntry>> {
    state.store()?.history(&id).map_err(err)
}

#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>, filter: OverviewFilter) -> CmdResult<Overview> {
    state.store()?.overview(&filter, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn requirement_overview(state: State<'_, AppState>, filter: OverviewFilter) -> CmdResult<RequirementOverview> {
    state.store()?.requirement_overview(&filter, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn risk_overview(state: State<'_, AppState>, filter: OverviewFilter) -> CmdResult<RiskOverview> {
    state.store()?.risk_overview(&filter, &ctx().today).map_err(err)
}

/// Översyn utan ändringar: the approved classification still holds.
#[tauri::command(async)]
pub fn confirm_review(
    state: State<'_, AppState>,
    id: String,
    reviewed_by: String,
    comment: String,
) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.confirm_review(&ctx, &id, &reviewed_by, &comment).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}
