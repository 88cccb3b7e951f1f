//! The three-way merge of an edited workbook: the values it was exported with, what the
//! database holds now, and what the workbook says, field by field. A field the person did not
//! touch keeps the database's value (someone may have changed it since); a field changed only
//! in the workbook applies; a field changed in both places to different values is a conflict:
//! shown, never applied. Values are compared as the workbook shows them.

use std::collections::HashMap;

use crate::sql::OptionalExtension;
use infoklass_core::requirements::{Action, Assessment};
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, InformationSet, ObjectMeta};

use crate::dto_workbook::{AnswerEdit, ExportedRow, RiskEdit, WorkbookConflict, WorkbookEdits};
use crate::workbook_apply::{fact_values, level_key, motivation_key, priority_sv, status_sv, treatment_sv, FACT_KEYS};
use crate::{ActionInput, ObjectDetail, RequirementView, Result, RiskAnalysisView, Store};

pub const FACTS: &str = "Översikt";
pub const SETS: &str = "Klassning";
pub const ANSWERS: &str = "Krav";
pub const ACTIONS: &str = "Handlingsplan";
pub const RISKS: &str = "Riskanalys";

/// The label key of a sheet named as the hidden sheet names it (a conflict names it so).
fn sheet_key(sheet: &str) -> &'static str {
    match sheet {
        FACTS => "sheet.overview",
        SETS => "sheet.classification",
        ANSWERS => "sheet.requirements",
        ACTIONS => "sheet.actions",
        _ => "sheet.risks",
    }
}

type Fields = Vec<(String, String)>;

fn level(l: Option<u8>) -> String {
    l.map(|l| l.to_string()).unwrap_or_default()
}

fn fields(pairs: &[(&str, String)]) -> Fields {
    pairs.iter().map(|(f, v)| (f.to_string(), v.clone())).collect()
}

pub fn fact_fields(m: &ObjectMeta) -> Fields {
    FACT_KEYS.iter().map(|k| k.to_string()).zip(fact_values(m)).collect()
}

pub fn set_fields(s: &InformationSet) -> Fields {
    let mut out = fields(&[("col.set", s.name.clone()), ("col.description", s.description.clone())]);
    for a in Aspect::ALL {
        out.push((level_key(a), level(*s.levels.get(a))));
        out.push((motivation_key(a), s.motivations.get(a).clone()));
    }
    out
}

pub fn answer_fields(a: &AnswerEdit) -> Fields {
    fields(&[
        ("col.self_assessment", a.answer.map(|x| x.name_sv()).unwrap_or("").to_string()),
        ("col.comment", a.comment.trim().to_string()),
        ("col.evidence", a.evidence.trim().to_string()),
    ])
}

pub fn action_fields(a: &ActionInput) -> Fields {
    fields(&[
        ("col.action", a.measure.trim().to_string()),
        ("col.responsible", a.responsible.trim().to_string()),
        ("col.due", a.due.clone().unwrap_or_default()),
        ("col.priority", priority_sv(a.priority).to_string()),
        ("col.status", status_sv(a.status).to_string()),
        ("col.follow_up", a.notes.trim().to_string()),
    ])
}

pub fn risk_fields(r: &RiskEdit) -> Fields {
    let aspects = r.aspects.iter().map(|x| x.code()).collect::<Vec<_>>().join(", ");
    fields(&[
        ("col.cause", r.cause.trim().to_string()),
        ("col.event", r.event.trim().to_string()),
        ("col.consequence_text", r.consequence_text.trim().to_string()),
        ("col.aspects", aspects),
        ("col.existing_controls", r.existing_controls.trim().to_string()),
        ("col.probability", r.probability.to_string()),
        ("col.consequence", r.consequence.to_string()),
        ("col.treatment", r.treatment.map(treatment_sv).unwrap_or("").to_string()),
        ("col.motivation", r.treatment_motivation.trim().to_string()),
        ("col.residual_probability", level(r.residual_probability)),
        ("col.residual_consequence", level(r.residual_consequence)),
    ])
}

