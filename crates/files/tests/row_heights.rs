//! Every workbook Infoklass writes gives each row with wrapped text the height its longest
//! cell needs, read back from the sheet XML: `<row r=".." ht=".." customHeight="1">`, the
//! column widths from `<col>` and the wrap setting from the cell's style in styles.xml.

use infoklass_core::labels::Lang;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use infoklass_core::requirements::{Catalog, Obligation};
use infoklass_core::Aspect;
use infoklass_files::catalog_export::catalog_xlsx;
use infoklass_files::procurement_xlsx::procurement_xlsx;
use infoklass_files::row_height::{height_for_lines, wrapped_lines};
use infoklass_files::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, ObjectRef, ProcurementItem, ProcurementView, RiskInput, Store};

/// Reads one part of the xlsx zip with the system's unzip.
fn part(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("unzip").arg("-p").arg(&path).arg(name).output().expect("unzip is installed");
    assert!(out.status.success(), "no part {name}");
    String::from_utf8(out.stdout).unwrap()
}

/// The value of `name="…"` in a tag's attributes (`tag` starts with a space after the name).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let head = &tag[..tag.find('>').unwrap_or(tag.len())];
    let key = format!(" {name}=\"");
    let start = head.find(&key)? + key.len();
    Some(&head[start..start + head[start..].find('"')?])
}

/// For each style index, whether it wraps text.
fn wrapping_styles(styles: &str) -> Vec<bool> {
    let start = styles.find("<cellXfs").expect("cellXfs");
    let end = styles[start..].find("</cellXfs>").unwrap() + start;
    styles[start..end].split("<xf ").skip(1).map(|xf| xf.contains("wrapText=\"1\"")).collect()
}

/// 0-based column of a cell reference such as "AB12".
fn column_of(reference: &str) -> u16 {
    reference.chars().take_while(|c| c.is_ascii_alphabetic()).fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        as u16
        - 1
}

struct Row {
    index: u32,
    height: f64,
    /// The lines its longest wrapped cell needs.
    lines: usize,
}

/// Every row of a sheet with at least one wrapped text cell.
fn wrapped_rows(bytes: &[u8], sheet_no: usize, sheet_name: &str) -> Vec<Row> {
    let xml = part(bytes, &format!("xl/worksheets/sheet{sheet_no}.xml"));
    let wraps = wrapping_styles(&part(bytes, "xl/styles.xml"));
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range(sheet_name).unwrap();
    // rust_xlsxwriter stores a width of w characters as w + 5/7 (the cell padding);
    // taking off a little less keeps the estimate from ever exceeding the writer's.
    let mut widths: HashMap<u16, f64> = HashMap::new();
    for col in xml.split("<col").filter(|t| t.starts_with(' ')) {
        let (min, max): (u16, u16) =
            (attr(col, "min").unwrap().parse().unwrap(), attr(col, "max").unwrap().parse().unwrap());
        let width: f64 = attr(col, "width").unwrap().parse().unwrap();
        for c in min..=max {
            widths.insert(c - 1, width - 0.70);
        }
    }
    let mut rows = Vec::new();
    for row in xml.split("<row").filter(|t| t.starts_with(' ')) {
        let row = &row[..row.find("</row>").unwrap_or(row.len())];
        let index: u32 = attr(row, "r").unwrap().parse::<u32>().unwrap() - 1;
        let height: f64 = attr(row, "ht").map(|h| h.parse().unwrap()).unwrap_or(15.0);
        let mut lines = 0;
        for cell in row.split("<c").filter(|t| t.starts_with(' ')) {
            let style: usize = attr(cell, "s").map(|s| s.parse().unwrap()).unwrap_or(0);
            if !wraps.get(style).copied().unwrap_or(false) {
                continue;
            }
            let col = column_of(attr(cell, "r").unwrap());
            if let Some(Data::String(text)) = range.get_value((index, col as u32)) {
                lines = lines.max(wrapped_lines(text, *widths.get(&col).unwrap_or(&8.43)));
            }
        }
        if lines > 0 {
            rows.push(Row { index, height, lines });
        }
    }
    rows
}

/// Checks every sheet of a workbook; returns how many rows needed more than one line.
fn assert_rows_fit(bytes: &[u8], what: &str) -> usize {
    let names = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap().sheet_names();
    let mut tall = 0;
    for (i, name) in names.iter().enumerate() {
        for row in wrapped_rows(bytes, i + 1, name) {
            let needed = height_for_lines(row.lines);
            assert!(
                row.height + 0.5 >= needed,
                "{what}, sheet {name}, row {}: height {} pt for {} lines (needs {needed} pt)",
                row.index + 1,
                row.height,
                row.lines
            );
            if row.lines > 1 {
                tall += 1;
            }
        }
    }
    tall
}

const LONG: &str = "Leverantören ska säkerställa att varje användare endast kommer åt de funktioner och den information som användarens roll kräver, att behörigheter tilldelas per roll och inte per person, och att tilldelade behörigheter följs upp minst två gånger per år.";

