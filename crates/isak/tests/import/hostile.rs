//! Hostile input: decompression bombs, huge sheets, far-flung cells and giant cells are
//! refused or cut within limits (their time and memory are in docs/BENCHMARKS.md).

use std::io::{Cursor, Read};
use std::path::Path;

use crate::crafted;
use infoklass_isak::guard::{self, Workbook as Guarded};
use infoklass_isak::{FileError, Limit, Limits, Severity};
use rust_xlsxwriter::Workbook;

use crate::common::{
    bytes, crc32, deflate_run, diags, fail, klassning, parse, put, reference_book, unzip, zip, Entry, V,
};

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

/// The reference workbook with its Klassning sheet (sheet2.xml) replaced by `entry`.
fn with_klassning_sheet(entry: Entry) -> Vec<u8> {
    let mut entries: Vec<Entry> = unzip(&bytes(reference_book()))
        .into_iter()
        .filter(|(name, _)| name != "xl/worksheets/sheet2.xml")
        .map(|(name, data)| Entry::stored(&name, data))
        .collect();
    entries.push(entry);
    zip(&entries)
}

fn bomb(declared: u32) -> (Vec<u8>, u64) {
    let spaces: u64 = 300 * 1024 * 1024;
    let data = deflate_run(SHEET_START.as_bytes(), b' ', spaces, SHEET_END.as_bytes());
    let real = (SHEET_START.len() + SHEET_END.len()) as u64 + spaces;
    let size = if declared == 0 { real as u32 } else { declared };
    (with_klassning_sheet(Entry { name: "xl/worksheets/sheet2.xml".into(), method: 8, data, crc: 0, size }), real)
}

#[test]
fn the_bomb_stream_really_expands() {
    let body = format!("{SHEET_START}{}{SHEET_END}", " ".repeat(10_000));
    let data = deflate_run(SHEET_START.as_bytes(), b' ', 10_000, SHEET_END.as_bytes());
    let crc = crc32(body.as_bytes());
    let archive = zip(&[Entry { name: "a.xml".into(), method: 8, data, crc, size: body.len() as u32 }]);
    let mut zip = ::zip::ZipArchive::new(Cursor::new(archive)).unwrap();
    let mut out = String::new();
    zip.by_index(0).unwrap().read_to_string(&mut out).unwrap();
    assert_eq!(out, body);
}

#[test]
fn a_decompression_bomb_is_refused_before_it_is_unpacked() {
    let (file, real) = bomb(0);
    assert!(file.len() < 3 * 1024 * 1024, "the bomb file is {} bytes", file.len());
    let e = fail(&file, &Limits::default());
    assert!(matches!(e, FileError::TooLarge { limit: Limit::UncompressedBytes, found, .. } if found >= real), "{e:?}");
    assert!(e.message_sv().contains("dekomprimeringsbomb"), "{}", e.message_sv());
}

#[test]
fn a_bomb_that_lies_about_its_size_stops_at_the_declared_size() {
    let (file, _) = bomb(1_000);
    let e = fail(&file, &Limits::default());
    assert_eq!(e.code(), "CORRUPT", "{e:?}");
}

