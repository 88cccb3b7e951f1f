//! Any text as a risk file for `infoklass risk add`.
#![no_main]

use infoklass_core::input_files::parse_risk_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = parse_risk_file(text);
});
