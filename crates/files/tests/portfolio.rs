//! The portfolio read with a few queries over all objects (`Store::portfolio`) equals the
//! per-object reading (`gather`) on a generated organisation with drafts, approved and
//! re-classified objects, incomplete and level-4 ones, lagrum, answers, actions and risks.
//! So the portfolio workbook keeps its content whichever way it is read.

use infoklass_core::labels::Lang;
use infoklass_core::lagrum::{LagrumDecision, LagrumStatus};
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_files::workbook::{gather, portfolio_of, portfolio_workbook, ExportStamp};
use infoklass_store::{ActionInput, Ctx, NewObject, RiskInput, Store};

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

/// Object `i` of a varied organisation.
fn generate(store: &mut Store, i: usize) -> String {
    let ctx = ctx();
    let level = |n: usize| Some((n % 4) as u8);
    let sets: Vec<InformationSet> = (0..1 + i % 3)
        .map(|s| InformationSet {
            name: format!("Mängd {s}"),
            levels: PerAspect {
                k: if i.is_multiple_of(11) { Some(4) } else { level(i + s) },
                r: level(i / 2),
                t: Some(1),
                s: if i % 7 == 3 { None } else { Some(2) },
            },
            motivations: PerAspect::from_fn(|a| {
                if i.is_multiple_of(11) && a == Aspect::K {
                    "Säkerhetsskydd.".into()
                } else {
                    format!("{} för {i}", a.code())
                }
            }),
            ..Default::default()
        })
        .collect();
    let lagrum = match i % 5 {
        0 => vec![LagrumDecision { status: LagrumStatus::Accepted, ..LagrumDecision::pending("patientdatalagen") }],
        1 => {
            vec![LagrumDecision { status: LagrumStatus::Pending, ..LagrumDecision::pending("osl_annan") }]
        }
        _ => Vec::new(),
    };
    let meta = ObjectMeta {
        name: format!("Objekt {i:03}"),
        unit: format!("Förvaltning {}", i % 4),
        information_owner: format!("Ägare {}", i % 6),
        next_review: i.is_multiple_of(2).then(|| format!("2027-0{}-01", 1 + i % 9)),
        ..Default::default()
    };
    let content = ClassificationContent { sets, lagrum, ..Default::default() };
    let id = store.create_object(&ctx, &NewObject { meta, content }).unwrap();
    let keys: Vec<String> = store.requirements(&id).unwrap().items.iter().map(|r| r.key.clone()).collect();
    let answers = [Answer::Uppfyllt, Answer::DelvisUppfyllt, Answer::Uppfyllt, Answer::EjUppfyllt, Answer::VetEj];
    for (key, answer) in keys.iter().zip(answers).take(i % 6) {
        store
            .save_assessment(
                &ctx,
                &id,
                &Assessment { key: key.clone(), answer, comment: String::new(), evidence: String::new() },
            )
            .unwrap();
    }
    if i.is_multiple_of(3) {
        let input = ActionInput {
            id: None,
            requirement_key: None,
            measure: format!("Åtgärd {i}"),
            responsible: "Förvaltare".into(),
            due: i.is_multiple_of(2).then(|| "2026-10-01".into()),
            priority: infoklass_core::requirements::Priority::Lag,
            status: infoklass_core::requirements::ActionStatus::Pagar,
            notes: String::new(),
        };
        store.save_action(&ctx, &id, &input).unwrap();
    }
    for n in 0..i % 3 {
        let risk = Risk {
            event: format!("Händelse {n}"),
            threat_key: (n == 0).then(|| "HOT-01".to_string()),
            aspects: vec![Aspect::R],
            probability: 1 + (n as u8 + i as u8) % 4,
            consequence: 3,
            consequence_motivation: "Bedömd i workshop".into(),
            ..Default::default()
        };
        store.save_risk(&ctx, &id, &RiskInput { risk, new_actions: vec![format!("Skydd {n}")] }).unwrap();
    }
    // Objects with open approval issues (undecided lagrum, missing levels) stay drafts.
    if i % 4 == 1 && store.approve(&ctx, &id, "Ägaren").is_ok() && i % 8 == 1 {
        // Re-classified: a draft over the approved version, with a changed set.
        store.start_reclassification(&ctx, &id).unwrap();
        let mut detail = store.get_object(&id, "2026-11-01").unwrap();
        detail.current.content.sets[0].levels.k = Some(3);
        store.save_draft(&ctx, &id, &detail.current.content).unwrap();
    }
    id
}

#[test]
fn the_set_based_portfolio_equals_the_per_object_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let ids: Vec<String> = (0..60).map(|i| generate(&mut store, i)).collect();
    for i in (1..ids.len()).step_by(5) {
        let kind = infoklass_core::dependency::DependencyKind::ALL[i % 4];
        store.add_dependency(&ctx(), &ids[i], &ids[i - 1], kind).unwrap();
        store.add_dependency(&ctx(), &ids[i], &ids[(i + 7) % ids.len()], kind).unwrap();
    }
    let per_object: Vec<_> = ids.iter().map(|id| portfolio_of(&gather(&store, id, "2026-11-01").unwrap())).collect();
    let set_based = store.portfolio(&ids, "2026-11-01").unwrap();
    // The generated organisation does exercise what it should.
    assert!(per_object.iter().any(|o| o.requirements == 0) && per_object.iter().any(|o| o.fulfilled > 0));
    assert!(per_object.iter().any(|o| o.status == infoklass_core::Status::Faststalld));
    assert!(per_object.iter().any(|o| o.risks.iter().any(|r| r.threat_name.is_some())));
    assert!(per_object.iter().any(|o| o.depends_on.len() == 2));
    for (a, b) in per_object.iter().zip(&set_based) {
        assert_eq!(a, b, "{}", a.meta.name);
    }
    assert_eq!(per_object.len(), set_based.len());
    // Any order of ids, and the same workbook either way.
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    let mut back = store.portfolio(&reversed, "2026-11-01").unwrap();
    back.reverse();
    assert_eq!(back, set_based);
    // The writer is a function of these rows (and the overview over them) alone, so the
    // workbook's content is the same.
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    let portfolio = store.portfolio_with_overview(&ids, "2026-11-01").unwrap();
    assert_eq!(portfolio.objects, set_based);
    assert_eq!(portfolio.overview.objects as usize, ids.len(), "the summary counts the same objects");
    // The summary reuses the sets the portfolio read; the figures equal the overview's own
    // reading (the ids are in name order, as the overview lists them).
    let own = store.overview(&infoklass_core::overview::OverviewFilter::default(), "2026-11-01").unwrap();
    assert_eq!(portfolio.overview, own);
    assert!(!portfolio_workbook(&portfolio, &stamp, Lang::Sv).unwrap().is_empty());
}

#[test]
fn an_unknown_object_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let id = generate(&mut store, 2);
    let err = store.portfolio(&[id, "nope".into()], "2026-11-01").unwrap_err();
    assert_eq!(err.code(), "NOT_FOUND");
}
