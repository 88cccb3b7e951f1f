//! The procurement list (xlsx, html, csv) and the action plan (xlsx, csv) in English, read back
//! by another program: English headers, words and catalogue texts, no Swedish label.

mod support;

use infoklass_core::labels::Lang;
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_files::action_plan::{action_plan_csv, action_plan_xlsx};
use infoklass_files::procurement_xlsx::procurement_xlsx;
use infoklass_files::{procurement_csv::procurement_csv, procurement_html::procurement_html};
use infoklass_store::{Ctx, NewObject, Store};
use support::{swedish_in, visible_texts};

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

const OBJECT: &str = r#"{
  "meta": { "name": "Ekonomisystem", "kind": "system", "information_owner": "Ekonomichef" },
  "content": { "sets": [
    { "name": "Leverantörsregister", "levels": { "K": 2, "R": 3, "T": 2, "S": 2 },
      "motivations": { "K": "a", "R": "b", "T": "c", "S": "d" } }
  ] }
}"#;

/// An object with one requirement answered "not met", so the plan has a generated action.
fn seeded(dir: &std::path::Path) -> (Store, String) {
    let mut store = Store::open(&dir.join("db.sqlite")).unwrap();
    let id = store.create_object(&ctx(), &serde_json::from_str::<NewObject>(OBJECT).unwrap()).unwrap();
    let key = store.requirements(&id).unwrap().items[0].key.clone();
    let a = Assessment { key, answer: Answer::EjUppfyllt, comment: String::new(), evidence: String::new() };
    store.save_assessment(&ctx(), &id, &a).unwrap();
    (store, id)
}

/// The texts of an HTML page between its tags, unescaped.
fn html_texts(html: &str) -> Vec<String> {
    let unescape = |t: &str| {
        t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
    };
    html.split('<').filter_map(|part| part.split_once('>')).map(|(_, t)| unescape(t.trim())).collect()
}

/// The fields of a `;`-separated file (none of ours holds a quoted `;` here).
fn csv_fields(csv: &str) -> Vec<String> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .flat_map(|l| l.split(';'))
        .map(|f| f.trim_matches('"').to_string())
        .collect()
}

#[test]
fn the_english_procurement_list_has_english_words_and_texts_only() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let mut view = store.procurement_for(std::slice::from_ref(&id)).unwrap();
    view.name = "Finance system".into();
    let first = view.items[0].clone();
    assert!(!first.original_text_en.is_empty(), "the shipped catalogue is translated");

    let (names, cells) = visible_texts(procurement_xlsx(&view, "2026-11-01", Lang::En).unwrap());
    assert_eq!(names, ["Procurement requirements", "Legend"]);
    assert!(cells.contains(&"Supplier's comment".to_string()) && cells.contains(&first.original_text_en));
    assert!(swedish_in(names.iter().chain(&cells)).is_empty(), "{:?}", swedish_in(&cells));
    let (sv_names, sv_cells) = visible_texts(procurement_xlsx(&view, "2026-11-01", Lang::Sv).unwrap());
    assert!(swedish_in(sv_names.iter().chain(&sv_cells)).len() > 10, "the check finds Swedish labels");
    assert!(sv_cells.contains(&first.original_text), "the Swedish file keeps the Swedish text");

    let html = html_texts(&procurement_html(&view, "2026-11-01", Lang::En));
    assert!(html.contains(&"Requirement ID".to_string()) && html.contains(&first.original_text_en));
    assert!(swedish_in(&html).is_empty(), "{:?}", swedish_in(&html));

    let csv = csv_fields(&procurement_csv(&view, Lang::En));
    assert!(csv.contains(&first.original_text_en));
    assert!(swedish_in(&csv).is_empty(), "{:?}", swedish_in(&csv));

    // A text the officer edited is theirs, in either language.
    view.items[0].text = "Egen formulering.".into();
    assert!(csv_fields(&procurement_csv(&view, Lang::En)).contains(&"Egen formulering.".to_string()));
}

#[test]
fn the_english_action_plan_has_english_words_and_the_generated_measure_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = seeded(dir.path());
    let item = store.requirements(&id).unwrap().items[0].clone();
    let plan = store.action_plan_export(&id, "2026-11-01", Lang::En).unwrap();
    let (action, title) = plan.rows.iter().find(|(a, _)| a.requirement_key.as_deref() == Some(&item.key)).unwrap();
    assert_eq!((action.measure.as_str(), title.as_str()), (item.ar_en.as_str(), item.title_en.as_str()));

    let (names, cells) = visible_texts(action_plan_xlsx(&plan, "2026-11-01", Lang::En).unwrap());
    assert_eq!(names, ["Action plan"]);
    assert!(cells.contains(&"Priority".to_string()) && cells.contains(&item.ar_en));
    assert!(swedish_in(names.iter().chain(&cells)).is_empty(), "{:?}", swedish_in(&cells));
    let csv = csv_fields(&action_plan_csv(&plan, Lang::En));
    assert!(csv.contains(&"Not started".to_string()));
    assert!(swedish_in(&csv).is_empty(), "{:?}", swedish_in(&csv));

    let sv = store.action_plan_export(&id, "2026-11-01", Lang::Sv).unwrap();
    assert!(sv.rows.iter().any(|(a, t)| a.measure == item.ar_sv && *t == item.title_sv), "Swedish stays Swedish");
    let sv_csv = csv_fields(&action_plan_csv(&sv, Lang::Sv));
    assert!(swedish_in(&sv_csv).len() > 5, "the check finds Swedish labels");
}

#[test]
fn the_english_catalogue_workbook_has_english_headers_and_reads_back_the_same() {
    use calamine::{Data, Reader, Xlsx};
    use infoklass_core::requirements::Catalog;
    use infoklass_files::{catalog_export::catalog_xlsx, catalog_import::read_catalog};

    let shipped = Catalog::default_catalog();
    let bytes = catalog_xlsx(&shipped, &|_| String::new(), Lang::En).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names(), ["Catalogue", "Areas", "Requirements"]);
    let texts = |range: calamine::Range<Data>, row: usize| -> Vec<String> {
        range.rows().nth(row).unwrap().iter().map(|c| c.to_string()).collect()
    };
    let mut seen = texts(wb.worksheet_range("Areas").unwrap(), 0);
    seen.extend(texts(wb.worksheet_range("Requirements").unwrap(), 0));
    seen.extend(wb.worksheet_range("Catalogue").unwrap().rows().filter_map(|r| r.first().map(|c| c.to_string())));
    let reqs = wb.worksheet_range("Requirements").unwrap();
    let words: Vec<String> = reqs.rows().skip(1).flat_map(|r| [r[8].to_string(), r[18].to_string()]).collect();
    assert!(words.iter().all(|w| ["Shall", "Should", "Business", "IT", "Supplier"].contains(&w.as_str())), "{words:?}");
    assert!(seen.contains(&"Who answers".to_string()) && seen.contains(&"Requirement catalogue".to_string()));
    assert!(swedish_in(&seen).is_empty(), "{:?}", swedish_in(&seen));

    let back = read_catalog(&bytes).unwrap();
    assert_eq!(back.requirements.len(), shipped.requirements.len());
    for (a, b) in back.requirements.iter().zip(&shipped.requirements) {
        assert_eq!(
            (&a.key, a.obligation, a.who_answers(), &a.ska_en),
            (&b.key, b.obligation, b.who_answers(), &b.ska_en)
        );
    }
}
