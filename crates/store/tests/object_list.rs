//! The object list's coordinator filters and sortable columns over a generated portfolio
//! whose answers are known, and the record an ISAK workbook leaves on its object.

mod common;

use common::{as_version, ctx, new_object, set, temp_file_store, temp_store};
use infoklass_core::object_list::{RiskStatus, SortColumn};
use infoklass_core::requirements::{ActionStatus, Priority};
use infoklass_core::{Levels, ObjectMeta};
use infoklass_store::{ActionInput, AnalysisInput, Ctx, LegacyImport, ObjectFilter, Store, StoreError};

const TODAY: &str = "2026-06-01";

fn on(day: &str) -> Ctx {
    Ctx { now: format!("{day}T09:00:00Z"), today: day.into(), ..ctx() }
}

fn action(due: &str, status: ActionStatus) -> ActionInput {
    ActionInput {
        id: None,
        requirement_key: None,
        measure: "Inför loggning".into(),
        responsible: "IT".into(),
        due: Some(due.into()),
        priority: Priority::Medel,
        status,
        notes: String::new(),
    }
}

fn isak_workbook(name: &str, file: &str, hash: &str, date: &str) -> LegacyImport {
    let mut s = set("Huvudbok", 1, 3, 1, 0);
    s.levels.s = None; // ISAK has no traceability column
    LegacyImport {
        file_name: file.into(),
        sha256: hash.into(),
        meta: ObjectMeta {
            name: name.into(),
            information_owner: "Kommunikationschef".into(),
            system_owner: "Webbredaktör".into(),
            participants: vec!["Åsa Öberg".into(), "Ali Khan".into()],
            classification_date: Some(date.into()),
            next_review: Some("2021-03-12".into()),
            ..Default::default()
        },
        sets: vec![s],
        sheet: "Klassning".into(),
        isak_version: Some("3.2".into()),
        report: serde_json::json!({ "diagnostics": [] }),
        ..Default::default()
    }
}

/// Five objects, one for each case the filters tell apart (see the assertions).
fn portfolio() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    let with_unit = |name: &str, unit: &str, k, r, t, s| {
        let mut o = new_object(name, vec![set(name, k, r, t, s)]);
        o.meta.unit = unit.into();
        o
    };
    let ten = store.create_object(&on("2026-01-10"), &with_unit("System 10", "Vård", 2, 2, 2, 2)).unwrap();
    store.approve(&on("2026-02-01"), &ten, "Verksamhetschef").unwrap();
    store.save_risk_analysis(&on("2026-02-15"), &ten, &AnalysisInput::default()).unwrap();
    store.approve_risk_analysis(&on("2026-02-15"), &ten, "Verksamhetschef").unwrap();

    let two = store.create_object(&on("2026-01-10"), &with_unit("System 2", "Åkeri", 3, 3, 3, 3)).unwrap();
    store.save_risk_analysis(&on("2026-02-01"), &two, &AnalysisInput::default()).unwrap();
    store.approve_risk_analysis(&on("2026-02-01"), &two, "Verksamhetschef").unwrap();
    store.approve(&on("2026-03-01"), &two, "Verksamhetschef").unwrap();

    let case = store.create_object(&on("2026-01-10"), &with_unit("Ärendehantering", "Ekonomi", 3, 1, 1, 1)).unwrap();
    store.save_risk_analysis(&on("2026-02-01"), &case, &AnalysisInput::default()).unwrap();
    store.save_action(&on("2026-02-01"), &case, &action("2026-05-01", ActionStatus::Pagar)).unwrap();

    let access = store.create_object(&on("2026-01-10"), &with_unit("Åtkomst", "Ekonomi", 1, 1, 1, 1)).unwrap();
    store.save_action(&on("2026-02-01"), &access, &action("2026-05-01", ActionStatus::Klar)).unwrap();

    let open = isak_workbook("Öppna data", "oppna-data.xlsx", "h1", "2019-03-12");
    let open = store.import_legacy(&on("2026-04-01"), &open).unwrap().object_id.unwrap();
    store.save_action(&on("2026-04-01"), &open, &action("2027-01-01", ActionStatus::EjPaborjad)).unwrap();

    let gone = store.create_object(&on("2026-01-10"), &with_unit("Arkiv", "Vård", 3, 3, 3, 3)).unwrap();
    store.approve(&on("2026-01-20"), &gone, "Verksamhetschef").unwrap();
    store.decommission(&on("2026-04-01"), &gone, "2026-04-01", "Ersatt av e-arkivet").unwrap();
    (dir, store)
}

