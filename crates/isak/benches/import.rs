//! Benchmark: read a large legacy workbook (3,000 information sets, 500 risks, 100
//! requirements) with `read_file`, against calamine merely reading every cell of it.
//!
//! Run: `cargo bench -p infoklass-isak --bench import`
//! One thread; prints the median of 10 rounds each and the ratio. Target: under 1 s.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use calamine::{open_workbook_auto, Data, Reader};
use infoklass_isak::{read_file, ImportProfile, Limits};
use rust_xlsxwriter::{Format, Formula, Workbook};

const SETS: u32 = 3_000;
const RISKS: u32 = 500;
const REQUIREMENTS: u32 = 100;

fn write_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let words = ["Försumbar", "Måttlig", "3 - Betydande", "Allvarlig skada"];

    let ws = wb.add_worksheet().set_name("Instruktion").unwrap();
    ws.write_string(0, 0, "Fyll i bladen. Nivåer: 1 = Försumbar, 2 = Måttlig, 3 = Betydande, 4 = Allvarlig").unwrap();

    let ws = wb.add_worksheet().set_name("Klassning").unwrap();
    ws.write_string(0, 0, "Informationsklassning").unwrap();
    for (r, (label, value)) in [("IT-stöd:", "Stort system"), ("Förvaltning:", "Regionservice"), ("Informationsägare:", "Direktör")].iter().enumerate() {
        ws.write_string(2 + r as u32, 0, *label).unwrap();
        ws.write_string(2 + r as u32, 1, *value).unwrap();
    }
    ws.write_string(5, 0, "Datum:").unwrap();
    ws.write_number_with_format(5, 1, 43536.0, &date).unwrap();
    let header = ["Nr", "Informationsmängd", "Beskrivning", "Konfidentialitet", "Riktighet", "Tillgänglighet", "Motivering"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(7, c as u16, *h).unwrap();
    }
    for i in 0..SETS {
        let r = 8 + i;
        ws.write_number(r, 0, i + 1).unwrap();
        ws.write_string(r, 1, format!("Informationsmängd {i}")).unwrap();
        ws.write_string(r, 2, format!("Beskrivning av mängd {i} med lite längre text")).unwrap();
        ws.write_number(r, 3, 1 + i % 4).unwrap();
        ws.write_string(r, 4, words[(i / 4 % 4) as usize]).unwrap();
        ws.write_number(r, 5, 1 + i / 16 % 4).unwrap();
        ws.write_string(r, 6, format!("Motivering {i}: sekretess enligt OSL")).unwrap();
    }
    let last = 8 + SETS;
    ws.write_string(last, 1, "Högsta nivå").unwrap();
    for c in 3..6u16 {
        let col = (b'A' + c as u8) as char;
        ws.write_formula(last, c, Formula::new(format!("=MAX({col}9:{col}{last})")).set_result("4")).unwrap();
    }
    ws.write_string(last + 2, 0, "Nivåer: 1 = Försumbar, 2 = Måttlig, 3 = Betydande, 4 = Allvarlig").unwrap();

    let ws = wb.add_worksheet().set_name("Riskanalys").unwrap();
    let header = ["Nr", "Hot", "Orsak", "Konsekvensbeskrivning", "Aspekt", "Sannolikhet", "Konsekvens", "Riskvärde", "Befintligt skydd", "Åtgärd", "Ansvarig", "Klart senast", "Status"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for i in 0..RISKS {
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
    let header = ["Krav-ID", "Område", "Kravtext", "Gäller från K", "Gäller från R", "Gäller från T", "Uppfyllt", "Kommentar"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..REQUIREMENTS {
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

/// Calamine alone: open the workbook and touch every cell of every sheet.
fn calamine_all_cells(path: &Path) -> usize {
    let mut wb = open_workbook_auto(path).unwrap();
    let mut filled = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        filled += range.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count();
    }
    filled
}

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor-isak.xlsx");
    write_workbook(&path);
    let size = std::fs::metadata(&path).unwrap().len();

    let (profile, limits) = (ImportProfile::default(), Limits::default());
    let parsed = read_file(&path, &profile, &limits).unwrap();
    assert_eq!(parsed.sets.len(), SETS as usize);
    assert_eq!(parsed.risks.len(), RISKS as usize);
    assert_eq!(parsed.legacy_requirements.len(), REQUIREMENTS as usize);
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    let cells = calamine_all_cells(&path);

    let ours = median(|| {
        black_box(read_file(black_box(&path), &profile, &limits).unwrap());
    });
    let bare = median(|| {
        black_box(calamine_all_cells(black_box(&path)));
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "ISAK workbook, {SETS} sets + {RISKS} risks + {REQUIREMENTS} requirements ({cells} cells, {} KB): \
         read_file {:.1} ms median, calamine reading all cells {:.1} ms median, ratio {:.2}×",
        size / 1024,
        ms(ours),
        ms(bare),
        ms(ours) / ms(bare)
    );
}
