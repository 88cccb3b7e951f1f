//! The Infoklass workbook: one object (or a portfolio of many) as a workbook a person can
//! read, edit in Excel or LibreOffice and send back. The layout lives in `layout.rs`.

mod actions;
mod cells;
mod classification;
mod dependencies;
pub mod layout;
mod meta;
mod overview;
mod portfolio;
mod portfolio_summary;
pub mod read;
mod requirements;
mod risks;

use infoklass_core::labels::Lang;
use infoklass_core::requirements::Action;
use infoklass_store::{
    Dependencies, LegacyRequirement, ObjectDetail, RequirementView, RiskAnalysisView, Store, StoreError,
};
use rust_xlsxwriter::Workbook;

use crate::ExcelError;

pub use portfolio::{portfolio_of, portfolio_workbook};

/// The zip compression level of the portfolio workbook (rust_xlsxwriter's default is 6). For
/// 1,000 objects level 3 makes the file about a tenth larger (0.25 MB instead of 0.22 MB) and
/// saves about a third of writing it, most of which is compressing the sheets' XML.
pub const PORTFOLIO_ZIP_LEVEL: u8 = 3;

/// Everything one object's workbook shows, read from the store beforehand.
pub struct ObjectExport {
    pub detail: ObjectDetail,
    pub requirements: RequirementView,
    pub actions: Vec<Action>,
    pub risks: RiskAnalysisView,
    pub legacy: Vec<LegacyRequirement>,
    pub dependencies: Dependencies,
}

/// Who and when, written to the hidden meta sheet.
pub struct ExportStamp {
    pub app_version: String,
    pub exported_at: String,
}

/// One object per workbook, its sheets, headers and words in `lang` (the reader takes both).
pub fn object_workbook(data: &ObjectExport, stamp: &ExportStamp, lang: Lang) -> Result<Vec<u8>, ExcelError> {
    let mut wb = Workbook::new();
    overview::write(&mut wb, data, lang)?;
    classification::write(&mut wb, data, lang)?;
    requirements::write_assessment(&mut wb, data, lang)?;
    actions::write(&mut wb, data, lang)?;
    requirements::write_procurement(&mut wb, data, lang)?;
    risks::write(&mut wb, data, lang)?;
    risks::write_matrix(&mut wb, &data.risks.matrix, &data.risks.risks, lang)?;
    if !data.legacy.is_empty() {
        requirements::write_legacy(&mut wb, &data.legacy, lang)?;
    }
    dependencies::write(&mut wb, &data.dependencies, lang)?;
    meta::write(&mut wb, data, stamp)?;
    meta::write_exported(&mut wb, data)?;
    Ok(wb.save_to_buffer()?)
}

/// Reads everything an object's workbook shows.
pub fn gather(store: &Store, object_id: &str, today: &str) -> Result<ObjectExport, StoreError> {
    Ok(ObjectExport {
        detail: store.get_object(object_id, today)?,
        requirements: store.requirements(object_id)?,
        actions: store.action_plan(object_id, today)?,
        risks: store.risk_analysis(object_id)?,
        legacy: store.legacy_requirements(object_id)?,
        dependencies: store.dependencies(object_id)?,
    })
}
