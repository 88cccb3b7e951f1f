//! A template error as one readable message: "file:line:column: what", so an organisation
//! adapting a template finds the line to fix.

use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::DiagSpanKind;
use typst::{World, WorldExt};

use crate::world::ReportWorld;

pub fn describe(world: &ReportWorld, errors: &[SourceDiagnostic]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut text = format!("{}{}", place(world, d).map(|p| format!("{p}: ")).unwrap_or_default(), d.message);
            for hint in &d.hints {
                text.push_str(&format!(" (hint: {})", hint.v));
            }
            text
        })
        .collect();
    if lines.is_empty() {
        "the template could not be compiled".into()
    } else {
        lines.join("; ")
    }
}

/// "klassningsbeslut.typ:12:5"; for an error inside a function, where it was called from in
/// the template is clearer than nothing, so the first placed trace point serves then.
fn place(world: &ReportWorld, d: &SourceDiagnostic) -> Option<String> {
    let spans = std::iter::once(d.span).chain(d.trace.iter().map(|t| t.span.into()));
    spans.into_iter().find_map(|span| {
        let id = match span.get() {
            DiagSpanKind::Detached => return None,
            DiagSpanKind::Number { id, .. } | DiagSpanKind::Range { id, .. } => id,
        };
        let range = world.range(span)?;
        let source = world.source(id).ok()?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        Some(format!("{}:{}:{}", ReportWorld::file_name(id), line + 1, column + 1))
    })
}
