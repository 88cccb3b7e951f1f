//! The review cycle: when an approved classification is next due for review (översyn).
//!
//! The organisation's rule is data (`catalog/review-rule.toml`, changed with
//! `infoklass review-rule`): every `months` months, or every `high_months` months when any
//! aspect of the profile is at `high_level` or above. Approving sets the classification date
//! to the approval day and the next review from the rule, unless the owner gives another date
//! with a reason.

use serde::{Deserialize, Serialize};
use time::{Date, Month};
use ts_rs::TS;

use crate::object::is_iso_date;
use crate::{Aspect, ErrorCode, Levels};

/// The shipped rule.
pub const DEFAULT_REVIEW_RULE_TOML: &str = include_str!("../../../catalog/review-rule.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReviewRule {
    /// Months between reviews.
    pub months: u32,
    /// From this level on (any aspect), the shorter interval applies.
    pub high_level: u8,
    /// Months between reviews when any aspect is at `high_level` or above.
    pub high_months: u32,
}

/// The rule file: the rule and its version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[allow(dead_code)]
    version: String,
    #[serde(flatten)]
    rule: ReviewRule,
}

/// Intervals longer than this are a typing error, not a policy.
pub const MAX_INTERVAL_MONTHS: u32 = 120;

impl Default for ReviewRule {
    fn default() -> Self {
        ReviewRule::from_toml(DEFAULT_REVIEW_RULE_TOML).expect("the shipped review rule is valid")
    }
}

impl ReviewRule {
    pub fn from_toml(text: &str) -> Result<ReviewRule, String> {
        let file: RuleFile = toml::from_str(text).map_err(|e| e.to_string())?;
        file.rule.check().map_err(|(_, message)| message)?;
        Ok(file.rule)
    }

    /// Intervals from 1 to 120 months, a level from 1 to 4, and the shorter interval not longer;
    /// a problem comes with the code the UI explains it by.
    pub fn check(&self) -> Result<(), (ErrorCode, String)> {
        let range = 1..=MAX_INTERVAL_MONTHS;
        if !range.contains(&self.months) || !range.contains(&self.high_months) {
            return Err((ErrorCode::ReviewRuleInterval, format!("intervals must be 1–{MAX_INTERVAL_MONTHS} months")));
        }
        if !(1..=4).contains(&self.high_level) {
            return Err((ErrorCode::ReviewRuleLevel, "the level for the shorter interval must be 1–4".into()));
        }
        if self.high_months > self.months {
            let message = "the interval at high levels must not be longer than the ordinary one";
            return Err((ErrorCode::ReviewRuleOrder, message.into()));
        }
        Ok(())
    }

    /// The interval that applies to a profile.
    pub fn interval_months(&self, levels: &Levels) -> u32 {
        let high = Aspect::ALL.iter().any(|a| levels.get(*a).is_some_and(|l| l >= self.high_level));
        if high {
            self.high_months
        } else {
            self.months
        }
    }

    /// The next review after approving on `day` (`YYYY-MM-DD`); None for a malformed day.
    pub fn next_review(&self, day: &str, levels: &Levels) -> Option<String> {
        add_months(day, self.interval_months(levels))
    }
}

