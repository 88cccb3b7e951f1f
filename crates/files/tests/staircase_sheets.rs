//! The object workbook at R3: SAK-02 and SAK-03 are shown as included in SAK-04 on the Krav
//! sheet and left out of the Upphandlingskrav sheet.

use infoklass_core::labels::Lang;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, Store};

fn rows(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<String>> {
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { String::new() }).collect())
        .collect()
}

#[test]
fn included_steps_are_marked_and_not_repeated_for_suppliers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let ctx = Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    let set = InformationSet {
        name: "Mängd".into(),
        levels: PerAspect { k: Some(1), r: Some(3), t: Some(1), s: Some(1) },
        motivations: PerAspect::from_fn(|_| "m".to_string()),
        ..Default::default()
    };
    let meta = ObjectMeta { name: "Kassa".into(), information_owner: "Ägare".into(), ..Default::default() };
    let id = store
        .create_object(
            &ctx,
            &NewObject { meta, content: ClassificationContent { sets: vec![set], ..Default::default() } },
        )
        .unwrap();
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    let bytes = object_workbook(&gather(&store, &id, "2026-11-01").unwrap(), &stamp, Lang::Sv).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();

    let krav = rows(&mut wb, "Krav");
    let reason_of = |key: &str| krav.iter().find(|r| r[0] == key).map(|r| r[5].clone()).unwrap();
    assert!(reason_of("SAK-02").ends_with("ingår i SAK-04"), "{}", reason_of("SAK-02"));
    assert!(reason_of("SAK-03").ends_with("ingår i SAK-04"));
    assert!(!reason_of("SAK-04").contains("ingår i"));

    let keys: Vec<String> = rows(&mut wb, "Upphandlingskrav").into_iter().map(|r| r[0].clone()).collect();
    assert!(keys.contains(&"SAK-04".to_string()) && keys.contains(&"SAK-01".to_string()));
    assert!(!keys.contains(&"SAK-02".to_string()) && !keys.contains(&"SAK-03".to_string()), "{keys:?}");
}
