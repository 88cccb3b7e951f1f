//! Two people editing one object: every save of the facts and the draft names the revision
//! it was based on, and a save based on an older one is refused (`CONFLICT`, naming who
//! changed the object and when) instead of silently overwriting their work. The revision is
//! the newest history entry that changed the facts or the classification, so it needs no
//! column of its own and holds across processes on one file (and on a shared database).

use crate::sql::{Connection, OptionalExtension};
use infoklass_core::{ClassificationContent, ObjectMeta};

use crate::error::{Result, StoreError};
use crate::objects::normalise_meta;
use crate::{Ctx, Store};

/// History entries that change what an editor of the object sees in the wizard.
const EDITS: &str = "('object', 'classification', 'dependency_suggestion', 'workbook')";

/// The object's revision, with who made it and when (0 and empty for none).
pub(crate) fn current(conn: &Connection, object_id: &str) -> Result<(i64, String, String)> {
    let sql =
        format!("SELECT id, actor, at FROM audit WHERE object_id = ?1 AND entity IN {EDITS} ORDER BY id DESC LIMIT 1");
    let row =
        conn.prepare_cached(&sql)?.query_row([object_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
    Ok(row.unwrap_or((0, String::new(), String::new())))
}

impl Store {
    /// Saves the wizard's facts and draft together, in one transaction, if nobody changed
    /// the object since `base_revision` (from `ObjectDetail::revision`).
    pub fn save_edit(
        &mut self,
        ctx: &Ctx,
        object_id: &str,
        meta: &ObjectMeta,
        content: &ClassificationContent,
        base_revision: i64,
    ) -> Result<()> {
        let meta = normalise_meta(meta)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::objects::read_meta(&tx, object_id)?;
        let (revision, by, at) = current(&tx, object_id)?;
        if revision != base_revision {
            return Err(StoreError::Conflict { by, at, revision });
        }
        crate::objects::update_meta_in(&tx, ctx, object_id, &meta)?;
        crate::classify::save_draft_in(&tx, ctx, object_id, content)?;
        tx.commit()?;
        Ok(())
    }
}
