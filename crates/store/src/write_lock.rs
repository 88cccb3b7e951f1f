//! The writers' lock: a file next to the database (`<db>.lock`) that every Infoklass process
//! locks exclusively for each write transaction.
//!
//! SQLite's own locks on Unix are POSIX record locks, which belong to the process and vanish
//! when *any* handle to the locked file in that process is closed (a file dialog or an
//! indexer looking into the folder is enough). This lock is taken with `File::lock` (flock(2)
//! on Unix, LockFileEx on Windows): it belongs to our own open file and nothing else in the
//! process can release it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::error::{Result, StoreError};

/// How long a writer waits for another one, here and in SQLite's busy handler.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
pub(crate) struct WriteLock {
    /// None for an in-memory database, or when the folder does not let us create the file
    /// (then the database is read-only to us as well, and SQLite's locks are all there is).
    file: Option<Arc<File>>,
}

/// Held while a write transaction runs; unlocks when dropped.
pub(crate) struct LockGuard(Option<Arc<File>>);

impl WriteLock {
    pub fn for_db(db: &Path) -> WriteLock {
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&name)
            .or_else(|_| File::open(&name))
            .ok();
        WriteLock { file: file.map(Arc::new) }
    }

    /// Waits up to [`BUSY_TIMEOUT`] for the lock; `DB_BUSY` when another writer keeps it.
    pub fn acquire(&self) -> Result<LockGuard> {
        self.acquire_within(BUSY_TIMEOUT)
    }

    pub fn acquire_within(&self, wait: Duration) -> Result<LockGuard> {
        let Some(file) = &self.file else { return Ok(LockGuard(None)) };
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(LockGuard(Some(file.clone()))),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy("another program is writing to the database".into()))
                }
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::InvalidInput(format!("the database's lock file cannot be locked: {e}")))
                }
            }
        }
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        if let Some(file) = &self.0 {
            let _ = file.unlock();
        }
    }
}
