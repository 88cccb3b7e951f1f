//! Benchmark: big inputs, written once each (they used to grow quadratically): a re-import
//! onto an object with 8,000 sets, 3,000 risks from one file, a threat list of 10,000 entries
//! and an object of 10,000 sets (the cap).
//!
//! Run: `cargo bench -p infoklass-store --bench bulk_input`
//! Figures go to docs/BENCHMARKS.md.

use std::time::Instant;

use infoklass_core::risk::{Risk, Threat, ThreatCatalog};
use infoklass_core::{Aspect, ClassificationContent, InformationSet, ObjectMeta, PerAspect};
use infoklass_store::{Ctx, LegacyImport, NewObject, RiskInput, Store};

fn ctx() -> Ctx {
    Ctx { actor: "bench".into(), now: "2026-03-01T10:00:00Z".into(), today: "2026-03-01".into() }
}

fn sets(n: usize, motivation: &str) -> Vec<InformationSet> {
    (0..n)
        .map(|i| InformationSet {
            name: format!("Informationsmängd {i:05}"),
            levels: PerAspect { k: Some((i % 4) as u8), r: Some(1), t: Some(2), s: Some(1) },
            motivations: PerAspect::from_fn(|a| format!("{motivation} {}", a.code())),
            ..Default::default()
        })
        .collect()
}

fn timed(label: &str, f: impl FnOnce() -> usize) {
    let t = Instant::now();
    let n = f();
    println!("{label:<52} {:>9.1} ms  ({n})", t.elapsed().as_secs_f64() * 1000.0);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite")).unwrap();
    let ctx = ctx();
    let meta = ObjectMeta { name: "Stort system".into(), ..Default::default() };

    let first = LegacyImport {
        file_name: "a.xlsx".into(),
        sha256: "a".into(),
        meta: meta.clone(),
        sets: sets(8_000, "Första"),
        ..Default::default()
    };
    timed("ISAK import, new object, 8,000 sets", || store.import_legacy(&ctx, &first).map(|_| 8_000).unwrap());
    let again = LegacyImport { sha256: "b".into(), sets: sets(8_000, "Andra"), ..first.clone() };
    timed("ISAK re-import onto it, 8,000 sets matched by name", || {
        store.import_legacy(&ctx, &again).map(|_| 8_000).unwrap()
    });

    let id = store.find_object("Stort system").unwrap();
    let risks: Vec<RiskInput> = (0..3_000)
        .map(|i| RiskInput {
            risk: Risk {
                threat_key: Some("HOT-01".into()),
                event: format!("Händelse {i}"),
                aspects: vec![Aspect::T],
                probability: 1 + (i % 4) as u8,
                consequence: 3,
                ..Default::default()
            },
            new_actions: Vec::new(),
        })
        .collect();
    timed("3,000 risks in one save_risks call", || store.save_risks(&ctx, &id, &risks).unwrap().len());

    let mut catalog = ThreatCatalog::default_catalog();
    let origin = catalog.origins[0].key.clone();
    catalog.threats = (0..10_000)
        .map(|i| Threat {
            key: format!("EGEN-{i}"),
            origin: origin.clone(),
            name_sv: format!("Hot {i}"),
            name_en: String::new(),
            description_sv: String::new(),
            cause_sv: String::new(),
            consequence_sv: String::new(),
            description_en: String::new(),
            cause_en: String::new(),
            consequence_en: String::new(),
            aspects: vec![Aspect::K],
            retired: false,
        })
        .collect();
    timed("threat list of 10,000 entries, imported", || {
        store.import_threats(&ctx, &catalog, false).unwrap().created.len()
    });

    let big = NewObject {
        meta: ObjectMeta { name: "Tiotusen".into(), ..Default::default() },
        content: ClassificationContent { sets: sets(10_000, "M"), ..Default::default() },
    };
    timed("new object with 10,000 sets (the cap)", || store.create_object(&ctx, &big).map(|_| 10_000).unwrap());
}
