//! Reports as PDF/A through the real binary, checked with poppler: PDF/A part 2 in the XMP
//! metadata, every font embedded, the Swedish names and motivations exactly as entered.

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infoklass"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INFOKLASS_USER", "testare")
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).output().unwrap_or_else(|e| panic!("{tool}: {e} (poppler-utils)"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the PDF with line breaks as spaces (a long motivation may wrap).
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// PDF/A-2b (part 2, conformance B) in the XMP metadata, and every font embedded.
fn assert_pdfa_with_embedded_fonts(pdf: &Path) {
    let meta = poppler("pdfinfo", &["-meta"], pdf);
    let part2 = meta.contains("<pdfaid:part>2</pdfaid:part>") || meta.contains("pdfaid:part=\"2\"");
    let b = meta.contains("<pdfaid:conformance>B</pdfaid:conformance>") || meta.contains("pdfaid:conformance=\"B\"");
    assert!(part2 && b, "no PDF/A-2b in the metadata:\n{meta}");
    let fonts = poppler("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID; the type may be two words ("CID Type 0C").
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "a font is not embedded: {row}");
    }
}

const OBJECT: &str = r#"
[object]
name = "Färdtjänstärenden"
kind = "system"
description = "Ansökningar, beslut och resor inom färdtjänsten."
unit = "Socialförvaltningen Östra"
information_owner = "Åsa Öberg"
system_owner = "Göran Ärlig"
participants = ["Åsa Öberg", "Säkerhetssamordnare"]

[[sets]]
name = "Ansökningar om färdtjänst"
levels = { K = 3, R = 2, T = 2, S = 2 }
motivations = { K = "Uppgifter om hälsa och funktionsnedsättning; sekretess enligt OSL.", R = "Fel i beslut påverkar den enskildes rätt till resor.", T = "Handläggningen tål ett dygns avbrott.", S = "Åtkomst till känsliga uppgifter måste kunna följas." }

[[sets]]
name = "Beställda resor"
levels = { K = 2, R = 2, T = 3, S = 1 }
motivations = { K = "Resmönster avslöjar var en person bor.", R = "Felaktiga adresser ger uteblivna resor.", T = "Resor beställs dygnet runt; avbrott stoppar dem.", S = "Ändringar i bokningar följs upp vid klagomål." }
"#;

fn classified_store(dir: &Path) -> String {
    let db = dir.join("db.sqlite").display().to_string();
    let object = dir.join("o.toml");
    std::fs::write(&object, OBJECT).unwrap();
    ok(run(&db, &["new", object.to_str().unwrap()]));
    ok(run(&db, &["approve", "Färdtjänstärenden", "--by", "Åsa Öberg"]));
    let risks = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/risker.toml");
    ok(run(&db, &["risk", "add", "Färdtjänstärenden", risks]));
    db
}

#[test]
fn the_three_reports_are_pdfa_with_the_swedish_text_exact() {
    let dir = tempfile::tempdir().unwrap();
    let db = classified_store(dir.path());

    let decision = dir.path().join("beslut.pdf");
    ok(run(&db, &["report", "object", "Färdtjänstärenden", "--out", decision.to_str().unwrap()]));
    assert_pdfa_with_embedded_fonts(&decision);
    let text = text_of(&decision);
    for exact in [
        "Klassningsbeslut",
        "Färdtjänstärenden",
        "Socialförvaltningen Östra",
        "Ansökningar om färdtjänst",
        "Uppgifter om hälsa och funktionsnedsättning; sekretess enligt OSL.",
        "Resor beställs dygnet runt; avbrott stoppar dem.",
        "Åtkomst till känsliga uppgifter måste kunna följas.",
        "Fastställd av",
        "Åsa Öberg",
        "Göran Ärlig",
    ] {
        assert!(text.contains(exact), "{exact:?} missing from:\n{text}");
    }

    let risk = dir.path().join("risk.pdf");
    ok(run(&db, &["report", "risk", "Färdtjänstärenden", "--out", risk.to_str().unwrap()]));
    assert_pdfa_with_embedded_fonts(&risk);
    let text = text_of(&risk);
    for exact in
        ["Riskanalys", "Risker före åtgärder", "Risker efter åtgärder", "Nätfiske ger angripare en giltig inloggning"]
    {
        assert!(text.contains(exact), "{exact:?} missing from:\n{text}");
    }

    let status = dir.path().join("läge.pdf");
    ok(run(&db, &["report", "overview", "--unit", "Socialförvaltningen Östra", "--out", status.to_str().unwrap()]));
    assert_pdfa_with_embedded_fonts(&status);
    let text = text_of(&status);
    for exact in ["Lägesrapport", "Socialförvaltningen Östra", "Kvalitetskontroll", "Nivåer per aspekt"] {
        assert!(text.contains(exact), "{exact:?} missing from:\n{text}");
    }
}

#[test]
fn reports_come_in_english_and_an_adapted_template_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let db = classified_store(dir.path());
    let english = dir.path().join("en.pdf");
    ok(run(&db, &["report", "object", "Färdtjänstärenden", "--lang", "en", "--out", english.to_str().unwrap()]));
    let text = text_of(&english);
    assert!(text.contains("Classification decision") && text.contains("Färdtjänstärenden"), "{text}");

    // An organisation's copy of the shipped templates with its own wording.
    let own = dir.path().join("mall");
    ok(run(&db, &["report", "template", "--out", own.to_str().unwrap()]));
    let again = run(&db, &["report", "template", "--out", own.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("[WRITE_FAILED]"), "never overwrites");
    let labels = std::fs::read_to_string(own.join("labels.toml")).unwrap();
    std::fs::write(
        own.join("labels.toml"),
        labels.replacen("organisation = \"\"", "organisation = \"Region Nordanå\"", 1),
    )
    .unwrap();
    let adapted = dir.path().join("own.pdf");
    let template = own.to_str().unwrap();
    ok(run(&db, &["report", "overview", "--template", template, "--out", adapted.to_str().unwrap()]));
    assert!(text_of(&adapted).contains("Region Nordanå"));
}

#[test]
fn a_broken_template_gives_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = classified_store(dir.path());
    let own = dir.path().join("mall");
    copy_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/reports")), &own);
    let path = own.join("klassningsbeslut.typ");
    let mut lines: Vec<String> = std::fs::read_to_string(&path).unwrap().lines().map(String::from).collect();
    lines.insert(11, "#text(fill: nofärg)[x]".into());
    std::fs::write(&path, lines.join("\n")).unwrap();
    let out = dir.path().join("x.pdf");
    let o = run(
        &db,
        &["report", "object", "Färdtjänstärenden", "--template", own.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("[REPORT_TEMPLATE]") && err.contains("klassningsbeslut.typ:12:"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written on an error");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}
