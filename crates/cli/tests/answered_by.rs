//! Who answers what, hand-overs and the action plan export through the real binary.

mod common;

use common::{infoklass, ok};

fn json(db: &str, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(infoklass(db, args))).unwrap()
}

#[test]
fn filter_hand_over_and_export_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite").display().to_string();
    let file = dir.path().join("elev.toml");
    let m = "motivations = { K = \"m\", R = \"m\", T = \"m\", S = \"m\" }";
    std::fs::write(
        &file,
        format!(
            "[object]\nname = \"Elev\"\n[[sets]]\nname = \"Betyg\"\nlevels = {{ K = 3, R = 2, T = 2, S = 2 }}\n{m}\n"
        ),
    )
    .unwrap();
    ok(infoklass(&db, &["new", file.to_str().unwrap()]));

    let all = json(&db, &["requirements", "Elev", "--json"])["items"].as_array().unwrap().len();
    let it = json(&db, &["requirements", "Elev", "--json", "--answered-by", "it"]);
    let it_items = it["items"].as_array().unwrap();
    assert!(!it_items.is_empty() && it_items.len() < all);
    assert!(it_items.iter().all(|i| i["answered_by"] == "it"));
    let refused = infoklass(&db, &["requirements", "Elev", "--answered-by", "chefen"]);
    assert!(!refused.status.success());

    let said = ok(infoklass(&db, &["handover", "Elev", "--to", "it", "--all", "--name", "Per Persson"]));
    assert!(said.starts_with(&format!("{} krav lämnade till Per Persson", it_items.len())), "{said}");
    let key = it_items[0]["key"].as_str().unwrap();
    let text = ok(infoklass(&db, &["requirements", "Elev", "--answered-by", "it"]));
    assert!(text.contains("lämnad till Per Persson") && text.contains("väntar"), "{text}");
    ok(infoklass(&db, &["assess", "Elev", key, "vet_ej"]));
    let view = json(&db, &["requirements", "Elev", "--json"]);
    let item = view["items"].as_array().unwrap().iter().find(|i| i["key"] == key).unwrap().clone();
    assert_eq!(item["handover"]["answered_by"], "testare");
    let bad = infoklass(&db, &["handover", "Elev", key, "--to", "verksamhet", "--name", "Anna"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("[HANDOVER_BAD_TARGET]"));
    assert_eq!(
        ok(infoklass(&db, &["handover", "Elev", key, "--take-back"])).trim(),
        "1 krav tillbaka hos verksamheten"
    );

    let plan = json(&db, &["actions", "Elev", "--json"]);
    assert_eq!(plan[0]["measure"], format!("Utred: {}", item["title_sv"].as_str().unwrap()));
    assert_eq!(plan[0]["priority"], "medel");
    let xlsx = dir.path().join("plan.xlsx");
    assert!(ok(infoklass(&db, &["actions", "Elev", "--out", xlsx.to_str().unwrap()])).starts_with("1 åtgärder"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let csv = dir.path().join("plan.csv");
    ok(infoklass(&db, &["actions", "Elev", "--out", csv.to_str().unwrap()]));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("Utred: ") && text.contains(";Medel;"), "{text}");
}
