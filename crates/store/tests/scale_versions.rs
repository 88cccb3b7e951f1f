//! Scale 1.2.0 (consequence criteria, outage times) and matrix 2026.2 (top management may
//! accept the top band, named by the organisation): stored by version, so classifications and
//! analyses keep what they were made under, and acceptances record the role's name.

mod common;

use common::{ctx, new_object, set, temp_file_store, temp_store};
use infoklass_core::risk::matrix::{RiskMatrix, TOP_MANAGEMENT_ROLE};
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, Scale};
use infoklass_store::{AnalysisInput, RiskInput, Store};

fn analysed_object(store: &mut Store, name: &str) -> String {
    let id = store.create_object(&ctx(), &new_object(name, vec![set("Journal", 3, 2, 2, 1)])).unwrap();
    let input = AnalysisInput { purpose: "Årlig".into(), risk_owner: "Chef".into(), ..Default::default() };
    store.save_risk_analysis(&ctx(), &id, &input).unwrap();
    id
}

/// K3 gives consequence 4, so probability 4 lands in the top band (16), probability 1 in Medel.
fn add_risk(store: &mut Store, id: &str, event: &str, probability: u8) -> String {
    let risk =
        Risk { event: event.into(), aspects: vec![Aspect::K], probability, consequence: 4, ..Default::default() };
    store.save_risk(&ctx(), id, &RiskInput { risk, new_actions: vec![] }).unwrap()
}

#[test]
fn the_top_band_is_accepted_by_the_role_the_organisation_names_and_the_name_is_recorded() {
    let (_dir, mut store) = temp_store();
    assert_eq!(store.top_risk_role().unwrap(), None);
    assert_eq!(store.set_top_risk_role(&ctx(), "   ").unwrap_err().code(), "INVALID_INPUT");
    store.set_top_risk_role(&ctx(), " Regiondirektör ").unwrap();
    assert_eq!(store.top_risk_role().unwrap().as_deref(), Some("Regiondirektör"));

    let id = analysed_object(&mut store, "Journalsystem");
    let extreme = add_risk(&mut store, &id, "Intrång i journalen", 4);
    let medium = add_risk(&mut store, &id, "Felsänd remiss", 1);
    let view = store.risk_analysis(&id).unwrap();
    let roles = |rid: &str| view.risks.iter().find(|r| r.risk.id == rid).unwrap().accept_roles.clone();
    assert_eq!(roles(&extreme), vec![TOP_MANAGEMENT_ROLE.to_string()]);
    assert_eq!(view.matrix.role(TOP_MANAGEMENT_ROLE).unwrap().name_sv, "Regiondirektör");
    assert_eq!(view.matrix.consequence[3].criteria, Scale::default_scale().levels[3].criteria);

    let refused = store.accept_risk(&ctx(), &id, &extreme, "ledning", "Förvaltningschef").unwrap_err();
    assert_eq!(refused.code(), "ACCEPTANCE_NOT_ALLOWED");
    store.accept_risk(&ctx(), &id, &extreme, TOP_MANAGEMENT_ROLE, "Eva Ek").unwrap();
    // Below the top band the information owner accepts as before.
    store.accept_risk(&ctx(), &id, &medium, "informationsagare", "Per Pers").unwrap();

    store.set_top_risk_role(&ctx(), "Kommundirektör").unwrap();
    let view = store.risk_analysis(&id).unwrap();
    let acceptance = |rid: &str| view.risks.iter().find(|r| r.risk.id == rid).unwrap().risk.acceptance.clone().unwrap();
    let top = acceptance(&extreme);
    assert_eq!((top.role.as_str(), top.role_title.as_str()), (TOP_MANAGEMENT_ROLE, "Regiondirektör"), "kept as made");
    assert_eq!(acceptance(&medium).role_title, "Informationsägare");
    assert_eq!(view.matrix.role(TOP_MANAGEMENT_ROLE).unwrap().name_sv, "Kommundirektör");
}

/// A database from before scale 1.2.0 and matrix 2026.2: its classification and analysis name
/// the older versions, whose stored definitions lack the new fields.
#[test]
fn an_older_database_keeps_its_versions_and_gets_the_new_data() {
    let (dir, mut store) = temp_file_store();
    let old_id = analysed_object(&mut store, "Gammalt system");
    let old_risk = add_risk(&mut store, &old_id, "Intrång", 4);
    drop(store);
    let path = dir.path().join("infoklass.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut scale = serde_json::to_value(Scale::default_scale()).unwrap();
        scale["version"] = "1.1.0".into();
        scale.as_object_mut().unwrap().remove("outage");
        scale["levels"].as_array_mut().unwrap().iter_mut().for_each(|l| {
            l.as_object_mut().unwrap().remove("criteria");
        });
        let mut matrix = RiskMatrix::from_toml(infoklass_core::risk::matrix::DEFAULT_MATRIX_TOML).unwrap();
        matrix.version = "2026.1".into();
        matrix.roles.retain(|r| r.key != TOP_MANAGEMENT_ROLE);
        matrix.bands.last_mut().unwrap().accept_roles.clear();
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = OFF; DELETE FROM scales; INSERT INTO scales (id, version, definition) VALUES ('klassa4', '1.1.0', '{}');
             UPDATE classifications SET scale_version = '1.1.0';
             DELETE FROM risk_matrices; INSERT INTO risk_matrices (id, version, definition) VALUES ('{}', '2026.1', '{}');
             UPDATE risk_analyses SET matrix_version = '2026.1';",
            scale.to_string().replace('\'', "''"),
            matrix.id,
            serde_json::to_string(&matrix).unwrap().replace('\'', "''"),
        ))
        .unwrap();
    }
    let latest = infoklass_store::migrate::latest_version();
    let old = common::as_version(&path, latest);
    let mut store = Store::open(&old).unwrap();

    let before = store.get_object(&old_id, "2026-03-01").unwrap();
    assert_eq!(before.current.scale_version, "1.1.0", "the classification keeps its scale");
    assert_eq!(before.current.content.sets.len(), 1);
    let view = store.risk_analysis(&old_id).unwrap();
    assert_eq!(view.matrix.version, "2026.1", "the analysis keeps its matrix");
    assert!(view.matrix.consequence.iter().all(|c| c.criteria.is_empty()));
    assert!(view.risks.iter().all(|r| r.accept_roles.is_empty()), "its top band stays unacceptable");
    let refused = store.accept_risk(&ctx(), &old_id, &old_risk, TOP_MANAGEMENT_ROLE, "Eva").unwrap_err();
    assert_eq!(refused.code(), "ACCEPTANCE_NOT_ALLOWED");

    let new_id = analysed_object(&mut store, "Nytt system");
    let fresh = store.get_object(&new_id, "2026-03-01").unwrap();
    assert_eq!(fresh.current.scale_version, Scale::default_scale().version);
    assert_eq!(store.scale().outage.len(), 5);
    let view = store.risk_analysis(&new_id).unwrap();
    assert_eq!(view.matrix.version, RiskMatrix::default_matrix().version);
    assert_eq!(view.matrix.consequence[0].criteria.len(), 6);
}
