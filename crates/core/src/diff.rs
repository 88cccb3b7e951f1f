//! Differences between two classifications of the same object (re-classification).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::aspect::{Aspect, Levels};
use crate::classification::ClassificationContent;
use crate::object::ObjectMeta;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    /// set_added, set_removed, set_renamed, level, motivation, uplift, lagrum, profile, meta
    pub kind: String,
    /// The set's name, the metadata field or the lagrum, depending on the kind.
    pub subject: String,
    pub aspect: Option<Aspect>,
    pub old: String,
    pub new: String,
}

fn change(kind: &str, subject: &str, aspect: Option<Aspect>, old: String, new: String) -> Change {
    Change { kind: kind.into(), subject: subject.into(), aspect, old, new }
}

fn level(l: &Option<u8>) -> String {
    l.map(|l| l.to_string()).unwrap_or_else(|| "–".into())
}

/// What changed from `old` to `new`; sets are matched by their stable id.
pub fn diff(
    old_meta: &ObjectMeta,
    old: &ClassificationContent,
    old_profile: &Levels,
    new_meta: &ObjectMeta,
    new: &ClassificationContent,
    new_profile: &Levels,
) -> Vec<Change> {
    let mut out = Vec::new();
    let (om, nm) = (serde_json::to_value(old_meta).unwrap(), serde_json::to_value(new_meta).unwrap());
    if let (Some(om), Some(nm)) = (om.as_object(), nm.as_object()) {
        for (field, ov) in om {
            let nv = &nm[field];
            if ov != nv {
                out.push(change("meta", field, None, json_text(ov), json_text(nv)));
            }
        }
    }
    for a in Aspect::ALL {
        let (o, n) = (old_profile.get(a), new_profile.get(a));
        if o != n {
            out.push(change("profile", "", Some(a), level(o), level(n)));
        }
    }
    // Matched by id through a map: a linear search per set is quadratic in big classifications.
    let new_by_id: std::collections::HashMap<&str, &crate::classification::InformationSet> =
        new.sets.iter().rev().map(|s| (s.id.as_str(), s)).collect();
    let old_ids: std::collections::HashSet<&str> = old.sets.iter().map(|s| s.id.as_str()).collect();
    for os in &old.sets {
        match new_by_id.get(os.id.as_str()) {
            None => out.push(change("set_removed", &os.name, None, os.name.clone(), String::new())),
            Some(ns) => {
                if ns.name != os.name {
                    out.push(change("set_renamed", &ns.name, None, os.name.clone(), ns.name.clone()));
                }
                for a in Aspect::ALL {
                    if os.levels.get(a) != ns.levels.get(a) {
                        out.push(change("level", &ns.name, Some(a), level(os.levels.get(a)), level(ns.levels.get(a))));
                    }
                    if os.motivations.get(a) != ns.motivations.get(a) {
                        let (o, n) = (os.motivations.get(a).clone(), ns.motivations.get(a).clone());
                        out.push(change("motivation", &ns.name, Some(a), o, n));
                    }
                }
            }
        }
    }
    for ns in new.sets.iter().filter(|n| !old_ids.contains(n.id.as_str())) {
        out.push(change("set_added", &ns.name, None, String::new(), ns.name.clone()));
    }
    for a in Aspect::ALL {
        let (o, n) = (old.uplifts.get(a), new.uplifts.get(a));
        if o != n {
            let text = |u: &Option<crate::classification::Uplift>| {
                u.as_ref().map(|u| format!("{} ({:?})", u.level, u.reason).to_lowercase()).unwrap_or_default()
            };
            out.push(change("uplift", "", Some(a), text(o), text(n)));
        }
    }
    let lagrum_text = |c: &ClassificationContent, l: &crate::lagrum::Lagrum| {
        c.lagrum.iter().find(|d| d.lagrum == *l).map(|d| format!("{:?}", d.status).to_lowercase()).unwrap_or_default()
    };
    let mut keys: Vec<&crate::lagrum::Lagrum> = old.lagrum.iter().chain(&new.lagrum).map(|d| &d.lagrum).collect();
    keys.sort();
    keys.dedup();
    for l in keys {
        let (o, n) = (lagrum_text(old, l), lagrum_text(new, l));
        if o != n {
            out.push(change("lagrum", l.as_str(), None, o, n));
        }
    }
    out
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(json_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::PerAspect;
    use crate::classification::InformationSet;

    fn set(id: &str, name: &str, k: u8) -> InformationSet {
        InformationSet {
            id: id.into(),
            name: name.into(),
            levels: PerAspect { k: Some(k), r: Some(1), t: Some(1), s: Some(1) },
            ..Default::default()
        }
    }

    #[test]
    fn reports_level_set_and_meta_changes() {
        let meta = ObjectMeta { name: "Lön".into(), unit: "HR".into(), ..Default::default() };
        let old = ClassificationContent {
            sets: vec![set("1", "Lönelistor", 2), set("2", "Scheman", 1)],
            ..Default::default()
        };
        let new_meta = ObjectMeta { unit: "Ekonomi".into(), ..meta.clone() };
        let new = ClassificationContent {
            sets: vec![set("1", "Lönelistor", 3), set("3", "Avtal", 1)],
            ..Default::default()
        };
        let p = |k| PerAspect { k: Some(k), r: Some(1), t: Some(1), s: Some(1) };
        let changes = diff(&meta, &old, &p(2), &new_meta, &new, &p(3));
        let kinds: Vec<_> = changes.iter().map(|c| (c.kind.as_str(), c.subject.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                ("meta", "unit"),
                ("profile", ""),
                ("level", "Lönelistor"),
                ("set_removed", "Scheman"),
                ("set_added", "Avtal")
            ]
        );
        assert_eq!((changes[2].old.as_str(), changes[2].new.as_str()), ("2", "3"));
    }

    #[test]
    fn identical_classifications_have_no_changes() {
        let meta = ObjectMeta::default();
        let c = ClassificationContent { sets: vec![set("1", "A", 2)], ..Default::default() };
        let p = PerAspect::default();
        assert!(diff(&meta, &c, &p, &meta, &c, &p).is_empty());
    }
}
