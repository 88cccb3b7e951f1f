//! An ods file's content.xml is parsed whole by calamine when it is opened, and
//! `table:number-columns-repeated` / `table:number-rows-repeated` make it copy a cell or a
//! row that many times into a dense sheet. This reads content.xml (through a reader that stops
//! at the declared size) and adds up the cells and the text those copies would take.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{charge, corrupt, text_runs};
use crate::error::FileError;
use crate::limits::{Limit, Limits};

pub(super) fn check(bytes: &[u8], limits: &Limits) -> Result<(), FileError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    text_runs(zip.by_name("content.xml").map_err(corrupt)?, "content.xml", limits)?;
    let entry = zip.by_name("content.xml").map_err(corrupt)?;
    let mut xml = Reader::from_reader(BufReader::new(entry.take(limits.uncompressed_bytes)));
    xml.config_mut().check_end_names = false;
    let mut scan = Scan::new(limits);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(corrupt)? {
            Event::Start(e) => scan.start(&e, false)?,
            Event::Empty(e) => scan.start(&e, true)?,
            Event::End(e) => scan.end(e.name().as_ref())?,
            Event::Text(t) if scan.in_cell => scan.cell_bytes = scan.cell_bytes.saturating_add(t.len() as u64),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

struct Scan<'a> {
    limits: &'a Limits,
    /// The current table: its name, its rows so far (repeats counted) and the extent of its
    /// filled cells.
    table: String,
    rows: u64,
    height: u64,
    width: u64,
    /// The current row: how often it repeats, its columns so far, the column after its last
    /// filled cell, and the text of one copy of it.
    row_repeat: u64,
    col: u64,
    filled_to: u64,
    row_text: u64,
    /// The current cell, while inside one: its repeats, whether it holds anything, and the
    /// size of its markup and text.
    in_cell: bool,
    cell_repeat: u64,
    cell_filled: bool,
    cell_bytes: u64,
    /// Cells and text of the tables already read: calamine keeps every sheet.
    dense: u64,
    text: u64,
}

impl Scan<'_> {
    fn new(limits: &Limits) -> Scan<'_> {
        Scan {
            limits,
            table: String::new(),
            rows: 0,
            height: 0,
            width: 0,
            row_repeat: 1,
            col: 0,
            filled_to: 0,
            row_text: 0,
            in_cell: false,
            cell_repeat: 1,
            cell_filled: false,
            cell_bytes: 0,
            dense: 0,
            text: 0,
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), FileError> {
        if self.in_cell {
            // Markup inside a cell is its text; `text:s` stands for `text:c` spaces.
            self.cell_filled = true;
            self.cell_bytes = self.cell_bytes.saturating_add(e.len() as u64);
            if e.name().as_ref() == "text:s" {
                self.cell_bytes = self.cell_bytes.saturating_add(number(e, "text:c")?.unwrap_or(1));
            }
            return Ok(());
        }
        match e.name().as_ref() {
            "table:table" => {
                self.table = attr(e, "table:name").unwrap_or_default();
                (self.rows, self.height, self.width) = (0, 0, 0);
            }
            "table:table-row" => {
                self.row_repeat = number(e, "table:number-rows-repeated")?.unwrap_or(1);
                (self.col, self.filled_to, self.row_text) = (0, 0, 0);
                if empty {
                    self.end_row()?;
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                self.cell_repeat = number(e, "table:number-columns-repeated")?.unwrap_or(1);
                // A value or a formula fills a cell, as does any content (seen later).
                self.cell_filled = e.attributes().with_checks(false).flatten().any(|a| {
                    let key: &str = a.key.as_ref();
                    key == "table:formula"
                        || key.starts_with("office:") && (key.ends_with("value") || key.ends_with("value-type"))
                });
                self.cell_bytes = e.len() as u64;
                self.in_cell = true;
                if empty {
                    self.end_cell();
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), FileError> {
        match name {
            "table:table-cell" | "table:covered-table-cell" if self.in_cell => self.end_cell(),
            _ if self.in_cell => {}
            "table:table-row" => self.end_row()?,
            "table:table" => self.dense = self.dense.saturating_add(self.height.saturating_mul(self.width)),
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self) {
        self.in_cell = false;
        self.col = self.col.saturating_add(self.cell_repeat);
        if self.cell_filled {
            self.filled_to = self.col;
            // Each repeat is a copy of the value and one of the formula.
            self.row_text =
                self.row_text.saturating_add(self.cell_bytes.saturating_mul(self.cell_repeat).saturating_mul(2));
        }
    }

    /// calamine holds a row's cells up to its last filled one, then copies the row as often
    /// as it repeats into the dense sheet, which spans every row up to the last filled one.
    fn end_row(&mut self) -> Result<(), FileError> {
        let (l, table) = (self.limits, Some(self.table.as_str()));
        self.rows = self.rows.saturating_add(self.row_repeat);
        if self.filled_to == 0 {
            return Ok(());
        }
        self.height = self.rows;
        self.width = self.width.max(self.filled_to);
        let copies = self.row_repeat.saturating_add(1);
        charge(&mut self.text, self.row_text.saturating_mul(copies), l.text_bytes, Limit::TextBytes, table)?;
        let mut dense = self.dense;
        charge(
            &mut dense,
            self.height.saturating_mul(self.width).saturating_add(self.filled_to),
            l.dense_cells,
            Limit::DenseCells,
            table,
        )
    }
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| AsRef::<str>::as_ref(&a.key) == key)
        .map(|a| a.value.into_owned())
}

/// A repeat count; calamine fails on one that is not a number, and so does this.
fn number(e: &BytesStart<'_>, key: &str) -> Result<Option<u64>, FileError> {
    match attr(e, key) {
        None => Ok(None),
        Some(v) => v.trim().parse::<u64>().map(Some).map_err(|_| corrupt(format!("{key} is not a count: {v}"))),
    }
}
