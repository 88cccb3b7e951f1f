//! Any text as an edited threat list (`infoklass threats import`); what parses writes back
//! to TOML that parses again.
#![no_main]

use infoklass_core::risk::ThreatCatalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(list) = ThreatCatalog::from_toml(text) {
        let again = ThreatCatalog::from_toml(&list.to_toml()).expect("a written threat list reads back");
        assert_eq!(again, list);
    }
});
