use infoklass_core::ClassificationContent;
use infoklass_store::{NewObject, ObjectDetail, Preview};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn save_draft(state: State<'_, AppState>, id: String, content: ClassificationContent) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.save_draft(&ctx, &id, &content).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}

#[tauri::command(async)]
pub fn preview(state: State<'_, AppState>, input: NewObject) -> CmdResult<Preview> {
    state.store()?.preview(&input, &ctx().today).map_err(err)
}

#[tauri::command(async)]
pub fn approve(state: State<'_, AppState>, id: String, approved_by: String) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.approve(&ctx, &id, &approved_by).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}

#[tauri::command(async)]
pub fn start_reclassification(state: State<'_, AppState>, id: String) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.start_reclassification(&ctx, &id).map_err(err)?;
    store.get_object(&id, &ctx.today).map_err(err)
}
