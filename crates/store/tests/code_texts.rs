//! Every code the backend can send has a Swedish and an English text in the UI's tables
//! (ui/src/lib/i18n/{sv,en}*.ts), under the key the UI looks it up by.

use std::collections::HashSet;
use std::path::PathBuf;

use infoklass_core::{ErrorCode, IssueCode, RiskIssueCode};

/// The keys of one language: every `'key':` at the start of a line of sv.ts, sv-*.ts (or en).
fn keys(lang: &str) -> HashSet<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/i18n");
    let mut out = HashSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != format!("{lang}.ts") && !(name.starts_with(&format!("{lang}-")) && name.ends_with(".ts")) {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let line = line.trim_start();
            if let Some(rest) = line.strip_prefix('\'') {
                if let Some((key, after)) = rest.split_once('\'') {
                    if after.starts_with(':') {
                        out.insert(key.to_string());
                    }
                }
            }
        }
    }
    assert!(out.len() > 100, "no texts found for {lang} in {}", dir.display());
    out
}

fn missing(prefix: &str, codes: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for lang in ["sv", "en"] {
        let have = keys(lang);
        for code in codes {
            let key = format!("{prefix}.{code}");
            if !have.contains(&key) {
                out.push(format!("{lang}: {key}"));
            }
        }
    }
    out
}

#[test]
fn every_error_code_has_a_swedish_and_an_english_text() {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let gaps = missing("error", &codes);
    assert!(gaps.is_empty(), "error codes without a text: {gaps:?}");
}

#[test]
fn every_approval_issue_code_has_a_swedish_and_an_english_text() {
    let codes: Vec<&str> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
    let gaps = missing("issue", &codes);
    assert!(gaps.is_empty(), "approval issue codes without a text: {gaps:?}");
}

#[test]
fn every_risk_issue_code_has_a_swedish_and_an_english_text() {
    let codes: Vec<&str> = RiskIssueCode::ALL.iter().map(|c| c.as_str()).collect();
    let gaps = missing("riskIssue", &codes);
    assert!(gaps.is_empty(), "risk issue codes without a text: {gaps:?}");
}

#[test]
fn a_missing_text_is_named() {
    let gaps = missing("error", &["NO_SUCH_CODE"]);
    assert_eq!(gaps, vec!["sv: error.NO_SUCH_CODE", "en: error.NO_SUCH_CODE"]);
}
