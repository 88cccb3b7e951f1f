//! Staircases that supersede: a higher step (SAK-04) lists the lower steps it includes
//! (`supersedes = ["SAK-03", "SAK-02"]`). When both apply to an object, the lower ones are
//! shown as included in the highest applying step ("ingår i SAK-04"): they are not asked
//! again in the self-assessment and not repeated in tender lists. Answers stay stored by key,
//! so they carry across when a classification moves up or down the staircase.

use std::collections::{HashMap, HashSet};

use super::catalog::{error, CatalogError, Obligation, Requirement};
use super::derive::DerivedItem;

/// Row-level problems of the `supersedes` fields: an unknown key, the requirement itself,
/// or a bör requirement that would hide a ska one from a tender.
pub(super) fn check(requirements: &[Requirement]) -> Vec<CatalogError> {
    let by_key: HashMap<String, &Requirement> = requirements.iter().map(|r| (r.key.trim().to_lowercase(), r)).collect();
    let mut errors = Vec::new();
    for (i, r) in requirements.iter().enumerate() {
        let row = Some(i as u32 + 1);
        for key in &r.supersedes {
            let problem = match by_key.get(&key.trim().to_lowercase()) {
                None => Some(format!("supersedes an unknown requirement \"{key}\"")),
                Some(lower) if lower.key == r.key => Some("a requirement cannot supersede itself".to_string()),
                Some(lower) if r.obligation == Obligation::Bor && lower.obligation == Obligation::Ska => {
                    Some(format!("a bör requirement cannot supersede the ska requirement \"{key}\""))
                }
                Some(_) => None,
            };
            if let Some(message) = problem {
                errors.push(error(row, &r.key, "supersedes", message));
            }
        }
    }
    for (i, r) in requirements.iter().enumerate() {
        let names_itself = r.supersedes.iter().any(|k| k.trim().eq_ignore_ascii_case(&r.key));
        if !names_itself && reaches(&by_key, r, &r.key, &mut HashSet::new()) {
            let message = "the supersedes fields form a cycle through this requirement";
            errors.push(error(Some(i as u32 + 1), &r.key, "supersedes", message));
        }
    }
    errors
}

/// Whether following `supersedes` from `from` leads back to `target`.
fn reaches<'a>(
    by_key: &HashMap<String, &'a Requirement>,
    from: &'a Requirement,
    target: &str,
    seen: &mut HashSet<&'a str>,
) -> bool {
    from.supersedes.iter().any(|k| match by_key.get(&k.trim().to_lowercase()) {
        Some(lower) if lower.key == target => true,
        Some(lower) if seen.insert(lower.key.as_str()) => reaches(by_key, lower, target, seen),
        _ => false,
    })
}

/// For the derived requirements of one object: the key of each requirement that is included
/// in a higher applying step, mapped to the key of the highest such step (SAK-02 → SAK-04
/// when SAK-04 supersedes SAK-03 which supersedes SAK-02, or lists both).
pub fn included_in(requirements: &[Requirement], items: &[DerivedItem]) -> HashMap<String, String> {
    let applying: HashSet<&str> = items.iter().map(|d| requirements[d.index].key.as_str()).collect();
    // Direct links between applying requirements: lower → the steps that include it.
    let mut above: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in items {
        let r = &requirements[d.index];
        for lower in r.supersedes.iter().filter(|k| applying.contains(k.as_str())) {
            above.entry(lower.as_str()).or_default().push(r.key.as_str());
        }
    }
    let mut out = HashMap::new();
    for &lower in above.keys() {
        // Climb to a step nothing applying supersedes; the seen set stops a cycle.
        let mut top = lower;
        let mut seen = HashSet::from([lower]);
        while let Some(&next) = above.get(top).and_then(|ups| ups.iter().find(|u| !seen.contains(**u))) {
            seen.insert(next);
            top = next;
        }
        if top != lower {
            out.insert(lower.to_string(), top.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;
    use crate::requirements::{derive_requirements, Catalog};

    fn derived_keys(c: &Catalog, r: u8, t: u8) -> HashMap<String, String> {
        let d = derive_requirements(c, &PerAspect { k: Some(1), r: Some(r), t: Some(t), s: Some(1) }, &[], 4);
        included_in(&c.requirements, &d.items)
    }

    #[test]
    fn the_backup_staircase_points_to_the_highest_applying_step() {
        let c = Catalog::default_catalog();
        let at3 = derived_keys(&c, 3, 1);
        assert_eq!(at3.get("SAK-02").map(String::as_str), Some("SAK-04"));
        assert_eq!(at3.get("SAK-03").map(String::as_str), Some("SAK-04"));
        assert!(!at3.contains_key("SAK-04"));
        let at2 = derived_keys(&c, 1, 2);
        assert_eq!(at2.get("SAK-02").map(String::as_str), Some("SAK-03"), "SAK-04 does not apply at T2");
        assert!(!derived_keys(&c, 1, 1).contains_key("SAK-02"), "the lowest step alone is asked");
    }

    fn toml_with(supersedes: &str, obligation: &str) -> String {
        format!(
            r#"
            id = "t"
            version = "1"
            name_sv = "T"
            name_en = "T"
            [[areas]]
            key = "a"
            name_sv = "A"
            name_en = "A"
            [[requirements]]
            key = "A-1"
            area = "a"
            aspects = ["T"]
            trigger = "T>=1"
            title_sv = "x"
            title_en = "x"
            ar_sv = "x"
            ska_sv = "x"
            obligation = "ska"
            [[requirements]]
            key = "A-2"
            area = "a"
            aspects = ["T"]
            trigger = "T>=2"
            title_sv = "y"
            title_en = "y"
            ar_sv = "y"
            ska_sv = "y"
            obligation = "{obligation}"
            supersedes = [{supersedes}]
            "#
        )
    }

    #[test]
    fn unknown_self_and_weaker_supersedes_are_row_errors() {
        assert!(Catalog::from_toml(&toml_with(r#""A-1""#, "ska")).is_ok());
        for (list, obligation, needle) in [
            (r#""A-9""#, "ska", "unknown requirement \"A-9\""),
            (r#""A-2""#, "ska", "itself"),
            (r#""A-1""#, "bor", "bör requirement"),
        ] {
            let errors = Catalog::from_toml(&toml_with(list, obligation)).unwrap_err();
            assert_eq!(errors.len(), 1, "{list}");
            assert_eq!((errors[0].row, errors[0].field.as_str()), (Some(2), "supersedes"));
            assert!(errors[0].message.contains(needle), "{}", errors[0].message);
        }
    }

    #[test]
    fn a_cycle_in_supersedes_is_refused_and_never_loops() {
        let mut c = Catalog::from_toml(&toml_with(r#""A-1""#, "ska")).unwrap();
        c.requirements[0].supersedes = vec!["A-2".into()];
        let errors = c.clone().compile().unwrap_err();
        assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), vec![Some(1), Some(2)]);
        assert!(errors[0].message.contains("cycle"));
        let items: Vec<DerivedItem> = (0..2).map(|index| DerivedItem { index, reasons: Vec::new() }).collect();
        assert_eq!(included_in(&c.requirements, &items).len(), 2, "the rule itself still ends");
    }
}
