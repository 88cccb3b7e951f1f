//! The object's header block: label/value pairs found by the label's text, the value in the
//! next non-empty cell to its right (merged cells leave the cells between them empty).

use crate::dates;
use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{norm, Sheet, Value};
use crate::model::ObjectFacts;
use crate::table;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Name,
    Unit,
    InformationOwner,
    SystemOwner,
    Administrator,
    Date,
    Participants,
    NextReview,
    IsakVersion,
}

const LABELS: &[(Field, &[&str])] = &[
    (Field::Name, &["it-stöd", "it-system", "system", "objekt", "systemnamn", "klassningsobjekt"]),
    (Field::Unit, &["förvaltning", "verksamhet", "förvaltning/verksamhet"]),
    (Field::InformationOwner, &["informationsägare"]),
    (Field::SystemOwner, &["systemägare", "objektägare", "objektsägare"]),
    (Field::Administrator, &["systemförvaltare"]),
    (Field::Date, &["datum", "klassningsdatum", "datum för klassning"]),
    (Field::Participants, &["deltagare"]),
    (Field::NextReview, &["nästa översyn"]),
    (Field::IsakVersion, &["isak-version", "isak version", "version"]),
];

fn field(text: &str) -> Option<Field> {
    let t = norm(text);
    LABELS.iter().find(|(_, names)| names.contains(&t.as_str())).map(|(f, _)| *f)
}

/// Reads the label/value pairs of `sheet`, skipping the rows in `skip` (the table).
pub fn read(sheet: &Sheet, skip: Option<(u32, u32)>, diags: &mut Diagnostics) -> ObjectFacts {
    let mut facts = ObjectFacts::default();
    let mut seen: Vec<Field> = Vec::new();
    for (row, cells) in sheet.rows_from(0) {
        if skip.is_some_and(|(a, b)| row >= a && row <= b) {
            continue;
        }
        for (i, cell) in cells.iter().enumerate() {
            let Value::Text(label) = &cell.value else { continue };
            let Some(f) = field(label) else { continue };
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            sheet.mark(row, cell.col);
            let Some(value_cell) = cells.get(i + 1) else { continue };
            if matches!(&value_cell.value, Value::Text(t) if field(t).is_some() || table::is_legend(t)) {
                continue;
            }
            let value = sheet.take(row, value_cell.col).cloned().unwrap_or(Value::Text(String::new()));
            set(&mut facts, f, &value, &sheet.name, (row, value_cell.col), diags);
        }
    }
    if facts.name.is_none() {
        diags.sheet(
            Severity::Warning,
            "OBJECT_NAME_MISSING",
            &sheet.name,
            "objektets namn saknas (ingen etikett IT-stöd, System eller Objekt med ett värde)".into(),
            "the object's name is missing (no label IT-stöd, System or Objekt with a value)".into(),
        );
    }
    facts
}

fn set(facts: &mut ObjectFacts, f: Field, value: &Value, sheet: &str, cell: (u32, u32), diags: &mut Diagnostics) {
    let text = Some(value.text()).filter(|t| !t.is_empty());
    let mut date = || dates::read_or_report(value, sheet, cell, diags);
    match f {
        Field::Name => facts.name = text,
        Field::Unit => facts.unit = text,
        Field::InformationOwner => facts.information_owner = text,
        Field::SystemOwner => facts.system_owner = text,
        Field::Administrator => facts.administrator = text,
        Field::Date => facts.date = date(),
        Field::NextReview => facts.next_review = date(),
        Field::IsakVersion => facts.isak_version = text,
        Field::Participants => {
            facts.participants = value
                .text()
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        }
    }
}
