//! Benchmark: import a generated ISAK workbook of 3,000 information sets, 500 risks and 100
//! requirements into an empty database: the preview (parse, map, plan) and the whole
//! import (the same plus every write in one transaction). Prints medians and the peak memory.
//!
//! Run: `cargo bench -p infoklass-files --bench import`

use std::time::{Duration, Instant};

use infoklass_files::import;
use infoklass_isak::sample::write_large_workbook;
use infoklass_store::{Ctx, Store};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stort.xlsx");
    write_large_workbook(&path, 3_000, 500, 100);
    let bytes = std::fs::read(&path).unwrap();
    let ctx = Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };

    let store = Store::open(&dir.path().join("preview.sqlite")).unwrap();
    let mut previews: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let report = import::preview(&store, "stort.xlsx", &bytes, &ctx.today);
            assert!(report.ok, "{:?}", report.failure);
            t.elapsed()
        })
        .collect();
    previews.sort();

    let mut imports = Vec::new();
    let mut risks = 0;
    for round in 0..5 {
        let mut store = Store::open(&dir.path().join(format!("import{round}.sqlite"))).unwrap();
        let t = Instant::now();
        let report = import::import(&mut store, &ctx, "stort.xlsx", &bytes);
        imports.push(t.elapsed());
        assert!(report.applied, "{:?}", report.failure);
        risks = report.legacy.map(|l| l.risks).unwrap_or(0);
    }
    imports.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("preview of the 3,000-set workbook (parse, map, plan)  {:>8.1} ms median", ms(previews[5]));
    println!("import into an empty database ({risks} risks)          {:>8.1} ms median", ms(imports[2]));
    if let Some(peak) = std::fs::read_to_string("/proc/self/status").ok().and_then(|s| {
        s.lines()
            .find(|l| l.starts_with("VmHWM:"))
            .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse::<u64>().unwrap_or(0))
    }) {
        println!("peak resident memory of the benchmark process         {:>8.1} MB", peak as f64 / 1024.0);
    }
}
