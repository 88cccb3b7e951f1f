//! The procurement exports, read back by calamine and by LibreOffice.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use infoklass_core::labels::Lang;
use infoklass_core::requirements::Obligation;
use infoklass_core::Aspect;
use infoklass_files::procurement_xlsx::{procurement_xlsx, HEADER_ROW};
use infoklass_files::{procurement_csv::procurement_csv, procurement_html::procurement_html};
use infoklass_store::{ObjectRef, ProcurementItem, ProcurementView};

fn item(key: &str, text: &str, relevant: bool, needed_by: &[&str]) -> ProcurementItem {
    ProcurementItem {
        key: key.into(),
        area_sv: "Säkerhetskopiering".into(),
        title_sv: "Kopiering".into(),
        area_en: "Backup".into(),
        original_text: text.into(),
        original_text_en: String::new(),
        text: text.into(),
        obligation: Obligation::Ska,
        relevant,
        aspects: vec![Aspect::R, Aspect::T],
        iso27002: vec!["8.13".into()],
        needed_by: needed_by.iter().map(|s| s.to_string()).collect(),
    }
}

fn view() -> ProcurementView {
    ProcurementView {
        id: Some("p1".into()),
        name: "Nytt ekonomisystem <2026>".into(),
        objects: vec![
            ObjectRef { id: "a".into(), name: "Ekonomisystem".into(), profile: "K2 R3 T2 S1".into() },
            ObjectRef { id: "b".into(), name: "Lönesystem".into(), profile: "K2 R2 T2 S2".into() },
        ],
        excluded: vec![],
        catalog_id: "infoklass-bas".into(),
        catalog_version: "2026.1".into(),
        items: vec![
            item("SAK-01", "Leverantören ska ta en kopia varje dygn.", true, &["Ekonomisystem", "Lönesystem"]),
            item("SAK-02", "=HYPERLINK(\"http://example.invalid\";\"klicka\")", true, &["Ekonomisystem"]),
            item("SAK-03", "Inte relevant", false, &["Lönesystem"]),
        ],
    }
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn the_workbook_holds_the_relevant_items_as_text() {
    let bytes = procurement_xlsx(&view(), "2026-11-22", Lang::Sv).unwrap();
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["Upphandlingskrav", "Förklaring"]);
    let range = wb.worksheet_range("Upphandlingskrav").unwrap();
    assert_eq!(cell(&range, HEADER_ROW, 3), "Krav");
    assert_eq!(cell(&range, HEADER_ROW, 8), "Leverantörens svar");
    assert_eq!(cell(&range, HEADER_ROW + 1, 1), "SAK-01");
    assert_eq!(cell(&range, HEADER_ROW + 1, 7), "Ekonomisystem, Lönesystem");
    assert_eq!(cell(&range, HEADER_ROW + 2, 3), "=HYPERLINK(\"http://example.invalid\";\"klicka\")");
    assert!(range.get_value((HEADER_ROW + 3, 1)).is_none_or(|d| *d == Data::Empty), "the irrelevant item is left out");
    let formulas = wb.worksheet_formula("Upphandlingskrav").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell is a formula");
}

#[test]
fn the_workbook_has_a_supplier_dropdown_and_frozen_header() {
    let bytes = procurement_xlsx(&view(), "2026-11-22", Lang::Sv).unwrap();
    let xml = sheet_xml(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<dataValidation type=\"list\""), "{xml}");
    assert!(xml.contains("\"Uppfylls,Uppfylls delvis,Uppfylls inte\""));
    assert!(xml.contains("state=\"frozen\""));
    assert!(xml.contains("<autoFilter"));
}

/// Reads one part of the xlsx zip with the system's unzip.
fn sheet_xml(bytes: &[u8], part: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("unzip").arg("-p").arg(&path).arg(part).output().expect("unzip is installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn libreoffice_opens_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upphandlingskrav.xlsx");
    std::fs::write(&path, procurement_xlsx(&view(), "2026-11-22", Lang::Sv).unwrap()).unwrap();
    let out = std::process::Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = std::fs::read_to_string(dir.path().join("upphandlingskrav.csv")).expect("LibreOffice wrote the CSV");
    assert!(csv.contains("SAK-01") && csv.contains("Leverantören ska ta en kopia varje dygn."), "{csv}");
    assert!(csv.contains("=HYPERLINK"), "the formula-looking text stays text: {csv}");
    assert!(!csv.contains("klicka;") || csv.contains("\"=HYPERLINK"), "{csv}");
}

#[test]
fn csv_and_html_hold_the_same_items_safely() {
    let csv = procurement_csv(&view(), Lang::Sv);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 3, "header and two relevant items");
    assert!(lines[2].contains("\"'=HYPERLINK("), "{}", lines[2]);
    let html = procurement_html(&view(), "2026-11-22", Lang::Sv);
    assert!(html.contains("Nytt ekonomisystem &lt;2026&gt;"));
    assert!(html.contains("SAK-02") && !html.contains("SAK-03"));
    assert!(!html.contains("<script"));
}

