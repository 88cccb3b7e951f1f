//! The procurement union (upphandlingskrav): the requirements of several objects united in
//! catalogue order, each with the objects that need it. An object whose requirements are
//! suppressed (at the security level, or not completely classified) is excluded, with why.

use std::collections::BTreeMap;

use super::catalog::Catalog;
use super::derive::{Derived, Suppression};

/// One object's part: its derived requirements and the catalogue they were derived under.
pub struct ObjectNeeds<'a> {
    pub name: &'a str,
    pub catalog: &'a Catalog,
    pub derived: &'a Derived,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionItem {
    /// Index into the catalogue the union was made with.
    pub index: usize,
    /// Names of the objects that need the requirement, in the order they were given.
    pub needed_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Union {
    /// Positions (in the given objects) of the objects that take part.
    pub included: Vec<usize>,
    /// Positions of the excluded objects, with the reason.
    pub excluded: Vec<(usize, Suppression)>,
    /// In catalogue order, without duplicates.
    pub items: Vec<UnionItem>,
}

/// Unites the objects' requirements under `catalog`. Requirements derived under another
/// catalogue version are matched by key; a key `catalog` no longer has is left out.
pub fn unite(catalog: &Catalog, objects: &[ObjectNeeds]) -> Union {
    let mut union = Union::default();
    let mut needed: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (pos, o) in objects.iter().enumerate() {
        if let Some(reason) = &o.derived.suppressed {
            union.excluded.push((pos, reason.clone()));
            continue;
        }
        // A lower step included in a higher one the object also needs is not repeated.
        let included = super::supersede::included_in(&o.catalog.requirements, &o.derived.items);
        for d in &o.derived.items {
            let key = &o.catalog.requirements[d.index].key;
            if included.contains_key(key) {
                continue;
            }
            if let Some(i) = catalog.requirements.iter().position(|r| &r.key == key) {
                needed.entry(i).or_default().push(o.name.to_string());
            }
        }
        union.included.push(pos);
    }
    union.items = needed.into_iter().map(|(index, needed_by)| UnionItem { index, needed_by }).collect();
    union
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;
    use crate::requirements::derive::{derive_requirements, require_complete};

    fn derived(c: &Catalog, k: u8, r: u8, t: u8, s: u8) -> Derived {
        derive_requirements(c, &PerAspect { k: Some(k), r: Some(r), t: Some(t), s: Some(s) }, &[], 4)
    }

    #[test]
    fn union_in_catalogue_order_with_who_needs_each() {
        let c = Catalog::default_catalog();
        let low = derived(&c, 0, 0, 0, 0);
        let high = derived(&c, 3, 3, 3, 3);
        let u = unite(
            &c,
            &[
                ObjectNeeds { name: "Hög", catalog: &c, derived: &high },
                ObjectNeeds { name: "Låg", catalog: &c, derived: &low },
            ],
        );
        assert_eq!(u.included, vec![0, 1]);
        assert!(u.excluded.is_empty());
        let indices: Vec<usize> = u.items.iter().map(|i| i.index).collect();
        let mut sorted = indices.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(indices, sorted, "catalogue order, no duplicates");
        let included = super::super::supersede::included_in(&c.requirements, &high.items);
        assert_eq!(u.items.len(), high.items.len() - included.len(), "the low object's are a subset");
        for item in &u.items {
            let in_low = low.items.iter().any(|d| d.index == item.index)
                && !included.contains_key(&c.requirements[item.index].key);
            let expected: Vec<&str> = if in_low { vec!["Hög", "Låg"] } else { vec!["Hög"] };
            assert_eq!(item.needed_by, expected);
        }
        assert!(u.items.iter().any(|i| i.needed_by == ["Hög"]), "some requirement only the high object needs");
    }

    #[test]
    fn a_lower_step_is_listed_only_for_objects_without_the_higher_one() {
        let c = Catalog::default_catalog();
        let (high, low) = (derived(&c, 1, 3, 3, 1), derived(&c, 1, 1, 1, 1));
        let keys = |u: &Union| -> Vec<(String, Vec<String>)> {
            u.items
                .iter()
                .filter(|i| c.requirements[i.index].key.starts_with("SAK-0"))
                .map(|i| (c.requirements[i.index].key.clone(), i.needed_by.clone()))
                .collect()
        };
        let only_high = unite(&c, &[ObjectNeeds { name: "Hög", catalog: &c, derived: &high }]);
        let names: Vec<String> = keys(&only_high).into_iter().map(|(k, _)| k).collect();
        assert!(!names.contains(&"SAK-02".to_string()) && !names.contains(&"SAK-03".to_string()), "{names:?}");
        assert!(names.contains(&"SAK-04".to_string()));
        let both = unite(
            &c,
            &[
                ObjectNeeds { name: "Hög", catalog: &c, derived: &high },
                ObjectNeeds { name: "Låg", catalog: &c, derived: &low },
            ],
        );
        let sak02 = keys(&both).into_iter().find(|(k, _)| k == "SAK-02").expect("the low object needs SAK-02");
        assert_eq!(sak02.1, vec!["Låg".to_string()]);
    }

    #[test]
    fn level_4_and_incomplete_objects_are_excluded() {
        let c = Catalog::default_catalog();
        let secret = derived(&c, 4, 1, 1, 1);
        let open = derived(&c, 1, 1, 1, 1);
        let unfinished = require_complete(derived(&c, 1, 1, 1, 1), false);
        let u = unite(
            &c,
            &[
                ObjectNeeds { name: "Hemlig", catalog: &c, derived: &secret },
                ObjectNeeds { name: "Öppen", catalog: &c, derived: &open },
                ObjectNeeds { name: "Ofärdig", catalog: &c, derived: &unfinished },
            ],
        );
        assert_eq!(u.included, vec![1]);
        assert_eq!(u.excluded, vec![(0, Suppression::SecurityLevel), (2, Suppression::Incomplete)]);
        assert!(!u.items.is_empty());
        assert!(u.items.iter().all(|i| i.needed_by == ["Öppen"]));
    }

    #[test]
    fn another_catalogue_version_is_matched_by_key() {
        let c = Catalog::default_catalog();
        let mut old = c.clone();
        old.requirements.reverse();
        old.triggers.reverse();
        let d = derived(&old, 3, 3, 3, 3);
        old.requirements[d.items[0].index].key = "GONE-1".into();
        let u = unite(&c, &[ObjectNeeds { name: "A", catalog: &old, derived: &d }]);
        let included = super::super::supersede::included_in(&old.requirements, &d.items).len();
        assert_eq!(u.items.len(), d.items.len() - 1 - included, "a key the catalogue lacks is left out");
        for item in &u.items {
            let key = &c.requirements[item.index].key;
            assert!(d.items.iter().any(|x| &old.requirements[x.index].key == key));
        }
    }
}
