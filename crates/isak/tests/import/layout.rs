//! Where things are: renamed and reordered sheets, title rows, merged cells, blank and note
//! rows, extra columns and sheets, summary rows and legends.

use rust_xlsxwriter::{Format, Workbook};

use crate::common::{
    self, bytes, diags, klassning, leftover_cells, levels, parse, problems, put, put_at, sheet, RISK_HEADER, V,
};
use V::{E, N, T};

fn krav_sheet(wb: &mut Workbook, name: &str) {
    let ws = sheet(wb, name);
    put(ws, 0, &[T("Krav-ID"), T("Område"), T("Kravtext"), T("Gäller från K"), T("Uppfyllt")]);
    put(ws, 1, &[T("B1"), T("Behörighet"), T("Behörigheter är individuella"), N(2.0), T("Ja")]);
}

fn risk_sheet(wb: &mut Workbook, name: &str) {
    let ws = sheet(wb, name);
    put(ws, 0, &RISK_HEADER);
    put(ws, 1, &[N(1.0), T("Nätfiske"), T("Lösenord röjs"), T("Intrång"), T("K"), N(3.0), N(4.0)]);
}

#[test]
fn renamed_and_reordered_sheets_are_found_by_name_or_content() {
    let mut wb = Workbook::new();
    krav_sheet(&mut wb, "Krav");
    let ws = sheet(&mut wb, "Blad1");
    common::header_block(ws);
    put(ws, 9, &common::SET_HEADER);
    put(ws, 10, &[N(1.0), T("Journal"), E, N(4.0), N(3.0), N(2.0)]);
    risk_sheet(&mut wb, "RISKANALYS");
    let ws = sheet(&mut wb, "Instruktion");
    put(ws, 0, &[T("Fyll i bladen. Nivåer: 1 = Försumbar …")]);
    put(ws, 1, &[T("Skriv inget här")]);
    let wb = parse(&bytes(wb));

    assert_eq!(levels(&wb), [("Journal".to_string(), Some(3), Some(2), Some(1))]);
    assert_eq!(wb.risks.len(), 1);
    assert_eq!(wb.legacy_requirements.len(), 1);
    let found = diags(&wb, "SHEET_FOUND_BY_CONTENT");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].sheet.as_deref(), Some("Blad1"));
    assert!(wb.unrecognised.is_empty(), "the instruction sheet is ignored: {:?}", wb.unrecognised);

    let mut renamed = Workbook::new();
    let ws = sheet(&mut renamed, "Informationsklassning");
    put(ws, 0, &common::SET_HEADER);
    put(ws, 1, &[N(1.0), T("Journal"), E, N(1.0), N(1.0), N(1.0)]);
    let renamed = parse(&bytes(renamed));
    assert_eq!(renamed.sets.len(), 1);
    assert!(diags(&renamed, "SHEET_FOUND_BY_CONTENT").is_empty());
}

