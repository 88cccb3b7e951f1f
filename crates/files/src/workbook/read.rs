//! Reads an Infoklass workbook back into the edits it carries. Columns are found by their
//! header text, rows by their stable IDs, so sorted, filtered or widened sheets still read.
//! Formulas are never evaluated: only the typed-in cells are read.

use std::collections::HashMap;

use calamine::{Data, Range};
use infoklass_core::labels::{aspect_letter, Lang};
use infoklass_core::{Aspect, InformationSet, ObjectMeta, PerAspect};
use infoklass_isak::guard::Workbook;
use infoklass_isak::Limits;
use infoklass_store::workbook_apply::{answer_from_sv, priority_from_sv, status_from_sv, treatment_from_sv, FACT_KEYS};
use infoklass_store::{ActionInput, AnswerEdit, ExportedRow, RiskEdit, WorkbookEdits};
use serde::{Deserialize, Serialize};

use super::layout::{
    col_name, header, sheet_name, words, ACTIONS, ACTION_STATUSES, ANSWERS, CLASSIFICATION, EXPORTED,
    FIRST_VERSION_WITH_EXPORTED, FORMAT_NAME, FORMAT_VERSION, HEADER_ROW, META, OVERVIEW, PRIORITIES, REQUIREMENTS,
    RISKS, TREATMENTS,
};

pub const MAX_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_ROWS: u32 = 20_000;

/// A cell the reader could not take, with its address and the reason in Swedish and English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellProblem {
    pub sheet: String,
    pub cell: String,
    pub message_sv: String,
    pub message_en: String,
}

/// True when the bytes are an Infoklass workbook (it has the meta sheet with our format).
/// Opened through the guard, so a hostile file is refused before calamine allocates for it.
pub fn is_infoklass_workbook(bytes: &[u8]) -> bool {
    Workbook::open(bytes, &Limits::default()).is_ok_and(|mut wb| is_infoklass(&mut wb))
}

/// True when the opened workbook has the meta sheet with our format.
pub fn is_infoklass(wb: &mut Workbook) -> bool {
    wb.has_sheet(META)
        && wb.range(META).map(|r| meta(&r).get("format").map(String::as_str) == Some(FORMAT_NAME)).unwrap_or(false)
}

pub fn read_workbook(bytes: &[u8]) -> Result<WorkbookEdits, Vec<CellProblem>> {
    let mut wb = too_large(bytes.len()).map_or_else(
        || Workbook::open(bytes, &Limits::default()).map_err(|e| whole(e.message_sv(), e.message_en())),
        Err,
    )?;
    read_opened(&mut wb)
}

/// Reads a workbook the import opened (and checked) once; `size` is the file's size in bytes.
pub fn read_checked(wb: &mut Workbook, size: usize) -> Result<WorkbookEdits, Vec<CellProblem>> {
    too_large(size).map_or(Ok(()), Err)?;
    read_opened(wb)
}

fn whole(message_sv: String, message_en: String) -> Vec<CellProblem> {
    vec![CellProblem { sheet: String::new(), cell: String::new(), message_sv, message_en }]
}

fn too_large(size: usize) -> Option<Vec<CellProblem>> {
    (size > MAX_BYTES).then(|| {
        whole(
            format!("Filen är {size} byte; högst {MAX_BYTES} läses."),
            format!("The file is {size} bytes; at most {MAX_BYTES} are read."),
        )
    })
}

