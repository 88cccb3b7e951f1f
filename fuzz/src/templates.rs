//! The valid workbooks the structure-aware target starts from, one per reader: a real ISAK
//! sample, an exported Infoklass workbook of the documented example object, and a catalogue
//! workbook of the first few shipped requirements (small, so each run stays fast).

use infoklass_core::input_files::{parse_object_file, parse_risk_file};
use infoklass_core::labels::Lang;
use infoklass_core::requirements::Catalog;
use infoklass_files::catalog_export::catalog_xlsx;
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, RiskInput, Store};

use crate::Reader;

pub const ISAK_XLSX: &[u8] = include_bytes!("../../crates/isak/tests/fixtures/journalsystem.xlsx");
pub const ISAK_XLS: &[u8] = include_bytes!("../../crates/isak/tests/fixtures/ekonomisystem.xls");
pub const OBJECT_TOML: &str = include_str!("../../docs/examples/ekonomisystem.toml");
pub const RISKS_TOML: &str = include_str!("../../docs/examples/risker.toml");

pub fn template(reader: Reader) -> Vec<u8> {
    match reader {
        Reader::Isak => ISAK_XLSX.to_vec(),
        Reader::Workbook => infoklass_workbook(),
        Reader::Catalog => catalog_workbook(),
    }
}

/// The example object with its risks, exported as the app does.
pub fn infoklass_workbook() -> Vec<u8> {
    let ctx = Ctx { actor: "fuzz".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let (meta, content) = parse_object_file(OBJECT_TOML, false).expect("the example object parses");
    let id = store.create_object(&ctx, &NewObject { meta, content }).expect("the example object is valid");
    for mut risk in parse_risk_file(RISKS_TOML).expect("the example risks parse") {
        if risk.consequence == 0 {
            risk.consequence = 2;
            risk.consequence_motivation = "Bedömd vid genomgången".into();
        }
        let new_actions = vec!["Reservrutin".to_string()];
        store.save_risk(&ctx, &id, &RiskInput { risk, new_actions }).expect("the example risk is valid");
    }
    let stamp = ExportStamp { app_version: "fuzz".into(), exported_at: ctx.now.clone() };
    object_workbook(&gather(&store, &id, &ctx.today).expect("the object reads back"), &stamp, Lang::Sv)
        .expect("the export writes")
}

/// The shipped catalogue cut to its first requirements and their areas.
pub fn small_catalog() -> Catalog {
    let mut c = Catalog::default_catalog();
    c.requirements.truncate(6);
    c.triggers.truncate(6);
    let used: Vec<String> = c.requirements.iter().map(|r| r.area.clone()).collect();
    c.areas.retain(|a| used.contains(&a.key));
    c
}

pub fn catalog_workbook() -> Vec<u8> {
    catalog_xlsx(&small_catalog(), &|_| String::new(), Lang::Sv).expect("the catalogue export writes")
}
