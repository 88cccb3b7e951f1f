use super::*;
use crate::PerAspect;

fn lv(k: Option<u8>, r: Option<u8>, t: Option<u8>, s: Option<u8>) -> Levels {
    PerAspect { k, r, t, s }
}

#[test]
fn minimums_need_an_assessed_level_at_least_that_high() {
    let levels = lv(Some(3), Some(1), Some(2), None);
    assert!(meets_minimums(&levels, &Levels::default()), "no minimum admits everything");
    assert!(meets_minimums(&levels, &lv(Some(3), None, None, None)));
    assert!(!meets_minimums(&levels, &lv(Some(4), None, None, None)));
    assert!(meets_minimums(&levels, &lv(Some(2), Some(1), Some(2), None)));
    assert!(!meets_minimums(&levels, &lv(None, Some(2), None, None)));
    assert!(!meets_minimums(&levels, &lv(None, None, None, Some(0))), "S not assessed is not S ≥ 0");
}

#[test]
fn risk_status_follows_the_analysis_and_the_classification_date() {
    let draft = AnalysisFacts { approved: false, changed_on: "2026-02-01".into() };
    let approved = AnalysisFacts { approved: true, changed_on: "2026-02-01".into() };
    assert_eq!(risk_status(None, Some("2026-01-01")), RiskStatus::None);
    assert_eq!(risk_status(Some(&draft), None), RiskStatus::Draft);
    assert_eq!(risk_status(Some(&approved), Some("2026-01-15")), RiskStatus::Approved);
    assert_eq!(risk_status(Some(&approved), Some("2026-02-01")), RiskStatus::Approved, "same day is current");
    assert_eq!(risk_status(Some(&approved), Some("2026-03-01")), RiskStatus::NeedsReview);
    assert_eq!(risk_status(Some(&draft), Some("2026-03-01")), RiskStatus::NeedsReview);
}

#[test]
fn words_read_back() {
    for r in RiskStatus::ALL {
        assert_eq!(RiskStatus::parse(r.as_str()), Some(r));
    }
    assert_eq!(RiskStatus::parse("Needs_Review"), Some(RiskStatus::NeedsReview));
    assert_eq!(RiskStatus::parse("fastställd"), None);
    for c in SortColumn::ALL {
        assert_eq!(SortColumn::parse(c.as_str()), Some(c));
    }
    assert_eq!(SortColumn::parse("next_review"), Some(SortColumn::NextReview));
    assert_eq!(SortColumn::parse("owner"), None);
}

struct Row {
    name: &'static str,
    unit: &'static str,
    levels: Levels,
    review: Option<&'static str>,
    status: Status,
    gone: bool,
}

fn rows() -> Vec<Row> {
    let row = |name, unit, levels, review, status| Row { name, unit, levels, review, status, gone: false };
    vec![
        row("System 10", "Vård", lv(Some(2), Some(2), Some(2), Some(2)), Some("2027-01-01"), Status::Faststalld),
        row("Öppna data", "", lv(Some(0), Some(1), Some(1), None), None, Status::Utkast),
        row("Ärendehantering", "Ekonomi", lv(Some(3), Some(1), Some(1), Some(1)), Some("2026-05-01"), Status::Utkast),
        row("System 2", "Åkeri", lv(Some(3), Some(3), Some(3), Some(3)), Some("2026-12-01"), Status::Faststalld),
        row("Åtkomst", "Ekonomi", lv(None, None, None, None), None, Status::Faststalld),
        Row {
            gone: true,
            ..row("Arkiv", "Vård", lv(Some(1), Some(1), Some(1), Some(1)), Some("2025-01-01"), Status::Faststalld)
        },
    ]
}

fn sorted(column: SortColumn, descending: bool) -> Vec<&'static str> {
    let mut r = rows();
    sort_rows(&mut r, column, descending, |x| SortFields {
        name: x.name,
        unit: x.unit,
        levels: &x.levels,
        next_review: x.review,
        status: x.status,
        decommissioned: x.gone,
    });
    r.into_iter().map(|x| x.name).collect()
}

#[test]
fn names_sort_in_swedish_order_with_numbers_by_value() {
    let want = ["Arkiv", "System 2", "System 10", "Åtkomst", "Ärendehantering", "Öppna data"];
    assert_eq!(sorted(SortColumn::Name, false), want);
    let mut reversed = want;
    reversed.reverse();
    assert_eq!(sorted(SortColumn::Name, true), reversed);
}

#[test]
fn units_sort_in_swedish_order_and_empty_units_come_last_both_ways() {
    assert_eq!(
        sorted(SortColumn::Unit, false),
        ["Åtkomst", "Ärendehantering", "Arkiv", "System 10", "System 2", "Öppna data"],
        "Ekonomi (then by name), Vård, Åkeri; no unit last"
    );
    assert_eq!(
        sorted(SortColumn::Unit, true),
        ["System 2", "Arkiv", "System 10", "Åtkomst", "Ärendehantering", "Öppna data"],
        "reversed units, names still ascending within a unit, no unit still last"
    );
}

#[test]
fn profiles_sort_by_highest_level_then_sum() {
    assert_eq!(
        sorted(SortColumn::Profile, false),
        ["Åtkomst", "Öppna data", "Arkiv", "System 10", "Ärendehantering", "System 2"]
    );
    assert_eq!(sorted(SortColumn::Profile, true)[0], "System 2");
}

#[test]
fn review_dates_sort_by_date_and_missing_dates_come_last_both_ways() {
    assert_eq!(
        sorted(SortColumn::NextReview, false),
        ["Arkiv", "Ärendehantering", "System 2", "System 10", "Åtkomst", "Öppna data"]
    );
    assert_eq!(
        sorted(SortColumn::NextReview, true),
        ["System 10", "System 2", "Ärendehantering", "Arkiv", "Åtkomst", "Öppna data"]
    );
}

#[test]
fn status_sorts_in_the_order_of_an_objects_life() {
    assert_eq!(
        sorted(SortColumn::Status, false),
        ["Ärendehantering", "Öppna data", "System 2", "System 10", "Åtkomst", "Arkiv"]
    );
}