fn read_opened(wb: &mut Workbook) -> Result<WorkbookEdits, Vec<CellProblem>> {
    // The workbook's language is the one its classification sheet is named in (Swedish when
    // neither is found, so the missing sheet is reported by its Swedish name).
    let lang = Lang::ALL.into_iter().find(|l| wb.has_sheet(sheet_name(*l, CLASSIFICATION))).unwrap_or_default();
    let mut sheet = |name: &str| -> Result<Range<Data>, Vec<CellProblem>> {
        if !wb.has_sheet(name) {
            return Err(whole(format!("Bladet \"{name}\" saknas."), format!("The sheet \"{name}\" is missing.")));
        }
        let range = wb.range(name).map_err(|e| whole(e.message_sv(), e.message_en()))?;
        if range.end().is_some_and(|(r, _)| r > MAX_ROWS) {
            return Err(whole(
                format!("Bladet \"{name}\" har fler än {MAX_ROWS} rader."),
                format!("The sheet \"{name}\" has more than {MAX_ROWS} rows."),
            ));
        }
        Ok(range)
    };
    let meta_sheet = sheet(META)?;
    let m = meta(&meta_sheet);
    if m.get("format").map(String::as_str) != Some(FORMAT_NAME) {
        return Err(whole(
            "Arbetsboken är inte exporterad från Infoklass (bladet _meta saknar formatet).".into(),
            "The workbook was not exported by Infoklass (the _meta sheet lacks the format).".into(),
        ));
    }
    if m.get("kind").map(String::as_str) == Some("portfolio") {
        return Err(whole(
            "En portföljarbetsbok läses inte in; använd arbetsboken för ett enskilt objekt.".into(),
            "A portfolio workbook is not imported; use the workbook of a single object.".into(),
        ));
    }
    let version: u32 = m.get("format_version").and_then(|v| v.parse().ok()).unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(whole(
            format!(
                "Arbetsboken har formatversion {version}; den här versionen av Infoklass läser högst {FORMAT_VERSION}."
            ),
            format!(
                "The workbook has format version {version}; this version of Infoklass reads at most {FORMAT_VERSION}."
            ),
        ));
    }
    let mut problems = Vec::new();
    let mut edits = WorkbookEdits {
        object_id: m.get("object_id").cloned().unwrap_or_default(),
        classification_version: m.get("classification_version").and_then(|v| v.parse().ok()).unwrap_or(0),
        exported_at: m.get("exported_at").cloned().unwrap_or_default(),
        ..Default::default()
    };
    // Without the exported values (version 1, or the sheet removed) the import is cautious.
    if version >= FIRST_VERSION_WITH_EXPORTED {
        edits.exported = sheet(EXPORTED).ok().map(|r| read_exported(&r));
    }
    let name = |key: &str| sheet_name(lang, key);
    edits.facts = read_facts(&sheet(name(OVERVIEW))?, lang, &mut problems);
    edits.sets = read_sets(&table(lang, CLASSIFICATION, sheet(name(CLASSIFICATION))?), &mut problems);
    edits.answers = read_answers(&table(lang, REQUIREMENTS, sheet(name(REQUIREMENTS))?), &mut problems);
    edits.actions = read_actions(&table(lang, ACTIONS, sheet(name(ACTIONS))?), &mut problems);
    edits.risks = read_risks(&table(lang, RISKS, sheet(name(RISKS))?), &mut problems);
    if problems.is_empty() {
        Ok(edits)
    } else {
        Err(problems)
    }
}

fn meta(range: &Range<Data>) -> HashMap<String, String> {
    range.rows().filter(|r| r.len() >= 2).map(|r| (text(&r[0]), text(&r[1]))).collect()
}

fn read_exported(range: &Range<Data>) -> Vec<ExportedRow> {
    range
        .rows()
        .filter(|r| r.first().is_some_and(|c| !text(c).is_empty()))
        .map(|r| ExportedRow {
            sheet: text(&r[0]),
            id: r.get(1).map(text).unwrap_or_default(),
            values: r.iter().skip(2).map(text).collect(),
        })
        .collect()
}

/// A cell as trimmed text; numbers without a fraction lose their ".0".
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.date().to_string()).unwrap_or_else(|| dt.to_string()),
        other => other.to_string().trim().to_string(),
    }
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(text).unwrap_or_default()
}

/// Column index by header text in the header row.
fn columns(range: &Range<Data>) -> HashMap<String, u32> {
    let width = range.end().map(|(_, c)| c + 1).unwrap_or(0);
    (0..width).map(|c| (cell(range, HEADER_ROW, c).to_lowercase(), c)).filter(|(h, _)| !h.is_empty()).collect()
}

/// A table sheet; columns are asked for by label key (`col.set`), in the workbook's language.
struct Table {
    lang: Lang,
    sheet: &'static str,
    range: Range<Data>,
    cols: HashMap<String, u32>,
}

impl Table {
    fn col(&self, key: &str) -> Option<u32> {
        self.cols.get(&header(self.lang, key).to_lowercase()).copied()
    }

    fn get(&self, row: u32, key: &str) -> String {
        self.col(key).map(|c| cell(&self.range, row, c)).unwrap_or_default()
    }

    fn address(&self, row: u32, key: &str) -> String {
        format!("{}{}", col_name(self.col(key).unwrap_or(0) as u16), row + 1)
    }

    fn rows(&self) -> std::ops::RangeInclusive<u32> {
        HEADER_ROW + 1..=self.range.end().map(|(r, _)| r).unwrap_or(HEADER_ROW)
    }

    fn problem(&self, problems: &mut Vec<CellProblem>, row: u32, header: &str, message_sv: String, message_en: String) {
        problems.push(CellProblem {
            sheet: self.sheet.into(),
            cell: self.address(row, header),
            message_sv,
            message_en,
        });
    }

