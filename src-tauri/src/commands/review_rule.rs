//! The organisation's review rule, shown and changed under Kataloger.

use infoklass_core::review::ReviewRule;
use infoklass_store::ReviewRuleInfo;
use tauri::State;

use super::{ctx, err, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn get_review_rule(state: State<'_, AppState>) -> CmdResult<ReviewRuleInfo> {
    state.store()?.review_rule_info().map_err(err)
}

#[tauri::command(async)]
pub fn set_review_rule(state: State<'_, AppState>, rule: ReviewRule) -> CmdResult<ReviewRuleInfo> {
    let mut store = state.store()?;
    store.set_review_rule(&ctx(), &rule).map_err(err)?;
    store.review_rule_info().map_err(err)
}
