//! Staircases that supersede, with the shipped catalogue: SAK-04 includes SAK-03 and SAK-02.
mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::requirements::{Answer, Assessment};

fn answer(key: &str) -> Assessment {
    Assessment { key: key.into(), answer: Answer::Uppfyllt, comment: String::new(), evidence: String::new() }
}

#[test]
fn a_lower_step_is_shown_as_included_not_asked_and_keeps_its_answer() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Kassa", vec![set("Kassa", 1, 1, 1, 1)])).unwrap();
    store.save_assessment(&ctx(), &id, &answer("SAK-02")).unwrap();
    let low = store.requirements(&id).unwrap();
    assert_eq!(low.items.iter().find(|i| i.key == "SAK-02").unwrap().included_in, None, "asked at R1");
    let unanswered_low = low.counts.unanswered;

    // The classification moves up the staircase: R3.
    let mut content = store.get_object(&id, "2026-03-01").unwrap().current.content;
    content.sets[0].levels.r = Some(3);
    store.save_draft(&ctx(), &id, &content).unwrap();
    let high = store.requirements(&id).unwrap();
    let item = |key: &str| high.items.iter().find(|i| i.key == key).unwrap();
    assert_eq!(item("SAK-02").included_in.as_deref(), Some("SAK-04"));
    assert_eq!(item("SAK-03").included_in.as_deref(), Some("SAK-04"));
    assert_eq!(item("SAK-04").included_in, None);
    assert_eq!(item("SAK-02").assessment.as_ref().map(|a| a.answer), Some(Answer::Uppfyllt), "the answer is kept");
    assert!(high.dropped.is_empty());
    let asked = high.items.iter().filter(|i| i.included_in.is_none() && i.assessment.is_none()).count() as u32;
    assert_eq!(high.counts.unanswered, asked, "included steps are not counted as unanswered");
    assert!(high.counts.unanswered > unanswered_low);

    let err = store.save_assessment(&ctx(), &id, &answer("SAK-03")).unwrap_err();
    assert_eq!(err.code(), "REQUIREMENT_INCLUDED");
    assert_eq!(err.to_body().details.unwrap()["by"], "SAK-04");

    // And back down: SAK-02 is asked again, with the answer it had.
    content.sets[0].levels.r = Some(1);
    store.save_draft(&ctx(), &id, &content).unwrap();
    let back = store.requirements(&id).unwrap();
    let sak02 = back.items.iter().find(|i| i.key == "SAK-02").unwrap();
    assert_eq!((sak02.included_in.as_deref(), sak02.assessment.is_some()), (None, true));
}
