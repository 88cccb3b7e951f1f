//! Writes the seed corpus of every target from the shipped samples and examples:
//! `cargo run --no-default-features --features seeds --bin seeds -- DIR` (scripts/fuzz.sh
//! does this when a target's corpus is missing). The seeds are generated, not committed.

use std::path::Path;

use infoklass_core::info_type::DEFAULT_INFO_TYPES_TOML;
use infoklass_core::input_files::{parse_object_file, parse_risk_file};
use infoklass_core::risk::ThreatCatalog;
use infoklass_fuzz::{parts, templates, READERS};
use serde_json::json;

fn write(dir: &Path, target: &str, name: &str, bytes: &[u8]) {
    let folder = dir.join(target);
    std::fs::create_dir_all(&folder).expect("the corpus folder can be made");
    std::fs::write(folder.join(name), bytes).expect("a seed can be written");
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: seeds DIR");
    let dir = Path::new(&dir);

    write(dir, "isak_read", "journalsystem.xlsx", templates::ISAK_XLSX);
    write(dir, "isak_read", "ekonomisystem.xls", templates::ISAK_XLS);
    write(dir, "workbook_read", "infoklass.xlsx", &templates::infoklass_workbook());
    write(dir, "catalog_read", "catalog.xlsx", &templates::catalog_workbook());
    for (r, reader) in READERS.iter().enumerate() {
        let all = parts::split(&templates::template(*reader));
        for (p, &i) in parts::xml_indices(&all).iter().enumerate() {
            let mut seed = vec![r as u8, p as u8];
            seed.extend_from_slice(&all[i].1);
            write(dir, "xlsx_parts", &format!("{reader:?}-{}", all[i].0.replace('/', "_")), &seed);
        }
    }

    let (meta, content) = parse_object_file(templates::OBJECT_TOML, false).expect("the example object parses");
    let object = json!({ "object": meta, "sets": content.sets, "uplifts": content.uplifts, "lagrum": content.lagrum });
    write(dir, "object_file", "ekonomisystem.toml", templates::OBJECT_TOML.as_bytes());
    write(dir, "object_file", "ekonomisystem.json", object.to_string().as_bytes());
    let risks = parse_risk_file(templates::RISKS_TOML).expect("the example risks parse");
    write(dir, "risk_file", "risker.toml", templates::RISKS_TOML.as_bytes());
    write(dir, "risk_file", "risker.json", json!({ "risks": risks }).to_string().as_bytes());

    let mut threats = ThreatCatalog::default_catalog();
    threats.threats.truncate(6);
    write(dir, "threat_list", "threats.toml", threats.to_toml().as_bytes());
    write(dir, "info_type_list", "information-types.toml", DEFAULT_INFO_TYPES_TOML.as_bytes());
    let catalog = templates::small_catalog();
    write(dir, "catalog_text", "catalog.json", serde_json::to_string(&catalog).expect("plain data").as_bytes());
    write(dir, "catalog_text", "catalog.toml", toml::to_string(&catalog).expect("plain data").as_bytes());
}
