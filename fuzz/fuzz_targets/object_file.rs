//! Any text as an object description for `infoklass new`, read as JSON and as TOML.
#![no_main]

use infoklass_core::input_files::parse_object_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = parse_object_file(text, false);
    let _ = parse_object_file(text, true);
});
