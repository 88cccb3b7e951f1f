//! The one gate between an untrusted file and calamine. calamine reserves memory from sizes a
//! file declares (shared-string counts, xls DIMENSIONS records) and builds dense sheets from
//! the extent of the used cells, so a few kilobytes can ask for terabytes. Every path that
//! hands a file to calamine goes through [`check`] first (or through [`Workbook`], which calls
//! it), in this order: the file's size, the container (zip central directory: entries, sizes,
//! ratios; OLE directory), then per format what calamine would reserve or build:
//!
//! - xlsx: `uniqueCount`/`count` and the number of shared strings, the number of cell formats;
//!   sheets are read only through calamine's streaming cell reader (see [`Workbook::range`]).
//! - xls: the Workbook stream's records, scanned as calamine will read them: DIMENSIONS,
//!   the SST, the cell records' extent and the text each cell will copy.
//! - ods: content.xml's rows and cells with their `number-*-repeated` counts.
//!
//! With the default [`Limits`] this keeps a read within a few hundred megabytes (the bound is
//! stated in docs/ARCHITECTURE.md).

mod ods_content;
mod ranges;
mod xls_records;
mod xlsx_parts;

use std::io::Read;
use std::path::Path;

use crate::container::{self, Format};
use crate::error::FileError;
use crate::limits::{Limit, Limits};

pub(crate) use ranges::calm;
pub use ranges::Workbook;

/// Checks everything calamine would trust in `bytes` and returns the container found.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<Format, FileError> {
    let size = bytes.len() as u64;
    if size > limits.file_bytes {
        return Err(FileError::TooLarge { limit: Limit::FileBytes, found: size, max: limits.file_bytes, sheet: None });
    }
    let format = container::detect(bytes, limits)?;
    match format {
        Format::Xlsx | Format::Xlsb => xlsx_parts::check(bytes, limits)?,
        Format::Xls => xls_records::check(bytes, limits)?,
        Format::Ods => ods_content::check(bytes, limits)?,
    }
    Ok(format)
}

/// Reads a file from disk, refusing anything but a regular file and checking its size before
/// reading (a FIFO or `/dev/zero` would otherwise block or fill memory).
pub fn read_path(path: &Path, limits: &Limits) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(FileError::Unreadable(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file")));
    }
    let too_large = |found| FileError::TooLarge { limit: Limit::FileBytes, found, max: limits.file_bytes, sheet: None };
    if meta.len() > limits.file_bytes {
        return Err(too_large(meta.len()));
    }
    // The file may grow between the two calls; never read more than the limit allows.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)?.take(limits.file_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits.file_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Streams a part through a small buffer and fails when a stretch between two tags (text or
/// an attribute value) passes the limit: parsers hold such a stretch whole, several times.
fn text_runs(part: impl Read, name: &str, limits: &Limits) -> Result<(), FileError> {
    let mut part = part.take(limits.uncompressed_bytes);
    let mut buf = vec![0u8; 64 * 1024];
    let (mut run, mut longest) = (0u64, 0u64);
    loop {
        let n = part.read(&mut buf).map_err(corrupt)?;
        if n == 0 {
            break;
        }
        for chunk in buf[..n].split_inclusive(|b| *b == b'<') {
            run += chunk.len() as u64;
            longest = longest.max(run);
            if chunk.ends_with(b"<") {
                run = 0;
            }
        }
        if longest > limits.text_run_bytes {
            let max = limits.text_run_bytes;
            return Err(FileError::TooLarge { limit: Limit::TextRun, found: longest, max, sheet: Some(name.to_string()) });
        }
    }
    Ok(())
}

/// Adds `n` to a running total and fails once it passes `max`.
fn charge(total: &mut u64, n: u64, max: u64, limit: Limit, sheet: Option<&str>) -> Result<(), FileError> {
    *total = total.saturating_add(n);
    if *total > max {
        return Err(FileError::TooLarge { limit, found: *total, max, sheet: sheet.map(str::to_string) });
    }
    Ok(())
}

fn corrupt(e: impl std::fmt::Display) -> FileError {
    FileError::Corrupt(e.to_string())
}
