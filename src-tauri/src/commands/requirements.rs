use infoklass_core::labels::Lang;
use infoklass_core::requirements::{Action, Assessment};
use infoklass_files::action_plan::{action_plan_csv, action_plan_xlsx};
use infoklass_store::{ActionInput, ActionPlanFormat, ExportResult, HandoverInput, RequirementView};
use tauri::State;

use super::{ctx, err, export_file, CmdResult};
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

/// Hands requirements over to IT or the supplier to answer (all or none).
#[tauri::command(async)]
pub fn hand_over_requirements(
    state: State<'_, AppState>,
    id: String,
    input: HandoverInput,
) -> CmdResult<RequirementView> {
    let mut store = state.store()?;
    store.hand_over(&ctx(), &id, &input).map_err(err)?;
    store.requirements(&id).map_err(err)
}

/// The owner answers these requirements again.
#[tauri::command(async)]
pub fn take_back_requirements(state: State<'_, AppState>, id: String, keys: Vec<String>) -> CmdResult<RequirementView> {
    let mut store = state.store()?;
    store.take_back(&ctx(), &id, &keys).map_err(err)?;
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

/// Writes the object's action plan into the export folder as xlsx or csv.
#[tauri::command(async)]
pub fn export_action_plan(
    state: State<'_, AppState>,
    id: String,
    format: ActionPlanFormat,
    lang: Option<Lang>,
) -> CmdResult<ExportResult> {
    let (today, lang) = (ctx().today, lang.unwrap_or_default());
    let plan = state.store()?.action_plan_export(&id, &today, lang).map_err(err)?;
    let bytes = match format {
        ActionPlanFormat::Xlsx => action_plan_xlsx(&plan, &today, lang).map_err(super::export_err)?,
        ActionPlanFormat::Csv => action_plan_csv(&plan, lang).into_bytes(),
    };
    let title = infoklass_core::labels::text(lang, "sheet.actions");
    export_file(&format!("{title} {}", plan.object_name), format.extension(), &bytes)
}