#[test]
fn title_rows_label_variants_merged_cells_and_reordered_columns() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    let plain = Format::new();
    ws.merge_range(0, 0, 0, 6, "ISAK – Informationsklassning", &plain).unwrap();
    put(ws, 1, &[T("Region Testland, blankett 2016")]);
    ws.merge_range(3, 0, 3, 1, "IT-STÖD", &plain).unwrap();
    ws.merge_range(3, 2, 3, 5, "Journalen", &plain).unwrap();
    put(ws, 4, &[T("Objektägare :"), E, E, T("Vårdchef")]);
    put(ws, 5, &[T("verksamhet"), T("Vården"), E, T("Datum:"), T("2019-03-12")]);
    put(ws, 6, &[T("Deltagare"), T("Anna; Bo;Cia")]);
    put(ws, 7, &[T("ISAK-version:"), N(1.3)]);
    put(ws, 8, &[T("Nästa översyn:")]);
    put(
        ws,
        10,
        &[
            T("Konfidentialitet (K)"),
            T("Riktighet (R)"),
            T("Tillgänglighet (T)"),
            T("Informationsmängd"),
            T("Kommentar"),
        ],
    );
    put(ws, 11, &[N(2.0), N(2.0), N(2.0), T("Tidbok")]);
    put(ws, 12, &[N(3.0), N(1.0), N(2.0), T("Kallelser")]);
    // One motivation for both sets, merged down over their rows.
    ws.merge_range(11, 4, 12, 4, "Gemensam motivering", &plain).unwrap();
    let wb = parse(&bytes(wb));

    let o = &wb.object;
    assert_eq!(o.name.as_deref(), Some("Journalen"));
    assert_eq!(o.system_owner.as_deref(), Some("Vårdchef"));
    assert_eq!(o.unit.as_deref(), Some("Vården"));
    assert_eq!(o.date.as_deref(), Some("2019-03-12"));
    assert_eq!(o.participants, ["Anna", "Bo", "Cia"]);
    assert_eq!(o.isak_version.as_deref(), Some("1.3"));
    assert_eq!(o.next_review, None);
    assert_eq!(
        levels(&wb),
        [("Tidbok".into(), Some(1), Some(1), Some(1)), ("Kallelser".into(), Some(2), Some(0), Some(1))]
    );
    assert_eq!(wb.sets[0].motivation, "Gemensam motivering");
    assert_eq!(wb.sets[1].motivation, "Gemensam motivering");
    assert_eq!(wb.sets[1].row, 13);
    assert_eq!(leftover_cells(&wb), ["Klassning!A2=Region Testland, blankett 2016"]);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn blank_and_note_rows() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[],
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &[E, T("Obs! Nedanstående bedömdes 2018")],
            &[N(2.0), T("Lön"), E, N(3.0), N(3.0), N(2.0)],
            &[N(3.0), T("Arkiv")],
            &[],
            &[N(4.0), T("Efterslänt"), E, N(1.0), N(1.0), N(1.0)],
            &[],
            &[T("Anteckning: granskad av IT")],
        ],
    );
    let wb = parse(&bytes(wb));

    let names: Vec<&str> = wb.sets.iter().map(|s| s.name.as_str()).collect();
    // The table goes on across the blank row: a set after it is read, not dropped.
    assert_eq!(names, ["Ekonomi", "Lön", "Arkiv", "Efterslänt"]);
    assert_eq!((wb.sets[2].k, wb.sets[2].r, wb.sets[2].t), (None, None, None), "a set not yet assessed");
    assert!(diags(&wb, "ROWS_AFTER_BLANK_ROW").is_empty(), "{:#?}", wb.diagnostics);
    let left = leftover_cells(&wb);
    assert_eq!(left, ["Klassning!B13=Obs! Nedanstående bedömdes 2018", "Klassning!A19=Anteckning: granskad av IT"]);
}

#[test]
fn extra_columns_and_sheets_are_kept_as_leftovers() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    put(ws, 0, &[T("IT-stöd"), T("Kassan")]);
    put(
        ws,
        2,
        &[T("Nr"), T("Informationsmängd"), T("Lagrum"), T("Konfidentialitet"), T("Riktighet"), T("Tillgänglighet")],
    );
    put(ws, 3, &[N(1.0), T("Kassaflöde"), T("OSL 25:1"), N(2.0), N(3.0), N(1.0)]);
    let ws = sheet(&mut wb, "Bilaga");
    for r in 0..25 {
        put(ws, r, &[T("a"), T("b"), T("c"), T("d"), T("e"), T("f"), T("g"), T("h"), T("i"), T("j")]);
    }
    let ws = sheet(&mut wb, "Anteckningar");
    put(ws, 4, &[E, T("Ring leverantören")]);
    let wb = parse(&bytes(wb));

    assert_eq!(levels(&wb), [("Kassaflöde".into(), Some(1), Some(2), Some(0))]);
    let left = leftover_cells(&wb);
    assert_eq!(left[..2], ["Klassning!C3=Lagrum", "Klassning!C4=OSL 25:1"]);
    assert_eq!(
        left.iter().filter(|l| l.starts_with("Bilaga!")).count(),
        200,
        "an unknown sheet is listed up to 200 cells"
    );
    assert!(left.contains(&"Anteckningar!B5=Ring leverantören".to_string()));
    let unknown = diags(&wb, "UNKNOWN_SHEET");
    assert_eq!(unknown.len(), 2);
    assert!(unknown[0].message_sv.contains("250 ifyllda celler, de första 200 visas"), "{}", unknown[0].message_sv);
}

