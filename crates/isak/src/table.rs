//! Tables located by their header row's text, and the texts that bound them: summary rows,
//! legends, titles and notes.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{norm, Sheet, Value};

/// A header row the caller's `map` accepted: its row, the column mapping and the span of
/// columns the header covers.
pub struct Header<C> {
    pub row: u32,
    pub cols: C,
    pub span: (u32, u32),
}

/// The first row whose text cells `map` accepts as a header. `map` gets (column, normalised text).
pub fn find_header<C>(sheet: &Sheet, map: impl Fn(&[(u32, String)]) -> Option<C>) -> Option<Header<C>> {
    sheet.rows_from(0).find_map(|(row, cells)| {
        let texts: Vec<(u32, String)> = cells
            .iter()
            .filter_map(|c| match &c.value {
                Value::Text(t) => Some((c.col, norm(t))),
                _ => None,
            })
            .collect();
        let cols = map(&texts)?;
        let span = (texts.first()?.0, texts.last()?.0);
        Some(Header { row, cols, span })
    })
}

pub struct Body {
    /// Candidate data rows (the caller still tells data from note rows).
    pub rows: Vec<u32>,
    pub summary: Option<u32>,
    /// After a blank row ended the table: the next row holding anything in the table's columns.
    pub next_after_blank: Option<u32>,
}

/// Rows below a header until the first fully blank row (blank rows right under the header
/// are skipped), a summary row or a legend row. Only the header's columns count.
pub fn body(sheet: &Sheet, header_row: u32, span: (u32, u32)) -> Body {
    let in_span = |cells: &[crate::grid::Cell]| -> Vec<String> {
        cells.iter().filter(|c| c.col >= span.0 && c.col <= span.1).map(|c| c.value.text()).collect()
    };
    let mut body = Body { rows: Vec::new(), summary: None, next_after_blank: None };
    let mut expected = header_row + 1;
    let mut rows = sheet.rows_from(header_row + 1);
    while let Some((row, cells)) = rows.next() {
        let texts = in_span(cells);
        if (row > expected || texts.is_empty()) && !body.rows.is_empty() {
            let next = if texts.is_empty() { rows.find(|(_, c)| !in_span(c).is_empty()) } else { Some((row, cells)) };
            // A summary row set apart by a blank row still closes the table.
            match next {
                Some((r, c)) if in_span(c).first().is_some_and(|t| is_summary(t)) => body.summary = Some(r),
                next => body.next_after_blank = next.map(|(r, _)| r),
            }
            break;
        }
        expected = row + 1;
        if texts.is_empty() {
            continue;
        }
        // The label comes first: "Total förlust" further right is a risk, not a summary.
        if is_summary(&texts[0]) {
            body.summary = Some(row);
            break;
        }
        if texts.iter().all(|t| is_legend(t)) {
            break;
        }
        body.rows.push(row);
    }
    body
}

/// Warns that `row`, after the blank row that ended a table, looks like one more data row.
pub fn warn_after_blank(sheet: &Sheet, (row, col): (u32, u32), what: (&str, &str), diags: &mut Diagnostics) {
    diags.at(
        Severity::Warning,
        "ROWS_AFTER_BLANK_ROW",
        &sheet.name,
        (row, col),
        format!("raden ser ut som {} men står efter en tom rad som avslutar tabellen; den lästes inte (se ej inlästa celler)", what.0),
        format!("the row looks like {} but follows a blank row that ends the table; it was not read (see unread cells)", what.1),
    );
}

/// `Sammanställning …`, `Högsta nivå …`, or exactly `Total`, `Summa`, `Max` (so "Total
/// förlust av data" and "Totalförsvar" are data).
pub fn is_summary(text: &str) -> bool {
    let t = norm(text);
    ["sammanställning", "högsta nivå", "högsta värde"].iter().any(|w| starts_with_word(&t, w))
        || ["total", "totalt", "summa", "max", "maxvärde", "högsta"].contains(&t.as_str())
}

/// `text` is `word` or starts with it followed by a space or colon.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
}

/// `1 = Försumbar`, `4 – Allvarlig`, `Nivåer: …`, `Förklaring` …
pub fn is_legend(text: &str) -> bool {
    let t = norm(text);
    let heads = ["nivåer", "förklaring", "teckenförklaring", "skala", "skalan"];
    if heads.iter().any(|w| t.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))) {
        return true;
    }
    let Some(rest) = t.strip_prefix(|c: char| c.is_ascii_digit()) else { return false };
    let Some(rest) = rest.trim_start().strip_prefix(['=', '-', '–', '—', ':']) else { return false };
    rest.trim_start().chars().next().is_some_and(char::is_alphabetic)
}

/// The sheet's own title ("Informationsklassning", "ISAK – …").
pub fn is_title(text: &str) -> bool {
    let t = norm(text);
    ["informationsklassning", "klassning", "riskanalys", "krav", "kravställning", "kravlista"].contains(&t.as_str())
        || t.starts_with("isak")
}

/// Text that marks a remark rather than data ("Obs: …", "Anm. …", "* …").
pub fn is_note(text: &str) -> bool {
    let t = norm(text);
    t.starts_with('*') || ["obs", "observera", "not:", "notera", "anm", "anmärkning"].iter().any(|w| t.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounding_texts() {
        assert!(is_summary("Högsta nivå"));
        assert!(is_summary("TOTAL:"));
        assert!(!is_summary("Totalförsvarsplanering"));
        assert!(!is_summary("Total förlust av data"));
        assert!(is_summary("Sammanställning per aspekt"));
        assert!(is_legend("1 = Försumbar"));
        assert!(is_legend("4 – Allvarlig skada"));
        assert!(is_legend("Nivåer: 1 = Försumbar, 2 = Måttlig"));
        assert!(!is_legend("1"));
        assert!(!is_legend("Patientjournal"));
        assert!(is_title("Informationsklassning"));
        assert!(is_note("Obs! Gäller bara journaldelen"));
    }
}
