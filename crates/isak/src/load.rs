//! Reads every sheet into a sparse grid with calamine, enforcing the row, cell and cell-length
//! limits. xlsx and xlsb sheets are streamed cell by cell, so a sheet with two cells a million
//! rows apart never becomes a dense million-row range; xls and ods are read whole by calamine
//! and were bounded by `guard::check` before.

use std::io::{Cursor, Read, Seek};

use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, ExcelDateTime, Ods, Range, Reader, SheetType, Xls, XlsError,
    Xlsb, Xlsx,
};

use crate::container::Format;
use crate::diagnostics::{Diagnostics, Severity};
use crate::error::FileError;
use crate::grid::{Sheet, Value};
use crate::limits::{grouped, Limit, Limits};

pub struct Book {
    pub sheets: Vec<Sheet>,
}

struct Loader<'a> {
    limits: &'a Limits,
    diags: &'a mut Diagnostics,
    cells: u64,
    text: u64,
    merge_budget: usize,
}

pub fn load(bytes: &[u8], format: Format, limits: &Limits, diags: &mut Diagnostics) -> Result<Book, FileError> {
    let merge_budget = usize::try_from(limits.cells).unwrap_or(usize::MAX);
    let mut loader = Loader { limits, diags, cells: 0, text: 0, merge_budget };
    let cursor = Cursor::new(bytes);
    let corrupt = |e: &dyn std::fmt::Display| FileError::Corrupt(e.to_string());
    let mut sheets = Vec::new();
    match format {
        Format::Xlsx => {
            let mut wb: Xlsx<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            for name in worksheet_names(&wb) {
                let merges = wb.merge_cells_by_sheet_name(&name).map_err(|e| corrupt(&e))?;
                let mut sheet = Sheet::new(name.clone());
                let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| corrupt(&e))?;
                // Formulas come along so text fields can keep them as written (never evaluated).
                while let Some(cell) = reader.next_cell_with_formula().map_err(|e| corrupt(&e))? {
                    let (row, col) = cell.pos;
                    match (from_ref(&cell.value), cell.formula.filter(|f| !f.trim().is_empty())) {
                        (value, Some(f)) => loader.put_formula(&mut sheet, row, col, value, f)?,
                        (Some(v), None) => loader.put(&mut sheet, row, col, v)?,
                        (None, None) => {}
                    }
                }
                loader.merges(&mut sheet, &merges);
                sheets.push(sheet);
            }
        }
        Format::Xls => {
            // calamine gets the Workbook stream the guard checked, packed again (see the guard).
            let repacked = Cursor::new(crate::guard::xls_calamine_bytes(bytes, limits)?);
            let mut wb: Xls<_> = open_workbook_from_rs(repacked).map_err(|e| match e {
                XlsError::Password => FileError::Encrypted,
                e => corrupt(&e),
            })?;
            for name in worksheet_names(&wb) {
                let range = wb.worksheet_range(&name).map_err(|e| corrupt(&e))?;
                let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
                let formulas = wb.worksheet_formula(&name).unwrap_or_default();
                let mut sheet = loader.read_range(name, &range, &merges)?;
                loader.formulas(&mut sheet, &formulas)?;
                sheets.push(sheet);
            }
        }
        Format::Ods => {
            let mut wb: Ods<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            for name in worksheet_names(&wb) {
                let range = wb.worksheet_range(&name).map_err(|e| corrupt(&e))?;
                let formulas = wb.worksheet_formula(&name).unwrap_or_default();
                let mut sheet = loader.read_range(name, &range, &[])?;
                loader.formulas(&mut sheet, &formulas)?;
                sheets.push(sheet);
            }
        }
        Format::Xlsb => {
            let mut wb: Xlsb<_> = open_workbook_from_rs(cursor).map_err(|e| corrupt(&e))?;
            for name in worksheet_names(&wb) {
                let mut sheet = Sheet::new(name.clone());
                let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| corrupt(&e))?;
                while let Some(cell) = reader.next_cell().map_err(|e| corrupt(&e))? {
                    let (row, col) = cell.get_position();
                    if let Some(v) = from_ref(cell.get_value()) {
                        loader.put(&mut sheet, row, col, v)?;
                    }
                }
                sheets.push(sheet);
            }
        }
    }
    Ok(Book { sheets })
}

/// Worksheets only: chart and macro sheets hold no cells to import.
fn worksheet_names<RS: Read + Seek, R: Reader<RS>>(wb: &R) -> Vec<String> {
    wb.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect()
}

