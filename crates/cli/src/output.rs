use infoklass_core::ErrorCode;
use infoklass_core::Status;
use serde::Serialize;

use crate::CliError;

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError { code: ErrorCode::Unexpected, message: e.to_string() })?;
    println!("{text}");
    Ok(())
}

pub fn status_sv(s: Status) -> &'static str {
    infoklass_core::labels::word(infoklass_core::labels::Lang::Sv, "status", s)
}

pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes)
        .map_err(|e| CliError { code: ErrorCode::FileError, message: format!("cannot write {}: {e}", path.display()) })
}
