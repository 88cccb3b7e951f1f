//! Reads an Infoklass workbook back into the edits it carries. Columns are found by their
//! header text, rows by their stable IDs, so sorted, filtered or widened sheets still read.
//! Formulas are never evaluated: only the typed-in cells are read.

use std::collections::HashMap;

use calamine::{Data, Range};
use infoklass_core::{Aspect, InformationSet, ObjectMeta, PerAspect};
use infoklass_isak::guard::Workbook;
use infoklass_isak::Limits;
use infoklass_store::workbook_apply::{answer_from_sv, priority_from_sv, status_from_sv, treatment_from_sv};
use infoklass_store::{ActionInput, AnswerEdit, ExportedRow, RiskEdit, WorkbookEdits};
use serde::{Deserialize, Serialize};

use super::layout::{
    col_name, ACTIONS, CLASSIFICATION, EXPORTED, FIRST_VERSION_WITH_EXPORTED, FORMAT_NAME, FORMAT_VERSION, HEADER_ROW,
    META, OVERVIEW, REQUIREMENTS, RISKS,
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
    edits.facts = read_facts(&sheet(OVERVIEW)?, &mut problems);
    edits.sets = read_sets(&sheet(CLASSIFICATION)?, &mut problems);
    edits.answers = read_answers(&sheet(REQUIREMENTS)?, &mut problems);
    edits.actions = read_actions(&sheet(ACTIONS)?, &mut problems);
    edits.risks = read_risks(&sheet(RISKS)?, &mut problems);
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

struct Table<'a> {
    sheet: &'a str,
    range: &'a Range<Data>,
    cols: HashMap<String, u32>,
}