#[test]
fn procurement_rows_are_as_tall_as_their_texts() {
    let item = |key: &str, text: &str| ProcurementItem {
        key: key.into(),
        area_sv: "Behörighet och åtkomst".into(),
        title_sv: "Roller".into(),
        area_en: "Access".into(),
        original_text: text.into(),
        original_text_en: String::new(),
        text: text.into(),
        obligation: Obligation::Ska,
        relevant: true,
        aspects: vec![Aspect::K, Aspect::R],
        iso27002: vec!["5.15".into(), "5.18".into(), "8.3".into()],
        needed_by: vec!["Ekonomisystem".into(), "Lönesystem".into(), "Elevdokumentation".into()],
    };
    let view = ProcurementView {
        id: None,
        name: "Upphandling".into(),
        objects: vec![ObjectRef { id: "a".into(), name: "Ekonomisystem".into(), profile: "K2 R3 T2 S1".into() }],
        excluded: vec![],
        catalog_id: "infoklass-bas".into(),
        catalog_version: "2026.1".into(),
        items: vec![
            item("BEH-01", LONG),
            item("BEH-02", "Kort."),
            item("BEH-03", &format!("{LONG}\n\n{LONG}")),
            item("BEH-04", &LONG.repeat(12)),
        ],
    };
    let bytes = procurement_xlsx(&view, "2026-11-30", Lang::Sv).unwrap();
    assert!(assert_rows_fit(&bytes, "procurement") >= 4, "the header, three long items and legend rows wrap");
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("ht=\"408.75\""), "a text longer than a row can be stops at Excel's maximum");
    // A one-line row keeps the default height: "Ska" in the legend.
    let legend = part(&bytes, "xl/worksheets/sheet2.xml");
    let short = &legend[legend.find("<row r=\"3\"").unwrap()..];
    assert!(!short[..short.find('>').unwrap()].contains("customHeight"), "{}", &short[..200]);
}

#[test]
fn catalogue_rows_are_as_tall_as_their_texts() {
    let bytes = catalog_xlsx(
        &Catalog::default_catalog(),
        &|_| "Vi följer regionens rutin för detta, se ledningssystemet.".into(),
        Lang::Sv,
    )
    .unwrap();
    let tall = assert_rows_fit(&bytes, "catalogue");
    assert!(tall >= Catalog::default_catalog().requirements.len(), "every requirement row wraps: {tall}");
    let xml = part(&bytes, "xl/worksheets/sheet3.xml");
    assert!(
        xml.contains("orientation=\"landscape\"") && xml.contains("fitToHeight=\"0\""),
        "printed landscape, one page wide"
    );
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("Krav!$1:$1"),
        "the header row repeats: {workbook}"
    );
}

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

/// An object with long descriptions, motivations and risk texts, and its workbook.
fn seeded(dir: &Path) -> (Store, String) {
    let mut store = Store::open(&dir.join("db.sqlite")).unwrap();
    let object = serde_json::json!({
        "meta": { "name": "Elevdokumentation", "kind": "system", "unit": "Utbildningsförvaltningen",
                  "information_owner": "Skolchef", "description": LONG, "classification_date": "2026-03-01" },
        "content": { "sets": [
            { "name": "Åtgärdsprogram och utredningar om elevers behov av särskilt stöd", "description": LONG,
              "levels": { "K": 3, "R": 3, "T": 2, "S": 2 },
              "motivations": { "K": LONG, "R": "Felaktiga uppgifter kan leda till fel stöd.", "T": "Kan vänta.", "S": LONG } },
            { "name": "Närvaro", "levels": { "K": 1, "R": 2, "T": 2, "S": 1 },
              "motivations": { "K": "Låg.", "R": "Underlag för CSN.", "T": "Dagligen.", "S": "Ändringar följs upp." } }
        ] }
    });
    let new: NewObject = serde_json::from_value(object).unwrap();
    let id = store.create_object(&ctx(), &new).unwrap();
    let risk = infoklass_core::risk::Risk {
        cause: LONG.into(),
        event: "Obehörig personal läser utredningar om elever i skyddat boende".into(),
        consequence_text: LONG.into(),
        aspects: vec![Aspect::K],
        probability: 2,
        consequence: 4,
        ..Default::default()
    };
    store.save_risk(&ctx(), &id, &RiskInput { risk, new_actions: vec![LONG.into()] }).unwrap();
    (store, id)
}

#[test]
fn object_and_portfolio_rows_are_as_tall_as_their_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2026-11-01T08:00:00Z".into() };
    let data = gather(&store, &id, "2026-11-01").unwrap();
    let bytes = object_workbook(&data, &stamp, Lang::Sv).unwrap();
    let tall = assert_rows_fit(&bytes, "object workbook");
    let names = open_workbook_auto_from_rs(Cursor::new(bytes.clone())).unwrap().sheet_names();
    for sheet in ["Klassning", "Krav", "Handlingsplan", "Upphandlingskrav", "Riskanalys"] {
        let no = names.iter().position(|n| n == sheet).unwrap() + 1;
        let rows = wrapped_rows(&bytes, no, sheet);
        assert!(rows.iter().any(|r| r.index > 3 && r.lines > 1), "{sheet} has a data row with wrapped lines");
    }
    assert!(tall >= 10, "{tall}");
    let portfolio = store.portfolio_with_overview(std::slice::from_ref(&id), "2026-11-01").unwrap();
    for lang in Lang::ALL {
        let bytes = portfolio_workbook(&portfolio, &stamp, lang).unwrap();
        assert!(assert_rows_fit(&bytes, "portfolio") >= 3, "{lang:?}");
    }
}
