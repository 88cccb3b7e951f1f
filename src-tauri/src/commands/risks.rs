use infoklass_store::{AnalysisInput, RiskAnalysisView, RiskInput};
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn get_risk_analysis(state: State<'_, AppState>, id: String) -> CmdResult<RiskAnalysisView> {
    state.store()?.risk_analysis(&id).map_err(err)
}

#[tauri::command(async)]
pub fn save_risk_analysis(state: State<'_, AppState>, id: String, input: AnalysisInput) -> CmdResult<RiskAnalysisView> {
    let mut store = state.store()?;
    store.save_risk_analysis(&ctx(), &id, &input).map_err(err)?;
    store.risk_analysis(&id).map_err(err)
}

#[tauri::command(async)]
pub fn save_risk(state: State<'_, AppState>, id: String, input: RiskInput) -> CmdResult<RiskAnalysisView> {
    let mut store = state.store()?;
    store.save_risk(&ctx(), &id, &input).map_err(err)?;
    store.risk_analysis(&id).map_err(err)
}

#[tauri::command(async)]
pub fn delete_risk(state: State<'_, AppState>, id: String, risk_id: String) -> CmdResult<RiskAnalysisView> {
    let mut store = state.store()?;
    store.delete_risk(&ctx(), &id, &risk_id).map_err(err)?;
    store.risk_analysis(&id).map_err(err)
}

#[tauri::command(async)]
pub fn accept_risk(
    state: State<'_, AppState>,
    id: String,
    risk_id: String,
    role: String,
    name: String,
) -> CmdResult<RiskAnalysisView> {
    let mut store = state.store()?;
    store.accept_risk(&ctx(), &id, &risk_id, &role, &name).map_err(err)?;
    store.risk_analysis(&id).map_err(err)
}

#[tauri::command(async)]
pub fn approve_risk_analysis(
    state: State<'_, AppState>,
    id: String,
    approved_by: String,
) -> CmdResult<RiskAnalysisView> {
    let mut store = state.store()?;
    store.approve_risk_analysis(&ctx(), &id, &approved_by).map_err(err)?;
    store.risk_analysis(&id).map_err(err)
}

/// The organisation's name for the role that may accept a risk in the top band; null while
/// the matrix's own name applies.
#[tauri::command(async)]
pub fn get_top_risk_role(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    state.store()?.top_risk_role().map_err(err)
}

#[tauri::command(async)]
pub fn set_top_risk_role(state: State<'_, AppState>, title: String) -> CmdResult<Option<String>> {
    let mut store = state.store()?;
    store.set_top_risk_role(&ctx(), &title).map_err(err)?;
    store.top_risk_role().map_err(err)
}
