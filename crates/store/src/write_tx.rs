//! The one way to start a write. The outermost write takes the writers' lock and begins
//! IMMEDIATE, so it waits for (at most the busy timeout) or refuses with `DB_BUSY`, instead
//! of failing half-way when a read tries to become a write. A write inside another becomes a
//! savepoint. Both roll back when dropped uncommitted, and a failed rollback never replaces
//! the error that caused it.

use std::ops::Deref;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use crate::sql::Connection;

use crate::error::Result;
use crate::write_lock::{LockGuard, WriteLock};
use crate::Store;

/// What a write began, and how to end it. The statements are written here rather than taken
/// from rusqlite's `Transaction`, so that [`Store::write_with`] can hand the whole `Store` to
/// its closure while the write is open; [`begin`] wraps the same scope for a borrowed connection.
struct Scope {
    top: bool,
    // Dropped after the transaction has ended (`commit` and `undo` run first).
    _guard: Option<LockGuard>,
}

impl Scope {
    fn begin(conn: &Connection, lock: &WriteLock) -> Result<Scope> {
        let top = conn.is_autocommit();
        let guard = if top { Some(lock.acquire()?) } else { None };
        conn.begin()?;
        Ok(Scope { top, _guard: guard })
    }

    /// Keeps the write; when that fails, undoes it.
    fn commit(self, conn: &Connection) -> Result<()> {
        let end = conn.commit(self.top);
        if end.is_err() {
            self.undo(conn);
        }
        Ok(end?)
    }

    /// A failed rollback never replaces the error that caused it (see `sql::Connection`).
    fn undo(&self, conn: &Connection) {
        conn.rollback(self.top);
    }
}

/// A write on a borrowed connection; rolled back when dropped uncommitted.
pub(crate) struct WriteTx<'a> {
    conn: &'a Connection,
    scope: Option<Scope>,
}

impl WriteTx<'_> {
    pub fn commit(mut self) -> Result<()> {
        match self.scope.take() {
            Some(scope) => scope.commit(self.conn),
            None => Ok(()),
        }
    }
}

impl Drop for WriteTx<'_> {
    fn drop(&mut self) {
        if let Some(scope) = self.scope.take() {
            scope.undo(self.conn);
        }
    }
}

impl Deref for WriteTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

/// Starts a write: IMMEDIATE under the writers' lock when none is open, else a savepoint.
/// Takes the two fields rather than the `Store`, so the use case can still read its others.
pub(crate) fn begin<'a>(conn: &'a mut Connection, lock: &WriteLock) -> Result<WriteTx<'a>> {
    let scope = Scope::begin(conn, lock)?;
    Ok(WriteTx { conn, scope: Some(scope) })
}

impl Store {
    /// Runs `f`, which may call other use cases, as one write: all of it is kept or none.
    pub(crate) fn write_with<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let scope = Scope::begin(&self.conn, &self.lock)?;
        match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(Ok(value)) => scope.commit(&self.conn).map(|()| value),
            Ok(Err(e)) => {
                scope.undo(&self.conn);
                Err(e)
            }
            Err(panic) => {
                scope.undo(&self.conn);
                resume_unwind(panic)
            }
        }
    }

    /// After a panic elsewhere (a poisoned lock in the desktop app), makes sure no transaction
    /// is left open on the connection.
    pub fn reset_after_panic(&self) {
        if !self.conn.is_autocommit() {
            self.conn.rollback(true);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};

    fn rows(store: &Store) -> i64 {
        store.conn.query_row("SELECT COUNT(*) FROM import_words", [], |r| r.get(0)).unwrap()
    }

    fn insert(store: &Store, word: &str) -> crate::Result<()> {
        store.conn.execute("INSERT INTO import_words VALUES (?1, 1, '', '')", [word])?;
        Ok(())
    }

    #[test]
    fn a_panic_inside_a_write_leaves_no_transaction_open() {
        let mut store = Store::open_in_memory().unwrap();
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = store.write_with(|s| -> crate::Result<()> {
                insert(s, "a")?;
                panic!("mid-write")
            });
        }));
        assert!(unwound.is_err());
        assert!(store.conn.is_autocommit());
        assert_eq!(rows(&store), 0);
    }

    #[test]
    fn a_failed_inner_write_is_undone_and_the_outer_one_kept() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write_with(|s| {
                insert(s, "kept")?;
                let inner = s.write_with(|s| {
                    insert(s, "undone")?;
                    Err::<(), _>(StoreError::InvalidInput("no".into()))
                });
                assert_eq!(inner.unwrap_err().code(), "INVALID_INPUT");
                Ok(())
            })
            .unwrap();
        assert_eq!(rows(&store), 1);
    }
}
