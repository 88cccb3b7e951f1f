//! The edges shared by the CLI and the desktop app: where the database lives by default,
//! who the user is, and what time it is. Business logic never calls these itself.

use std::path::PathBuf;

use crate::Ctx;

/// Environment variable naming the database file (overridden by `--db`).
pub const DB_ENV: &str = "INFOKLASS_DB";

/// The per-user database: the platform's app data folder (on Linux `~/.local/share/infoklass`).
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("se", "Infoklass", "infoklass")
        .map(|d| d.data_dir().join("infoklass.sqlite"))
        .unwrap_or_else(|| PathBuf::from("infoklass.sqlite"))
}

/// `--db`, else `INFOKLASS_DB`, else the per-user default.
pub fn resolve_db_path(cli: Option<PathBuf>) -> PathBuf {
    cli.or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(default_db_path)
}

/// The login of the organisation database this process has open, which is who acts there
/// whatever the environment says (the server records it in the history too).
static DATABASE_LOGIN: std::sync::RwLock<Option<String>> = std::sync::RwLock::new(None);

pub(crate) fn set_database_login(login: Option<String>) {
    *DATABASE_LOGIN.write().unwrap_or_else(|p| p.into_inner()) = login;
}

/// The user recorded in the audit log: the organisation database's login when one is open,
/// else `INFOKLASS_USER`, else the login name.
pub fn current_user() -> String {
    if let Some(login) = DATABASE_LOGIN.read().unwrap_or_else(|p| p.into_inner()).clone() {
        return login;
    }
    ["INFOKLASS_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .or_else(|| {
            // Services and containers often lack USER; the home folder's name is the login name.
            let home = std::env::var_os("HOME")?;
            Some(std::path::Path::new(&home).file_name()?.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "okänd".to_string())
}

impl Ctx {
    /// A context for the current user at the current time (local date for `today`).
    pub fn system() -> Ctx {
        let now = time::OffsetDateTime::now_utc();
        let local = time::UtcOffset::current_local_offset().map(|o| now.to_offset(o)).unwrap_or(now);
        Ctx {
            actor: current_user(),
            now: now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
            today: local.date().to_string(),
        }
    }
}

/// Environment variable naming the folder exports are written to.
pub const EXPORT_ENV: &str = "INFOKLASS_EXPORT_DIR";

/// Where the desktop app writes exported files: INFOKLASS_EXPORT_DIR, else the user's
/// Downloads folder, else the home folder. The UI never chooses a path itself.
pub fn export_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(EXPORT_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let user = directories::UserDirs::new();
    user.as_ref()
        .and_then(|u| u.download_dir().map(PathBuf::from))
        .or_else(|| user.as_ref().map(|u| u.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A file name that does not exist yet in `dir`: `stem.ext`, `stem (2).ext`, …
pub fn free_file_name(dir: &std::path::Path, stem: &str, ext: &str) -> PathBuf {
    let clean: String =
        stem.chars().map(|c| if c.is_alphanumeric() || " -_".contains(c) { c } else { '-' }).collect::<String>();
    // File systems allow 255 bytes per name: cut on a character boundary, leaving room for
    // " (n)" and the extension.
    let mut end = clean.len().min(200);
    while !clean.is_char_boundary(end) {
        end -= 1;
    }
    let clean = clean[..end].trim();
    let stem = if clean.is_empty() { "export" } else { clean };
    (1..)
        .map(|n| if n == 1 { dir.join(format!("{stem}.{ext}")) } else { dir.join(format!("{stem} ({n}).{ext}")) })
        .find(|p| !p.exists())
        .expect("some name is free")
}

#[cfg(test)]
mod tests {
    #[test]
    fn export_names_stay_within_255_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = super::free_file_name(dir.path(), &format!("Informationsklassning {}", "𝐀".repeat(300)), "xlsx");
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(name.len() <= 255 && name.starts_with("Informationsklassning 𝐀"), "{} bytes", name.len());
        std::fs::write(&path, b"x").unwrap();
    }
}