    /// A number in min..=max, or None when blank; anything else is a problem.
    fn number(&self, problems: &mut Vec<CellProblem>, row: u32, header: &str, min: u8, max: u8) -> Option<u8> {
        let raw = self.get(row, header);
        if raw.is_empty() {
            return None;
        }
        match raw.parse::<u8>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.problem(
                    problems,
                    row,
                    header,
                    format!("\"{raw}\" är inte ett heltal {min}–{max}."),
                    format!("\"{raw}\" is not a whole number {min}–{max}."),
                );
                None
            }
        }
    }

    fn date(&self, problems: &mut Vec<CellProblem>, row: u32, header: &str) -> Option<String> {
        let raw = self.get(row, header);
        if raw.is_empty() {
            return None;
        }
        if infoklass_core::object::is_iso_date(&raw) {
            Some(raw)
        } else {
            self.problem(
                problems,
                row,
                header,
                format!("\"{raw}\" är inte ett datum (ÅÅÅÅ-MM-DD)."),
                format!("\"{raw}\" is not a date (YYYY-MM-DD)."),
            );
            None
        }
    }
}

fn table(lang: Lang, sheet: &str, range: Range<Data>) -> Table {
    Table { lang, sheet: sheet_name(lang, sheet), cols: columns(&range), range }
}

/// The words a dropdown offers, for a message: "Hög, Medel, Låg".
fn offered<T: Serialize + Copy>(lang: Lang, group: &str, all: &[T]) -> String {
    words(lang, group, all).join(", ")
}