pub fn answer_of(key: &str, a: Option<&Assessment>) -> AnswerEdit {
    AnswerEdit {
        key: key.into(),
        answer: a.map(|a| a.answer),
        comment: a.map(|a| a.comment.clone()).unwrap_or_default(),
        evidence: a.map(|a| a.evidence.clone()).unwrap_or_default(),
    }
}

pub fn action_of(a: &Action) -> ActionInput {
    ActionInput {
        id: Some(a.id.clone()),
        requirement_key: a.requirement_key.clone(),
        measure: a.measure.clone(),
        responsible: a.responsible.clone(),
        due: a.due.clone(),
        priority: a.priority,
        status: a.status,
        notes: a.notes.clone(),
    }
}

pub fn risk_of(r: &Risk) -> RiskEdit {
    RiskEdit {
        id: Some(r.id.clone()),
        cause: r.cause.clone(),
        event: r.event.clone(),
        consequence_text: r.consequence_text.clone(),
        aspects: r.aspects.clone(),
        existing_controls: r.existing_controls.clone(),
        probability: r.probability,
        consequence: r.consequence,
        treatment: r.treatment,
        treatment_motivation: r.treatment_motivation.clone(),
        residual_probability: r.residual_probability,
        residual_consequence: r.residual_consequence,
    }
}

/// Every editable value of an object's workbook, one row per item, as exported; the writer
/// stores these in a hidden sheet.
pub fn exported_rows(
    detail: &ObjectDetail,
    reqs: &RequirementView,
    actions: &[Action],
    risks: &RiskAnalysisView,
) -> Vec<ExportedRow> {
    let row = |sheet: &str, id: &str, f: Fields| ExportedRow {
        sheet: sheet.into(),
        id: id.into(),
        values: f.into_iter().map(|(_, v)| v).collect(),
    };
    let mut out = vec![row(FACTS, "", fact_fields(&detail.current.meta))];
    out.extend(detail.current.content.sets.iter().map(|s| row(SETS, &s.id, set_fields(s))));
    out.extend(
        reqs.items.iter().map(|i| row(ANSWERS, &i.key, answer_fields(&answer_of(&i.key, i.assessment.as_ref())))),
    );
    out.extend(actions.iter().map(|a| row(ACTIONS, &a.id, action_fields(&action_of(a)))));
    out.extend(risks.risks.iter().map(|r| row(RISKS, &r.risk.id, risk_fields(&risk_of(&r.risk)))));
    out
}

/// The database's state that the merge compares against, read once.
pub struct Current<'a> {
    pub detail: &'a ObjectDetail,
    pub reqs: &'a RequirementView,
    pub actions: &'a [Action],
    pub risks: &'a RiskAnalysisView,
}

struct Merge {
    /// Exported values by (sheet, row id), in field order.
    base: Option<HashMap<(String, String), Vec<String>>>,
    /// A workbook without exported values whose object changed after the export: every
    /// difference on an existing row may be someone else's change, so none is applied.
    unsure: bool,
    conflicts: Vec<WorkbookConflict>,
}

impl Merge {
    fn base(&self, sheet: &str, id: &str) -> Option<&Vec<String>> {
        self.base.as_ref()?.get(&(sheet.to_string(), id.to_string()))
    }

