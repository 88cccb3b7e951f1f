//! The same workbook as xlsx, xlsm, ods and xls (the last two made by LibreOffice).

use std::path::Path;
use std::process::Command;

use infoklass_isak::{read_file, ImportProfile, Limits, ParsedWorkbook};

use crate::common::{bytes, diags, parse, problems, reference_book, V};

/// What must survive any format: object, sets, risks, requirements, leftovers.
fn content(wb: &ParsedWorkbook) -> String {
    let mut wb = wb.clone();
    wb.file_name.clear();
    wb.sha256.clear();
    wb.format.clear();
    serde_json::to_string_pretty(&wb).unwrap()
}

#[test]
fn reference_book_reads_cleanly() {
    let wb = parse(&bytes(reference_book()));
    assert_eq!(wb.object.name.as_deref(), Some("Testsystem"));
    assert_eq!(wb.sets.len(), 3);
    assert_eq!(wb.risks.len(), 2);
    assert_eq!(wb.risks[0].value, Some(12));
    assert_eq!(wb.legacy_requirements.len(), 2);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}

#[test]
fn xlsm_reads_like_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = bytes(reference_book());
    let path = dir.path().join("isak.xlsm");
    std::fs::write(&path, &xlsx).unwrap();
    let xlsm = read_file(&path, &ImportProfile::default(), &Limits::default()).unwrap();
    assert_eq!(xlsm.file_name, "isak.xlsm");
    assert_eq!(xlsm.format, "xlsx");
    assert_eq!(content(&xlsm), content(&parse(&xlsx)));
}

fn soffice_available() -> bool {
    Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Converts with LibreOffice headless, its profile inside `dir` so parallel runs do not collide.
fn convert(dir: &Path, file: &Path, to: &str) -> std::path::PathBuf {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let out = Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", to, "--outdir"])
        .arg(dir.join("out"))
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
    let converted = dir.join("out").join(file.with_extension(to).file_name().unwrap());
    assert!(converted.exists(), "soffice wrote nothing: {}", String::from_utf8_lossy(&out.stdout));
    converted
}

#[test]
fn ods_and_xls_converted_by_libreoffice_read_the_same() {
    if !soffice_available() {
        eprintln!("SKIPPED: soffice (LibreOffice) is not on PATH; ods and xls conversions not tested");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("isak.xlsx");
    std::fs::write(&source, bytes(reference_book())).unwrap();
    let want = content(&read_file(&source, &ImportProfile::default(), &Limits::default()).unwrap());
    for (to, format) in [("ods", "ods"), ("xls", "xls")] {
        let path = convert(dir.path(), &source, to);
        let wb = read_file(&path, &ImportProfile::default(), &Limits::default()).unwrap();
        assert_eq!(wb.format, format);
        assert_eq!(content(&wb), want, "{to}");
    }
}

#[test]
fn a_formula_in_a_text_cell_survives_ods_and_xls() {
    if !soffice_available() {
        eprintln!("SKIPPED: soffice (LibreOffice) is not on PATH; formulas in ods and xls not tested");
        return;
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    crate::common::klassning(
        &mut book,
        &[&[
            V::N(1.0),
            V::T("Ekonomi"),
            V::E,
            V::N(2.0),
            V::N(3.0),
            V::N(2.0),
            V::F(r#"=HYPERLINK("https://intra.example/osl","OSL")"#, "OSL"),
        ]],
    );
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("formel.xlsx");
    std::fs::write(&source, bytes(book)).unwrap();
    for to in ["ods", "xls"] {
        let wb = read_file(&convert(dir.path(), &source, to), &ImportProfile::default(), &Limits::default()).unwrap();
        let motivation = &wb.sets[0].motivation;
        assert!(
            motivation.starts_with("=HYPERLINK(") && motivation.contains("https://intra.example/osl"),
            "{to}: {motivation}"
        );
        assert_eq!(diags(&wb, "FORMULA_KEPT_AS_TEXT").len(), 1, "{to}: {:#?}", wb.diagnostics);
    }
}
