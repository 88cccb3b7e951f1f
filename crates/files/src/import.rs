//! Importing files: tells an Infoklass workbook (sent back) from an old ISAK workbook,
//! previews what each would do, and writes it on request. Used by the CLI and the app alike,
//! one file at a time so a batch can show progress and one broken file stops nothing else.

use infoklass_core::requirements::ActionStatus;
use infoklass_core::risk::{risk_action_priority, Risk, RiskMatrix, Treatment};
use infoklass_core::{Aspect, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_isak::{ImportProfile, Limits, ParsedWorkbook, Severity};
use infoklass_store::{
    ActionInput, Ctx, FileImport, ImportDiagnostic, LeftoverCell, LegacyImport, LegacyRequirement, LegacyRisk, Store,
};
use sha2::{Digest, Sha256};

use infoklass_isak::guard::{self, Workbook};

use crate::plan_words;
use crate::workbook::read::{is_infoklass, read_checked};
use infoklass_core::labels::Lang;

/// Reads the file and says what importing it would do. Nothing is written.
pub fn preview(store: &Store, file_name: &str, bytes: &[u8], today: &str) -> FileImport {
    preview_in(store, file_name, bytes, today, Lang::Sv)
}

/// `preview` with the change list of a workbook sent back in `lang`.
pub fn preview_in(store: &Store, file_name: &str, bytes: &[u8], today: &str, lang: Lang) -> FileImport {
    let mut out = run(store, file_name, bytes, today).0;
    plan_words::localize_report(&mut out, lang);
    out
}

/// Reads the file and writes it, in one transaction. A file with error diagnostics is not
/// written; its report says why.
pub fn import(store: &mut Store, ctx: &Ctx, file_name: &str, bytes: &[u8]) -> FileImport {
    import_in(store, ctx, file_name, bytes, Lang::Sv)
}

/// `import` with the change list in `lang` (the import record keeps it language-free).
pub fn import_in(store: &mut Store, ctx: &Ctx, file_name: &str, bytes: &[u8], lang: Lang) -> FileImport {
    let today = ctx.today.clone();
    let mut out = run_mut(store, ctx, file_name, bytes, &today);
    plan_words::localize_report(&mut out, lang);
    out
}

/// What a readable file was read into, kept so that importing it does not read it again.
enum Content {
    Infoklass(infoklass_store::WorkbookEdits),
    Isak(LegacyImport),
}

/// The report of what importing would do, and the content when the file can be imported.
fn run(store: &Store, file_name: &str, bytes: &[u8], today: &str) -> (FileImport, Option<Content>) {
    let mut out = FileImport { file_name: file_name.into(), sha256: sha256(bytes), ..Default::default() };
    // The guard checks sizes, the container and what the file declares before calamine sees
    // it, once: both readers take the checked bytes.
    let limits = Limits::default();
    let checked = match guard::Checked::new(bytes, &limits) {
        Ok(checked) => checked,
        Err(e) => {
            out.failure = Some(failure(&format!("IMPORT_{}", e.code()), &e.message_sv(), &e.message_en()));
            return (out, None);
        }
    };
    if let Ok(mut wb) = Workbook::from_checked(&checked) {
        if is_infoklass(&mut wb) {
            return read_ours(store, &mut wb, bytes.len(), today, out);
        }
    }
    let profile = profile(store);
    let mut content = None;
    match infoklass_isak::read_checked(file_name, &checked, &profile) {
        Ok(parsed) => {
            out.kind = "isak".into();
            fill_report(&mut out, &parsed);
            if let Some(imp) = to_legacy(&parsed, &mut out) {
                match store.legacy_plan(&imp) {
                    Ok(plan) => {
                        out.legacy = Some(plan);
                        content = Some(Content::Isak(imp));
                    }
                    Err(e) => out.failure = Some(failure(e.code().as_str(), &e.to_string(), &e.to_string())),
                }
            }
            out.ok = out.failure.is_none() && !out.diagnostics.iter().any(|d| d.severity == "error");
        }
        Err(e) => out.failure = Some(failure(&format!("IMPORT_{}", e.code()), &e.message_sv(), &e.message_en())),
    }
    let content = content.filter(|_| out.ok);
    (out, content)
}

/// The report and content of an Infoklass workbook sent back.
fn read_ours(
    store: &Store,
    wb: &mut Workbook,
    size: usize,
    today: &str,
    mut out: FileImport,
) -> (FileImport, Option<Content>) {
    out.kind = "infoklass".into();
    match read_checked(wb, size) {
        Ok(edits) => match store.workbook_plan(&edits, today) {
            Ok(plan) => {
                out.ok = true;
                out.workbook = Some(plan);
                return (out, Some(Content::Infoklass(edits)));
            }
            Err(e) => {
                out.failure = Some(failure(
                    e.code().as_str(),
                    &format!("Objektet i arbetsboken finns inte i databasen ({e})."),
                    &format!("The object of the workbook is not in the database ({e})."),
                ))
            }
        },
        Err(problems) => {
            out.diagnostics = problems
                .into_iter()
                .map(|p| ImportDiagnostic {
                    severity: "error".into(),
                    code: "CELL_INVALID".into(),
                    sheet: Some(p.sheet).filter(|s| !s.is_empty()),
                    cell: Some(p.cell).filter(|c| !c.is_empty()),
                    message_sv: p.message_sv,
                    message_en: p.message_en,
                })
                .collect();
        }
    }
    (out, None)
}

fn run_mut(store: &mut Store, ctx: &Ctx, file_name: &str, bytes: &[u8], today: &str) -> FileImport {
    let (mut out, content) = run(store, file_name, bytes, today);
    let Some(content) = content else { return out };
    let report = serde_json::json!({ "diagnostics": out.diagnostics, "leftovers": out.leftovers, "unknown_words": out.unknown_words });
    let result = match content {
        Content::Infoklass(edits) => store.apply_workbook(ctx, &edits).and_then(|plan| {
            let outcome = if plan.changes.is_empty() { "unchanged" } else { "updated" };
            let report = serde_json::json!({ "changes": plan.changes, "conflicts": plan.conflicts });
            store.record_workbook_import(ctx, file_name, &out.sha256, &plan.object_id, outcome, &report)?;
            out.applied = !plan.changes.is_empty();
            out.workbook = Some(plan);
            Ok(())
        }),
        Content::Isak(mut imp) => {
            imp.report = report;
            store.import_legacy(ctx, &imp).map(|plan| {
                out.applied = plan.outcome != infoklass_store::ImportOutcome::Unchanged;
                out.legacy = Some(plan);
            })
        }
    };
    if let Err(e) = result {
        out.ok = false;
        out.applied = false;
        out.failure = Some(failure(e.code().as_str(), &e.to_string(), &e.to_string()));
    }
    out
}

/// Reads a file to import: a regular file within the size limit, checked before it is read.
/// The error is the report's failure (`FILE_ERROR` when the file cannot be read at all).
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, Box<ImportDiagnostic>> {
    infoklass_isak::guard::read_path(path, &Limits::default()).map_err(|e| {
        Box::new(match e {
            infoklass_isak::FileError::Unreadable(e) => failure(
                "FILE_ERROR",
                &format!("Filen går inte att läsa: {e}"),
                &format!("The file cannot be read: {e}"),
            ),
            e => failure(&format!("IMPORT_{}", e.code()), &e.message_sv(), &e.message_en()),
        })
    })
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn failure(code: &str, message_sv: &str, message_en: &str) -> ImportDiagnostic {
    ImportDiagnostic {
        severity: "error".into(),
        code: code.into(),
        sheet: None,
        cell: None,
        message_sv: message_sv.into(),
        message_en: message_en.into(),
    }
}

/// The word mappings people confirmed in earlier previews.
fn profile(store: &Store) -> ImportProfile {
    store.import_words().unwrap_or_default().into_iter().fold(ImportProfile::default(), |p, (w, l)| p.with(&w, l))
}

fn fill_report(out: &mut FileImport, parsed: &ParsedWorkbook) {
    out.diagnostics = parsed
        .diagnostics
        .iter()
        .map(|d| ImportDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            }
            .into(),
            code: d.code.clone(),
            sheet: d.sheet.clone(),
            cell: d.cell.clone(),
            message_sv: d.message_sv.clone(),
            message_en: d.message_en.clone(),
        })
        .collect();
    out.leftovers = parsed
        .unrecognised
        .iter()
        .map(|l| LeftoverCell { sheet: l.sheet.clone(), cell: l.cell.clone(), text: l.text.clone() })
        .collect();
    out.unknown_words = parsed.unknown_words.clone();
}

