//! Files that are not readable workbooks get a clear reason, never a panic.

use std::io::{Cursor, Write};

use infoklass_isak::{read_file, FileError, ImportProfile, Limit, Limits};
use rust_xlsxwriter::Workbook;

use crate::common::{bytes, fail, put, reference_book, sheet, V};

fn limits() -> Limits {
    Limits::default()
}

#[test]
fn a_text_file_named_xlsx_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("klassning.xlsx");
    std::fs::write(&path, "Nr;Informationsmängd;K;R;T\n1;Journal;3;3;3\n").unwrap();
    let e = read_file(&path, &ImportProfile::default(), &limits()).unwrap_err();
    assert_eq!(e.code(), "NOT_A_WORKBOOK");
    assert_eq!(e.message_sv(), "Filen är ingen arbetsbok (xls, xlsx, xlsm eller ods).");
}

#[test]
fn a_truncated_file_is_corrupt() {
    let xlsx = bytes(reference_book());
    let e = fail(&xlsx[..xlsx.len() / 2], &limits());
    assert_eq!(e.code(), "CORRUPT", "{e}");
    assert!(e.message_sv().starts_with("Arbetsboken är skadad eller ofullständig"));

    let xls = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ekonomisystem.xls")).unwrap();
    for cut in [600, xls.len() / 2, xls.len() - 512] {
        assert_eq!(fail(&xls[..cut], &limits()).code(), "CORRUPT", "xls cut at {cut}");
    }
}

#[test]
fn a_password_protected_workbook_is_reported_as_such() {
    // Excel saves an encrypted xlsx as a compound file with these two streams.
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    cfb.create_stream("/EncryptionInfo").unwrap().write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]).unwrap();
    cfb.create_stream("/EncryptedPackage").unwrap().write_all(&[0x5A; 8192]).unwrap();
    cfb.flush().unwrap();
    let encrypted = cfb.into_inner().into_inner();
    let e = fail(&encrypted, &limits());
    assert!(matches!(e, FileError::Encrypted));
    assert_eq!(e.code(), "ENCRYPTED");
    assert!(e.message_sv().contains("lösenordsskyddad"));

    // Any other compound file (a Word document, say) is not a workbook.
    let mut other = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    other.create_stream("/WordDocument").unwrap().write_all(&[1; 4096]).unwrap();
    other.flush().unwrap();
    assert_eq!(fail(&other.into_inner().into_inner(), &limits()).code(), "NOT_A_WORKBOOK");
}

#[test]
fn an_empty_workbook_or_file_is_empty() {
    let mut wb = Workbook::new();
    sheet(&mut wb, "Klassning");
    sheet(&mut wb, "Riskanalys");
    let e = fail(&bytes(wb), &limits());
    assert_eq!(e.code(), "EMPTY");
    assert_eq!(e.message_sv(), "Arbetsboken är tom: inget blad innehåller något värde.");
    assert_eq!(fail(b"", &limits()).code(), "EMPTY");
}

#[test]
fn a_workbook_without_a_classification_sheet_is_refused() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Riskanalys");
    put(ws, 0, &crate::common::RISK_HEADER);
    put(ws, 1, &[V::N(1.0), V::T("Brand"), V::E, V::E, V::T("T"), V::N(1.0), V::N(4.0)]);
    let e = fail(&bytes(wb), &limits());
    assert_eq!(e.code(), "NO_CLASSIFICATION_SHEET");
    assert!(e.message_sv().starts_with("Bladet Klassning saknas"));
}

#[test]
fn a_missing_file_and_a_file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let e = read_file(&dir.path().join("finns-inte.xlsx"), &ImportProfile::default(), &limits()).unwrap_err();
    assert_eq!(e.code(), "FILE_UNREADABLE");

    let path = dir.path().join("stor.xlsx");
    std::fs::write(&path, bytes(reference_book())).unwrap();
    let small = Limits { file_bytes: 1_000, ..Limits::default() };
    let e = read_file(&path, &ImportProfile::default(), &small).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { limit: Limit::FileBytes, max: 1_000, .. }), "{e:?}");
    assert!(e.message_sv().starts_with("Filen är för stor"), "{}", e.message_sv());
}
