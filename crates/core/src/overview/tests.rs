use super::*;
use crate::InformationSet;

const TODAY: &str = "2026-11-30";

fn set(name: &str, k: Option<u8>, r: Option<u8>, t: Option<u8>, s: Option<u8>) -> InformationSet {
    InformationSet {
        id: name.into(),
        name: name.into(),
        info_type: Some("intern".into()),
        levels: PerAspect { k, r, t, s },
        motivations: PerAspect::from_fn(|a| format!("Motivering {}", a.code())),
        ..Default::default()
    }
}

/// An approved object with nothing wrong: K2 R2 T2 S2, reviewed next year, analysed after.
fn clean(id: &str, unit: &str) -> ObjectFacts {
    ObjectFacts {
        id: id.into(),
        name: format!("Objekt {id}"),
        unit: unit.into(),
        kind: ObjectKind::System,
        information_owner: "Ägare".into(),
        status: Status::Faststalld,
        ever_approved: true,
        approved_on: Some("2026-06-01".into()),
        draft_since: None,
        next_review: Some("2027-06-01".into()),
        imported_from_isak: false,
        levels: PerAspect { k: Some(2), r: Some(2), t: Some(2), s: Some(2) },
        sets: vec![set("Mängd", Some(2), Some(2), Some(2), Some(2))],
        lagrum_pending: 0,
        older_scale: false,
        older_catalog: false,
        risk: Some(RiskFacts { approved: true, changed_on: "2026-06-02".into(), risks: 3 }),
        overdue_actions: 0,
    }
}

fn codes(objects: &[ObjectFacts]) -> Vec<(String, FindingCode, u32)> {
    quality_findings(objects, TODAY).into_iter().map(|f| (f.object_id, f.code, f.count)).collect()
}

#[test]
fn a_clean_object_has_no_findings() {
    assert!(codes(&[clean("a", "IT")]).is_empty());
}

#[test]
fn each_finding_is_raised_once_and_goes_away_when_fixed() {
    type Break = fn(&mut ObjectFacts);
    let cases: [(FindingCode, Break, u32); 9] = [
        (FindingCode::LevelWithoutMotivation, |o| o.sets[0].motivations.k = " ".into(), 1),
        (FindingCode::AspectNotAssessed, |o| o.sets[0].levels.s = None, 1),
        (FindingCode::NoInformationOwner, |o| o.information_owner = "".into(), 1),
        (FindingCode::LagrumUnanswered, |o| o.lagrum_pending = 2, 2),
        (FindingCode::OlderScale, |o| o.older_scale = true, 1),
        (FindingCode::OlderCatalog, |o| o.older_catalog = true, 1),
        (FindingCode::SetWithoutInfoType, |o| o.sets[0].info_type = None, 1),
        (FindingCode::ReviewOverdue, |o| o.next_review = Some("2026-11-20".into()), 10),
        (FindingCode::RiskAnalysisOlder, |o| o.risk.as_mut().unwrap().changed_on = "2026-05-01".into(), 1),
    ];
    assert_eq!(cases.len(), FindingCode::ALL.len(), "every code has a case");
    for (code, break_it, count) in cases {
        let mut o = clean("a", "IT");
        break_it(&mut o);
        assert_eq!(codes(&[o]), [("a".to_string(), code, count)], "{code:?}");
    }
}

#[test]
fn set_level_findings_name_the_sets_and_aspects() {
    let mut o = clean("isak", "Vård");
    o.sets = vec![
        set("Journal", Some(3), Some(3), Some(2), None),
        set("Bokning", Some(1), Some(1), Some(1), None),
        set("Personal", Some(1), None, Some(1), Some(1)),
    ];
    let f = quality_findings(&[o], TODAY);
    let missing = f.iter().find(|f| f.code == FindingCode::AspectNotAssessed).unwrap();
    assert_eq!(missing.sets, ["Journal", "Bokning", "Personal"]);
    assert_eq!(missing.aspects, [Aspect::R, Aspect::S]);
    assert_eq!(missing.count, 3);
}

