//! The portfolio workbook as a coordinator reads it: labels instead of codes in Swedish and
//! English, the object's id last, days overdue and the risk analysis as columns, and a summary
//! sheet with the overview's figures. Read back with calamine.

mod support;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use infoklass_core::dependency::DependencyKind;
use infoklass_core::labels::Lang;
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, ClassificationContent, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_files::workbook::{portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, RiskInput, Store};

fn ctx() -> Ctx {
    Ctx { actor: "test".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

fn object(store: &mut Store, name: &str, kind: ObjectKind, unit: &str, k: u8, next_review: Option<&str>) -> String {
    let set = InformationSet {
        name: format!("{name} data"),
        levels: PerAspect { k: Some(k), r: Some(1), t: Some(1), s: Some(1) },
        motivations: PerAspect::from_fn(|a| format!("{} bedömd", a.code())),
        ..Default::default()
    };
    let meta = ObjectMeta {
        name: name.into(),
        kind,
        unit: unit.into(),
        information_owner: "Ägaren".into(),
        next_review: next_review.map(str::to_string),
        ..Default::default()
    };
    let content = ClassificationContent { sets: vec![set], ..Default::default() };
    store.create_object(&ctx(), &NewObject { meta, content }).unwrap()
}

/// Three objects: an approved service at level 3 (the rule sets its review a year after
/// approval, 2027-11-01), a draft due on 2028-01-15 and a level-4 draft without a date.
fn organisation(store: &mut Store) -> Vec<String> {
    let overdue = object(store, "Ekonomisystem", ObjectKind::Tjanst, "Ekonomi", 3, None);
    store.approve(&ctx(), &overdue, "Chefen").unwrap();
    let risk = Risk {
        event: "Intrång".into(),
        aspects: vec![Aspect::K],
        probability: 2,
        consequence: 3,
        consequence_motivation: "Bedömd".into(),
        ..Default::default()
    };
    store.save_risk(&ctx(), &overdue, &RiskInput { risk, new_actions: vec![] }).unwrap();
    let due = object(store, "Diariet", ObjectKind::System, "Kansli", 1, Some("2028-01-15"));
    let undated = object(store, "Ledningsstöd", ObjectKind::Process, "Kansli", 4, None);
    store.add_dependency(&ctx(), &due, &overdue, DependencyKind::RunsOn).unwrap();
    vec![overdue, due, undated]
}

type Sheet = Vec<Vec<Data>>;

fn sheets(bytes: Vec<u8>) -> Vec<(String, Sheet)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn sheet<'a>(all: &'a [(String, Sheet)], name: &str) -> &'a Sheet {
    &all.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name}")).1
}

/// The data rows of a table sheet (below the header in row 4), keyed by the first column.
fn row<'a>(s: &'a Sheet, first: &str) -> &'a [Data] {
    s.iter().skip(4).find(|r| text(&r[0]) == first).unwrap_or_else(|| panic!("no row {first}"))
}

/// The organisation's portfolio workbook, and its object ids.
fn portfolio(lang: Lang) -> (Vec<u8>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let ids = organisation(&mut store);
    let portfolio = store.portfolio_with_overview(&ids, "2027-12-01").unwrap();
    let stamp = ExportStamp { app_version: "test".into(), exported_at: "2027-12-01T08:00:00Z".into() };
    (portfolio_workbook(&portfolio, &stamp, lang).unwrap(), ids)
}

fn workbook(lang: Lang) -> Vec<u8> {
    portfolio(lang).0
}

fn export(lang: Lang) -> Vec<(String, Sheet)> {
    let (bytes, ids) = portfolio(lang);
    let all = sheets(bytes);
    // The id is the last column, and it is the object's id.
    let objects = &all[1].1;
    let last = objects[3].len() - 1;
    for (id, name) in ids.iter().zip(["Ekonomisystem", "Diariet", "Ledningsstöd"]) {
        assert_eq!(text(&row(objects, name)[last]), *id);
    }
    all
}

