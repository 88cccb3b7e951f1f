//! Two people on one object, each through their own connection to one file (as two app
//! windows or a window and the CLI would be): a save based on an old revision is refused
//! with CONFLICT naming who changed the object and when, and nothing either wrote is lost.

mod common;

use common::{ctx, new_object, on_postgres, reopen, set, temp_store};
use infoklass_core::requirements::{Answer, Assessment};
use infoklass_store::Ctx;

fn as_user(actor: &str, minute: u32) -> Ctx {
    Ctx { actor: actor.into(), now: format!("2026-03-01T10:{minute:02}:00Z"), today: "2026-03-01".into() }
}

#[test]
fn a_save_based_on_an_old_revision_is_refused_and_loses_nothing() {
    let (dir, mut anna) = temp_store();
    let id = anna.create_object(&ctx(), &new_object("Journalsystem", vec![set("Journal", 3, 3, 3, 2)])).unwrap();
    let mut bo = reopen(&dir);

    let seen_by_anna = anna.get_object(&id, "2026-03-01").unwrap();
    let seen_by_bo = bo.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(seen_by_anna.revision, seen_by_bo.revision);

    let mut bos = seen_by_bo.current.content.clone();
    bos.sets[0].motivations.k = "Bos motivering".into();
    bo.save_edit(&as_user("bo", 5), &id, &seen_by_bo.meta, &bos, seen_by_bo.revision).unwrap();

    let mut annas = seen_by_anna.current.content.clone();
    annas.sets[0].motivations.r = "Annas motivering".into();
    let err = anna.save_edit(&as_user("anna", 6), &id, &seen_by_anna.meta, &annas, seen_by_anna.revision).unwrap_err();
    assert_eq!(err.code(), "CONFLICT");
    let body = err.to_body();
    let details = body.details.unwrap();
    assert_eq!((details["by"].as_str(), details["at"].as_str()), (Some("bo"), Some("2026-03-01T10:05:00Z")));
    assert!(body.message.contains("bo changed the object at 2026-03-01T10:05:00Z"), "{}", body.message);

    // Bo's work stands; Anna reloads, applies her change again and saves on the new revision.
    let fresh = anna.get_object(&id, "2026-03-01").unwrap();
    assert_eq!(fresh.current.content.sets[0].motivations.k, "Bos motivering");
    assert_eq!(fresh.revision, details["revision"].as_i64().unwrap());
    let mut again = fresh.current.content.clone();
    again.sets[0].motivations.r = "Annas motivering".into();
    anna.save_edit(&as_user("anna", 7), &id, &fresh.meta, &again, fresh.revision).unwrap();
    let both = bo.get_object(&id, "2026-03-01").unwrap().current.content.sets[0].motivations.clone();
    assert_eq!((both.k.as_str(), both.r.as_str()), ("Bos motivering", "Annas motivering"));
}

#[test]
fn only_changes_to_the_facts_and_the_draft_move_the_revision() {
    let (_dir, mut store) = temp_store();
    let id = store.create_object(&ctx(), &new_object("Kassa", vec![set("Kassa", 2, 2, 2, 2)])).unwrap();
    let before = store.get_object(&id, "2026-03-01").unwrap();
    // Saving what is already there writes nothing and moves nothing.
    store.save_edit(&ctx(), &id, &before.meta, &before.current.content, before.revision).unwrap();
    // Someone answering a requirement does not make the owner's open wizard stale.
    let key = store.requirements(&id).unwrap().items[0].key.clone();
    let answer = Assessment { key, answer: Answer::Uppfyllt, comment: String::new(), evidence: String::new() };
    store.save_assessment(&ctx(), &id, &answer).unwrap();
    assert_eq!(store.get_object(&id, "2026-03-01").unwrap().revision, before.revision);

    let mut meta = before.meta.clone();
    meta.unit = "Kundtjänst".into();
    store.update_object(&ctx(), &id, &meta).unwrap();
    assert!(store.get_object(&id, "2026-03-01").unwrap().revision > before.revision);
    let stale = store.save_edit(&ctx(), &id, &before.meta, &before.current.content, before.revision);
    assert_eq!(stale.unwrap_err().code(), "CONFLICT");
    assert_eq!(store.get_object(&id, "2026-03-01").unwrap().meta.unit, "Kundtjänst");
}

#[test]
fn parallel_writers_on_one_file_each_either_apply_or_get_a_code_and_the_file_stays_whole() {
    let (dir, mut first) = temp_store();
    let id = first.create_object(&ctx(), &new_object("Lab", vec![set("Prover", 2, 3, 2, 2)])).unwrap();
    let results: Vec<(u32, u32)> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (dir, id) = (&dir, id.clone());
                scope.spawn(move || {
                    let mut store = reopen(dir);
                    let (mut applied, mut refused) = (0, 0);
                    for n in 0..15 {
                        let seen = store.get_object(&id, "2026-03-01").unwrap();
                        let mut content = seen.current.content.clone();
                        content.sets[0].motivations.t = format!("skribent {w} ändring {n}");
                        match store.save_edit(&as_user(&format!("s{w}"), n), &id, &seen.meta, &content, seen.revision) {
                            Ok(()) => applied += 1,
                            Err(e) => {
                                assert!(["CONFLICT", "DB_BUSY"].contains(&e.code().as_str()), "unexpected {e}");
                                refused += 1;
                            }
                        }
                    }
                    (applied, refused)
                })
            })
            .collect();
        writers.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let applied: u32 = results.iter().map(|r| r.0).sum();
    assert_eq!(results.iter().map(|r| r.0 + r.1).sum::<u32>(), 60);
    assert!(applied >= 1);
    let saves: u32 = first
        .connection()
        .query_row("SELECT count(*) FROM audit WHERE action = 'save_draft' AND object_id = ?1", [&id], |r| r.get(0))
        .unwrap();
    assert_eq!(saves, applied, "every applied save is in the history, and nothing else");
    if !on_postgres() {
        let check: String = first.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }
    let last: String = first
        .connection()
        .query_row("SELECT new FROM audit WHERE action = 'save_draft' ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let last: serde_json::Value = serde_json::from_str(&last).unwrap();
    let last = last["sets"][0]["motivations"]["T"].as_str().unwrap().to_string();
    let now = first.get_object(&id, "2026-03-01").unwrap().current.content.sets[0].motivations.t.clone();
    assert_eq!(now, last, "the stored draft is the last applied save");
}

#[test]
fn the_data_version_moves_when_another_connection_commits_and_not_for_own_writes() {
    let (dir, mut app) = temp_store();
    let mut other = reopen(&dir);
    let v0 = app.data_version().unwrap();
    app.create_object(&ctx(), &new_object("Eget", vec![set("Data", 1, 1, 1, 1)])).unwrap();
    assert_eq!(app.data_version().unwrap(), v0, "own writes are already on screen");
    other.create_object(&ctx(), &new_object("Annans", vec![set("Data", 1, 1, 1, 1)])).unwrap();
    let v1 = app.data_version().unwrap();
    assert_ne!(v1, v0);
    assert_eq!(app.data_version().unwrap(), v1, "no change, no movement");
}
