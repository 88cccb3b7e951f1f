//! The two reference workbooks give exactly what their `expected.json` says.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use infoklass_isak::{read_file, ImportProfile, Limits, ParsedWorkbook};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The parsed workbook in the shape of `expected.json`.
fn summary(wb: &ParsedWorkbook) -> Value {
    let mut status_counts: BTreeMap<String, u32> = BTreeMap::new();
    for r in &wb.legacy_requirements {
        let key = if r.status.is_empty() { "(blank)".to_string() } else { r.status.clone() };
        *status_counts.entry(key).or_default() += 1;
    }
    let profile = wb.profile();
    json!({
        "object": wb.object.name,
        "owner": wb.object.information_owner,
        "information_sets": wb.sets.iter().map(|s| json!({"name": s.name, "K": s.k, "R": s.r, "T": s.t})).collect::<Vec<_>>(),
        "profile": {"K": profile.k, "R": profile.r, "T": profile.t},
        "risks": wb.risks.iter().map(|r| json!({
            "threat": r.threat, "probability": r.probability, "consequence": r.consequence, "value": r.value
        })).collect::<Vec<_>>(),
        "legacy_requirements": wb.legacy_requirements.len(),
        "legacy_status_counts": status_counts,
        "must_fail": false,
    })
}

fn check(workbook: &str, expected: &str) -> ParsedWorkbook {
    let mut want: Value = serde_json::from_str(&std::fs::read_to_string(fixture(expected)).unwrap()).unwrap();
    let min_diagnostics = want.as_object_mut().unwrap().remove("min_diagnostics").unwrap();
    let wb = read_file(&fixture(workbook), &ImportProfile::default(), &Limits::default()).unwrap();
    assert_eq!(summary(&wb), want, "{workbook}");
    assert!(wb.diagnostics.len() as u64 >= min_diagnostics.as_u64().unwrap());
    assert!(!wb.has_errors(), "{:#?}", wb.diagnostics);
    wb
}

#[test]
fn journalsystem_xlsx_matches_expected() {
    let wb = check("journalsystem.xlsx", "journalsystem.expected.json");
    assert_eq!(wb.format, "xlsx");
    assert_eq!(wb.sha256, "0ff053dc328dda3c3745e96ff72c2fd17af4f535e6f5df9cfc217b1f214e52a5");
    assert_eq!(wb.object.date.as_deref(), Some("2019-03-12"));
    assert_eq!(wb.object.next_review.as_deref(), Some("2021-03-12"));
    assert_eq!(wb.object.participants, ["Anna Berg", "Karim Said", "Lena Öst"]);
    assert_eq!(wb.object.system_owner.as_deref(), Some("Chef Vårdsystem"));
    // The title, the "Högsta nivå" row and the legend are known, not leftovers.
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert_eq!(wb.risks[0].due.as_deref(), Some("2019-12-31"));
}

#[test]
fn ekonomisystem_xls_matches_expected() {
    let wb = check("ekonomisystem.xls", "ekonomisystem.expected.json");
    assert_eq!(wb.format, "xls");
    assert_eq!(wb.sha256, "0f3fc8d8b21ebb2c61ea9e860824565775e7b65573496cb55439652ad7336a25");
    assert_eq!(wb.object.date.as_deref(), Some("2017-11-02"));
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}

#[test]
fn the_result_survives_a_json_round_trip() {
    let wb = read_file(&fixture("journalsystem.xlsx"), &ImportProfile::default(), &Limits::default()).unwrap();
    let back: ParsedWorkbook = serde_json::from_str(&serde_json::to_string(&wb).unwrap()).unwrap();
    assert_eq!(back, wb);
}

#[test]
fn the_types_export_to_typescript() {
    use ts_rs::{Config, TS};
    let dir = tempfile::tempdir().unwrap();
    let cfg = Config::new().with_out_dir(dir.path());
    ParsedWorkbook::export_all(&cfg).unwrap();
    ImportProfile::export_all(&cfg).unwrap();
    Limits::export_all(&cfg).unwrap();
    let ts = std::fs::read_to_string(dir.path().join("ParsedWorkbook.ts")).unwrap();
    assert!(ts.contains("unknown_words: Array<string>"), "{ts}");
    let severity = std::fs::read_to_string(dir.path().join("Severity.ts")).unwrap();
    assert!(severity.contains("\"error\" | \"warning\" | \"info\""), "{severity}");
}
