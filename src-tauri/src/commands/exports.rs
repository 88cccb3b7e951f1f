use super::CmdResult;
use crate::exports;

/// The folder the next export is written to.
#[tauri::command(async)]
pub fn export_folder() -> CmdResult<String> {
    Ok(exports::export_dir().display().to_string())
}

/// Remembers the folder for the next exports ('' for the default); answers the folder now used.
#[tauri::command(async)]
pub fn set_export_folder(path: String) -> CmdResult<String> {
    exports::set_export_dir(&path).map(|p| p.display().to_string())
}

/// Opens the file exported last, or shows it in its folder; refuses every other path.
#[tauri::command(async)]
pub fn open_export(path: String, reveal: bool) -> CmdResult<()> {
    exports::open_last_export(&path, reveal)
}
