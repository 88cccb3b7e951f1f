//! xlsb parts are sequences of records, each with a declared length that calamine allocates
//! before it reads the record (up to 256 MB each). This walks the parts calamine reads and
//! checks that every record fits in its part, and counts the shared strings.

use std::io::{self, BufReader, Cursor, Read};

use super::corrupt;
use crate::error::FileError;
use crate::limits::{Limit, Limits};

/// BrtSSTItem: one shared string.
const SST_ITEM: u16 = 0x0013;

pub(super) fn check(bytes: &[u8], limits: &Limits) -> Result<(), FileError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(corrupt)?;
        let name = entry.name().map_err(corrupt)?.replace('\\', "/").to_ascii_lowercase();
        let read_by_calamine = name.contains("worksheets/") && name.ends_with(".bin")
            || ["workbook.bin", "sharedstrings.bin", "styles.bin"].iter().any(|p| name.ends_with(p));
        if !read_by_calamine {
            continue;
        }
        let size = entry.size();
        let strings = records(BufReader::new(entry.take(size)), size, &name)?;
        if name.ends_with("sharedstrings.bin") && strings > limits.shared_strings {
            return Err(FileError::TooLarge {
                limit: Limit::SharedStrings,
                found: strings,
                max: limits.shared_strings,
                sheet: Some(name),
            });
        }
    }
    Ok(())
}

/// Walks the records of a part of `size` bytes (type: 1–2 bytes, length: 1–4 bytes of 7 bits,
/// as calamine reads them) and returns how many are shared strings. A part cut short ends the
/// walk: calamine stops with an error at the same place.
fn records(mut part: impl Read, size: u64, name: &str) -> Result<u64, FileError> {
    let (mut at, mut strings) = (0u64, 0u64);
    loop {
        let Some(first) = read_byte(&mut part, &mut at)? else { return Ok(strings) };
        let typ = if first & 0x80 == 0 {
            u16::from(first)
        } else {
            let Some(second) = read_byte(&mut part, &mut at)? else { return Ok(strings) };
            u16::from(first & 0x7F) + (u16::from(second & 0x7F) << 7)
        };
        let Some(mut b) = read_byte(&mut part, &mut at)? else { return Ok(strings) };
        let mut len = u64::from(b & 0x7F);
        for i in 1..4 {
            if b & 0x80 == 0 {
                break;
            }
            let Some(next) = read_byte(&mut part, &mut at)? else { return Ok(strings) };
            b = next;
            len += u64::from(b & 0x7F) << (7 * i);
        }
        if len > size.saturating_sub(at) {
            return Err(corrupt(format!("a record in {name} declares {len} bytes, more than the part holds")));
        }
        io::copy(&mut (&mut part).take(len), &mut io::sink()).map_err(corrupt)?;
        at += len;
        strings += u64::from(typ == SST_ITEM);
    }
}

fn read_byte(part: &mut impl Read, at: &mut u64) -> Result<Option<u8>, FileError> {
    let mut b = [0u8];
    if part.read(&mut b).map_err(corrupt)? == 0 {
        return Ok(None);
    }
    *at += 1;
    Ok(Some(b[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_must_fit_their_part_and_shared_strings_are_counted() {
        // BrtBeginSst (0x9F: two type bytes), then two BrtSSTItem records of 3 bytes.
        let part = [0x9F, 0x01, 0x02, 0, 0, 0x13, 0x03, 1, 2, 3, 0x13, 0x03, 4, 5, 6];
        assert_eq!(records(&part[..], part.len() as u64, "p").unwrap(), 2);
        // A length of 0x7F + (0x7F << 7) bytes in a part of a few.
        let lying = [0x13, 0xFF, 0x7F, 1];
        assert_eq!(records(&lying[..], 4, "p").unwrap_err().code(), "CORRUPT");
    }
}
