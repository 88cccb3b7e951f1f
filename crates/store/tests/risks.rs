mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::risk::{Risk, Treatment};
use infoklass_core::Aspect;
use infoklass_store::{AnalysisInput, RiskInput, Store};

fn risk(threat: &str, event: &str, aspects: Vec<Aspect>, p: u8, c: u8) -> Risk {
    Risk {
        threat_key: Some(threat.into()),
        event: event.into(),
        aspects,
        probability: p,
        consequence: c,
        ..Default::default()
    }
}

fn setup() -> (tempfile::TempDir, Store, String) {
    let (dir, mut store) = temp_store();
    let mut s = set("Ärenden", 3, 2, 2, 1);
    s.levels.s = Some(1);
    let id = store.create_object(&ctx(), &new_object("Ärendesystem", vec![s])).unwrap();
    (dir, store, id)
}

#[test]
fn the_linked_analysis_from_the_issue() {
    let (_dir, mut store, id) = setup();
    let view = store.risk_analysis(&id).unwrap();
    assert!(view.analysis.is_none());
    assert!(!view.threats.is_empty());
    let threat = view.threats[0].key.clone();
    store
        .save_risk_analysis(
            &ctx(),
            &id,
            &AnalysisInput {
                purpose: "Årlig riskanalys".into(),
                risk_owner: "Förvaltningschef".into(),
                in_scope: vec![threat.clone()],
                ..Default::default()
            },
        )
        .unwrap();
    // Consequence from the classification: K3 → 4, R2 → 3, T2 → 3.
    let k = store
        .save_risk(
            &ctx(),
            &id,
            &RiskInput { risk: risk(&threat, "Nätfiske", vec![Aspect::K], 3, 4), new_actions: vec![] },
        )
        .unwrap();
    let t = store
        .save_risk(
            &ctx(),
            &id,
            &RiskInput { risk: risk(&threat, "Driftavbrott", vec![Aspect::T], 2, 3), new_actions: vec![] },
        )
        .unwrap();
    let unmotivated = store.save_risk(
        &ctx(),
        &id,
        &RiskInput { risk: risk(&threat, "Felinmatning", vec![Aspect::R], 1, 2), new_actions: vec![] },
    );
    assert_eq!(unmotivated.unwrap_err().code(), "BAD_RISK", "R2 gives consequence 3; 2 needs a motivation");
    let mut manual = risk(&threat, "Felinmatning", vec![Aspect::R], 1, 2);
    manual.consequence_motivation = "Felen upptäcks direkt vid attest".into();
    let low = store.save_risk(&ctx(), &id, &RiskInput { risk: manual, new_actions: vec![] }).unwrap();

    // Treat the K risk: a requirement and a new action.
    let key = store.catalog().requirements[0].key.clone();
    let mut treated = store.risk_analysis(&id).unwrap().risks.into_iter().find(|r| r.risk.id == k).unwrap().risk;
    treated.treatment = Some(Treatment::Reducera);
    treated.treatment_motivation = "Utbildning och tvåfaktorsinloggning".into();
    treated.requirement_keys = vec![key];
    treated.residual_probability = Some(1);
    treated.residual_consequence = Some(4);
    store
        .save_risk(&ctx(), &id, &RiskInput { risk: treated, new_actions: vec!["Genomför nätfiskeövning".into()] })
        .unwrap();
    let plan = store.action_plan(&id, "2026-03-01").unwrap();
    assert_eq!(plan[0].measure, "Genomför nätfiskeövning");

    // Acceptance by role: Låg (1×2) by the risk owner; Medel (2×3) not by the risk owner.
    store.accept_risk(&ctx(), &id, &low, "riskagare", "Förvaltningschef").unwrap();
    assert_eq!(store.accept_risk(&ctx(), &id, &t, "riskagare", "X").unwrap_err().code(), "ACCEPTANCE_NOT_ALLOWED");

    let view = store.risk_analysis(&id).unwrap();
    let values: Vec<u8> = view.risks.iter().map(|r| r.value).collect();
    assert_eq!(values, [12, 6, 2], "highest value first");
    assert_eq!(view.risks[0].band, "hog");
    assert_eq!((view.risks[0].residual_value, view.risks[0].residual_band.as_deref()), (Some(4), Some("medel")));
    assert_eq!(view.inherent[2][3], vec![k.clone()], "P3 × C4 before treatment");
    assert_eq!(view.residual[0][3], vec![k.clone()], "P1 × C4 after");
    assert!(view.risks[2].risk.acceptance.is_some());
    assert!(view.risks.iter().all(|r| r.needs_review.is_none()));

    // Raising T to 3 flags the T risk whose consequence came from the classification.
    let mut content = store.get_object(&id, "2026-03-01").unwrap().current.content;
    content.sets[0].levels.t = Some(3);
    store.save_draft(&ctx(), &id, &content).unwrap();
    let view = store.risk_analysis(&id).unwrap();
    let flagged: Vec<(&str, u8, u8)> = view
        .risks
        .iter()
        .filter_map(|r| r.needs_review.as_ref().map(|f| (r.risk.event.as_str(), f.old, f.new)))
        .collect();
    assert_eq!(flagged, [("Driftavbrott", 3, 4)], "only the T risk, not the manual R risk");
    let history: Vec<String> = store.history(&id).unwrap().into_iter().map(|h| h.entity).collect();
    assert!(history.iter().any(|e| e == "risk") && history.iter().any(|e| e == "risk_analysis"));
}

