//! `infoklass export`: objects as Infoklass workbooks (the ISAK successor).

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use infoklass_files::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, Store};

use crate::output::write_file;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// One or more objects (ids or names). One object gives its own workbook; several give a
    /// portfolio workbook unless --each is set.
    #[arg(required = true)]
    objects: Vec<String>,
    /// The file to write (with --each: a folder, one workbook per object).
    #[arg(long)]
    out: PathBuf,
    /// Write one workbook per object into the folder given by --out.
    #[arg(long)]
    each: bool,
    /// Write a portfolio workbook even for a single object.
    #[arg(long)]
    portfolio: bool,
    /// The language of the workbook (sheets, headers, words, requirement texts): sv or en.
    #[arg(long, default_value = "sv", value_parser = super::parse_lang)]
    lang: Lang,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let ids = a.objects.iter().map(|o| store.find_object(o)).collect::<Result<Vec<_>, _>>()?;
    let stamp = ExportStamp { app_version: env!("CARGO_PKG_VERSION").to_string(), exported_at: ctx.now.clone() };
    let failed = |e: infoklass_files::ExcelError| CliError { code: ErrorCode::ExportFailed, message: e.to_string() };
    if a.each {
        std::fs::create_dir_all(&a.out)
            .map_err(|e| CliError { code: ErrorCode::WriteFailed, message: format!("{}: {e}", a.out.display()) })?;
        let mut taken = std::collections::HashSet::new();
        for id in &ids {
            let data = gather(store, id, &ctx.today)?;
            let path = free_path(&a.out, &safe_file_name(&data.detail.meta.name), &mut taken);
            write_file(&path, &object_workbook(&data, &stamp, a.lang).map_err(failed)?)?;
            println!("{}", path.display());
        }
        return Ok(());
    }
    let bytes = if ids.len() == 1 && !a.portfolio {
        object_workbook(&gather(store, &ids[0], &ctx.today)?, &stamp, a.lang).map_err(failed)?
    } else {
        let portfolio = store.portfolio_with_overview(&ids, &ctx.today)?;
        let bytes = portfolio_workbook(&portfolio, &stamp, a.lang).map_err(failed)?;
        // The process ends after writing the file: freeing the rows of a large portfolio one
        // by one (a few per cent of the export) would be wasted work.
        std::mem::forget(portfolio);
        bytes
    };
    write_file(&a.out, &bytes)?;
    println!("{} objekt skrivna till {}", ids.len(), a.out.display());
    Ok(())
}

/// File systems allow 255 bytes per name; this leaves room for " (n)" and ".xlsx".
const MAX_STEM_BYTES: usize = 200;

/// A file name a person recognises, without characters file systems refuse, cut on a character
/// boundary to at most `MAX_STEM_BYTES` bytes (a 4-byte character counts four).
fn safe_file_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_alphanumeric() || " -_()".contains(c) { c } else { '_' }).collect();
    let mut stem = String::new();
    for c in cleaned.trim().chars() {
        if stem.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        stem.push(c);
    }
    let stem = stem.trim_end().to_string();
    // Windows refuses these device names whatever the extension.
    let upper = stem.to_ascii_uppercase();
    let device = ["CON", "PRN", "AUX", "NUL"].contains(&upper.as_str())
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit());
    match stem.is_empty() {
        true => "objekt".to_string(),
        false if device => format!("_{stem}"),
        false => stem,
    }
}

/// `stem.xlsx` in `dir`, or `stem (2).xlsx`, … when this batch or an earlier file has the
/// name: two objects whose names clean to the same text never overwrite each other. Names
/// are compared without case, as Windows and macOS do.
fn free_path(dir: &Path, stem: &str, taken: &mut HashSet<String>) -> PathBuf {
    (1..)
        .map(|n| if n == 1 { format!("{stem}.xlsx") } else { format!("{stem} ({n}).xlsx") })
        .find(|name| !taken.contains(&name.to_lowercase()) && !dir.join(name).exists())
        .map(|name| {
            taken.insert(name.to_lowercase());
            dir.join(name)
        })
        .expect("some name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_by_bytes_and_devices_are_renamed() {
        let bold = safe_file_name(&"𝐀".repeat(100));
        assert_eq!((bold.len(), bold.chars().count()), (200, 50), "4-byte characters");
        assert_eq!(safe_file_name(&"ab".repeat(300)).len(), 200);
        assert_eq!(safe_file_name("CON"), "_CON");
        assert_eq!(safe_file_name("com1"), "_com1");
        assert_eq!(safe_file_name("a/b"), "a_b");
        assert_eq!(safe_file_name("../.."), "_____");
        assert_eq!(safe_file_name("  "), "objekt");
    }

    #[test]
    fn names_that_clean_alike_get_distinct_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut taken = HashSet::new();
        let paths: Vec<PathBuf> =
            ["a/b", "a\\b", "A:b"].iter().map(|n| free_path(dir.path(), &safe_file_name(n), &mut taken)).collect();
        let names: Vec<String> = paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a_b.xlsx", "a_b (2).xlsx", "A_b (3).xlsx"]);
        std::fs::write(dir.path().join("x.xlsx"), b"earlier").unwrap();
        assert!(free_path(dir.path(), "x", &mut HashSet::new()).ends_with("x (2).xlsx"), "an existing file is kept");
    }
}
