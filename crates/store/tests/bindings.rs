//! The TypeScript bindings in ui/src/lib/bindings are generated from the Rust types.
//! This test fails when they drift; `UPDATE_BINDINGS=1 cargo test --workspace` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use infoklass_core::dependency::DependencyKind;
use infoklass_core::info_type::InfoType;
use infoklass_core::overview::requirements::RequirementOverview;
use infoklass_core::overview::{Overview, OverviewFilter};
use infoklass_core::requirements::{Action, Assessment};
use infoklass_core::review::ReviewRule;
use infoklass_core::Scale;
use infoklass_store::dto::*;
use infoklass_store::dto_dependencies::*;
use infoklass_store::dto_imports::*;
use infoklass_store::dto_lagrum::*;
use infoklass_store::dto_reports::*;
use infoklass_store::dto_requirements::*;
use infoklass_store::dto_risks::*;
use infoklass_store::dto_workbook::*;
use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    ObjectFilter::export_all(&cfg).unwrap();
    Overview::export_all(&cfg).unwrap();
    OverviewFilter::export_all(&cfg).unwrap();
    RequirementOverview::export_all(&cfg).unwrap();
    infoklass_core::overview::risks::RiskOverview::export_all(&cfg).unwrap();
    infoklass_store::ReviewRuleInfo::export_all(&cfg).unwrap();
    ReviewRule::export_all(&cfg).unwrap();
    ReviewDue::export_all(&cfg).unwrap();
    ChosenReview::export_all(&cfg).unwrap();
    ObjectList::export_all(&cfg).unwrap();
    ObjectDetail::export_all(&cfg).unwrap();
    NewObject::export_all(&cfg).unwrap();
    Preview::export_all(&cfg).unwrap();
    HistoryEntry::export_all(&cfg).unwrap();
    AppInfo::export_all(&cfg).unwrap();
    infoklass_store::DatabaseInfo::export_all(&cfg).unwrap();
    ErrorBody::export_all(&cfg).unwrap();
    infoklass_core::RiskIssueCode::export_all(&cfg).unwrap();
    infoklass_core::labels::Lang::export_all(&cfg).unwrap();
    Scale::export_all(&cfg).unwrap();
    InfoType::export_all(&cfg).unwrap();
    RequirementView::export_all(&cfg).unwrap();
    Assessment::export_all(&cfg).unwrap();
    Action::export_all(&cfg).unwrap();
    ActionInput::export_all(&cfg).unwrap();
    ProcurementView::export_all(&cfg).unwrap();
    ProcurementInput::export_all(&cfg).unwrap();
    ProcurementSummary::export_all(&cfg).unwrap();
    CatalogInfo::export_all(&cfg).unwrap();
    CatalogImportPreview::export_all(&cfg).unwrap();
    ExportResult::export_all(&cfg).unwrap();
    ReportKind::export_all(&cfg).unwrap();
    ExportFormat::export_all(&cfg).unwrap();
    ActionPlanFormat::export_all(&cfg).unwrap();
    HandoverInput::export_all(&cfg).unwrap();
    RiskAnalysisView::export_all(&cfg).unwrap();
    AnalysisInput::export_all(&cfg).unwrap();
    ThreatList::export_all(&cfg).unwrap();
    InfoTypeEntry::export_all(&cfg).unwrap();
    InfoTypeInput::export_all(&cfg).unwrap();
    ThreatInput::export_all(&cfg).unwrap();
    ListImport::export_all(&cfg).unwrap();
    RiskInput::export_all(&cfg).unwrap();
    FileImport::export_all(&cfg).unwrap();
    ImportRecord::export_all(&cfg).unwrap();
    LegacyRequirement::export_all(&cfg).unwrap();
    WorkbookEdits::export_all(&cfg).unwrap();
    LagrumList::export_all(&cfg).unwrap();
    Dependencies::export_all(&cfg).unwrap();
    DependencyDecisionInput::export_all(&cfg).unwrap();
    DependencyKind::export_all(&cfg).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings");
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        let _ = std::fs::remove_dir_all(&committed);
        export_all(&committed);
        return;
    }
    let (want, have) = (read_dir(fresh.path()), read_dir(&committed));
    let stale: Vec<_> = want.iter().filter(|(k, v)| have.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect();
    let extra: Vec<_> = have.keys().filter(|k| !want.contains_key(*k)).cloned().collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "TypeScript bindings are out of date (stale: {stale:?}, extra: {extra:?}); run UPDATE_BINDINGS=1 cargo test --workspace"
    );
}
