//! The organisation's name for the top-management role that may accept a risk in the matrix's
//! top band (e.g. Regiondirektör or Kommundirektör), kept in `settings`.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::limits::{check_text, MAX_NAME_CHARS};
use infoklass_core::risk::matrix::RiskMatrix;

use crate::audit::{self, Entry};
use crate::error::{Result, StoreError};
use crate::{Ctx, Store};

const KEY: &str = "top_risk_role";

/// The organisation's title for the role; None until it is set (the matrix's name applies).
pub(crate) fn title(conn: &Connection) -> Result<Option<String>> {
    let json: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
    Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
}

/// The matrix with the top-management role named as the organisation calls it.
pub(crate) fn named(conn: &Connection, matrix: RiskMatrix) -> Result<RiskMatrix> {
    Ok(match title(conn)? {
        Some(t) => matrix.with_top_role_title(&t),
        None => matrix,
    })
}

impl Store {
    /// Who may accept a risk in the top band, as the organisation names the role; None while
    /// the shipped name applies.
    pub fn top_risk_role(&self) -> Result<Option<String>> {
        title(&self.conn)
    }

    /// Names the top-management role (e.g. Regiondirektör); acceptances made from now on record
    /// the new name, earlier ones keep theirs.
    pub fn set_top_risk_role(&mut self, ctx: &Ctx, title: &str) -> Result<()> {
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::InvalidInput("name the role that may accept the highest risks".into()));
        }
        check_text(|| "the role's name".into(), title, MAX_NAME_CHARS)?;
        let old = self.top_risk_role()?;
        if old.as_deref() == Some(title) {
            return Ok(());
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        tx.execute(
            "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4",
            params![KEY, serde_json::to_string(title)?, ctx.now, ctx.actor],
        )?;
        let entry = Entry { action: "set_top_risk_role", entity: "settings", entity_id: KEY, object_id: "" };
        audit::record(&tx, ctx, entry, old.as_ref(), Some(&title))?;
        tx.commit()?;
        Ok(())
    }
}
