//! Where exports go and what may be opened afterwards. The folder is the user's choice,
//! remembered in a per-user settings file; opening is limited to the one file this process
//! exported last, so the window can never ask the system to open an arbitrary path.

use infoklass_core::ErrorCode;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use infoklass_store::ErrorBody;

pub use crate::settings::SETTINGS_ENV;

static LAST_EXPORT: Mutex<Option<PathBuf>> = Mutex::new(None);
/// Asks the user where to save (the native "Spara som" dialog in the app): given the folder and
/// the suggested name, answers the chosen path or `None` when cancelled.
pub type AskWhere = Box<dyn Fn(&Path, &str) -> Option<PathBuf> + Send + Sync>;
static ASK_WHERE: Mutex<Option<AskWhere>> = Mutex::new(None);
/// When set (the browser tests' host), opening appends a line here instead of starting a program.
static OPEN_LOG: OnceLock<PathBuf> = OnceLock::new();

fn body(code: ErrorCode, message: String) -> ErrorBody {
    ErrorBody { code, message, details: None }
}

/// The folder exports are written to: the remembered choice while it still exists, else the
/// default (INFOKLASS_EXPORT_DIR, Downloads, home).
pub fn export_dir() -> PathBuf {
    crate::settings::load().export_dir.filter(|d| d.is_dir()).unwrap_or_else(infoklass_store::env::export_dir)
}

/// Remembers `folder` for the next exports; an empty text goes back to the default.
pub fn set_export_dir(folder: &str) -> Result<PathBuf, ErrorBody> {
    let folder = folder.trim();
    let chosen = if folder.is_empty() {
        None
    } else {
        let path = PathBuf::from(folder);
        let usable =
            path.is_absolute() && path.is_dir() && !std::fs::metadata(&path).is_ok_and(|m| m.permissions().readonly());
        if !usable {
            return Err(body(
                ErrorCode::FolderInvalid,
                format!("{folder} is not an existing folder given as a full path"),
            ));
        }
        Some(path.canonicalize().unwrap_or(path))
    };
    crate::settings::update(|s| s.export_dir = chosen).map_err(|m| body(ErrorCode::FileError, m))?;
    Ok(export_dir())
}

/// Makes every export ask where to save through `ask` (the app installs the native dialog;
/// the tests a stand-in). Without it, and whenever INFOKLASS_EXPORT_DIR is set, exports go
/// straight into the export folder.
pub fn ask_where_with(ask: AskWhere) {
    *ASK_WHERE.lock().unwrap_or_else(|p| p.into_inner()) = Some(ask);
}

/// The path an export is written to: `suggested` (a free name in the export folder), or where
/// the user chose in the dialog, whose folder is then remembered. Cancelling is
/// `EXPORT_CANCELLED`, before anything is written.
pub(crate) fn export_path(suggested: PathBuf) -> Result<PathBuf, ErrorBody> {
    let pinned = std::env::var_os(infoklass_store::env::EXPORT_ENV).is_some_and(|v| !v.is_empty());
    let ask = ASK_WHERE.lock().unwrap_or_else(|p| p.into_inner());
    let Some(ask) = ask.as_ref().filter(|_| !pinned) else { return Ok(suggested) };
    let (dir, name) = match (suggested.parent(), suggested.file_name()) {
        (Some(dir), Some(name)) => (dir.to_path_buf(), name.to_string_lossy().into_owned()),
        _ => return Ok(suggested),
    };
    let mut chosen =
        ask(&dir, &name).ok_or_else(|| body(ErrorCode::ExportCancelled, "the save dialog was cancelled".into()))?;
    // A name typed without the extension still gets the file's type.
    if chosen.extension().is_none() {
        if let Some(ext) = suggested.extension() {
            chosen.set_extension(ext);
        }
    }
    if let Some(folder) = chosen.parent().filter(|f| *f != dir.as_path()) {
        // Remembering is a convenience: a folder that cannot be remembered does not stop the export.
        let _ = set_export_dir(&folder.display().to_string());
    }
    Ok(chosen)
}

pub(crate) fn record_export(path: &Path) {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    *LAST_EXPORT.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
}

/// Makes opening write `open PATH` or `reveal PATH` lines into `log` instead of starting programs.
pub fn record_opens_in(log: PathBuf) {
    let _ = OPEN_LOG.set(log);
}

/// Opens the file exported last (or its folder, with `reveal`); any other path is refused.
pub fn open_last_export(path: &str, reveal: bool) -> Result<(), ErrorBody> {
    let refused = || body(ErrorCode::NotLastExport, "only the file exported last can be opened".into());
    let asked = Path::new(path).canonicalize().map_err(|_| refused())?;
    let last = LAST_EXPORT.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if last.as_deref() != Some(asked.as_path()) || !asked.is_file() {
        return Err(refused());
    }
    let target = if reveal { asked.parent().map(Path::to_path_buf).unwrap_or_else(|| asked.clone()) } else { asked };
    let failed = |e: std::io::Error| body(ErrorCode::FileError, format!("cannot open {}: {e}", target.display()));
    if let Some(log) = OPEN_LOG.get() {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(log).map_err(failed)?;
        let verb = if reveal { "reveal" } else { "open" };
        return writeln!(f, "{verb} {}", target.display()).map_err(failed);
    }
    system_open(&target).map_err(failed)
}

/// Hands the path to the desktop's default program; no shell is involved.
fn system_open(target: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program).arg(target).spawn()?;
    // Reap the launcher in the background so it does not linger as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(())
}
