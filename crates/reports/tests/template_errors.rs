//! A broken template gives REPORT_TEMPLATE with the file and line, never a panic or a PDF.

use std::path::Path;

use infoklass_core::labels::Lang;
use infoklass_core::ErrorCode;
use infoklass_reports::{render, ReportError, ReportKind};

fn template(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn error_of(dir: &Path) -> String {
    let now = time::OffsetDateTime::UNIX_EPOCH;
    match render(ReportKind::Overview, Some(dir), Lang::Sv, &serde_json::json!({}), now) {
        Err(e @ ReportError::Template(_)) => {
            assert_eq!(e.code(), ErrorCode::ReportTemplate);
            e.to_string()
        }
        Err(other) => panic!("not a template error: {other}"),
        Ok(_) => panic!("a broken template made a PDF"),
    }
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let dir = template(&[("lagesrapport.typ", "= Rubrik\n\nText\n#let x = (1, 2\n")]);
    let message = error_of(dir.path());
    assert!(message.contains("lagesrapport.typ:4:"), "{message}");
}

#[test]
fn an_error_while_running_names_the_line_in_the_included_file() {
    let dir = template(&[
        ("lagesrapport.typ", "#import \"common.typ\": *\n= #title\n"),
        ("common.typ", "#let data = json(\"/data.json\")\n#let title = data.report.missing_field\n"),
    ]);
    let message = error_of(dir.path());
    assert!(message.contains("common.typ:2:") && message.contains("missing_field"), "{message}");
}

#[test]
fn packages_are_refused_with_a_reason() {
    let dir = template(&[("lagesrapport.typ", "#import \"@preview/cetz:0.3.0\": canvas\nText\n")]);
    let message = error_of(dir.path());
    assert!(message.contains("lagesrapport.typ:1:") && message.contains("not available in reports"), "{message}");
}

#[test]
fn a_missing_folder_or_file_is_named() {
    let dir = template(&[("common.typ", "")]);
    assert!(error_of(dir.path()).contains("no lagesrapport.typ"));
    assert!(error_of(&dir.path().join("gone")).contains("does not exist"));
}

#[cfg(unix)]
#[test]
fn a_file_outside_the_template_folder_is_not_read() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "hemligt").unwrap();
    let dir = outer.path().join("t");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink(outer.path().join("secret.txt"), dir.join("link.txt")).unwrap();
    std::fs::write(dir.join("lagesrapport.typ"), "#read(\"link.txt\")\n").unwrap();
    let message = error_of(&dir);
    assert!(message.contains("lagesrapport.typ:1:"), "{message}");
}
