//! The change list of an edited workbook (the store's `WorkbookPlan`) in the reader's
//! language. The store names sheets and fields by label key and words by their wire name;
//! here they become the words of the label table, as every export writes them. Conflicts
//! carry the values the hidden sheet keeps (Swedish words), which read back the same way.

use infoklass_core::labels::{entries, fill, text, Lang};
use infoklass_store::{FileImport, WorkbookPlan};

use crate::workbook::layout::header;

/// Puts the workbook plan of `report`, if any, into `lang`.
pub fn localize_report(report: &mut FileImport, lang: Lang) {
    if let Some(plan) = report.workbook.as_mut() {
        localize(plan, lang);
    }
}

/// Puts every sheet, field and word of `plan` into `lang`.
pub fn localize(plan: &mut WorkbookPlan, lang: Lang) {
    for c in &mut plan.changes {
        c.old = value(lang, &c.field, &c.old);
        c.new = value(lang, &c.field, &c.new);
        c.sheet = text(lang, &c.sheet).to_string();
        c.field = header(lang, &c.field);
    }
    for c in &mut plan.conflicts {
        c.database = value(lang, &c.field, &c.database);
        c.workbook = value(lang, &c.field, &c.workbook);
        c.exported = c.exported.as_deref().map(|v| value(lang, &c.field, v));
        c.sheet = text(lang, &c.sheet).to_string();
        c.field = header(lang, &c.field);
    }
}

/// A value of the field `field` (a label key) as `lang` writes it.
fn value(lang: Lang, field: &str, v: &str) -> String {
    let list = |group: &str| v.split(", ").map(|w| relabel(lang, group, w)).collect::<Vec<_>>().join(", ");
    match field {
        "col.self_assessment" => relabel(lang, "answer", v),
        "col.priority" => relabel(lang, "priority", v),
        "col.status" => relabel(lang, "action_status", v),
        "col.treatment" => relabel(lang, "treatment", v),
        "col.aspects" => list("aspect"),
        // A new set's levels, e.g. "K2 R3 T S1": each aspect's letter, then its level.
        "change.new_set" => v
            .split(' ')
            .map(|t| {
                let (code, level) = t.split_at(t.chars().next().map_or(0, char::len_utf8));
                format!("{}{level}", relabel(lang, "aspect", code))
            })
            .collect::<Vec<_>>()
            .join(" "),
        "change.new_risk" => match v.split_once(" × ") {
            Some((p, c)) => fill(lang, "change.new_risk_value", &[("probability", p), ("consequence", c)]),
            None => v.to_string(),
        },
        _ => v.to_string(),
    }
}

/// The label in `lang` of a value of `group` given by its wire name or by its word in either
/// language (the wire name wins: the Swedish letter T is an aspect, the English one another);
/// anything else as it stands.
fn relabel(lang: Lang, group: &str, v: &str) -> String {
    let prefix = format!("{group}.");
    let keys = || Lang::ALL.iter().flat_map(|l| entries(*l).iter()).filter(|(k, _)| k.starts_with(&prefix));
    let by_wire = keys().find(|(k, _)| k[prefix.len()..] == *v);
    let by_word = || keys().find(|(_, w)| !v.trim().is_empty() && w.eq_ignore_ascii_case(v.trim()));
    match by_wire.or_else(by_word) {
        Some((key, _)) => text(lang, key).to_string(),
        None => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_language() {
        assert_eq!(value(Lang::En, "col.priority", "hog"), "High");
        assert_eq!(value(Lang::Sv, "col.priority", "hog"), "Hög");
        // A conflict's value is the Swedish word the hidden sheet keeps.
        assert_eq!(value(Lang::En, "col.status", "Pågår"), "In progress");
        assert_eq!(value(Lang::En, "col.aspects", "K, T"), "C, A");
        assert_eq!(value(Lang::En, "change.new_set", "K2 R3 T S1"), "C2 I3 A T1");
        assert_eq!(value(Lang::Sv, "change.new_set", "K2 R3 T S1"), "K2 R3 T S1");
        assert_eq!(value(Lang::Sv, "change.new_risk", "2 × 3"), "S2 × K3");
        assert_eq!(value(Lang::En, "change.new_risk", "2 × 3"), "P2 × C3");
        assert_eq!(value(Lang::En, "col.comment", "Hög"), "Hög", "typed text stays as typed");
        assert_eq!(header(Lang::En, "col.motivation+aspect.S"), "Motivation T");
    }
}
