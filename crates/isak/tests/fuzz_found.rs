//! Inputs the fuzzer found (docs/FUZZING.md), kept so they stay handled: each file in
//! `fixtures/fuzz/` must give a clean error, never a panic.

use std::path::{Path, PathBuf};

use infoklass_isak::{read_bytes, FileError, ImportProfile, Limits};

fn files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(folder);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no fixtures in {}", dir.display());
    out
}

/// calamine indexed past the end of the workbook stream at a sheet offset the file declared;
/// the reader turns the panic into a damaged-file error.
/// The same file also declares a stream of gigabytes that calamine's cfb reader would copy
/// first; the container guard refuses that before calamine runs.
#[test]
fn inputs_that_made_calamine_panic_are_a_damaged_file() {
    for path in files("panic") {
        let bytes = std::fs::read(&path).unwrap();
        let result = read_bytes("f.xls", &bytes, &ImportProfile::default(), &Limits::default());
        assert!(matches!(result, Err(FileError::Corrupt(_))), "{}: {result:?}", path.display());
    }
}

/// Cause: a compound-file (xls) stream whose directory declares a size of gigabytes and whose
/// sector chain loops; calamine's cfb reader copies sectors until the declared size is reached
/// (4 GB from a 10 KB file) before anything of ours runs. The container check for such sizes
/// belongs with the other limits for hostile files (container.rs, limits.rs).
#[test]
fn xls_with_a_looping_sector_chain_is_refused_without_allocating_gigabytes() {
    for path in files("oom") {
        let bytes = std::fs::read(&path).unwrap();
        let result = read_bytes("f.xls", &bytes, &ImportProfile::default(), &Limits::default());
        assert!(result.is_err(), "{}", path.display());
    }
}

/// Found by the fuzzer: xls files whose compound-file directory two readers see differently.
/// Read by calamine's own reader they made `Xls::new` build a dense range of 14 GB or reserve
/// 200 GB, which aborted the process, although the guard's walk of the stream it read passed.
/// calamine now gets the checked stream packed again (docs/FUZZING.md, finding 4).
#[test]
fn xls_whose_cells_make_calamine_build_a_huge_range_is_refused() {
    for path in files("xls-range") {
        let bytes = std::fs::read(&path).unwrap();
        let result = read_bytes("f.xls", &bytes, &ImportProfile::default(), &Limits::default());
        assert!(result.is_err(), "{}", path.display());
    }
}
