mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::info_type::InfoTypeCatalog;
use infoklass_core::PerAspect;
use infoklass_store::{InfoTypeInput, Store};

fn levels(k: u8, r: u8, t: u8, s: u8) -> PerAspect<u8> {
    PerAspect { k, r, t, s }
}

fn audit_count(store: &Store, key: &str) -> i64 {
    store
        .connection()
        .query_row("SELECT COUNT(*) FROM audit WHERE entity = 'info_type' AND entity_id = ?1", [key], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_added_type_gets_a_key_from_its_name_and_sets_inherit_it() {
    let (_dir, mut store) = temp_store();
    let input =
        InfoTypeInput { name_sv: " Bygglovsärenden ".into(), levels: levels(3, 2, 1, 2), ..Default::default() };
    let t = store.save_info_type(&ctx(), &input).unwrap();
    assert_eq!((t.key.as_str(), t.name_sv.as_str()), ("bygglovsarenden", "Bygglovsärenden"));
    assert_eq!(audit_count(&store, &t.key), 1);
    let again = store.save_info_type(&ctx(), &input).unwrap();
    assert_eq!(again.key, "bygglovsarenden-2", "a second type of the same name gets its own key");

    // A set of the new type below its levels needs a motivation: an approval issue names it.
    let mut s = set("Adresser", 1, 2, 1, 2);
    s.info_type = Some(t.key.clone());
    s.motivations.k = String::new();
    let id = store.create_object(&ctx(), &new_object("Folkbokföring", vec![s])).unwrap();
    let detail = store.get_object(&id, "2026-03-01").unwrap();
    assert!(!detail.issues.is_empty(), "K1 is below the type's K3");
    let entry = store.info_type_entries().unwrap().into_iter().find(|e| e.info_type.key == t.key).unwrap();
    assert_eq!(entry.used_in, 1);
}

#[test]
fn bad_types_are_refused_with_their_code() {
    let (_dir, mut store) = temp_store();
    let before = store.info_type_entries().unwrap();
    let code = |store: &mut Store, input: InfoTypeInput| store.save_info_type(&ctx(), &input).unwrap_err().code();
    assert_eq!(code(&mut store, InfoTypeInput { name_sv: "".into(), ..Default::default() }), "INFO_TYPE_NAME_MISSING");
    assert_eq!(
        code(&mut store, InfoTypeInput { name_sv: "X".into(), levels: levels(0, 5, 0, 0), ..Default::default() }),
        "INFO_TYPE_LEVEL_INVALID"
    );
    assert_eq!(
        code(&mut store, InfoTypeInput { key: Some("finns-inte".into()), name_sv: "X".into(), ..Default::default() }),
        "NOT_FOUND"
    );
    assert_eq!(store.info_type_entries().unwrap(), before);
}

#[test]
fn retiring_keeps_the_type_for_the_sets_that_have_it() {
    let (_dir, mut store) = temp_store();
    let t = store.set_info_type_retired(&ctx(), "intern", true).unwrap();
    assert!(t.retired);
    assert!(store.info_types().unwrap().iter().any(|t| t.key == "intern" && t.retired));
    assert!(!store.set_info_type_retired(&ctx(), "intern", false).unwrap().retired);
    assert_eq!(audit_count(&store, "intern"), 2);
}

#[test]
fn a_file_replaces_the_list_after_a_dry_run() {
    let (_dir, mut store) = temp_store();
    let file = store.info_type_file("2026-03-01").unwrap();
    let same = InfoTypeCatalog::from_toml(&file.to_toml(), 4).unwrap();
    let report = store.import_info_types(&ctx(), &same, false).unwrap();
    assert_eq!((report.created.len(), report.updated.len(), report.retired.len()), (0, 0, 0));

    let mut edited = same.clone();
    let dropped = edited.types.remove(0).key;
    edited.types[0].levels.t = 3;
    let changed = edited.types[0].key.clone();
    let mut own = edited.types[0].clone();
    own.key = "bygglov".into();
    edited.types.insert(0, own);
    let before = store.info_type_entries().unwrap();
    let dry = store.import_info_types(&ctx(), &edited, true).unwrap();
    assert_eq!(store.info_type_entries().unwrap(), before, "a dry run writes nothing");
    let done = store.import_info_types(&ctx(), &edited, false).unwrap();
    assert_eq!(dry, done);
    assert_eq!(
        (done.created, done.updated, done.retired),
        (vec!["bygglov".to_string()], vec![changed], vec![dropped.clone()])
    );
    let keys: Vec<String> = store.info_types().unwrap().into_iter().map(|t| t.key).collect();
    assert_eq!((keys[0].as_str(), keys.last().unwrap()), ("bygglov", &dropped));
}