#[test]
fn a_sheet_over_the_row_limit_is_refused() {
    let mut wb = Workbook::new();
    let sets: Vec<Vec<V>> =
        (0..60).map(|i| vec![V::N(f64::from(i)), V::T("Mängd"), V::E, V::N(1.0), V::N(1.0), V::N(1.0)]).collect();
    klassning(&mut wb, &sets.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let limits = Limits { rows_per_sheet: 50, ..Limits::default() };
    let e = fail(&bytes(wb), &limits);
    assert!(
        matches!(&e, FileError::TooLarge { limit: Limit::RowsPerSheet, found: 51, max: 50, sheet: Some(s) } if s == "Klassning"),
        "{e:?}"
    );
    assert_eq!(e.message_sv(), "Bladet «Klassning» har minst 51 rader (högst 50 läses).");
}

#[test]
fn far_flung_cells_neither_allocate_a_dense_sheet_nor_pass_the_row_limit() {
    // A1 and XFD90001 span 1.5 billion cells if read as one dense range.
    let mut wb = reference_book();
    let ws = wb.worksheet_from_name("Klassning").unwrap();
    ws.write_string(90_000, 16_383, "långt bort").unwrap();
    let read = parse(&bytes(wb));
    assert_eq!(read.sets.len(), 3);
    assert!(read.unrecognised.iter().any(|l| l.cell == "XFD90001" && l.text == "långt bort"));

    let mut wb = reference_book();
    wb.worksheet_from_name("Klassning").unwrap().write_string(999_999, 0, "längst ned").unwrap();
    let e = fail(&bytes(wb), &Limits::default());
    assert!(matches!(e, FileError::TooLarge { limit: Limit::RowsPerSheet, found: 1_000_000, .. }), "{e:?}");
}

#[test]
fn a_one_megabyte_cell_is_cut_and_reported() {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[V::N(1.0), V::T("Journal"), V::E, V::N(2.0), V::N(2.0), V::N(2.0), V::T("LANG-CELL")]]);
    let entries: Vec<Entry> = unzip(&bytes(wb))
        .into_iter()
        .map(|(name, data)| {
            let text = String::from_utf8(data).unwrap().replace("LANG-CELL", &"å".repeat(512 * 1024));
            Entry::stored(&name, text.into_bytes())
        })
        .collect();
    let file = zip(&entries);
    assert!(file.len() > 1024 * 1024);
    let read = parse(&file);
    assert_eq!(read.sets[0].motivation.chars().count(), 32_767);
    let long = diags(&read, "CELL_TOO_LONG");
    assert_eq!(long.len(), 1);
    assert_eq!(long[0].severity, Severity::Error);
    assert_eq!(long[0].cell.as_deref(), Some("G11"));
    assert!(long[0].message_sv.contains("524\u{202f}288 tecken"), "{}", long[0].message_sv);
    assert_eq!(read.sets[0].k, Some(1), "the rest of the row is still read");
}

#[test]
fn too_many_cells_are_refused() {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[V::N(1.0), V::T("Journal"), V::E, V::N(2.0), V::N(2.0), V::N(2.0)]]);
    put(wb.worksheet_from_name("Klassning").unwrap(), 20, &[V::T("x"); 30]);
    let e = fail(&bytes(wb), &Limits { cells: 40, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::Cells, max: 40, .. }), "{e:?}");
    assert_eq!(e.message_sv(), "Arbetsboken har fler än 40 ifyllda celler, vilket är gränsen.");
}

// ---- files crafted to make calamine reserve or build gigabytes (reliability review) ----

fn xls_fixture() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ekonomisystem.xls")).unwrap()
}

fn refused(bytes: &[u8], limits: &Limits) -> FileError {
    match Guarded::open(bytes, limits) {
        Ok(_) => panic!("the workbook was opened but should have been refused"),
        Err(e) => e,
    }
}

#[test]
fn far_flung_cells_are_refused_before_a_dense_range_is_built() {
    for (far, area) in [("XFD1048576", 1_048_576u64 * 16_384), ("ZZ300000", 300_000 * 702)] {
        let file = crafted::far_cells("_meta", far);
        let mut wb = Guarded::open(&file, &Limits::default()).unwrap();
        let e = wb.range("_meta").unwrap_err();
        assert!(
            matches!(&e, FileError::TooLarge { limit: Limit::DenseCells, found, sheet: Some(s), .. } if *found == area && s == "_meta"),
            "{e:?}"
        );
        assert!(e.message_sv().starts_with("Bladet «_meta» spänner över"), "{}", e.message_sv());
    }
    // Near cells still read, at their own positions.
    let file = crafted::far_cells("_meta", "B3");
    let range = Guarded::open(&file, &Limits::default()).unwrap().range("_meta").unwrap();
    assert_eq!((range.start(), range.end()), (Some((0, 0)), Some((2, 1))));
    assert_eq!(range.get_value((0, 0)), Some(&calamine::Data::String("format".into())));
}

