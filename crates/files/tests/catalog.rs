//! The catalogue workbook: export, import unchanged, and row-level errors for a bad one.

use infoklass_core::requirements::Catalog;
use infoklass_files::catalog_export::catalog_xlsx;
use infoklass_files::catalog_import::read_catalog;
use rust_xlsxwriter::Workbook;

#[test]
fn export_then_import_gives_the_same_catalogue() {
    let shipped = Catalog::default_catalog();
    let bytes = catalog_xlsx(
        &shipped,
        &|key| {
            if key == shipped.requirements[0].key {
                "Vi gör så här".into()
            } else {
                String::new()
            }
        },
        infoklass_core::labels::Lang::Sv,
    )
    .unwrap();
    let back = read_catalog(&bytes).unwrap();
    assert_eq!(back.id, shipped.id);
    assert_eq!(back.version, shipped.version);
    assert_eq!(back.areas, shipped.areas);
    assert_eq!(back.requirements, shipped.requirements);
}

/// A catalogue workbook written by hand, as an organisation might: extra title row,
/// columns in another order, errors on several rows.
fn hand_made(rows: &[[&str; 9]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("Katalog").unwrap();
    for (i, (l, v)) in [
        ("Id", "region-x"),
        ("Version:", "2027.1"),
        ("Namn", "Regionens katalog"),
        ("Namn (engelska)", "Region catalogue"),
    ]
    .iter()
    .enumerate()
    {
        info.write_string(i as u32, 0, *l).unwrap();
        info.write_string(i as u32, 2, *v).unwrap();
    }
    let areas = wb.add_worksheet();
    areas.set_name("Områden").unwrap();
    for (c, h) in ["Nyckel", "Namn", "Namn (engelska)"].iter().enumerate() {
        areas.write_string(0, c as u16, *h).unwrap();
    }
    areas.write_string(1, 0, "backup").unwrap();
    areas.write_string(1, 1, "Säkerhetskopiering").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Krav").unwrap();
    ws.write_string(0, 0, "Regionens krav (titelrad)").unwrap();
    let headers =
        ["Område", "Krav-ID", "Villkor", "Skyddar", "Rubrik", "ÄR-krav", "SKA-krav", "Ska/Bör", "ISO/IEC 27002"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (c, h) in ["Rubrik (engelska)", "Vägledning", "NIS2", "Extra kolumn"].iter().enumerate() {
        ws.write_string(2, 9 + c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_good_hand_made_workbook_imports() {
    let bytes = hand_made(&[[
        "backup",
        "B-1",
        "R>=2 or T>=2",
        "R, T",
        "Kopia",
        "Vi kopierar.",
        "Leverantören ska kopiera.",
        "Bör",
        "8.13",
    ]]);
    let c = read_catalog(&bytes).unwrap();
    assert_eq!((c.id.as_str(), c.version.as_str()), ("region-x", "2027.1"));
    assert_eq!(c.requirements[0].trigger, "R>=2 or T>=2");
    assert_eq!(c.requirements[0].iso27002, ["8.13"]);
}

#[test]
fn every_bad_row_is_reported_with_sheet_and_row() {
    let bytes = hand_made(&[
        ["backup", "B-1", "R>=2", "R", "Kopia", "Vi kopierar.", "Leverantören ska kopiera.", "Ska", "8.13"],
        ["backup", "b-1", "R>=2", "R", "Dubblett", "x", "y", "Ska", ""],
        ["okänt", "B-3", "Q>=2", "R", "Fel", "", "y", "Kanske", ""],
        ["", "", "", "", "", "", "", "", ""],
        ["backup", "B-5", "T>=2", "X", "Fel aspekt", "x", "y", "Bör", ""],
    ]);
    let errors = read_catalog(&bytes).unwrap_err();
    let found: Vec<(Option<u32>, &str)> = errors.iter().map(|e| (e.row, e.field.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (Some(5), "Krav-ID"),
            (Some(6), "Ska/Bör"),
            (Some(6), "Område"),
            (Some(6), "ÄR-krav"),
            (Some(6), "Villkor"),
            (Some(8), "Skyddar"),
        ],
        "{errors:#?}"
    );
    assert!(errors.iter().all(|e| e.sheet == "Krav"));
}

#[test]
fn broken_files_get_a_clear_message() {
    let errors = read_catalog(b"not a workbook at all").unwrap_err();
    assert!(errors[0].message.contains("not a workbook"), "{errors:?}");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Annat").unwrap();
    let errors = read_catalog(&wb.save_to_buffer().unwrap()).unwrap_err();
    assert!(errors[0].message.contains("\"Katalog\" is missing"), "{errors:?}");
}
