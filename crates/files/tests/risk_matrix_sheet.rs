//! The Riskmatris sheet describes each consequence step with the scale's criteria and names
//! who may accept each band, the top band by the organisation's name for top management.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use infoklass_core::labels::Lang;
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect, Scale};
use infoklass_files::workbook::{gather, object_workbook, ExportStamp};
use infoklass_store::{AnalysisInput, Ctx, NewObject, Store};

fn rows(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<String>> {
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { String::new() }).collect())
        .collect()
}

#[test]
fn consequence_steps_and_acceptance_roles_are_described() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let ctx = Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    let set = InformationSet {
        name: "Mängd".into(),
        levels: PerAspect { k: Some(2), r: Some(1), t: Some(1), s: Some(1) },
        motivations: PerAspect::from_fn(|_| "m".to_string()),
        ..Default::default()
    };
    let meta = ObjectMeta { name: "Kassa".into(), information_owner: "Ägare".into(), ..Default::default() };
    let content = ClassificationContent { sets: vec![set], ..Default::default() };
    let id = store.create_object(&ctx, &NewObject { meta, content }).unwrap();
    let input = AnalysisInput { purpose: "Årlig".into(), risk_owner: "Chef".into(), ..Default::default() };
    store.save_risk_analysis(&ctx, &id, &input).unwrap();
    store.set_top_risk_role(&ctx, "Kommundirektör").unwrap();

    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    let data = gather(&store, &id, "2026-11-01").unwrap();
    let bytes = object_workbook(&data, &stamp, Lang::Sv).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = rows(&mut wb, "Riskmatris");

    let top = sheet.iter().find(|r| r[0].starts_with("Extremt hög")).expect("the top band is listed");
    assert_eq!(top[1], "Accepteras av: Kommundirektör");
    let head = sheet.iter().position(|r| r[0] == "Konsekvensnivåer").expect("a table of consequence levels");
    assert_eq!(
        sheet[head + 1][1..7],
        ["Verksamhet", "Ekonomi", "Förtroende", "Liv och hälsa", "Rättslig efterlevnad", "Enskildas integritet"]
    );
    let scale = Scale::default_scale();
    for c in 1..=4usize {
        let row = &sheet[head + 1 + c];
        assert!(row[0].starts_with(&c.to_string()), "{row:?}");
        let expected: Vec<&str> = scale.levels[c - 1].criteria.iter().map(|x| x.sv.as_str()).collect();
        assert_eq!(row[1..7], expected[..], "consequence {c} uses level {}", c - 1);
    }

    // The English workbook says the same in English, the organisation's role name as typed.
    let mut en: Xlsx<_> = Xlsx::new(Cursor::new(object_workbook(&data, &stamp, Lang::En).unwrap())).unwrap();
    let sheet = rows(&mut en, "Risk matrix");
    assert!(sheet.iter().any(|r| r.get(1).is_some_and(|c| c == "Accepted by: Kommundirektör")), "{sheet:?}");
    let head = sheet.iter().position(|r| r[0] == "Consequence levels").expect("the table in English");
    assert_eq!(sheet[head + 1][1], "Operations");
    let expected: Vec<&str> = scale.levels[0].criteria.iter().map(|x| x.en.as_str()).collect();
    assert_eq!(sheet[head + 2][1..7], expected[..]);
}
