//! Any bytes given to the catalog workbook reader: an error or a result, never a panic.
#![no_main]

use infoklass_fuzz::{read, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| read(Reader::Catalog, data));
