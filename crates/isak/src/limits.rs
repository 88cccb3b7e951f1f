//! Limits that keep a hostile or absurd workbook from exhausting memory or time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Limits {
    /// Size of the file itself.
    pub file_bytes: u64,
    /// Sum of the uncompressed sizes in a zip container (xlsx, xlsm, ods), read from its
    /// central directory before anything is decompressed.
    pub uncompressed_bytes: u64,
    /// Highest row number holding a value, per sheet.
    pub rows_per_sheet: u32,
    /// Non-empty cells in the whole workbook.
    pub cells: u64,
    /// Characters in one cell (Excel's own maximum is 32,767); longer text is cut and reported.
    pub cell_chars: usize,
    /// Entries in a zip container.
    pub zip_entries: u64,
    /// Uncompressed size of one zip entry that the reader holds whole (shared strings,
    /// styles, the workbook part); worksheets are streamed and only count towards the total.
    pub part_bytes: u64,
    /// Uncompressed to compressed size of one zip entry larger than 1 MB.
    pub compression_ratio: u64,
    /// Shared strings declared or present (xlsx sharedStrings, xls SST); each costs memory
    /// even when empty.
    pub shared_strings: u64,
    /// Cell formats (`xf`) in an xlsx styles part.
    pub styles: u64,
    /// Cells a sheet spans from its first to its last used cell (or as declared): readers
    /// that build a dense sheet allocate one slot for each.
    pub dense_cells: u64,
    /// Bytes between two tags in a part that is parsed (the longest text a cell could hold);
    /// the parser holds such a stretch several times over.
    pub text_run_bytes: u64,
    /// Bytes of cell text held after reading; a shared or repeated text counts each time a
    /// cell holds a copy of it.
    pub text_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 50 * 1024 * 1024,
            uncompressed_bytes: 200 * 1024 * 1024,
            rows_per_sheet: 100_000,
            cells: 2_000_000,
            cell_chars: 32_767,
            zip_entries: 10_000,
            part_bytes: 64 * 1024 * 1024,
            compression_ratio: 500,
            shared_strings: 2_000_000,
            styles: 200_000,
            dense_cells: 2_000_000,
            text_run_bytes: 16 * 1024 * 1024,
            text_bytes: 128 * 1024 * 1024,
        }
    }
}

/// Which limit a workbook exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    FileBytes,
    UncompressedBytes,
    RowsPerSheet,
    Cells,
    CellChars,
    ZipEntries,
    PartBytes,
    CompressionRatio,
    SharedStrings,
    Styles,
    DenseCells,
    TextRun,
    TextBytes,
}

impl Limit {
    pub fn code(self) -> &'static str {
        match self {
            Limit::FileBytes => "FILE_BYTES",
            Limit::UncompressedBytes => "UNCOMPRESSED_BYTES",
            Limit::RowsPerSheet => "ROWS_PER_SHEET",
            Limit::Cells => "CELLS",
            Limit::CellChars => "CELL_CHARS",
            Limit::ZipEntries => "ZIP_ENTRIES",
            Limit::PartBytes => "PART_BYTES",
            Limit::CompressionRatio => "COMPRESSION_RATIO",
            Limit::SharedStrings => "SHARED_STRINGS",
            Limit::Styles => "STYLES",
            Limit::DenseCells => "DENSE_CELLS",
            Limit::TextRun => "TEXT_RUN",
            Limit::TextBytes => "TEXT_BYTES",
        }
    }
}

/// `12 345 678` with Swedish digit grouping (narrow no-break space).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    out
}

/// Bytes as MB with one decimal, e.g. `52,4 MB` (Swedish) / `52.4 MB`.
pub fn megabytes(n: u64, swedish: bool) -> String {
    let mb = format!("{:.1} MB", n as f64 / (1024.0 * 1024.0));
    if swedish {
        mb.replace('.', ",")
    } else {
        mb
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(grouped(100_000), "100\u{202f}000");
        assert_eq!(grouped(999), "999");
        assert_eq!(megabytes(50 * 1024 * 1024, true), "50,0 MB");
    }
}
