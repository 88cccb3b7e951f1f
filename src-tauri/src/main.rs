// Hides the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    infoklass_desktop::rendering::choose();
    infoklass_desktop::run();
}
