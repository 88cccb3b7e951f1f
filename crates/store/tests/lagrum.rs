//! The lagrum catalogue in the store: organisation-wide lagrum, imported requirement
//! catalogues checked against it, its file, and the migration of the five built-in lagrum.

mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::lagrum::{LagrumCatalog, LagrumDef, LagrumScope};
use infoklass_core::requirements::Catalog;
use infoklass_core::{LagrumDecision, LagrumStatus};
use infoklass_store::{Store, StoreError};
use rusqlite::Connection;

fn keys(store: &Store, id: &str) -> Vec<String> {
    store.requirements(id).unwrap().items.into_iter().map(|i| i.key).collect()
}

#[test]
fn an_organisation_wide_lagrum_brings_its_requirements_to_every_object() {
    let (_dir, mut store) = temp_store();
    let a = store.create_object(&ctx(), &new_object("Ekonomi", vec![set("Fakturor", 1, 1, 1, 1)])).unwrap();
    let b = store.create_object(&ctx(), &new_object("Webb", vec![set("Sidor", 0, 1, 2, 0)])).unwrap();
    store.approve(&ctx(), &b, "Kommunikationschef").unwrap();
    for id in [&a, &b] {
        assert!(!keys(&store, id).contains(&"INC-06".to_string()), "not covered yet");
    }
    let chosen = store.set_org_lagrum(&ctx(), &["cybersakerhetslagen_viktig".into()]).unwrap();
    assert_eq!(chosen, ["cybersakerhetslagen_viktig"]);
    for id in [&a, &b] {
        assert!(keys(&store, id).contains(&"INC-06".to_string()), "incident reporting applies to {id}");
    }
    // KON-07 needs T ≥ 2 as well as the organisation being covered.
    assert!(keys(&store, &b).contains(&"KON-07".to_string()));
    assert!(!keys(&store, &a).contains(&"KON-07".to_string()));
    let list = store.lagrum_list().unwrap();
    let viktig = list.entries.iter().find(|e| e.lagrum.key == "cybersakerhetslagen_viktig").unwrap();
    assert!(viktig.chosen && viktig.requirements.contains(&"INC-06".to_string()), "{viktig:?}");

    store.set_org_lagrum(&ctx(), &[]).unwrap();
    assert!(!keys(&store, &a).contains(&"INC-06".to_string()), "ingen: nothing organisation-wide");
}

#[test]
fn organisation_wide_choices_are_checked_with_a_code() {
    let (_dir, mut store) = temp_store();
    let code = |r: Result<Vec<String>, StoreError>| r.unwrap_err().code();
    assert_eq!(code(store.set_org_lagrum(&ctx(), &["kameraovervakning".into()])), "LAGRUM_UNKNOWN");
    assert_eq!(code(store.set_org_lagrum(&ctx(), &["patientdatalagen".into()])), "LAGRUM_PER_OBJECT");
    let both = ["cybersakerhetslagen_viktig".to_string(), "cybersakerhetslagen_vasentlig".to_string()];
    assert_eq!(code(store.set_org_lagrum(&ctx(), &both)), "LAGRUM_GROUP_TWICE");
    assert_eq!(store.org_lagrum().unwrap(), ["arkivlagen"], "a refused choice changes nothing");

    let mut input = new_object("System", vec![set("Data", 1, 1, 1, 1)]);
    input.content.lagrum = vec![LagrumDecision::pending("cybersakerhetslagen_viktig")];
    assert_eq!(store.create_object(&ctx(), &input).unwrap_err().code(), "LAGRUM_ORGANISATION_WIDE");
    input.content.lagrum = vec![LagrumDecision::pending("kameraovervakning")];
    assert_eq!(store.create_object(&ctx(), &input).unwrap_err().code(), "LAGRUM_UNKNOWN");
}

