//! Benchmark: read a large legacy workbook (3,000 information sets, 500 risks, 100
//! requirements) with `read_file`, against calamine merely reading every cell of it.
//!
//! Run: `cargo bench -p infoklass-isak --features sample --bench import`
//! One thread; prints the median of 10 rounds each and the ratio. Target: under 1 s.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use calamine::{open_workbook_auto, Data, Reader};
use infoklass_isak::sample::write_large_workbook;
use infoklass_isak::{read_file, ImportProfile, Limits};

const SETS: u32 = 3_000;
const RISKS: u32 = 500;
const REQUIREMENTS: u32 = 100;

/// Calamine alone: open the workbook and touch every cell of every sheet.
fn calamine_all_cells(path: &Path) -> usize {
    let mut wb = open_workbook_auto(path).unwrap();
    let mut filled = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        filled += range.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count();
    }
    filled
}

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor-isak.xlsx");
    write_large_workbook(&path, SETS, RISKS, REQUIREMENTS);
    let size = std::fs::metadata(&path).unwrap().len();

    let (profile, limits) = (ImportProfile::default(), Limits::default());
    let parsed = read_file(&path, &profile, &limits).unwrap();
    assert_eq!(parsed.sets.len(), SETS as usize);
    assert_eq!(parsed.risks.len(), RISKS as usize);
    assert_eq!(parsed.legacy_requirements.len(), REQUIREMENTS as usize);
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    let cells = calamine_all_cells(&path);

    let ours = median(|| {
        black_box(read_file(black_box(&path), &profile, &limits).unwrap());
    });
    let bare = median(|| {
        black_box(calamine_all_cells(black_box(&path)));
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "ISAK workbook, {SETS} sets + {RISKS} risks + {REQUIREMENTS} requirements ({cells} cells, {} KB): \
         read_file {:.1} ms median, calamine reading all cells {:.1} ms median, ratio {:.2}×",
        size / 1024,
        ms(ours),
        ms(bare),
        ms(ours) / ms(bare)
    );
}
