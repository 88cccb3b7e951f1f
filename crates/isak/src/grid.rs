//! A sparse cell grid per sheet with A1 addresses, merged-cell fill-down and a "used" mark
//! per cell, so whatever the parsers did not read can be listed afterwards.

use std::cell::Cell as Flag;
use std::collections::{BTreeMap, HashMap};

/// A non-empty cell value. Formulas are never evaluated: a formula cell holds its cached result.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A cell formatted as a date, as `yyyy-mm-dd` (with ` hh:mm` when it has a time).
    Date(String),
    Bool(bool),
    /// A formula error such as `#N/A`.
    Error(String),
}

impl Value {
    /// The value as a person reads it in the sheet, trimmed.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.trim().to_string(),
            Value::Number(f) => number_text(*f),
            Value::Date(d) => d.clone(),
            Value::Bool(b) => if *b { "SANT" } else { "FALSKT" }.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

pub struct Cell {
    pub col: u32,
    pub value: Value,
    /// The formula as written (with its `=`), never evaluated; `value` is its cached result.
    pub formula: Option<String>,
    used: Flag<bool>,
}

impl Cell {
    /// What the cell shows to a person reading the file: a formula as written, else the value.
    pub fn written(&self) -> String {
        self.formula.clone().unwrap_or_else(|| self.value.text())
    }
}

pub struct Sheet {
    pub name: String,
    rows: BTreeMap<u32, Vec<Cell>>,
    /// Cells covered by a vertical merge (below its top-left cell) → that top-left cell.
    merged_below: HashMap<(u32, u32), (u32, u32)>,
}

impl Sheet {
    pub fn new(name: String) -> Sheet {
        Sheet { name, rows: BTreeMap::new(), merged_below: HashMap::new() }
    }

    /// Cells must arrive in any order; empty values are not stored.
    pub fn insert(&mut self, row: u32, col: u32, value: Value) {
        let cells = self.rows.entry(row).or_default();
        let cell = Cell { col, value, formula: None, used: Flag::new(false) };
        match cells.binary_search_by_key(&col, |c| c.col) {
            Ok(i) => cells[i] = cell,
            Err(i) => cells.insert(i, cell),
        }
    }

    /// Gives an existing cell its formula; false when there is no cell there.
    pub fn set_formula(&mut self, row: u32, col: u32, formula: &str) -> bool {
        let Some(cells) = self.rows.get_mut(&row) else { return false };
        let Ok(i) = cells.binary_search_by_key(&col, |c| c.col) else { return false };
        cells[i].formula = Some(written_formula(formula));
        true
    }

    /// Records a merged range; only its first column is filled down (a value merged across
    /// columns belongs to the column it starts in). At most `budget` cells are recorded.
    pub fn add_merge(&mut self, start: (u32, u32), end: (u32, u32), budget: &mut usize) {
        let last_row = self.last_row().unwrap_or(0).min(end.0);
        for r in start.0.saturating_add(1)..=last_row {
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            self.merged_below.insert((r, start.1), start);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn last_row(&self) -> Option<u32> {
        self.rows.keys().next_back().copied()
    }

    pub fn cell_count(&self) -> usize {
        self.rows.values().map(Vec::len).sum()
    }

    /// Rows holding at least one value, in order, from `from` on.
    pub fn rows_from(&self, from: u32) -> impl Iterator<Item = (u32, &[Cell])> {
        self.rows.range(from..).map(|(r, c)| (*r, c.as_slice()))
    }

    pub fn row(&self, row: u32) -> &[Cell] {
        self.rows.get(&row).map(Vec::as_slice).unwrap_or(&[])
    }

    fn cell(&self, row: u32, col: u32) -> Option<&Cell> {
        let cells = self.rows.get(&row)?;
        cells.binary_search_by_key(&col, |c| c.col).ok().map(|i| &cells[i])
    }

    /// The value at a cell, looking through vertical merges; does not mark it used.
    pub fn peek(&self, row: u32, col: u32) -> Option<&Value> {
        self.merged_cell(row, col).map(|c| &c.value)
    }

    fn merged_cell(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cell(row, col).or_else(|| {
            let (r, c) = self.merged_below.get(&(row, col))?;
            self.cell(*r, *c)
        })
    }

    /// The value at a cell (through vertical merges), marking it as read.
    pub fn take(&self, row: u32, col: u32) -> Option<&Value> {
        let cell = self.merged_cell(row, col)?;
        cell.used.set(true);
        Some(&cell.value)
    }

    /// The formula at a cell (through vertical merges), if it holds one.
    pub fn formula(&self, row: u32, col: u32) -> Option<&str> {
        self.merged_cell(row, col)?.formula.as_deref()
    }

    /// The trimmed text at a cell, marking it as read; empty when blank.
    pub fn take_text(&self, row: u32, col: u32) -> String {
        self.take(row, col).map(Value::text).unwrap_or_default()
    }

    pub fn mark(&self, row: u32, col: u32) {
        if let Some(c) = self.cell(row, col) {
            c.used.set(true);
        }
    }

    /// Every value no parser read, in reading order.
    pub fn unused(&self) -> impl Iterator<Item = (u32, &Cell)> {
        self.rows.iter().flat_map(|(r, cells)| cells.iter().filter(|c| !c.used.get()).map(move |c| (*r, c)))
    }

    pub fn all(&self) -> impl Iterator<Item = (u32, &Cell)> {
        self.rows.iter().flat_map(|(r, cells)| cells.iter().map(move |c| (*r, c)))
    }
}

/// A formula as a person writes it: with its `=`, without OpenDocument's `of:` namespace.
fn written_formula(formula: &str) -> String {
    let f = formula.strip_prefix("of:").unwrap_or(formula);
    if f.starts_with('=') {
        f.to_string()
    } else {
        format!("={f}")
    }
}

/// `A1` address from zero-based row and column.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(b'A' + rem);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap_or_default(), row as u64 + 1)
}

/// Text as compared with labels and headers: lower case, single spaces, no trailing colon
/// or asterisk.
pub fn norm(s: &str) -> String {
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ").to_lowercase();
    joined.trim_end_matches([':', '*', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(13, 4), "E14");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(9, 16_383), "XFD10");
    }

    #[test]
    fn normalises_labels() {
        assert_eq!(norm("  IT-stöd: "), "it-stöd");
        assert_eq!(norm("Nästa\u{a0} översyn :"), "nästa översyn");
        assert_eq!(norm("Gäller från\nK"), "gäller från k");
    }

    #[test]
    fn vertical_merges_fill_down_in_their_first_column() {
        let mut s = Sheet::new("x".into());
        s.insert(1, 0, Value::Text("a".into()));
        s.insert(3, 0, Value::Text("b".into()));
        s.add_merge((1, 0), (2, 1), &mut 10);
        assert_eq!(s.peek(2, 0), Some(&Value::Text("a".into())));
        assert_eq!(s.peek(2, 1), None);
        assert_eq!(s.take_text(2, 0), "a");
        assert_eq!(s.unused().count(), 1);
    }
}
