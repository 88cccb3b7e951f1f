//! SQLite storage for Infoklass.
//!
//! `Store` owns one connection. Every write runs in one transaction together with its
//! audit entry, so a failed write leaves nothing behind. Time and the acting user come in
//! through [`Ctx`]; nothing here reads the clock.

pub mod dto;
pub mod dto_requirements;
pub mod dto_risks;
pub mod dto_workbook;
pub mod dto_imports;
pub mod env;
pub mod error;
pub mod migrate;

mod actions;
mod audit;
mod catalogs;
mod classify;
mod imports;
mod info_types;
mod list_sync;
mod objects;
mod portfolio;
mod procurement;
mod read;
mod requirements;
mod risks;
mod rows;
mod threats;
pub mod workbook_apply;
pub mod workbook_merge;
mod seed;

use std::path::{Path, PathBuf};

use infoklass_core::info_type::InfoType;
use infoklass_core::requirements::Catalog;
use infoklass_core::{approval_issues, derive_profile, Scale};
use rusqlite::Connection;

pub use dto::*;
pub use dto_requirements::*;
pub use dto_risks::*;
pub use dto_workbook::*;
pub use dto_imports::*;
pub use error::{Result, StoreError};
pub use portfolio::{PortfolioObject, PortfolioRisk};

/// Who acts and when; passed to every write.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: String,
    /// RFC 3339 timestamp.
    pub now: String,
    /// ISO date, for overdue reviews.
    pub today: String,
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    scale: Scale,
    catalog: Catalog,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::InvalidInput(format!("cannot create {}: {e}", dir.display())))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate::migrate(&mut conn)?;
        let scale = seed::seed_defaults(&mut conn)?;
        catalogs::seed_catalog(&mut conn)?;
        risks::seed(&mut conn)?;
        let catalog = catalogs::active(&conn)?;
        Ok(Store { conn, path, scale, catalog })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The scale new classifications are made under.
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    pub fn info_types(&self) -> Result<Vec<InfoType>> {
        seed::info_types(&self.conn)
    }

    /// The derived profile and open issues of a classification being edited; writes nothing.
    pub fn preview(&self, input: &NewObject) -> Result<Preview> {
        let types = self.info_types()?;
        Ok(Preview {
            profile: derive_profile(&input.content, &self.scale),
            issues: approval_issues(&input.meta, &input.content, &self.scale, &types),
        })
    }

    /// Direct access for tests and benchmarks that need to inspect raw rows.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