#[test]
fn bad_risks_are_refused_and_nothing_is_saved() {
    let (_dir, mut store, id) = setup();
    let mut r = risk("HOT-01", "Nätfiske", vec![Aspect::K], 5, 4);
    r.treatment = Some(Treatment::Acceptera);
    let err = store.save_risk(&ctx(), &id, &RiskInput { risk: r, new_actions: vec!["Åtgärd".into()] }).unwrap_err();
    assert_eq!(err.code(), "BAD_RISK");
    assert_eq!(
        err.to_body().details.unwrap(),
        serde_json::json!(["PROBABILITY_OUT_OF_MATRIX", "TREATMENT_NEEDS_MOTIVATION"])
    );
    assert!(store.action_plan(&id, "2026-03-01").unwrap().is_empty(), "no action was created");
    let view = store.risk_analysis(&id).unwrap();
    assert!(view.risks.is_empty());
}

#[test]
fn an_acceptance_lapses_when_the_risk_changes() {
    let (_dir, mut store, id) = setup();
    let mut r = risk("HOT-01", "Mindre fel", vec![Aspect::S], 2, 2);
    r.consequence_motivation = String::new();
    let rid = store.save_risk(&ctx(), &id, &RiskInput { risk: r, new_actions: vec![] }).unwrap();
    store.accept_risk(&ctx(), &id, &rid, "informationsagare", "Chef").unwrap();
    let mut again = store.risk_analysis(&id).unwrap().risks[0].risk.clone();
    again.cause = "Ny orsak".into();
    store.save_risk(&ctx(), &id, &RiskInput { risk: again.clone(), new_actions: vec![] }).unwrap();
    assert!(store.risk_analysis(&id).unwrap().risks[0].risk.acceptance.is_some(), "same value: still accepted");
    again.probability = 3;
    again.consequence_motivation = String::new();
    store.save_risk(&ctx(), &id, &RiskInput { risk: again, new_actions: vec![] }).unwrap();
    assert!(store.risk_analysis(&id).unwrap().risks[0].risk.acceptance.is_none(), "a larger risk needs a new decision");
}

