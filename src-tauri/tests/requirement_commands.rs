//! Requirement, action-plan, procurement and catalogue commands through real IPC requests.

mod common;

use base64::Engine;
use common::host;
use serde_json::{json, Value};

fn object(name: &str, k: u8, r: u8, t: u8, s: u8) -> Value {
    let m = "motivering";
    json!({
        "meta": {"name": name, "kind": "system"},
        "content": {"sets": [{"id": "", "name": "Mängd", "description": "", "info_type": null,
            "levels": {"K": k, "R": r, "T": t, "S": s}, "motivations": {"K": m, "R": m, "T": m, "S": m}}],
            "lagrum": [], "uplifts": {}}
    })
}

#[test]
fn assess_plan_procure_and_export_through_ipc() {
    let h = host();
    let exports = h.dir().join("Hämtade filer");
    std::env::set_var(infoklass_store::env::EXPORT_ENV, &exports);

    let a = h.call("create_object", json!({ "input": object("Ekonomisystem", 2, 3, 2, 1) })).unwrap()["id"].clone();
    let b = h.call("create_object", json!({ "input": object("Lönesystem", 2, 2, 2, 2) })).unwrap()["id"].clone();
    let reqs = h.call("get_requirements", json!({ "id": a })).unwrap();
    assert_eq!(reqs["profile"], "K2 R3 T2 S1");
    let items = reqs["items"].as_array().unwrap();
    assert!(items.len() > 20, "the shipped catalogue gives many requirements");
    let level_item = items.iter().find(|i| i["reasons"][0]["kind"] == "level").unwrap();
    let key = level_item["key"].as_str().unwrap();

    let after = h
        .call(
            "save_assessment",
            json!({ "id": a, "assessment": {"key": key, "answer": "ej_uppfyllt", "comment": "", "evidence": ""} }),
        )
        .unwrap();
    assert_eq!(after["counts"]["ej_uppfyllt"], 1);
    let plan = h.call("get_action_plan", json!({ "id": a })).unwrap();
    assert_eq!(plan[0]["requirement_key"], key);
    let refused = h.call(
        "save_assessment",
        json!({ "id": a, "assessment": {"key": key, "answer": "ej_tillampligt", "comment": "", "evidence": ""} }),
    );
    assert_eq!(refused.unwrap_err()["code"], "NOT_APPLICABLE_NEEDS_MOTIVATION");
    // Taking the answer back: unanswered again, and the untouched action goes with it.
    let cleared = h.call("clear_assessment", json!({ "id": a, "key": key })).unwrap();
    assert_eq!(cleared["counts"]["ej_uppfyllt"], 0);
    assert!(h.call("get_action_plan", json!({ "id": a })).unwrap().as_array().unwrap().is_empty());
    h.call(
        "save_assessment",
        json!({ "id": a, "assessment": {"key": key, "answer": "ej_uppfyllt", "comment": "", "evidence": ""} }),
    )
    .unwrap();

    let preview = h.call("procurement_preview", json!({ "objectIds": [a, b] })).unwrap();
    let shared =
        preview["items"].as_array().unwrap().iter().filter(|i| i["needed_by"].as_array().unwrap().len() == 2).count();
    assert!(shared > 0);
    let saved = h
        .call(
            "save_procurement",
            json!({ "input": {"id": null, "name": "Ekonomi 2027", "object_ids": [a, b], "choices": []} }),
        )
        .unwrap();
    let id = saved["id"].as_str().unwrap();
    let export = h.call("export_procurement", json!({ "id": id, "format": "xlsx" })).unwrap();
    let path = export["path"].as_str().unwrap();
    assert!(
        path.starts_with(exports.to_str().unwrap()) && path.ends_with("Upphandlingskrav Ekonomi 2027.xlsx"),
        "{path}"
    );
    use calamine::Reader;
    let wb = calamine::open_workbook_auto(path).unwrap();
    assert_eq!(wb.sheet_names()[0], "Upphandlingskrav");
    let second = h.call("export_procurement", json!({ "id": id, "format": "xlsx" })).unwrap();
    assert!(second["path"].as_str().unwrap().ends_with("(2).xlsx"), "an existing file is never overwritten");
    // A csv comes in the language the UI passes (Swedish when it passes none).
    let csv = |lang: serde_json::Value| {
        let export = h.call("export_procurement", json!({ "id": id, "format": "csv", "lang": lang })).unwrap();
        std::fs::read_to_string(export["path"].as_str().unwrap()).unwrap()
    };
    assert!(csv(json!("en")).starts_with("\u{feff}No.;Requirement ID;"));
    assert!(csv(json!(null)).starts_with("\u{feff}Nr;Krav-ID;"));
    // The format is a typed enum: anything else is refused at the boundary, before the store.
    let refused = h.call("export_procurement", json!({ "id": id, "format": "exe" })).unwrap_err();
    assert!(refused.to_string().contains("format"), "{refused}");

    // The catalogue: export, change the version in the workbook bytes' source, preview, import.
    let exported = h.call("export_catalog", json!({})).unwrap();
    let bytes = std::fs::read(exported["path"].as_str().unwrap()).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let preview = h.call("preview_catalog_import", json!({ "fileName": "katalog.xlsx", "base64": b64 })).unwrap();
    assert_eq!(preview["errors"][0]["field"], "Version", "the same version cannot be imported again");
    let junk = base64::engine::general_purpose::STANDARD.encode(b"PK\x03\x04 trasig");
    let preview = h.call("preview_catalog_import", json!({ "fileName": "trasig.xlsx", "base64": junk })).unwrap();
    assert!(preview["errors"][0]["message"].as_str().unwrap().contains("not a workbook"));
    let refused = h.call("import_catalog", json!({ "fileName": "trasig.xlsx", "base64": junk })).unwrap_err();
    assert_eq!(refused["code"], "BAD_CATALOG");
    assert_eq!(h.call("list_catalogs", json!({})).unwrap().as_array().unwrap().len(), 1, "nothing was imported");
}
