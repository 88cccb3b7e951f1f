//! Builders for the workbooks the tests read: rust_xlsxwriter for ordinary ones, a tiny
//! hand-made zip writer for the ones no spreadsheet program would write.

use std::io::{Cursor, Read};

use infoklass_isak::{read_bytes, Diagnostic, FileError, ImportProfile, Limits, ParsedWorkbook, Severity};
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

#[derive(Clone, Copy)]
pub enum V<'a> {
    /// Text.
    T(&'a str),
    N(f64),
    /// A serial formatted as a date, so calamine sees a date cell.
    Date(f64),
    /// A formula and the cached result stored with it.
    F(&'a str, &'a str),
    /// Nothing.
    E,
}

/// Writes `cells` into `row` from column `col` on.
pub fn put_at(ws: &mut Worksheet, row: u32, col: u16, cells: &[V]) {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (i, v) in cells.iter().enumerate() {
        let c = col + i as u16;
        match v {
            V::T(s) => {
                ws.write_string(row, c, *s).unwrap();
            }
            V::N(n) => {
                ws.write_number(row, c, *n).unwrap();
            }
            V::Date(n) => {
                ws.write_number_with_format(row, c, *n, &date).unwrap();
            }
            V::F(f, result) => {
                ws.write_formula(row, c, Formula::new(*f).set_result(*result)).unwrap();
            }
            V::E => {}
        }
    }
}

pub fn put(ws: &mut Worksheet, row: u32, cells: &[V]) {
    put_at(ws, row, 0, cells);
}

pub fn sheet<'a>(wb: &'a mut Workbook, name: &str) -> &'a mut Worksheet {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    ws
}

/// The reference header block in rows 0–7 (labels in column A, values in B).
pub fn header_block(ws: &mut Worksheet) {
    let rows: [(&str, V); 7] = [
        ("IT-stöd:", V::T("Testsystem")),
        ("Förvaltning:", V::T("Regionservice")),
        ("Informationsägare:", V::T("Ekonomidirektör")),
        ("Systemägare:", V::T("Chef Ekonomi")),
        ("Systemförvaltare:", V::T("Förvaltningsledare")),
        ("Datum:", V::Date(43536.0)),
        ("Deltagare:", V::T("Per Ek, Sara Lind")),
    ];
    for (i, (label, value)) in rows.into_iter().enumerate() {
        put(ws, i as u32, &[V::T(label), value]);
    }
}

pub const SET_HEADER: [V; 7] = [
    V::T("Nr"),
    V::T("Informationsmängd"),
    V::T("Beskrivning"),
    V::T("Konfidentialitet"),
    V::T("Riktighet"),
    V::T("Tillgänglighet"),
    V::T("Motivering"),
];

pub const RISK_HEADER: [V; 13] = [
    V::T("Nr"),
    V::T("Hot"),
    V::T("Orsak"),
    V::T("Konsekvensbeskrivning"),
    V::T("Aspekt"),
    V::T("Sannolikhet"),
    V::T("Konsekvens"),
    V::T("Riskvärde"),
    V::T("Befintligt skydd"),
    V::T("Åtgärd"),
    V::T("Ansvarig"),
    V::T("Klart senast"),
    V::T("Status"),
];

/// A Klassning sheet: header block, header row at row 9 (sheet row 10), `sets` below it.
pub fn klassning(wb: &mut Workbook, sets: &[&[V]]) {
    let ws = sheet(wb, "Klassning");
    header_block(ws);
    put(ws, 9, &SET_HEADER);
    for (i, set) in sets.iter().enumerate() {
        put(ws, 10 + i as u32, set);
    }
}

pub fn bytes(mut wb: Workbook) -> Vec<u8> {
    wb.save_to_buffer().unwrap()
}

pub fn parse(bytes: &[u8]) -> ParsedWorkbook {
    parse_with(bytes, &ImportProfile::default())
}

pub fn parse_with(bytes: &[u8], profile: &ImportProfile) -> ParsedWorkbook {
    match read_bytes("test.xlsx", bytes, profile, &Limits::default()) {
        Ok(wb) => wb,
        Err(e) => panic!("{}: {}", e.code(), e.message_sv()),
    }
}