fn count(store: &Store, table: &str) -> i64 {
    store.connection().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_batch_with_one_bad_risk_stores_nothing_not_even_the_analysis() {
    let (_dir, mut store, id) = setup();
    let audit_before = count(&store, "audit");
    let good = |event: &str| RiskInput {
        risk: risk("HOT-01", event, vec![Aspect::K], 2, 4),
        new_actions: vec!["Åtgärd".into()],
    };
    let bad = RiskInput { risk: risk("HOT-01", "Trasig", vec![Aspect::K], 9, 4), new_actions: vec![] };
    let err = store.save_risks(&ctx(), &id, &[good("Ett"), good("Två"), bad]).unwrap_err();
    assert_eq!(err.code(), "BAD_RISK");
    assert!(err.to_string().starts_with("risk 3: "), "{err}");
    assert_eq!(err.to_body().details.unwrap(), serde_json::json!(["PROBABILITY_OUT_OF_MATRIX"]));
    for table in ["risks", "risk_analyses", "actions"] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
    assert_eq!(count(&store, "audit"), audit_before, "no audit row either");
    assert_eq!(store.save_risks(&ctx(), &id, &[good("Ett"), good("Två")]).unwrap().len(), 2);
    assert_eq!((count(&store, "risks"), count(&store, "risk_analyses")), (2, 1));
}

#[test]
fn unknown_threats_and_sets_are_refused_by_name() {
    let (_dir, mut store, id) = setup();
    let unknown_threat = risk("NOPE-99", "Något", vec![Aspect::K], 2, 4);
    let err = store.save_risk(&ctx(), &id, &RiskInput { risk: unknown_threat, new_actions: vec![] }).unwrap_err();
    assert_eq!((err.code().as_str(), err.to_string().contains("\"NOPE-99\"")), ("RISK_THREAT_UNKNOWN", true), "{err}");
    let mut unknown_set = risk("HOT-01", "Något", vec![Aspect::K], 2, 4);
    unknown_set.set_ids = vec!["nope".into()];
    let err = store.save_risk(&ctx(), &id, &RiskInput { risk: unknown_set, new_actions: vec![] }).unwrap_err();
    assert_eq!((err.code().as_str(), err.to_string().contains("\"nope\"")), ("RISK_SET_UNKNOWN", true), "{err}");
    assert_eq!(count(&store, "risks"), 0);

    // A set removed since the risk was saved is let go, not refused.
    let set_id = store.get_object(&id, "2026-03-01").unwrap().current.content.sets[0].id.clone();
    let mut named = risk("HOT-01", "Läcka", vec![Aspect::K], 2, 4);
    named.set_ids = vec![set_id];
    store.save_risk(&ctx(), &id, &RiskInput { risk: named, new_actions: vec![] }).unwrap();
    let mut content = store.get_object(&id, "2026-03-01").unwrap().current.content;
    content.sets = vec![common::set("Annat", 3, 1, 1, 1)];
    store.save_draft(&ctx(), &id, &content).unwrap();
    let mut again = store.risk_analysis(&id).unwrap().risks[0].risk.clone();
    again.cause = "Ny orsak".into();
    store.save_risk(&ctx(), &id, &RiskInput { risk: again, new_actions: vec![] }).unwrap();
    assert!(store.risk_analysis(&id).unwrap().risks[0].risk.set_ids.is_empty());

    // A retired threat starts no new risk.
    store.set_threat_retired(&ctx(), "HOT-02", true).unwrap();
    let retired = risk("HOT-02", "Gammalt", vec![Aspect::K], 2, 4);
    assert_eq!(
        store.save_risk(&ctx(), &id, &RiskInput { risk: retired, new_actions: vec![] }).unwrap_err().code(),
        "RISK_THREAT_UNKNOWN"
    );
}

#[test]
fn a_risk_text_longer_than_a_cell_is_refused() {
    let (_dir, mut store, id) = setup();
    let mut r = risk("HOT-01", "Läcka", vec![Aspect::K], 2, 4);
    r.cause = "x".repeat(40_000);
    let err = store.save_risk(&ctx(), &id, &RiskInput { risk: r, new_actions: vec![] }).unwrap_err();
    assert_eq!(err.code(), "TEXT_TOO_LONG");
    assert!(err.to_string().contains("the risk's cause has 40000 characters; at most 32767"), "{err}");
}
