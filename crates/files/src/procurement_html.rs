//! A printable version of the procurement list: one self-contained HTML page with print
//! styles and no scripts.

use infoklass_store::ProcurementView;

use crate::{aspects_text, obligation_sv};

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

pub fn procurement_html(view: &ProcurementView, date: &str) -> String {
    let items: Vec<_> = view.items.iter().filter(|i| i.relevant).collect();
    let objects: Vec<String> =
        view.objects.iter().map(|o| format!("{} ({})", escape(&o.name), escape(&o.profile))).collect();
    let mut rows = String::new();
    for (i, item) in items.iter().enumerate() {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"o\">{}</td><td>{}</td><td>{}</td></tr>\n",
            i + 1,
            escape(&item.key),
            escape(&item.area_sv),
            escape(&item.text),
            obligation_sv(item.obligation),
            aspects_text(&item.aspects),
            escape(&item.iso27002.join(", ")),
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Upphandlingskrav: {name}</title>
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
<h1>Upphandlingskrav: {name}</h1>
<p class="meta">Objekt: {objects}</p>
<p class="meta">Kravkatalog {catalog} {version} · {count} krav · {date}</p>
<p class="meta">Ska = obligatoriskt krav. Bör = önskvärt krav som värderas.</p>
<table>
<thead><tr><th>Nr</th><th>Krav-ID</th><th>Område</th><th>Krav</th><th>Ska/Bör</th><th>Skyddar</th><th>ISO/IEC 27002</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
</body>
</html>
"#,
        name = escape(&view.name),
        objects = objects.join("; "),
        catalog = escape(&view.catalog_id),
        version = escape(&view.catalog_version),
        count = items.len(),
        date = escape(date),
        rows = rows,
    )
}
