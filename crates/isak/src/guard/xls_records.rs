//! An xls file is parsed whole by calamine when it is opened: for every sheet it reserves the
//! cells its DIMENSIONS record declares, copies a shared string into every cell that refers to
//! it, and builds a dense value range and a dense formula range over the used cells. This
//! walks the Workbook stream's records the way calamine does and adds up what that costs.

use std::io::{Cursor, Read, Write};

use super::xls_sst::sst_lengths;
use super::{charge, corrupt};
use crate::error::FileError;
use crate::limits::{Limit, Limits};

pub(super) fn check(bytes: &[u8], limits: &Limits) -> Result<(), FileError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(corrupt)?;
    // calamine takes the first entry called Workbook (else Book) anywhere in the file: check all.
    let streams: Vec<_> = file
        .walk()
        .filter(|e| {
            e.is_stream() && (e.name().eq_ignore_ascii_case("Workbook") || e.name().eq_ignore_ascii_case("Book"))
        })
        .map(|e| e.path().to_path_buf())
        .collect();
    for path in streams {
        let mut stream = Vec::new();
        file.open_stream(&path).map_err(corrupt)?.take(limits.file_bytes).read_to_end(&mut stream).map_err(corrupt)?;
        scan(&stream, limits)?;
    }
    Ok(())
}

/// The bytes calamine is given for an xls file: the Workbook stream this module checked, read
/// with the same compound-file reader and packed again into a fresh, plain compound file.
/// calamine reads compound files with a reader of its own; for a damaged directory or sector
/// chain the two readers can see different stream bytes, so calamine could otherwise parse
/// records that were never checked (and build ranges of gigabytes from them).
pub(crate) fn repacked(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, FileError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(corrupt)?;
    let named = |name: &str| {
        file.walk().find(|e| e.is_stream() && e.name().eq_ignore_ascii_case(name)).map(|e| e.path().to_path_buf())
    };
    let path = named("Workbook").or_else(|| named("Book")).ok_or_else(|| corrupt("the file has no Workbook stream"))?;
    let mut stream = Vec::new();
    file.open_stream(&path).map_err(corrupt)?.take(limits.file_bytes).read_to_end(&mut stream).map_err(corrupt)?;
    // Version 3 (512-byte sectors), the layout Excel writes and calamine reads.
    let mut fresh =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).map_err(corrupt)?;
    fresh.create_stream("/Workbook").and_then(|mut s| s.write_all(&stream)).map_err(corrupt)?;
    fresh.flush().map_err(corrupt)?;
    Ok(fresh.into_inner().into_inner())
}

