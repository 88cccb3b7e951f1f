//! What the store benchmarks share: a generated organisation and a timer.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use infoklass_core::{ClassificationContent, InformationSet, ObjectKind, ObjectMeta, PerAspect};
use infoklass_store::{Ctx, NewObject, Store};

pub const OBJECTS: usize = 5_000;
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

pub fn object(i: usize) -> NewObject {
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

pub fn measure(label: &str, runs: usize, mut f: impl FnMut() -> usize) {
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

pub fn bench_ctx() -> Ctx {
    Ctx { actor: "bench".into(), now: "2026-11-01T08:00:00Z".into(), today: "2026-11-01".into() }
}

/// Where a benchmark runs: `--backend postgres` on a throw-away PostgreSQL server (Debian's
/// package), else an SQLite file in `dir`. Returns a way to open more connections.
pub enum Backend {
    Sqlite(std::path::PathBuf),
    Postgres(&'static infoklass_pg_test_cluster::Cluster, String),
}

impl Backend {
    pub fn from_args(args: &[String], file: std::path::PathBuf) -> Backend {
        let on_pg = args.windows(2).any(|w| w[0] == "--backend" && w[1] == "postgres");
        if !on_pg {
            let _ = std::fs::remove_file(&file);
            return Backend::Sqlite(file);
        }
        let cluster = infoklass_pg_test_cluster::shared().expect("--backend postgres needs PostgreSQL installed");
        let name = format!("bench{}", std::process::id());
        cluster.create_database(&name);
        let mut admin = cluster.admin(&name);
        infoklass_pg::schema::init(&mut admin).unwrap();
        Backend::Postgres(cluster, name)
    }

    pub fn open(&self) -> Store {
        match self {
            Backend::Sqlite(path) => Store::open(path).unwrap(),
            Backend::Postgres(cluster, name) => Store::open_postgres(cluster.admin(name)).unwrap(),
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Backend::Sqlite(_) => "SQLite file",
            Backend::Postgres(..) => "PostgreSQL (local server)",
        }
    }
}

/// Creates `n` generated objects, one transaction each; prints how long it took.
pub fn seed(store: &mut Store, n: usize) {
    let ctx = bench_ctx();
    let t = Instant::now();
    for i in 0..n {
        store.create_object(&ctx, &object(i)).unwrap();
    }
    let seeded = t.elapsed();
    println!(
        "seed {n} objects (one transaction each)      {:>9.0} ms total, {:.2} ms per object",
        seeded.as_secs_f64() * 1000.0,
        seeded.as_secs_f64() * 1000.0 / n as f64
    );
}
