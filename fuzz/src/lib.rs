//! Shared pieces of the fuzz targets: the readers under test, the template workbooks and the
//! zip rebuilding that lets mutations of one XML part reach a reader past the zip layer.

pub mod parts;
pub mod templates;

use infoklass_isak::{ImportProfile, Limits};

/// A workbook reader under test. Each must return an error for any bytes, never panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// An old ISAK workbook (`infoklass_isak::read_bytes`).
    Isak,
    /// An Infoklass workbook brought back after editing.
    Workbook,
    /// A requirement catalogue workbook.
    Catalog,
}

pub const READERS: [Reader; 3] = [Reader::Isak, Reader::Workbook, Reader::Catalog];

pub fn read(reader: Reader, bytes: &[u8]) {
    match reader {
        Reader::Isak => {
            let _ = infoklass_isak::read_bytes("fuzz.xlsx", bytes, &ImportProfile::default(), &Limits::default());
        }
        Reader::Workbook => {
            // The import first asks whether the file is ours, then reads it.
            let _ = infoklass_files::workbook::read::is_infoklass_workbook(bytes);
            let _ = infoklass_files::workbook::read::read_workbook(bytes);
        }
        Reader::Catalog => {
            let _ = infoklass_files::catalog_import::read_catalog(bytes);
        }
    }
}

/// libfuzzer-sys installs a panic hook that aborts on every panic, also on one the readers
/// catch on purpose (calamine panics on some damaged files; the guard in `infoklass_isak::guard` turns them into an error).
/// The default hook lets a caught panic pass; an uncaught one still aborts the run.
pub fn allow_caught_panics() {
    drop(std::panic::take_hook());
}
