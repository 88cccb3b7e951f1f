//! Use cases over many objects derive requirements once per distinct catalogue, profile and
//! lagrum, not once per object: counted with core's per-thread count of derivations.

mod common;

use common::{ctx, new_object, set, temp_store};
use infoklass_core::overview::OverviewFilter;
use infoklass_core::requirements::derive::derivations_on_this_thread;

const TODAY: &str = "2026-03-01";

/// The derivations `f` makes on this thread.
fn derivations<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = derivations_on_this_thread();
    let out = f();
    (out, derivations_on_this_thread() - before)
}

#[test]
fn many_objects_with_few_profiles_are_derived_once_per_profile() {
    let (_dir, mut store) = temp_store();
    // 30 drafts with three profiles (K1, K2 or K3; R2 T1 S2), two sets each.
    let mut ids = Vec::new();
    for i in 0..30u8 {
        let sets = vec![set("Ärenden", 1 + i % 3, 2, 1, 2), set("Loggar", 1, 1, 1, 1)];
        ids.push(store.create_object(&ctx(), &new_object(&format!("System {i:02}"), sets)).unwrap());
    }
    // Two approved objects with the first profile: approved under the active catalogue, a
    // fourth distinct derivation (an approved classification keeps its catalogue version).
    for id in [&ids[0], &ids[3]] {
        store.approve(&ctx(), id, "Ekonomichef").unwrap();
    }

    let (portfolio, n) = derivations(|| store.portfolio_with_overview(&ids, TODAY).unwrap());
    assert_eq!(portfolio.objects.len(), 30);
    assert_eq!(n, 4, "the portfolio derives once per catalogue and profile");

    let (figures, n) = derivations(|| store.requirement_overview(&OverviewFilter::default(), TODAY).unwrap());
    assert_eq!(figures.named.len(), 30);
    assert_eq!(n, 4, "the requirement figures derive once per catalogue and profile");

    let (_, n) = derivations(|| store.overview(&OverviewFilter::default(), TODAY).unwrap());
    assert_eq!(n, 0, "the overview counts from the stored profiles and derives nothing");

    // The count sees per-object work: reading each object's requirements derives for each.
    let (views, n) = derivations(|| ids.iter().map(|id| store.requirements(id).unwrap()).collect::<Vec<_>>());
    assert!(n >= 30, "{n} derivations for 30 objects read one by one");
    let counts: Vec<usize> = views.iter().map(|v| v.items.len()).collect();
    let rows: Vec<usize> = portfolio.objects.iter().map(|o| o.requirements).collect();
    assert_eq!(rows, counts, "the shared derivations give each object its own requirements");
}