#[test]
fn an_english_csv_has_english_headers_and_words() {
    let (sv, en) = (procurement_csv(&view(), Lang::Sv), procurement_csv(&view(), Lang::En));
    assert!(sv.starts_with("\u{feff}Nr;Krav-ID;Område;Krav;Ska/Bör;"), "the Swedish file is unchanged: {sv}");
    let header = en.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(
        header,
        "No.;Requirement ID;Area;Requirement;Shall/Should;Protects;ISO/IEC 27002;Needed for;Supplier's answer"
    );
    assert!(!header.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']), "{header}");
    assert!(en.contains(";Shall;") && !en.contains(";Ska;"), "{en}");
}

/// Long requirement texts of different lengths, one with its own line breaks.
const LONG_TEXTS: [&str; 6] = [
    "Leverantören ska säkerställa att varje användare endast kommer åt de funktioner och den information som användarens roll kräver, att behörigheter tilldelas per roll och inte per person, och att tilldelade behörigheter följs upp minst två gånger per år tillsammans med kundens systemförvaltare.",
    "Systemet ska logga inloggningar, misslyckade inloggningsförsök, ändringar av behörigheter och administratörsåtgärder med tidpunkt och användaridentitet.",
    "Leverantören ska ta en fullständig säkerhetskopia av kundens data varje dygn, förvara kopiorna åtskilda från produktionsmiljön i ett annat brandceller än driftmiljön, skydda dem mot obehörig ändring och radering, pröva återläsning minst en gång per kvartal och på begäran redovisa resultatet av provåterläsningen skriftligt till kunden inom tio arbetsdagar.",
    "Vid en personuppgiftsincident ska leverantören:\n1. underrätta kunden utan onödigt dröjsmål och senast inom tjugofyra timmar,\n2. beskriva vad som hänt och vilka uppgifter som berörs,\n3. vidta åtgärder för att begränsa skadan.",
    "Kommunikation mellan klient och server ska vara krypterad med TLS 1.2 eller senare.",
    "Leverantören ska utan extra kostnad lämna ut all kundens information i ett öppet, dokumenterat och maskinläsbart format när avtalet upphör, inklusive loggar, bilagor och metadata, och därefter radera informationen hos sig och hos eventuella underleverantörer samt skriftligen intyga att raderingen är genomförd.",
];

/// The six texts four times over, so the list runs over more than one printed page.
fn long_view() -> ProcurementView {
    let mut v = view();
    v.items = (0..24)
        .map(|i| {
            item(&format!("SAK-{:02}", i + 1), LONG_TEXTS[i % LONG_TEXTS.len()], true, &["Ekonomisystem", "Lönesystem"])
        })
        .collect();
    v
}

/// Converts a workbook to PDF with LibreOffice (a throw-away profile) and returns the PDF path.
fn render_pdf(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.xlsx"));
    std::fs::write(&path, bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&path)
        .env("HOME", dir)
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(pdf.exists(), "LibreOffice wrote no PDF: {}", String::from_utf8_lossy(&out.stdout));
    pdf
}

fn pdf_text(pdf: &std::path::Path, layout: bool) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn libreoffice_prints_every_line_of_long_requirements_without_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let view = long_view();
    let pdf = render_pdf(dir.path(), "lang", &procurement_xlsx(&view, "2026-11-22", Lang::Sv).unwrap());
    if let Ok(keep) = std::env::var("INFOKLASS_KEEP_RENDER") {
        std::fs::copy(&pdf, std::path::Path::new(&keep).join("procurement-long.pdf")).unwrap();
    }
    let text = pdf_text(&pdf, true);
    // The requirement list, without the legend sheet printed after it.
    let list = &text[..text.find("Förklaring").expect("the legend is printed")];
    // Each row runs from the line with its Krav-ID to the line before the next one. Within it,
    // the words of its requirement text must all be there, in order, and nothing of the
    // neighbouring texts: with rows too low, lines are cut or printed over the next row.
    let lines: Vec<&str> = list.lines().collect();
    let starts: Vec<usize> = view
        .items
        .iter()
        .map(|it| {
            lines
                .iter()
                .position(|l| l.split_whitespace().any(|w| w == it.key))
                .unwrap_or_else(|| panic!("{} is printed", it.key))
        })
        .collect();
    for (i, it) in view.items.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(lines.len());
        assert!(starts[i] < end, "{} starts before the next row", it.key);
        let expected: Vec<&str> = it.text.split_whitespace().collect();
        let vocabulary: std::collections::HashSet<&str> = expected.iter().copied().collect();
        let printed: Vec<&str> = lines[starts[i]..end]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .filter(|w| vocabulary.contains(w))
            .collect();
        assert_eq!(
            printed,
            expected,
            "{}: the printed row holds its whole text and only that:\n{}",
            it.key,
            lines[starts[i]..end].join("\n")
        );
    }
    let pages: Vec<&str> = list.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 2, "24 long requirements take more than one page:\n{list}");
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Krav-ID") && page.contains("Leverantörens"),
            "the header row repeats on page {}:\n{page}",
            n + 1
        );
    }
}