#[test]
fn the_swedish_portfolio_shows_labels_days_overdue_and_risk_analyses() {
    let all = export(Lang::Sv);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[..5], ["Sammanfattning", "Portfölj", "Informationsmängder", "Handlingsplan", "Risker"]);
    let objects = sheet(&all, "Portfölj");
    let header: Vec<String> = objects[3].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "Objekt",
            "Typ",
            "Förvaltning / enhet",
            "Informationsägare",
            "Status",
            "K",
            "R",
            "T",
            "S",
            "Profil",
            "Nästa översyn",
            "Dagar försenad",
            "Riskanalys",
            "Krav",
            "Uppfyllda",
            "Öppna åtgärder",
            "Högsta riskvärde",
            "Objekt-ID"
        ]
    );
    let cells = |name: &str| -> Vec<String> { row(objects, name).iter().map(text).collect() };
    let overdue = cells("Ekonomisystem");
    assert_eq!(overdue[1..5], ["Tjänst", "Ekonomi", "Ägaren", "Fastställd"]);
    assert_eq!(overdue[5..9], ["3", "1", "1", "1"]);
    assert_eq!(overdue[10..13], ["2027-11-01", "30", "Utkast"], "a year after approval, 30 days late");
    let due = cells("Diariet");
    assert_eq!(due[1..5], ["System", "Kansli", "Ägaren", "Utkast"]);
    assert_eq!(due[10..13], ["2028-01-15", "0", "Ingen"], "not yet due: no days overdue");
    let undated = cells("Ledningsstöd");
    assert_eq!(undated[1], "Process");
    assert_eq!(undated[10..13], ["", "", "Ingen"], "no date: the days are left empty");
    assert_eq!(row(sheet(&all, "Risker"), "Ekonomisystem")[2], Data::String("Intrång".into()));

    let summary = sheet(&all, "Sammanfattning");
    let figure = |label: &str| -> String {
        let r = summary.iter().find(|r| text(&r[0]) == label).unwrap_or_else(|| panic!("no {label}"));
        text(&r[1])
    };
    assert_eq!(text(&summary[0][0]), "Portföljens sammanfattning");
    assert_eq!(text(&summary[1][0]), "3 objekt · läget 2027-12-01");
    assert_eq!(figure("Utkast"), "2");
    assert_eq!(figure("Fastställda"), "1");
    assert_eq!(figure("Översyn försenad"), "1");
    assert_eq!(figure("Utan datum för översyn"), "1");
    assert_eq!(figure("Någon aspekt på nivå 4 (säkerhetsskydd)"), "1");
    assert_eq!(figure("Objekt från ISAK-arbetsböcker"), "0");
    assert_eq!(figure("Utan riskanalys"), "2");
    assert_eq!(figure("Riskanalys som utkast"), "1");
    // Per unit, in Swedish order: objects, drafts, approved.
    let unit = |name: &str| -> Vec<String> {
        summary.iter().find(|r| text(&r[0]) == name).unwrap().iter().map(text).collect::<Vec<_>>()[1..4].to_vec()
    };
    assert_eq!(unit("Ekonomi"), ["1", "0", "1"]);
    assert_eq!(unit("Kansli"), ["2", "2", "0"]);
    assert_eq!(unit("Tjänst"), ["1", "0", "1"], "per kind, with the kind's word");
}

#[test]
fn the_english_portfolio_has_the_same_figures_in_english() {
    let all = export(Lang::En);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[..5], ["Summary", "Portfolio", "Information sets", "Action plan", "Risks"]);
    let objects = sheet(&all, "Portfolio");
    let header: Vec<String> = objects[3].iter().map(text).collect();
    assert_eq!(header[..5], ["Object", "Kind", "Unit", "Information owner", "Status"]);
    assert_eq!(header[10..13], ["Next review", "Days overdue", "Risk analysis"]);
    assert_eq!(header.last().unwrap(), "Object ID");
    let cells = |name: &str| -> Vec<String> { row(objects, name).iter().map(text).collect() };
    assert_eq!(cells("Ekonomisystem")[1..5], ["Service", "Ekonomi", "Ägaren", "Approved"]);
    assert_eq!(cells("Ekonomisystem")[11..13], ["30", "Draft"]);
    assert_eq!(cells("Diariet")[11..13], ["0", "None"]);
    assert_eq!(cells("Ledningsstöd")[11..13], ["", "None"]);
    let summary = sheet(&all, "Summary");
    let figure = |label: &str| -> String { text(&summary.iter().find(|r| text(&r[0]) == label).unwrap()[1]) };
    assert_eq!(text(&summary[1][0]), "3 objects · as of 2027-12-01");
    assert_eq!((figure("Drafts"), figure("Approved"), figure("Review overdue")), ("2".into(), "1".into(), "1".into()));
    assert_eq!(figure("Some aspect at level 4 (security protection)"), "1");
    assert_eq!(figure("Objects from ISAK workbooks"), "0");
    let dependencies = sheet(&all, "Dependencies");
    assert_eq!(dependencies[3].iter().map(text).collect::<Vec<_>>(), ["Object", "Kind of dependency", "Depends on"]);
    assert_eq!(
        row(dependencies, "Diariet").iter().map(text).collect::<Vec<_>>(),
        ["Diariet", "runs on", "Ekonomisystem"]
    );
    assert_eq!(cells("Ekonomisystem")[5..10], ["3", "1", "1", "1", "C3 I1 A1 T1"], "aspect letters in English");
    // No Swedish label in any sheet; the same check finds them in the Swedish portfolio.
    let texts = |lang| {
        let (names, cells) = support::visible_texts(workbook(lang));
        names.into_iter().chain(cells).collect::<Vec<_>>()
    };
    let en = texts(Lang::En);
    let found = support::swedish_in(&en);
    assert!(found.is_empty(), "Swedish labels in the English portfolio: {found:?}");
    let sv = texts(Lang::Sv);
    let sv_found = support::swedish_in(&sv);
    assert!(["körs på", "Beroenden", "K"].iter().all(|w| sv_found.iter().any(|t| t == w)), "the check can fail");
    // No code is left where a word belongs.
    for (name, rows) in &all {
        for r in rows {
            for c in r {
                let t = text(c);
                assert!(
                    !["faststalld", "utkast", "tjanst", "system_", "ej_paborjad"].contains(&t.as_str()),
                    "{name}: {t}"
                );
            }
        }
    }
}
