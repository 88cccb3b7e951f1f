//! Benchmark: export 1,000 objects (two information sets and five answers each) to one
//! portfolio workbook, side by side with writing the same cells with bare rust_xlsxwriter;
//! and one object's workbook.
//!
//! Run: `cargo bench -p infoklass-files --bench export`
//! With `INFOKLASS_BIN=path/to/release/infoklass` it also times the whole CLI process
//! (`infoklass export <1,000 ids> --out FILE`). Prints medians; figures go to docs/BENCHMARKS.md.

use infoklass_core::labels::Lang;
use std::io::Cursor;
use std::process::Command;
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx};
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_core::{ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_files::workbook::{gather, object_workbook, portfolio_of, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, Store};

const OBJECTS: usize = 1_000;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.sqlite");
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
    let (cells, bare) = bare_write(&bytes);
    println!("portfolio of {OBJECTS} objects: {cells} cells, {:.2} MB", bytes.len() as f64 / 1e6);
    println!("read per object (get_object, requirements, …)   {:>8.1} ms median", ms(median(per_object)));
    println!("read set-based, with the overview              {:>8.1} ms median", ms(median(set_based)));
    println!("write the portfolio workbook                    {:>8.1} ms median", ms(median(written)));
    let bare = median(bare);
    println!("bare rust_xlsxwriter, the same cells            {:>8.1} ms median", ms(bare));

    if let Ok(bin) = std::env::var("INFOKLASS_BIN") {
        let out = dir.path().join("portfolio.xlsx");
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
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
                assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
                t.elapsed()
            })
            .collect();
        let whole = median(runs);
        println!(
            "whole `infoklass export` process                {:>8.1} ms median ({:.1} × the bare write)",
            ms(whole),
            ms(whole) / ms(bare)
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

/// Reads every cell of the workbook back and times writing them again with rust_xlsxwriter
/// and no formats, dropdowns or filters: the floor for writing this much.
fn bare_write(bytes: &[u8]) -> (usize, Vec<Duration>) {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let sheets: Vec<(String, calamine::Range<Data>)> =
        wb.sheet_names().into_iter().map(|n| (n.clone(), wb.worksheet_range(&n).unwrap())).collect();
    let cells = sheets.iter().map(|(_, r)| r.used_cells().count()).sum();
    let runs = (0..5)
        .map(|_| {
            let t = Instant::now();
            let mut out = rust_xlsxwriter::Workbook::new();
            for (name, range) in &sheets {
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
        })
        .collect();
    (cells, runs)
}
