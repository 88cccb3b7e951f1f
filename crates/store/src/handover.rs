//! Requirements the information owner hands over to IT or the supplier to answer, and their
//! return: an answer saved after the hand-over marks it answered (who, when).

use infoklass_core::ErrorCode;
use std::collections::{HashMap, HashSet};

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::limits::{check_text, MAX_CELL_CHARS};
use infoklass_core::requirements::AnsweredBy;

use crate::audit::{self, Entry};
use crate::dto_requirements::{Handover, HandoverInput};
use crate::error::{Result, StoreError};
use crate::{rows, Ctx, Store};

const COLUMNS: &str = "handed_to, name, handed_on, handed_by, answered_at, answered_by";

fn from_row(r: &crate::sql::Row, at: usize) -> crate::sql::Result<Handover> {
    let to: String = r.get(at)?;
    Ok(Handover {
        to: AnsweredBy::parse(&to).unwrap_or(AnsweredBy::It),
        name: r.get(at + 1)?,
        handed_on: r.get(at + 2)?,
        handed_by: r.get(at + 3)?,
        answered_at: r.get(at + 4)?,
        answered_by: r.get(at + 5)?,
    })
}

pub(crate) fn read_all(conn: &Connection, object_id: &str) -> Result<HashMap<String, Handover>> {
    let sql = format!("SELECT key, {COLUMNS} FROM answer_handovers WHERE object_id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([object_id], |r| Ok((r.get::<_, String>(0)?, from_row(r, 1)?)))?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

fn read_one(conn: &Connection, object_id: &str, key: &str) -> Result<Option<Handover>> {
    let sql = format!("SELECT {COLUMNS} FROM answer_handovers WHERE object_id = ?1 AND key = ?2");
    Ok(conn.query_row(&sql, [object_id, key], |r| from_row(r, 0)).optional()?)
}

/// Inside the transaction that saves (`answered`) or takes back an answer: a handed-over
/// requirement is marked answered, or waiting again.
pub(crate) fn note_answer(conn: &Connection, ctx: &Ctx, object_id: &str, key: &str, answered: bool) -> Result<()> {
    let Some(old) = read_one(conn, object_id, key)? else { return Ok(()) };
    if !answered && old.answered_at.is_none() {
        return Ok(());
    }
    let (at, by) = if answered { (Some(ctx.now.as_str()), Some(ctx.actor.as_str())) } else { (None, None) };
    conn.execute(
        "UPDATE answer_handovers SET answered_at = ?3, answered_by = ?4 WHERE object_id = ?1 AND key = ?2",
        params![object_id, key, at, by],
    )?;
    let new = read_one(conn, object_id, key)?;
    let entry = Entry { action: "handover_answered", entity: "requirement", entity_id: key, object_id };
    audit::record(conn, ctx, entry, Some(&old), new.as_ref())
}

fn bad(code: ErrorCode, message: impl Into<String>) -> StoreError {
    StoreError::BadHandover { code, message: message.into() }
}

impl Store {
    /// Hands the requirements over (all or none, in one transaction, an audit entry each);
    /// a requirement handed over before is handed over again and waits for a new answer.
    /// Returns how many were handed over.
    pub fn hand_over(&mut self, ctx: &Ctx, object_id: &str, input: &HandoverInput) -> Result<u32> {
        if input.to == AnsweredBy::Verksamhet {
            return Err(bad(ErrorCode::HandoverBadTarget, "requirements are handed over to it or leverantor"));
        }
        let name = input.name.trim();
        if name.is_empty() {
            return Err(bad(ErrorCode::HandoverNeedsName, "name who the requirements are handed over to"));
        }
        check_text(|| "the name of the hand-over".to_string(), name, MAX_CELL_CHARS)?;
        if input.keys.is_empty() {
            return Err(bad(ErrorCode::HandoverNothing, "no requirements to hand over"));
        }
        let applying = self.applying_keys(object_id)?;
        if let Some(k) = input.keys.iter().find(|k| !applying.contains(k.as_str())) {
            return Err(StoreError::RequirementNotApplicable(k.clone()));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let unique: HashSet<&str> = input.keys.iter().map(String::as_str).collect();
        let mut keys: Vec<&str> = unique.into_iter().collect();
        keys.sort_unstable();
        for key in &keys {
            let old = read_one(&tx, object_id, key)?;
            tx.execute(
                "INSERT INTO answer_handovers (object_id, key, handed_to, name, handed_on, handed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (object_id, key) DO UPDATE SET handed_to = excluded.handed_to, name = excluded.name,
                    handed_on = excluded.handed_on, handed_by = excluded.handed_by, answered_at = NULL,
                    answered_by = NULL",
                params![object_id, key, input.to.as_str(), name, ctx.today, ctx.actor],
            )?;
            let new = read_one(&tx, object_id, key)?;
            let entry = Entry { action: "hand_over", entity: "requirement", entity_id: key, object_id };
            audit::record(&tx, ctx, entry, old.as_ref(), new.as_ref())?;
        }
        tx.commit()?;
        Ok(keys.len() as u32)
    }

    /// The owner answers these again; nothing to take back is not an error.
    pub fn take_back(&mut self, ctx: &Ctx, object_id: &str, keys: &[String]) -> Result<u32> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let mut n = 0;
        for key in keys {
            let Some(old) = read_one(&tx, object_id, key)? else { continue };
            tx.execute("DELETE FROM answer_handovers WHERE object_id = ?1 AND key = ?2", [object_id, key])?;
            let entry = Entry { action: "take_back", entity: "requirement", entity_id: key, object_id };
            audit::record::<_, Handover>(&tx, ctx, entry, Some(&old), None)?;
            n += 1;
        }
        tx.commit()?;
        Ok(n)
    }

    fn applying_keys(&self, object_id: &str) -> Result<HashSet<String>> {
        let current = rows::current_classification(&self.conn, object_id)?;
        let basis = self.basis(&current)?;
        Ok(basis.derived.items.iter().map(|i| basis.catalog.requirements[i.index].key.clone()).collect())
    }
}
