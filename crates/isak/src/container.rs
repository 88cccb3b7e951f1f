//! Which kind of file this is, decided from its bytes (never its name), and the checks made
//! before any parser touches it: encryption and the zip central directory's declared sizes.

use std::io::{Cursor, Read};

use crate::error::FileError;
use crate::limits::{Limit, Limits};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Also xlsm: the same container, macros are ignored.
    Xlsx,
    Xlsb,
    Ods,
    Xls,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
            Format::Xls => "xls",
        }
    }
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn detect(bytes: &[u8], limits: &Limits) -> Result<Format, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.starts_with(&CFB_MAGIC) {
        // An encrypted xlsx is a compound file holding an `EncryptedPackage` stream; an xls
        // holds `Workbook` (or `Book` before Excel 97); other compound files are Word, Outlook …
        return if directory_missing(bytes) {
            Err(FileError::Corrupt("the compound file ends before its directory".into()))
        } else if has_entry(bytes, "EncryptedPackage") {
            Err(FileError::Encrypted)
        } else if has_entry(bytes, "Workbook") || has_entry(bytes, "Book") {
            Ok(Format::Xls)
        } else {
            Err(FileError::NotAWorkbook)
        };
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_format(bytes, limits);
    }
    Err(FileError::NotAWorkbook)
}

/// A compound file cut short (an interrupted copy) loses the directory its header points to.
fn directory_missing(bytes: &[u8]) -> bool {
    let Some(header) = bytes.get(..512) else { return true };
    let shift = u32::from(u16::from_le_bytes([header[0x1E], header[0x1F]]));
    let first = u64::from(u32::from_le_bytes([header[0x30], header[0x31], header[0x32], header[0x33]]));
    let sector = 1u64 << shift.min(16);
    // Sector n starts after the header, which fills the first sector; the root entry is 128 bytes.
    (first + 1) * sector + 128 > bytes.len() as u64
}

/// Whether an OLE compound file has a directory entry called `name` (any case). Entries are
/// 128 bytes, aligned to 128 after the 512-byte header: the name in UTF-16LE, then its byte
/// length (with the terminating NUL) at offset 64.
fn has_entry(bytes: &[u8], name: &str) -> bool {
    bytes.get(512..).unwrap_or_default().chunks_exact(128).any(|entry| {
        let len = usize::from(u16::from_le_bytes([entry[64], entry[65]]));
        if !(4..=64).contains(&len) || len % 2 != 0 || len / 2 - 1 != name.len() {
            return false;
        }
        let units: Vec<u16> = entry[..len - 2].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16(&units).is_ok_and(|n| n.eq_ignore_ascii_case(name))
    })
}

fn zip_format(bytes: &[u8], limits: &Limits) -> Result<Format, FileError> {
    let corrupt = |e: zip::result::ZipError| FileError::Corrupt(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let entries = zip.len() as u64;
    if entries > limits.zip_entries {
        return Err(FileError::TooLarge {
            limit: Limit::ZipEntries,
            found: entries,
            max: limits.zip_entries,
            sheet: None,
        });
    }
    let mut total: u64 = 0;
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_data(i).map_err(corrupt)?;
        total = total.saturating_add(entry.size());
        parts.push((entry.name().map_err(corrupt)?.into_owned(), entry.size(), entry.compressed_size()));
    }
    if total > limits.uncompressed_bytes {
        return Err(FileError::TooLarge {
            limit: Limit::UncompressedBytes,
            found: total,
            max: limits.uncompressed_bytes,
            sheet: None,
        });
    }
    for (name, size, packed) in parts {
        let too_large = |limit, found, max| FileError::TooLarge { limit, found, max, sheet: Some(name.clone()) };
        if held_whole(&name) && size > limits.part_bytes {
            return Err(too_large(Limit::PartBytes, size, limits.part_bytes));
        }
        let ratio = size / packed.max(1);
        if size > 1024 * 1024 && ratio > limits.compression_ratio {
            return Err(too_large(Limit::CompressionRatio, ratio, limits.compression_ratio));
        }
    }
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Ok(Format::Xlsx);
    }
    if zip.index_for_name("xl/workbook.bin").is_some() {
        return Ok(Format::Xlsb);
    }
    if zip.index_for_name("content.xml").is_some() {
        let mut mimetype = String::new();
        if let Ok(entry) = zip.by_name("mimetype") {
            entry.take(200).read_to_string(&mut mimetype).map_err(|e| FileError::Corrupt(e.to_string()))?;
        }
        if mimetype.is_empty() || mimetype.contains("spreadsheet") {
            return Ok(Format::Ods);
        }
    }
    Err(FileError::NotAWorkbook)
}

/// Whether the reader decompresses this zip entry into memory whole: the parts it parses
/// (shared strings, styles, workbook, relationships), but neither the worksheets nor the ods
/// content, which are streamed (and checked by `guard`), nor pictures, which are never read.
fn held_whole(name: &str) -> bool {
    let name = name.replace('\\', "/").to_ascii_lowercase();
    let parsed = name.ends_with(".xml") || name.ends_with(".rels") || name.ends_with(".bin");
    parsed && !name.contains("worksheets/") && name != "content.xml"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_workbook() {
        let l = Limits::default();
        assert!(matches!(detect(b"", &l), Err(FileError::Empty)));
        assert!(matches!(detect("Nr;Informationsmängd\n1;Journal".as_bytes(), &l), Err(FileError::NotAWorkbook)));
        assert!(matches!(detect(b"PK\x03\x04 cut short", &l), Err(FileError::Corrupt(_))));
        let mut cfb = CFB_MAGIC.to_vec();
        cfb.resize(1024, 0);
        cfb[0x1E] = 9; // 512-byte sectors; the directory is sector 0, bytes 512..1024
        assert!(matches!(detect(&cfb[..600], &l), Err(FileError::Corrupt(_))));
        assert!(matches!(detect(&cfb, &l), Err(FileError::NotAWorkbook)));
        let name: Vec<u8> = "Workbook".encode_utf16().flat_map(u16::to_le_bytes).collect();
        cfb[640..640 + name.len()].copy_from_slice(&name);
        cfb[704] = 18;
        assert_eq!(detect(&cfb, &l).unwrap(), Format::Xls);
    }
}
