//! Any text as a requirement catalogue in TOML (the shipped form) and in JSON (the stored form).
#![no_main]

use infoklass_core::requirements::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Catalog::from_toml(text);
    let _ = Catalog::from_json(text);
});
