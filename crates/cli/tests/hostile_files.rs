#![cfg(unix)]
//! Crafted files of a few kilobytes that once made `import` and `catalog import` abort
//! (exit 134) or panic (101) by asking for gigabytes. The real binary runs under a 1 GiB
//! address-space limit; each file must be refused with exit 1, one error line and a code.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../isak/tests/support/crafted.rs"]
mod crafted;

/// The address space the binary may use: a read that allocates past it fails.
const ADDRESS_SPACE: u64 = 1 << 30;

fn run_limited(db: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_infoklass"));
    cmd.arg("--db").arg(db).args(args).env("INFOKLASS_USER", "testare");
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: ADDRESS_SPACE, rlim_max: ADDRESS_SPACE };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

fn xls_sample() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../isak/tests/fixtures/ekonomisystem.xls")).unwrap()
}

/// Every crafted file of the reliability review, by name.
fn hostile_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("meta_far.xlsx", crafted::far_cells("_meta", "XFD1048576"), "ROWS"),
        ("meta_mid.xlsx", crafted::far_cells("_meta", "ZZ300000"), "ROWS"),
        ("sst_reserve.xlsx", crafted::shared_string_count("200000000000"), "SHARED_STRINGS"),
        ("sst_overflow.xlsx", crafted::shared_string_count("18000000000000000000"), "SHARED_STRINGS"),
        ("xls_dims.xls", crafted::xls_dimensions(&xls_sample(), 1, 0xFFFF_FFF0, 0xFF).unwrap(), "DENSE_CELLS"),
        ("sst_bomb_1g.xlsx", crafted::shared_string_bomb(1 << 30), "UNCOMPRESSED_BYTES"),
        ("ods_repeats.ods", crafted::ods_repeats("Hemlig uppgift", 16_384, 1_048_576), "ods"),
    ];
    files
        .into_iter()
        .map(|(name, bytes, what)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (path, what)
        })
        .collect()
}

fn assert_refused(o: &Output, code: &str, file: &Path) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{}: {:?} {err}", file.display(), o.status);
    assert_eq!(err.lines().count(), 1, "{}: {err}", file.display());
    assert!(err.trim_end().ends_with(&format!("[{code}]")), "{}: {err}", file.display());
}

#[test]
fn import_refuses_every_crafted_file_within_the_address_space() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    for (file, what) in hostile_files(dir.path()) {
        let o = run_limited(&db, &["import", file.to_str().unwrap(), "--dry-run", "--json"]);
        assert_refused(&o, "IMPORT_FAILED", &file);
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let failure = &report[0]["failure"];
        assert_eq!(failure["code"], "IMPORT_TOO_LARGE", "{}: {report}", file.display());
        let sv = failure["message_sv"].as_str().unwrap();
        let en = failure["message_en"].as_str().unwrap();
        match what {
            // The message says the file was not unpacked: true, it was refused from its directory.
            "UNCOMPRESSED_BYTES" => assert!(sv.contains("1024,0 MB") && sv.contains("har inte packats upp"), "{sv}"),
            "SHARED_STRINGS" => assert!(sv.contains("delade texter") && en.contains("shared strings"), "{sv}"),
            "DENSE_CELLS" => assert!(sv.contains("spänner över") && en.contains("spans"), "{sv}"),
            // Streamed cell by cell, the sheet is refused at the first row past the limit.
            "ROWS" => assert!(sv.contains("Bladet «_meta» har minst") && en.contains("rows"), "{sv}"),
            _ => assert!(sv.contains("text") && sv.contains("har inte lästs"), "{sv}"),
        }
    }
}

#[test]
fn catalog_import_refuses_every_crafted_file_within_the_address_space() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    let mut files = hostile_files(dir.path());
    let katalog = dir.path().join("katalog_far.xlsx");
    std::fs::write(&katalog, crafted::far_cells("Katalog", "XFD1048576")).unwrap();
    files.push((katalog, "DENSE_CELLS"));
    for (file, what) in files {
        let o = run_limited(&db, &["catalog", "import", file.to_str().unwrap(), "--dry-run"]);
        assert_refused(&o, "BAD_CATALOG", &file);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("nothing was imported"), "{err}");
        // Files without the catalogue's sheets may be refused for that; the rest by a limit.
        if what != "ROWS" {
            assert!(err.contains("at most"), "{err}");
        }
        if file.ends_with("katalog_far.xlsx") {
            assert!(err.contains("the sheet \"Katalog\" spans"), "{err}");
        }
    }
}

#[test]
fn a_file_that_is_not_a_regular_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    let o = run_limited(&db, &["import", "/dev/zero", "--dry-run", "--json"]);
    assert_refused(&o, "IMPORT_FAILED", Path::new("/dev/zero"));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report[0]["failure"]["code"], "FILE_ERROR", "{report}");
    // Refused for what it is, not after reading until memory ran out.
    assert!(report[0]["failure"]["message_en"].as_str().unwrap().contains("not a regular file"), "{report}");
    let o = run_limited(&db, &["catalog", "import", "/dev/zero"]);
    assert_refused(&o, "FILE_ERROR", Path::new("/dev/zero"));
}
