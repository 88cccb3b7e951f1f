//! Dependencies and decommissioning through the real `infoklass` binary.

mod common;

use common::{example, infoklass, stdout};

use std::process::Output;

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap()
}

fn refused(o: &Output, code: &str) {
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.trim_end().ends_with(&format!("[{code}]")), "{err}");
}

#[test]
fn a_dependency_suggests_levels_that_are_accepted_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    let platform = dir.path().join("plattform.toml");
    std::fs::write(
        &platform,
        "[object]\nname = \"Serverplattform\"\nkind = \"system\"\ninformation_owner = \"IT-chef\"\n\
         [[sets]]\nname = \"Drift\"\nlevels = { K = 1, R = 1, T = 1, S = 1 }\n\
         motivations = { K = \"a\", R = \"b\", T = \"c\", S = \"d\" }\n",
    )
    .unwrap();
    stdout(&infoklass(&db, &["new", &example()]));
    stdout(&infoklass(&db, &["approve", "Ekonomisystem"]));
    stdout(&infoklass(&db, &["new", &platform.display().to_string()]));
    stdout(&infoklass(&db, &["deps", "add", "Ekonomisystem", "--on", "Serverplattform", "--kind", "runs_on"]));
    refused(
        &infoklass(&db, &["deps", "add", "Ekonomisystem", "--on", "Serverplattform", "--kind", "runs_on"]),
        "DEPENDENCY_EXISTS",
    );
    assert!(!infoklass(&db, &["deps", "add", "Ekonomisystem", "--on", "Serverplattform", "--kind", "hosts"])
        .status
        .success());

    let listed = json(&infoklass(&db, &["deps", "list", "Serverplattform", "--json"]));
    assert_eq!(listed["depended_on_by"][0]["name"], "Ekonomisystem");
    let got: Vec<(String, u64, String)> = listed["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["aspect"].as_str().unwrap().into(),
                s["min_level"].as_u64().unwrap(),
                s["state"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("K".into(), 2, "pending".into()), ("R".into(), 3, "pending".into()), ("T".into(), 2, "pending".into())]
    );
    let text = stdout(&infoklass(&db, &["deps", "list", "Serverplattform"]));
    assert!(text.contains("Förslag R ≥ 3 från beroende: Ekonomisystem R3 (körs på)"), "{text}");

    stdout(&infoklass(
        &db,
        &["deps", "decide", "Serverplattform", "--from", "Ekonomisystem", "--aspect", "R", "--accept"],
    ));
    refused(
        &infoklass(
            &db,
            &["deps", "decide", "Serverplattform", "--from", "Ekonomisystem", "--aspect", "K", "--decline"],
        ),
        "REASON_REQUIRED",
    );
    let shown = json(&infoklass(&db, &["show", "Serverplattform", "--json"]));
    assert_eq!(shown["object"]["current"]["profile"]["text"], "K1 R3 T1 S1");
    assert_eq!(shown["dependencies"]["depended_on_by"][0]["kind"], "runs_on");
    assert_eq!(shown["dependencies"]["suggestions"][1]["state"], "accepted");

    stdout(&infoklass(&db, &["deps", "remove", "Ekonomisystem", "--on", "Serverplattform", "--kind", "runs_on"]));
    refused(
        &infoklass(&db, &["deps", "remove", "Ekonomisystem", "--on", "Serverplattform", "--kind", "runs_on"]),
        "NOT_FOUND",
    );
}

#[test]
fn an_approved_object_is_decommissioned_and_leaves_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite").display().to_string();
    stdout(&infoklass(&db, &["new", &example()]));
    stdout(&infoklass(&db, &["approve", "Ekonomisystem"]));
    refused(&infoklass(&db, &["delete", "Ekonomisystem"]), "OBJECT_HAS_APPROVED");
    refused(
        &infoklass(&db, &["decommission", "Ekonomisystem", "--reason", "x", "--date", "2026-13-01"]),
        "INVALID_INPUT",
    );
    let out = stdout(&infoklass(
        &db,
        &["decommission", "Ekonomisystem", "--reason", "Ersatt av nytt system", "--date", "2026-02-01"],
    ));
    assert!(out.contains("Avvecklat"), "{out}");
    assert_eq!(json(&infoklass(&db, &["objects", "--json"]))["items"].as_array().unwrap().len(), 0);
    let all = json(&infoklass(&db, &["objects", "--json", "--all"]));
    assert_eq!(all["items"][0]["decommissioned_on"], "2026-02-01");
    let shown = json(&infoklass(&db, &["show", "Ekonomisystem", "--json"]));
    assert_eq!(shown["object"]["decommissioned"]["reason"], "Ersatt av nytt system");
    refused(&infoklass(&db, &["approve", "Ekonomisystem"]), "OBJECT_DECOMMISSIONED");
}
