//! Benchmark: export 1,000 objects to one portfolio workbook, and one object's workbook.
//!
//! Run: `cargo bench -p infoklass-excel --bench export`
//! Each object has three information sets, two risks (one with an action) and a few
//! self-assessment answers. Prints medians; figures go to docs/BENCHMARKS.md.

use std::time::{Duration, Instant};

use infoklass_core::requirements::{Answer, Assessment};
use infoklass_core::risk::Risk;
use infoklass_core::{Aspect, ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_excel::workbook::{gather, object_workbook, portfolio_workbook, ExportStamp};
use infoklass_store::{Ctx, NewObject, RiskInput, Store};

const OBJECTS: usize = 1_000;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite")).unwrap();
    let ctx = Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() };
    let mut ids = Vec::with_capacity(OBJECTS);
    for i in 0..OBJECTS {
        let sets = (0..3)
            .map(|s| InformationSet {
                name: format!("Mängd {s}"),
                levels: PerAspect { k: Some(((i + s) % 4) as u8), r: Some(((i / 3) % 4) as u8), t: Some(1), s: Some(2) },
                motivations: PerAspect::from_fn(|a| format!("Motivering {} för objekt {i}", a.code())),
                ..Default::default()
            })
            .collect();
        let meta = ObjectMeta { name: format!("Objekt {i:04}"), unit: format!("Förvaltning {}", i % 12), ..Default::default() };
        let id = store.create_object(&ctx, &NewObject { meta, content: ClassificationContent { sets, ..Default::default() } }).unwrap();
        for (n, p) in [(0u8, 2u8), (1, 3)] {
            let risk = Risk {
                event: format!("Händelse {n}"),
                aspects: vec![Aspect::K],
                probability: p,
                consequence: 4,
                consequence_motivation: "Bedömd i workshop".into(),
                ..Default::default()
            };
            let new_actions = if n == 0 { vec!["Inför flerfaktorsinloggning".to_string()] } else { vec![] };
            store.save_risk(&ctx, &id, &RiskInput { risk, new_actions }).unwrap();
        }
        let keys: Vec<String> = store.requirements(&id).unwrap().items.iter().take(5).map(|r| r.key.clone()).collect();
        for key in keys {
            store.save_assessment(&ctx, &id, &Assessment { key, answer: Answer::Uppfyllt, comment: String::new(), evidence: String::new() }).unwrap();
        }
        ids.push(id);
    }
    let stamp = ExportStamp { app_version: "bench".into(), exported_at: ctx.now.clone() };

    let mut gathered = Duration::ZERO;
    let mut written = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let data: Vec<_> = ids.iter().map(|id| gather(&store, id, &ctx.today).unwrap()).collect();
        gathered = t.elapsed();
        let t = Instant::now();
        let bytes = portfolio_workbook(&data, &stamp).unwrap();
        written.push(t.elapsed());
        size = bytes.len();
    }
    written.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("read {OBJECTS} objects from the store for export   {:>8.0} ms", ms(gathered));
    println!("portfolio workbook of {OBJECTS} objects              {:>8.0} ms median ({:.1} MB)", ms(written[2]), size as f64 / 1e6);

    let mut one = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let data = gather(&store, &ids[500], &ctx.today).unwrap();
        let bytes = object_workbook(&data, &stamp).unwrap();
        one.push(t.elapsed());
        size = bytes.len();
    }
    one.sort();
    println!("one object's workbook (read + write)             {:>8.1} ms median ({:.0} kB)", ms(one[10]), size as f64 / 1e3);
}
