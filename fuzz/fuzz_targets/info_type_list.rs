//! Any text as an edited information-type list (`infoklass info-types import`); what parses
//! writes back to TOML that reads back the same.
#![no_main]

use infoklass_core::info_type::InfoTypeCatalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(list) = InfoTypeCatalog::from_toml(text, 4) {
        let again = InfoTypeCatalog::from_toml(&list.to_toml(), 4).expect("a written list reads back");
        assert_eq!(again, list);
    }
});
