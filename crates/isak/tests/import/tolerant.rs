//! Tolerant layouts, nothing dropped: tables that go on across blank, note and repeated
//! header rows, two-row headers, levels with words around the number, formulas in text
//! cells, and single bad cells that leave only themselves empty.

use infoklass_isak::Severity;
use rust_xlsxwriter::{Format, Workbook};

use crate::common::{
    self, bytes, diags, klassning, leftover_cells, levels, parse, problems, put, sheet, SET_HEADER, V,
};
use V::{E, F, N, T};

fn names(wb: &infoklass_isak::ParsedWorkbook) -> Vec<&str> {
    wb.sets.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn a_set_after_a_blank_row_is_read() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[&[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)], &[], &[N(2.0), T("Lön"), E, N(3.0), N(3.0), N(2.0)]],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi", "Lön"]);
    assert_eq!(wb.sets[1].row, 13);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn three_blank_rows_then_more_sets_are_read() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[&[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)], &[], &[], &[], &[N(2.0), T("Lön"), E, T("Måttlig")]],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(levels(&wb), [("Ekonomi".into(), Some(1), Some(2), Some(1)), ("Lön".into(), Some(1), None, None)]);
}

#[test]
fn a_set_after_a_note_row_is_read_and_the_note_kept() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &[],
            &[E, T("Obs: raderna nedan bedömdes 2018")],
            &[N(2.0), T("Lön"), E, N(3.0), N(3.0), N(2.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi", "Lön"]);
    assert_eq!(leftover_cells(&wb), ["Klassning!B13=Obs: raderna nedan bedömdes 2018"]);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn a_header_row_repeated_mid_table_is_passed_over() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &SET_HEADER,
            &[N(2.0), T("Lön"), E, N(3.0), N(3.0), N(2.0)],
            &[],
            &SET_HEADER,
            &[N(3.0), T("Arkiv"), E, N(1.0), N(1.0), N(1.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi", "Lön", "Arkiv"]);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn the_table_ends_at_two_blank_rows_and_a_row_that_is_no_set() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &[],
            &[],
            &[T("Godkänd av:"), T("Förvaltningschefen")],
            &[N(2.0), T("Annan tabell"), E, N(1.0), N(1.0), N(1.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi"]);
    let late = diags(&wb, "ROWS_AFTER_BLANK_ROW");
    assert_eq!(late.len(), 1, "{:#?}", wb.diagnostics);
    assert_eq!(late[0].cell.as_deref(), Some("B15"));
    let left = leftover_cells(&wb);
    assert!(left.contains(&"Klassning!B15=Annan tabell".to_string()), "{left:?}");
    assert!(left.contains(&"Klassning!A14=Godkänd av:".to_string()), "{left:?}");
}

#[test]
fn a_note_after_two_blank_rows_ends_the_table() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &[],
            &[],
            &[T("Anteckning: granskad av IT")],
            &[N(2.0), T("Lön"), E, N(1.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi"]);
    assert_eq!(diags(&wb, "ROWS_AFTER_BLANK_ROW")[0].cell.as_deref(), Some("B15"));
}

/// A two-row header: Nr, Informationsmängd and Motivering merged down over both rows, a
/// group heading merged across the level columns, and letters (with S) below it.
#[test]
fn a_merged_group_heading_over_aspect_letters() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    common::header_block(ws);
    let plain = Format::new();
    ws.merge_range(9, 0, 10, 0, "Nr", &plain).unwrap();
    ws.merge_range(9, 1, 10, 1, "Informationsmängd", &plain).unwrap();
    ws.merge_range(9, 2, 9, 5, "Skyddsnivå", &plain).unwrap();
    ws.merge_range(9, 6, 10, 6, "Motivering", &plain).unwrap();
    put(ws, 10, &[E, E, T("K"), T("R"), T("T"), T("S")]);
    put(ws, 11, &[N(1.0), T("Ekonomi"), N(2.0), N(3.0), N(2.0), N(4.0), T("OSL")]);
    put(ws, 12, &[N(2.0), T("Lön"), N(3.0), N(3.0), N(1.0), E, T("Personuppgifter")]);
    let wb = parse(&bytes(wb));

    assert_eq!(levels(&wb), [("Ekonomi".into(), Some(1), Some(2), Some(1)), ("Lön".into(), Some(2), Some(2), Some(0))]);
    let s: Vec<Option<u8>> = wb.sets.iter().map(|s| s.s).collect();
    assert_eq!(s, [Some(3), None], "an S column is read too");
    assert_eq!(wb.sets[1].motivation, "Personuppgifter");
    assert_eq!(wb.profile().s, Some(3));
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn a_group_heading_over_aspect_names_without_merges() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    put(ws, 0, &[T("IT-stöd"), T("Kassan")]);
    put(ws, 2, &[T("Nr"), T("Informationsmängd"), E, T("Nivå"), E, E, T("Kommentar")]);
    put(ws, 3, &[E, E, E, T("Konfidentialitet"), T("Riktighet"), T("Tillgänglighet")]);
    put(ws, 4, &[N(1.0), T("Kassaflöde"), E, T("Nivå 2"), N(3.0), N(1.0), T("Intern")]);
    let wb = parse(&bytes(wb));
    assert_eq!(levels(&wb), [("Kassaflöde".into(), Some(1), Some(2), Some(0))]);
    assert_eq!(wb.sets[0].motivation, "Intern");
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}

#[test]
fn a_row_of_letters_under_a_complete_header_belongs_to_the_header() {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[E, E, E, T("(K)"), T("(R)"), T("(T)")], &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)]]);
    let wb = parse(&bytes(wb));
    assert_eq!(names(&wb), ["Ekonomi"]);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn levels_with_words_around_the_number() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Prefix"), E, T("Nivå 3"), T("nivå 3 – betydande"), T("Niva 2")],
            &[N(2.0), T("Suffix"), E, T("3 (Betydande)"), T(" 2 "), N(3.0)],
            &[N(3.0), T("Versaler och punkt"), E, T("NIVÅ 2"), T("3."), T("Nivå: 4")],
            &[N(4.0), T("Motsägelse"), E, T("Nivå 2 – Betydande"), N(1.0), N(1.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(
        levels(&wb),
        [
            ("Prefix".into(), Some(2), Some(2), Some(1)),
            ("Suffix".into(), Some(2), Some(1), Some(2)),
            ("Versaler och punkt".into(), Some(1), Some(2), Some(3)),
            ("Motsägelse".into(), None, Some(0), Some(0)),
        ]
    );
    let conflict = diags(&wb, "LEVEL_CONFLICT");
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].cell.as_deref(), Some("D14"));
    assert_eq!(problems(&wb).len(), 1, "{:#?}", wb.diagnostics);
}

#[test]
fn a_formula_in_a_text_cell_is_kept_as_written() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[
                N(1.0),
                T("Ekonomi"),
                E,
                N(2.0),
                N(3.0),
                N(2.0),
                F(r#"=HYPERLINK("https://intra.example/osl","OSL 25:1")"#, "OSL 25:1"),
            ],
            &[
                N(2.0),
                T("Lön"),
                F(r#"=CONCATENATE("Löne","listor")"#, ""),
                N(3.0),
                N(3.0),
                N(2.0),
                T("Personuppgifter"),
            ],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(wb.sets[0].motivation, r#"=HYPERLINK("https://intra.example/osl","OSL 25:1")"#);
    assert_eq!(wb.sets[1].description, r#"=CONCATENATE("Löne","listor")"#);
    let kept = diags(&wb, "FORMULA_KEPT_AS_TEXT");
    assert_eq!(kept.iter().map(|d| d.cell.clone().unwrap()).collect::<Vec<_>>(), ["G11", "C12"]);
    assert!(kept.iter().all(|d| d.severity == Severity::Info));
    assert!(kept[0].message_sv.contains("visat värde «OSL 25:1»"), "{}", kept[0].message_sv);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn a_bad_cell_is_left_empty_and_the_rest_imports() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(5.0), N(3.0), N(2.0), T("OSL")],
            &[N(2.0), T("Lön"), E, N(3.0), T("7"), T("Jättehög")],
            &[N(3.0), T("Arkiv"), E, N(1.0), N(1.0), N(1.0)],
        ],
    );
    let wb = parse(&bytes(wb));
    assert!(!wb.has_errors(), "one bad cell does not refuse the file: {:#?}", wb.diagnostics);
    assert_eq!(
        levels(&wb),
        [
            ("Ekonomi".into(), None, Some(2), Some(1)),
            ("Lön".into(), Some(2), None, None),
            ("Arkiv".into(), Some(0), Some(0), Some(0))
        ]
    );
    assert_eq!(wb.sets[0].motivation, "OSL");
    let out = diags(&wb, "LEVEL_OUT_OF_RANGE");
    assert_eq!(out.iter().map(|d| d.cell.clone().unwrap()).collect::<Vec<_>>(), ["D11", "E12"]);
    assert_eq!(out[0].message_sv, "Klassning!D11: \"5\" är inte en ISAK-nivå (1–4); cellen lämnas tom");
    assert_eq!(diags(&wb, "LEVEL_UNKNOWN_WORD")[0].cell.as_deref(), Some("F12"));
    let summary = diags(&wb, "CELLS_LEFT_EMPTY");
    assert_eq!(summary.len(), 1);
    assert_eq!(
        summary[0].message_sv,
        "3 celler kunde inte läsas och lämnas tomma, resten av filen importeras: Klassning!D11, Klassning!E12, Klassning!F12"
    );
}

#[test]
fn two_row_headers_on_the_risk_and_requirement_sheets() {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[N(1.0), T("Data"), E, N(1.0), N(1.0), N(1.0)]]);
    let plain = Format::new();
    let ws = sheet(&mut wb, "Riskanalys");
    ws.merge_range(0, 0, 1, 0, "Hot", &plain).unwrap();
    ws.merge_range(0, 1, 0, 2, "Bedömning", &plain).unwrap();
    put(ws, 1, &[E, T("Sannolikhet"), T("Konsekvens")]);
    put(ws, 2, &[T("Nätfiske"), N(3.0), N(4.0)]);
    put(ws, 4, &[T("Brand"), T("Nivå 1"), N(4.0)]);
    let ws = sheet(&mut wb, "Krav");
    put(ws, 0, &[T("Krav-ID"), T("Kravtext")]);
    ws.merge_range(0, 2, 0, 4, "Gäller från", &plain).unwrap();
    put(ws, 0, &[E, E, E, E, E, T("Uppfyllt")]);
    put(ws, 1, &[E, E, T("K"), T("R"), T("T")]);
    put(ws, 2, &[T("B1"), T("Behörigheter ses över"), N(2.0), E, T("x"), T("Ja")]);
    let wb = parse(&bytes(wb));

    let risks: Vec<(&str, Option<u8>, Option<u8>)> =
        wb.risks.iter().map(|r| (r.threat.as_str(), r.probability, r.consequence)).collect();
    assert_eq!(risks, [("Nätfiske", Some(3), Some(4)), ("Brand", Some(1), Some(4))]);
    assert_eq!(wb.legacy_requirements.len(), 1, "{:?}", wb.legacy_requirements);
    let r = &wb.legacy_requirements[0];
    assert_eq!([r.from_k.as_str(), r.from_r.as_str(), r.from_t.as_str(), r.status.as_str()], ["2", "", "x", "Ja"]);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

/// As printed over two pages: the two-row header comes again before the second page's sets.
#[test]
fn a_two_row_header_repeated_mid_table_is_passed_over() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    put(ws, 0, &[T("IT-stöd"), T("Kassan")]);
    for top in [2, 6] {
        put(ws, top, &[T("Nr"), T("Informationsmängd"), T("Skyddsnivå"), E, E, T("Motivering")]);
        put(ws, top + 1, &[E, E, T("K"), T("R"), T("T")]);
    }
    put(ws, 4, &[N(1.0), T("Kassaflöde"), N(2.0), N(3.0), N(1.0), T("Intern")]);
    put(ws, 8, &[N(2.0), T("Kvitton"), N(1.0), N(2.0), N(1.0)]);
    let wb = parse(&bytes(wb));
    assert_eq!(
        levels(&wb),
        [("Kassaflöde".into(), Some(1), Some(2), Some(0)), ("Kvitton".into(), Some(0), Some(1), Some(0))]
    );
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}
