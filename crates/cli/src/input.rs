//! Reading an object description (JSON or TOML) for `infoklass new`.

use std::path::Path;

use infoklass_core::input_files::parse_object_file;
use infoklass_store::NewObject;

use crate::CliError;

/// The file shape is documented in docs/CLI.md; the parser lives in infoklass-core.
pub fn read_object_file(path: &Path) -> Result<NewObject, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError {
        code: "FILE_ERROR".into(),
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"));
    let (meta, content) = parse_object_file(&text, is_json).map_err(|e| CliError {
        code: "INVALID_INPUT".into(),
        message: format!("{} is not a valid object description: {e}", path.display()),
    })?;
    Ok(NewObject { meta, content })
}
