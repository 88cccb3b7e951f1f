//! A fingerprint of the data this program ships (scale, information types, requirement and
//! lagrum catalogues, risk matrix, threats), kept in `settings` once the database holds all of
//! it. Opening then compares one short text instead of parsing every shipped catalogue to see
//! whether something is missing (about a fifth of a short CLI command's time).

use crate::sql::{params, Connection, OptionalExtension};

use crate::error::Result;

const KEY: &str = "shipped_data";

/// FNV-1a over the shipped texts: stable across builds and Rust versions, so the same
/// catalogues give the same fingerprint.
pub(crate) fn fingerprint() -> String {
    let texts = [
        infoklass_core::scale::DEFAULT_SCALE_TOML,
        infoklass_core::info_type::DEFAULT_INFO_TYPES_TOML,
        infoklass_core::requirements::catalog::DEFAULT_CATALOG_TOML,
        infoklass_core::risk::matrix::DEFAULT_MATRIX_TOML,
        infoklass_core::risk::threats::DEFAULT_THREATS_TOML,
        infoklass_core::lagrum::DEFAULT_LAGRUM_TOML,
    ];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for byte in text.bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The database holds everything this program ships, as recorded at an earlier open.
pub(crate) fn recorded(conn: &Connection) -> Result<bool> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
    Ok(stored.is_some_and(|s| s == fingerprint()))
}

/// Notes that the shipped data is complete; part of the caller's transaction.
pub(crate) fn record(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?1, ?2, '', 'Infoklass')
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![KEY, fingerprint()],
    )?;
    Ok(())
}
