//! The store's SQL layer: one connection type over the embedded SQLite file (rusqlite) or an
//! organisation's PostgreSQL database (the `postgres` driver), so that each use case's SQL
//! is written once. It has rusqlite's shape (`execute`, `query_row`, `prepare_cached`,
//! `query_map`, `params!`, `optional()`), so the use cases read as before; parameters and
//! columns pass through one [`Value`] type.
//!
//! Transactions are begun and ended here (`begin`, `commit`, `rollback`): on SQLite a write
//! begins IMMEDIATE; on PostgreSQL it begins and takes one advisory lock for writers, so
//! writes are serialised the same way on both and a check-then-write (the revision check
//! of a save) cannot interleave with another writer's.

mod pg;
mod row;
mod value;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub use row::{from_ref, Row, RowIndex};
pub(crate) use value::params;
pub use value::{params_from_iter, FromValue, Params, ToValue, Value};

/// The advisory lock every PostgreSQL write transaction takes (a fixed key of ours).
const WRITERS_LOCK: i64 = 0x1F0C_57A7;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", pg_message(.0))]
    Postgres(#[from] postgres::Error),
    #[error("the query returned no rows")]
    NoRows,
    #[error("a column held {found} where {wanted} was expected")]
    Type { wanted: &'static str, found: &'static str },
    #[error("{0}")]
    Unsupported(&'static str),
}

fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `.optional()` on a single-row query, as in rusqlite: no row is `None`.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::NoRows) | Err(Error::Sqlite(rusqlite::Error::QueryReturnedNoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

pub struct Connection {
    inner: Inner,
}

enum Inner {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

impl PgConn {
    /// One call on the client, made where the driver may block (see `infoklass_pg::blocking`).
    fn run<T: Send>(&self, f: impl FnOnce(&mut postgres::Client) -> T + Send) -> T {
        let mut client = self.client.borrow_mut();
        let client: &mut postgres::Client = &mut client;
        infoklass_pg::blocking(move || f(client))
    }
}

/// A statement prepared on PostgreSQL, with the parameters it takes (see `pg::translate`).
type Prepared = (postgres::Statement, std::sync::Arc<[usize]>);

/// A PostgreSQL session with what the layer tracks for it.
pub struct PgConn {
    client: RefCell<postgres::Client>,
    /// Open transactions and savepoints; PostgreSQL's client does not track them for us.
    depth: Cell<u32>,
    /// Prepared statements by the store's SQL, with the parameters each takes (see `pg::translate`).
    statements: RefCell<HashMap<String, Prepared>>,
    /// This session's backend, once it listens for changes; and how many it has heard of.
    listening: Cell<Option<i32>>,
    changes: Cell<i64>,
}

impl Connection {
    pub fn sqlite(conn: rusqlite::Connection) -> Connection {
        Connection { inner: Inner::Sqlite(conn) }
    }

    pub fn postgres(client: postgres::Client) -> Connection {
        Connection {
            inner: Inner::Postgres(Box::new(PgConn {
                client: RefCell::new(client),
                depth: Cell::new(0),
                statements: RefCell::new(HashMap::new()),
                listening: Cell::new(None),
                changes: Cell::new(0),
            })),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.inner, Inner::Postgres(_))
    }

    /// The SQLite connection, for what only the embedded file has (pragmas, migrations,
    /// backups); an error on PostgreSQL.
    pub fn as_sqlite(&self) -> Result<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c),
            Inner::Postgres(_) => Err(Error::Unsupported("this works on the embedded database file only")),
        }
    }

    /// The PostgreSQL client, for what only the organisation database has.
    pub fn with_postgres<T: Send>(&self, f: impl FnOnce(&mut postgres::Client) -> Result<T> + Send) -> Result<T> {
        match &self.inner {
            Inner::Postgres(p) => p.run(|c| f(c)),
            Inner::Sqlite(_) => Err(Error::Unsupported("this works on the organisation database only")),
        }
    }

    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    /// Runs statements without parameters, separated by semicolons.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(p) => Ok(p.run(|c| c.batch_execute(sql))?),
        }
    }

    pub fn query_row<P, T, F>(&self, sql: &str, params: P, f: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }

    /// A statement, prepared once per connection and SQL text.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(Statement::Sqlite(c.prepare_cached(sql)?)),
            Inner::Postgres(p) => {
                if let Some((statement, order)) = p.statements.borrow().get(sql) {
                    return Ok(Statement::Postgres { conn: p, statement: statement.clone(), order: order.clone() });
                }
                let (text, order) = pg::translate(sql);
                let statement = p.run(|c| c.prepare(&text))?;
                let order: std::sync::Arc<[usize]> = order.into();
                p.statements.borrow_mut().insert(sql.to_string(), (statement.clone(), order.clone()));
                Ok(Statement::Postgres { conn: p, statement, order })
            }
        }
    }

    /// PostgreSQL: how many commits of other sessions this one has heard of (`LISTEN` on the
    /// channel the history's trigger notifies), starting to listen on the first call.
    pub fn changes_by_others(&self) -> Result<i64> {
        let Inner::Postgres(p) = &self.inner else {
            return Err(Error::Unsupported("this works on the organisation database only"));
        };
        let listening = p.listening.get();
        let (pid, heard) = p.run(|client| -> Result<(i32, i64)> {
            let pid = match listening {
                Some(pid) => {
                    // A round trip brings in what the server has sent since.
                    client.batch_execute("SELECT 1")?;
                    pid
                }
                None => {
                    client.batch_execute("LISTEN infoklass_changes")?;
                    client.query_one("SELECT pg_backend_pid()", &[])?.get(0)
                }
            };
            let mut heard = 0;
            let mut notifications = client.notifications();
            for n in postgres::fallible_iterator::FallibleIterator::iterator(notifications.iter()) {
                if n?.process_id() != pid {
                    heard += 1;
                }
            }
            Ok((pid, heard))
        })?;
        p.listening.set(Some(pid));
        p.changes.set(p.changes.get() + heard);
        Ok(p.changes.get())
    }

    /// True when no transaction is open.
    pub fn is_autocommit(&self) -> bool {
        match &self.inner {
            Inner::Sqlite(c) => c.is_autocommit(),
            Inner::Postgres(p) => p.depth.get() == 0,
        }
    }

    /// Begins a write: a transaction when none is open (IMMEDIATE on SQLite; with the writers'
    /// lock on PostgreSQL), else a savepoint.
    pub fn begin(&self) -> Result<()> {
        let top = self.is_autocommit();
        match &self.inner {
            Inner::Sqlite(c) => c.execute_batch(if top { "BEGIN IMMEDIATE" } else { "SAVEPOINT infoklass_write" })?,
            Inner::Postgres(p) => {
                let sql = if top {
                    format!("BEGIN; SELECT pg_advisory_xact_lock({WRITERS_LOCK})")
                } else {
                    "SAVEPOINT infoklass_write".to_string()
                };
                p.run(|c| c.batch_execute(&sql))?;
                p.depth.set(p.depth.get() + 1);
            }
        }
        Ok(())
    }

    /// Ends the innermost write begun with [`Connection::begin`], keeping it.
    pub fn commit(&self, top: bool) -> Result<()> {
        let sql = if top { "COMMIT" } else { "RELEASE infoklass_write" };
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(p) => {
                let result = p.run(|c| c.batch_execute(sql));
                // A failed COMMIT has ended the transaction all the same.
                if top {
                    p.depth.set(0);
                } else if result.is_ok() {
                    p.depth.set(p.depth.get().saturating_sub(1));
                }
                Ok(result?)
            }
        }
    }

    /// Ends the innermost write begun with [`Connection::begin`], undoing it. SQLite may
    /// already have rolled back the whole transaction (disk full, for one); then there is
    /// nothing left to undo.
    pub fn rollback(&self, top: bool) {
        let sql = if top { "ROLLBACK" } else { "ROLLBACK TO infoklass_write; RELEASE infoklass_write" };
        match &self.inner {
            Inner::Sqlite(c) => {
                if !c.is_autocommit() {
                    let _ = c.execute_batch(sql);
                }
            }
            Inner::Postgres(p) => {
                if p.depth.get() > 0 {
                    let _ = p.run(|c| c.batch_execute(sql));
                    p.depth.set(if top { 0 } else { p.depth.get() - 1 });
                }
            }
        }
    }

    /// A write scope on this connection that rolls back when dropped uncommitted.
    pub fn savepoint(&self) -> Result<Savepoint<'_>> {
        let top = self.is_autocommit();
        self.begin()?;
        Ok(Savepoint { conn: self, top, done: false })
    }
}

