//! The xlsx parts calamine parses whole when it opens a workbook: the shared strings (it
//! reserves `uniqueCount` slots, then keeps every string) and the styles (one entry per `xf`).
//! Each is streamed here through a reader that stops at the part limit.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{corrupt, text_runs};
use crate::error::FileError;
use crate::limits::{Limit, Limits};

pub(super) fn check(bytes: &[u8], limits: &Limits) -> Result<(), FileError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    sheets_read(&mut zip, limits)?;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(corrupt)?;
        // calamine finds parts by lower-cased name, with `\` read as `/`.
        let name = normal(&entry.name().map_err(corrupt)?);
        if name.ends_with(".xml") && (name.contains("worksheets/") || name.ends_with("sharedstrings.xml")) {
            // Each merge is kept as a 16-byte entry: as many as there may be cells.
            let merges = text_runs(entry, &name, limits)?;
            if merges > limits.cells {
                return Err(FileError::TooLarge { limit: Limit::Cells, found: merges, max: limits.cells, sheet: None });
            }
            continue;
        }
        let part = BufReader::new(entry.take(limits.part_bytes));
        if name.ends_with("styles.xml") {
            count_elements(part, "xf", limits.styles, Limit::Styles, &name)?;
        }
    }
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(corrupt)?;
        let name = normal(&entry.name().map_err(corrupt)?);
        let part = BufReader::new(entry.take(limits.part_bytes));
        if name.ends_with("sharedstrings.xml") {
            count_elements(part, "si", limits.shared_strings, Limit::SharedStrings, &name)?;
        }
    }
    Ok(())
}

/// Sheets are streamed, but each sheet listed is streamed again, even when many name the
/// same part: the sizes of the parts the sheets name, counted once per sheet, must stay within
/// what a workbook may unpack to. (`<dimension>` needs no check: calamine reserves from it
/// only below 100,000 cells, and our reads never use it.)
fn sheets_read(zip: &mut Archive<'_>, limits: &Limits) -> Result<(), FileError> {
    let mut sizes = HashMap::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_data(i).map_err(corrupt)?;
        sizes.insert(normal(&entry.name().map_err(corrupt)?), entry.size());
    }
    // The workbook part is the package's officeDocument, whatever it is called.
    let mut books: Vec<String> = sizes.keys().filter(|n| n.ends_with("workbook.xml")).cloned().collect();
    elements(zip, "_rels/.rels", limits, |name, attrs| {
        let target = attrs.get("Target").map(|t| normal(t.trim_start_matches('/')));
        if name == "Relationship" && attrs.get("Type").is_some_and(|t| t.ends_with("/officeDocument")) {
            books.extend(target.filter(|t| !books.contains(t)));
        }
        Ok(())
    })?;
    for book in books {
        let (dir, file) = book.rsplit_once('/').map_or(("", book.as_str()), |(d, f)| (d, f));
        let dir = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let mut targets = HashMap::new();
        elements(zip, &format!("{dir}_rels/{file}.rels"), limits, |name, attrs| {
            if name == "Relationship" {
                let (id, target) =
                    (attrs.get("Id").cloned().unwrap_or_default(), attrs.get("Target").cloned().unwrap_or_default());
                let path = target.strip_prefix('/').map_or_else(|| format!("{dir}{target}"), str::to_string);
                targets.insert(id, normal(&path));
            }
            Ok(())
        })?;
        let mut total: u64 = 0;
        elements(zip, &book, limits, |name, attrs| {
            if name == "sheet" {
                let part = attrs.get("id").and_then(|id| targets.get(id));
                total = total.saturating_add(part.and_then(|p| sizes.get(p)).copied().unwrap_or(0));
                if total > limits.uncompressed_bytes {
                    let max = limits.uncompressed_bytes;
                    return Err(FileError::TooLarge {
                        limit: Limit::UncompressedBytes,
                        found: total,
                        max,
                        sheet: None,
                    });
                }
            }
            Ok(())
        })?;
    }
    Ok(())
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A part's name as calamine looks it up.
fn normal(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// Calls `f` with the local name and the attributes (by local name) of each element of the
/// part `name` (found as calamine finds it); nothing when there is no such part.
fn elements(
    zip: &mut Archive<'_>,
    name: &str,
    limits: &Limits,
    mut f: impl FnMut(&str, &HashMap<String, String>) -> Result<(), FileError>,
) -> Result<(), FileError> {
    let Some(i) = (0..zip.len()).find(|i| zip.name_for_index(*i).is_some_and(|n| n.is_ok_and(|n| normal(&n) == name)))
    else {
        return Ok(());
    };
    let entry = zip.by_index(i).map_err(corrupt)?;
    let mut xml = Reader::from_reader(BufReader::new(entry.take(limits.part_bytes)));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(corrupt)? {
            Event::Start(e) | Event::Empty(e) => {
                let attrs = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .map(|a| (AsRef::<str>::as_ref(&a.key.local_name()).to_string(), a.value.into_owned()))
                    .collect();
                f(e.local_name().as_ref(), &attrs)?;
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// Counts the elements called `local` and checks the counts the part declares for them
/// (`uniqueCount`, `count`), all against `max`.
fn count_elements(
    part: impl std::io::BufRead,
    local: &str,
    max: u64,
    limit: Limit,
    name: &str,
) -> Result<(), FileError> {
    let too_many = |found| FileError::TooLarge { limit, found, max, sheet: Some(name.to_string()) };
    let mut xml = Reader::from_reader(part);
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut found: u64 = 0;
    loop {
        match xml.read_event_into(&mut buf).map_err(corrupt)? {
            Event::Start(e) | Event::Empty(e) => {
                if e.local_name().as_ref() == local {
                    found += 1;
                    if found > max {
                        return Err(too_many(found));
                    }
                }
                for attr in e.attributes().with_checks(false).flatten() {
                    let key = attr.key.local_name();
                    if key.as_ref() == "uniqueCount" || key.as_ref() == "count" {
                        if let Some(declared) = declared_count(attr.value.as_bytes()) {
                            if declared > u128::from(max) {
                                return Err(too_many(u64::try_from(declared).unwrap_or(u64::MAX)));
                            }
                        }
                    }
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// A count attribute as calamine would read it: digits only (a leading `+` allowed); a value
/// too large for any integer counts as the largest.
fn declared_count(raw: &[u8]) -> Option<u128> {
    let digits = raw.strip_prefix(b"+").unwrap_or(raw);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u128, |n, d| n.saturating_mul(10).saturating_add(u128::from(d - b'0'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_declared_counts_like_calamine() {
        assert_eq!(declared_count(b"12"), Some(12));
        assert_eq!(declared_count(b"+7"), Some(7));
        assert_eq!(declared_count(b"18000000000000000000000000000000000000000000"), Some(u128::MAX));
        assert_eq!(declared_count(b"-1"), None);
        assert_eq!(declared_count(b"x"), None);
    }

    #[test]
    fn counts_elements_and_declared_counts() {
        let sst = br#"<sst xmlns="x" count="3" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>"#;
        assert!(count_elements(&sst[..], "si", 3, Limit::SharedStrings, "s").is_ok());
        let e = count_elements(&sst[..], "si", 2, Limit::SharedStrings, "s").unwrap_err();
        assert!(matches!(e, FileError::TooLarge { limit: Limit::SharedStrings, found: 3, .. }), "{e:?}");
        let e = count_elements(&sst[..], "si", 1, Limit::SharedStrings, "s").unwrap_err();
        assert!(matches!(e, FileError::TooLarge { found: 3, .. }), "{e:?}");
    }
}