fn scan(stream: &[u8], limits: &Limits) -> Result<(), FileError> {
    let mut sheets = Vec::new();
    let mut sst: Vec<u64> = Vec::new();
    let mut name_bytes: u64 = 0;
    for r in Records(stream) {
        match r.typ {
            // FilePass: what follows is encrypted (calamine stops here too).
            0x002F if r.data.len() < 2 => return Err(corrupt("the encryption record (FilePass) is too short")),
            0x002F if r.data[..2] != [0, 0] => return Err(FileError::Encrypted),
            // BoundSheet8: calamine indexes bytes 4 and 5 and slices the stream at the offset.
            0x0085 => {
                if r.data.len() < 6 {
                    return Err(corrupt("a sheet record (BoundSheet8) is too short"));
                }
                let pos = u32::from_le_bytes([r.data[0], r.data[1], r.data[2], r.data[3]]) as usize;
                if pos > stream.len() {
                    return Err(corrupt("a sheet record (BoundSheet8) points past the end of the workbook stream"));
                }
                name_bytes = name_bytes.max(3 * u64::from(r.data.get(6).copied().unwrap_or(0)));
                sheets.push((pos, sheet_name(&r.data[6..])));
            }
            // Lbl: a defined name (its length in byte 3), which formulas may spell out.
            0x0018 => name_bytes = name_bytes.max(3 * u64::from(r.data.get(3).copied().unwrap_or(0))),
            0x00FC => {
                sst = sst_lengths(&r).ok_or_else(|| corrupt("the shared string table (SST) is malformed"))?;
                let count = sst.len() as u64;
                if count > limits.shared_strings {
                    return Err(FileError::TooLarge {
                        limit: Limit::SharedStrings,
                        found: count,
                        max: limits.shared_strings,
                        sheet: None,
                    });
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let mut totals = Totals::default();
    for (pos, name) in &sheets {
        sheet(&stream[*pos..], name, &sst, name_bytes, limits, &mut totals)?;
    }
    Ok(())
}

#[derive(Default)]
struct Totals {
    cells: u64,
    dense: u64,
    text: u64,
}

/// One sheet's substream from its BOF; embedded chart substreams are skipped as calamine does.
fn sheet(
    records: &[u8],
    name: &str,
    sst: &[u64],
    name_bytes: u64,
    limits: &Limits,
    t: &mut Totals,
) -> Result<(), FileError> {
    let (mut values, mut formulas) = (Extent::default(), Extent::default());
    let mut formula_at = (0u32, 0u32);
    let (mut seen_bof, mut depth) = (false, 0usize);
    let cells = |t: &mut Totals, n: u64| charge(&mut t.cells, n, limits.cells, Limit::Cells, None);
    let text = |t: &mut Totals, n: u64| charge(&mut t.text, n, limits.text_bytes, Limit::TextBytes, Some(name));
    for r in Records(records) {
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let d = r.data;
        let at = |d: &[u8]| (u32::from(u16::from_le_bytes([d[0], d[1]])), u32::from(u16::from_le_bytes([d[2], d[3]])));
        match r.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => {
                let declared = dimensions(d)
                    .ok_or_else(|| corrupt(format!("the sheet \"{name}\" declares impossible dimensions")))?;
                if declared > limits.dense_cells {
                    return Err(FileError::TooLarge {
                        limit: Limit::DenseCells,
                        found: declared,
                        max: limits.dense_cells,
                        sheet: Some(name.into()),
                    });
                }
            }
            // Number, Label, RString, BoolErr, Rk, LabelSst: one cell each.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD if d.len() >= 4 => {
                values.add(at(d));
                cells(t, 1)?;
                match r.typ {
                    0x0204 | 0x00D6 => text(t, 3 * r.len())?,
                    0x00FD if d.len() >= 10 => {
                        let i = u32::from_le_bytes([d[6], d[7], d[8], d[9]]) as usize;
                        text(t, sst.get(i).copied().unwrap_or(0))?;
                    }
                    _ => {}
                }
            }
            // MulRk: a row of numbers from one column to another.
            0x00BD if d.len() >= 6 => {
                let (row, first) = at(d);
                let last = u32::from(u16::from_le_bytes([d[d.len() - 2], d[d.len() - 1]]));
                if last < first {
                    return Err(corrupt(format!(
                        "the sheet \"{name}\" has a number row (MulRk) that ends before it starts"
                    )));
                }
                values.add((row, first));
                values.add((row, last));
                cells(t, u64::from(last - first + 1))?;
            }
            // Formula: its cached value and its text, which names sheets and defined names.
            0x0006 if d.len() >= 20 => {
                formula_at = at(d);
                values.add(formula_at);
                formulas.add(formula_at);
                cells(t, 2)?;
                text(t, r.len() * (8 + name_bytes))?;
            }
            // String: the text result of the formula before it.
            0x0207 => {
                values.add(formula_at);
                cells(t, 1)?;
                text(t, 3 * r.len())?;
            }
            0x000A => break,
            _ => {}
        }
    }
    charge(&mut t.dense, values.area(), limits.dense_cells, Limit::DenseCells, Some(name))?;
    charge(&mut t.dense, formulas.area(), limits.dense_cells, Limit::DenseCells, Some(name))
}

/// The cells calamine reserves for a DIMENSIONS record, or None where its arithmetic would
/// underflow (a panic, or a wrapped and enormous size).
fn dimensions(r: &[u8]) -> Option<u64> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        // calamine refuses other lengths.
        _ => return Some(0),
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    let rows = u64::from(end.0.checked_sub(start.0)?) + 1;
    let cols = u64::from(end.1.checked_sub(start.1)?) + 1;
    Some(rows.saturating_mul(cols))
}

/// A sheet name from a BoundSheet8 record (for messages only).
fn sheet_name(d: &[u8]) -> String {
    let Some((&cch, rest)) = d.split_first() else { return "?".into() };
    let cch = usize::from(cch);
    match rest.split_first() {
        Some((&flags, chars)) if flags & 0x01 != 0 && chars.len() >= 2 * cch => String::from_utf16_lossy(
            &chars[..2 * cch].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect::<Vec<_>>(),
        ),
        Some((_, chars)) if chars.len() >= cch => chars[..cch].iter().map(|b| char::from(*b)).collect(),
        _ => "?".into(),
    }
}

pub(super) struct Record<'a> {
    pub(super) typ: u16,
    pub(super) data: &'a [u8],
    pub(super) cont: Vec<&'a [u8]>,
}

impl Record<'_> {
    /// Bytes in the record and its CONTINUE records.
    fn len(&self) -> u64 {
        (self.data.len() + self.cont.iter().map(|c| c.len()).sum::<usize>()) as u64
    }
}

/// Records as calamine reads them: CONTINUE records are joined to the record before; a record
/// cut short ends the walk (calamine stops with an error there).
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        let head = |s: &[u8]| (u16::from_le_bytes([s[0], s[1]]), usize::from(u16::from_le_bytes([s[2], s[3]])));
        if self.0.len() < 4 {
            return None;
        }
        let (typ, len) = head(self.0);
        let data = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        let mut cont = Vec::new();
        while self.0.len() > 4 && head(self.0).0 == 0x003C {
            let len = head(self.0).1;
            cont.push(self.0.get(4..4 + len)?);
            self.0 = &self.0[4 + len..];
        }
        Some(Record { typ, data, cont })
    }
}

#[derive(Default)]
struct Extent(Option<((u32, u32), (u32, u32))>);

impl Extent {
    fn add(&mut self, (r, c): (u32, u32)) {
        self.0 = Some(match self.0 {
            None => ((r, c), (r, c)),
            Some((lo, hi)) => ((lo.0.min(r), lo.1.min(c)), (hi.0.max(r), hi.1.max(c))),
        });
    }
    fn area(&self) -> u64 {
        self.0.map_or(0, |(lo, hi)| (u64::from(hi.0 - lo.0) + 1) * (u64::from(hi.1 - lo.1) + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_as_calamine_reserves_them() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut r = Vec::new();
            r.extend(rf.to_le_bytes());
            r.extend(rl.to_le_bytes());
            r.extend(cf.to_le_bytes());
            r.extend(cl.to_le_bytes());
            r.extend([0, 0]);
            r
        };
        assert_eq!(dimensions(&biff8(0, 15, 0, 7)), Some(15 * 7));
        assert_eq!(dimensions(&biff8(0, 0xFFFF_FFF0, 0, 0xFF)), Some(0xFFFF_FFF0 * 0xFF));
        assert_eq!(dimensions(&biff8(10, 5, 0, 3)), None, "last row before the first");
        assert_eq!(dimensions(&biff8(0, 3, 5, 5)), None, "last column before the first");
    }
}