fn list(s: &str) -> Vec<String> {
    s.split([';', ',']).map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

fn read_facts(range: &Range<Data>, lang: Lang, problems: &mut Vec<CellProblem>) -> ObjectMeta {
    let height = range.end().map(|(r, _)| r + 1).unwrap_or(0);
    let value = |key: &str| {
        let label = infoklass_core::labels::text(lang, key);
        (0..height).find(|r| cell(range, *r, 0) == label).map(|r| cell(range, r, 1)).unwrap_or_default()
    };
    let date = |key: &str, problems: &mut Vec<CellProblem>| {
        let v = value(key);
        if v.is_empty() {
            None
        } else if infoklass_core::object::is_iso_date(&v) {
            Some(v)
        } else {
            problems.push(CellProblem {
                sheet: sheet_name(lang, OVERVIEW).into(),
                cell: infoklass_core::labels::text(lang, key).into(),
                message_sv: format!("\"{v}\" är inte ett datum (ÅÅÅÅ-MM-DD)."),
                message_en: format!("\"{v}\" is not a date (YYYY-MM-DD)."),
            });
            None
        }
    };
    // FACT_KEYS: description, unit, owners, supplier, participants, tags, the two dates.
    let [description, unit, information_owner, system_owner, system_administrator, supplier, participants, tags, classified, review] =
        FACT_KEYS;
    ObjectMeta {
        name: value("fact.object"),
        description: value(description),
        unit: value(unit),
        information_owner: value(information_owner),
        system_owner: value(system_owner),
        system_administrator: value(system_administrator),
        supplier: value(supplier),
        participants: list(&value(participants)),
        tags: list(&value(tags)),
        classification_date: date(classified, problems),
        next_review: date(review, problems),
        ..Default::default()
    }
}

fn read_sets(t: &Table, problems: &mut Vec<CellProblem>) -> Vec<InformationSet> {
    let mut out = Vec::new();
    for row in t.rows() {
        let name = t.get(row, "col.set");
        let id = t.get(row, "col.id");
        let levels = PerAspect::from_fn(|a| t.number(problems, row, &format!("aspect.{}", a.code()), 0, 4));
        let motivations = PerAspect::from_fn(|a| t.get(row, &format!("col.motivation+aspect.{}", a.code())));
        if name.is_empty() && id.is_empty() {
            if Aspect::ALL.iter().any(|a| levels.get(*a).is_some() || !motivations.get(*a).is_empty()) {
                t.problem(
                    problems,
                    row,
                    "col.set",
                    "Raden har nivåer men ingen informationsmängd.".into(),
                    "The row has levels but no information set.".into(),
                );
            }
            continue;
        }
        if name.is_empty() {
            t.problem(
                problems,
                row,
                "col.set",
                "Informationsmängden saknar namn.".into(),
                "The information set has no name.".into(),
            );
            continue;
        }
        out.push(InformationSet {
            id,
            name,
            description: t.get(row, "col.description"),
            info_type: None,
            levels,
            motivations,
        });
    }
    out
}

fn read_answers(t: &Table, problems: &mut Vec<CellProblem>) -> Vec<AnswerEdit> {
    let mut out = Vec::new();
    for row in t.rows() {
        let key = t.get(row, "col.key");
        if key.is_empty() {
            continue;
        }
        let raw = t.get(row, "col.self_assessment");
        let answer = answer_from_sv(&raw);
        if answer.is_none() && !raw.is_empty() {
            t.problem(
                problems,
                row,
                "col.self_assessment",
                format!("\"{raw}\" är inget svar ({}).", offered(Lang::Sv, "answer", &ANSWERS)),
                format!("\"{raw}\" is not an answer ({}).", offered(t.lang, "answer", &ANSWERS)),
            );
            continue;
        }
        out.push(AnswerEdit { key, answer, comment: t.get(row, "col.comment"), evidence: t.get(row, "col.evidence") });
    }
    out
}

fn read_actions(t: &Table, problems: &mut Vec<CellProblem>) -> Vec<ActionInput> {
    let mut out = Vec::new();
    for row in t.rows() {
        let (id, measure) = (t.get(row, "col.id"), t.get(row, "col.action"));
        if id.is_empty() && measure.is_empty() {
            continue;
        }
        let (p, s) = (t.get(row, "col.priority"), t.get(row, "col.status"));
        let priority =
            if p.is_empty() { Some(infoklass_core::requirements::Priority::Medel) } else { priority_from_sv(&p) };
        let status = if s.is_empty() {
            Some(infoklass_core::requirements::ActionStatus::EjPaborjad)
        } else {
            status_from_sv(&s)
        };
        if priority.is_none() {
            t.problem(
                problems,
                row,
                "col.priority",
                format!("\"{p}\" är ingen prioritet ({}).", offered(Lang::Sv, "priority", &PRIORITIES)),
                format!("\"{p}\" is not a priority ({}).", offered(t.lang, "priority", &PRIORITIES)),
            );
        }
        if status.is_none() {
            t.problem(
                problems,
                row,
                "col.status",
                format!("\"{s}\" är ingen status ({}).", offered(Lang::Sv, "action_status", &ACTION_STATUSES)),
                format!("\"{s}\" is not a status ({}).", offered(t.lang, "action_status", &ACTION_STATUSES)),
            );
        }
        if measure.is_empty() {
            t.problem(problems, row, "col.action", "Åtgärden saknar text.".into(), "The action has no text.".into());
        }
        let due = t.date(problems, row, "col.due");
        if let (Some(priority), Some(status), false) = (priority, status, measure.is_empty()) {
            let id = Some(id).filter(|i| !i.is_empty());
            let requirement_key = Some(t.get(row, "col.key")).filter(|k| !k.is_empty());
            let responsible = t.get(row, "col.responsible");
            out.push(ActionInput {
                id,
                requirement_key,
                measure,
                responsible,
                due,
                priority,
                status,
                notes: t.get(row, "col.follow_up"),
            });
        }
    }
    out
}

fn read_risks(t: &Table, problems: &mut Vec<CellProblem>) -> Vec<RiskEdit> {
    let mut out = Vec::new();
    for row in t.rows() {
        let (id, event) = (t.get(row, "col.id"), t.get(row, "col.event"));
        let p = t.number(problems, row, "col.probability", 1, 4);
        let c = t.number(problems, row, "col.consequence", 1, 4);
        if id.is_empty() && event.is_empty() && p.is_none() && c.is_none() {
            continue;
        }
        let (Some(probability), Some(consequence)) = (p, c) else {
            t.problem(
                problems,
                row,
                "col.probability",
                "En risk behöver både sannolikhet och konsekvens (1–4).".into(),
                "A risk needs both a probability and a consequence (1–4).".into(),
            );
            continue;
        };
        let aspects_raw = t.get(row, "col.aspects");
        let aspects: Vec<Aspect> = Aspect::ALL
            .into_iter()
            .filter(|a| aspects_raw.to_uppercase().contains(aspect_letter(t.lang, *a)))
            .collect();
        let raw_t = t.get(row, "col.treatment");
        let treatment = treatment_from_sv(&raw_t);
        if treatment.is_none() && !raw_t.is_empty() {
            t.problem(
                problems,
                row,
                "col.treatment",
                format!("\"{raw_t}\" är ingen hantering ({}).", offered(Lang::Sv, "treatment", &TREATMENTS)),
                format!("\"{raw_t}\" is not a treatment ({}).", offered(t.lang, "treatment", &TREATMENTS)),
            );
        }
        out.push(RiskEdit {
            id: Some(id).filter(|i| !i.is_empty()),
            cause: t.get(row, "col.cause"),
            event,
            consequence_text: t.get(row, "col.consequence_text"),
            aspects,
            existing_controls: t.get(row, "col.existing_controls"),
            probability,
            consequence,
            treatment,
            treatment_motivation: t.get(row, "col.motivation"),
            residual_probability: t.number(problems, row, "col.residual_probability", 1, 4),
            residual_consequence: t.number(problems, row, "col.residual_consequence", 1, 4),
        });
    }
    out
}