#[test]
fn a_decision_gets_the_minimums_and_the_catalogue_version_of_its_time() {
    let (_dir, mut store) = temp_store();
    let mut input = new_object("Journal", vec![set("Journal", 1, 1, 1, 1)]);
    let mut sak = LagrumDecision { status: LagrumStatus::Pending, ..LagrumDecision::pending("sakerhetsskydd") };
    sak.aspects = vec![infoklass_core::Aspect::T];
    input.content.lagrum = vec![LagrumDecision::pending("patientdatalagen"), sak];
    let id = store.create_object(&ctx(), &input).unwrap();
    let current = store.get_object(&id, "2026-03-01").unwrap().current;
    assert_eq!(current.lagrum_version.as_deref(), Some(LagrumCatalog::default_catalog().version.as_str()));
    let m = &current.content.lagrum[0].minimums;
    assert_eq!((m.k, m.r, m.t, m.s), (Some(2), Some(2), None, Some(2)));
    let s = &current.content.lagrum[1].minimums;
    assert_eq!((s.k, s.t), (None, Some(4)), "säkerhetsskydd: the picked aspect reaches 4");
}

#[test]
fn an_imported_catalogue_may_name_only_known_lagrum() {
    let (_dir, mut store) = temp_store();
    let mut c = Catalog::default_catalog();
    c.version = "2.0.0".into();
    c.requirements[3].trigger = "K>=2 or lagrum:kameraovervakning".into();
    c.requirements[5].iso27002.push("A.12.3.1".into());
    let c = c.compile().unwrap();

    let preview = store.catalog_import_preview(&c);
    assert_eq!(preview.errors.len(), 1);
    assert_eq!(
        (preview.errors[0].code.as_str(), preview.errors[0].key.as_str()),
        ("CATALOG_LAGRUM_UNKNOWN", c.requirements[3].key.as_str())
    );
    assert_eq!(preview.warnings.len(), 1, "an ISO number of the 2013 edition is a warning");
    assert_eq!(preview.warnings[0].code, "CATALOG_ISO_OUTSIDE_2022");
    match store.import_catalog(&ctx(), c.clone()) {
        Err(StoreError::BadCatalog(errors)) => {
            assert_eq!(errors[0].code, "CATALOG_LAGRUM_UNKNOWN");
            assert_eq!(errors[0].row, Some(4), "the requirement's row");
        }
        other => panic!("expected BAD_CATALOG, got {other:?}"),
    }

    // Once the organisation adds the lagrum to its catalogue, the same file imports.
    let mut lagrum = store.lagrum_catalog().unwrap();
    lagrum.version = "2026.2".into();
    lagrum.lagrum.push(LagrumDef {
        key: "kameraovervakning".into(),
        groups: Vec::new(),
        scope: LagrumScope::Object,
        name_sv: "Kamerabevakningslagen (2018:1200)".into(),
        name_en: "Camera Surveillance Act".into(),
        help_sv: String::new(),
        help_en: String::new(),
        minimums: Default::default(),
        pick_level: None,
        retired: false,
    });
    let report = store.import_lagrum(&ctx(), &lagrum, false).unwrap();
    assert_eq!(report.created, ["kameraovervakning"]);
    assert_eq!(store.lagrum_list().unwrap().version, "2026.2");
    store.import_catalog(&ctx(), c).unwrap();
}

#[test]
fn a_lagrum_left_out_of_a_file_is_retired_not_deleted() {
    let (_dir, mut store) = temp_store();
    let mut file = store.lagrum_catalog().unwrap();
    let gone = file.lagrum.remove(0).key;
    let dry = store.import_lagrum(&ctx(), &file, true).unwrap();
    assert_eq!(dry.retired, std::slice::from_ref(&gone));
    assert!(!store.lagrum_catalog().unwrap().find(&gone).unwrap().retired, "a dry run writes nothing");
    store.import_lagrum(&ctx(), &file, false).unwrap();
    let after = store.lagrum_catalog().unwrap();
    assert!(after.find(&gone).unwrap().retired);
    assert_eq!(LagrumCatalog::from_toml(&after.to_toml()).unwrap(), after, "the file round-trips");
    let bad = LagrumCatalog { version: String::new(), ..after };
    assert_eq!(store.import_lagrum(&ctx(), &bad, false).unwrap_err().code(), "LAGRUM_VERSION_MISSING");
}

