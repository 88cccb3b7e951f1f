//! Benchmark: derive the requirements of 1,000 objects against the shipped catalogue.
//!
//! Run: `cargo bench -p infoklass-core --bench derive_requirements`
//! One thread; prints the median and slowest of 30 rounds. Target: under 100 ms for all 1,000.

use std::hint::black_box;
use std::time::{Duration, Instant};

use infoklass_core::requirements::{derive_requirements, Catalog};
use infoklass_core::{Lagrum, Levels, PerAspect};

fn main() {
    let catalog = Catalog::default_catalog();
    let lagrum_catalog = infoklass_core::lagrum::LagrumCatalog::default_catalog();
    let objects: Vec<(Levels, Vec<Lagrum>)> = (0..1_000usize)
        .map(|i| {
            let l = |n: usize| Some((n % 4) as u8);
            let levels = PerAspect { k: l(i), r: l(i / 4), t: l(i / 16), s: l(i / 64) };
            let keys = ["osl_annan", "gdpr_sarskilda", "patientdatalagen", "samhallsviktig"];
            let ticked: Vec<Lagrum> = keys
                .iter()
                .enumerate()
                .filter(|(n, _)| (i + n).is_multiple_of(3))
                .map(|(_, k)| Lagrum::new(k))
                .collect();
            let lagrum = lagrum_catalog.expand(&ticked);
            (levels, lagrum)
        })
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut total_items = 0;
    for _ in 0..30 {
        let t = Instant::now();
        total_items = 0;
        for (levels, lagrum) in &objects {
            let d = derive_requirements(black_box(&catalog), black_box(levels), black_box(lagrum), 4);
            total_items += d.items.len();
        }
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "derive 1,000 objects × {} requirements: {:.2} ms median, {:.2} ms slowest ({} derived requirements, {:.1} per object)",
        catalog.requirements.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        total_items,
        total_items as f64 / 1000.0
    );
}
