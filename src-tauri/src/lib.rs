//! The Infoklass desktop shell. It opens the store, registers the commands and starts the
//! window; everything else happens in the store and core crates.

mod command_names;
pub mod commands;
pub mod exports;
pub mod rendering;
pub mod settings;
pub mod state;

pub use command_names::COMMANDS;
pub use commands::MAX_UPLOAD_BYTES;
pub use state::AppState;

/// The handler with every command of `COMMANDS`; shared by the app and the tests.
#[macro_export]
macro_rules! handler {
    () => {
        tauri::generate_handler![
            $crate::commands::reference::app_info,
            $crate::commands::reference::data_version,
            $crate::commands::reference::database_info,
            $crate::commands::reference::choose_database,
            $crate::commands::reference::get_scale,
            $crate::commands::reference::list_info_types,
            $crate::commands::info_types::list_info_type_entries,
            $crate::commands::info_types::save_info_type,
            $crate::commands::info_types::set_info_type_retired,
            $crate::commands::info_types::export_info_types,
            $crate::commands::info_types::preview_info_type_import,
            $crate::commands::info_types::import_info_types,
            $crate::commands::lagrum::list_lagrum,
            $crate::commands::lagrum::set_org_lagrum,
            $crate::commands::lagrum::export_lagrum,
            $crate::commands::lagrum::preview_lagrum_import,
            $crate::commands::lagrum::import_lagrum,
            $crate::commands::objects::list_objects,
            $crate::commands::objects::overview,
            $crate::commands::objects::requirement_overview,
            $crate::commands::objects::risk_overview,
            $crate::commands::review_rule::get_review_rule,
            $crate::commands::review_rule::set_review_rule,
            $crate::commands::objects::confirm_review,
            $crate::commands::objects::get_object,
            $crate::commands::objects::create_object,
            $crate::commands::objects::update_object,
            $crate::commands::objects::delete_object,
            $crate::commands::objects::object_history,
            $crate::commands::dependencies::decommission_object,
            $crate::commands::dependencies::get_dependencies,
            $crate::commands::dependencies::add_dependency,
            $crate::commands::dependencies::remove_dependency,
            $crate::commands::dependencies::decide_dependency,
            $crate::commands::classification::save_draft,
            $crate::commands::classification::save_edit,
            $crate::commands::classification::preview,
            $crate::commands::classification::approve,
            $crate::commands::classification::start_reclassification,
            $crate::commands::requirements::get_requirements,
            $crate::commands::requirements::save_assessment,
            $crate::commands::requirements::clear_assessment,
            $crate::commands::requirements::hand_over_requirements,
            $crate::commands::requirements::take_back_requirements,
            $crate::commands::requirements::set_local_how,
            $crate::commands::requirements::get_action_plan,
            $crate::commands::requirements::save_action,
            $crate::commands::requirements::delete_action,
            $crate::commands::requirements::export_action_plan,
            $crate::commands::reports::make_report,
            $crate::commands::procurement::procurement_preview,
            $crate::commands::procurement::save_procurement,
            $crate::commands::procurement::get_procurement,
            $crate::commands::procurement::list_procurements,
            $crate::commands::procurement::export_procurement,
            $crate::commands::catalog::list_catalogs,
            $crate::commands::catalog::export_catalog,
            $crate::commands::catalog::preview_catalog_import,
            $crate::commands::catalog::import_catalog,
            $crate::commands::risks::get_risk_analysis,
            $crate::commands::risks::save_risk_analysis,
            $crate::commands::risks::save_risk,
            $crate::commands::risks::delete_risk,
            $crate::commands::risks::accept_risk,
            $crate::commands::risks::approve_risk_analysis,
            $crate::commands::risks::get_top_risk_role,
            $crate::commands::risks::set_top_risk_role,
            $crate::commands::threats::list_threats,
            $crate::commands::threats::save_threat,
            $crate::commands::threats::set_threat_retired,
            $crate::commands::threats::export_threats,
            $crate::commands::threats::preview_threat_import,
            $crate::commands::threats::import_threats,
            $crate::commands::workbooks::export_workbook,
            $crate::commands::workbooks::export_portfolio,
            $crate::commands::workbooks::preview_import,
            $crate::commands::workbooks::import_file,
            $crate::commands::workbooks::save_import_word,
            $crate::commands::workbooks::list_imports,
            $crate::commands::workbooks::legacy_requirements,
            $crate::commands::exports::export_folder,
            $crate::commands::exports::set_export_folder,
            $crate::commands::exports::open_export,
        ]
    };
}

pub fn run() {
    let state = AppState::open_from_args(std::env::args().skip(1));
    if let Some(e) = state.open_error() {
        eprintln!("infoklass: {} [{}]", e.message, e.code);
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            exports::ask_where_with(save_dialog(app.handle().clone()));
            Ok(())
        })
        .manage(state)
        .invoke_handler(handler!())
        .run(tauri::generate_context!())
        .expect("the Infoklass window could not start");
}

/// The native "Spara som" dialog, opened from Rust inside the export commands (which run off
/// the main thread, as a blocking dialog must): the window itself has no dialog permission.
fn save_dialog(app: tauri::AppHandle) -> exports::AskWhere {
    use tauri_plugin_dialog::DialogExt;
    Box::new(move |dir, name| {
        let ext = std::path::Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or_default().to_string();
        let mut dialog = app.dialog().file().set_directory(dir).set_file_name(name);
        if let Some(window) = tauri::Manager::get_webview_window(&app, "main") {
            dialog = dialog.set_parent(&window);
        }
        if !ext.is_empty() {
            dialog = dialog.add_filter(ext.to_uppercase(), &[ext.as_str()]);
        }
        dialog.blocking_save_file().and_then(|p| p.into_path().ok())
    })
}
