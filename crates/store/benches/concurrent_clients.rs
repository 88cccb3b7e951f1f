//! Benchmark: N clients on one database at once, each with its own connection, doing what a
//! working day looks like (list objects, open one, save a draft, answer a requirement) for a
//! fixed time. Prints throughput, p50/p95 latency per kind, and checks that no update was lost:
//! every save the store reported as applied is in the history, and nothing else is.
//!
//! Run: `cargo bench -p infoklass-store --bench concurrent_clients -- [--backend postgres]
//!       [--clients 20] [--seconds 60] [--objects 1000]`
//! Figures go to docs/BENCHMARKS.md.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{bench_ctx, seed, Backend};
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_store::{Ctx, ObjectFilter};

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.windows(2).find(|w| w[0] == name).and_then(|w| w[1].parse().ok()).unwrap_or(default)
}

#[derive(Default)]
struct Tally {
    latencies: [Vec<Duration>; 4],
    saves: u64,
    conflicts: u64,
    answers: u64,
    busy: u64,
}

const KINDS: [&str; 4] = ["list", "open", "save draft", "answer"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (clients, seconds, objects) =
        (arg(&args, "--clients", 20), arg(&args, "--seconds", 60), arg(&args, "--objects", 1000) as usize);
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::from_args(&args, dir.path().join("clients.sqlite"));
    println!("backend: {}, {clients} clients for {seconds} s over {objects} objects", backend.label());
    let ids: Vec<String> = {
        let mut store = backend.open();
        seed(&mut store, objects);
        store.list_objects(&ObjectFilter::default(), "2026-11-01").unwrap().items.into_iter().map(|o| o.id).collect()
    };
    let stop = AtomicBool::new(false);
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|c| {
                let (backend, ids, stop) = (&backend, &ids, &stop);
                scope.spawn(move || client(c, backend, ids, stop))
            })
            .collect();
        std::thread::sleep(Duration::from_secs(seconds));
        stop.store(true, Ordering::Relaxed);
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });

    let mut all = Tally::default();
    for t in tallies {
        for (k, l) in t.latencies.into_iter().enumerate() {
            all.latencies[k].extend(l);
        }
        all.saves += t.saves;
        all.conflicts += t.conflicts;
        all.answers += t.answers;
        all.busy += t.busy;
    }
    let total: usize = all.latencies.iter().map(Vec::len).sum();
    println!("operations: {total} in {seconds} s = {:.0} per second", total as f64 / seconds as f64);
    for (k, l) in all.latencies.iter_mut().enumerate() {
        l.sort();
        let at = |q: f64| l.get(((l.len() as f64 * q) as usize).min(l.len().saturating_sub(1))).copied();
        let ms = |d: Option<Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        println!("{:<11} {:>7} ops  p50 {:>7.2} ms  p95 {:>7.2} ms", KINDS[k], l.len(), ms(at(0.5)), ms(at(0.95)));
    }
    println!(
        "saves applied {}, refused as conflicts {}, answers {}, refused as busy {}",
        all.saves, all.conflicts, all.answers, all.busy
    );
    let store = backend.open();
    let in_history: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM audit WHERE action = 'save_draft'", [], |r| r.get(0))
        .unwrap();
    let lost = all.saves as i64 - in_history;
    println!("lost updates: {lost} (applied saves {} vs. history {in_history})", all.saves);
    assert_eq!(lost, 0, "every applied save is in the history and nothing else");
}

fn client(c: u64, backend: &Backend, ids: &[String], stop: &AtomicBool) -> Tally {
    let mut store = backend.open();
    let mut tally = Tally::default();
    let mut n: u64 = c * 7919;
    while !stop.load(Ordering::Relaxed) {
        n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let id = &ids[(n >> 33) as usize % ids.len()];
        let kind = match (n >> 20) % 10 {
            0..=3 => 0,
            4..=6 => 1,
            7..=8 => 2,
            _ => 3,
        };
        let ctx = Ctx { actor: format!("klient{c}"), ..bench_ctx() };
        let t = Instant::now();
        match kind {
            0 => {
                store.list_objects(&ObjectFilter::default(), &ctx.today).unwrap();
            }
            1 => {
                store.get_object(id, &ctx.today).unwrap();
            }
            2 => {
                let seen = store.get_object(id, &ctx.today).unwrap();
                let mut content = seen.current.content.clone();
                content.sets[0].description = format!("ändrad av klient {c} ({n})");
                match store.save_edit(&ctx, id, &seen.meta, &content, seen.revision) {
                    Ok(()) => tally.saves += 1,
                    Err(e) if e.code() == "CONFLICT" => tally.conflicts += 1,
                    Err(e) if e.code() == "DB_BUSY" => tally.busy += 1,
                    Err(e) => panic!("unexpected {e}"),
                }
            }
            _ => {
                let key = store.requirements(id).unwrap().items.first().map(|r| r.key.clone());
                if let Some(key) = key {
                    let answer =
                        Assessment { key, answer: Answer::Uppfyllt, comment: String::new(), evidence: String::new() };
                    match store.save_assessment(&ctx, id, &answer) {
                        Ok(_) => tally.answers += 1,
                        Err(e) if e.code() == "DB_BUSY" => tally.busy += 1,
                        Err(e) => panic!("unexpected {e}"),
                    }
                }
            }
        }
        tally.latencies[kind].push(t.elapsed());
    }
    tally
}
