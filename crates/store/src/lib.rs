//! Storage for Infoklass: the embedded SQLite file or an organisation's PostgreSQL database,
//! behind one SQL layer (`sql`).
//!
//! `Store` owns one connection. Every write runs in one transaction together with its
//! audit entry, so a failed write leaves nothing behind. Time and the acting user come in
//! through [`Ctx`]; nothing here reads the clock.

pub mod dto;
pub mod dto_dependencies;
pub mod dto_imports;
pub mod dto_lagrum;
pub mod dto_reports;
pub mod dto_requirements;
pub mod dto_review;
pub mod dto_risks;
pub mod dto_workbook;
pub mod env;
pub mod error;
pub mod migrate;
pub mod sql;

mod actions;
mod audit;
mod backup;
mod catalogs;
mod classify;
mod copy;
mod decommission;
mod dependencies;
mod english_fill;
mod handover;
mod imports;
mod info_types;
mod lagrum;
mod list_sync;
mod objects;
mod open;
mod overview;
mod portfolio;
mod procurement;
mod read;
mod requirement_overview;
mod requirements;
mod review;
mod revision;
mod risk_overview;
mod risks;
mod rows;
mod seed;
mod shipped;
mod threats;
mod top_risk_role;
pub mod workbook_apply;
pub mod workbook_merge;
mod write_lock;
mod write_tx;

use std::path::{Path, PathBuf};

use crate::sql::Connection;
use infoklass_core::info_type::InfoType;
use infoklass_core::requirements::Catalog;
use infoklass_core::{approval_issues, derive_profile, Scale};

pub use actions::ActionPlanExport;
pub use backup::BackupReport;
pub use copy::{CopiedObject, CopyReport};
pub use dto::*;
pub use dto_dependencies::*;
pub use dto_imports::*;
pub use dto_lagrum::*;
pub use dto_reports::*;
pub use dto_requirements::*;
pub use dto_review::*;
pub use dto_risks::*;
pub use dto_workbook::*;
pub use error::{Result, StoreError};
pub use portfolio::{Portfolio, PortfolioObject, PortfolioRisk};
pub use write_lock::BUSY_TIMEOUT;

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
    lock: write_lock::WriteLock,
    /// What the file was when opened, to notice it being replaced (see `open.rs`).
    identity: open::FileIdentity,
    scale: Scale,
    catalog: Catalog,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// Opening writes nothing when the schema and the shipped data are already there.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::InvalidInput(format!("cannot create {}: {e}", dir.display())))?;
        }
        let conn = rusqlite::Connection::open(path)?;
        // Closing never checkpoints or deletes the write-ahead log (see open.rs and Drop).
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        Self::init(conn, Some(path.to_path_buf()), write_lock::WriteLock::for_db(path))
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::init(rusqlite::Connection::open_in_memory()?, None, write_lock::WriteLock::default())
    }

    fn init(conn: rusqlite::Connection, path: Option<PathBuf>, lock: write_lock::WriteLock) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let conn = Connection::sqlite(conn);
        open::prepare(&conn, path.is_some(), &lock)?;
        Self::finish(conn, path, lock)
    }

    /// The organisation database, on a connection made by `infoklass_pg::connect`. Its
    /// schema must be the one this program knows (`infoklass db init` sets it up); the
    /// shipped catalogues are stored on first use by a login that may write them.
    pub fn open_postgres(mut client: postgres::Client) -> Result<Store> {
        let login = infoklass_pg::blocking(|| -> Result<String> {
            infoklass_pg::schema::check(&mut client).map_err(open::pg_error)?;
            Ok(client.query_one("SELECT session_user::text", &[]).map_err(sql::Error::from)?.get(0))
        })?;
        env::set_database_login(Some(login));
        let conn = Connection::postgres(client);
        open::prepare_postgres(&conn)?;
        Self::finish(conn, None, write_lock::WriteLock::default())
    }

    fn finish(conn: Connection, path: Option<PathBuf>, lock: write_lock::WriteLock) -> Result<Store> {
        let scale = Scale::default_scale();
        let catalog = catalogs::active(&conn)?;
        let identity = open::FileIdentity::of(path.as_deref());
        Ok(Store { conn, path, lock, identity, scale, catalog })
    }

    /// The roles the acting login has: on the file all of them (one person does everything);
    /// on the organisation database those the server says the login is a member of.
    pub fn roles(&self) -> Result<Vec<String>> {
        if !self.conn.is_postgres() {
            return Ok(infoklass_pg::ROLES.iter().map(|r| r.to_string()).collect());
        }
        let mut roles = Vec::new();
        for role in infoklass_pg::ROLES {
            let member: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?1 AND pg_has_role(session_user, oid, 'MEMBER'))",
                [role],
                |r| r.get(0),
            )?;
            if member {
                roles.push(role.to_string());
            }
        }
        Ok(roles)
    }

    /// True on the organisation database.
    pub fn is_shared(&self) -> bool {
        self.conn.is_postgres()
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
    /// `today` gives the next review an approval today would set (the organisation's rule).
    pub fn preview(&self, input: &NewObject, today: &str) -> Result<Preview> {
        let types = self.info_types()?;
        let mut content = input.content.clone();
        self.resolve_lagrum(&mut content)?;
        let profile = derive_profile(&content, &self.scale);
        let next_review = self.review_rule()?.next_review(today, &profile.levels);
        Ok(Preview { issues: approval_issues(&input.meta, &content, &self.scale, &types), profile, next_review })
    }

    /// Direct access for tests and benchmarks that need to inspect raw rows.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
