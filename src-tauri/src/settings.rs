//! The user's own settings, in one small file in the platform's config folder: where exports
//! go and which database the app opens. Never a password.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Environment variable naming the settings file (tests; else the platform's config folder).
pub const SETTINGS_ENV: &str = "INFOKLASS_SETTINGS";

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_dir: Option<PathBuf>,
    /// The organisation database's URL (without a password); none for the local file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
}

fn path() -> PathBuf {
    if let Some(p) = std::env::var_os(SETTINGS_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("se", "Infoklass", "infoklass")
        .map(|d| d.config_dir().join("settings.json"))
        .unwrap_or_else(|| PathBuf::from("infoklass-settings.json"))
}

pub fn load() -> Settings {
    std::fs::read(path()).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
}

/// Changes the settings with `change` and writes them aside and renamed, so a crash never
/// leaves half a file.
pub fn update(change: impl FnOnce(&mut Settings)) -> Result<(), String> {
    let file = path();
    let mut settings = load();
    change(&mut settings);
    let failed = |e: std::io::Error| format!("cannot write {}: {e}", file.display());
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    let text = serde_json::to_vec_pretty(&settings).unwrap_or_default();
    let partial = file.with_extension("json.partial");
    std::fs::write(&partial, text).map_err(failed)?;
    std::fs::rename(&partial, &file).map_err(failed)
}