fn names(store: &Store, filter: ObjectFilter) -> Vec<String> {
    store.list_objects(&filter, TODAY).unwrap().items.into_iter().map(|o| o.name).collect()
}

fn min(k: Option<u8>, r: Option<u8>, t: Option<u8>, s: Option<u8>) -> ObjectFilter {
    ObjectFilter { min_levels: Levels { k, r, t, s }, ..Default::default() }
}

#[test]
fn minimum_levels_per_aspect() {
    let (_dir, store) = portfolio();
    assert_eq!(names(&store, min(Some(3), None, None, None)), ["System 2", "Ärendehantering"]);
    assert_eq!(names(&store, min(Some(2), None, Some(2), None)), ["System 2", "System 10"]);
    assert_eq!(names(&store, min(None, Some(3), None, None)), ["System 2", "Öppna data"]);
    assert_eq!(
        names(&store, min(None, None, None, Some(0))),
        ["System 2", "System 10", "Åtkomst", "Ärendehantering"],
        "the ISAK object has no S, and S ≥ 0 asks for an assessed S"
    );
    let err = store.list_objects(&min(Some(5), None, None, None), TODAY).unwrap_err();
    assert!(matches!(err, StoreError::InvalidInput(_)), "{err:?}");
}

#[test]
fn risk_analysis_status() {
    let (_dir, store) = portfolio();
    let risk = |r| names(&store, ObjectFilter { risk: Some(r), ..Default::default() });
    assert_eq!(risk(RiskStatus::None), ["Åtkomst", "Öppna data"]);
    assert_eq!(risk(RiskStatus::Draft), ["Ärendehantering"]);
    assert_eq!(risk(RiskStatus::Approved), ["System 10"]);
    assert_eq!(risk(RiskStatus::NeedsReview), ["System 2"], "approved 2026-03-01, analysis of 2026-02-01");
    let list = store.list_objects(&ObjectFilter::default(), TODAY).unwrap();
    let two = list.items.iter().find(|o| o.name == "System 2").unwrap();
    assert_eq!(two.risk_status, RiskStatus::NeedsReview);
}

#[test]
fn isak_and_actions() {
    let (_dir, store) = portfolio();
    assert_eq!(names(&store, ObjectFilter { from_isak: true, ..Default::default() }), ["Öppna data"]);
    assert_eq!(
        names(&store, ObjectFilter { open_actions: true, ..Default::default() }),
        ["Ärendehantering", "Öppna data"]
    );
    assert_eq!(names(&store, ObjectFilter { overdue_actions: true, ..Default::default() }), ["Ärendehantering"]);
    let both = ObjectFilter { from_isak: true, overdue_actions: true, ..Default::default() };
    assert!(names(&store, both).is_empty(), "filters combine with and");
    let list = store.list_objects(&ObjectFilter::default(), TODAY).unwrap();
    let case = list.items.iter().find(|o| o.name == "Ärendehantering").unwrap();
    assert_eq!((case.open_actions, case.overdue_actions, case.from_isak), (1, 1, false));
}