impl Table<'_> {
    fn get(&self, row: u32, header: &str) -> String {
        self.cols.get(&header.to_lowercase()).map(|c| cell(self.range, row, *c)).unwrap_or_default()
    }

    fn address(&self, row: u32, header: &str) -> String {
        let col = self.cols.get(&header.to_lowercase()).copied().unwrap_or(0);
        format!("{}{}", col_name(col as u16), row + 1)
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

fn table<'a>(sheet: &'a str, range: &'a Range<Data>) -> Table<'a> {
    Table { sheet, range, cols: columns(range) }
}

fn list(s: &str) -> Vec<String> {
    s.split([';', ',']).map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

fn read_facts(range: &Range<Data>, problems: &mut Vec<CellProblem>) -> ObjectMeta {
    let height = range.end().map(|(r, _)| r + 1).unwrap_or(0);
    let value =
        |label: &str| (0..height).find(|r| cell(range, *r, 0) == label).map(|r| cell(range, r, 1)).unwrap_or_default();
    let date = |label: &str, problems: &mut Vec<CellProblem>| {
        let v = value(label);
        if v.is_empty() {
            None
        } else if infoklass_core::object::is_iso_date(&v) {
            Some(v)
        } else {
            problems.push(CellProblem {
                sheet: OVERVIEW.into(),
                cell: label.into(),
                message_sv: format!("\"{v}\" är inte ett datum (ÅÅÅÅ-MM-DD)."),
                message_en: format!("\"{v}\" is not a date (YYYY-MM-DD)."),
            });
            None
        }
    };
    ObjectMeta {
        name: value("Objekt"),
        description: value("Beskrivning"),
        unit: value("Förvaltning / enhet"),
        information_owner: value("Informationsägare"),
        system_owner: value("Systemägare"),
        system_administrator: value("Systemförvaltare"),
        supplier: value("Leverantör"),
        participants: list(&value("Deltagare")),
        tags: list(&value("Taggar")),
        classification_date: date("Klassningsdatum", problems),
        next_review: date("Nästa översyn", problems),
        ..Default::default()
    }
}

fn read_sets(range: &Range<Data>, problems: &mut Vec<CellProblem>) -> Vec<InformationSet> {
    let t = table(CLASSIFICATION, range);
    let mut out = Vec::new();
    for row in t.rows() {
        let name = t.get(row, "Informationsmängd");
        let id = t.get(row, "ID");
        let levels = PerAspect::from_fn(|a| t.number(problems, row, a.code(), 0, 4));
        let motivations = PerAspect::from_fn(|a| t.get(row, &format!("Motivering {}", a.code())));
        if name.is_empty() && id.is_empty() {
            if Aspect::ALL.iter().any(|a| levels.get(*a).is_some() || !motivations.get(*a).is_empty()) {
                t.problem(
                    problems,
                    row,
                    "Informationsmängd",
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
                "Informationsmängd",
                "Informationsmängden saknar namn.".into(),
                "The information set has no name.".into(),
            );
            continue;
        }
        out.push(InformationSet {
            id,
            name,
            description: t.get(row, "Beskrivning"),
            info_type: None,
            levels,
            motivations,
        });
    }
    out
}

fn read_answers(range: &Range<Data>, problems: &mut Vec<CellProblem>) -> Vec<AnswerEdit> {
    let t = table(REQUIREMENTS, range);
    let mut out = Vec::new();
    for row in t.rows() {
        let key = t.get(row, "Krav-ID");
        if key.is_empty() {
            continue;
        }
        let raw = t.get(row, "Självskattning");
        let answer = answer_from_sv(&raw);
        if answer.is_none() && !raw.is_empty() {
            t.problem(
                problems,
                row,
                "Självskattning",
                format!("\"{raw}\" är inget svar (Uppfyllt, Delvis uppfyllt, Ej uppfyllt, Ej tillämpligt, Vet ej)."),
                format!("\"{raw}\" is not an answer (Uppfyllt, Delvis uppfyllt, Ej uppfyllt, Ej tillämpligt, Vet ej)."),
            );
            continue;
        }
        out.push(AnswerEdit {
            key,
            answer,
            comment: t.get(row, "Kommentar"),
            evidence: t.get(row, "Bevis / underlag"),
        });
    }
    out
}

fn read_actions(range: &Range<Data>, problems: &mut Vec<CellProblem>) -> Vec<ActionInput> {
    let t = table(ACTIONS, range);
    let mut out = Vec::new();
    for row in t.rows() {
        let (id, measure) = (t.get(row, "ID"), t.get(row, "Åtgärd"));
        if id.is_empty() && measure.is_empty() {
            continue;
        }
        let (p, s) = (t.get(row, "Prioritet"), t.get(row, "Status"));
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
                "Prioritet",
                format!("\"{p}\" är ingen prioritet (Hög, Medel, Låg)."),
                format!("\"{p}\" is not a priority (Hög, Medel, Låg)."),
            );
        }
        if status.is_none() {
            t.problem(
                problems,
                row,
                "Status",
                format!("\"{s}\" är ingen status (Ej påbörjad, Pågår, Försenad, Klar)."),
                format!("\"{s}\" is not a status (Ej påbörjad, Pågår, Försenad, Klar)."),
            );
        }
        if measure.is_empty() {
            t.problem(problems, row, "Åtgärd", "Åtgärden saknar text.".into(), "The action has no text.".into());
        }
        let due = t.date(problems, row, "Klart senast");
        if let (Some(priority), Some(status), false) = (priority, status, measure.is_empty()) {
            let id = Some(id).filter(|i| !i.is_empty());
            let requirement_key = Some(t.get(row, "Krav-ID")).filter(|k| !k.is_empty());
            let responsible = t.get(row, "Åtgärdsansvarig");
            out.push(ActionInput {
                id,
                requirement_key,
                measure,
                responsible,
                due,
                priority,
                status,
                notes: t.get(row, "Uppföljning"),
            });
        }
    }
    out
}

fn read_risks(range: &Range<Data>, problems: &mut Vec<CellProblem>) -> Vec<RiskEdit> {
    let t = table(RISKS, range);
    let mut out = Vec::new();
    for row in t.rows() {
        let (id, event) = (t.get(row, "ID"), t.get(row, "Händelse"));
        let p = t.number(problems, row, "Sannolikhet", 1, 4);
        let c = t.number(problems, row, "Konsekvens", 1, 4);
        if id.is_empty() && event.is_empty() && p.is_none() && c.is_none() {
            continue;
        }
        let (Some(probability), Some(consequence)) = (p, c) else {
            t.problem(
                problems,
                row,
                "Sannolikhet",
                "En risk behöver både sannolikhet och konsekvens (1–4).".into(),
                "A risk needs both a probability and a consequence (1–4).".into(),
            );
            continue;
        };
        let aspects_raw = t.get(row, "Aspekter");
        let aspects: Vec<Aspect> =
            Aspect::ALL.into_iter().filter(|a| aspects_raw.to_uppercase().contains(a.code())).collect();
        let raw_t = t.get(row, "Hantering");
        let treatment = treatment_from_sv(&raw_t);
        if treatment.is_none() && !raw_t.is_empty() {
            t.problem(
                problems,
                row,
                "Hantering",
                format!("\"{raw_t}\" är ingen hantering (Acceptera, Reducera, Undvika, Överföra)."),
                format!("\"{raw_t}\" is not a treatment (Acceptera, Reducera, Undvika, Överföra)."),
            );
        }
        out.push(RiskEdit {
            id: Some(id).filter(|i| !i.is_empty()),
            cause: t.get(row, "Orsak"),
            event,
            consequence_text: t.get(row, "Konsekvensbeskrivning"),
            aspects,
            existing_controls: t.get(row, "Befintligt skydd"),
            probability,
            consequence,
            treatment,
            treatment_motivation: t.get(row, "Motivering"),
            residual_probability: t.number(problems, row, "Kvarvarande sannolikhet", 1, 4),
            residual_consequence: t.number(problems, row, "Kvarvarande konsekvens", 1, 4),
        });
    }
    out
}
