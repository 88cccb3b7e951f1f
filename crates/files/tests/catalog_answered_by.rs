//! "Vem svarar" in the catalogue workbook: carried out and back, and checked per row.

use infoklass_core::requirements::{AnsweredBy, Catalog};
use infoklass_files::catalog_export::catalog_xlsx;
use infoklass_files::catalog_import::read_catalog;
use rust_xlsxwriter::Workbook;

#[test]
fn who_answers_goes_out_and_comes_back() {
    let mut c = Catalog::default_catalog();
    // Another choice than the shipped one, so the fallback for a missing value cannot hide a lost column.
    let key = c.requirements.iter().find(|r| r.who_answers() == AnsweredBy::It).unwrap().key.clone();
    c.requirements.iter_mut().find(|r| r.key == key).unwrap().answered_by = "leverantor".into();
    let back = read_catalog(&catalog_xlsx(&c, &|_| String::new(), infoklass_core::labels::Lang::Sv).unwrap()).unwrap();
    assert_eq!(back.requirement(&key).unwrap().who_answers(), AnsweredBy::Leverantor);
    assert_eq!(back.requirements, c.requirements);
}

fn workbook(answered_by: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("Katalog").unwrap();
    for (i, (l, v)) in [("Id", "egen"), ("Version", "1"), ("Namn", "Egen")].iter().enumerate() {
        info.write_string(i as u32, 0, *l).unwrap();
        info.write_string(i as u32, 1, *v).unwrap();
    }
    let areas = wb.add_worksheet();
    areas.set_name("Områden").unwrap();
    for (col, text) in ["Nyckel", "Namn", "backup", "Säkerhetskopiering"].iter().enumerate() {
        areas.write_string(col as u32 / 2, col as u16 % 2, *text).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Krav").unwrap();
    let headers = ["Krav-ID", "Område", "Skyddar", "Villkor", "Rubrik", "ÄR-krav", "SKA-krav", "Ska/Bör", "Vem svarar"];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string(0, col as u16, *h).unwrap();
    }
    for (i, who) in answered_by.iter().enumerate() {
        let row = 1 + i as u32;
        let key = format!("E-{i}");
        let cells = [key.as_str(), "backup", "R", "baseline", "Kopia", "Vi kopierar.", "Leverantören ska.", "Ska", who];
        for (col, v) in cells.iter().enumerate() {
            ws.write_string(row, col as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_unknown_value_is_an_error_of_its_row_with_a_code() {
    let errors = read_catalog(&workbook(&["IT", "Chefen", "Leverantör"])).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!((e.sheet.as_str(), e.row, e.key.as_str(), e.field.as_str()), ("Krav", Some(3), "E-1", "Vem svarar"));
    assert_eq!(e.code, "UNKNOWN_ANSWERED_BY");

    let ok = read_catalog(&workbook(&["IT", "", "Leverantör"])).unwrap();
    let who: Vec<AnsweredBy> = ok.requirements.iter().map(|r| r.who_answers()).collect();
    assert_eq!(who, [AnsweredBy::It, AnsweredBy::Verksamhet, AnsweredBy::Leverantor], "empty: the business answers");
}
