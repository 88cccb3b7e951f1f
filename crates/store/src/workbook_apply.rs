//! Applying an edited Infoklass workbook: first the list of differences (the preview), then
//! the same differences written in one transaction. Matching is by stable id, never by
//! position, so sorted or filtered sheets come back right.

use infoklass_core::labels::{parse_word, word, Lang};
use infoklass_core::requirements::{ActionStatus, Answer, Assessment, Priority};
use infoklass_core::risk::{Risk, Treatment};
use infoklass_core::{Aspect, InformationSet, ObjectMeta, Status};

use crate::dto_workbook::{RiskEdit, WorkbookChange, WorkbookEdits, WorkbookPlan};
use crate::workbook_merge::Current;
use crate::{ActionInput, Ctx, Result, RiskInput, Store};

// The preview names sheets and fields by label key (`col.priority`; `a+b` is two labels joined,
// as the workbook's headers are) and gives words by their wire name (`hog`), so the store
// stays language-free; `infoklass_files::plan_words` writes them in the reader's language.
const FACTS: &str = "sheet.overview";
const SET: &str = "sheet.classification";
const REQ: &str = "sheet.requirements";
const ACTIONS: &str = "sheet.actions";
const RISKS: &str = "sheet.risks";

/// The label key of an aspect's level column and of its motivation column.
pub fn level_key(a: Aspect) -> String {
    format!("aspect.{}", a.code())
}

pub fn motivation_key(a: Aspect) -> String {
    format!("col.motivation+aspect.{}", a.code())
}

/// An enum value's serialised name, the key its label is found by.
fn wire<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn change(sheet: &str, item: &str, field: &str, old: impl ToString, new: impl ToString) -> WorkbookChange {
    WorkbookChange {
        sheet: sheet.into(),
        item: item.into(),
        field: field.into(),
        old: old.to_string(),
        new: new.to_string(),
    }
}

