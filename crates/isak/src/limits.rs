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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 50 * 1024 * 1024,
            uncompressed_bytes: 200 * 1024 * 1024,
            rows_per_sheet: 100_000,
            cells: 2_000_000,
            cell_chars: 32_767,
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
}

impl Limit {
    pub fn code(self) -> &'static str {
        match self {
            Limit::FileBytes => "FILE_BYTES",
            Limit::UncompressedBytes => "UNCOMPRESSED_BYTES",
            Limit::RowsPerSheet => "ROWS_PER_SHEET",
            Limit::Cells => "CELLS",
            Limit::CellChars => "CELL_CHARS",
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
