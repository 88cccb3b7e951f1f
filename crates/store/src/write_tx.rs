//! The one way to start a write. The outermost write takes the writers' lock and begins
//! IMMEDIATE, so it waits for (at most the busy timeout) or refuses with `DB_BUSY`, instead
//! of failing half-way when a read tries to become a write. A write inside another becomes a
//! savepoint. Both roll back when dropped uncommitted, and a failed rollback never replaces
//! the error that caused it.

use std::ops::Deref;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use rusqlite::{Connection, Savepoint, Transaction, TransactionBehavior};

use crate::error::Result;
use crate::write_lock::{LockGuard, WriteLock};
use crate::Store;

pub(crate) enum WriteTx<'a> {
    // Field order matters: the transaction ends before the lock is released.
    Top(Transaction<'a>, LockGuard),
    Nested(Savepoint<'a>),
}

impl WriteTx<'_> {
    pub fn commit(self) -> Result<()> {
        match self {
            WriteTx::Top(tx, _guard) => tx.commit()?,
            WriteTx::Nested(sp) => sp.commit()?,
        }
        Ok(())
    }
}

impl Deref for WriteTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            WriteTx::Top(tx, _) => tx,
            WriteTx::Nested(sp) => sp,
        }
    }
}

const SAVEPOINT: &str = "infoklass_write";

/// Starts a write: IMMEDIATE under the writers' lock when none is open, else a savepoint.
/// Takes the two fields rather than the `Store`, so the use case can still read its others.
pub(crate) fn begin<'a>(conn: &'a mut Connection, lock: &WriteLock) -> Result<WriteTx<'a>> {
    if conn.is_autocommit() {
        let guard = lock.acquire()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(WriteTx::Top(tx, guard))
    } else {
        Ok(WriteTx::Nested(conn.savepoint()?))
    }
}

impl Store {
    /// Runs `f`, which may call other use cases, as one write: all of it is kept or none.
    pub(crate) fn write_with<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let top = self.conn.is_autocommit();
        let _guard = if top { Some(self.lock.acquire()?) } else { None };
        let begin = if top { "BEGIN IMMEDIATE".to_string() } else { format!("SAVEPOINT {SAVEPOINT}") };
        self.conn.execute_batch(&begin)?;
        let outcome = catch_unwind(AssertUnwindSafe(|| f(self)));
        let result = match outcome {
            Ok(Ok(value)) => {
                let end = if top { "COMMIT".to_string() } else { format!("RELEASE {SAVEPOINT}") };
                self.conn.execute_batch(&end).map(|()| value).map_err(Into::into)
            }
            Ok(Err(e)) => Err(e),
            Err(panic) => {
                self.undo(top);
                resume_unwind(panic)
            }
        };
        if result.is_err() {
            self.undo(top);
        }
        result
    }

    /// Rolls back what `write_with` began. SQLite may already have rolled back the whole
    /// transaction (disk full, for one); then there is nothing left to undo.
    fn undo(&self, top: bool) {
        if self.conn.is_autocommit() {
            return;
        }
        let sql = if top { "ROLLBACK".to_string() } else { format!("ROLLBACK TO {SAVEPOINT}; RELEASE {SAVEPOINT}") };
        let _ = self.conn.execute_batch(&sql);
    }

    /// After a panic elsewhere (a poisoned lock in the desktop app), makes sure no transaction
    /// is left open on the connection.
    pub fn reset_after_panic(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
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
