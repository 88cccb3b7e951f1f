//! The audit log: who changed what, when, with the state before and after.

use crate::sql::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::dto::HistoryEntry;
use crate::error::Result;
use crate::Ctx;

pub struct Entry<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub object_id: &'a str,
}

/// Records one change; call inside the transaction that makes the change.
pub fn record<O: Serialize, N: Serialize>(
    conn: &Connection,
    ctx: &Ctx,
    e: Entry,
    old: Option<&O>,
    new: Option<&N>,
) -> Result<()> {
    check_may_edit(conn, e.object_id)?;
    let old = old.map(serde_json::to_string).transpose()?;
    let new = new.map(serde_json::to_string).transpose()?;
    conn.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, object_id, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![ctx.now, ctx.actor, e.action, e.entity, e.entity_id, e.object_id, old, new],
    )?;
    Ok(())
}

/// On the organisation database, a change to an object is refused unless the login may edit
/// it: row-level security has already kept the change itself from touching the rows, and
/// this turns that silent nothing into `FORBIDDEN` before any history is written.
fn check_may_edit(conn: &Connection, object_id: &str) -> Result<()> {
    if object_id.is_empty() || may_edit(conn, object_id)? {
        return Ok(());
    }
    Err(crate::StoreError::Forbidden(
        "only the object's information owner, a delegated editor or a coordinator (samordnare) may change it".into(),
    ))
}

/// Whether the login may change the object (the database's own rule, `infoklass_may_edit`);
/// on the file one person may change everything.
pub(crate) fn may_edit(conn: &Connection, object_id: &str) -> Result<bool> {
    if !conn.is_postgres() {
        return Ok(true);
    }
    Ok(conn.query_row("SELECT infoklass_may_edit(?1)", [object_id], |r| r.get(0))?)
}

/// The history of one object, newest first; it outlives the object's deletion.
pub fn history(conn: &Connection, object_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, actor, action, entity, entity_id, old, new FROM audit
         WHERE object_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([object_id], |r| {
        Ok(HistoryEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            old: r.get(6)?,
            new: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// True when the object ever existed (has history), even if deleted since.
pub fn has_history(conn: &Connection, object_id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM audit WHERE object_id = ?1 LIMIT 1", [object_id], |_| Ok(()))
        .optional()?
        .is_some())
}
