//! The commands without a window: a mock Tauri runtime, a temporary database, real IPC
//! requests with the same JSON the UI sends.

mod common;

use common::{host, host_with};
use infoklass_desktop::{AppState, COMMANDS};
use serde_json::{json, Value};

fn set(name: &str, k: u8, r: u8, t: u8, s: u8) -> Value {
    json!({
        "id": "", "name": name, "description": "", "info_type": null,
        "levels": {"K": k, "R": r, "T": t, "S": s},
        "motivations": {"K": "motivering", "R": "motivering", "T": "motivering", "S": "motivering"}
    })
}

fn new_object(name: &str) -> Value {
    json!({
        "meta": {"name": name, "kind": "system", "unit": "Vård", "information_owner": "Verksamhetschef"},
        "content": {"sets": [set("Remisser", 2, 3, 2, 2), set("Svar", 1, 3, 3, 2)], "lagrum": [], "uplifts": {}}
    })
}

#[test]
fn create_approve_and_list_through_ipc() {
    let h = host();
    let created = h.call("create_object", json!({ "input": new_object("Remisshantering") })).unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["current"]["profile"]["text"], "K2 R3 T3 S2");
    assert_eq!(created["current"]["status"], "utkast");

    let approved = h.call("approve", json!({ "id": id, "approvedBy": "Verksamhetschef" })).unwrap();
    assert_eq!(approved["current"]["status"], "faststalld");
    assert_eq!(approved["current"]["approved_by"], "Verksamhetschef");

    let list = h.call("list_objects", json!({ "filter": { "search": "remiss" } })).unwrap();
    assert_eq!(list["items"][0]["profile"], "K2 R3 T3 S2");
    let none = h.call("list_objects", json!({ "filter": { "search": "journal" } })).unwrap();
    assert_eq!(none["items"].as_array().unwrap().len(), 0);

    let again = h.call("start_reclassification", json!({ "id": id })).unwrap();
    assert_eq!(again["current"]["version"], 2);
    let history = h.call("object_history", json!({ "id": id })).unwrap();
    assert_eq!(history[0]["action"], "reclassify");
}

#[test]
fn preview_derives_without_writing() {
    let h = host();
    let mut input = new_object("Förhandsvisning");
    input["content"]["lagrum"] = json!([{"lagrum": "gdpr_sarskilda", "status": "pending", "reason": ""}]);
    let p = h.call("preview", json!({ "input": input })).unwrap();
    assert_eq!(p["profile"]["text"], "K2 R3 T3 S2");
    assert_eq!(p["profile"]["suggestions"].as_array().unwrap().len(), 2);
    // Both GDPR suggestions are met, yet the undecided lagrum is still a to-do.
    let issues = p["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1, "{}", p["issues"]);
    assert_eq!(issues[0]["code"], "LAGRUM_UNDECIDED");
    assert_eq!(issues[0]["lagrum"], "gdpr_sarskilda");
    let list = h.call("list_objects", json!({ "filter": {} })).unwrap();
    assert_eq!(list["total"], 0);
}

#[test]
fn errors_cross_as_codes_with_details() {
    let h = host();
    let missing = h.call("get_object", json!({ "id": "nope" })).unwrap_err();
    assert_eq!(missing["code"], "NOT_FOUND");
    let mut incomplete = new_object("Ofullständig");
    incomplete["content"]["sets"][0]["levels"]["S"] = Value::Null;
    let id = h.call("create_object", json!({ "input": incomplete })).unwrap()["id"].clone();
    let refused = h.call("approve", json!({ "id": id, "approvedBy": "Chef" })).unwrap_err();
    assert_eq!(refused["code"], "VALIDATION");
    assert_eq!(refused["details"][0]["code"], "LEVEL_MISSING");
    assert_eq!(refused["details"][0]["aspect"], "S");
    let bad = h.call("create_object", json!({ "input": { "meta": { "name": 5 } } })).unwrap_err();
    assert!(bad.to_string().contains("invalid type"), "serde refuses malformed input: {bad}");
}

#[test]
fn a_database_that_cannot_be_opened_answers_every_command_with_its_reason() {
    let h = host_with(|dir| {
        let path = dir.join("newer.sqlite");
        drop(infoklass_store::Store::open(&path).unwrap());
        rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 42).unwrap();
        AppState::open(path)
    });
    let e = h.call("list_objects", json!({ "filter": {} })).unwrap_err();
    assert_eq!(e["code"], "DB_NEWER_SCHEMA");
}

