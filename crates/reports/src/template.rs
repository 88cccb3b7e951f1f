//! Where a report's template comes from: the shipped one compiled into the binary, or a folder
//! an organisation copied from `catalog/reports/` and adapted (logo, wording, colours, fonts).

use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::Bytes;
use typst::text::Font;

/// The shipped templates, so a report works without any files beside the binary.
const SHIPPED: &[(&str, &str)] = &[
    ("common.typ", include_str!("../../../catalog/reports/common.typ")),
    ("labels.toml", include_str!("../../../catalog/reports/labels.toml")),
    ("klassningsbeslut.typ", include_str!("../../../catalog/reports/klassningsbeslut.typ")),
    ("riskanalys.typ", include_str!("../../../catalog/reports/riskanalys.typ")),
    ("lagesrapport.typ", include_str!("../../../catalog/reports/lagesrapport.typ")),
];

/// Writes the shipped templates into `dir` (made if missing) for an organisation to adapt;
/// refuses before writing anything if one of the files is already there.
pub fn write_shipped(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = SHIPPED.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(taken) = paths.iter().find(|p| p.exists()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists; give an empty folder", taken.display()),
        ));
    }
    std::fs::create_dir_all(dir)?;
    for ((_, text), path) in SHIPPED.iter().zip(&paths) {
        std::fs::write(path, text)?;
    }
    Ok(paths)
}

/// A template file larger than this is refused (a logo or a font fits easily).
const MAX_FILE: u64 = 20 * 1024 * 1024;

#[derive(Clone, Debug)]
pub enum TemplateFiles {
    Shipped,
    Folder(PathBuf),
}

impl TemplateFiles {
    /// `path` is relative to the template's root, without a leading slash.
    pub fn read(&self, path: &str) -> FileResult<Bytes> {
        match self {
            TemplateFiles::Shipped => SHIPPED
                .iter()
                .find(|(name, _)| *name == path)
                .map(|(_, text)| Bytes::new(text.as_bytes()))
                .ok_or_else(|| FileError::NotFound(PathBuf::from(path))),
            TemplateFiles::Folder(root) => {
                let full = root.join(path);
                // Typst's virtual paths cannot climb out of the root; links could.
                let inside = match (full.canonicalize(), root.canonicalize()) {
                    (Ok(f), Ok(r)) => f.starts_with(r),
                    (Err(e), _) | (_, Err(e)) => return Err(FileError::from_io(e, Path::new(path))),
                };
                if !inside {
                    return Err(FileError::AccessDenied);
                }
                let meta = std::fs::metadata(&full).map_err(|e| FileError::from_io(e, Path::new(path)))?;
                if meta.is_dir() {
                    return Err(FileError::IsDirectory);
                }
                if meta.len() > MAX_FILE {
                    return Err(FileError::Other(Some("the file is larger than 20 MB".into())));
                }
                std::fs::read(&full).map(Bytes::new).map_err(|e| FileError::from_io(e, Path::new(path)))
            }
        }
    }

    /// The fonts in the folder's `fonts/` (.ttf, .otf, .ttc), if it has one.
    pub fn fonts(&self) -> Vec<Font> {
        let TemplateFiles::Folder(root) = self else { return Vec::new() };
        let Ok(entries) = std::fs::read_dir(root.join("fonts")) else { return Vec::new() };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        paths
            .iter()
            .filter(|p| {
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
                matches!(ext.as_str(), "ttf" | "otf" | "ttc")
            })
            .filter_map(|p| std::fs::read(p).ok())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect()
    }

    /// Whether the main file of a report exists, checked before compiling for a clear error.
    pub fn has(&self, path: &str) -> bool {
        match self {
            TemplateFiles::Shipped => SHIPPED.iter().any(|(name, _)| *name == path),
            TemplateFiles::Folder(root) => root.join(path).is_file(),
        }
    }
}
