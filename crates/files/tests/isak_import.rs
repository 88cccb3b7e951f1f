//! An old ISAK workbook with single bad cells: the preview names each cell left empty and
//! why, the file stays importable, and the import writes everything else.

use infoklass_files::import;
use infoklass_store::{Ctx, Store};
use rust_xlsxwriter::Workbook;

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

/// Klassning with a header block, a set whose K is 5 (not an ISAK level), one after a blank
/// row whose R is an unknown word, and a group heading over K, R, T.
fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Klassning").unwrap();
    ws.write_string(0, 0, "IT-stöd:").unwrap();
    ws.write_string(0, 1, "Lönesystem").unwrap();
    for (c, h) in ["Nr", "Informationsmängd", "Skyddsnivå", "", "", "Motivering"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (c, h) in ["K", "R", "T"].iter().enumerate() {
        ws.write_string(3, 2 + c as u16, *h).unwrap();
    }
    ws.write_number(4, 0, 1).unwrap();
    ws.write_string(4, 1, "Löner").unwrap();
    ws.write_number(4, 2, 5).unwrap();
    ws.write_string(4, 3, "Nivå 3").unwrap();
    ws.write_number(4, 4, 2).unwrap();
    ws.write_string(4, 5, "Personuppgifter").unwrap();
    ws.write_number(6, 0, 2).unwrap();
    ws.write_string(6, 1, "Frånvaro").unwrap();
    ws.write_number(6, 2, 2).unwrap();
    ws.write_string(6, 3, "Hög").unwrap();
    ws.write_number(6, 4, 1).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn the_preview_names_the_cells_left_empty_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let bytes = workbook();

    let preview = import::preview(&store, "lön.xlsx", &bytes, "2026-11-01");
    assert!(preview.ok, "{preview:#?}");
    assert_eq!(preview.legacy.as_ref().unwrap().sets, 2);
    let at = |code: &str| {
        preview.diagnostics.iter().filter(|d| d.code == code).map(|d| d.cell.clone().unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(at("LEVEL_OUT_OF_RANGE"), ["C5"]);
    assert_eq!(at("LEVEL_UNKNOWN_WORD"), ["D7"]);
    let out = preview.diagnostics.iter().find(|d| d.code == "LEVEL_OUT_OF_RANGE").unwrap();
    assert_eq!(out.severity, "warning");
    assert_eq!(out.message_sv, "Klassning!C5: \"5\" är inte en ISAK-nivå (1–4); cellen lämnas tom");
    let summary = preview.diagnostics.iter().find(|d| d.code == "CELLS_LEFT_EMPTY").unwrap();
    assert!(summary.message_sv.ends_with("Klassning!C5, Klassning!D7"), "{}", summary.message_sv);
    assert_eq!(preview.unknown_words, ["hög"]);

    let done = import::import(&mut store, &ctx(), "lön.xlsx", &bytes);
    assert!(done.ok && done.applied, "{done:#?}");
    let id = done.legacy.unwrap().object_id.unwrap();
    let detail = store.get_object(&id, "2026-11-01").unwrap();
    let levels: Vec<(String, [Option<u8>; 3])> =
        detail.current.content.sets.iter().map(|s| (s.name.clone(), [s.levels.k, s.levels.r, s.levels.t])).collect();
    assert_eq!(
        levels,
        [("Löner".to_string(), [None, Some(2), Some(1)]), ("Frånvaro".to_string(), [Some(1), None, Some(0)])]
    );
}
