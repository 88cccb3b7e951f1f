//! Risk analyses through the real binary.

mod common;

use common::{infoklass, ok};

#[test]
fn risks_from_a_file_get_their_consequence_from_the_classification() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let object = dir.path().join("o.toml");
    let m = "motivations = { K = \"m\", R = \"m\", T = \"m\", S = \"m\" }";
    std::fs::write(&object, format!("[object]\nname = \"Ärenden\"\n[[sets]]\nname = \"Ärenden\"\nlevels = {{ K = 3, R = 2, T = 2, S = 1 }}\n{m}\n")).unwrap();
    ok(infoklass(&db, &["new", object.to_str().unwrap()]));
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/risker.toml");
    assert!(ok(infoklass(&db, &["risk", "add", "Ärenden", example])).contains("2 risker"));
    let view: serde_json::Value = serde_json::from_str(&ok(infoklass(&db, &["risks", "Ärenden", "--json"]))).unwrap();
    let risks = view["risks"].as_array().unwrap();
    assert_eq!(
        (risks[0]["value"].as_u64(), risks[0]["risk"]["consequence"].as_u64()),
        (Some(12), Some(4)),
        "K3 → 4, P3"
    );
    assert_eq!((risks[1]["value"].as_u64(), risks[1]["band"].as_str()), (Some(6), Some("medel")), "T2 → 3, P2");
    let text = ok(infoklass(&db, &["risks", "Ärenden"]));
    assert!(text.contains("Hög") && text.contains("Nätfiske"), "{text}");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[risks]]\nevent = \"X\"\naspects = [\"K\"]\nprobability = 7\n").unwrap();
    let out = infoklass(&db, &["risk", "add", "Ärenden", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("[BAD_RISK]") && err.contains("PROBABILITY_OUT_OF_MATRIX"), "{err}");
}

#[test]
fn the_top_risk_role_is_named_by_the_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite").display().to_string();
    let shipped = ok(infoklass(&db, &["top-risk-role"]));
    assert!(shipped.contains("Högsta ledningen"), "{shipped}");
    let empty = infoklass(&db, &["top-risk-role", "--set", " "]);
    assert!(String::from_utf8_lossy(&empty.stderr).contains("[INVALID_INPUT]"));
    let set: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["top-risk-role", "--set", "Regiondirektör", "--json"]))).unwrap();
    assert_eq!(set["title"], "Regiondirektör");
    assert!(ok(infoklass(&db, &["top-risk-role"])).contains("Regiondirektör"));
}