fn parse(day: &str) -> Option<Date> {
    if !is_iso_date(day) {
        return None;
    }
    let month = Month::try_from(day[5..7].parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(day[0..4].parse().ok()?, month, day[8..10].parse().ok()?).ok()
}

fn format(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `day` plus whole months; the 31st becomes the last day of a shorter month.
pub fn add_months(day: &str, months: u32) -> Option<String> {
    let d = parse(day)?;
    let index = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + i32::try_from(months).ok()?;
    let (year, month) = (index.div_euclid(12), Month::try_from((index.rem_euclid(12) + 1) as u8).ok()?);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).ok().map(format)
}

/// `day` plus whole days.
pub fn add_days(day: &str, days: i64) -> Option<String> {
    parse(day)?.checked_add(time::Duration::days(days)).map(format)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some((parse(to)? - parse(from)?).whole_days())
}

/// How many days a review is overdue on `today`: 0 while it is not yet due, `None` without a
/// (readable) review date.
pub fn days_overdue(next_review: Option<&str>, today: &str) -> Option<i64> {
    next_review.and_then(|d| days_between(d, today)).map(|late| late.max(0))
}

/// Whether a date the owner chose instead of the rule's is acceptable: a real date after the
/// approval day, with a reason.
pub fn check_chosen_date(day: &str, chosen: &str, reason: &str) -> Result<(), String> {
    if !is_iso_date(chosen) {
        return Err(format!("the next review date must be written YYYY-MM-DD, not {chosen:?}"));
    }
    if chosen <= day {
        return Err("the next review date must come after the approval day".into());
    }
    if reason.trim().is_empty() {
        return Err("say why the next review differs from the organisation's rule".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PerAspect;

    fn levels(k: u8, r: u8, t: u8, s: Option<u8>) -> Levels {
        PerAspect { k: Some(k), r: Some(r), t: Some(t), s }
    }

    #[test]
    fn the_shipped_rule_is_two_years_and_one_year_from_level_three() {
        let rule = ReviewRule::default();
        assert_eq!(rule, ReviewRule { months: 24, high_level: 3, high_months: 12 });
        assert_eq!(rule.next_review("2026-11-30", &levels(2, 2, 1, Some(2))).as_deref(), Some("2028-11-30"));
        assert_eq!(rule.next_review("2026-11-30", &levels(1, 3, 1, None)).as_deref(), Some("2027-11-30"));
        // Level 4 counts as high too; an aspect not assessed does not.
        assert_eq!(rule.interval_months(&levels(0, 0, 4, None)), 12);
        assert_eq!(rule.interval_months(&PerAspect { k: None, r: None, t: None, s: None }), 24);
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(add_months("2026-01-31", 1).as_deref(), Some("2026-02-28"));
        assert_eq!(add_months("2028-02-29", 12).as_deref(), Some("2029-02-28"));
        assert_eq!(add_months("2027-02-28", 12).as_deref(), Some("2028-02-28"));
        assert_eq!(add_months("2026-11-30", 14).as_deref(), Some("2028-01-30"));
        assert_eq!(add_months("2026-12-15", 1).as_deref(), Some("2027-01-15"));
        assert_eq!(add_months("30/11/2026", 12), None);
        assert_eq!(add_months("2026-02-30", 12), None);
    }

    #[test]
    fn days_between_counts_across_years_and_leap_days() {
        assert_eq!(days_between("2026-11-30", "2026-12-30"), Some(30));
        assert_eq!(days_between("2028-02-28", "2028-03-01"), Some(2));
        assert_eq!(days_between("2026-11-30", "2025-11-30"), Some(-365));
        assert_eq!(days_between("x", "2025-11-30"), None);
    }

    #[test]
    fn days_overdue_counts_only_past_dates() {
        assert_eq!(days_overdue(Some("2026-10-01"), "2026-11-30"), Some(60));
        assert_eq!(days_overdue(Some("2026-11-30"), "2026-11-30"), Some(0));
        assert_eq!(days_overdue(Some("2027-01-01"), "2026-11-30"), Some(0));
        assert_eq!(days_overdue(None, "2026-11-30"), None);
        assert_eq!(days_overdue(Some("snart"), "2026-11-30"), None);
    }

    #[test]
    fn a_rule_out_of_bounds_is_refused() {
        let ok = ReviewRule { months: 24, high_level: 3, high_months: 12 };
        assert!(ok.check().is_ok());
        let code = |r: ReviewRule| r.check().unwrap_err().0;
        assert_eq!(code(ReviewRule { months: 0, ..ok }), ErrorCode::ReviewRuleInterval);
        assert_eq!(code(ReviewRule { months: 121, ..ok }), ErrorCode::ReviewRuleInterval);
        assert_eq!(code(ReviewRule { high_months: 0, ..ok }), ErrorCode::ReviewRuleInterval);
        assert_eq!(code(ReviewRule { high_level: 5, ..ok }), ErrorCode::ReviewRuleLevel);
        assert_eq!(code(ReviewRule { high_level: 0, ..ok }), ErrorCode::ReviewRuleLevel);
        assert_eq!(code(ReviewRule { high_months: 36, ..ok }), ErrorCode::ReviewRuleOrder);
        assert!(ReviewRule::from_toml("version = \"1\"\nmonths = 24\nhigh_level = 3\nhigh_months = 12\nx = 1").is_err());
    }

    #[test]
    fn a_chosen_date_needs_a_reason_and_must_lie_ahead() {
        assert!(check_chosen_date("2026-11-30", "2027-06-30", "Systemet byts ut i juni").is_ok());
        assert!(check_chosen_date("2026-11-30", "2027-06-30", "  ").is_err());
        assert!(check_chosen_date("2026-11-30", "2026-11-30", "x").is_err());
        assert!(check_chosen_date("2026-11-30", "2027-6-30", "x").is_err());
    }
}
