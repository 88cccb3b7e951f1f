//! Which requirements apply to an object, and why. Deterministic: catalogue order, and the
//! same inputs always give the same list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalog::Catalog;
use super::trigger::Term;
use crate::aspect::Levels;
use crate::lagrum::Lagrum;

/// Why a requirement applies: a term of its trigger that holds for the object.
pub type Reason = Term;

/// One requirement that applies, by its position in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedItem {
    pub index: usize,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// Some aspect is at the security level: a separate analysis replaces the catalogue.
    SecurityLevel,
    /// The profile is not complete yet.
    Incomplete,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub items: Vec<DerivedItem>,
    pub suppressed: Option<Suppression>,
}

thread_local! {
    static DERIVATIONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times this thread has called `derive_requirements` so far. A use case over many
/// objects should derive once per distinct profile, not once per object; tests check that
/// with the difference of two readings.
pub fn derivations_on_this_thread() -> u64 {
    DERIVATIONS.with(|n| n.get())
}

/// The requirements whose triggers hold for these levels and ticked lagrum. None when the
/// object reaches the security level.
pub fn derive_requirements(catalog: &Catalog, levels: &Levels, lagrum: &[Lagrum], security_level: u8) -> Derived {
    DERIVATIONS.with(|n| n.set(n.get() + 1));
    if levels.iter().any(|(_, l)| l.is_some_and(|l| l >= security_level)) {
        return Derived { items: Vec::new(), suppressed: Some(Suppression::SecurityLevel) };
    }
    let items = catalog
        .triggers
        .iter()
        .enumerate()
        .filter_map(|(index, t)| {
            let reasons = t.matching_terms(levels, lagrum);
            (!reasons.is_empty()).then_some(DerivedItem { index, reasons })
        })
        .collect();
    Derived { items, suppressed: None }
}

/// Requirements are only derived from a complete profile: an incomplete one gives none,
/// marked Incomplete (a suppression for the security level stands).
pub fn require_complete(derived: Derived, complete: bool) -> Derived {
    if derived.suppressed.is_none() && !complete {
        return Derived { items: Vec::new(), suppressed: Some(Suppression::Incomplete) };
    }
    derived
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::{Aspect, PerAspect};

    fn levels(k: u8, r: u8, t: u8, s: u8) -> Levels {
        PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) }
    }

    #[test]
    fn an_incomplete_profile_derives_nothing() {
        let c = Catalog::default_catalog();
        let open = derive_requirements(&c, &levels(1, 1, 1, 1), &[], 4);
        assert!(!open.items.is_empty());
        assert_eq!(require_complete(open.clone(), true), open);
        let incomplete = require_complete(open, false);
        assert_eq!((incomplete.items.len(), incomplete.suppressed), (0, Some(Suppression::Incomplete)));
        let secret = require_complete(derive_requirements(&c, &levels(4, 0, 0, 0), &[], 4), false);
        assert_eq!(secret.suppressed, Some(Suppression::SecurityLevel), "the security level stands");
    }

    #[test]
    fn higher_levels_add_requirements_with_reasons() {
        let c = Catalog::default_catalog();
        let low = derive_requirements(&c, &levels(0, 0, 0, 0), &[], 4);
        let high = derive_requirements(&c, &levels(2, 3, 2, 1), &[], 4);
        assert!(low.items.iter().all(|i| i.reasons == vec![Term::Baseline]), "only baseline at level 0");
        assert!(!low.items.is_empty());
        assert!(high.items.len() > low.items.len());
        assert!(high.items.iter().any(|i| i.reasons.contains(&Term::Level { aspect: Aspect::R, min: 3 })));
        assert!(high.items.iter().all(|i| i.reasons.iter().all(|r| match r {
            Term::Level { aspect, min } => levels(2, 3, 2, 1).get(*aspect).unwrap() >= *min,
            _ => true,
        })));
    }

    #[test]
    fn lagrum_adds_its_own_requirements() {
        let c = Catalog::default_catalog();
        let without = derive_requirements(&c, &levels(1, 1, 1, 2), &[], 4);
        let with = derive_requirements(&c, &levels(1, 1, 1, 2), &[Lagrum::new("patientdatalagen")], 4);
        let pdl: Vec<_> = with
            .items
            .iter()
            .filter(|i| i.reasons.contains(&Term::Lagrum { lagrum: Lagrum::new("patientdatalagen") }))
            .collect();
        assert!(!pdl.is_empty());
        assert_eq!(with.items.len(), without.items.len() + pdl.len() - overlap(&without, &pdl));
    }

    fn overlap(a: &Derived, b: &[&DerivedItem]) -> usize {
        b.iter().filter(|i| a.items.iter().any(|x| x.index == i.index)).count()
    }

    #[test]
    fn level_four_derives_nothing() {
        let c = Catalog::default_catalog();
        let d = derive_requirements(&c, &levels(4, 1, 1, 1), &[Lagrum::new("samhallsviktig")], 4);
        assert!(d.items.is_empty());
        assert_eq!(d.suppressed, Some(Suppression::SecurityLevel));
    }

    #[test]
    fn derivation_is_deterministic_and_in_catalogue_order() {
        let c = Catalog::default_catalog();
        let a = derive_requirements(&c, &levels(3, 2, 3, 2), &[Lagrum::new("gdpr_sarskilda")], 4);
        let b = derive_requirements(&c, &levels(3, 2, 3, 2), &[Lagrum::new("gdpr_sarskilda")], 4);
        assert_eq!(a, b);
        assert!(a.items.windows(2).all(|w| w[0].index < w[1].index));
    }

    #[test]
    fn the_backup_ladder_climbs_with_the_levels() {
        let c = Catalog::default_catalog();
        let keys = |l: Levels| -> Vec<String> {
            derive_requirements(&c, &l, &[], 4)
                .items
                .iter()
                .map(|i| c.requirements[i.index].key.clone())
                .filter(|k| ["SAK-01", "SAK-02", "SAK-03", "SAK-04"].contains(&k.as_str()))
                .collect()
        };
        assert_eq!(keys(levels(0, 0, 0, 0)), ["SAK-01"]);
        assert_eq!(keys(levels(0, 1, 0, 0)), ["SAK-01", "SAK-02"]);
        assert_eq!(keys(levels(0, 0, 2, 0)), ["SAK-01", "SAK-02", "SAK-03"]);
        assert_eq!(keys(levels(0, 3, 0, 0)), ["SAK-01", "SAK-02", "SAK-03", "SAK-04"]);
        // Raising any one aspect never removes a requirement.
        let n = |l: Levels| derive_requirements(&c, &l, &[], 4).items.len();
        let counts: Vec<usize> = (0..4).map(|x| n(levels(x, x, x, x))).collect();
        assert!(counts.windows(2).all(|w| w[0] < w[1]), "{counts:?}");
        println!("derived per uniform level 0..3: {counts:?}");
    }
}
