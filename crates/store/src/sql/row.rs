//! One row of a result, from either backend.

use super::{Error, FromValue, Result, Value};

pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// The column at `index` (a position or a name) as `T`.
    pub fn get<I: RowIndex, T: FromValue>(&self, index: I) -> Result<T> {
        let value = match self {
            Row::Sqlite(r) => index.sqlite(r)?,
            Row::Postgres(r) => index.postgres(r)?,
        };
        T::from_value(value)
    }
}

/// A column position or name.
pub trait RowIndex: Copy {
    fn sqlite(self, row: &rusqlite::Row<'_>) -> Result<Value>;
    fn postgres(self, row: &postgres::Row) -> Result<Value>;
}

/// A column read by rusqlite as a [`Value`].
pub fn from_ref(v: rusqlite::types::ValueRef<'_>) -> Result<Value> {
    use rusqlite::types::ValueRef;
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(
            String::from_utf8(t.to_vec())
                .map_err(|_| Error::Type { wanted: "text", found: "bytes that are not UTF-8" })?,
        ),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    })
}

impl RowIndex for usize {
    fn sqlite(self, row: &rusqlite::Row<'_>) -> Result<Value> {
        from_ref(row.get_ref(self)?)
    }
    fn postgres(self, row: &postgres::Row) -> Result<Value> {
        Ok(row.try_get::<_, Value>(self)?)
    }
}

impl RowIndex for &str {
    fn sqlite(self, row: &rusqlite::Row<'_>) -> Result<Value> {
        from_ref(row.get_ref(self)?)
    }
    fn postgres(self, row: &postgres::Row) -> Result<Value> {
        Ok(row.try_get::<_, Value>(self)?)
    }
}
