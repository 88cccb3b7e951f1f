//! Benchmark: the object list with 5,000 objects (seeding, listing, searching, opening one), and
//! the coordinator's overview (with its requirement and risk figures) and review queue over them.
//!
//! Run: `cargo bench -p infoklass-store --bench object_list [-- --backend postgres]`
//! `-- --keep PATH` keeps the seeded database (used by the UI start-up benchmark).
//! Prints the median and the slowest of repeated runs; figures go to docs/BENCHMARKS.md.

mod common;

use common::{bench_ctx, measure, seed, Backend, OBJECTS};
use infoklass_store::ObjectFilter;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let keep = args.iter().position(|a| a == "--keep").and_then(|i| args.get(i + 1)).cloned();
    let dir = tempfile::tempdir().unwrap();
    let path = keep.map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.sqlite"));
    let backend = Backend::from_args(&args, path.clone());
    println!("backend: {}", backend.label());
    let mut store = backend.open();
    let ctx = bench_ctx();
    seed(&mut store, OBJECTS);

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
    if let Backend::Postgres(..) = backend {
        return;
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database file: {:.1} MB at {}", size as f64 / 1e6, path.display());
}
