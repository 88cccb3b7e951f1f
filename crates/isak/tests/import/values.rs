//! What cells say: levels in every notation, profiles, dates, risk values and scales,
//! aspects and the Krav sheet.

use infoklass_core::Aspect;
use infoklass_isak::{ImportProfile, Severity};
use rust_xlsxwriter::Workbook;

use crate::common::{bytes, diags, klassning, levels, parse, parse_with, problems, put, sheet, RISK_HEADER, V};
use V::{Date, E, F, N, T};

#[test]
fn levels_as_numbers_names_and_both() {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Siffror"), E, N(1.0), N(2.0), N(3.0)],
            &[N(2.0), T("Namn"), E, T("Försumbar"), T("måttlig skada"), T("BETYDANDE")],
            &[N(3.0), T("Båda"), E, T("3 - Betydande"), T("4 – Allvarlig"), T("Ingen eller försumbar")],
            &[N(4.0), T("Över skalan"), E, T("Synnerligen allvarlig"), T("Allvarlig skada"), E],
            &[N(5.0), T("Siffror som text"), E, T("2"), T(" 4 "), T("1")],
        ],
    );
    let wb = parse(&bytes(wb));
    assert_eq!(
        levels(&wb),
        [
            ("Siffror".into(), Some(0), Some(1), Some(2)),
            ("Namn".into(), Some(0), Some(1), Some(2)),
            ("Båda".into(), Some(2), Some(3), Some(0)),
            ("Över skalan".into(), Some(4), Some(3), None),
            ("Siffror som text".into(), Some(1), Some(3), Some(0)),
        ]
    );
    assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
}

/// Sets in rows 11–14; the out-of-range "5" lands in E14 as in ISAK-FORMAT.md.
fn problem_levels() -> Vec<u8> {
    let mut wb = Workbook::new();
    klassning(
        &mut wb,
        &[
            &[N(1.0), T("Motsägelse"), E, T("2 - Betydande"), N(2.0), N(2.0)],
            &[N(2.0), T("Okända ord"), E, T("Hög"), T("Medel"), N(1.0)],
            &[N(3.0), T("Noll"), E, N(1.0), N(1.0), N(0.0)],
            &[N(4.0), T("Fem"), E, N(2.0), T("5"), N(2.5)],
        ],
    );
    bytes(wb)
}

#[test]
fn disagreeing_unknown_and_out_of_range_levels_are_reported_and_left_empty() {
    let wb = parse(&problem_levels());
    assert_eq!(
        levels(&wb),
        [
            ("Motsägelse".into(), None, Some(1), Some(1)),
            ("Okända ord".into(), None, None, Some(0)),
            ("Noll".into(), Some(0), Some(0), None),
            ("Fem".into(), Some(1), None, None),
        ]
    );
    let at = |code: &str| diags(&wb, code).iter().map(|d| d.cell.clone().unwrap()).collect::<Vec<_>>();
    assert_eq!(at("LEVEL_CONFLICT"), ["D11"]);
    assert_eq!(at("LEVEL_UNKNOWN_WORD"), ["D12", "E12"]);
    assert_eq!(at("LEVEL_OUT_OF_RANGE"), ["F13", "E14", "F14"]);
    let e14 = diags(&wb, "LEVEL_OUT_OF_RANGE")[1];
    // The cell is left empty and reported; the rest of the file still imports.
    assert_eq!(e14.severity, Severity::Warning);
    assert!(!wb.has_errors());
    assert_eq!(e14.message_sv, "Klassning!E14: \"5\" är inte en ISAK-nivå (1–4); cellen lämnas tom");
    assert_eq!(e14.message_en, "Klassning!E14: \"5\" is not an ISAK level (1–4); the cell stays empty");
    assert_eq!(diags(&wb, "LEVEL_CONFLICT")[0].severity, Severity::Warning);
    assert_eq!(wb.unknown_words, ["hög", "medel"]);
}

#[test]
fn a_profile_maps_unknown_words_without_diagnostics() {
    let profile = ImportProfile::default().with("Hög", 3).with("medel", 2);
    let wb = parse_with(&problem_levels(), &profile);
    assert_eq!(levels(&wb)[1], ("Okända ord".into(), Some(3), Some(2), Some(0)));
    assert!(diags(&wb, "LEVEL_UNKNOWN_WORD").is_empty());
    assert!(wb.unknown_words.is_empty());
}

