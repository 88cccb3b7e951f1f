//! Reading input files: any of them capped in size, and the object description (JSON or TOML)
//! for `infoklass new`.

use std::path::Path;

use infoklass_core::input_files::parse_object_file;
use infoklass_core::limits::{LimitError, MAX_FILE_BYTES};
use infoklass_core::ErrorCode;
use infoklass_isak::{guard, FileError, Limits};
use infoklass_store::NewObject;

use crate::CliError;

/// Reads an input file (object, risk, threat or information-type file) as text: only a regular
/// file, and only up to the cap, which is checked before anything is read.
pub fn read_text_file(path: &Path) -> Result<String, CliError> {
    read_capped(path, MAX_FILE_BYTES)
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| file_error(path, "stream did not contain valid UTF-8")))
}

/// The bytes of a regular file of at most `max` bytes, read by the one capped reader of the
/// project (`infoklass_isak::guard::read_path`: size checked first, read stopped at the cap).
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    let limits = Limits { file_bytes: max, ..Limits::default() };
    guard::read_path(path, &limits).map_err(|e| match e {
        FileError::TooLarge { found, max, .. } => {
            let e = LimitError::FileTooLarge { bytes: found, max };
            CliError { code: e.code(), message: format!("{}: {e}", path.display()) }
        }
        FileError::Unreadable(e) => file_error(path, e),
        e => file_error(path, e),
    })
}

fn file_error(path: &Path, e: impl std::fmt::Display) -> CliError {
    CliError { code: ErrorCode::FileError, message: format!("cannot read {}: {e}", path.display()) }
}

/// The file shape is documented in docs/CLI.md; the parser lives in infoklass-core.
pub fn read_object_file(path: &Path) -> Result<NewObject, CliError> {
    let text = read_text_file(path)?;
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    let (meta, content) = parse_object_file(&text, is_json).map_err(|e| CliError {
        code: ErrorCode::InvalidInput,
        message: format!("{} is not a valid object description: {e}", path.display()),
    })?;
    Ok(NewObject { meta, content })
}