pub fn fail(bytes: &[u8], limits: &Limits) -> FileError {
    match read_bytes("test.xlsx", bytes, &ImportProfile::default(), limits) {
        Ok(_) => panic!("the workbook was read but should have been refused"),
        Err(e) => e,
    }
}

/// The diagnostics with `code`.
pub fn diags<'a>(wb: &'a ParsedWorkbook, code: &str) -> Vec<&'a Diagnostic> {
    wb.diagnostics.iter().filter(|d| d.code == code).collect()
}

/// Errors and warnings (infos such as "no Riskanalys sheet" left out).
pub fn problems(wb: &ParsedWorkbook) -> Vec<&Diagnostic> {
    wb.diagnostics.iter().filter(|d| d.severity != Severity::Info).collect()
}

/// A set's name and its K, R, T.
pub type SetLevels = (String, Option<u8>, Option<u8>, Option<u8>);

pub fn levels(wb: &ParsedWorkbook) -> Vec<SetLevels> {
    wb.sets.iter().map(|s| (s.name.clone(), s.k, s.r, s.t)).collect()
}

pub fn leftover_cells(wb: &ParsedWorkbook) -> Vec<String> {
    wb.unrecognised.iter().map(|l| format!("{}!{}={}", l.sheet, l.cell, l.text)).collect()
}

// ---- hand-made zip containers ----

pub use crate::crafted::{crc32, deflate_run, zip, Entry};

/// The entries of a zip (e.g. an xlsx from rust_xlsxwriter), to be changed and zipped again.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

/// A complete legacy workbook in the reference layout (no formulas, so a converter that
/// recalculates cannot change it).
pub fn reference_book() -> Workbook {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Instruktion");
    put(ws, 0, &[V::T("Fyll i bladen. Nivåer: 1 = Försumbar, 2 = Måttlig, 3 = Betydande, 4 = Allvarlig")]);
    klassning(
        &mut wb,
        &[
            &[V::N(1.0), V::T("Patientjournal"), V::T("Anteckningar"), V::N(4.0), V::N(4.0), V::N(3.0), V::T("OSL")],
            &[V::N(2.0), V::T("Tidbok"), V::E, V::T("Måttlig"), V::T("3 - Betydande"), V::N(2.0)],
            &[V::N(3.0), V::T("Statistik"), V::E, V::N(1.0), V::N(2.0), V::N(1.0)],
        ],
    );
    let ws = sheet(&mut wb, "Riskanalys");
    put(ws, 0, &[V::T("Riskanalys")]);
    put(ws, 2, &RISK_HEADER);
    put(
        ws,
        3,
        &[
            V::N(1.0),
            V::T("Nätfiske"),
            V::T("Lösenord röjs"),
            V::T("Journaler läses"),
            V::T("K"),
            V::N(3.0),
            V::N(4.0),
            V::E,
            V::T("MFA"),
            V::T("SITHS"),
            V::T("IT-chef"),
            V::Date(43830.0),
            V::T("Pågår"),
        ],
    );
    put(ws, 4, &[V::N(2.0), V::T("Brand"), V::T("En hall"), V::T("Avbrott"), V::T("T, R"), V::N(1.0), V::N(4.0)]);
    let ws = sheet(&mut wb, "Krav");
    put(
        ws,
        0,
        &[
            V::T("Krav-ID"),
            V::T("Område"),
            V::T("Kravtext"),
            V::T("Gäller från K"),
            V::T("Gäller från R"),
            V::T("Gäller från T"),
            V::T("Uppfyllt"),
            V::T("Kommentar"),
        ],
    );
    put(
        ws,
        1,
        &[V::T("B1"), V::T("Behörighet"), V::T("Individuella behörigheter"), V::N(2.0), V::N(2.0), V::E, V::T("Ja")],
    );
    put(
        ws,
        2,
        &[
            V::T("U1"),
            V::T("Utbildning"),
            V::T("Utbildning i informationssäkerhet"),
            V::T("x"),
            V::T("x"),
            V::T("x"),
            V::T("Delvis"),
            V::T("Pågår"),
        ],
    );
    wb
}