/// A database as version 5 left it: the five built-in lagrum keys, decisions without
/// minimums, an approved snapshot and a stored catalogue whose triggers name `nis2`.
#[test]
fn decisions_made_under_the_five_built_in_lagrum_are_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.sqlite");
    let conn = Connection::open(&path).unwrap();
    for (v, sql) in &infoklass_store::migrate::MIGRATIONS[..5] {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", v).unwrap();
    }
    let scale = infoklass_core::Scale::default_scale();
    conn.execute(
        "INSERT INTO scales (id, version, definition) VALUES (?1, ?2, ?3)",
        rusqlite::params![scale.id, scale.version, serde_json::to_string(&scale).unwrap()],
    )
    .unwrap();
    let mut own = serde_json::to_value(Catalog::default_catalog()).unwrap();
    own["id"] = "egen".into();
    let kon07 = own["requirements"].as_array_mut().unwrap().iter_mut().find(|r| r["key"] == "KON-07").unwrap();
    kon07["trigger"] = "lagrum:nis2".into();
    conn.execute(
        "INSERT INTO catalogs (id, version, definition, imported_at, imported_by, seq) VALUES ('egen', '1', ?1, 't', 'x', 1)",
        [own.to_string()],
    )
    .unwrap();
    let old = r#"[{"lagrum":"nis2","status":"accepted","reason":""},{"lagrum":"sakerhetsskydd","status":"declined","reason":"Ingen säkerhetsskyddad verksamhet"},{"lagrum":"osl_sekretess","status":"pending","reason":""}]"#;
    let snapshot = format!(
        r#"{{"meta":{{"name":"Larm"}},"content":{{"sets":[{{"id":"s1","name":"Larm","levels":{{"K":1,"R":1,"T":1,"S":1}}}}],"lagrum":{old}}}}}"#
    );
    conn.execute_batch(&format!(
        "INSERT INTO objects (id, name, name_key, kind, search_text, created_at, updated_at)
           VALUES ('o1', 'Larm', 'larm', 'system', 'larm', 't', 't');
         INSERT INTO classifications (id, object_id, version, status, scale_id, scale_version, lagrum, created_at, updated_at)
           VALUES ('c1', 'o1', 1, 'utkast', '{id}', '{version}', '{old}', 't', 't');
         INSERT INTO information_sets (id, classification_id, position, name, level_k, level_r, level_t, level_s)
           VALUES ('s1', 'c1', 0, 'Larm', 1, 1, 1, 1);
         UPDATE classifications SET status = 'faststalld', snapshot = '{snapshot}', approved_by = 'Chef',
           approved_at = 't', catalog_id = 'egen', catalog_version = '1' WHERE id = 'c1';",
        id = scale.id,
        version = scale.version,
    ))
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let current = store.get_object("o1", "2026-03-01").unwrap().current;
    let d = &current.content.lagrum;
    let names: Vec<&str> = d.iter().map(|d| d.lagrum.as_str()).collect();
    assert_eq!(names, ["samhallsviktig", "sakerhetsskydd", "osl_annan"]);
    assert_eq!((d[0].status, d[0].minimums.t), (LagrumStatus::Accepted, Some(2)));
    assert_eq!((d[1].aspects.as_slice(), d[1].minimums.k), (&[infoklass_core::Aspect::K][..], Some(4)));
    assert_eq!(d[1].reason, "Ingen säkerhetsskyddad verksamhet");
    assert_eq!(d[2].minimums.k, Some(2));
    assert_eq!(current.profile.levels.t, Some(2), "the accepted T ≥ 2 still raises the approved profile");
    assert_eq!(current.lagrum_version, None, "made before the lagrum catalogue");
    assert_eq!(store.catalog().requirement("KON-07").unwrap().trigger, "lagrum:samhallsviktig");
    assert!(store.requirements("o1").unwrap().items.iter().any(|i| i.key == "KON-07"), "the renamed trigger holds");
    // Still frozen.
    let frozen = store.connection().execute("UPDATE classifications SET lagrum = '[]' WHERE id = 'c1'", []);
    assert!(frozen.unwrap_err().to_string().contains("FROZEN"));
}