fn level(l: Option<u8>) -> String {
    l.map(|l| l.to_string()).unwrap_or_default()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

impl Store {
    /// What applying the workbook would change; nothing is written.
    pub fn workbook_plan(&self, edits: &WorkbookEdits, today: &str) -> Result<WorkbookPlan> {
        Ok(self.merged_plan(edits, today)?.1)
    }

    /// The workbook's edits merged with the database (only what the person changed since the
    /// export is left), and the plan of those changes with the conflicts.
    fn merged_plan(&self, edits: &WorkbookEdits, today: &str) -> Result<(WorkbookEdits, WorkbookPlan)> {
        let detail = self.get_object(&edits.object_id, today)?;
        let reqs = self.requirements(&edits.object_id)?;
        let actions = self.action_plan(&edits.object_id, today)?;
        let analysis = self.risk_analysis(&edits.object_id)?;
        let (edits, conflicts) =
            self.merge_workbook(edits, &Current { detail: &detail, reqs: &reqs, actions: &actions, risks: &analysis })?;
        let current = &detail.current;
        let mut out = Vec::new();
        facts_changes(&current.meta, &edits.facts, &mut out);
        let sets_before = out.len();
        for set in &edits.sets {
            match current.content.sets.iter().find(|s| same_set(s, set)) {
                Some(old) => set_changes(old, set, &mut out),
                None => out.push(change(SET, &set.name, "change.new_set", "", levels_text(set))),
            }
        }
        let sets_changed = out.len() > sets_before;
        for a in &edits.answers {
            let Some(item) = reqs.items.iter().find(|i| i.key == a.key) else { continue };
            let old = item.assessment.as_ref();
            let Some(answer) = a.answer else {
                // An emptied answer takes the answer back; text without an answer cannot be kept.
                if let Some(o) = old {
                    out.push(change(REQ, &a.key, "col.self_assessment", wire(o.answer), ""));
                } else if !a.comment.trim().is_empty() || !a.evidence.trim().is_empty() {
                    out.push(change(REQ, &a.key, "change.comment_not_kept", "", a.comment.trim()));
                }
                continue;
            };
            if old.map(|o| o.answer) != Some(answer) {
                out.push(change(
                    REQ,
                    &a.key,
                    "col.self_assessment",
                    old.map(|o| wire(o.answer)).unwrap_or_default(),
                    wire(answer),
                ));
            }
            if old.map(|o| o.comment.as_str()).unwrap_or("") != a.comment.trim() {
                out.push(change(
                    REQ,
                    &a.key,
                    "col.comment",
                    old.map(|o| o.comment.as_str()).unwrap_or(""),
                    a.comment.trim(),
                ));
            }
            if old.map(|o| o.evidence.as_str()).unwrap_or("") != a.evidence.trim() {
                out.push(change(
                    REQ,
                    &a.key,
                    "col.evidence",
                    old.map(|o| o.evidence.as_str()).unwrap_or(""),
                    a.evidence.trim(),
                ));
            }
        }
        for a in &edits.actions {
            match actions.iter().find(|x| same_action(x, a)) {
                Some(old) => {
                    let pairs = [
                        ("col.action", old.measure.clone(), a.measure.trim().to_string()),
                        ("col.responsible", old.responsible.clone(), a.responsible.trim().to_string()),
                        ("col.due", opt(&old.due), opt(&a.due)),
                        ("col.priority", wire(old.priority), wire(a.priority)),
                        ("col.status", wire(old.status), wire(a.status)),
                        ("col.follow_up", old.notes.clone(), a.notes.trim().to_string()),
                    ];
                    for (field, o, n) in pairs.into_iter().filter(|(_, o, n)| o != n) {
                        out.push(change(ACTIONS, &old.measure, field, o, n));
                    }
                }
                None => out.push(change(ACTIONS, a.measure.trim(), "change.new_action", "", a.measure.trim())),
            }
        }
        for r in &edits.risks {
            match analysis.risks.iter().find(|x| same_risk(&x.risk, r)) {
                Some(old) => risk_changes(&old.risk, r, &mut out),
                None => out.push(change(
                    RISKS,
                    r.event.trim(),
                    "change.new_risk",
                    "",
                    format!("{} × {}", r.probability, r.consequence),
                )),
            }
        }
        let plan = WorkbookPlan {
            object_id: detail.id.clone(),
            object_name: current.meta.name.clone(),
            stale: edits.classification_version != 0 && edits.classification_version < current.version,
            starts_reclassification: sets_changed && current.status == Status::Faststalld,
            changes: out,
            conflicts,
        };
        Ok((edits, plan))
    }

    /// Applies the workbook in one transaction and returns what changed. A change to the
    /// sets of an approved classification starts a re-classification first. Conflicts are
    /// returned in the plan and not applied.
    pub fn apply_workbook(&mut self, ctx: &Ctx, edits: &WorkbookEdits) -> Result<WorkbookPlan> {
        let (edits, plan) = self.merged_plan(edits, &ctx.today)?;
        if plan.changes.is_empty() {
            return Ok(plan);
        }
        self.write_with(|store| store.apply_inner(ctx, &edits, &plan))?;
        Ok(plan)
    }

    fn apply_inner(&mut self, ctx: &Ctx, edits: &WorkbookEdits, plan: &WorkbookPlan) -> Result<()> {
        let id = edits.object_id.as_str();
        let detail = self.get_object(id, &ctx.today)?;
        let mut meta = detail.meta.clone();
        apply_facts(&mut meta, &edits.facts);
        self.update_object(ctx, id, &meta)?;
        let mut content = detail.current.content.clone();
        let mut sets_changed = false;
        for set in &edits.sets {
            match content.sets.iter_mut().find(|s| same_set(s, set)) {
                Some(old)
                    if old.name != set.name
                        || old.description != set.description
                        || old.levels != set.levels
                        || old.motivations != set.motivations =>
                {
                    let (id, info_type) = (old.id.clone(), old.info_type.clone());
                    *old = InformationSet { id, info_type, ..set.clone() };
                    sets_changed = true;
                }
                Some(_) => {}
                None => {
                    content.sets.push(InformationSet { id: String::new(), ..set.clone() });
                    sets_changed = true;
                }
            }
        }
        if sets_changed {
            if plan.starts_reclassification {
                self.start_reclassification(ctx, id)?;
            }
            self.save_draft(ctx, id, &content)?;
        }
        let reqs = self.requirements(id)?;
        for a in &edits.answers {
            let Some(item) = reqs.items.iter().find(|i| i.key == a.key) else { continue };
            let Some(answer) = a.answer else {
                if item.assessment.is_some() {
                    self.clear_assessment(ctx, id, &a.key)?;
                }
                continue;
            };
            let new = Assessment {
                key: a.key.clone(),
                answer,
                comment: a.comment.trim().into(),
                evidence: a.evidence.trim().into(),
            };
            if item.assessment.as_ref() != Some(&new) {
                self.save_assessment(ctx, id, &new)?;
            }
        }
        let actions = self.action_plan(id, &ctx.today)?;
        for a in &edits.actions {
            let old = actions.iter().find(|x| same_action(x, a));
            // The requirement an action answers is set in the app, never by the workbook.
            let input = ActionInput {
                id: old.map(|o| o.id.clone()),
                requirement_key: old.and_then(|o| o.requirement_key.clone()),
                ..a.clone()
            };
            let same = old.is_some_and(|o| {
                o.measure == a.measure.trim()
                    && o.responsible == a.responsible.trim()
                    && o.due == a.due
                    && o.priority == a.priority
                    && o.status == a.status
                    && o.notes == a.notes.trim()
            });
            if !same {
                self.save_action(ctx, id, &input)?;
            }
        }
        let analysis = self.risk_analysis(id)?;
        for r in &edits.risks {
            let old = analysis.risks.iter().find(|x| same_risk(&x.risk, r)).map(|v| &v.risk);
            let mut changes = Vec::new();
            if let Some(o) = old {
                risk_changes(o, r, &mut changes);
                if changes.is_empty() {
                    continue;
                }
            }
            let mut risk = old.cloned().unwrap_or_default();
            merge_risk(&mut risk, r);
            self.save_risk(ctx, id, &RiskInput { risk, new_actions: Vec::new() })?;
        }
        Ok(())
    }
}

/// Rows carry their id; a row added in the workbook has none and is matched by its name, so
/// reading the same workbook twice does not add it twice.
fn same_set(old: &InformationSet, new: &InformationSet) -> bool {
    if new.id.is_empty() {
        same_text(&old.name, &new.name)
    } else {
        old.id == new.id
    }
}

fn same_action(old: &infoklass_core::requirements::Action, new: &ActionInput) -> bool {
    match &new.id {
        Some(id) => &old.id == id,
        None => same_text(&old.measure, &new.measure),
    }
}

fn same_risk(old: &Risk, new: &RiskEdit) -> bool {
    match &new.id {
        Some(id) => &old.id == id,
        None => same_text(&old.event, &new.event),
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The facts a workbook may change, by label key, in the order the overview sheet lists them.
pub const FACT_KEYS: [&str; 10] = [
    "fact.description",
    "fact.unit",
    "fact.information_owner",
    "fact.system_owner",
    "fact.system_administrator",
    "fact.supplier",
    "fact.participants",
    "fact.tags",
    "fact.classification_date",
    "fact.next_review",
];

/// The labels of `FACT_KEYS` in `lang`.
pub fn fact_labels(lang: Lang) -> [&'static str; 10] {
    FACT_KEYS.map(|k| infoklass_core::labels::text(lang, k))
}

/// The values of `FACT_KEYS`, as the workbook shows them.
pub fn fact_values(m: &ObjectMeta) -> [String; 10] {
    [
        m.description.trim().into(),
        m.unit.trim().into(),
        m.information_owner.trim().into(),
        m.system_owner.trim().into(),
        m.system_administrator.trim().into(),
        m.supplier.trim().into(),
        m.participants.join("; "),
        m.tags.join("; "),
        opt(&m.classification_date),
        opt(&m.next_review),
    ]
}

fn facts_changes(meta: &ObjectMeta, facts: &ObjectMeta, out: &mut Vec<WorkbookChange>) {
    for ((key, old), new) in FACT_KEYS.iter().zip(fact_values(meta)).zip(fact_values(facts)) {
        if old != new {
            out.push(change(FACTS, &meta.name, key, old, new));
        }
    }
}

fn apply_facts(m: &mut ObjectMeta, f: &ObjectMeta) {
    m.description = f.description.trim().into();
    m.unit = f.unit.trim().into();
    m.information_owner = f.information_owner.trim().into();
    m.system_owner = f.system_owner.trim().into();
    m.system_administrator = f.system_administrator.trim().into();
    m.supplier = f.supplier.trim().into();
    m.participants = f.participants.clone();
    m.tags = f.tags.clone();
    m.classification_date = f.classification_date.clone();
    m.next_review = f.next_review.clone();
}

fn levels_text(set: &InformationSet) -> String {
    Aspect::ALL.iter().map(|a| format!("{}{}", a.code(), level(*set.levels.get(*a)))).collect::<Vec<_>>().join(" ")
}

fn set_changes(old: &InformationSet, new: &InformationSet, out: &mut Vec<WorkbookChange>) {
    if old.name != new.name {
        out.push(change(SET, &old.name, "col.set", &old.name, &new.name));
    }
    if old.description != new.description {
        out.push(change(SET, &old.name, "col.description", &old.description, &new.description));
    }
    for a in Aspect::ALL {
        if old.levels.get(a) != new.levels.get(a) {
            out.push(change(SET, &old.name, &level_key(a), level(*old.levels.get(a)), level(*new.levels.get(a))));
        }
        if old.motivations.get(a) != new.motivations.get(a) {
            out.push(change(SET, &old.name, &motivation_key(a), old.motivations.get(a), new.motivations.get(a)));
        }
    }
}

fn risk_changes(old: &Risk, new: &RiskEdit, out: &mut Vec<WorkbookChange>) {
    let aspects = |a: &[Aspect]| a.iter().map(|x| x.code()).collect::<Vec<_>>().join(", ");
    let num = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    let pairs = [
        ("col.cause", old.cause.clone(), new.cause.trim().to_string()),
        ("col.event", old.event.clone(), new.event.trim().to_string()),
        ("col.consequence_text", old.consequence_text.clone(), new.consequence_text.trim().to_string()),
        ("col.aspects", aspects(&old.aspects), aspects(&new.aspects)),
        ("col.existing_controls", old.existing_controls.clone(), new.existing_controls.trim().to_string()),
        ("col.probability", old.probability.to_string(), new.probability.to_string()),
        ("col.consequence", old.consequence.to_string(), new.consequence.to_string()),
        ("col.treatment", old.treatment.map(wire).unwrap_or_default(), new.treatment.map(wire).unwrap_or_default()),
        ("col.motivation", old.treatment_motivation.clone(), new.treatment_motivation.trim().to_string()),
        ("col.residual_probability", num(old.residual_probability), num(new.residual_probability)),
        ("col.residual_consequence", num(old.residual_consequence), num(new.residual_consequence)),
    ];
    for (field, o, n) in pairs.into_iter().filter(|(_, o, n)| o != n) {
        out.push(change(RISKS, &old.event, field, o, n));
    }
}

fn merge_risk(risk: &mut Risk, r: &RiskEdit) {
    risk.cause = r.cause.trim().into();
    risk.event = r.event.trim().into();
    risk.consequence_text = r.consequence_text.trim().into();
    risk.aspects = r.aspects.clone();
    risk.existing_controls = r.existing_controls.trim().into();
    risk.probability = r.probability;
    risk.consequence = r.consequence;
    risk.treatment = r.treatment;
    risk.treatment_motivation = r.treatment_motivation.trim().into();
    risk.residual_probability = r.residual_probability;
    risk.residual_consequence = r.residual_consequence;
}

// The words come from the label table in core (both languages read back, Swedish is written).
pub fn priority_sv(p: Priority) -> &'static str {
    word(Lang::Sv, "priority", p)
}

pub fn status_sv(s: ActionStatus) -> &'static str {
    word(Lang::Sv, "action_status", s)
}

pub fn treatment_sv(t: Treatment) -> &'static str {
    word(Lang::Sv, "treatment", t)
}

/// Parses the words the workbook's dropdowns offer (any case, Swedish or English).
pub fn answer_from_sv(s: &str) -> Option<Answer> {
    let all = [Answer::Uppfyllt, Answer::DelvisUppfyllt, Answer::EjUppfyllt, Answer::EjTillampligt, Answer::VetEj];
    parse_word("answer", &all, s)
}

pub fn priority_from_sv(s: &str) -> Option<Priority> {
    parse_word("priority", &[Priority::Hog, Priority::Medel, Priority::Lag], s)
}

pub fn status_from_sv(s: &str) -> Option<ActionStatus> {
    let all = [ActionStatus::EjPaborjad, ActionStatus::Pagar, ActionStatus::Forsenad, ActionStatus::Klar];
    parse_word("action_status", &all, s)
}

pub fn treatment_from_sv(s: &str) -> Option<Treatment> {
    parse_word("treatment", &[Treatment::Acceptera, Treatment::Reducera, Treatment::Undvika, Treatment::Overfora], s)
}
