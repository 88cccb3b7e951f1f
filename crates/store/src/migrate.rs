//! Numbered SQL migrations from `migrations/`, embedded in the binary and applied at open.
//!
//! The schema version is SQLite's `user_version`. All pending migrations run in one
//! transaction, so a failure leaves the database as it was. A database written by a newer
//! Infoklass (a higher version than we know) is refused rather than misread.

use rusqlite::Connection;

use crate::error::StoreError;

/// (version, SQL); versions are consecutive from 1.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../../../migrations/0001_init.sql")),
    (2, include_str!("../../../migrations/0002_requirements.sql")),
    (3, include_str!("../../../migrations/0003_risks.sql")),
    (4, include_str!("../../../migrations/0004_imports.sql")),
    (5, include_str!("../../../migrations/0005_list_edits.sql")),
    (6, include_str!("../../../migrations/0006_review_cycle.sql")),
    (7, include_str!("../../../migrations/0007_answer_handover.sql")),
    (8, include_str!("../../../migrations/0008_lagrum.sql")),
    (9, include_str!("../../../migrations/0009_dependencies.sql")),
    (ENGLISH_TEXTS_VERSION, include_str!("../../../migrations/0010_english_texts.sql")),
    (11, include_str!("../../../migrations/0011_isak_record.sql")),
];

/// The migration that adds the English columns; opening a database from before it fills
/// them for the shipped entries (`english_fill.rs`).
pub const ENGLISH_TEXTS_VERSION: u32 = 10;

pub fn latest_version() -> u32 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

pub fn schema_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database from a newer Infoklass.
pub fn check_version(conn: &Connection) -> Result<u32, StoreError> {
    let current = schema_version(conn)?;
    let latest = latest_version();
    if current > latest {
        return Err(StoreError::NewerSchema { found: current, supported: latest });
    }
    Ok(current)
}

/// Applies what is missing; returns how many migrations ran. Run it inside the write
/// transaction of the open (`open.rs`), so that the version read here is still true when the
/// migrations are written, even when another process opens the same new file.
pub fn migrate(conn: &Connection) -> Result<usize, StoreError> {
    let current = schema_version(conn)?;
    let latest = latest_version();
    if current > latest {
        return Err(StoreError::NewerSchema { found: current, supported: latest });
    }
    let pending: Vec<_> = MIGRATIONS.iter().filter(|(v, _)| *v > current).collect();
    if pending.is_empty() {
        return Ok(0);
    }
    conn.execute_batch("SAVEPOINT infoklass_migrate")?;
    let applied = pending.iter().try_for_each(|(version, sql)| {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", version)
    });
    match applied {
        Ok(()) => conn.execute_batch("RELEASE infoklass_migrate")?,
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK TO infoklass_migrate; RELEASE infoklass_migrate");
            return Err(e.into());
        }
    }
    Ok(pending.len())
}
