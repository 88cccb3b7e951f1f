//! A zip container taken apart into its parts and put together again with one part
//! replaced, stored uncompressed: the fuzzer mutates XML text, not deflate streams.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The parts of a zip file, in their order, as (name, bytes).
pub fn split(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ZipArchive::new(Cursor::new(zip_bytes)).expect("a template is a valid zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("a template part is readable");
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("a template part decompresses");
            (file.name().expect("a template part has a name").into_owned(), bytes)
        })
        .collect()
}

/// A zip of `parts` with part `index` holding `replacement` instead.
pub fn join(parts: &[(String, Vec<u8>)], index: usize, replacement: &[u8]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        writer.start_file(name.as_str(), options).expect("writing to memory");
        writer.write_all(if i == index { replacement } else { bytes }).expect("writing to memory");
    }
    writer.finish().expect("writing to memory").into_inner()
}

/// The parts worth mutating: the XML ones (not images or binary parts).
pub fn xml_indices(parts: &[(String, Vec<u8>)]) -> Vec<usize> {
    parts
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| name.ends_with(".xml") || name.ends_with(".rels"))
        .map(|(i, _)| i)
        .collect()
}
