//! The "Beroenden" sheet of the object and portfolio workbooks, read back with calamine.

use infoklass_core::labels::Lang;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use infoklass_core::dependency::DependencyKind;
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_files::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, Store};

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

fn object(store: &mut Store, name: &str, level: u8) -> String {
    let set = InformationSet {
        name: "Mängd".into(),
        levels: PerAspect::from_fn(|_| Some(level)),
        motivations: PerAspect::from_fn(|_| "m".to_string()),
        ..Default::default()
    };
    let meta = ObjectMeta { name: name.into(), information_owner: "Ägare".into(), ..Default::default() };
    let content = ClassificationContent { sets: vec![set], ..Default::default() };
    store.create_object(&ctx(), &NewObject { meta, content }).unwrap()
}

fn texts(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Beroenden").unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { String::new() }).collect())
        .collect()
}

#[test]
fn both_workbooks_list_the_dependencies_with_profiles_suggestions_and_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let process = object(&mut store, "Ambulansdirigering", 3);
    store.approve(&ctx(), &process, "Chef").unwrap();
    let platform = object(&mut store, "Driftplattform", 1);
    store.add_dependency(&ctx(), &process, &platform, DependencyKind::RunsOn).unwrap();
    store.add_dependency(&ctx(), &platform, &process, DependencyKind::IntegratesWith).unwrap();
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };

    let sheet = texts(object_workbook(&gather(&store, &platform, "2026-11-01").unwrap(), &stamp, Lang::Sv).unwrap());
    let flat: Vec<String> = sheet.iter().map(|r| r.join("|")).collect();
    assert!(flat[1].contains("Cirkulärt beroende: Driftplattform → Ambulansdirigering → Driftplattform"), "{flat:?}");
    assert!(flat.iter().any(|r| r.starts_with("Beror på|Ambulansdirigering|integrerar med|K3 R3 T3 S3")), "{flat:?}");
    assert!(flat.iter().any(|r| r.starts_with("Används av|Ambulansdirigering|körs på|K3 R3 T3 S3")), "{flat:?}");
    assert!(
        flat.iter()
            .any(|r| r.starts_with("Att ta ställning till|T ≥ 3 från beroende: Ambulansdirigering T3 (körs på)")),
        "{flat:?}"
    );

    let rows = store.portfolio_with_overview(&[process.clone(), platform.clone()], "2026-11-01").unwrap();
    let sheet = texts(portfolio_workbook(&rows, &stamp, Lang::Sv).unwrap());
    let flat: Vec<String> = sheet.iter().skip(4).map(|r| r.join("|")).collect();
    assert_eq!(flat, ["Ambulansdirigering|körs på|Driftplattform", "Driftplattform|integrerar med|Ambulansdirigering"]);
}
