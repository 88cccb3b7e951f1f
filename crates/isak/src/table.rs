//! Tables located by their header row's text, and the texts that bound them: summary rows,
//! legends, titles and notes.

use crate::diagnostics::{Diagnostics, Severity};
use crate::grid::{norm, Sheet, Value};

/// A header the caller's `map` accepted: its rows (`top` = `row` for a one-row header), the
/// column mapping and the span of columns the header covers.
pub struct Header<C> {
    /// The first header row: the group headings ("Skyddsnivå" over K, R, T) of a two-row header.
    pub top: u32,
    /// The last header row; the data starts below it.
    pub row: u32,
    pub cols: C,
    pub span: (u32, u32),
}

impl<C> Header<C> {
    /// Marks the header's cells in `cols` (in every header row) as read.
    pub fn mark(&self, sheet: &Sheet, cols: impl IntoIterator<Item = u32>) {
        for col in cols {
            for row in self.top..=self.row {
                sheet.mark(row, col);
            }
        }
    }
}

/// The normalised text cells of a row.
fn heading_texts(sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    sheet
        .row(row)
        .iter()
        .filter_map(|c| match &c.value {
            Value::Text(t) => Some((c.col, norm(t))),
            _ => None,
        })
        .collect()
}

/// The first header `map` accepts. `map` gets (column, normalised text). A header may take
/// two rows: group headings over a row of aspect letters or names (`Skyddsnivå` over `K R T`);
/// the two rows are then read as one, a lower cell prefixed by the text above it.
pub fn find_header<C>(sheet: &Sheet, map: impl Fn(&[(u32, String)]) -> Option<C>) -> Option<Header<C>> {
    let header = |top: u32, row: u32, texts: &[(u32, String)], cols: C| {
        Some(Header { top, row, cols, span: (texts.first()?.0, texts.last()?.0) })
    };
    for (row, _) in sheet.rows_from(0) {
        let upper = heading_texts(sheet, row);
        if upper.is_empty() {
            continue;
        }
        let lower = heading_texts(sheet, row + 1);
        if let Some(cols) = map(&upper) {
            if is_aspect_row(&lower) {
                let both = combine(&upper, &lower);
                if let Some(cols) = map(&both) {
                    return header(row, row + 1, &both, cols);
                }
            }
            return header(row, row, &upper, cols);
        }
        if !lower.is_empty() && map(&lower).is_none() {
            let both = combine(&upper, &lower);
            if let Some(cols) = map(&both) {
                return header(row, row + 1, &both, cols);
            }
        }
    }
    None
}

/// Two header rows as one: per column the lower text, prefixed by the upper one when both
/// hold text ("skyddsnivå k"), else whichever there is.
fn combine(upper: &[(u32, String)], lower: &[(u32, String)]) -> Vec<(u32, String)> {
    let mut cols: Vec<u32> = upper.iter().chain(lower).map(|(c, _)| *c).collect();
    cols.sort_unstable();
    cols.dedup();
    let at = |texts: &[(u32, String)], col: u32| texts.iter().find(|(c, _)| *c == col).map(|(_, t)| t.clone());
    cols.into_iter()
        .filter_map(|col| match (at(upper, col), at(lower, col)) {
            (Some(u), Some(l)) => Some((col, format!("{u} {l}"))),
            (u, l) => Some((col, l.or(u)?)),
        })
        .collect()
}

/// K, R, T, S or the aspects' names, optionally in parentheses.
pub fn aspect_of(text: &str) -> Option<usize> {
    let t = text.trim_matches(['(', ')', ' ']);
    let names = ["konfidentialitet", "riktighet", "tillgänglighet", "spårbarhet"];
    let letters = ["k", "r", "t", "s"];
    (0..4).find(|&i| t == letters[i] || t == names[i])
}

/// A row of at least two aspect letters or names and nothing else: the lower row of a
/// two-row header.
fn is_aspect_row(texts: &[(u32, String)]) -> bool {
    texts.len() >= 2 && texts.iter().all(|(_, t)| aspect_of(t).is_some())
}

#[derive(Default)]
pub struct Body {
    /// Candidate data rows (the caller still tells data from note rows).
    pub rows: Vec<u32>,
    pub summary: Option<u32>,
    /// After the table ended at a clear end: the first later row that looks like a record.
    pub stray: Option<u32>,
}

/// The rows of a table. Rows right below the header or below a data row are candidates;
/// after blank rows, a note or a repeated header, the table goes on only at a row that
/// `is_record` accepts. A one-cell note after fewer than two blank rows is passed over; the
/// table ends at a summary row, a legend, or any other row that is not a record. Only the
/// header's columns count.
pub fn body<C>(sheet: &Sheet, header: &Header<C>, is_record: impl Fn(u32) -> bool) -> Body {
    let span = header.span;
    let in_span = |cells: &[crate::grid::Cell]| -> Vec<(u32, String)> {
        cells
            .iter()
            .filter(|c| c.col >= span.0 && c.col <= span.1)
            .map(|c| (c.col, c.written().trim().to_string()))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    };
    let headings: Vec<(u32, String)> = (header.top..=header.row).flat_map(|r| heading_texts(sheet, r)).collect();
    let is_repeat = |texts: &[(u32, String)]| {
        texts.len() >= 2 && texts.iter().all(|(c, t)| headings.iter().any(|(hc, h)| hc == c && *h == norm(t)))
    };
    let mut body = Body::default();
    let mut prev = header.row;
    let mut after_record = true;
    let mut ended_at = None;
    for (row, cells) in sheet.rows_from(header.row + 1) {
        let texts = in_span(cells);
        if texts.is_empty() {
            continue;
        }
        let blanks = row - prev - 1;
        // The label comes first: "Total förlust" further right is a risk, not a summary.
        if is_summary(&texts[0].1) {
            body.summary = Some(row);
            break;
        }
        if texts.iter().all(|(_, t)| is_legend(t)) {
            break;
        }
        prev = row;
        if is_repeat(&texts) {
            texts.iter().for_each(|(col, _)| sheet.mark(row, *col));
            after_record = true;
            continue;
        }
        if (blanks == 0 && after_record) || is_record(row) {
            body.rows.push(row);
            after_record = true;
            continue;
        }
        after_record = false;
        if texts.len() == 1 && blanks < 2 {
            continue;
        }
        ended_at = Some(row);
        break;
    }
    if let Some(end) = ended_at {
        body.stray = sheet.rows_from(end + 1).map(|(r, _)| r).find(|r| is_record(*r));
    }
    body
}

/// Warns that `row`, below the end of a table, looks like one more data row.
pub fn warn_after_blank(sheet: &Sheet, (row, col): (u32, u32), what: (&str, &str), diags: &mut Diagnostics) {
    diags.at(
        Severity::Warning,
        "ROWS_AFTER_BLANK_ROW",
        &sheet.name,
        (row, col),
        format!("raden ser ut som {} men står nedanför tabellens slut (tomma rader och en rad som inte hör till tabellen); den lästes inte (se ej inlästa celler)", what.0),
        format!("the row looks like {} but stands below the end of the table (blank rows and a row that is not part of it); it was not read (see unread cells)", what.1),
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
