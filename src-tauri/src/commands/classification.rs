use infoklass_core::{ClassificationContent, ObjectMeta};
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

/// Saves the wizard's facts and draft together if nobody changed the object since
/// `base_revision`; otherwise `CONFLICT` with who changed it and when.
#[tauri::command(async)]
pub fn save_edit(
    state: State<'_, AppState>,
    id: String,
    meta: ObjectMeta,
    content: ClassificationContent,
    base_revision: i64,
) -> CmdResult<ObjectDetail> {
    let (mut store, ctx) = (state.store()?, ctx());
    store.save_edit(&ctx, &id, &meta, &content, base_revision).map_err(err)?;
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
