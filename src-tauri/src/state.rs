//! What the commands share: the open database (or why it could not be opened), which the
//! "Databas" dialog can switch between the local file and the organisation database.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock};

use infoklass_pg::target::{Sources, Target};
use infoklass_store::{env, ErrorBody, Store};

pub struct AppState {
    opened: Mutex<Opened>,
    /// Where the open database is; apart from `opened`, so a command holding the store can
    /// still name it.
    location: RwLock<PathBuf>,
    /// "The local file": the file the app started on, else the per-user one.
    local_file: PathBuf,
}

struct Opened {
    store: Option<Store>,
    /// Why the database could not be opened; every command answers with it so the UI can
    /// show a Swedish message (and offer the local file) instead of a blank window.
    open_error: Option<ErrorBody>,
    location: PathBuf,
}

/// The open store, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Opened>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0.store.as_ref().expect("a guard is only made for an open store")
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.store.as_mut().expect("a guard is only made for an open store")
    }
}

impl AppState {
    pub fn open(location: PathBuf) -> AppState {
        let opened = match open_store(&location, None) {
            Ok(store) => Opened { store: Some(store), open_error: None, location },
            Err(e) => Opened { store: None, open_error: Some(e), location },
        };
        let local_file = if infoklass_pg::is_database_url(&opened.location.to_string_lossy()) {
            env::default_db_path()
        } else {
            opened.location.clone()
        };
        let location = RwLock::new(opened.location.clone());
        AppState { opened: Mutex::new(opened), location, local_file }
    }

    /// Reads `--db PATH` (or `--db=PATH`) from the command line; else INFOKLASS_DB; else the
    /// database the user chose last in the app; else the per-user file.
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
        let chosen = || crate::settings::load().database.map(PathBuf::from);
        let given = db.or_else(|| std::env::var_os(env::DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from));
        AppState::open(env::resolve_db_path(given.or_else(chosen)))
    }

    fn lock(&self) -> MutexGuard<'_, Opened> {
        self.opened.lock().unwrap_or_else(|poisoned| {
            let guard = poisoned.into_inner();
            // A command panicked: make sure no transaction of it stays open.
            if let Some(store) = &guard.store {
                store.reset_after_panic();
            }
            guard
        })
    }

    /// Why the database could not be opened at start, if it could not.
    pub fn open_error(&self) -> Option<ErrorBody> {
        self.lock().open_error.clone()
    }

    /// What the status bar names: the file, or the organisation database without any
    /// password the URL may hold.
    pub fn location_label(&self) -> String {
        label(&self.location())
    }

    pub fn is_organisation_database(&self) -> bool {
        infoklass_pg::is_database_url(&self.location().to_string_lossy())
    }

    fn location(&self) -> PathBuf {
        self.location.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Opens another database (`None`: the local file) and, once it is open, closes the
    /// current one and remembers the choice. On failure the current one stays open.
    pub fn switch(&self, location: Option<&str>, password: Option<&str>) -> Result<(), ErrorBody> {
        let location = location.map(str::trim).filter(|l| !l.is_empty()).map(PathBuf::from);
        let target = location.clone().unwrap_or_else(|| self.local_file.clone());
        let store = open_store(&target, password.filter(|p| !p.is_empty()))?;
        let fresh = Opened { store: Some(store), open_error: None, location: target.clone() };
        let old = {
            let mut opened = self.lock();
            *self.location.write().unwrap_or_else(|p| p.into_inner()) = target;
            std::mem::replace(&mut *opened, fresh)
        };
        // Closing an organisation database's connection blocks on its driver, like any call.
        infoklass_pg::blocking(move || drop(old));
        let remembered = location.map(|l| label(&l));
        crate::settings::update(|s| s.database = remembered).map_err(|m| ErrorBody {
            code: infoklass_core::ErrorCode::FileError,
            message: m,
            details: None,
        })
    }

    pub fn store(&self) -> Result<StoreGuard<'_>, ErrorBody> {
        let mut opened = self.lock();
        let location = opened.location.clone();
        let Some(store) = opened.store.as_mut() else {
            return Err(opened.open_error.clone().expect("a state has either a store or an error"));
        };
        if let Err(e) = store.check_unchanged() {
            // Follow a replaced file by opening it again; the UI reloads on DB_CHANGED.
            if e.code() == "DB_CHANGED" && location.exists() {
                if let Ok(fresh) = open_store(&location, None) {
                    *store = fresh;
                }
            }
            return Err(e.to_body());
        }
        Ok(StoreGuard(opened))
    }
}

fn label(location: &Path) -> String {
    let text = location.to_string_lossy();
    if !infoklass_pg::is_database_url(&text) {
        return location.display().to_string();
    }
    Target::parse(&text, &Sources::from_env()).map_or_else(|_| "PostgreSQL".to_string(), |t| t.display())
}

/// The embedded file, or the organisation database when the location is a `postgresql://`
/// URL: connected as libpq would (the URL, `.pgpass`, the service file, or the password the
/// user typed; never one stored by us), failing within the URL's `connect_timeout` with a code
/// saying whether the host, the login or TLS failed.
fn open_store(location: &Path, password: Option<&str>) -> Result<Store, ErrorBody> {
    let text = location.to_string_lossy();
    if !infoklass_pg::is_database_url(&text) {
        return Store::open(location).map_err(|e| e.to_body());
    }
    let pg_body = |e: infoklass_pg::PgError| ErrorBody { code: e.code(), message: e.to_string(), details: None };
    let target = Target::parse(&text, &Sources::from_env()).map_err(pg_body)?;
    let client = infoklass_pg::blocking(|| infoklass_pg::connect(&target, password)).map_err(pg_body)?;
    Store::open_postgres(client).map_err(|e| e.to_body())
}