#[test]
fn inflated_shared_string_counts_are_refused_before_calamine_reserves_them() {
    for declared in ["200000000000", "18000000000000000000"] {
        let file = crafted::shared_string_count(declared);
        assert!(file.len() < 4096);
        for e in [fail(&file, &Limits::default()), refused(&file, &Limits::default())] {
            assert!(
                matches!(e, FileError::TooLarge { limit: Limit::SharedStrings, sheet: Some(ref p), .. } if p == "xl/sharedstrings.xml"),
                "{e:?}"
            );
            assert!(e.message_sv().contains("delade texter"), "{}", e.message_sv());
        }
    }
    // An honest count opens, and the sheet holds the shared string.
    let file = crafted::shared_string_count("1");
    let range = Guarded::open(&file, &Limits::default()).unwrap().range("Klassning").unwrap();
    assert_eq!(range.get_value((0, 0)), Some(&calamine::Data::String("x".into())));
}

#[test]
fn a_patched_xls_dimensions_record_is_refused_before_calamine_reserves_it() {
    let file = crafted::xls_dimensions(&xls_fixture(), 1, 0xFFFF_FFF0, 0xFF).unwrap();
    for e in [fail(&file, &Limits::default()), refused(&file, &Limits::default())] {
        assert!(
            matches!(e, FileError::TooLarge { limit: Limit::DenseCells, found, .. } if found == 0xFFFF_FFF0 * 0xFF),
            "{e:?}"
        );
    }
    // The same record with the sheet's true size reads.
    let honest = crafted::xls_dimensions(&xls_fixture(), 1, 12, 7).unwrap();
    assert!(Guarded::open(&honest, &Limits::default()).is_ok());
}

#[test]
fn an_xls_sheet_spanning_too_many_cells_is_refused() {
    let e = fail(&xls_fixture(), &Limits { dense_cells: 20, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::DenseCells, sheet: Some(_), .. }), "{e:?}");
    let e = fail(&xls_fixture(), &Limits { text_bytes: 100, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::TextBytes, .. }), "{e:?}");
}

#[test]
fn a_shared_string_bomb_is_refused_from_the_zip_directory() {
    let file = crafted::shared_string_bomb(1 << 30);
    assert!(file.len() < 8 * 1024 * 1024, "{} bytes", file.len());
    let e = refused(&file, &Limits::default());
    assert!(
        matches!(e, FileError::TooLarge { limit: Limit::UncompressedBytes, found, .. } if found > 1 << 30),
        "{e:?}"
    );
    assert!(e.message_sv().contains("har inte packats upp"));
    // Within the total but over what one part may unpack to.
    let e = refused(&crafted::shared_string_bomb(100 << 20), &Limits::default());
    assert!(
        matches!(e, FileError::TooLarge { limit: Limit::PartBytes, sheet: Some(ref p), .. } if p == "xl/sharedStrings.xml"),
        "{e:?}"
    );
    // A part that deflates better than the allowed ratio.
    let e = refused(&crafted::shared_string_bomb(10 << 20), &Limits { compression_ratio: 100, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::CompressionRatio, .. }), "{e:?}");
    assert!(e.message_sv().contains("dekomprimeringsbomb"));
}

#[test]
fn too_many_zip_entries_are_refused() {
    let e = fail(&bytes(reference_book()), &Limits { zip_entries: 3, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::ZipEntries, max: 3, .. }), "{e:?}");
}

