//! After an export the window may open that one file or its folder, nothing else; the export
//! folder is the user's remembered choice. One test, since the last export is per process.

mod common;

use common::host;
use serde_json::json;

#[test]
fn only_the_last_export_opens_and_the_chosen_folder_is_remembered() {
    let h = host();
    let downloads = h.dir().join("Hämtade filer");
    std::env::set_var(infoklass_store::env::EXPORT_ENV, &downloads);
    std::env::set_var(infoklass_desktop::exports::SETTINGS_ENV, h.dir().join("config").join("settings.json"));
    let log = h.dir().join("opened.log");
    infoklass_desktop::exports::record_opens_in(log.clone());
    let opened = || std::fs::read_to_string(&log).unwrap_or_default();
    let code = |r: Result<serde_json::Value, serde_json::Value>| r.unwrap_err()["code"].as_str().unwrap().to_string();

    // Nothing exported yet: nothing opens, not even an existing file.
    let db = h.dir().join("app.sqlite");
    assert_eq!(code(h.call("open_export", json!({ "path": db, "reveal": false }))), "NOT_LAST_EXPORT");

    let first = h.call("export_threats", json!({})).unwrap()["path"].as_str().unwrap().to_string();
    let second = h.call("export_info_types", json!({})).unwrap()["path"].as_str().unwrap().to_string();
    assert!(second.starts_with(downloads.to_str().unwrap()), "{second}");

    // An earlier export, another file, a path that does not exist, and a way around the check
    // through `..` are all refused; nothing was started for them.
    assert_eq!(code(h.call("open_export", json!({ "path": first, "reveal": false }))), "NOT_LAST_EXPORT");
    assert_eq!(code(h.call("open_export", json!({ "path": db, "reveal": true }))), "NOT_LAST_EXPORT");
    assert_eq!(code(h.call("open_export", json!({ "path": "/etc/passwd", "reveal": false }))), "NOT_LAST_EXPORT");
    let missing = downloads.join("finns-inte.xlsx");
    assert_eq!(code(h.call("open_export", json!({ "path": missing, "reveal": false }))), "NOT_LAST_EXPORT");
    assert_eq!(opened(), "");

    // The last export opens, the same path spelled with `..` too, and its folder can be shown.
    h.call("open_export", json!({ "path": second, "reveal": false })).unwrap();
    let name = std::path::Path::new(&second).file_name().unwrap().to_str().unwrap().to_string();
    let roundabout = downloads.join("..").join("Hämtade filer").join(&name);
    h.call("open_export", json!({ "path": roundabout, "reveal": true })).unwrap();
    let folder = downloads.canonicalize().unwrap();
    let file = folder.join(&name);
    assert_eq!(opened(), format!("open {}\nreveal {}\n", file.display(), folder.display()));

    // A folder that does not exist or is not a full path is refused; the default stays.
    assert_eq!(code(h.call("set_export_folder", json!({ "path": "relativ/mapp" }))), "FOLDER_INVALID");
    assert_eq!(code(h.call("set_export_folder", json!({ "path": h.dir().join("saknas") }))), "FOLDER_INVALID");
    assert_eq!(h.call("export_folder", json!({})).unwrap(), json!(downloads.display().to_string()));

    // A chosen folder is remembered (in the settings file) and used by the next export.
    let chosen = h.dir().join("Upphandling 2027");
    std::fs::create_dir_all(&chosen).unwrap();
    let now = h.call("set_export_folder", json!({ "path": chosen })).unwrap();
    assert_eq!(now, json!(chosen.canonicalize().unwrap().display().to_string()));
    assert!(std::fs::read_to_string(h.dir().join("config").join("settings.json"))
        .unwrap()
        .contains("Upphandling 2027"));
    let third = h.call("export_threats", json!({})).unwrap()["path"].as_str().unwrap().to_string();
    assert!(third.contains("Upphandling 2027"), "{third}");
    // The file before it can no longer be opened.
    assert_eq!(code(h.call("open_export", json!({ "path": second, "reveal": false }))), "NOT_LAST_EXPORT");

    // An empty folder goes back to the default.
    assert_eq!(h.call("set_export_folder", json!({ "path": "" })).unwrap(), json!(downloads.display().to_string()));
}
