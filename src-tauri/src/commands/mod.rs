//! Tauri commands, grouped by domain. Each is a one-line delegation to the store; errors
//! cross to the UI as `ErrorBody {code, message, details}`. All run off the main thread
//! (`async`), so an import or export never freezes the window; the store's mutex orders them.

pub mod catalog;
pub mod classification;
pub mod dependencies;
pub mod exports;
pub mod info_types;
pub mod lagrum;
pub mod objects;
pub mod procurement;
pub mod reference;
pub mod reports;
pub mod requirements;
pub mod review_rule;
pub mod risks;
pub mod threats;
pub mod workbooks;

use infoklass_core::ErrorCode;
use infoklass_store::{Ctx, ErrorBody, StoreError};

pub type CmdResult<T> = Result<T, ErrorBody>;

/// The largest file the front end may send (the ISAK reader's own file limit); the UI checks
/// the same bound before reading a file.
pub const MAX_UPLOAD_BYTES: u64 = 50 * 1024 * 1024;

pub(crate) fn err(e: StoreError) -> ErrorBody {
    e.to_body()
}

/// The acting user and the time, read at the edge.
pub(crate) fn ctx() -> Ctx {
    Ctx::system()
}

pub(crate) fn export_err(e: infoklass_files::ExcelError) -> ErrorBody {
    ErrorBody { code: ErrorCode::ExportFailed, message: e.to_string(), details: None }
}

/// Writes an export into the export folder under a name that is free there, or where the user
/// chose in the save dialog; the file becomes the one the notice may open.
pub(crate) fn export_file(stem: &str, ext: &str, bytes: &[u8]) -> CmdResult<infoklass_store::ExportResult> {
    let dir = crate::exports::export_dir();
    let failed = |e: std::io::Error| ErrorBody {
        code: ErrorCode::ExportFailed,
        message: format!("cannot write into {}: {e}", dir.display()),
        details: None,
    };
    std::fs::create_dir_all(&dir).map_err(failed)?;
    let path = crate::exports::export_path(infoklass_store::env::free_file_name(&dir, stem, ext))?;
    std::fs::write(&path, bytes).map_err(failed)?;
    crate::exports::record_export(&path);
    Ok(infoklass_store::ExportResult { path: path.display().to_string(), bytes: bytes.len() as u32 })
}
