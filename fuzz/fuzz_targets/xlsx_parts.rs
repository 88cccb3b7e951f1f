//! Structure-aware: a valid template workbook (ISAK, Infoklass or catalogue) with one XML
//! part replaced by the fuzzed text, zipped again, so mutations reach the XML parsing and our
//! reading of cells instead of dying in the zip layer. Input: reader byte, part byte, text.
#![no_main]

use std::sync::OnceLock;

use infoklass_fuzz::{allow_caught_panics, parts, read, templates, Reader, READERS};
use libfuzzer_sys::fuzz_target;

struct Template {
    reader: Reader,
    parts: Vec<(String, Vec<u8>)>,
    xml: Vec<usize>,
}

fn all() -> &'static [Template] {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    ALL.get_or_init(|| {
        READERS
            .iter()
            .map(|&reader| {
                let parts = parts::split(&templates::template(reader));
                let xml = parts::xml_indices(&parts);
                Template { reader, parts, xml }
            })
            .collect()
    })
}

fuzz_target!(init: allow_caught_panics(), |data: &[u8]| {
    let [r, p, text @ ..] = data else { return };
    let t = &all()[*r as usize % READERS.len()];
    let index = t.xml[*p as usize % t.xml.len()];
    read(t.reader, &parts::join(&t.parts, index, text));
});
