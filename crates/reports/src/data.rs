//! The data a template reads as `report` in `/data.json`: the store's own DTOs as JSON, so a
//! template sees the same fields as `infoklass show|requirements|actions|risks|overview --json`.

use infoklass_core::overview::OverviewFilter;
use infoklass_core::requirements::ActionStatus;
use infoklass_store::{Store, StoreError};
use serde_json::{json, Value};

fn value(v: impl serde::Serialize) -> Result<Value, StoreError> {
    Ok(serde_json::to_value(v)?)
}

/// Klassningsbeslut: the object (facts, sets, profile with origins, lagrum, approval), its
/// requirements with their answers, and the actions not yet done.
pub fn object_data(store: &Store, object_id: &str, today: &str) -> Result<Value, StoreError> {
    let object = store.get_object(object_id, today)?;
    let requirements = store.requirements(object_id)?;
    let mut actions = store.action_plan(object_id, today)?;
    actions.retain(|a| a.status != ActionStatus::Klar);
    // The lagrum's names by key (the classification stores only the key).
    let lagrum: serde_json::Map<String, Value> = store
        .lagrum_catalog()?
        .lagrum
        .into_iter()
        .map(|l| (l.key, json!({ "name_sv": l.name_sv, "name_en": l.name_en })))
        .collect();
    Ok(json!({
        "object": value(&object)?,
        "requirements": value(&requirements)?,
        "actions": value(&actions)?,
        "lagrum": lagrum,
    }))
}

/// Riskanalys: the analysis with its risks and both heat maps (inherent and residual).
pub fn risk_data(store: &Store, object_id: &str, today: &str) -> Result<Value, StoreError> {
    let object = store.get_object(object_id, today)?;
    let analysis = store.risk_analysis(object_id)?;
    Ok(json!({ "object": value(&object.meta)?, "analysis": value(&analysis)? }))
}

/// Lägesrapport: the overview's figures, the requirements and the risks across the
/// organisation, or one unit.
pub fn overview_data(store: &Store, unit: Option<&str>, today: &str) -> Result<Value, StoreError> {
    let filter = OverviewFilter { unit: unit.map(str::to_string), kind: None };
    let overview = store.overview(&filter, today)?;
    let requirements = store.requirement_overview(&filter, today)?;
    let risks = store.risk_overview(&filter, today)?;
    Ok(json!({
        "unit": unit,
        "overview": value(&overview)?,
        "requirements": value(&requirements)?,
        "risks": value(&risks)?,
    }))
}
