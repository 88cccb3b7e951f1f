//! Risk-analysis commands through real IPC requests.

mod common;

use common::host;
use serde_json::json;

#[test]
fn a_risk_analysis_through_ipc() {
    let h = host();
    let m = "motivering";
    let input = json!({"meta": {"name": "Diarium", "kind": "system"}, "content": {"sets": [{"id": "", "name": "Ärenden",
        "description": "", "info_type": null, "levels": {"K": 3, "R": 2, "T": 2, "S": 1},
        "motivations": {"K": m, "R": m, "T": m, "S": m}}], "lagrum": [], "uplifts": {}}});
    let id = h.call("create_object", json!({ "input": input })).unwrap()["id"].clone();

    let view = h.call("get_risk_analysis", json!({ "id": id })).unwrap();
    assert!(view["analysis"].is_null());
    let threat = view["threats"][0]["key"].clone();
    let started =
        h.call("save_risk_analysis", json!({ "id": id, "input": {"purpose": "Årlig", "in_scope": [threat]} })).unwrap();
    assert_eq!(started["analysis"]["status"], "utkast");
    assert_eq!(started["in_scope"][0], threat);

    let risk = json!({"event": "Driftavbrott", "aspects": ["T"], "probability": 1, "consequence": 3});
    let view = h.call("save_risk", json!({ "id": id, "input": {"risk": risk, "new_actions": []} })).unwrap();
    let r = &view["risks"][0];
    assert_eq!(
        (r["value"].as_u64(), r["band"].as_str(), r["default_consequence"].as_u64()),
        (Some(3), Some("medel"), Some(3))
    );
    assert_eq!(view["inherent"][0][2][0], r["risk"]["id"]);
    let rid = r["risk"]["id"].clone();
    let refused =
        h.call("accept_risk", json!({ "id": id, "riskId": rid, "role": "riskagare", "name": "A" })).unwrap_err();
    assert_eq!(refused["code"], "ACCEPTANCE_NOT_ALLOWED");
    let accepted = h
        .call("accept_risk", json!({ "id": id, "riskId": rid, "role": "informationsagare", "name": "Kanslichef" }))
        .unwrap();
    assert_eq!(accepted["risks"][0]["risk"]["acceptance"]["name"], "Kanslichef");

    let bad = json!({"event": "", "aspects": [], "probability": 0, "consequence": 9});
    let err = h.call("save_risk", json!({ "id": id, "input": {"risk": bad} })).unwrap_err();
    assert_eq!(err["code"], "BAD_RISK");
    assert_eq!(
        err["details"],
        json!(["RISK_EVENT_MISSING", "RISK_ASPECT_MISSING", "PROBABILITY_OUT_OF_MATRIX", "CONSEQUENCE_OUT_OF_MATRIX"])
    );

    let approved = h.call("approve_risk_analysis", json!({ "id": id, "approvedBy": "Kanslichef" })).unwrap();
    assert_eq!(approved["analysis"]["status"], "faststalld");
    let deleted = h.call("delete_risk", json!({ "id": id, "riskId": rid })).unwrap();
    assert!(deleted["risks"].as_array().unwrap().is_empty());
}

#[test]
fn the_threat_catalogue_through_ipc() {
    let h = host();
    let list = h.call("list_threats", json!({})).unwrap();
    let shipped = list["threats"].as_array().unwrap().len();
    assert_eq!(list["origins"].as_array().unwrap().len(), 5);

    let input = json!({"key": null, "origin": "teknik", "name_sv": "Licensservern går ner", "aspects": ["T"]});
    let added = h.call("save_threat", json!({ "input": input })).unwrap();
    assert_eq!(added["key"], format!("HOT-{:02}", shipped + 1));
    let refused = h
        .call("save_threat", json!({ "input": {"key": null, "origin": "teknik", "name_sv": "X", "aspects": []} }))
        .unwrap_err();
    assert_eq!(refused["code"], "THREAT_ASPECTS_MISSING");
    let retired = h.call("set_threat_retired", json!({ "key": added["key"], "retired": true })).unwrap();
    assert_eq!(retired["retired"], true);

    // A file: the shipped catalogue without the added threat retires nothing new.
    let toml = infoklass_core::risk::ThreatCatalog::default_catalog().to_toml();
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, toml);
    let preview = h.call("preview_threat_import", json!({ "fileName": "hot.toml", "base64": b64 })).unwrap();
    assert_eq!(preview["unchanged"].as_u64(), Some(shipped as u64));
    assert_eq!(preview["retired"], json!([]), "the added threat is already retired");
    let bad = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "id = 3");
    let err = h.call("import_threats", json!({ "fileName": "trasig.toml", "base64": bad })).unwrap_err();
    assert_eq!(err["code"], "THREAT_FILE_INVALID");
    assert_eq!(h.call("list_threats", json!({})).unwrap()["threats"].as_array().unwrap().len(), shipped + 1);
}