#[test]
fn dates_as_serials_and_text() {
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, "Klassning");
    put(ws, 0, &[T("IT-stöd"), T("Kassan")]);
    put(ws, 1, &[T("Datum"), N(43536.0)]);
    put(ws, 2, &[T("Nästa översyn"), T("12/3/2021")]);
    put(ws, 4, &crate::common::SET_HEADER);
    put(ws, 5, &[N(1.0), T("Kassaflöde"), E, N(2.0), N(2.0), N(2.0)]);
    let ws = sheet(&mut wb, "Riskanalys");
    put(ws, 0, &RISK_HEADER);
    let dues = [T("2020-06-30 14:00"), Date(43830.0), T("1.10.2020"), T("snart"), N(20210115.0)];
    for (i, due) in dues.into_iter().enumerate() {
        let r = 1 + i as u32;
        put(ws, r, &[N(f64::from(r)), T("Hot"), E, E, T("T"), N(1.0), N(1.0), E, E, E, E, due]);
    }
    let wb = parse(&bytes(wb));

    assert_eq!(wb.object.date.as_deref(), Some("2019-03-12"));
    assert_eq!(wb.object.next_review.as_deref(), Some("2021-03-12"));
    let dues: Vec<Option<&str>> = wb.risks.iter().map(|r| r.due.as_deref()).collect();
    assert_eq!(dues, [Some("2020-06-30"), Some("2019-12-31"), Some("2020-10-01"), None, Some("2021-01-15")]);
    let bad = diags(&wb, "DATE_UNREADABLE");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].cell.as_deref(), Some("L5"));
}

fn risk_book(header: &[V], rows: &[&[V]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[N(1.0), T("Data"), E, N(1.0), N(1.0), N(1.0)]]);
    let ws = sheet(&mut wb, "Riskanalys");
    put(ws, 2, header);
    for (i, row) in rows.iter().enumerate() {
        put(ws, 3 + i as u32, row);
    }
    bytes(wb)
}

#[test]
fn risk_value_is_recomputed_and_a_wrong_cached_value_reported() {
    let wb = parse(&risk_book(
        &RISK_HEADER,
        &[
            &[N(1.0), T("Bedrägeri"), E, E, T("R"), N(3.0), N(3.0), F("=F4*G4", "9")],
            &[N(2.0), T("Ransomware"), E, E, T("T"), N(2.0), N(4.0), F("=F5*G5", "10")],
            // Stored by rust_xlsxwriter as 0, as files saved without calculation are.
            &[N(3.0), T("Brand"), E, E, T("T"), N(1.0), T("Allvarlig"), F("=F6*G6", "")],
        ],
    ));
    let values: Vec<Option<u8>> = wb.risks.iter().map(|r| r.value).collect();
    assert_eq!(values, [Some(9), Some(8), Some(4)]);
    let wrong = diags(&wb, "RISK_VALUE_MISMATCH");
    assert_eq!(wrong.len(), 1, "{:#?}", wb.diagnostics);
    assert_eq!(
        wrong[0].message_sv,
        "Riskanalys!H5: riskvärdet i filen är 10 men sannolikhet × konsekvens = 2 × 4 = 8; 8 används"
    );
}

#[test]
fn of_two_konsekvens_columns_the_numeric_one_is_the_scale() {
    for numeric_first in [false, true] {
        let (text, num) = (T("Konsekvens"), T("Konsekvens"));
        let header = [T("Hot"), T("Sannolikhet"), text, num];
        let rows: [[V; 4]; 2] = if numeric_first {
            [[T("Nätfiske"), N(3.0), N(4.0), T("Journaler läcker")], [T("Brand"), N(1.0), N(4.0), T("Avbrott")]]
        } else {
            [[T("Nätfiske"), N(3.0), T("Journaler läcker"), N(4.0)], [T("Brand"), N(1.0), T("Avbrott"), N(4.0)]]
        };
        let wb = parse(&risk_book(&header, &[&rows[0], &rows[1]]));
        let got: Vec<(Option<u8>, &str)> =
            wb.risks.iter().map(|r| (r.consequence, r.consequence_text.as_str())).collect();
        assert_eq!(got, [(Some(4), "Journaler läcker"), (Some(4), "Avbrott")], "numeric first: {numeric_first}");
        assert!(problems(&wb).is_empty(), "{:#?}", wb.diagnostics);
    }
}

