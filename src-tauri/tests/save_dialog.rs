//! Exports through the save dialog: it opens in the remembered folder with a free suggested
//! name; cancelling writes nothing; the chosen path gets the file and its folder is
//! remembered. The dialog is a stand-in here (the app installs the native one); one test,
//! since the dialog and the settings are per process.

mod common;

use common::host;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[test]
fn the_save_dialog_decides_where_an_export_goes() {
    let h = host();
    std::env::remove_var(infoklass_store::env::EXPORT_ENV);
    std::env::set_var(infoklass_desktop::exports::SETTINGS_ENV, h.dir().join("config").join("settings.json"));
    let start = h.dir().join("Exporter");
    std::fs::create_dir_all(&start).unwrap();
    h.call("set_export_folder", json!({ "path": start })).unwrap();
    let start = start.canonicalize().unwrap();

    // What the dialog was shown, and what it answers next (None: cancelled).
    let asked: Arc<Mutex<Vec<(PathBuf, String)>>> = Arc::default();
    let answer: Arc<Mutex<Option<PathBuf>>> = Arc::default();
    let (seen, next) = (asked.clone(), answer.clone());
    infoklass_desktop::exports::ask_where_with(Box::new(move |dir: &Path, name: &str| {
        seen.lock().unwrap().push((dir.to_path_buf(), name.to_string()));
        next.lock().unwrap().clone()
    }));
    let files = |dir: &Path| std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);

    // Cancelled: EXPORT_CANCELLED and no file anywhere.
    let err = h.call("export_threats", json!({})).unwrap_err();
    assert_eq!(err["code"], "EXPORT_CANCELLED");
    let (dir, name) = asked.lock().unwrap().last().cloned().unwrap();
    assert_eq!(dir, start, "the dialog opens in the remembered folder");
    assert!(name.starts_with("Hotkatalog ") && name.ends_with(".toml"), "{name}");
    assert_eq!(files(&start), 0);

    // A path in another folder, typed without the extension: written there as .toml, the
    // folder remembered for the next export and shown in the folder field.
    let elsewhere = h.dir().join("Projekt");
    std::fs::create_dir_all(&elsewhere).unwrap();
    *answer.lock().unwrap() = Some(elsewhere.join("hot"));
    let done = h.call("export_threats", json!({})).unwrap();
    let written = elsewhere.join("hot.toml");
    assert_eq!(done["path"], json!(written.display().to_string()));
    assert!(std::fs::read_to_string(&written).unwrap().contains("HOT-01"));
    assert_eq!(files(&start), 0);
    let remembered = elsewhere.canonicalize().unwrap().display().to_string();
    assert_eq!(h.call("export_folder", json!({})).unwrap(), json!(remembered));
    // That file is the one the notice may open.
    let log = h.dir().join("opened.log");
    infoklass_desktop::exports::record_opens_in(log.clone());
    h.call("open_export", json!({ "path": written, "reveal": false })).unwrap();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened, format!("open {}\n", written.canonicalize().unwrap().display()));

    *answer.lock().unwrap() = None;
    assert_eq!(h.call("export_info_types", json!({})).unwrap_err()["code"], "EXPORT_CANCELLED");
    assert_eq!(asked.lock().unwrap().last().unwrap().0, elsewhere.canonicalize().unwrap());

    // A fixed export folder (INFOKLASS_EXPORT_DIR: scripts, the end-to-end tests) asks nothing.
    let pinned = h.dir().join("Fast");
    std::env::set_var(infoklass_store::env::EXPORT_ENV, &pinned);
    h.call("set_export_folder", json!({ "path": "" })).unwrap();
    let n = asked.lock().unwrap().len();
    let path = h.call("export_threats", json!({})).unwrap()["path"].as_str().unwrap().to_string();
    assert!(path.starts_with(pinned.to_str().unwrap()), "{path}");
    assert_eq!(asked.lock().unwrap().len(), n, "no dialog");
}
