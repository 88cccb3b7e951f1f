//! The review cycle through the real binary: approval dates from the rule, översyn utan
//! ändringar, the rule as organisation data and the queue.

mod common;

use common::{infoklass, ok};

use std::path::Path;

use infoklass_core::review::add_months;

fn show(db: &str) -> serde_json::Value {
    serde_json::from_str(&ok(infoklass(db, &["show", "Ekonomisystem", "--json"]))).unwrap()
}

#[test]
fn approve_review_and_follow_the_queue_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/ekonomisystem.toml");
    ok(infoklass(&db, &["new", &example.display().to_string()]));

    // A chosen date needs a reason (clap refuses the flag alone).
    let alone = infoklass(&db, &["approve", "Ekonomisystem", "--next-review", "2099-01-01"]);
    assert!(!alone.status.success());

    let said = ok(infoklass(&db, &["approve", "Ekonomisystem"]));
    let object = &show(&db)["object"];
    let day = object["meta"]["classification_date"].as_str().unwrap().to_string();
    // K2 R3 T2 S2: level 3 gives the shorter interval of the shipped rule, 12 months.
    let next = add_months(&day, 12).unwrap();
    assert_eq!(object["meta"]["next_review"], next.as_str());
    assert!(said.contains(&format!("nästa översyn {next}")), "{said}");

    let said = ok(infoklass(&db, &["review", "Ekonomisystem", "--comment", "Inga ändringar i verksamheten"]));
    assert!(said.starts_with("Översyn utan ändringar"), "{said}");
    let shown = show(&db);
    assert_eq!(shown["object"]["current"]["version"], 2);
    assert_eq!(shown["object"]["current"]["status"], "faststalld");
    assert_eq!(shown["history"][0]["action"], "review_unchanged");

    let bad = infoklass(&db, &["review-rule", "--months", "0"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("[REVIEW_RULE_INTERVAL]"));
    let rule: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["review-rule", "--months", "36", "--high-months", "18", "--json"])))
            .unwrap();
    assert_eq!(
        (rule["months"].as_u64(), rule["high_months"].as_u64(), rule["high_level"].as_u64()),
        (Some(36), Some(18), Some(3))
    );

    // Due in 12 months: not within 90 days, but within 400.
    let soon: serde_json::Value = serde_json::from_str(&ok(infoklass(&db, &["reviews", "--json"]))).unwrap();
    assert_eq!(soon.as_array().unwrap().len(), 0);
    let year: serde_json::Value =
        serde_json::from_str(&ok(infoklass(&db, &["reviews", "--due-within", "400", "--json"]))).unwrap();
    assert_eq!(year[0]["name"], "Ekonomisystem");
    assert_eq!(year[0]["approved_version"], 2);
    let days = year[0]["days_left"].as_i64().unwrap();
    assert!((360..=366).contains(&days), "{days}");

    let csv = dir.path().join("översyner.csv");
    ok(infoklass(&db, &["reviews", "--due-within", "400", "--csv", &csv.display().to_string()]));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}Förvaltning/enhet;Informationsägare;Objekt;Nästa översyn;Dagar kvar"), "{text}");
    assert!(text.contains(&format!(";Ekonomisystem;{next};{days};2;")), "{text}");
}
