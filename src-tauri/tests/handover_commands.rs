//! Hand-overs and the action plan export through real IPC requests.

mod common;

use common::host;
use serde_json::{json, Value};

fn object(name: &str) -> Value {
    let m = "motivering";
    json!({
        "meta": {"name": name, "kind": "system"},
        "content": {"sets": [{"id": "", "name": "Mängd", "description": "", "info_type": null,
            "levels": {"K": 3, "R": 2, "T": 2, "S": 2}, "motivations": {"K": m, "R": m, "T": m, "S": m}}],
            "lagrum": [], "uplifts": {}}
    })
}

#[test]
fn hand_over_answer_and_export_the_plan_through_ipc() {
    let h = host();
    let exports = h.dir().join("Hämtade filer");
    std::env::set_var(infoklass_store::env::EXPORT_ENV, &exports);
    let id = h.call("create_object", json!({ "input": object("Elevregister") })).unwrap()["id"].clone();
    let reqs = h.call("get_requirements", json!({ "id": id })).unwrap();
    let supplier: Vec<Value> = reqs["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["answered_by"] == "leverantor")
        .map(|i| i["key"].clone())
        .collect();
    assert!(!supplier.is_empty());
    let input = json!({ "keys": supplier, "to": "leverantor", "name": "Skolsystem AB" });
    let after = h.call("hand_over_requirements", json!({ "id": id, "input": input })).unwrap();
    let handed = after["items"].as_array().unwrap().iter().filter(|i| i["handover"]["name"] == "Skolsystem AB").count();
    assert_eq!(handed, supplier.len());
    let bad = json!({ "keys": supplier, "to": "it", "name": " " });
    assert_eq!(
        h.call("hand_over_requirements", json!({ "id": id, "input": bad })).unwrap_err()["code"],
        "HANDOVER_NEEDS_NAME"
    );

    let key = supplier[0].as_str().unwrap();
    let assessment = json!({"key": key, "answer": "vet_ej", "comment": "", "evidence": ""});
    let answered = h.call("save_assessment", json!({ "id": id, "assessment": assessment })).unwrap();
    let item = answered["items"].as_array().unwrap().iter().find(|i| i["key"] == key).unwrap().clone();
    assert!(item["handover"]["answered_at"].is_string());
    let back = h.call("take_back_requirements", json!({ "id": id, "keys": [key] })).unwrap();
    assert!(back["items"].as_array().unwrap().iter().find(|i| i["key"] == key).unwrap()["handover"].is_null());

    let plan = h.call("get_action_plan", json!({ "id": id })).unwrap();
    assert_eq!(
        (plan[0]["priority"].as_str(), plan[0]["measure"].as_str().unwrap().starts_with("Utred: ")),
        (Some("medel"), true)
    );
    for format in ["xlsx", "csv"] {
        let written = h.call("export_action_plan", json!({ "id": id, "format": format })).unwrap();
        let path = std::path::PathBuf::from(written["path"].as_str().unwrap());
        assert!(
            path.starts_with(&exports)
                && path.file_name().unwrap().to_string_lossy().starts_with("Handlingsplan Elevregister")
        );
        assert_eq!(path.extension().unwrap(), format);
    }
    let html = h.call("export_action_plan", json!({ "id": id, "format": "html" }));
    assert!(html.is_err(), "the plan prints from the app; no html file");
}
