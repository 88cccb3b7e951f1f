//! `make_report` through the real IPC: a Lägesrapport saved in the export folder, and its
//! refusals. One test, since the export folder and the template folder are per process.

mod common;

use common::host;
use serde_json::json;

#[test]
fn a_report_is_saved_like_an_export_and_its_problems_have_codes() {
    let h = host();
    let exports = h.dir().join("Exporter");
    std::env::set_var(infoklass_store::env::EXPORT_ENV, &exports);
    std::env::set_var(infoklass_desktop::exports::SETTINGS_ENV, h.dir().join("config").join("settings.json"));
    let code = |r: Result<serde_json::Value, serde_json::Value>| r.unwrap_err()["code"].as_str().unwrap().to_string();

    let saved = h.call("make_report", json!({ "kind": "overview", "id": null, "unit": null, "lang": "sv" })).unwrap();
    let path = saved["path"].as_str().unwrap();
    assert!(path.starts_with(exports.to_str().unwrap()) && path.contains("Lägesrapport "), "{path}");
    assert!(std::fs::read(path).unwrap().starts_with(b"%PDF-"));

    let object = json!({ "kind": "object", "id": null, "unit": null, "lang": null });
    assert_eq!(code(h.call("make_report", object)), "INVALID_INPUT");
    let unknown = json!({ "kind": "risk", "id": "finns-inte", "unit": null, "lang": "en" });
    assert_eq!(code(h.call("make_report", unknown)), "NOT_FOUND");

    std::env::set_var(infoklass_reports::TEMPLATE_ENV, h.dir().join("ingen-mall"));
    let broken = h.call("make_report", json!({ "kind": "overview", "id": null, "unit": null, "lang": "sv" }));
    std::env::remove_var(infoklass_reports::TEMPLATE_ENV);
    assert_eq!(code(broken), "REPORT_TEMPLATE");
}
