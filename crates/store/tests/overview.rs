//! The coordinator's overview through the store: figures and quality findings from real rows.

mod common;

use common::{new_object, set, temp_store};
use infoklass_core::overview::{FindingCode, OverviewFilter};
use infoklass_core::ObjectMeta;
use infoklass_store::{AnalysisInput, Ctx, LegacyImport};

const TODAY: &str = "2026-11-30";

fn on(day: &str) -> Ctx {
    Ctx { actor: "samordnare".into(), now: format!("{day}T09:00:00Z"), today: day.into() }
}

fn isak_workbook() -> LegacyImport {
    let mut s = set("Huvudbok", 1, 3, 1, 0);
    s.levels.s = None; // ISAK has no traceability column
    LegacyImport {
        file_name: "ekonomi.xls".into(),
        sha256: "abc".into(),
        meta: ObjectMeta {
            name: "Ekonomisystem".into(),
            information_owner: "Ekonomidirektör".into(),
            ..Default::default()
        },
        sets: vec![s],
        risks: vec![],
        requirements: vec![],
        report: serde_json::json!({ "diagnostics": [] }),
        ..Default::default()
    }
}

#[test]
fn the_overview_counts_real_rows_and_finds_what_to_fix() {
    let (_dir, mut store) = temp_store();
    let journal =
        store.create_object(&on("2026-01-10"), &new_object("Journal", vec![set("Journal", 3, 3, 3, 3)])).unwrap();
    let analysis = AnalysisInput { purpose: "Årlig analys".into(), ..Default::default() };
    store.save_risk_analysis(&on("2026-02-01"), &journal, &analysis).unwrap();
    store.approve_risk_analysis(&on("2026-02-01"), &journal, "Verksamhetschef").unwrap();
    store.approve(&on("2026-03-01"), &journal, "Verksamhetschef").unwrap();

    let mut unmotivated = set("Tider", 1, 1, 1, 1);
    unmotivated.motivations.k = String::new();
    let booking = store.create_object(&on("2026-03-01"), &new_object("Bokning", vec![unmotivated])).unwrap();
    let isak = store.import_legacy(&on("2026-04-01"), &isak_workbook()).unwrap().object_id.unwrap();

    let o = store.overview(&OverviewFilter::default(), TODAY).unwrap();
    assert_eq!(o.objects, 3);
    assert_eq!(o.coverage.approved.ids, [journal.as_str()]);
    assert_eq!(o.coverage.drafts.count, 2);
    assert_eq!(o.coverage.old_drafts.ids, [booking.as_str(), isak.as_str()], "Swedish name order: B, E");
    assert_eq!(o.coverage.from_isak_without_s.ids, [isak.as_str()]);
    assert_eq!(o.levels.level4.count, 0);
    assert_eq!(o.levels.levels.k[3].ids, [journal.as_str()]);
    assert_eq!(o.levels.not_assessed.s.ids, [isak.as_str()]);
    assert_eq!(o.risks.without_analysis.count, 2);
    assert_eq!(o.risks.older_than_classification.ids, [journal.as_str()]);
    assert_eq!(o.reviews.within_30.count + o.reviews.overdue.count, 0, "approved 2026-03-01: next review 2027-03-01");
    let found: Vec<(String, FindingCode)> = o.findings.iter().map(|f| (f.object_id.clone(), f.code)).collect();
    assert!(found.contains(&(booking.clone(), FindingCode::LevelWithoutMotivation)), "{found:?}");
    assert!(found.contains(&(isak.clone(), FindingCode::AspectNotAssessed)), "{found:?}");
    assert!(found.contains(&(journal.clone(), FindingCode::RiskAnalysisOlder)), "{found:?}");

    // Fixed: the motivation is written, and the finding is gone.
    let mut content = store.get_object(&booking, TODAY).unwrap().current.content;
    content.sets[0].motivations.k = "Inga känsliga uppgifter".into();
    store.save_draft(&on(TODAY), &booking, &content).unwrap();
    let o = store.overview(&OverviewFilter::default(), TODAY).unwrap();
    assert!(!o.findings.iter().any(|f| f.code == FindingCode::LevelWithoutMotivation));

    let unit = store.overview(&OverviewFilter { unit: Some("ekonomiavdelningen".into()), kind: None }, TODAY).unwrap();
    assert_eq!(unit.objects, 2, "the two made with the default unit; the ISAK object has none");
}
