//! A consistent copy of the database while it is in use (`infoklass db backup`). SQLite's
//! `VACUUM INTO` reads one snapshot, so writers in other processes neither block it nor
//! make it inconsistent; the copy is checked before it is reported.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::{migrate, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub file: String,
    pub bytes: u64,
    pub schema_version: u32,
    pub objects: u64,
}

impl Store {
    /// Writes a copy of the database to `target`, a file that must not exist yet.
    pub fn backup_to(&self, target: &Path) -> Result<BackupReport> {
        if target.exists() {
            return Err(StoreError::InvalidInput(format!("{} exists already; choose a new file", target.display())));
        }
        let text = target
            .to_str()
            .ok_or_else(|| StoreError::InvalidInput(format!("{} is not a UTF-8 path", target.display())))?;
        self.conn.as_sqlite()?.execute("VACUUM INTO ?1", [text])?;
        // The copy is opened read-only and checked as a whole: a backup that cannot be
        // restored is worse than none.
        let copy = Connection::open_with_flags(target, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::InvalidInput(format!(
                "the copy in {} failed its check: {check}",
                target.display()
            )));
        }
        let objects: i64 = copy.query_row("SELECT count(*) FROM objects", [], |r| r.get(0))?;
        Ok(BackupReport {
            file: target.display().to_string(),
            bytes: std::fs::metadata(target).map(|m| m.len()).unwrap_or(0),
            schema_version: migrate::schema_version(&copy)?,
            objects: objects.max(0) as u64,
        })
    }
}
