use super::*;
use crate::requirements::Answer::{DelvisUppfyllt, EjTillampligt, EjUppfyllt, Uppfyllt, VetEj};

const TODAY: &str = "2026-11-30";

fn object(id: &str, applies: &[&str], answers: &[(&str, Answer)]) -> ObjectAnswers {
    ObjectAnswers {
        object: NamedObject { id: id.into(), name: format!("Objekt {id}"), ..Default::default() },
        applies: applies.iter().map(|k| k.to_string()).collect(),
        answers: answers.iter().map(|(k, a)| (k.to_string(), *a)).collect(),
    }
}

fn action(id: &str, object: &str, due: Option<&str>, status: ActionStatus) -> ActionFacts {
    ActionFacts {
        id: id.into(),
        object_id: object.into(),
        requirement_key: Some("SAK-01".into()),
        measure: format!("Åtgärd {id}"),
        due: due.map(str::to_string),
        status,
        priority: Priority::Medel,
    }
}

fn figure<'a>(o: &'a RequirementOverview, key: &str) -> &'a RequirementFigures {
    o.requirements.iter().find(|r| r.key == key).unwrap()
}

#[test]
fn each_answer_and_unanswered_is_counted_per_requirement_with_its_objects() {
    let catalog = Catalog::default_catalog();
    let objects = [
        object("a", &["BEH-01", "SAK-01"], &[("BEH-01", Uppfyllt), ("SAK-01", EjUppfyllt)]),
        object("b", &["BEH-01", "SAK-01"], &[("BEH-01", DelvisUppfyllt), ("SAK-01", EjUppfyllt)]),
        object("c", &["BEH-01"], &[("BEH-01", VetEj), ("SAK-01", Uppfyllt)]),
        object("d", &["BEH-01"], &[("BEH-01", EjTillampligt)]),
        object("e", &["BEH-01"], &[]),
    ];
    let o = requirement_overview(&catalog, &objects, &[], TODAY);
    assert_eq!(o.requirements.len(), catalog.requirements.len());
    let beh = figure(&o, "BEH-01");
    assert_eq!(beh.applies.count, 5);
    // Objects as positions in `named`: a b c d e.
    assert_eq!(o.named.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d", "e"]);
    assert_eq!(beh.applies.at, [0, 1, 2, 3, 4]);
    assert_eq!(beh.answers.uppfyllt.at, [0]);
    assert_eq!(beh.answers.delvis_uppfyllt.at, [1]);
    assert_eq!(beh.answers.vet_ej.at, [2]);
    assert_eq!(beh.answers.ej_tillampligt.at, [3]);
    assert_eq!(beh.answers.unanswered.at, [4]);
    assert_eq!(beh.answers.ej_uppfyllt.count, 0);
    // c's answer to SAK-01 is kept by key but SAK-01 no longer applies to c: not counted.
    let sak = figure(&o, "SAK-01");
    assert_eq!((sak.applies.count, sak.answers.ej_uppfyllt.count, sak.answers.uppfyllt.count), (2, 2, 0));
    assert_eq!(figure(&o, "BEH-02").applies.count, 0);
}

#[test]
fn areas_count_objects_once_and_answers_per_pair() {
    let catalog = Catalog::default_catalog();
    let objects = [
        object("a", &["BEH-01", "BEH-02", "SAK-01"], &[("BEH-01", Uppfyllt), ("BEH-02", EjUppfyllt)]),
        object("b", &["SAK-01"], &[("SAK-01", Uppfyllt)]),
    ];
    let o = requirement_overview(&catalog, &objects, &[], TODAY);
    let area = |k: &str| o.areas.iter().find(|a| a.key == k).unwrap();
    let beh = area("behorighet");
    assert_eq!((beh.objects.at.as_slice(), beh.pairs), ([0].as_slice(), 2));
    assert_eq!((beh.answers.uppfyllt, beh.answers.ej_uppfyllt, beh.answers.unanswered), (1, 1, 0));
    let sak = area("sakerhetskopiering");
    assert_eq!((sak.objects.count, sak.pairs, sak.answers.uppfyllt, sak.answers.unanswered), (2, 2, 1, 1));
    assert_eq!(area("kryptering").objects.count, 0);
    assert_eq!(o.areas.len(), catalog.areas.len());
}

#[test]
fn the_most_often_unmet_come_first_ten_at_most_ties_in_catalogue_order() {
    let catalog = Catalog::default_catalog();
    let keys: Vec<&str> = catalog.requirements.iter().take(12).map(|r| r.key.as_str()).collect();
    // Requirement i is unmet by i objects (the first by none), the last two by as many as each other.
    let mut objects = Vec::new();
    for n in 0..12 {
        let answers: Vec<(&str, Answer)> = keys
            .iter()
            .enumerate()
            .filter(|(i, _)| n < (*i).min(10))
            .map(|(i, k)| (*k, if i % 2 == 0 { EjUppfyllt } else { DelvisUppfyllt }))
            .collect();
        objects.push(object(&format!("o{n:02}"), &keys, &answers));
    }
    let o = requirement_overview(&catalog, &objects, &[], TODAY);
    let expected: Vec<String> = [10, 11, 9, 8, 7, 6, 5, 4, 3, 2].iter().map(|i| keys[*i].to_string()).collect();
    assert_eq!(o.top_unmet, expected);
    // Vet ej is not unmet: a requirement only answered Vet ej is not in the list.
    let only_unknown = [object("x", &keys[..1], &[(keys[0], VetEj)])];
    assert!(requirement_overview(&catalog, &only_unknown, &[], TODAY).top_unmet.is_empty());
}

#[test]
fn overdue_actions_are_those_past_due_and_not_done_latest_first() {
    let catalog = Catalog::default_catalog();
    let objects = [object("a", &[], &[]), object("b", &[], &[])];
    let actions = [
        action("1", "a", Some("2026-11-20"), ActionStatus::Pagar),
        action("2", "b", Some("2026-10-31"), ActionStatus::EjPaborjad),
        action("3", "a", Some("2026-01-01"), ActionStatus::Klar),
        action("4", "a", Some(TODAY), ActionStatus::Pagar),
        action("5", "a", None, ActionStatus::Pagar),
        action("6", "other", Some("2020-01-01"), ActionStatus::Pagar),
    ];
    let o = requirement_overview(&catalog, &objects, &actions, TODAY);
    let got: Vec<(&str, &str, u32)> =
        o.overdue_actions.iter().map(|a| (a.id.as_str(), a.object_name.as_str(), a.days_late)).collect();
    assert_eq!(got, [("2", "Objekt b", 30), ("1", "Objekt a", 10)]);
}
