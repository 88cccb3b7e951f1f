//! What happens when a database is opened and closed, with other processes on the same file.
//!
//! - Nothing is written when the schema and the shipped data are complete, so reading needs
//!   no write lock and works on a read-only file. "Complete" is a fingerprint of the shipped
//!   data recorded in `settings` (`shipped.rs`); without it, the shipped catalogues are parsed
//!   and compared once and the fingerprint is recorded.
//! - Otherwise the writers' lock is taken and one IMMEDIATE transaction re-reads the schema
//!   version, migrates and seeds: two processes opening a new file at once cannot both run
//!   the first migration.
//! - A database from a newer Infoklass is refused before anything (even the journal mode)
//!   is changed.
//! - SQLite's checkpoint-on-close is turned off (in `Store::open`): it decides that it is the
//!   last user of the file by a POSIX lock that another handle in a process can drop, and
//!   would then delete the write-ahead log under a running app. Instead `Drop` checkpoints
//!   explicitly under the writers' lock; the `-wal` and `-shm` files stay next to the database.

use std::path::Path;

use crate::sql::Connection;

use crate::error::{Result, StoreError};
use crate::write_lock::WriteLock;
use crate::{catalogs, english_fill, migrate, risks, seed, shipped, Store};

pub(crate) fn prepare(conn: &Connection, on_disk: bool, lock: &WriteLock) -> Result<()> {
    let lite = conn.as_sqlite()?;
    let found = migrate::check_version(lite)?;
    let wal = !on_disk || lite.pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))? == "wal";
    if wal && found == migrate::latest_version() {
        if shipped::recorded(conn)? {
            return Ok(());
        }
        if !seed::missing(conn)? {
            record_without_waiting(conn, lock);
            return Ok(());
        }
    }
    let _guard = lock.acquire()?;
    if !wal {
        lite.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.begin()?;
    let result = (|| {
        let before = migrate::check_version(lite)?;
        migrate::migrate(lite)?;
        seed_shipped(conn)?;
        if before < migrate::ENGLISH_TEXTS_VERSION {
            english_fill::fill(conn)?;
        }
        Ok(conn.commit(true)?)
    })();
    if result.is_err() {
        conn.rollback(true);
    }
    result
}

fn seed_shipped(conn: &Connection) -> Result<()> {
    seed::seed_defaults(conn)?;
    catalogs::seed_catalog(conn)?;
    risks::seed(conn)?;
    crate::lagrum::seed(conn)?;
    shipped::record(conn)
}

/// The organisation database has its schema from `infoklass db init`; what may be missing
/// is the shipped data of a newer program, stored in one transaction by the first login
/// allowed to write catalogues (others read what is there).
pub(crate) fn prepare_postgres(conn: &Connection) -> Result<()> {
    if shipped::recorded(conn)? {
        return Ok(());
    }
    conn.begin()?;
    match seed_shipped(conn).and_then(|()| Ok(conn.commit(true)?)) {
        Ok(()) => Ok(()),
        Err(StoreError::Forbidden(_)) => {
            conn.rollback(true);
            Ok(())
        }
        Err(e) => {
            conn.rollback(true);
            Err(e)
        }
    }
}

pub(crate) fn pg_error(e: infoklass_pg::PgError) -> StoreError {
    use infoklass_pg::PgError;
    match e {
        PgError::NewerSchema { found, supported } => StoreError::NewerSchema {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported: u32::try_from(supported).unwrap_or(0),
        },
        PgError::Forbidden(m) => StoreError::Forbidden(m),
        PgError::Unreachable { .. } | PgError::Authentication { .. } | PgError::Tls { .. } => {
            StoreError::Unreachable(e.to_string())
        }
        other => StoreError::InvalidInput(other.to_string()),
    }
}

/// Records the fingerprint of complete shipped data in a database that lacks it (made by an
/// older program, or its shipped data was checked by hand), once. Only when no one else is
/// writing, and a read-only file stays unwritten: it is a shortcut, and the next open tries
/// again.
fn record_without_waiting(conn: &Connection, lock: &WriteLock) {
    let Ok(_guard) = lock.acquire_within(std::time::Duration::ZERO) else { return };
    let Ok(lite) = conn.as_sqlite() else { return };
    if lite.busy_timeout(std::time::Duration::ZERO).is_ok() {
        let _ = shipped::record(conn);
    }
    let _ = lite.busy_timeout(crate::BUSY_TIMEOUT);
}

/// The file's device and inode (Unix), to notice that the path now names another file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileIdentity(Option<(u64, u64)>);

impl FileIdentity {
    pub fn of(path: Option<&Path>) -> FileIdentity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            FileIdentity(path.and_then(|p| std::fs::metadata(p).ok()).map(|m| (m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            FileIdentity(path.filter(|p| p.exists()).map(|_| (0, 0)))
        }
    }
}

impl Store {
    /// A number that changes when another connection (another window, the CLI) commits to
    /// the database; this connection's own writes leave it alone. Cheap enough to ask every
    /// few seconds, so open screens can show what others changed.
    pub fn data_version(&self) -> Result<i64> {
        if self.conn.is_postgres() {
            return Ok(self.conn.changes_by_others()?);
        }
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// A cheap check, made before each command of the desktop app, that the database is still
    /// one this connection can follow: the same file, and the schema this program knows.
    /// Ordinary writes by other processes are fine (SQLite shows them); `DB_CHANGED` or
    /// `DB_NEWER_SCHEMA` means the app has to open the file again.
    pub fn check_unchanged(&self) -> Result<()> {
        if self.conn.is_postgres() {
            let found = self.conn.with_postgres(|c| Ok(infoklass_pg::schema::version(c)))?.map_err(pg_error)?;
            let latest = infoklass_pg::schema::latest_version();
            return match found {
                Some(v) if v > latest => {
                    Err(pg_error(infoklass_pg::PgError::NewerSchema { found: v, supported: latest }))
                }
                _ => Ok(()),
            };
        }
        let Some(path) = &self.path else { return Ok(()) };
        let now = FileIdentity::of(Some(path));
        if now.0.is_none() {
            return Err(StoreError::Changed(format!("{} was deleted or moved", path.display())));
        }
        if now != self.identity {
            return Err(StoreError::Changed(format!("{} was replaced by another file", path.display())));
        }
        let found = migrate::schema_version(self.conn.as_sqlite()?)?;
        if found != migrate::latest_version() {
            return Err(if found > migrate::latest_version() {
                StoreError::NewerSchema { found, supported: migrate::latest_version() }
            } else {
                StoreError::Changed(format!("the schema version went back to {found}"))
            });
        }
        Ok(())
    }
}

impl Drop for Store {
    /// Copies the write-ahead log into the database file and empties it, so the file alone
    /// is complete after a clean exit. Skipped when another process is writing.
    fn drop(&mut self) {
        if self.path.is_none() || !self.conn.is_autocommit() {
            return;
        }
        if let Ok(_guard) = self.lock.acquire_within(std::time::Duration::ZERO) {
            if let Ok(lite) = self.conn.as_sqlite() {
                let _ = lite.busy_timeout(std::time::Duration::from_millis(100));
                let _ = lite.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            }
        }
    }
}
