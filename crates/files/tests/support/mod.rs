//! What the English-export tests share: the Swedish labels that must not appear, and the
//! texts of a workbook as another program (calamine) reads them.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use infoklass_core::labels::{entries, Lang};

/// The Swedish labels a reader would notice in an English file: every Swedish text that is
/// not also an English one (Status, System, and the letter T, which is availability in
/// Swedish and traceability in English, are left out).
pub fn swedish_labels() -> Vec<&'static str> {
    let english: Vec<&str> = entries(Lang::En).iter().map(|(_, en)| *en).collect();
    entries(Lang::Sv).iter().map(|(_, sv)| *sv).filter(|sv| !english.contains(sv)).collect()
}

/// The texts of `found` that are Swedish labels.
pub fn swedish_in<'a>(found: impl IntoIterator<Item = &'a String>) -> Vec<&'a String> {
    let swedish = swedish_labels();
    found.into_iter().filter(|t| swedish.contains(&t.as_str())).collect()
}

/// Sheet names and every text cell of the visible sheets.
pub fn visible_texts(bytes: Vec<u8>) -> (Vec<String>, Vec<String>) {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = wb.sheet_names().into_iter().filter(|n| !n.starts_with('_')).collect();
    let mut cells = Vec::new();
    for name in &names {
        for row in wb.worksheet_range(name).unwrap().rows() {
            cells.extend(row.iter().filter_map(|c| {
                if let Data::String(s) = c {
                    Some(s.trim().to_string())
                } else {
                    None
                }
            }));
        }
    }
    (names, cells)
}