impl Loader<'_> {
    fn read_range(&mut self, name: String, range: &Range<Data>, merges: &[Dimensions]) -> Result<Sheet, FileError> {
        let mut sheet = Sheet::new(name);
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, d) in range.used_cells() {
            if let Some(v) = from_data(d) {
                self.put(&mut sheet, r0 + r as u32, c0 + c as u32, v)?;
            }
        }
        self.merges(&mut sheet, merges);
        Ok(sheet)
    }

    fn put(&mut self, sheet: &mut Sheet, row: u32, col: u32, value: Value) -> Result<(), FileError> {
        if row >= self.limits.rows_per_sheet {
            let max = u64::from(self.limits.rows_per_sheet);
            return Err(FileError::TooLarge {
                limit: Limit::RowsPerSheet,
                found: u64::from(row) + 1,
                max,
                sheet: Some(sheet.name.clone()),
            });
        }
        self.cells += 1;
        if self.cells > self.limits.cells {
            return Err(FileError::TooLarge {
                limit: Limit::Cells,
                found: self.cells,
                max: self.limits.cells,
                sheet: None,
            });
        }
        let value = match value {
            Value::Text(t) if t.len() > self.limits.cell_chars => Value::Text(self.cut(&sheet.name, row, col, t)),
            v => v,
        };
        // A shared string is copied into each cell that uses it: count every copy.
        if let Value::Text(t) = &value {
            self.text = self.text.saturating_add(t.len() as u64);
            if self.text > self.limits.text_bytes {
                return Err(FileError::TooLarge {
                    limit: Limit::TextBytes,
                    found: self.text,
                    max: self.limits.text_bytes,
                    sheet: None,
                });
            }
        }
        sheet.insert(row, col, value);
        Ok(())
    }

    /// A formula cell counts as one cell (blank when no result was stored); an over-long
    /// formula is cut like any text.
    fn put_formula(
        &mut self,
        sheet: &mut Sheet,
        row: u32,
        col: u32,
        value: Option<Value>,
        formula: String,
    ) -> Result<(), FileError> {
        self.put(sheet, row, col, value.unwrap_or(Value::Text(String::new())))?;
        let formula =
            if formula.len() > self.limits.cell_chars { self.cut(&sheet.name, row, col, formula) } else { formula };
        sheet.set_formula(row, col, &formula);
        Ok(())
    }

    /// Adds the formulas calamine parsed already (xls, ods) to their cells.
    fn formulas(&mut self, sheet: &mut Sheet, formulas: &Range<String>) -> Result<(), FileError> {
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        for (r, c, f) in formulas.used_cells() {
            let (row, col) = (r0 + r as u32, c0 + c as u32);
            if f.trim().is_empty() || sheet.set_formula(row, col, f) {
                continue;
            }
            self.put_formula(sheet, row, col, None, f.clone())?;
        }
        Ok(())
    }

    /// Keeps the first `cell_chars` characters of an over-long cell and reports it.
    fn cut(&mut self, sheet: &str, row: u32, col: u32, text: String) -> String {
        let max = self.limits.cell_chars;
        let chars = text.chars().count();
        if chars <= max {
            return text;
        }
        self.diags.at(
            Severity::Error,
            "CELL_TOO_LONG",
            sheet,
            (row, col),
            format!(
                "cellen har {} tecken; bara de första {} lästes (gräns: {})",
                grouped(chars as u64),
                grouped(max as u64),
                Limit::CellChars.code()
            ),
            format!(
                "the cell has {chars} characters; only the first {max} were read (limit: {})",
                Limit::CellChars.code()
            ),
        );
        text.chars().take(max).collect()
    }

    fn merges(&mut self, sheet: &mut Sheet, merges: &[Dimensions]) {
        for m in merges {
            sheet.add_merge(m.start, m.end, &mut self.merge_budget);
        }
    }
}

fn from_data(d: &Data) -> Option<Value> {
    match d {
        Data::Int(i) => Some(Value::Number(*i as f64)),
        Data::Float(f) => Some(Value::Number(*f)),
        Data::String(s) => text(s.clone()),
        Data::Bool(b) => Some(Value::Bool(*b)),
        Data::DateTime(dt) => Some(date(dt)),
        Data::DateTimeIso(s) => Some(Value::Date(s.replace('T', " "))),
        Data::DurationIso(s) => text(s.clone()),
        Data::Error(e) => Some(Value::Error(e.to_string())),
        Data::Empty => None,
    }
}

fn from_ref(d: &DataRef<'_>) -> Option<Value> {
    match d {
        DataRef::SharedString(s) => text(s.to_string()),
        DataRef::Int(i) => Some(Value::Number(*i as f64)),
        DataRef::Float(f) => Some(Value::Number(*f)),
        DataRef::String(s) => text(s.clone()),
        DataRef::Bool(b) => Some(Value::Bool(*b)),
        DataRef::DateTime(dt) => Some(date(dt)),
        DataRef::DateTimeIso(s) => Some(Value::Date(s.replace('T', " "))),
        DataRef::DurationIso(s) => text(s.clone()),
        DataRef::Error(e) => Some(Value::Error(e.to_string())),
        DataRef::Empty => None,
    }
}

/// Whitespace-only text counts as blank, as it looks blank in the sheet.
fn text(s: String) -> Option<Value> {
    (!s.trim().is_empty()).then_some(Value::Text(s))
}

fn date(dt: &ExcelDateTime) -> Value {
    let serial = dt.as_f64();
    if !dt.is_datetime() || !(1.0..=2_958_465.0).contains(&serial) {
        return Value::Number(serial);
    }
    let (y, m, d, h, min, ..) = dt.to_ymd_hms_milli();
    if h == 0 && min == 0 {
        Value::Date(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        Value::Date(format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}"))
    }
}
