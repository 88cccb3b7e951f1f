//! Workbooks and files in and out of Infoklass.
//!
//! Every text cell is written as text: a value starting with `=`, `+`, `-` or `@` never
//! becomes a formula (rust_xlsxwriter's `write_string`; in CSV such cells get a leading `'`).

pub mod action_plan;
pub mod catalog_export;
pub mod catalog_import;
pub mod import;
pub mod plan_words;
pub mod procurement_csv;
pub mod procurement_html;
pub mod procurement_xlsx;
pub mod row_height;
pub mod workbook;

mod style;

use infoklass_core::labels;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExcelError {
    #[error("the workbook could not be written: {0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
    #[error("the file is not a workbook Infoklass can read: {0}")]
    Read(String),
    #[error("the file is too large ({0} bytes; at most {1})")]
    TooLarge(usize, usize),
}

/// Labels for the aspects a requirement protects, e.g. "K, R".
pub(crate) fn aspects_text(aspects: &[infoklass_core::Aspect]) -> String {
    aspects_in(labels::Lang::Sv, aspects)
}

/// The aspects' letters in `lang`, e.g. "K, R" (in English "C, I").
pub(crate) fn aspects_in(lang: labels::Lang, aspects: &[infoklass_core::Aspect]) -> String {
    aspects.iter().map(|a| labels::aspect_letter(lang, *a)).collect::<Vec<_>>().join(", ")
}

/// A procurement item's area and tender text in `lang`. A text the officer edited is theirs
/// and shown as typed; the catalogue's own wording follows the language (Swedish marked
/// "(sv)" where untranslated), as the UI shows a generated action's measure.
pub(crate) fn procurement_texts(lang: labels::Lang, item: &infoklass_store::ProcurementItem) -> (String, String) {
    let area = labels::catalog_text(lang, &item.area_sv, &item.area_en);
    let text = if item.text == item.original_text {
        labels::catalog_text(lang, &item.original_text, &item.original_text_en)
    } else {
        item.text.clone()
    };
    (area, text)
}