#[test]
fn a_review_overdue_on_a_never_approved_draft_is_coverage_not_quality() {
    let mut o = clean("d", "IT");
    o.status = Status::Utkast;
    o.ever_approved = false;
    o.approved_on = None;
    o.next_review = Some("2025-01-01".into());
    assert!(codes(&[o]).is_empty());
}

/// A generated organisation: 40 objects in 4 units with known properties.
fn organisation() -> Vec<ObjectFacts> {
    (0..40)
        .map(|i| {
            let mut o = clean(&format!("o{i:02}"), ["Ekonomi", "IT", "Vård", "Äldreomsorg"][i % 4]);
            if i % 5 == 0 {
                // 8 drafts never approved, started 2026-01-01 (old) or 2026-11-01 (recent).
                o.status = Status::Utkast;
                o.ever_approved = false;
                o.approved_on = None;
                o.draft_since = Some(if i % 10 == 0 { "2026-01-01" } else { "2026-11-01" }.into());
                o.risk = None;
            }
            if i % 8 == 1 {
                // 5 imported from ISAK without S.
                o.imported_from_isak = true;
                o.levels.s = None;
                o.sets[0].levels.s = None;
            }
            if i % 7 == 3 {
                // 6 with K at level 4.
                o.levels.k = Some(4);
            }
            if i % 6 == 2 {
                // 7 overdue for review.
                o.next_review = Some("2026-10-31".into());
            } else if i % 9 == 4 {
                o.next_review = Some("2026-12-15".into());
            }
            if i % 10 == 7 {
                o.kind = ObjectKind::Process;
            }
            o
        })
        .collect()
}

#[test]
fn the_overview_of_a_generated_organisation_has_the_known_figures() {
    let org = organisation();
    let all = overview(&org, &OverviewFilter::default(), TODAY);
    assert_eq!(all.objects, 40);
    assert_eq!((all.coverage.drafts.count, all.coverage.approved.count), (8, 32));
    assert_eq!(all.coverage.never_approved.count, 8);
    assert_eq!(all.coverage.old_drafts.ids, ["o00", "o10", "o20", "o30"]);
    assert_eq!((all.coverage.from_isak.count, all.coverage.from_isak_without_s.count), (5, 5));
    let units: Vec<(&str, u32)> = all.coverage.by_unit.iter().map(|g| (g.name.as_str(), g.total.count)).collect();
    assert_eq!(units, [("Ekonomi", 10), ("IT", 10), ("Vård", 10), ("Äldreomsorg", 10)]);
    let kinds: Vec<(&str, u32)> = all.coverage.by_kind.iter().map(|g| (g.name.as_str(), g.total.count)).collect();
    assert_eq!(kinds, [("process", 4), ("system", 36)]);
    assert_eq!(all.levels.level4.count, 6);
    assert_eq!(all.levels.levels.k[4].count, 6);
    assert_eq!(all.levels.levels.k[2].count, 34);
    assert_eq!(all.levels.not_assessed.s.count, 5);
    assert_eq!(all.reviews.overdue.count, 7);
    assert_eq!(all.reviews.within_30.ids, ["o04", "o13", "o22", "o31"]);
    assert_eq!(all.risks.without_analysis.count, 8);
    assert_eq!(
        all.risks.high_without_approved.count,
        org.iter().filter(|o| o.levels.k == Some(4) && o.risk.is_none()).count() as u32
    );
    // Findings: 5 without S, and the approved overdue ones.
    let f = &all.findings;
    assert_eq!(f.iter().filter(|f| f.code == FindingCode::AspectNotAssessed).count(), 5);
    let overdue_approved =
        org.iter().filter(|o| o.ever_approved && o.next_review.as_deref() == Some("2026-10-31")).count();
    assert_eq!(f.iter().filter(|f| f.code == FindingCode::ReviewOverdue).count(), overdue_approved);

    let care = overview(&org, &OverviewFilter { unit: Some("VÅRD ".into()), kind: None }, TODAY);
    assert_eq!(care.objects, 10);
    assert!(care.coverage.by_unit.iter().all(|g| g.name == "Vård"));
    let processes = overview(&org, &OverviewFilter { unit: None, kind: Some(ObjectKind::Process) }, TODAY);
    assert_eq!(processes.coverage.approved.ids, ["o07", "o17", "o27", "o37"]);
}