/// A write begun by [`Connection::savepoint`].
pub struct Savepoint<'a> {
    conn: &'a Connection,
    top: bool,
    done: bool,
}

impl Savepoint<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.done = true;
        let result = self.conn.commit(self.top);
        if result.is_err() {
            self.conn.rollback(self.top);
        }
        result
    }
}

impl Drop for Savepoint<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.conn.rollback(self.top);
        }
    }
}

impl std::ops::Deref for Savepoint<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

pub enum Statement<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Postgres { conn: &'c PgConn, statement: postgres::Statement, order: std::sync::Arc<[usize]> },
}

impl Statement<'_> {
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let values = params.values();
        match self {
            Statement::Sqlite(s) => Ok(s.execute(rusqlite::params_from_iter(values.iter()))?),
            Statement::Postgres { conn, statement, order } => {
                let refs = pg_params(&values, order);
                Ok(conn.run(|c| c.execute(&*statement, &refs))? as usize)
            }
        }
    }

    /// Every row, mapped by `f`. The rows are read before `f` sees them.
    pub fn query_map<P, T, F>(&mut self, params: P, mut f: F) -> Result<std::vec::IntoIter<Result<T>>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        let values = params.values();
        let mapped: Vec<Result<T>> = match self {
            Statement::Sqlite(s) => {
                let mut rows = s.query(rusqlite::params_from_iter(values.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(f(&Row::Sqlite(r)));
                }
                out
            }
            Statement::Postgres { conn, statement, order } => {
                let refs = pg_params(&values, order);
                let rows = conn.run(|c| c.query(&*statement, &refs))?;
                rows.iter().map(|r| f(&Row::Postgres(r))).collect()
            }
        };
        Ok(mapped.into_iter())
    }

    /// The first row, mapped by `f`; [`Error::NoRows`] when there is none.
    pub fn query_row<P, T, F>(&mut self, params: P, f: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        let values = params.values();
        match self {
            Statement::Sqlite(s) => {
                let mut rows = s.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)),
                    None => Err(Error::NoRows),
                }
            }
            Statement::Postgres { conn, statement, order } => {
                let refs = pg_params(&values, order);
                let row = conn.run(|c| c.query_opt(&*statement, &refs))?;
                match row {
                    Some(r) => f(&Row::Postgres(&r)),
                    None => Err(Error::NoRows),
                }
            }
        }
    }

    pub fn exists<P: Params>(&mut self, params: P) -> Result<bool> {
        self.query_row(params, |_| Ok(())).optional().map(|r| r.is_some())
    }
}

/// The values in the order the translated statement numbers them; a parameter the caller
/// did not give is NULL (SQLite's reading of it).
fn pg_params<'v>(values: &'v [Value], order: &[usize]) -> Vec<&'v (dyn postgres::types::ToSql + Sync)> {
    order.iter().map(|i| values.get(*i).unwrap_or(&Value::Null) as &(dyn postgres::types::ToSql + Sync)).collect()
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}
