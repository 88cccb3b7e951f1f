//! The handlingsplan export: read back with calamine, row heights and print setup in the
//! sheet XML, CSV escaping, and a LibreOffice rendering whose rows hold their whole text.

use infoklass_core::labels::Lang;
use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use infoklass_core::requirements::{Action, ActionStatus, Priority};
use infoklass_files::action_plan::{action_plan_csv, action_plan_xlsx, HEADER_ROW, SHEET};
use infoklass_store::ActionPlanExport;

const LONG: &str = "Inför en rutin där varje chef varje halvår går igenom vilka medarbetare som har \
behörighet till elevdokumentationen, tar bort behörigheter som inte längre behövs och dokumenterar \
genomgången i ärendehanteringssystemet tillsammans med systemförvaltaren.";

fn action(n: usize, key: Option<&str>, measure: &str, priority: Priority, notes: &str) -> Action {
    Action {
        id: format!("a{n}"),
        requirement_key: key.map(str::to_string),
        measure: measure.into(),
        responsible: if n.is_multiple_of(2) { "Rektor".into() } else { String::new() },
        due: n.is_multiple_of(3).then(|| "2026-12-01".to_string()),
        priority,
        status: ActionStatus::EjPaborjad,
        notes: notes.into(),
        overdue: n == 3,
    }
}

fn plan(rows: usize) -> ActionPlanExport {
    let mut list = vec![
        (
            action(1, Some("BEH-04"), "Utred: Behörighetsgenomgång varje halvår", Priority::Medel, ""),
            "Behörighetsgenomgång varje halvår".to_string(),
        ),
        (
            action(
                2,
                Some("BEH-01"),
                "Behörigheter ges efter arbetsuppgift.",
                Priority::Lag,
                "Delvis uppfyllt: Saknas för vikarier",
            ),
            "Behörighet efter arbetsuppgift".to_string(),
        ),
        (action(3, None, "=HYPERLINK(\"http://x\";\"klicka\")", Priority::Hog, ""), String::new()),
    ];
    for n in 4..=rows {
        list.push((action(n, Some(&format!("EGN-{n:02}")), LONG, Priority::Hog, LONG), format!("Krav {n}")));
    }
    ActionPlanExport { object_name: "Elevdokumentation".into(), profile: "K3 R2 T2 S2".into(), rows: list }
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn the_workbook_reads_back_with_every_row() {
    let bytes = action_plan_xlsx(&plan(3), "2026-11-30", Lang::Sv).unwrap();
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range(infoklass_core::labels::text(Lang::Sv, SHEET)).unwrap();
    assert_eq!(cell(&range, 0, 0), "Handlingsplan: Elevdokumentation");
    assert!(cell(&range, 1, 0).contains("K3 R2 T2 S2") && cell(&range, 1, 0).contains("2026-11-30"));
    let header: Vec<String> = (0..10).map(|c| cell(&range, HEADER_ROW, c)).collect();
    assert_eq!(header[..4], ["Nr", "Åtgärd", "Krav-ID", "Krav"]);
    let row = |r: u32| -> Vec<String> { (0..10).map(|c| cell(&range, HEADER_ROW + r, c)).collect() };
    assert_eq!(
        row(1)[1..6],
        [
            "Utred: Behörighetsgenomgång varje halvår",
            "BEH-04",
            "Behörighetsgenomgång varje halvår",
            "Medel",
            "Ej påbörjad"
        ]
    );
    assert_eq!(
        (row(2)[4].as_str(), row(2)[6].as_str(), row(2)[8].as_str()),
        ("Låg", "Rektor", "Delvis uppfyllt: Saknas för vikarier")
    );
    assert_eq!(
        (row(3)[1].as_str(), row(3)[7].as_str(), row(3)[9].as_str()),
        ("=HYPERLINK(\"http://x\";\"klicka\")", "2026-12-01", "Ja")
    );
    assert_eq!(cell(&range, HEADER_ROW + 4, 1), "", "three rows");
}

fn part(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("unzip").arg("-p").arg(&path).arg(name).output().expect("unzip is installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn long_rows_get_their_height_and_the_sheet_prints_on_a4_landscape() {
    let bytes = action_plan_xlsx(&plan(5), "2026-11-30", Lang::Sv).unwrap();
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    let height = |row: u32| -> Option<f64> {
        let tag = format!("<row r=\"{row}\"");
        let at = xml.find(&tag)?;
        let rest = &xml[at..at + xml[at..].find('>').unwrap()];
        let ht = rest.split(" ht=\"").nth(1)?.split('"').next()?;
        ht.parse().ok()
    };
    // Row 4 (1-based row HEADER_ROW + 5) holds the long measure: several lines in 50 characters.
    let long_row = HEADER_ROW + 1 + 4;
    assert!(height(long_row).unwrap_or(0.0) >= 15.0 * 5.0, "{:?}", height(long_row));
    assert_eq!(height(HEADER_ROW + 4), None, "a one-line row keeps the default height");
    assert!(xml.contains("orientation=\"landscape\"") && xml.contains("paperSize=\"9\""), "print setup");
    assert!(xml.contains("fitToWidth=\"1\"") || xml.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    let names = part(&bytes, "xl/workbook.xml");
    assert!(names.contains("_xlnm.Print_Titles"), "the header row repeats on each page");
}

#[test]
fn csv_has_every_row_and_no_formula() {
    let csv = action_plan_csv(&plan(3), Lang::Sv);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "header and three rows");
    assert!(lines[0].ends_with("Uppföljning;Försenad"), "{}", lines[0]);
    assert!(lines[1].starts_with("1;Utred: Behörighetsgenomgång varje halvår;BEH-04;"), "{}", lines[1]);
    assert!(lines[3].contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"klicka\"\")\""), "{}", lines[3]);
}

#[test]
fn libreoffice_prints_each_long_row_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    let view = plan(12);
    std::fs::write(&path, action_plan_xlsx(&view, "2026-11-30", Lang::Sv).unwrap()).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let out = std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/setup.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(dir.path().join("plan.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    let text = String::from_utf8(text.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let keys: Vec<String> = (4..=12).map(|n| format!("EGN-{n:02}")).collect();
    let starts: Vec<usize> = keys
        .iter()
        .map(|k| {
            lines.iter().position(|l| l.split_whitespace().any(|w| w == k)).unwrap_or_else(|| panic!("{k} printed"))
        })
        .collect();
    let expected: Vec<&str> = LONG.split_whitespace().collect();
    let vocabulary: std::collections::HashSet<&str> = expected.iter().copied().collect();
    for (i, key) in keys.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(lines.len());
        let printed: Vec<&str> = lines[starts[i]..end]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .filter(|w| vocabulary.contains(w))
            .collect();
        // The measure and the notes hold the same text; both are printed in full, within the row.
        assert_eq!(printed.len(), expected.len() * 2, "{key}:\n{}", lines[starts[i]..end].join("\n"));
    }
}
