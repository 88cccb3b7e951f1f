//! Small crafted files that ask a careless reader for gigabytes: far-flung
//! cells, inflated shared-string counts, a patched xls DIMENSIONS record, a shared-string
//! decompression bomb and ods repeat counts. Test support only: the ISAK reader's tests and the
//! CLI's include this file (`#[path]`), and its zip writer is the one hand-made zip of the tests.
#![allow(dead_code)]

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

/// An xlsx whose sheet `name` holds `A1 = "format"` and the number 1 at `far` (e.g.
/// `XFD1048576`): two cells, a dense range of billions.
pub fn far_cells(name: &str, far: &str) -> Vec<u8> {
    let (row, _) = split_ref(far);
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>format</t></is></c></row><row r="{row}"><c r="{far}"><v>1</v></c></row></sheetData></worksheet>"#
    );
    xlsx(&[(name, sheet.into_bytes())], None)
}

/// An xlsx whose one sheet lists `merges` merged ranges (each kept by calamine).
pub fn merges(merges: usize) -> Vec<u8> {
    let list = r#"<mergeCell ref="A1:B1"/>"#.repeat(merges);
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="{merges}">{list}</mergeCells></worksheet>"#
    );
    xlsx(&[("Klassning", sheet.into_bytes())], None)
}

/// An xlsx whose shared strings declare `unique_count` strings and hold one.
pub fn shared_string_count(unique_count: &str) -> Vec<u8> {
    let sst = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{unique_count}"><si><t>x</t></si></sst>"#
    );
    xlsx(&[("Klassning", one_shared_cell())], Some(Entry::stored("xl/sharedStrings.xml", sst.into_bytes())))
}

/// An xlsx with one shared string of `bytes` × `a`, deflated, its sizes stated truthfully
/// (the checksum is not computed: the file must be refused before anything is unpacked).
pub fn shared_string_bomb(bytes: u64) -> Vec<u8> {
    let head = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t xml:space="preserve">"#;
    let tail = b"</t></si></sst>";
    let size = head.len() as u64 + bytes + tail.len() as u64;
    let part = Entry {
        name: "xl/sharedStrings.xml".into(),
        data: deflate_run(head, b'a', bytes, tail),
        method: 8,
        crc: 0,
        size: u32::try_from(size).unwrap_or(u32::MAX),
    };
    xlsx(&[("Klassning", one_shared_cell())], Some(part))
}

/// An xls (given as bytes) with its `nth` DIMENSIONS record (from 0) rewritten to span rows
/// 0..`last_row` and columns 0..`last_col`; None when the file has fewer such records.
pub fn xls_dimensions(xls: &[u8], nth: usize, last_row: u32, last_col: u16) -> Option<Vec<u8>> {
    let at = xls.windows(4).enumerate().filter(|(_, w)| *w == [0x00, 0x02, 0x0e, 0x00]).map(|(i, _)| i).nth(nth)?;
    let mut out = xls.to_vec();
    let mut record = Vec::new();
    record.extend(0u32.to_le_bytes());
    record.extend(last_row.to_le_bytes());
    record.extend(0u16.to_le_bytes());
    record.extend(last_col.to_le_bytes());
    out[at + 4..at + 4 + record.len()].copy_from_slice(&record);
    Some(out)
}

/// An ods whose first row holds `text` in `columns` repeated cells, repeated `rows` times.
pub fn ods_repeats(text: &str, columns: u64, rows: u64) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Klassning"><table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="string" table:number-columns-repeated="{columns}"><text:p>{text}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        Entry::stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        Entry::stored("content.xml", content.into_bytes()),
        Entry::stored("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
    ])
}

