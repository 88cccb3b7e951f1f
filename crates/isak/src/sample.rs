//! A large legacy workbook in the reference layout, generated for benchmarks (feature
//! `sample`): information sets, risks and requirements in the numbers asked for, with level
//! words, dates as serials, a summary row and a legend, as real files have them.

use std::path::Path;

use rust_xlsxwriter::{Format, Formula, Workbook};

/// Writes the workbook to `path`; panics on a write error (benchmarks only).
pub fn write_large_workbook(path: &Path, sets: u32, risks: u32, requirements: u32) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let words = ["Försumbar", "Måttlig", "3 - Betydande", "Allvarlig skada"];

    let ws = wb.add_worksheet().set_name("Instruktion").unwrap();
    ws.write_string(0, 0, "Fyll i bladen. Nivåer: 1 = Försumbar, 2 = Måttlig, 3 = Betydande, 4 = Allvarlig").unwrap();

    let ws = wb.add_worksheet().set_name("Klassning").unwrap();
    ws.write_string(0, 0, "Informationsklassning").unwrap();
    for (r, (label, value)) in
        [("IT-stöd:", "Stort system"), ("Förvaltning:", "Regionservice"), ("Informationsägare:", "Direktör")]
            .iter()
            .enumerate()
    {
        ws.write_string(2 + r as u32, 0, *label).unwrap();
        ws.write_string(2 + r as u32, 1, *value).unwrap();
    }
    ws.write_string(5, 0, "Datum:").unwrap();
    ws.write_number_with_format(5, 1, 43536.0, &date).unwrap();
    let header =
        ["Nr", "Informationsmängd", "Beskrivning", "Konfidentialitet", "Riktighet", "Tillgänglighet", "Motivering"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(7, c as u16, *h).unwrap();
    }
    for i in 0..sets {
        let r = 8 + i;
        ws.write_number(r, 0, i + 1).unwrap();
        ws.write_string(r, 1, format!("Informationsmängd {i}")).unwrap();
        ws.write_string(r, 2, format!("Beskrivning av mängd {i} med lite längre text")).unwrap();
        ws.write_number(r, 3, 1 + i % 4).unwrap();
        ws.write_string(r, 4, words[(i / 4 % 4) as usize]).unwrap();
        ws.write_number(r, 5, 1 + i / 16 % 4).unwrap();
        ws.write_string(r, 6, format!("Motivering {i}: sekretess enligt OSL")).unwrap();
    }
    let last = 8 + sets;
    ws.write_string(last, 1, "Högsta nivå").unwrap();
    for c in 3..6u16 {
        let col = (b'A' + c as u8) as char;
        ws.write_formula(last, c, Formula::new(format!("=MAX({col}9:{col}{last})")).set_result("4")).unwrap();
    }
    ws.write_string(last + 2, 0, "Nivåer: 1 = Försumbar, 2 = Måttlig, 3 = Betydande, 4 = Allvarlig").unwrap();

    let ws = wb.add_worksheet().set_name("Riskanalys").unwrap();
    let header = [
        "Nr",
        "Hot",
        "Orsak",
        "Konsekvensbeskrivning",
        "Aspekt",
        "Sannolikhet",
        "Konsekvens",
        "Riskvärde",
        "Befintligt skydd",
        "Åtgärd",
        "Ansvarig",
        "Klart senast",
        "Status",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for i in 0..risks {
        let r = 3 + i;
        let (p, k) = (1 + i % 4, 1 + i / 4 % 4);
        ws.write_number(r, 0, i + 1).unwrap();
        ws.write_string(r, 1, format!("Hot {i}")).unwrap();
        ws.write_string(r, 2, "Sårbarhet").unwrap();
        ws.write_string(r, 3, "Konsekvens för verksamheten").unwrap();
        ws.write_string(r, 4, ["K", "R, T", "K/T", "KRT"][(i % 4) as usize]).unwrap();
        ws.write_number(r, 5, p).unwrap();
        ws.write_number(r, 6, k).unwrap();
        ws.write_formula(r, 7, Formula::new(format!("=F{0}*G{0}", r + 1)).set_result((p * k).to_string())).unwrap();
        ws.write_string(r, 8, "Befintligt skydd").unwrap();
        ws.write_string(r, 9, "Åtgärd").unwrap();
        ws.write_string(r, 10, "Ansvarig").unwrap();
        ws.write_number_with_format(r, 11, 44000.0 + f64::from(i), &date).unwrap();
        ws.write_string(r, 12, "Pågår").unwrap();
    }

    let ws = wb.add_worksheet().set_name("Krav").unwrap();
    let header =
        ["Krav-ID", "Område", "Kravtext", "Gäller från K", "Gäller från R", "Gäller från T", "Uppfyllt", "Kommentar"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..requirements {
        let r = 1 + i;
        ws.write_string(r, 0, format!("K{i}")).unwrap();
        ws.write_string(r, 1, "Behörighet").unwrap();
        ws.write_string(r, 2, format!("Krav nummer {i}")).unwrap();
        ws.write_number(r, 3, 1 + i % 4).unwrap();
        ws.write_string(r, 4, "x").unwrap();
        ws.write_string(r, 6, ["Ja", "Nej", "Delvis", "Ej aktuellt"][(i % 4) as usize]).unwrap();
    }
    wb.save(path).unwrap();
}
