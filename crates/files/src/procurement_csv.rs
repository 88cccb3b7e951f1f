//! The procurement list as CSV for Swedish Excel: UTF-8 with BOM, `;` between fields.

use infoklass_store::ProcurementView;

use crate::{aspects_in, procurement_texts};
use infoklass_core::labels::{self, Lang};

/// A field quoted where needed. A leading `=`, `+`, `-`, `@`, tab or carriage return gets a
/// `'` in front, so a spreadsheet never reads the text as a formula.
pub fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if safe.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// The columns, in the order written.
const COLUMNS: [&str; 9] = ["nr", "key", "area", "requirement", "obligation", "protects", "iso", "needed_by", "answer"];

/// The list with its headers, words and catalogue texts in `lang`.
pub fn procurement_csv(view: &ProcurementView, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = COLUMNS.iter().map(|c| labels::text(lang, &format!("procurement_column.{c}"))).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for (i, item) in view.items.iter().filter(|i| i.relevant).enumerate() {
        let (area, text) = procurement_texts(lang, item);
        let row = [
            (i + 1).to_string(),
            item.key.clone(),
            area,
            text,
            labels::word(lang, "obligation", item.obligation).to_string(),
            aspects_in(lang, &item.aspects),
            item.iso27002.join(", "),
            item.needed_by.join(", "),
            String::new(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(field("enkel"), "enkel");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("säger \"ja\""), "\"säger \"\"ja\"\"\"");
        assert_eq!(field("=SUMMA(A1)"), "'=SUMMA(A1)");
        assert_eq!(field("+46 8 123"), "'+46 8 123");
        assert_eq!(field("@import"), "'@import");
    }
}