    /// Merges one row present in both the workbook and the database; `take` copies a field's
    /// database value into the workbook's row. The row's address (sheet, id, item), its two
    /// versions and the two accessors are what every sheet differs in, so they stay arguments.
    #[allow(clippy::too_many_arguments)]
    fn row<T>(
        &mut self,
        sheet: &str,
        id: &str,
        item: &str,
        edit: &mut T,
        db: &T,
        fields: fn(&T) -> Fields,
        take: fn(&mut T, &T, &str),
    ) {
        let base = self.base(sheet, id).cloned();
        if base.is_none() && !self.unsure {
            return;
        }
        for (i, ((field, w), (_, d))) in fields(edit).into_iter().zip(fields(db)).enumerate() {
            if w == d {
                continue;
            }
            let exported = base.as_ref().map(|b| b.get(i).cloned().unwrap_or_default());
            match &exported {
                Some(b) if *b == w => take(edit, db, &field),
                Some(b) if *b == d => {}
                _ => {
                    self.conflicts.push(WorkbookConflict {
                        sheet: sheet_key(sheet).into(),
                        item: item.into(),
                        field: field.clone(),
                        database: d,
                        workbook: w,
                        exported,
                        removed: false,
                    });
                    take(edit, db, &field);
                }
            }
        }
    }

    /// A row the workbook has by id that the database no longer has. Unchanged since the
    /// export it is dropped; changed, it is a conflict. Rows without exported values keep
    /// today's meaning (a new row).
    fn removed<T>(&mut self, sheet: &str, id: &str, item: &str, edit: &T, fields: fn(&T) -> Fields) -> bool {
        let Some(base) = self.base(sheet, id).cloned() else { return false };
        for (i, (field, w)) in fields(edit).into_iter().enumerate() {
            let b = base.get(i).cloned().unwrap_or_default();
            if b != w {
                self.conflicts.push(WorkbookConflict {
                    sheet: sheet_key(sheet).into(),
                    item: item.into(),
                    field,
                    database: String::new(),
                    workbook: w,
                    exported: Some(b),
                    removed: true,
                });
            }
        }
        true
    }
}

impl Store {
    /// The workbook's edits reduced to what the person changed since the export, plus the
    /// conflicts: fields also changed in the database, which keep the database's value.
    pub(crate) fn merge_workbook(
        &self,
        edits: &WorkbookEdits,
        cur: &Current,
    ) -> Result<(WorkbookEdits, Vec<WorkbookConflict>)> {
        let base = edits.exported.as_ref().map(|values| {
            values.iter().map(|r| ((r.sheet.clone(), r.id.clone()), r.values.clone())).collect::<HashMap<_, _>>()
        });
        let unsure = base.is_none() && self.changed_since(&edits.object_id, &edits.exported_at)?;
        let mut m = Merge { base, unsure, conflicts: Vec::new() };
        let mut out = edits.clone();
        let current = &cur.detail.current;
        m.row(FACTS, "", &current.meta.name, &mut out.facts, &current.meta, fact_fields, take_fact);

        let mut sets = Vec::new();
        for mut s in out.sets {
            match current.content.sets.iter().find(|d| !s.id.is_empty() && d.id == s.id) {
                Some(d) => {
                    m.row(SETS, &d.id.clone(), &d.name, &mut s, d, set_fields, take_set);
                    sets.push(s);
                }
                None if !s.id.is_empty() && m.removed(SETS, &s.id.clone(), &s.name, &s, set_fields) => {}
                None => sets.push(s),
            }
        }
        out.sets = sets;

        for a in out.answers.iter_mut() {
            if let Some(item) = cur.reqs.items.iter().find(|i| i.key == a.key) {
                let d = answer_of(&item.key, item.assessment.as_ref());
                m.row(ANSWERS, &item.key, &item.key, a, &d, answer_fields, take_answer);
            }
        }

        let mut actions = Vec::new();
        for mut a in out.actions {
            let id = a.id.clone().unwrap_or_default();
            match cur.actions.iter().find(|d| !id.is_empty() && d.id == id) {
                Some(d) => {
                    m.row(ACTIONS, &id, &d.measure, &mut a, &action_of(d), action_fields, take_action);
                    actions.push(a);
                }
                None if !id.is_empty() && m.removed(ACTIONS, &id, &a.measure.clone(), &a, action_fields) => {}
                None => actions.push(a),
            }
        }
        out.actions = actions;

        let mut risks = Vec::new();
        for mut r in out.risks {
            let id = r.id.clone().unwrap_or_default();
            match cur.risks.risks.iter().find(|d| !id.is_empty() && d.risk.id == id) {
                Some(d) => {
                    m.row(RISKS, &id, &d.risk.event, &mut r, &risk_of(&d.risk), risk_fields, take_risk);
                    risks.push(r);
                }
                None if !id.is_empty() && m.removed(RISKS, &id, &r.event.clone(), &r, risk_fields) => {}
                None => risks.push(r),
            }
        }
        out.risks = risks;
        Ok((out, m.conflicts))
    }

