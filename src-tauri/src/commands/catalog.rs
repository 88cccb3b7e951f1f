use base64::Engine;
use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use infoklass_files::{catalog_export, catalog_import};
use infoklass_store::{CatalogImportPreview, CatalogInfo, ExportResult, SheetError, StoreError};
use tauri::State;

use super::{ctx, err, export_file, CmdResult};
use crate::AppState;

#[tauri::command(async)]
pub fn list_catalogs(state: State<'_, AppState>) -> CmdResult<Vec<CatalogInfo>> {
    state.store()?.catalogs().map_err(err)
}

#[tauri::command(async)]
pub fn export_catalog(state: State<'_, AppState>, lang: Option<Lang>) -> CmdResult<ExportResult> {
    let store = state.store()?;
    let how = store.local_how_texts().map_err(err)?;
    let c = store.catalog();
    let lang = lang.unwrap_or_default();
    let bytes = catalog_export::catalog_xlsx(c, &|k| how.get(k).cloned().unwrap_or_default(), lang)
        .map_err(super::export_err)?;
    let title = infoklass_core::labels::text(lang, "cat.title");
    export_file(&format!("{title} {} {}", c.id, c.version), "xlsx", &bytes)
}

/// A file's bytes from the front end. Its size is checked on the encoded text, before any
/// memory is spent decoding it.
pub(crate) fn decode(file_name: &str, base64: &str) -> Result<Vec<u8>, infoklass_store::ErrorBody> {
    let decoded_len = base64.trim().len() / 4 * 3;
    if decoded_len as u64 > super::MAX_UPLOAD_BYTES + 3 {
        return Err(infoklass_store::ErrorBody {
            code: ErrorCode::FileTooLarge,
            message: format!("{file_name} is larger than {} bytes", super::MAX_UPLOAD_BYTES),
            details: None,
        });
    }
    base64::engine::general_purpose::STANDARD.decode(base64.trim()).map_err(|e| infoklass_store::ErrorBody {
        code: ErrorCode::FileError,
        message: format!("{file_name} could not be read: {e}"),
        details: None,
    })
}

/// An uploaded list file (threats, information types) read by `parse`; a file that is not UTF-8
/// text or that `parse` refuses fails with the list's `code`, naming the file and the reason.
pub(crate) fn read_list<T, E: std::fmt::Display>(
    file_name: &str,
    base64: &str,
    code: ErrorCode,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, infoklass_store::ErrorBody> {
    let bad =
        |reason: String| infoklass_store::ErrorBody { code, message: format!("{file_name}: {reason}"), details: None };
    let text = String::from_utf8(decode(file_name, base64)?).map_err(|_| bad("it is not UTF-8 text".into()))?;
    parse(&text).map_err(|e| bad(e.to_string()))
}

/// What importing the workbook would do; writes nothing.
#[tauri::command(async)]
pub fn preview_catalog_import(
    state: State<'_, AppState>,
    file_name: String,
    base64: String,
) -> CmdResult<CatalogImportPreview> {
    let bytes = decode(&file_name, &base64)?;
    let store = state.store()?;
    Ok(match catalog_import::read_catalog(&bytes) {
        Ok(c) => store.catalog_import_preview(&c),
        Err(errors) => CatalogImportPreview {
            id: String::new(),
            version: String::new(),
            name_sv: file_name,
            requirements: 0,
            areas: 0,
            errors,
            warnings: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        },
    })
}

#[tauri::command(async)]
pub fn import_catalog(state: State<'_, AppState>, file_name: String, base64: String) -> CmdResult<CatalogInfo> {
    let bytes = decode(&file_name, &base64)?;
    let catalog = catalog_import::read_catalog(&bytes).map_err(|errors: Vec<SheetError>| {
        let mut body = err(StoreError::BadCatalog(Vec::new()));
        body.details = serde_json::to_value(&errors).ok();
        body.message = format!("{file_name} has {} errors", errors.len());
        body
    })?;
    state.store()?.import_catalog(&ctx(), catalog).map_err(err)
}
