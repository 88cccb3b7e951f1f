#![allow(dead_code)]
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_store::{Ctx, NewObject, Store};

pub fn ctx() -> Ctx {
    Ctx { actor: "anna.andersson".into(), now: "2026-03-01T10:00:00Z".into(), today: "2026-03-01".into() }
}

pub fn set(name: &str, k: u8, r: u8, t: u8, s: u8) -> InformationSet {
    InformationSet {
        name: name.into(),
        levels: PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) },
        motivations: PerAspect::from_fn(|a| format!("Motivering {} för {name}", a.code())),
        ..Default::default()
    }
}

pub fn new_object(name: &str, sets: Vec<InformationSet>) -> NewObject {
    NewObject {
        meta: ObjectMeta {
            name: name.into(),
            unit: "Ekonomiavdelningen".into(),
            information_owner: "Ekonomichef".into(),
            ..Default::default()
        },
        content: ClassificationContent { sets, ..Default::default() },
    }
}

pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("infoklass.sqlite")).unwrap();
    (dir, store)
}
