//! Any bytes given to the catalog workbook reader: an error or a result, never a panic.
#![no_main]

use infoklass_fuzz::{allow_caught_panics, read, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: allow_caught_panics(), |data: &[u8]| read(Reader::Catalog, data));
