//! A printable version of the procurement list: one self-contained HTML page with print
//! styles and no scripts.

use infoklass_core::labels::{fill, relabel_profile, text, word, Lang};
use infoklass_store::ProcurementView;

use crate::{aspects_in, procurement_texts};

/// The columns of the page, by `procurement_column.*` key.
const COLUMNS: [&str; 7] = ["nr", "key", "area", "requirement", "obligation", "protects", "iso"];

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The page in `lang`: headings, column titles, words and the catalogue's texts.
pub fn procurement_html(view: &ProcurementView, date: &str, lang: Lang) -> String {
    let items: Vec<_> = view.items.iter().filter(|i| i.relevant).collect();
    let objects: Vec<String> = view
        .objects
        .iter()
        .map(|o| format!("{} ({})", escape(&o.name), escape(&relabel_profile(lang, &o.profile))))
        .collect();
    let mut rows = String::new();
    for (i, item) in items.iter().enumerate() {
        let (area, requirement) = procurement_texts(lang, item);
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"o\">{}</td><td>{}</td><td>{}</td></tr>\n",
            i + 1,
            escape(&item.key),
            escape(&area),
            escape(&requirement),
            word(lang, "obligation", item.obligation),
            aspects_in(lang, &item.aspects),
            escape(&item.iso27002.join(", ")),
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}: {name}</title>
<style>
  body {{ font-family: system-ui, sans-serif; font-size: 10.5pt; color: #1a202c; margin: 2em; }}
  h1 {{ font-size: 16pt; color: #15345c; margin-bottom: 0.2em; }}
  p.meta {{ color: #4a5568; margin: 0.2em 0; }}
  table {{ border-collapse: collapse; width: 100%; margin-top: 1em; }}
  th, td {{ border: 1px solid #cbd5e0; padding: 4px 6px; vertical-align: top; text-align: left; }}
  th {{ background: #15345c; color: white; }}
  td.o {{ font-weight: 600; }}
  tr {{ page-break-inside: avoid; }}
  @media print {{ body {{ margin: 0; }} thead {{ display: table-header-group; }} }}
</style>
</head>
<body>
<h1>{title}: {name}</h1>
<p class="meta">{object}: {objects}</p>
<p class="meta">{source}</p>
<p class="meta">{note}</p>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{rows}</tbody>
</table>
</body>
</html>
"#,
        lang = if lang == Lang::En { "en" } else { "sv" },
        title = text(lang, "sheet.procurement"),
        name = escape(&view.name),
        object = text(lang, "fact.object"),
        objects = objects.join("; "),
        source = escape(&fill(
            lang,
            "procurement.html_source",
            &[
                ("catalog", &format!("{} {}", view.catalog_id, view.catalog_version)),
                ("count", &items.len().to_string()),
                ("date", date),
            ]
        )),
        note = text(lang, "procurement.obligation_note"),
        head = COLUMNS.map(|c| format!("<th>{}</th>", escape(text(lang, &format!("procurement_column.{c}"))))).concat(),
        rows = rows,
    )
}
