//! Benchmark: a Klassningsbeslut of one object, its Riskanalys, and a Lägesrapport over 1,000
//! objects (half approved), made from a real store. Gathering and typesetting are timed apart.
//!
//! Run: `cargo bench -p infoklass-reports --bench reports` (release). Prints the median and the
//! slowest of repeated runs; figures go to docs/BENCHMARKS.md.

use std::time::{Duration, Instant};

use infoklass_core::labels::Lang;
use infoklass_core::{ClassificationContent, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_reports::{object_data, overview_data, render, risk_data, ReportKind};
use infoklass_store::{Ctx, NewObject, ObjectFilter, Store};

const OBJECTS: usize = 1_000;
const UNITS: [&str; 6] = ["Hälso- och sjukvård", "Ekonomi", "Socialtjänst", "Utbildning", "Kultur", "Samhällsbyggnad"];

fn object(i: usize) -> NewObject {
    let level = |n: usize| Some((n % 4) as u8);
    let sets = (0..3)
        .map(|s| InformationSet {
            name: format!("Informationsmängd {s} för ärenden"),
            levels: PerAspect { k: level(i + s), r: level(i / 3 + s), t: level(i / 7), s: level(i / 11 + s) },
            motivations: PerAspect::from_fn(|a| format!("Motivering för {} med å, ä och ö", a.code())),
            ..Default::default()
        })
        .collect();
    NewObject {
        meta: ObjectMeta {
            name: format!("Verksamhetssystem {i:04}"),
            kind: ObjectKind::System,
            unit: UNITS[i % UNITS.len()].into(),
            information_owner: format!("Förvaltningschef {}", i % 40),
            next_review: Some(format!("20{:02}-06-30", 25 + i % 4)),
            ..Default::default()
        },
        content: ClassificationContent { sets, ..Default::default() },
    }
}

fn measure(label: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = f();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{label:<46} {:>9.1} ms median {:>9.1} ms max  ({size} bytes)", ms(times[runs / 2]), ms(times[runs - 1]));
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite")).unwrap();
    let ctx = Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    for i in 0..OBJECTS {
        store.create_object(&ctx, &object(i)).unwrap();
    }
    let ids: Vec<String> =
        store.list_objects(&ObjectFilter::default(), &ctx.today).unwrap().items.into_iter().map(|o| o.id).collect();
    for id in ids.iter().step_by(2) {
        store.approve(&ctx, id, "Förvaltningschef").unwrap();
    }
    let id = ids[0].clone();
    let now = infoklass_reports::clock(&ctx.now);

    // The first report also parses the embedded fonts once; it is shown on its own.
    let t = Instant::now();
    let data = object_data(&store, &id, &ctx.today).unwrap();
    let first = render(ReportKind::Object, None, Lang::Sv, &data, now).unwrap();
    println!(
        "first report (fonts parsed)                    {:>9.1} ms  ({} bytes)",
        t.elapsed().as_secs_f64() * 1e3,
        first.len()
    );

    measure("Klassningsbeslut: gather", 30, || object_data(&store, &id, &ctx.today).unwrap().to_string().len());
    measure("Klassningsbeslut: gather + typeset", 30, || {
        let data = object_data(&store, &id, &ctx.today).unwrap();
        render(ReportKind::Object, None, Lang::Sv, &data, now).unwrap().len()
    });
    measure("Riskanalys: gather + typeset", 30, || {
        let data = risk_data(&store, &id, &ctx.today).unwrap();
        render(ReportKind::Risk, None, Lang::Sv, &data, now).unwrap().len()
    });
    measure("Lägesrapport, 1,000 objects: gather", 5, || {
        overview_data(&store, None, &ctx.today).unwrap().to_string().len()
    });
    measure("Lägesrapport, 1,000 objects: gather + typeset", 5, || {
        let data = overview_data(&store, None, &ctx.today).unwrap();
        render(ReportKind::Overview, None, Lang::Sv, &data, now).unwrap().len()
    });
}
