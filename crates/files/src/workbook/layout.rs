//! The layout of the Infoklass workbook (the ISAK successor), shared by the writer and the
//! reader so the two cannot drift apart. Documented for people in docs/WORKBOOK.md; bump
//! `FORMAT_VERSION` when a column moves or changes meaning.

use infoklass_core::labels::{self, Lang};
use infoklass_core::requirements::{ActionStatus, Answer, Priority};
use infoklass_core::risk::Treatment;

pub const FORMAT_NAME: &str = "infoklass-arbetsbok";
pub const FORMAT_VERSION: u32 = 2;
/// Version 2 added the hidden sheet `EXPORTED`, the values as exported, for the three-way merge.
pub const FIRST_VERSION_WITH_EXPORTED: u32 = 2;

// Sheets by label key; `sheet_name` gives the name in a language.
pub const OVERVIEW: &str = "sheet.overview";
pub const CLASSIFICATION: &str = "sheet.classification";
pub const REQUIREMENTS: &str = "sheet.requirements";
pub const ACTIONS: &str = "sheet.actions";
pub const PROCUREMENT: &str = "sheet.procurement";
pub const RISKS: &str = "sheet.risks";
pub const MATRIX: &str = "sheet.matrix";
pub const LEGACY: &str = "sheet.legacy";
pub const DEPENDENCIES: &str = "sheet.dependencies";
pub const META: &str = "_meta";
/// Hidden: one row per item (sheet, id, then its editable values as exported).
pub const EXPORTED: &str = "_exporterat";

/// Every table sheet: title in row 0, help in row 1, the column headers in this row (0-based).
pub const HEADER_ROW: u32 = 3;
/// Empty rows with dropdowns below the data where a person may add sets, actions or risks.
pub const SPARE_ROWS: u32 = 30;

// Columns by label key and width; a key of the form `a+b` is the two labels joined by a
// space ("Motivering K", in English "Motivation C").
pub const SET_COLUMNS: [(&str, f64); 12] = [
    ("col.id", 10.0),
    ("col.set", 28.0),
    ("col.description", 32.0),
    ("col.info_type", 16.0),
    ("aspect.K", 5.0),
    ("aspect.R", 5.0),
    ("aspect.T", 5.0),
    ("aspect.S", 5.0),
    ("col.motivation+aspect.K", 30.0),
    ("col.motivation+aspect.R", 30.0),
    ("col.motivation+aspect.T", 30.0),
    ("col.motivation+aspect.S", 30.0),
];
/// Column of K in the set table; R, T and S follow, then the four motivations.
pub const SET_LEVEL_COL: u16 = 4;

pub const REQ_COLUMNS: [(&str, f64); 9] = [
    ("col.key", 9.0),
    ("col.area", 18.0),
    ("col.requirement", 28.0),
    ("col.ar", 50.0),
    ("col.protects", 8.0),
    ("col.applies_because", 18.0),
    ("col.self_assessment", 16.0),
    ("col.comment", 32.0),
    ("col.evidence", 24.0),
];
pub const REQ_ANSWER_COL: u16 = 6;

pub const ACTION_COLUMNS: [(&str, f64); 8] = [
    ("col.id", 10.0),
    ("col.key", 9.0),
    ("col.action", 44.0),
    ("col.responsible", 20.0),
    ("col.due", 12.0),
    ("col.priority", 10.0),
    ("col.status", 12.0),
    ("col.follow_up", 32.0),
];

pub const PROCUREMENT_COLUMNS: [(&str, f64); 5] =
    [("col.key", 9.0), ("col.area", 18.0), ("col.requirement", 28.0), ("col.ska", 60.0), ("col.obligation", 8.0)];

pub const RISK_COLUMNS: [(&str, f64); 16] = [
    ("col.id", 10.0),
    ("col.threat", 22.0),
    ("col.cause", 24.0),
    ("col.event", 28.0),
    ("col.consequence_text", 28.0),
    ("col.aspects", 8.0),
    ("col.existing_controls", 24.0),
    ("col.probability", 11.0),
    ("col.consequence", 11.0),
    ("col.risk_value", 9.0),
    ("col.treatment", 12.0),
    ("col.motivation", 28.0),
    ("col.residual_probability", 12.0),
    ("col.residual_consequence", 12.0),
    ("col.residual_value", 11.0),
    ("col.accepted_by", 22.0),
];
pub const RISK_P_COL: u16 = 7;

pub const LEGACY_COLUMNS: [(&str, f64); 7] = [
    ("col.key", 9.0),
    ("col.area", 16.0),
    ("col.requirement_text", 50.0),
    ("col.applies_from", 14.0),
    ("col.met", 12.0),
    ("col.comment", 32.0),
    ("col.owner", 18.0),
];

/// The values the dropdowns offer, in this order.
pub const ANSWERS: [Answer; 5] =
    [Answer::Uppfyllt, Answer::DelvisUppfyllt, Answer::EjUppfyllt, Answer::EjTillampligt, Answer::VetEj];
pub const PRIORITIES: [Priority; 3] = [Priority::Hog, Priority::Medel, Priority::Lag];
pub const ACTION_STATUSES: [ActionStatus; 4] =
    [ActionStatus::EjPaborjad, ActionStatus::Pagar, ActionStatus::Forsenad, ActionStatus::Klar];
pub const TREATMENTS: [Treatment; 4] =
    [Treatment::Acceptera, Treatment::Reducera, Treatment::Undvika, Treatment::Overfora];

/// The name of a sheet (`OVERVIEW`, …) in `lang`.
pub fn sheet_name(lang: Lang, sheet: &str) -> &'static str {
    labels::text(lang, sheet)
}

/// A column header in `lang`, from a key of the column lists above.
pub fn header(lang: Lang, key: &str) -> String {
    key.split('+').map(|k| labels::text(lang, k)).collect::<Vec<_>>().join(" ")
}

/// The words a dropdown offers, in `lang`.
pub fn words<T: serde::Serialize + Copy>(lang: Lang, group: &str, all: &[T]) -> Vec<&'static str> {
    all.iter().map(|v| labels::word(lang, group, *v)).collect()
}

/// Column letter(s) for a 0-based column index (A, B, …, Z, AA, …).
pub fn col_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(header(Lang::Sv, SET_COLUMNS[8].0), "Motivering K");
        assert_eq!(header(Lang::En, SET_COLUMNS[8].0), "Motivation C");
        assert_eq!(sheet_name(Lang::En, CLASSIFICATION), "Classification");
    }
}
