use super::*;
use crate::risk::Acceptance;

const TODAY: &str = "2026-11-30";

fn named(id: &str) -> NamedObject {
    NamedObject { id: id.into(), name: format!("Objekt {id}"), ..Default::default() }
}

fn row(object: &str, id: &str, (p, c): (u8, u8), residual: Option<(u8, u8)>, identified_on: &str) -> RiskRow {
    RiskRow {
        object_id: object.into(),
        risk: Risk {
            id: id.into(),
            event: format!("Händelse {id}"),
            probability: p,
            consequence: c,
            residual_probability: residual.map(|r| r.0),
            residual_consequence: residual.map(|r| r.1),
            ..Default::default()
        },
        matrix: RiskMatrix::default_matrix(),
        identified_on: identified_on.into(),
        consequence_to_review: false,
    }
}

#[test]
fn the_heat_map_counts_risks_before_and_after_treatment_with_their_objects() {
    let m = RiskMatrix::default_matrix();
    let rows = [
        row("a", "1", (4, 4), Some((2, 2)), TODAY),
        row("a", "2", (4, 4), None, TODAY),
        row("b", "3", (4, 4), Some((2, 2)), TODAY),
        row("other", "4", (1, 1), None, TODAY),
    ];
    let o = risk_overview(&m, &[named("a"), named("b")], &rows, TODAY);
    assert_eq!(o.before.len(), m.max_probability() as usize);
    let cell = &o.before[3][3];
    let risk_ids: Vec<&str> = cell.risks.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(risk_ids, ["1", "2", "3"]);
    assert_eq!(cell.objects.ids, ["a", "b"]);
    assert_eq!((o.after[3][3].risks.len(), o.after[1][1].risks.len()), (1, 2));
    assert!(o.before[0][0].risks.is_empty(), "an object left out by the filter");
    assert_eq!(o.outside, 0);
}

#[test]
fn a_high_risk_is_late_after_its_bands_days_unless_reduced_or_accepted() {
    let m = RiskMatrix::default_matrix();
    let days = |key: &str| m.bands.iter().find(|b| b.key == key).unwrap().treat_within_days as i64;
    let high = (3, 3); // 9: the "hog" band
    let extreme = (4, 4); // 16
    let low = (1, 1);
    let mut accepted = row("a", "acc", high, None, &ago(days("hog") + 5));
    accepted.risk.acceptance =
        Some(Acceptance { role: "ledning".into(), role_title: String::new(), name: "Chef".into(), at: TODAY.into() });
    let rows = [
        row("a", "on-time", high, None, &ago(days("hog"))),
        row("a", "late", high, None, &ago(days("hog") + 1)),
        row("a", "extreme", extreme, None, &ago(days("extremt-hog") + 10)),
        row("a", "reduced", high, Some(low), &ago(days("hog") + 30)),
        row("a", "medium", (2, 2), None, "2020-01-01"),
        accepted,
    ];
    let o = risk_overview(&m, &[named("a")], &rows, TODAY);
    let late: Vec<(&str, u32, &str)> =
        o.late.iter().map(|l| (l.risk_id.as_str(), l.days_late, l.band_key.as_str())).collect();
    assert_eq!(late, [("extreme", 10, "extremt-hog"), ("late", 1, "hog")]);
}

#[test]
fn analyses_to_review_are_counted_once_per_object() {
    let m = RiskMatrix::default_matrix();
    let mut a = row("a", "1", (2, 2), None, TODAY);
    a.consequence_to_review = true;
    let mut b = a.clone();
    b.risk.id = "2".into();
    let o = risk_overview(&m, &[named("a")], &[a, b, row("a", "3", (1, 1), None, TODAY)], TODAY);
    assert_eq!(o.to_review.ids, ["a"]);
}

/// `TODAY` minus `n` days.
fn ago(n: i64) -> String {
    let today = time::Date::from_calendar_date(2026, time::Month::November, 30).unwrap();
    let d = today - time::Duration::days(n);
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}