#[test]
fn aspects_in_several_notations() {
    let notations = ["K, T", "T/K", "KRT", "Tillgänglighet", "k r", "R och X"];
    let rows: Vec<Vec<V>> = notations.iter().map(|a| vec![N(1.0), T("Hot"), E, E, T(a), N(2.0), N(2.0)]).collect();
    let refs: Vec<&[V]> = rows.iter().map(Vec::as_slice).collect();
    let wb = parse(&risk_book(&RISK_HEADER, &refs));
    let got: Vec<Vec<Aspect>> = wb.risks.iter().map(|r| r.aspects.clone()).collect();
    let (k, r, t) = (Aspect::K, Aspect::R, Aspect::T);
    assert_eq!(got, [vec![k, t], vec![k, t], vec![k, r, t], vec![t], vec![k, r], vec![r]]);
    let unknown = diags(&wb, "ASPECT_UNKNOWN");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].cell.as_deref(), Some("E9"));
}

#[test]
fn risk_scale_words_and_out_of_range_values() {
    let wb = parse(&risk_book(
        &RISK_HEADER,
        &[
            &[N(1.0), T("Ord"), E, E, T("K"), T("Stor"), T("Betydande skada")],
            &[N(2.0), T("Fel"), E, E, T("K"), N(5.0), T("Synnerligen allvarlig")],
            &[N(3.0), T(""), E, E, T("K"), N(2.0), N(2.0)],
        ],
    ));
    let scores: Vec<(Option<u8>, Option<u8>)> = wb.risks.iter().map(|r| (r.probability, r.consequence)).collect();
    assert_eq!(scores, [(Some(3), Some(3)), (None, None), (Some(2), Some(2))]);
    assert_eq!(diags(&wb, "PROBABILITY_OUT_OF_RANGE")[0].cell.as_deref(), Some("F5"));
    assert_eq!(diags(&wb, "CONSEQUENCE_OUT_OF_RANGE")[0].cell.as_deref(), Some("G5"));
    assert_eq!(diags(&wb, "RISK_THREAT_MISSING")[0].cell.as_deref(), Some("B6"));
}

#[test]
fn krav_sheet_with_x_levels_and_blanks_is_kept_verbatim() {
    let mut wb = Workbook::new();
    klassning(&mut wb, &[&[N(1.0), T("Data"), E, N(1.0), N(1.0), N(1.0)]]);
    let ws = sheet(&mut wb, "Kravställning");
    put(ws, 0, &[T("Kravställning")]);
    put(
        ws,
        2,
        &[
            T("Krav-ID"),
            T("Område"),
            T("Kravtext"),
            T("K"),
            T("R"),
            T("T"),
            T("Uppfyllt"),
            T("Kommentar"),
            T("Ansvarig"),
        ],
    );
    put(
        ws,
        3,
        &[T("U1"), T("Utbildning"), T("Användare utbildas"), T("x"), T("X"), T("x"), T("Ej aktuellt"), T("Centralt")],
    );
    put(
        ws,
        4,
        &[T("B1"), T("Behörighet"), T("Behörigheter ses över"), N(2.0), E, N(3.0), T("Delvis"), E, T("IT-chef")],
    );
    put(ws, 5, &[T("L1"), T("Loggning"), T("Loggar granskas"), T("Betydande"), E, E, E]);
    put(ws, 6, &[T("K9"), T("Kryptering"), T("Kryptera"), T("ibland"), E, E, T("Nej")]);
    put(ws, 7, &[E, E, T("Krav utan id"), E, E, E, T("Ja")]);
    let wb = parse(&bytes(wb));

    let rows: Vec<[&str; 6]> = wb
        .legacy_requirements
        .iter()
        .map(|r| {
            [
                r.id.as_str(),
                r.from_k.as_str(),
                r.from_r.as_str(),
                r.from_t.as_str(),
                r.status.as_str(),
                r.responsible.as_str(),
            ]
        })
        .collect();
    assert_eq!(
        rows,
        [
            ["U1", "x", "X", "x", "Ej aktuellt", ""],
            ["B1", "2", "", "3", "Delvis", "IT-chef"],
            ["L1", "Betydande", "", "", "", ""],
            ["K9", "ibland", "", "", "Nej", ""],
            ["", "", "", "", "Ja", ""],
        ]
    );
    assert_eq!(wb.legacy_requirements[0].comment, "Centralt");
    assert_eq!(wb.legacy_requirements[1].row, 5);
    let odd = diags(&wb, "REQUIREMENT_FROM_UNREADABLE");
    assert_eq!(odd.len(), 1);
    assert_eq!(odd[0].cell.as_deref(), Some("D7"));
    assert!(wb.unrecognised.is_empty(), "{:?}", wb.unrecognised);
}
