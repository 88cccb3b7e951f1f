//! Reading an object description (JSON or TOML) for `infoklass new`.

use std::path::Path;

use infoklass_core::{ClassificationContent, InformationSet, LagrumDecision, ObjectMeta, PerAspect, Uplift};
use infoklass_store::NewObject;
use serde::Deserialize;

use crate::CliError;

/// The file shape, documented in docs/CLI.md.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObjectFile {
    object: ObjectMeta,
    #[serde(default)]
    sets: Vec<InformationSet>,
    #[serde(default)]
    uplifts: PerAspect<Option<Uplift>>,
    #[serde(default)]
    lagrum: Vec<LagrumDecision>,
}

pub fn read_object_file(path: &Path) -> Result<NewObject, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError {
        code: "FILE_ERROR".into(),
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    let is_json = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let parsed: Result<ObjectFile, String> = if is_json {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        toml::from_str(&text).map_err(|e| e.to_string())
    };
    let file = parsed.map_err(|e| CliError {
        code: "INVALID_INPUT".into(),
        message: format!("{} is not a valid object description: {e}", path.display()),
    })?;
    Ok(NewObject {
        meta: file.object,
        content: ClassificationContent { sets: file.sets, uplifts: file.uplifts, lagrum: file.lagrum },
    })
}
