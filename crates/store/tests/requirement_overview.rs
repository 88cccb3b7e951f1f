//! Requirements across the organisation through the store: a generated organisation whose
//! answers are known, counted per requirement and area, with the overdue actions.

mod common;

use common::{new_object, set, temp_store};
use infoklass_core::overview::OverviewFilter;
use infoklass_core::requirements::{ActionStatus, Answer, Assessment, Priority};
use infoklass_store::{ActionInput, Ctx};

const TODAY: &str = "2026-11-30";

fn on(day: &str) -> Ctx {
    Ctx { actor: "samordnare".into(), now: format!("{day}T09:00:00Z"), today: day.into() }
}

fn answer(key: &str, answer: Answer) -> Assessment {
    let comment = if answer == Answer::EjTillampligt { "Ingen sådan funktion".into() } else { String::new() };
    Assessment { key: key.into(), answer, comment, evidence: String::new() }
}

#[test]
fn requirement_figures_match_a_generated_organisation() {
    let (_dir, mut store) = temp_store();
    // Twelve objects at level 2 everywhere (BEH-01 and SAK-03 apply to all), in two units.
    // Object i answers BEH-01 with the i-th answer of a fixed cycle, or leaves it unanswered.
    let cycle = [
        Some(Answer::Uppfyllt),
        Some(Answer::DelvisUppfyllt),
        Some(Answer::EjUppfyllt),
        Some(Answer::EjTillampligt),
        Some(Answer::VetEj),
        None,
    ];
    let mut ids = Vec::new();
    for i in 0..12 {
        let mut o = new_object(&format!("Objekt {i:02}"), vec![set("Mängd", 2, 2, 2, 2)]);
        if i % 2 == 1 {
            o.meta.unit = "HR".into();
        }
        let id = store.create_object(&on("2026-01-10"), &o).unwrap();
        if let Some(a) = cycle[i % cycle.len()] {
            store.save_assessment(&on("2026-02-01"), &id, &answer("BEH-01", a)).unwrap();
        }
        ids.push(id);
    }
    // SAK-02 is included in SAK-03 at level 2: it is not counted as applying.
    store.save_assessment(&on("2026-02-01"), &ids[0], &answer("SAK-03", Answer::EjUppfyllt)).unwrap();

    let o = store.requirement_overview(&OverviewFilter::default(), TODAY).unwrap();
    assert_eq!(o.named.len(), 12);
    let req = |k: &str| o.requirements.iter().find(|r| r.key == k).unwrap();
    let beh = req("BEH-01");
    assert_eq!(beh.applies.count, 12);
    let a = &beh.answers;
    let counts = [a.uppfyllt.count, a.delvis_uppfyllt.count, a.ej_uppfyllt.count, a.ej_tillampligt.count];
    assert_eq!(counts, [2, 2, 2, 2]);
    assert_eq!((a.vet_ej.count, a.unanswered.count), (2, 2));
    let unmet: Vec<&str> = a.ej_uppfyllt.at.iter().map(|i| o.named[*i as usize].id.as_str()).collect();
    assert_eq!(unmet, [ids[2].as_str(), ids[8].as_str()], "name order");
    assert_eq!(req("SAK-02").applies.count, 0, "included in SAK-03");
    assert_eq!((req("SAK-03").applies.count, req("SAK-03").answers.ej_uppfyllt.count), (12, 1));
    assert_eq!(o.top_unmet[0], "BEH-01", "four unmet answers: the most");
    assert_eq!(o.top_unmet[1], "SAK-03");
    let area = o.areas.iter().find(|a| a.key == "behorighet").unwrap();
    assert_eq!(area.objects.count, 12);
    assert_eq!(area.answers.uppfyllt, 2);
    assert_eq!(area.pairs, area.answers.unanswered + 10);

    // The answers made action rows; one gets a due date that has passed, one is done.
    let plan = store.action_plan(&ids[2], TODAY).unwrap();
    let row = plan.iter().find(|a| a.requirement_key.as_deref() == Some("BEH-01")).unwrap();
    let due = |id: &str, day: &str, status| ActionInput {
        id: Some(id.into()),
        requirement_key: Some("BEH-01".into()),
        measure: "Inför behörighetsstyrning".into(),
        responsible: String::new(),
        due: Some(day.into()),
        priority: Priority::Hog,
        status,
        notes: String::new(),
    };
    store.save_action(&on(TODAY), &ids[2], &due(&row.id, "2026-11-20", ActionStatus::Pagar)).unwrap();
    let plan = store.action_plan(&ids[8], TODAY).unwrap();
    let done = plan.iter().find(|a| a.requirement_key.as_deref() == Some("BEH-01")).unwrap();
    store.save_action(&on(TODAY), &ids[8], &due(&done.id, "2026-11-01", ActionStatus::Klar)).unwrap();

    let o = store.requirement_overview(&OverviewFilter::default(), TODAY).unwrap();
    let late: Vec<(&str, u32)> = o.overdue_actions.iter().map(|a| (a.object_id.as_str(), a.days_late)).collect();
    assert_eq!(late, [(ids[2].as_str(), 10)]);

    // The unit filter counts only its objects (odd ones are HR).
    let hr = store.requirement_overview(&OverviewFilter { unit: Some("hr".into()), kind: None }, TODAY).unwrap();
    let beh = hr.requirements.iter().find(|r| r.key == "BEH-01").unwrap();
    assert_eq!(beh.applies.count, 6);
    assert_eq!(beh.answers.delvis_uppfyllt.count, 2, "objects 1 and 7");
    assert!(hr.overdue_actions.is_empty(), "object 2 is not in HR");
}