    /// True when the object's history has an entry after `at` (RFC 3339, as the audit keeps it).
    fn changed_since(&self, object_id: &str, at: &str) -> Result<bool> {
        if at.is_empty() {
            return Ok(true);
        }
        Ok(self
            .conn
            .query_row("SELECT 1 FROM audit WHERE object_id = ?1 AND at > ?2 LIMIT 1", [object_id, at], |_| Ok(()))
            .optional()?
            .is_some())
    }
}

fn take_fact(e: &mut ObjectMeta, d: &ObjectMeta, field: &str) {
    match field {
        "fact.description" => e.description = d.description.clone(),
        "fact.unit" => e.unit = d.unit.clone(),
        "fact.information_owner" => e.information_owner = d.information_owner.clone(),
        "fact.system_owner" => e.system_owner = d.system_owner.clone(),
        "fact.system_administrator" => e.system_administrator = d.system_administrator.clone(),
        "fact.supplier" => e.supplier = d.supplier.clone(),
        "fact.participants" => e.participants = d.participants.clone(),
        "fact.tags" => e.tags = d.tags.clone(),
        "fact.classification_date" => e.classification_date = d.classification_date.clone(),
        "fact.next_review" => e.next_review = d.next_review.clone(),
        _ => {}
    }
}

fn take_set(e: &mut InformationSet, d: &InformationSet, field: &str) {
    match field {
        "col.set" => e.name = d.name.clone(),
        "col.description" => e.description = d.description.clone(),
        _ => {
            for a in Aspect::ALL {
                if field == level_key(a) {
                    *e.levels.get_mut(a) = *d.levels.get(a);
                } else if field == motivation_key(a) {
                    *e.motivations.get_mut(a) = d.motivations.get(a).clone();
                }
            }
        }
    }
}

fn take_answer(e: &mut AnswerEdit, d: &AnswerEdit, field: &str) {
    match field {
        "col.self_assessment" => e.answer = d.answer,
        "col.comment" => e.comment = d.comment.clone(),
        "col.evidence" => e.evidence = d.evidence.clone(),
        _ => {}
    }
}

fn take_action(e: &mut ActionInput, d: &ActionInput, field: &str) {
    match field {
        "col.action" => e.measure = d.measure.clone(),
        "col.responsible" => e.responsible = d.responsible.clone(),
        "col.due" => e.due = d.due.clone(),
        "col.priority" => e.priority = d.priority,
        "col.status" => e.status = d.status,
        "col.follow_up" => e.notes = d.notes.clone(),
        _ => {}
    }
}

fn take_risk(e: &mut RiskEdit, d: &RiskEdit, field: &str) {
    match field {
        "col.cause" => e.cause = d.cause.clone(),
        "col.event" => e.event = d.event.clone(),
        "col.consequence_text" => e.consequence_text = d.consequence_text.clone(),
        "col.aspects" => e.aspects = d.aspects.clone(),
        "col.existing_controls" => e.existing_controls = d.existing_controls.clone(),
        "col.probability" => e.probability = d.probability,
        "col.consequence" => e.consequence = d.consequence,
        "col.treatment" => e.treatment = d.treatment,
        "col.motivation" => e.treatment_motivation = d.treatment_motivation.clone(),
        "col.residual_probability" => e.residual_probability = d.residual_probability,
        "col.residual_consequence" => e.residual_consequence = d.residual_consequence,
        _ => {}
    }
}