#[test]
fn every_listed_command_is_registered() {
    let h = host();
    for cmd in COMMANDS {
        if let Err(e) = h.call(cmd, json!({})) {
            let text = e.to_string();
            assert!(!text.contains("not found") || text.contains("NOT_FOUND"), "{cmd} is not registered: {text}");
        }
    }
}

#[test]
fn information_types_are_edited_through_ipc() {
    let h = host();
    let shipped = h.call("list_info_type_entries", json!({})).unwrap().as_array().unwrap().len();
    let input = json!({"key": null, "name_sv": "Bygglovsärenden", "levels": {"K": 1, "R": 2, "T": 1, "S": 1}});
    let added = h.call("save_info_type", json!({ "input": input })).unwrap();
    assert_eq!(added["key"], "bygglovsarenden");
    let refused = h
        .call(
            "save_info_type",
            json!({ "input": {"key": null, "name_sv": "", "levels": {"K": 0, "R": 0, "T": 0, "S": 0}} }),
        )
        .unwrap_err();
    assert_eq!(refused["code"], "INFO_TYPE_NAME_MISSING");
    assert_eq!(
        h.call("set_info_type_retired", json!({ "key": "bygglovsarenden", "retired": true })).unwrap()["retired"],
        true
    );
    let types = h.call("list_info_types", json!({})).unwrap();
    assert_eq!(types.as_array().unwrap().len(), shipped + 1, "the wizard's list has retired types too, flagged");

    let b64 = |s: &str| base64::Engine::encode(&base64::engine::general_purpose::STANDARD, s);
    let bad = h
        .call("preview_info_type_import", json!({ "fileName": "typer.toml", "base64": b64("types = 1") }))
        .unwrap_err();
    assert_eq!(bad["code"], "INFO_TYPE_FILE_INVALID");
    let file = "[[types]]\nkey = \"allman\"\nname_sv = \"Allmän information\"\nname_en = \"\"\nlevels = { K = 0, R = 1, T = 0, S = 0 }\n";
    let preview = h.call("preview_info_type_import", json!({ "fileName": "typer.toml", "base64": b64(file) })).unwrap();
    assert_eq!(
        preview["retired"].as_array().unwrap().len(),
        shipped - 1,
        "all but allman (and the already retired one)"
    );
    assert_eq!(
        h.call("list_info_type_entries", json!({})).unwrap().as_array().unwrap().len(),
        shipped + 1,
        "a preview writes nothing"
    );
}

#[test]
fn a_file_over_the_upload_bound_is_refused_before_it_is_decoded() {
    let h = host();
    // One byte more than the bound, as base64 (4 characters per 3 bytes).
    let chars = ((infoklass_desktop::MAX_UPLOAD_BYTES as usize + 6) / 3) * 4;
    let huge = "A".repeat(chars);
    for cmd in ["preview_import", "import_file", "preview_catalog_import"] {
        let e = h.call(cmd, json!({ "fileName": "stor.xlsx", "base64": huge })).unwrap_err();
        assert_eq!(e["code"], "FILE_TOO_LARGE", "{cmd}");
    }
    let small = h.call("preview_import", json!({ "fileName": "liten.xlsx", "base64": "UEsDBA==" })).unwrap();
    assert_eq!(small["ok"], false, "a small file is read and judged on its content");
    assert!(small["failure"]["code"].is_string());
}

/// Another program replaces the database file under the running app: the next command says
/// so (`DB_CHANGED`, the UI reloads) and the one after works on the new file.
#[test]
fn a_replaced_database_file_is_reported_and_then_followed() {
    let h = host_with(|dir| AppState::open(dir.join("app.sqlite")));
    h.call("create_object", json!({ "input": new_object("Gammal") })).unwrap();
    let path = h.dir().join("app.sqlite");
    let other = h.dir().join("other.sqlite");
    drop(infoklass_store::Store::open(&other).unwrap());
    std::fs::rename(&other, &path).unwrap();

    let e = h.call("list_objects", json!({ "filter": {} })).unwrap_err();
    assert_eq!(e["code"], "DB_CHANGED");
    let list = h.call("list_objects", json!({ "filter": {} })).unwrap();
    assert_eq!(list["total"], 0);
}
