mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::risk::{Risk, ThreatCatalog};
use infoklass_core::Aspect;
use infoklass_store::{RiskInput, Store, ThreatInput};

fn audit_count(store: &Store, entity_id: &str) -> i64 {
    store
        .connection()
        .query_row("SELECT COUNT(*) FROM audit WHERE entity = 'threat' AND entity_id = ?1", [entity_id], |r| r.get(0))
        .unwrap()
}

fn own_threat() -> ThreatInput {
    ThreatInput {
        origin: "administration".into(),
        name_sv: "  Nyckelperson slutar utan överlämning ".into(),
        description_sv: "Den enda som kan systemet slutar.".into(),
        aspects: vec![Aspect::T, Aspect::R, Aspect::T],
        ..Default::default()
    }
}

#[test]
fn an_added_threat_gets_the_next_number_and_is_audited() {
    let (_dir, mut store) = temp_store();
    let shipped = ThreatCatalog::default_catalog().threats.len();
    let t = store.save_threat(&ctx(), &own_threat()).unwrap();
    assert_eq!(t.key, format!("HOT-{:02}", shipped + 1));
    assert_eq!(t.name_sv, "Nyckelperson slutar utan överlämning", "trimmed");
    assert_eq!(t.aspects, [Aspect::R, Aspect::T], "sorted, once each");
    let list = store.threats().unwrap();
    assert_eq!(list.threats.last().unwrap().threat, t, "added last");
    assert_eq!(audit_count(&store, &t.key), 1);

    let changed = store
        .save_threat(
            &ctx(),
            &ThreatInput { key: Some(t.key.clone()), name_en: "Key person leaves".into(), ..own_threat() },
        )
        .unwrap();
    assert_eq!(changed.name_en, "Key person leaves");
    store
        .save_threat(
            &ctx(),
            &ThreatInput { key: Some(t.key.clone()), name_en: "Key person leaves".into(), ..own_threat() },
        )
        .unwrap();
    assert_eq!(audit_count(&store, &t.key), 2, "saving without a change writes nothing");
}

#[test]
fn a_bad_threat_is_refused_with_its_code_and_nothing_is_written() {
    let (_dir, mut store) = temp_store();
    let before = store.threats().unwrap();
    let code = |store: &mut Store, input: ThreatInput| store.save_threat(&ctx(), &input).unwrap_err().code();
    assert_eq!(code(&mut store, ThreatInput { origin: "rymden".into(), ..own_threat() }), "THREAT_ORIGIN_UNKNOWN");
    assert_eq!(code(&mut store, ThreatInput { name_sv: " ".into(), ..own_threat() }), "THREAT_NAME_MISSING");
    assert_eq!(code(&mut store, ThreatInput { aspects: vec![], ..own_threat() }), "THREAT_ASPECTS_MISSING");
    assert_eq!(code(&mut store, ThreatInput { key: Some("HOT-999".into()), ..own_threat() }), "NOT_FOUND");
    assert_eq!(store.threats().unwrap(), before);
}

#[test]
fn a_retired_threat_still_names_its_risks() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Ärendesystem", vec![set("Ärenden", 2, 2, 2, 1)])).unwrap();
    let risk = Risk {
        threat_key: Some("HOT-01".into()),
        event: "Nätfiske".into(),
        aspects: vec![Aspect::K],
        probability: 2,
        consequence: 3,
        ..Default::default()
    };
    store.save_risk(&ctx(), &id, &RiskInput { risk, new_actions: vec![] }).unwrap();
    assert_eq!(store.threats().unwrap().threats.iter().find(|e| e.threat.key == "HOT-01").unwrap().used_in, 1);

    let t = store.set_threat_retired(&ctx(), "HOT-01", true).unwrap();
    assert!(t.retired);
    let view = store.risk_analysis(&id).unwrap();
    assert!(view.threats.iter().any(|t| t.key == "HOT-01" && t.retired));
    assert_eq!(view.risks[0].threat_name.as_deref(), Some(t.name_sv.as_str()));
    assert!(!store.set_threat_retired(&ctx(), "HOT-01", false).unwrap().retired);
    assert_eq!(audit_count(&store, "HOT-01"), 2);
}

#[test]
fn a_catalogue_file_round_trips_and_replaces_the_list() {
    let (_dir, mut store) = temp_store();
    let file = store.threat_catalog_file("2026-03-01").unwrap();
    let text = file.to_toml();
    let again = ThreatCatalog::from_toml(&text).unwrap();
    let report = store.import_threats(&ctx(), &again, false).unwrap();
    assert!(report.created.is_empty() && report.updated.is_empty() && report.retired.is_empty());
    assert_eq!(report.unchanged as usize, file.threats.len());

    // The organisation's own version: one changed, one new, one left out, order reversed.
    let mut edited = again.clone();
    edited.threats.reverse();
    let dropped = edited.threats.remove(0).key;
    edited.threats[0].name_sv = "Ändrat namn".into();
    let changed = edited.threats[0].key.clone();
    let mut new = edited.threats[1].clone();
    new.key = "EGEN-01".into();
    edited.threats.push(new);

    let before = store.threats().unwrap();
    let dry = store.import_threats(&ctx(), &edited, true).unwrap();
    assert_eq!(store.threats().unwrap(), before, "a dry run writes nothing");
    let done = store.import_threats(&ctx(), &edited, false).unwrap();
    assert_eq!(dry, done);
    assert_eq!(
        (done.created, done.updated, done.retired),
        (vec!["EGEN-01".to_string()], vec![changed.clone()], vec![dropped.clone()])
    );

    let after = store.threats().unwrap();
    let keys: Vec<&str> = after.threats.iter().map(|e| e.threat.key.as_str()).collect();
    assert_eq!(keys[0], changed, "the file's order");
    assert_eq!(*keys.last().unwrap(), dropped, "what only the database has comes last");
    assert!(after.threats.last().unwrap().threat.retired);
}

#[test]
fn a_bad_file_changes_nothing() {
    let (_dir, mut store) = temp_store();
    let mut file = store.threat_catalog_file("x").unwrap();
    file.threats[0].name_sv = "Ändrat".into();
    file.threats[5].origin = "okänt".into();
    let before = store.threats().unwrap();
    assert_eq!(store.import_threats(&ctx(), &file, false).unwrap_err().code(), "THREAT_ORIGIN_UNKNOWN");
    assert_eq!(store.threats().unwrap(), before);
}