#[test]
fn ods_repeat_counts_are_refused_before_calamine_copies_them() {
    let file = crafted::ods_repeats("Hemlig uppgift", 16_384, 1_048_576);
    for e in [fail(&file, &Limits::default()), refused(&file, &Limits::default())] {
        assert!(
            matches!(e, FileError::TooLarge { limit: Limit::TextBytes | Limit::DenseCells, sheet: Some(ref s), .. } if s == "Klassning"),
            "{e:?}"
        );
    }
    let e = refused(&file, &Limits { text_bytes: u64::MAX, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::DenseCells, found, .. } if found > 1 << 34), "{e:?}");
    // Modest repeats read, copied as often as they say.
    let file = crafted::ods_repeats("x", 3, 2);
    let range = Guarded::open(&file, &Limits::default()).unwrap().range("Klassning").unwrap();
    assert_eq!(range.used_cells().count(), 6);
}

#[test]
fn text_copied_into_many_cells_counts_each_time() {
    let e = fail(&bytes(reference_book()), &Limits { text_bytes: 100, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::TextBytes, max: 100, .. }), "{e:?}");
}

#[test]
fn only_regular_files_within_the_size_limit_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let e = guard::read_path(dir.path(), &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "FILE_UNREADABLE");
    let path = dir.path().join("stor.xlsx");
    std::fs::write(&path, [0u8; 100]).unwrap();
    let e = guard::read_path(&path, &Limits { file_bytes: 10, ..Limits::default() }).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { limit: Limit::FileBytes, found: 100, .. }), "{e:?}");
    #[cfg(unix)]
    assert_eq!(guard::read_path(Path::new("/dev/zero"), &Limits::default()).unwrap_err().code(), "FILE_UNREADABLE");
}

#[test]
fn one_sheet_part_named_by_many_sheets_counts_once_per_sheet() {
    // 120 sheets reading the same 2 MB part would stream 240 MB.
    let e = refused(&crafted::one_part_many_sheets(120, 2 << 20), &Limits::default());
    assert!(
        matches!(e, FileError::TooLarge { limit: Limit::UncompressedBytes, found, .. } if found > 200 << 20),
        "{e:?}"
    );
    assert!(Guarded::open(&crafted::one_part_many_sheets(10, 2 << 20), &Limits::default()).is_ok());
}

#[test]
fn one_text_of_many_megabytes_is_refused_before_a_parser_holds_it() {
    let e = refused(&crafted::shared_string_bomb(20 << 20), &Limits::default());
    assert!(
        matches!(e, FileError::TooLarge { limit: Limit::TextRun, sheet: Some(ref p), .. } if p == "xl/sharedstrings.xml"),
        "{e:?}"
    );
    assert!(e.message_sv().contains("text i ett stycke"), "{}", e.message_sv());
}

#[test]
fn merged_ranges_count_like_cells() {
    let e = refused(&crafted::merges(30), &Limits { cells: 20, ..Limits::default() });
    assert!(matches!(e, FileError::TooLarge { limit: Limit::Cells, found: 30, .. }), "{e:?}");
    assert!(Guarded::open(&crafted::merges(20), &Limits { cells: 20, ..Limits::default() }).is_ok());
}

#[test]
fn an_encrypted_xls_is_named_so_before_its_records_are_checked() {
    // The CodePage record turned into a FilePass record: the rest would be encrypted.
    let mut xls = xls_fixture();
    let at = xls.windows(4).position(|w| w == [0x42, 0x00, 0x02, 0x00]).unwrap();
    xls[at..at + 6].copy_from_slice(&[0x2F, 0x00, 0x02, 0x00, 0x01, 0x00]);
    assert_eq!(fail(&xls, &Limits::default()).code(), "ENCRYPTED");
}

#[test]
fn a_cell_at_the_last_possible_row_is_refused_not_wrapped() {
    let file = crafted::far_cells("_meta", "XFD4294967296");
    let e = Guarded::open(&file, &Limits::default()).unwrap().range("_meta").unwrap_err();
    assert!(matches!(e, FileError::TooLarge { limit: Limit::DenseCells, .. } | FileError::Corrupt(_)), "{e:?}");
    let e = fail(&file, &Limits::default());
    assert!(matches!(e, FileError::TooLarge { limit: Limit::RowsPerSheet, .. } | FileError::Corrupt(_)), "{e:?}");
}
