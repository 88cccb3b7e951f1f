//! Risks across the organisation through the store: the heat maps, a high risk past its band's
//! treatment time, and an analysis to review once the classification changes.

mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::overview::OverviewFilter;
use infoklass_core::risk::Risk;
use infoklass_core::Aspect;
use infoklass_store::{AnalysisInput, RiskInput};

const TODAY: &str = "2026-11-30";

fn risk(threat: &str, event: &str, aspect: Aspect, p: u8, c: u8) -> RiskInput {
    let risk = Risk {
        threat_key: Some(threat.into()),
        event: event.into(),
        aspects: vec![aspect],
        probability: p,
        consequence: c,
        ..Default::default()
    };
    RiskInput { risk, new_actions: vec![] }
}

#[test]
fn risk_figures_come_from_every_analysis() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Ärendesystem", vec![set("Ärenden", 3, 2, 2, 1)])).unwrap();
    let other = store.create_object(&ctx(), &new_object("Intranät", vec![set("Nyheter", 1, 1, 1, 1)])).unwrap();
    let threat = store.risk_analysis(&id).unwrap().threats[0].key.clone();
    let analysis = AnalysisInput { purpose: "Årlig".into(), in_scope: vec![threat.clone()], ..Default::default() };
    store.save_risk_analysis(&ctx(), &id, &analysis).unwrap();
    // Saved 2026-03-01 (the test context): K3 gives consequence 4, 3 × 4 = 12 lies in "hog".
    let high = store.save_risk(&ctx(), &id, &risk(&threat, "Nätfiske", Aspect::K, 3, 4)).unwrap();
    store.save_risk(&ctx(), &id, &risk(&threat, "Driftavbrott", Aspect::T, 2, 3)).unwrap();

    let o = store.risk_overview(&OverviewFilter::default(), TODAY).unwrap();
    let cell = &o.before[2][3];
    assert_eq!((cell.risks.len(), cell.objects.ids.as_slice()), (1, [id.clone()].as_slice()));
    assert_eq!(o.after[1][2].risks.len(), 1, "no residual figures: after = before");
    let matrix = o.matrix.as_ref().unwrap();
    let hog = matrix.bands.iter().find(|b| b.key == "hog").unwrap().treat_within_days;
    assert_eq!(o.late.len(), 1);
    assert_eq!((o.late[0].risk_id.as_str(), o.late[0].days_late), (high.as_str(), 274 - hog));
    assert_eq!(o.to_review.count, 0);

    // K lowered to 2: the classification now gives consequence 3, so the analysis needs review.
    let mut content = store.get_object(&id, TODAY).unwrap().current.content;
    content.sets[0].levels.k = Some(2);
    store.save_draft(&ctx(), &id, &content).unwrap();
    let o = store.risk_overview(&OverviewFilter::default(), TODAY).unwrap();
    assert_eq!(o.to_review.ids, [id.as_str()]);

    // Another unit's filter leaves the risks out.
    let mut meta = store.get_object(&other, TODAY).unwrap().meta;
    meta.unit = "Kultur".into();
    store.update_object(&ctx(), &other, &meta).unwrap();
    let kultur = store.risk_overview(&OverviewFilter { unit: Some("Kultur".into()), kind: None }, TODAY).unwrap();
    assert!(kultur.late.is_empty() && kultur.to_review.ids.is_empty());
    assert!(kultur.before.iter().flatten().all(|c| c.risks.is_empty()));
}