#[test]
fn summary_row_is_not_a_set_and_a_wrong_cached_max_is_reported() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(3.0), N(2.0), N(1.0)],
            &[N(2.0), T("Lön"), E, N(4.0), N(2.0), N(1.0)],
            &[
                E,
                T("Högsta nivå"),
                E,
                V::F("=MAX(D11:D12)", "3"),
                V::F("=MAX(E11:E12)", "2"),
                V::F("=MAX(F11:F12)", "1"),
            ],
        ],
    );
    let wb = parse(&bytes(wb));

    assert_eq!(wb.sets.len(), 2);
    let mismatch = diags(&wb, "SUMMARY_MISMATCH");
    assert_eq!(mismatch.len(), 1, "{:#?}", wb.diagnostics);
    assert_eq!(
        mismatch[0].message_sv,
        "Klassning!D13: sammanställningen visar 3 för Konfidentialitet men informationsmängderna ger högst 4; importen använder informationsmängderna"
    );
    assert_eq!(wb.profile().k, Some(3));
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}

#[test]
fn legends_below_and_beside_the_table_are_not_data() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(3.0), N(2.0)],
            &[N(2.0), T("Lön"), E, N(3.0), N(3.0), N(2.0)],
            &[T("1 = Försumbar"), T("2 = Måttlig"), T("3 = Betydande"), T("4 = Allvarlig")],
        ],
    );
    let ws = wb.worksheet_from_name("Klassning").unwrap();
    for (i, text) in
        ["Nivåer:", "1 = Försumbar", "2 = Måttlig", "3 = Betydande", "4 – Allvarlig"].into_iter().enumerate()
    {
        put_at(ws, 9 + i as u32, 9, &[T(text)]);
    }
    let wb = parse(&bytes(wb));

    assert_eq!(wb.sets.len(), 2);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

#[test]
fn a_summary_row_below_a_blank_row_still_closes_the_table() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Ekonomi"), E, N(2.0), N(2.0), N(2.0)],
            &[],
            &[E, T("Sammanställning"), E, N(2.0), N(3.0), N(2.0)],
        ],
    );
    let ws = sheet(&mut wb, "Riskanalys");
    put(ws, 0, &RISK_HEADER);
    put(ws, 1, &[N(1.0), T("Nätfiske"), E, E, T("K"), N(3.0), N(4.0)]);
    put(ws, 3, &[N(2.0), T("Brand"), E, E, T("T"), N(1.0), N(4.0)]);
    let wb = parse(&bytes(wb));

    assert_eq!(wb.sets.len(), 1);
    let mismatch = diags(&wb, "SUMMARY_MISMATCH");
    assert_eq!(mismatch.len(), 1);
    assert_eq!(mismatch[0].cell.as_deref(), Some("E13"));
    // A risk after a blank row still belongs to the table.
    let threats: Vec<&str> = wb.risks.iter().map(|r| r.threat.as_str()).collect();
    assert_eq!(threats, ["Nätfiske", "Brand"]);
    assert!(diags(&wb, "ROWS_AFTER_BLANK_ROW").is_empty(), "{:#?}", wb.diagnostics);
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}
