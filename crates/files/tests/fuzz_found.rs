//! Inputs the fuzzer found (docs/FUZZING.md) given to the Infoklass-workbook and catalogue
//! readers: a clean error for the whole file, never a panic. The files are kept with the ISAK
//! reader's (crates/isak/tests/fixtures/fuzz/), which reads them too.

use std::path::{Path, PathBuf};

use infoklass_files::catalog_import::read_catalog;
use infoklass_files::workbook::read::{is_infoklass_workbook, read_workbook};

fn panic_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../isak/tests/fixtures/fuzz/panic");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// The file also declares an xls stream of gigabytes; the container guard refuses it before
/// calamine copies anything.
#[test]
fn inputs_that_made_calamine_panic_are_one_error_for_the_file() {
    for path in panic_fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        assert!(!is_infoklass_workbook(&bytes), "{}", path.display());
        let problems = read_workbook(&bytes).expect_err("a damaged file is not read");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].cell.is_empty(), "{problems:?}");
        let errors = read_catalog(&bytes).expect_err("a damaged file is not read");
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
