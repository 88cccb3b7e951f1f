include!("src/command_names.rs");

fn main() {
    // Only the listed commands get permissions, and only those the capability grants are callable.
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build configuration");
}
