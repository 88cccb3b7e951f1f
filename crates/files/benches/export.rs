//! Benchmark: export 1,000 objects (two information sets and five answers each) to one
//! portfolio workbook, side by side with writing the same cells with bare rust_xlsxwriter;
//! and one object's workbook.
//!
//! Run: `cargo bench -p infoklass-files --bench export`
//! With `INFOKLASS_BIN=path/to/release/infoklass` it also times the whole CLI process
//! (`infoklass export <1,000 ids> --out FILE`), each run next to a bare write so both see the
//! same load, and prints the ratio. `-- --keep PATH` keeps the generated database (for
//! profiling the process by hand). Prints medians; figures go to docs/BENCHMARKS.md.

use infoklass_core::labels::Lang;
use std::io::Cursor;
use std::process::Command;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx};
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_files::workbook::{
    gather, object_workbook, portfolio_of, portfolio_workbook, ExportStamp, PORTFOLIO_ZIP_LEVEL,
};
use infoklass_store::{Ctx, NewObject, Store};

const OBJECTS: usize = 1_000;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "median (fastest–slowest)" in milliseconds.
fn spread(runs: &[Duration]) -> String {
    let mut sorted = runs.to_vec();
    sorted.sort();
    format!("{:.1} ms median ({:.1}–{:.1})", ms(sorted[sorted.len() / 2]), ms(sorted[0]), ms(sorted[sorted.len() - 1]))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let args: Vec<String> = std::env::args().collect();
    let keep = args.iter().position(|a| a == "--keep").and_then(|i| args.get(i + 1)).cloned();
    let db = keep.map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.sqlite"));
    let mut store = Store::open(&db).unwrap();
    let ctx = Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    let mut ids = Vec::with_capacity(OBJECTS);
    for i in 0..OBJECTS {
        let sets = (0..2)
            .map(|s| InformationSet {
                name: format!("Mängd {s}"),
                levels: PerAspect {
                    k: Some(((i + s) % 4) as u8),
                    r: Some(((i / 3) % 4) as u8),
                    t: Some(1),
                    s: Some(2),
                },
                motivations: PerAspect::from_fn(|a| format!("Motivering {} för objekt {i}", a.code())),
                ..Default::default()
            })
            .collect();
        let meta = ObjectMeta {
            name: format!("Objekt {i:04}"),
            unit: format!("Förvaltning {}", i % 12),
            ..Default::default()
        };
        let id = store
            .create_object(&ctx, &NewObject { meta, content: ClassificationContent { sets, ..Default::default() } })
            .unwrap();
        let keys: Vec<String> = store.requirements(&id).unwrap().items.iter().take(5).map(|r| r.key.clone()).collect();
        for key in keys {
            store
                .save_assessment(
                    &ctx,
                    &id,
                    &Assessment { key, answer: Answer::Uppfyllt, comment: String::new(), evidence: String::new() },
                )
                .unwrap();
        }
        ids.push(id);
    }
    let stamp = ExportStamp { app_version: "bench".into(), exported_at: ctx.now.clone() };

    let (mut per_object, mut set_based, mut written) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let old: Vec<_> = ids.iter().map(|id| portfolio_of(&gather(&store, id, &ctx.today).unwrap())).collect();
        per_object.push(t.elapsed());
        let t = Instant::now();
        let data = store.portfolio_with_overview(&ids, &ctx.today).unwrap();
        set_based.push(t.elapsed());
        assert_eq!(old, data.objects, "both ways of reading give the same portfolio");
        let t = Instant::now();
        bytes = portfolio_workbook(&data, &stamp, Lang::Sv).unwrap();
        written.push(t.elapsed());
    }
    let sheets = read_back(&bytes);
    let cells: usize = sheets.iter().map(|(_, r)| r.used_cells().count()).sum();
    let bare: Vec<Duration> = (0..5).map(|_| bare_write(&sheets)).collect();
    println!("portfolio of {OBJECTS} objects: {cells} cells, {:.2} MB", bytes.len() as f64 / 1e6);
    println!("read per object (get_object, requirements, …)   {:>8.1} ms median", ms(median(per_object)));
    println!("read set-based, with the overview              {:>8.1} ms median", ms(median(set_based)));
    println!("write the portfolio workbook                    {:>8.1} ms median", ms(median(written)));
    println!("bare rust_xlsxwriter, the same cells            {:>8.1} ms median", ms(median(bare)));
    let level = Some(PORTFOLIO_ZIP_LEVEL);
    let bare_at: Vec<Duration> = (0..5).map(|_| bare_write_at(&sheets, level)).collect();
    println!(
        "the same at the export's zip level {PORTFOLIO_ZIP_LEVEL}            {:>8.1} ms median",
        ms(median(bare_at))
    );

    if let Ok(bin) = std::env::var("INFOKLASS_BIN") {
        let out = dir.path().join("portfolio.xlsx");
        // Each process run sits between two bare writes, so a burst of load elsewhere on the
        // machine lands on both sides of the ratio.
        let (mut whole, mut bare, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..11 {
            let before = bare_write(&sheets);
            let t = Instant::now();
            let done = Command::new(&bin)
                .arg("--db")
                .arg(&db)
                .arg("export")
                .args(&ids)
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap();
            let process = t.elapsed();
            assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
            let floor = (before + bare_write(&sheets)) / 2;
            ratios.push(process.as_secs_f64() / floor.as_secs_f64());
            whole.push(process);
            bare.push(floor);
        }
        ratios.sort_by(f64::total_cmp);
        println!("bare write beside each process run              {}", spread(&bare));
        println!("whole `infoklass export` process                {}", spread(&whole));
        println!(
            "ratio process ÷ bare write, per run             {:.2} × median ({:.2}–{:.2}); target < 3 ×",
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1]
        );
    }

    let mut one = Vec::new();
    let mut size = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let data = gather(&store, &ids[500], &ctx.today).unwrap();
        let bytes = object_workbook(&data, &stamp, Lang::Sv).unwrap();
        one.push(t.elapsed());
        size = bytes.len();
    }
    println!(
        "one object's workbook (read + write)            {:>8.1} ms median ({:.0} kB)",
        ms(median(one)),
        size as f64 / 1e3
    );
}

/// Every sheet of the workbook with its cells, for the bare write.
fn read_back(bytes: &[u8]) -> Vec<(String, calamine::Range<Data>)> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    wb.sheet_names().into_iter().map(|n| (n.clone(), wb.worksheet_range(&n).unwrap())).collect()
}

/// Writes the same cells again with rust_xlsxwriter's defaults and no formats, dropdowns or
/// filters: the floor for writing this much, as the issue measures it.
fn bare_write(sheets: &[(String, calamine::Range<Data>)]) -> Duration {
    bare_write_at(sheets, None)
}

/// The bare write with the zip compression `level` (None: rust_xlsxwriter's default, 6).
fn bare_write_at(sheets: &[(String, calamine::Range<Data>)], level: Option<u8>) -> Duration {
    let t = Instant::now();
    let mut out = rust_xlsxwriter::Workbook::new();
    if let Some(level) = level {
        out.set_zip_compression_level(level);
    }
    for (name, range) in sheets {
        let ws = out.add_worksheet();
        ws.set_name(name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let (row, col) = (r0 + r as u32, (c0 as usize + c) as u16);
            match v {
                Data::Float(f) => ws.write_number(row, col, *f),
                Data::Int(i) => ws.write_number(row, col, *i as f64),
                other => ws.write_string(row, col, other.to_string()),
            }
            .unwrap();
        }
    }
    std::hint::black_box(out.save_to_buffer().unwrap());
    t.elapsed()
}