#[test]
fn sortable_columns() {
    let (_dir, store) = portfolio();
    let sorted = |sort, descending| names(&store, ObjectFilter { sort, descending, ..Default::default() });
    assert_eq!(
        sorted(SortColumn::Name, false),
        ["System 2", "System 10", "Åtkomst", "Ärendehantering", "Öppna data"],
        "numbers by value, Å Ä Ö after Z"
    );
    assert_eq!(sorted(SortColumn::Name, true), ["Öppna data", "Ärendehantering", "Åtkomst", "System 10", "System 2"]);
    assert_eq!(sorted(SortColumn::Unit, false), ["Åtkomst", "Ärendehantering", "System 10", "System 2", "Öppna data"]);
    assert_eq!(
        sorted(SortColumn::Profile, false),
        ["Åtkomst", "System 10", "Öppna data", "Ärendehantering", "System 2"],
        "highest level, then the sum"
    );
    assert_eq!(
        sorted(SortColumn::NextReview, false),
        ["Öppna data", "System 2", "System 10", "Åtkomst", "Ärendehantering"],
        "2021-03-12, 2027-03-01, 2028-02-01, then no date"
    );
    assert_eq!(sorted(SortColumn::NextReview, true)[..3], ["System 10", "System 2", "Öppna data"]);
    assert_eq!(
        sorted(SortColumn::Status, false),
        ["Åtkomst", "Ärendehantering", "Öppna data", "System 2", "System 10"]
    );
    let with_gone = ObjectFilter { sort: SortColumn::Status, include_decommissioned: true, ..Default::default() };
    assert_eq!(names(&store, with_gone).last().map(String::as_str), Some("Arkiv"), "decommissioned last");
}

#[test]
fn an_isak_object_keeps_what_its_workbook_recorded() {
    let (_dir, mut store) = portfolio();
    let id = store.find_object("Öppna data").unwrap();
    let record = store.get_object(&id, TODAY).unwrap().isak_record.expect("imported from ISAK");
    assert_eq!(record.classified_on.as_deref(), Some("2019-03-12"));
    assert_eq!(record.participants, ["Åsa Öberg", "Ali Khan"]);
    assert_eq!(
        (record.information_owner.as_str(), record.system_owner.as_str()),
        ("Kommunikationschef", "Webbredaktör")
    );
    assert_eq!((record.file_name.as_str(), record.sheet.as_str()), ("oppna-data.xlsx", "Klassning"));
    assert_eq!(record.isak_version.as_deref(), Some("3.2"));

    // The object's facts change; the record does not.
    let mut meta = store.get_object(&id, TODAY).unwrap().meta;
    meta.participants = vec!["Ny grupp".into()];
    meta.classification_date = Some("2026-05-01".into());
    store.update_object(&on(TODAY), &id, &meta).unwrap();
    assert_eq!(store.isak_record(&id).unwrap().unwrap(), record);

    // A newer workbook of the same object gives the newer record.
    store.import_legacy(&on(TODAY), &isak_workbook("Öppna data", "oppna-data-2.xlsx", "h2", "2020-01-01")).unwrap();
    let newer = store.isak_record(&id).unwrap().unwrap();
    assert_eq!((newer.file_name.as_str(), newer.classified_on.as_deref()), ("oppna-data-2.xlsx", Some("2020-01-01")));

    let other = store.find_object("System 2").unwrap();
    assert_eq!(store.get_object(&other, TODAY).unwrap().isak_record, None);
}

#[test]
fn imports_from_before_the_record_get_it_from_the_audit_log() {
    let (dir, mut store) = temp_file_store();
    let imported =
        store.import_legacy(&on("2026-04-01"), &isak_workbook("Öppna data", "oppna-data.xlsx", "h1", "2019-03-12"));
    let id = imported.unwrap().object_id.unwrap();
    drop(store);
    // The same database as version 10 held it (no record column), then opened again.
    let old = as_version(&dir.path().join("infoklass.sqlite"), 10);
    let store = Store::open(&old).unwrap();
    let record = store.isak_record(&id).unwrap().unwrap();
    assert_eq!(record.classified_on.as_deref(), Some("2019-03-12"));
    assert_eq!(record.participants, ["Åsa Öberg", "Ali Khan"]);
    assert_eq!(record.information_owner, "Kommunikationschef");
    assert_eq!((record.file_name.as_str(), record.sheet.as_str()), ("oppna-data.xlsx", ""), "the sheet was not kept");
}
