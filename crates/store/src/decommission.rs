//! Avveckla instead of delete: an approved classification is an allmän handling, so an
//! object that has one is decommissioned (kept, read-only, left out of the list by default),
//! never deleted. Only a draft that was never approved can be deleted.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::object::is_iso_date;

use crate::audit::{self, Entry};
use crate::dto_dependencies::Decommission;
use crate::error::{Result, StoreError};
use crate::{Ctx, Store};

/// The decommissioning of an object, if it is decommissioned.
pub(crate) fn read(conn: &Connection, id: &str) -> Result<Option<Decommission>> {
    let row: Option<(Option<String>, String)> = conn
        .query_row("SELECT decommissioned_on, decommission_reason FROM objects WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (date, reason) = row.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    Ok(date.map(|date| Decommission { date, reason }))
}

/// Refuses a change to a decommissioned object (`OBJECT_DECOMMISSIONED`).
pub(crate) fn ensure_active(conn: &Connection, id: &str) -> Result<()> {
    match read(conn, id)? {
        Some(_) => Err(StoreError::ObjectDecommissioned),
        None => Ok(()),
    }
}

/// True when some classification of the object was ever approved.
pub(crate) fn was_approved(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM classifications WHERE object_id = ?1 AND status <> 'utkast' LIMIT 1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

impl Store {
    /// Decommissions (avvecklar) an object on `date` (ISO) for `reason`.
    pub fn decommission(&mut self, ctx: &Ctx, id: &str, date: &str, reason: &str) -> Result<()> {
        let (date, reason) = (date.trim(), reason.trim());
        if reason.is_empty() {
            return Err(StoreError::ReasonRequired);
        }
        if !is_iso_date(date) {
            return Err(StoreError::InvalidInput(format!("\"{date}\" is not a date (YYYY-MM-DD)")));
        }
        infoklass_core::limits::check_text(|| "reason".into(), reason, infoklass_core::limits::MAX_CELL_CHARS)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        ensure_active(&tx, id)?;
        tx.execute(
            "UPDATE objects SET decommissioned_on = ?2, decommission_reason = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, date, reason, ctx.now],
        )?;
        let entry = Entry { action: "decommission", entity: "object", entity_id: id, object_id: id };
        let new = Decommission { date: date.to_string(), reason: reason.to_string() };
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&new))?;
        tx.commit()?;
        Ok(())
    }
}
