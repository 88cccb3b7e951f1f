//! What the commands share: the open store (or why it could not be opened).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use infoklass_pg::target::{Sources, Target};
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
        match open_store(&db_path) {
            Ok(store) => AppState { store: Some(Mutex::new(store)), open_error: None, db_path },
            Err(e) => AppState { store: None, open_error: Some(e), db_path },
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

    /// What the status bar names: the file, or the organisation database without any
    /// password the URL may hold.
    pub fn location_label(&self) -> String {
        let text = self.db_path.to_string_lossy();
        if !infoklass_pg::is_database_url(&text) {
            return self.db_path.display().to_string();
        }
        Target::parse(&text, &Sources::from_env()).map_or_else(|_| "PostgreSQL".to_string(), |t| t.display())
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
                        if let Ok(fresh) = open_store(&self.db_path) {
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

/// The embedded file, or the organisation database when the location is a `postgresql://`
/// URL: connected as libpq would (the URL, `.pgpass`, the service file; never a password of
/// ours), failing within the URL's `connect_timeout` with a code saying whether the host,
/// the login or TLS failed.
fn open_store(location: &Path) -> Result<Store, ErrorBody> {
    let text = location.to_string_lossy();
    if !infoklass_pg::is_database_url(&text) {
        return Store::open(location).map_err(|e| e.to_body());
    }
    let pg_body = |e: infoklass_pg::PgError| ErrorBody { code: e.code(), message: e.to_string(), details: None };
    let target = Target::parse(&text, &Sources::from_env()).map_err(pg_body)?;
    let client = infoklass_pg::connect(&target, None).map_err(pg_body)?;
    Store::open_postgres(client).map_err(|e| e.to_body())
}
