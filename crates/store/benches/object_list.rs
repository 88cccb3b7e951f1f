//! Benchmark: the object list with 5,000 objects (seeding, listing, searching, opening one), and
//! the coordinator's overview (with its requirement and risk figures) and review queue over them.
//!
//! Run: `cargo bench -p infoklass-store --bench object_list`
//! `-- --keep PATH` keeps the seeded database (used by the UI start-up benchmark).
//! Prints the median and the slowest of repeated runs; figures go to docs/BENCHMARKS.md.

use std::time::{Duration, Instant};

use infoklass_core::{ClassificationContent, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_store::{Ctx, NewObject, ObjectFilter, Store};

const OBJECTS: usize = 5_000;
const UNITS: [&str; 8] = [
    "Hälso- och sjukvård",
    "Ekonomi",
    "HR",
    "IT-avdelningen",
    "Utbildning",
    "Socialtjänst",
    "Kultur",
    "Samhällsbyggnad",
];
const WORDS: [&str; 10] =
    ["journal", "lön", "faktura", "elev", "bygglov", "ärende", "schema", "avtal", "vård", "bibliotek"];

fn object(i: usize) -> NewObject {
    let level = |n: usize| Some((n % 4) as u8);
    let sets = (0..3)
        .map(|s| InformationSet {
            name: format!("Informationsmängd {s}"),
            levels: PerAspect { k: level(i + s), r: level(i / 3 + s), t: level(i / 7), s: level(i / 11 + s) },
            motivations: PerAspect::from_fn(|a| format!("Motivering {}", a.code())),
            ..Default::default()
        })
        .collect();
    let kinds = [ObjectKind::System, ObjectKind::Process, ObjectKind::Tjanst, ObjectKind::Informationsmangd];
    NewObject {
        meta: ObjectMeta {
            name: format!("{} {} {i:05}", WORDS[i % WORDS.len()], WORDS[(i / 10) % WORDS.len()]),
            kind: kinds[i % 4],
            unit: UNITS[i % UNITS.len()].into(),
            information_owner: format!("Chef {}", i % 50),
            next_review: Some(format!("20{:02}-06-30", 25 + i % 4)),
            tags: vec![WORDS[(i / 100) % WORDS.len()].into()],
            ..Default::default()
        },
        content: ClassificationContent { sets, ..Default::default() },
    }
}

fn measure(label: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut rows = 0;
    for _ in 0..runs {
        let t = Instant::now();
        rows = f();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{label:<44} {:>9.2} ms median {:>9.2} ms max  ({rows} rows)", ms(times[runs / 2]), ms(times[runs - 1]));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let keep = args.iter().position(|a| a == "--keep").and_then(|i| args.get(i + 1)).cloned();
    let dir = tempfile::tempdir().unwrap();
    let path = keep.map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.sqlite"));
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).unwrap();
    let ctx = Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };

    let t = Instant::now();
    for i in 0..OBJECTS {
        store.create_object(&ctx, &object(i)).unwrap();
    }
    let seeded = t.elapsed();
    println!(
        "seed {OBJECTS} objects (one transaction each)      {:>9.0} ms total, {:.2} ms per object",
        seeded.as_secs_f64() * 1000.0,
        seeded.as_secs_f64() * 1000.0 / OBJECTS as f64
    );

    let list = |f: ObjectFilter| store.list_objects(&f, &ctx.today).unwrap().items.len();
    measure("list all (no filter)", 30, || list(ObjectFilter::default()));
    measure("search \"vård\"", 30, || list(ObjectFilter { search: Some("vård".into()), ..Default::default() }));
    measure("search \"journal 00042\" (two words)", 30, || {
        list(ObjectFilter { search: Some("journal 00042".into()), ..Default::default() })
    });
    measure("filter unit + overdue", 30, || {
        list(ObjectFilter { unit: Some("Ekonomi".into()), review_overdue: true, ..Default::default() })
    });
    let id = store.list_objects(&ObjectFilter::default(), &ctx.today).unwrap().items[2500].id.clone();
    measure("open one object (get_object)", 100, || {
        store.get_object(&id, &ctx.today).unwrap().current.content.sets.len()
    });
    measure("derived requirements of one object", 100, || store.requirements(&id).unwrap().items.len());
    let fifty: Vec<String> = store
        .list_objects(&ObjectFilter::default(), &ctx.today)
        .unwrap()
        .items
        .iter()
        .take(50)
        .map(|o| o.id.clone())
        .collect();
    measure("procurement list over 50 objects", 30, || store.procurement_for(&fifty).unwrap().items.len());
    measure("risk analysis view of one object", 100, || store.risk_analysis(&id).unwrap().threats.len());

    // The coordinator's overview reads approved snapshots too: approve every other object.
    let ids: Vec<String> =
        store.list_objects(&ObjectFilter::default(), &ctx.today).unwrap().items.into_iter().map(|o| o.id).collect();
    for id in ids.iter().step_by(2) {
        store.approve(&ctx, id, "Chef").unwrap();
    }
    measure("overview of 5,000 objects (half approved)", 10, || {
        store.overview(&Default::default(), &ctx.today).unwrap().objects as usize
    });
    measure("overview of one unit", 10, || {
        let filter = infoklass_core::overview::OverviewFilter { unit: Some("Ekonomi".into()), kind: None };
        store.overview(&filter, &ctx.today).unwrap().objects as usize
    });
    measure("review queue, due within 90 days", 30, || store.review_queue(&ctx.today, 90).unwrap().len());
    measure("requirements across 5,000 objects", 10, || {
        store.requirement_overview(&Default::default(), &ctx.today).unwrap().named.len()
    });
    measure("risks across 5,000 objects (no analyses)", 10, || {
        store.risk_overview(&Default::default(), &ctx.today).unwrap().late.len()
    });
    drop(store);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database file: {:.1} MB at {}", size as f64 / 1e6, path.display());
}
