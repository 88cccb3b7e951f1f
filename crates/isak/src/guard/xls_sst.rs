//! The xls shared string table (SST): how long each string is, followed across the CONTINUE
//! records a long table is split into, so the text each cell copies can be added up.

use super::xls_records::Record;

/// The UTF-8 size bound (3 bytes a character) of each string in the SST record, following
/// strings across CONTINUE records; None when the record does not parse to its end.
pub(super) fn sst_lengths(r: &Record<'_>) -> Option<Vec<u64>> {
    let mut parts = vec![r.data.get(8..)?];
    parts.extend(r.cont.iter().copied());
    let mut c = Parts { parts, i: 0, pos: 0 };
    let mut out = Vec::new();
    while c.more() {
        let cch = u16::from_le_bytes([c.byte()?, c.byte()?]);
        let flags = c.byte()?;
        let runs = if flags & 0x08 != 0 { u16::from_le_bytes([c.byte()?, c.byte()?]) as usize } else { 0 };
        let ext = if flags & 0x04 != 0 {
            u32::from_le_bytes([c.byte()?, c.byte()?, c.byte()?, c.byte()?]) as usize
        } else {
            0
        };
        let mut wide = flags & 0x01 != 0;
        let mut left = usize::from(cch);
        while left > 0 {
            if c.at_end_of_part() {
                // A string split over a CONTINUE record restates its width there.
                c.next_part()?;
                wide = c.byte()? & 0x01 != 0;
            }
            let size = if wide { 2 } else { 1 };
            let take = left.min(c.left_in_part() / size);
            if take == 0 {
                return None;
            }
            c.pos += take * size;
            left -= take;
        }
        c.skip(4 * runs + ext)?;
        out.push(3 * u64::from(cch));
    }
    Some(out)
}

/// Bytes spread over a record and its CONTINUE records.
struct Parts<'a> {
    parts: Vec<&'a [u8]>,
    i: usize,
    pos: usize,
}

impl Parts<'_> {
    fn left_in_part(&self) -> usize {
        self.parts[self.i].len() - self.pos
    }
    fn at_end_of_part(&self) -> bool {
        self.left_in_part() == 0
    }
    fn next_part(&mut self) -> Option<()> {
        (self.i + 1 < self.parts.len()).then(|| {
            self.i += 1;
            self.pos = 0;
        })
    }
    fn more(&mut self) -> bool {
        while self.at_end_of_part() {
            if self.next_part().is_none() {
                return false;
            }
        }
        true
    }
    fn byte(&mut self) -> Option<u8> {
        if !self.more() {
            return None;
        }
        self.pos += 1;
        Some(self.parts[self.i][self.pos - 1])
    }
    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if !self.more() {
                return None;
            }
            let step = n.min(self.left_in_part());
            self.pos += step;
            n -= step;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sst_strings_are_followed_across_continue_records() {
        // Two strings: "ab" (one byte a character) and "xyz" split after "x", continued wide.
        let data = [&[0u8; 8][..], &[2, 0, 0, b'a', b'b', 3, 0, 0, b'x']].concat();
        let cont: &[u8] = &[1, b'y', 0, b'z', 0];
        let r = Record { typ: 0x00FC, data: &data, cont: vec![cont] };
        assert_eq!(sst_lengths(&r), Some(vec![6, 9]));
        let cut = Record { typ: 0x00FC, data: &data, cont: vec![] };
        assert_eq!(sst_lengths(&cut), None);
    }
}
