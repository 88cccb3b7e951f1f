//! A workbook opened after the checks, whose sheets come out as calamine ranges built within
//! the limits: xlsx and xlsb sheets are streamed cell by cell and refused as soon as their
//! extent, cell count or text passes a limit, before any dense range is allocated.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{Cell, Data, DataRef, Ods, Range, Reader, Xls, XlsError, Xlsb, Xlsx, XlsxError};

use super::{charge, corrupt, Checked};
use crate::container::Format;
use crate::error::FileError;
use crate::limits::{Limit, Limits};

type Bytes<'a> = Cursor<&'a [u8]>;

enum Book<'a> {
    Xlsx(Xlsx<Bytes<'a>>),
    Xlsb(Xlsb<Bytes<'a>>),
    /// Over the repacked stream (see `xls_records::repacked`), so it owns its bytes.
    Xls(Xls<Cursor<Vec<u8>>>),
    Ods(Ods<Bytes<'a>>),
}

pub struct Workbook<'a> {
    book: Book<'a>,
    limits: Limits,
    /// Text handed out so far, in bytes; ranges may be kept, so it only grows.
    text: u64,
}

impl<'a> Workbook<'a> {
    /// Checks the bytes (see [`check`]) and only then lets calamine open them.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Workbook<'a>, FileError> {
        Self::from_checked(&Checked::new(bytes, limits)?)
    }

    /// Opens bytes checked before, without checking them again.
    pub fn from_checked(checked: &Checked<'a>) -> Result<Workbook<'a>, FileError> {
        let (bytes, format, limits) = (checked.bytes(), checked.format(), checked.limits());
        let book = calm(|| {
            let cursor = Cursor::new(bytes);
            Ok(match format {
                Format::Xlsx => Book::Xlsx(Xlsx::new(cursor).map_err(corrupt)?),
                Format::Xlsb => Book::Xlsb(Xlsb::new(cursor).map_err(corrupt)?),
                Format::Xls => Book::Xls(Xls::new(Cursor::new(super::xls_records::repacked(bytes, limits)?)).map_err(
                    |e| match e {
                        XlsError::Password => FileError::Encrypted,
                        e => corrupt(e),
                    },
                )?),
                Format::Ods => Book::Ods(Ods::new(cursor).map_err(corrupt)?),
            })
        })?;
        Ok(Workbook { book, limits: limits.clone(), text: 0 })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        match &self.book {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    pub fn has_sheet(&self, name: &str) -> bool {
        self.sheet_names().iter().any(|n| n == name)
    }

    /// The sheet's used cells as a range (absolute positions, like `worksheet_range`).
    pub fn range(&mut self, name: &str) -> Result<Range<Data>, FileError> {
        let limits = self.limits.clone();
        let mut sink = Sink {
            name,
            limits: &limits,
            cells: Vec::new(),
            lo: (u32::MAX, u32::MAX),
            hi: (0, 0),
            text: &mut self.text,
        };
        let book = &mut self.book;
        calm(move || {
            match book {
                Book::Xlsx(b) => {
                    let mut reader = match b.worksheet_cells_reader(name) {
                        Ok(r) => r,
                        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
                        Err(e) => return Err(corrupt(e)),
                    };
                    while let Some(cell) = reader.next_cell().map_err(corrupt)? {
                        sink.put(cell)?;
                    }
                }
                Book::Xlsb(b) => {
                    let mut reader = b.worksheet_cells_reader(name).map_err(corrupt)?;
                    while let Some(cell) = reader.next_cell().map_err(corrupt)? {
                        sink.put(cell)?;
                    }
                }
                // Already read whole when opened, within what `check` allowed.
                Book::Xls(b) => return b.worksheet_range(name).map_err(corrupt),
                Book::Ods(b) => return b.worksheet_range(name).map_err(corrupt),
            }
            Ok(Range::from_sparse(sink.cells))
        })
    }
}

/// Collects a streamed sheet's cells, refusing it once it passes a limit.
struct Sink<'s> {
    name: &'s str,
    limits: &'s Limits,
    cells: Vec<Cell<Data>>,
    lo: (u32, u32),
    hi: (u32, u32),
    text: &'s mut u64,
}

impl Sink<'_> {
    fn put(&mut self, cell: Cell<DataRef<'_>>) -> Result<(), FileError> {
        let text = match cell.get_value() {
            DataRef::Empty => return Ok(()),
            DataRef::SharedString(s) => s.len(),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            _ => 0,
        };
        let (l, sheet) = (self.limits, Some(self.name));
        charge(self.text, text as u64, l.text_bytes, Limit::TextBytes, sheet)?;
        if self.cells.len() as u64 >= l.cells {
            return Err(FileError::TooLarge { limit: Limit::Cells, found: l.cells + 1, max: l.cells, sheet: None });
        }
        let (r, c) = cell.get_position();
        self.lo = (self.lo.0.min(r), self.lo.1.min(c));
        self.hi = (self.hi.0.max(r), self.hi.1.max(c));
        let area = (u64::from(self.hi.0 - self.lo.0) + 1) * (u64::from(self.hi.1 - self.lo.1) + 1);
        if area > l.dense_cells {
            return Err(FileError::TooLarge {
                limit: Limit::DenseCells,
                found: area,
                max: l.dense_cells,
                sheet: sheet.map(str::to_string),
            });
        }
        self.cells.push(Cell::new((r, c), cell.get_value().clone().into()));
        Ok(())
    }
}

/// Runs a calamine call; a panic on malformed data becomes an error instead of a crash.
pub(crate) fn calm<T>(f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(FileError::Corrupt("the reader stopped at malformed data".into())))
}