fn one_shared_cell() -> Vec<u8> {
    format!(r#"{SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#).into_bytes()
}

fn split_ref(cell: &str) -> (&str, &str) {
    let at = cell.find(|c: char| c.is_ascii_digit()).unwrap_or(cell.len());
    (&cell[at..], &cell[..at])
}

/// An xlsx listing `sheets` sheets that all name one part: a sheet of `padding` spaces.
pub fn one_part_many_sheets(sheets: usize, padding: usize) -> Vec<u8> {
    let part = format!("{SHEET_HEAD}{}</sheetData></worksheet>", " ".repeat(padding)).into_bytes();
    let names: Vec<(String, usize)> = (1..=sheets).map(|i| (format!("Blad{i}"), 0)).collect();
    xlsx_mapped(&[part], &names, None)
}

/// A minimal xlsx: the given sheets, and shared strings when given.
fn xlsx(sheets: &[(&str, Vec<u8>)], shared: Option<Entry>) -> Vec<u8> {
    let parts: Vec<Vec<u8>> = sheets.iter().map(|(_, xml)| xml.clone()).collect();
    let names: Vec<(String, usize)> = sheets.iter().enumerate().map(|(i, (name, _))| (name.to_string(), i)).collect();
    xlsx_mapped(&parts, &names, shared)
}

/// An xlsx of the sheet parts `parts` and the sheets `names`, each naming a part by index.
fn xlsx_mapped(parts: &[Vec<u8>], names: &[(String, usize)], shared: Option<Entry>) -> Vec<u8> {
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let (mut list, mut rels) = (String::new(), String::new());
    let mut entries = Vec::new();
    for (i, xml) in parts.iter().enumerate() {
        let n = i + 1;
        types += &format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        entries.push(Entry::stored(&format!("xl/worksheets/sheet{n}.xml"), xml.clone()));
    }
    for (i, (name, part)) in names.iter().enumerate() {
        let n = i + 1;
        list += &format!(r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#);
        rels +=
            &format!(r#"<Relationship Id="rId{n}" Type="{rel}/worksheet" Target="worksheets/sheet{}.xml"/>"#, part + 1);
    }
    if let Some(sst) = shared {
        types += r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#;
        rels += &format!(r#"<Relationship Id="rIdS" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>"#);
        entries.push(sst);
    }
    types += "</Types>";
    let root = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook {ns}><sheets>{list}</sheets></workbook>"#);
    let workbook_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    let mut all = vec![
        Entry::stored("[Content_Types].xml", types.into_bytes()),
        Entry::stored("_rels/.rels", root.into_bytes()),
        Entry::stored("xl/workbook.xml", workbook.into_bytes()),
        Entry::stored("xl/_rels/workbook.xml.rels", workbook_rels.into_bytes()),
    ];
    all.extend(entries);
    zip(&all)
}

/// One zip entry, as it will be written: a test may state a wrong checksum or size.
#[derive(Clone)]
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
    /// 0 = stored, 8 = deflated.
    pub method: u16,
    pub crc: u32,
    /// The uncompressed size the headers state.
    pub size: u32,
}

impl Entry {
    pub fn stored(name: &str, data: Vec<u8>) -> Entry {
        Entry { name: name.into(), crc: crc32(&data), size: data.len() as u32, method: 0, data }
    }
}

/// The zip checksum (CRC-32, IEEE), bit by bit: the samples are small.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |mut c, b| {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        c
    })
}

/// A zip archive: local headers with the data, then the central directory.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for p in entries {
        let name = &p.name;
        let offset = out.len() as u32;
        let sizes = [p.crc, p.data.len() as u32, p.size];
        out.extend(0x0403_4b50u32.to_le_bytes());
        [20u16, 0, p.method, 0, 0x21].iter().for_each(|x| out.extend(x.to_le_bytes()));
        sizes.iter().for_each(|x| out.extend(x.to_le_bytes()));
        [name.len() as u16, 0].iter().for_each(|x| out.extend(x.to_le_bytes()));
        out.extend(name.as_bytes());
        out.extend(&p.data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        [20u16, 20, 0, p.method, 0, 0x21].iter().for_each(|x| central.extend(x.to_le_bytes()));
        sizes.iter().for_each(|x| central.extend(x.to_le_bytes()));
        [name.len() as u16, 0, 0, 0, 0].iter().for_each(|x| central.extend(x.to_le_bytes()));
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    [0u16, 0, entries.len() as u16, entries.len() as u16].iter().for_each(|x| out.extend(x.to_le_bytes()));
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A raw deflate stream (fixed Huffman codes) of `prefix`, `count` × `byte`, `suffix`: each
/// 258-byte copy costs 13 bits, so a gigabyte takes a few megabytes and no compressor.
pub fn deflate_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    let mut w = Bits::default();
    w.put(1, 1); // the last block
    w.put(1, 2); // fixed codes
    prefix.iter().for_each(|b| w.literal(*b));
    if count > 0 {
        w.literal(byte);
        for _ in 0..(count - 1) / 258 {
            w.code(0xC5, 8); // length 258
            w.code(0, 5); // distance 1
        }
        (0..(count - 1) % 258).for_each(|_| w.literal(byte));
    }
    suffix.iter().for_each(|b| w.literal(*b));
    w.code(0, 7); // end of block
    w.put(0, 7);
    w.out
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, len: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// Huffman codes go most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }
    fn literal(&mut self, b: u8) {
        if b < 144 {
            self.code(0x30 + u32::from(b), 8)
        } else {
            self.code(0x190 + u32::from(b) - 144, 9)
        }
    }
}
