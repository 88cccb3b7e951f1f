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
//! - xlsb: every record of the parts calamine reads fits in its part (calamine allocates
//!   the declared length first), and the number of shared strings.
//! - ods: content.xml's rows and cells with their `number-*-repeated` counts.
//!
//! With the default [`Limits`] this keeps a read within a few hundred megabytes (the bound is
//! stated in docs/ARCHITECTURE.md).

mod ods_content;
mod ranges;
mod xls_records;
mod xls_sst;
mod xlsb_records;
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
        Format::Xlsx => xlsx_parts::check(bytes, limits)?,
        Format::Xlsb => xlsb_records::check(bytes, limits)?,
        Format::Xls => xls_records::check(bytes, limits)?,
        Format::Ods => ods_content::check(bytes, limits)?,
    }
    Ok(format)
}

/// Bytes that passed [`check`], with the container found: readers take this instead of raw
/// bytes, so one imported file is checked once however many readers look at it.
pub struct Checked<'a> {
    bytes: &'a [u8],
    format: Format,
    limits: Limits,
}

impl<'a> Checked<'a> {
    pub fn new(bytes: &'a [u8], limits: &Limits) -> Result<Checked<'a>, FileError> {
        let format = check(bytes, limits)?;
        Ok(Checked { bytes, format, limits: limits.clone() })
    }

    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// The bytes calamine should read for an xls file: the checked Workbook stream, packed again.
pub fn xls_calamine_bytes(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, FileError> {
    xls_records::repacked(bytes, limits)
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
/// Also returns how many `mergeCell` elements it holds (calamine keeps a sheet's merges).
fn text_runs(part: impl Read, name: &str, limits: &Limits) -> Result<u64, FileError> {
    const MERGE: &[u8] = b"mergeCell";
    let mut part = part.take(limits.uncompressed_bytes);
    // The end of the previous chunk, so an element name split between chunks is seen.
    let mut buf = vec![0u8; 64 * 1024 + MERGE.len()];
    let (mut carry, mut run, mut longest, mut merges) = (0usize, 0u64, 0u64, 0u64);
    loop {
        let n = part.read(&mut buf[carry..]).map_err(corrupt)?;
        if n == 0 {
            break;
        }
        for chunk in buf[carry..carry + n].split_inclusive(|b| *b == b'<') {
            run += chunk.len() as u64;
            longest = longest.max(run);
            if chunk.ends_with(b"<") {
                run = 0;
            }
        }
        let seen = &buf[..carry + n];
        merges += seen
            .windows(MERGE.len() + 1)
            .filter(|w| w.starts_with(MERGE) && matches!(w[MERGE.len()], b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
            .count() as u64;
        if longest > limits.text_run_bytes {
            let max = limits.text_run_bytes;
            return Err(FileError::TooLarge {
                limit: Limit::TextRun,
                found: longest,
                max,
                sheet: Some(name.to_string()),
            });
        }
        let (end, keep) = (seen.len(), seen.len().min(MERGE.len()));
        buf.copy_within(end - keep..end, 0);
        carry = keep;
    }
    Ok(merges)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_and_merges_are_found_across_reads() {
        // The first read takes 65,545 bytes: the first element name is cut after "<mer".
        let mut part = " ".repeat(65_545 - 5).into_bytes();
        part.extend(br#"<mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>"#);
        assert_eq!(text_runs(&part[..], "p", &Limits::default()).unwrap(), 2);
        let e = text_runs(&part[..], "p", &Limits { text_run_bytes: 1000, ..Limits::default() }).unwrap_err();
        assert!(matches!(e, FileError::TooLarge { limit: Limit::TextRun, found, .. } if found > 1000), "{e:?}");
    }
}
