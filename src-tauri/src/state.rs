//! What the commands share: the open store (or why it could not be opened).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use infoklass_store::{env, ErrorBody, Store};

pub struct AppState {
    store: Option<Mutex<Store>>,
    /// Why the database could not be opened; every command answers with it so the UI can
    /// show a Swedish message instead of a blank window.
    pub open_error: Option<ErrorBody>,
    pub db_path: PathBuf,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> AppState {
        match Store::open(&db_path) {
            Ok(store) => AppState { store: Some(Mutex::new(store)), open_error: None, db_path },
            Err(e) => AppState { store: None, open_error: Some(e.to_body()), db_path },
        }
    }

    /// Reads `--db PATH` (or `--db=PATH`) from the command line; else INFOKLASS_DB; else the default.
    pub fn open_from_args(args: impl Iterator<Item = String>) -> AppState {
        let mut args = args.peekable();
        let mut db = None;
        while let Some(arg) = args.next() {
            if arg == "--db" {
                db = args.next().map(PathBuf::from);
            } else if let Some(path) = arg.strip_prefix("--db=") {
                db = Some(PathBuf::from(path));
            }
        }
        AppState::open(env::resolve_db_path(db))
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ErrorBody> {
        match (&self.store, &self.open_error) {
            (Some(store), _) => {
                let mut guard = store.lock().unwrap_or_else(|poisoned| {
                    let guard = poisoned.into_inner();
                    // A command panicked: make sure no transaction of it stays open.
                    guard.reset_after_panic();
                    guard
                });
                store.clear_poison();
                if let Err(e) = guard.check_unchanged() {
                    // Follow a replaced file by opening it again; the UI reloads on DB_CHANGED.
                    if e.code() == "DB_CHANGED" && self.db_path.exists() {
                        if let Ok(fresh) = Store::open(&self.db_path) {
                            *guard = fresh;
                        }
                    }
                    return Err(e.to_body());
                }
                Ok(guard)
            }
            (None, Some(e)) => Err(e.clone()),
            (None, None) => unreachable!("a state has either a store or an error"),
        }
    }
}