fn warn(out: &mut FileImport, code: &str, sheet: &str, cell: String, sv: String, en: String) {
    out.diagnostics.push(ImportDiagnostic {
        severity: "warning".into(),
        code: code.into(),
        sheet: Some(sheet.into()),
        cell: Some(cell),
        message_sv: sv,
        message_en: en,
    });
}

/// Maps an old workbook onto the app's model. None (with a failure) when there is no object name.
fn to_legacy(p: &ParsedWorkbook, out: &mut FileImport) -> Option<LegacyImport> {
    let Some(name) = p.object.name.clone().filter(|n| !n.trim().is_empty()) else {
        out.failure = Some(failure(
            "IMPORT_NO_OBJECT_NAME",
            "Arbetsboken anger inget objekt (IT-stöd, System eller Objekt) i bladet Klassning.",
            "The workbook names no object (IT-stöd, System or Objekt) on the Klassning sheet.",
        ));
        return None;
    };
    let version = p.object.isak_version.as_deref().map(|v| format!(" {v}")).unwrap_or_default();
    let meta = ObjectMeta {
        name,
        kind: ObjectKind::System,
        description: format!("Importerad från ISAK{version} ({}).", p.file_name),
        unit: p.object.unit.clone().unwrap_or_default(),
        information_owner: p.object.information_owner.clone().unwrap_or_default(),
        system_owner: p.object.system_owner.clone().unwrap_or_default(),
        system_administrator: p.object.administrator.clone().unwrap_or_default(),
        participants: p.object.participants.clone(),
        classification_date: p.object.date.clone(),
        next_review: p.object.next_review.clone(),
        ..Default::default()
    };
    // ISAK has one motivation per set; it stands for each aspect the workbook assessed (S
    // only when it has an S column). A cell left empty by a diagnostic stays not assessed.
    let sets = p
        .sets
        .iter()
        .map(|s| InformationSet {
            name: s.name.clone(),
            description: s.description.clone(),
            levels: PerAspect { k: s.k, r: s.r, t: s.t, s: s.s },
            motivations: PerAspect::from_fn(|a| {
                if a == Aspect::S && s.s.is_none() {
                    String::new()
                } else {
                    s.motivation.clone()
                }
            }),
            ..Default::default()
        })
        .collect();
    // A new analysis starts under the shipped matrix; its bands set the actions' priority.
    let matrix = RiskMatrix::default_matrix();
    let mut risks = Vec::new();
    for r in &p.risks {
        let (Some(probability), Some(consequence)) = (r.probability, r.consequence) else { continue };
        let mut aspects = r.aspects.clone();
        if aspects.is_empty() {
            aspects = vec![Aspect::K, Aspect::R, Aspect::T];
            let (sv, en) = (
                format!(
                    "{}!rad {}: risken anger ingen aspekt; K, R och T antas – kontrollera efter importen.",
                    r.sheet, r.row
                ),
                format!(
                    "{}!row {}: the risk names no aspect; K, R and T are assumed – check after the import.",
                    r.sheet, r.row
                ),
            );
            warn(out, "RISK_ASPECTS_ASSUMED", &r.sheet, format!("rad {}", r.row), sv, en);
        }
        let action = Some(r.action.trim()).filter(|a| !a.is_empty()).map(|measure| ActionInput {
            id: None,
            requirement_key: None,
            measure: measure.into(),
            responsible: r.responsible.clone(),
            due: r.due.clone(),
            priority: risk_action_priority(&matrix, probability * consequence),
            status: action_status(&r.status),
            notes: if r.status.trim().is_empty() {
                String::new()
            } else {
                format!("Status i ISAK: {}", r.status.trim())
            },
        });
        let risk = Risk {
            cause: r.cause.clone(),
            event: r.threat.clone(),
            consequence_text: r.consequence_text.clone(),
            aspects,
            existing_controls: r.existing_controls.clone(),
            probability,
            consequence,
            consequence_motivation: format!("Konsekvensen är bedömd i ISAK-arbetsboken {}.", p.file_name),
            treatment: action.as_ref().map(|_| Treatment::Reducera),
            treatment_motivation: action.as_ref().map(|a| a.measure.clone()).unwrap_or_default(),
            ..Default::default()
        };
        risks.push(LegacyRisk { risk, action });
    }
    let requirements = p
        .legacy_requirements
        .iter()
        .map(|r| {
            let from: Vec<String> = [("K", &r.from_k), ("R", &r.from_r), ("T", &r.from_t)]
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(a, v)| format!("{a}: {}", v.trim()))
                .collect();
            LegacyRequirement {
                id: r.id.clone(),
                area: r.area.clone(),
                text: r.text.clone(),
                applies_from: from.join(", "),
                status: r.status.clone(),
                comment: r.comment.clone(),
                responsible: r.responsible.clone(),
            }
        })
        .collect();
    Some(LegacyImport {
        file_name: p.file_name.clone(),
        sha256: p.sha256.clone(),
        meta,
        sets,
        risks,
        requirements,
        sheet: p.classification_sheet.clone(),
        isak_version: p.object.isak_version.clone(),
        report: serde_json::Value::Null,
    })
}

fn action_status(s: &str) -> ActionStatus {
    let s = s.trim().to_lowercase();
    if s.starts_with("klar") || s == "åtgärdad" || s == "genomförd" {
        ActionStatus::Klar
    } else if s.starts_with("pågå") || s == "påbörjad" {
        ActionStatus::Pagar
    } else if s.starts_with("försen") {
        ActionStatus::Forsenad
    } else {
        ActionStatus::EjPaborjad
    }
}
