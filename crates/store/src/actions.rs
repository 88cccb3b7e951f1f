//! The action plan (handlingsplan): rows from unmet requirements and rows added by hand.

use crate::sql::{params, Connection, OptionalExtension, Row};
use infoklass_core::limits::{check_text, MAX_CELL_CHARS};
use infoklass_core::object::is_iso_date;
use infoklass_core::requirements::assessment::is_overdue;
use infoklass_core::requirements::{Action, ActionStatus, Priority};

use crate::audit::{self, Entry};
use crate::dto_requirements::ActionInput;
use crate::error::{Result, StoreError};
use crate::{Ctx, Store};

pub(crate) const COLUMNS: &str = "id, requirement_key, measure, responsible, due, priority, status, notes";

pub(crate) fn from_row(r: &Row, today: &str) -> crate::sql::Result<Action> {
    let (priority, status): (String, String) = (r.get(5)?, r.get(6)?);
    let due: Option<String> = r.get(4)?;
    let status = ActionStatus::parse(&status).unwrap_or(ActionStatus::EjPaborjad);
    Ok(Action {
        id: r.get(0)?,
        requirement_key: r.get(1)?,
        measure: r.get(2)?,
        responsible: r.get(3)?,
        overdue: is_overdue(due.as_deref(), status, today),
        due,
        priority: Priority::parse(&priority).unwrap_or(Priority::Medel),
        status,
        notes: r.get(7)?,
    })
}

fn read(conn: &Connection, id: &str, today: &str) -> Result<Option<(String, Action)>> {
    let sql = format!("SELECT {COLUMNS}, object_id FROM actions WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], |r| Ok((r.get(8)?, from_row(r, today)?))).optional()?)
}

/// What a new row for a requirement holds (`core::requirements::action_priority`,
/// `action_measure`, `action_notes`).
pub(crate) struct NewRow {
    pub measure: String,
    pub notes: String,
    pub priority: Priority,
}

/// A new row for a requirement the self-assessment found unmet.
pub(crate) fn insert_for_requirement(
    conn: &Connection,
    ctx: &Ctx,
    object_id: &str,
    key: &str,
    row: &NewRow,
) -> Result<()> {
    let id = uuid::Uuid::new_v4().to_string();
    conn.execute(
        "INSERT INTO actions (id, object_id, requirement_key, measure, priority, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'ej_paborjad', ?6, ?7, ?7)",
        params![id, object_id, key, row.measure, row.priority.as_str(), row.notes, ctx.now],
    )?;
    let entry = Entry { action: "create", entity: "action", entity_id: &id, object_id };
    audit::record::<(), _>(
        conn,
        ctx,
        entry,
        None,
        Some(&serde_json::json!({ "requirement": key, "measure": row.measure, "priority": row.priority.as_str() })),
    )
}

/// Removes the requirement's row if nobody has worked on it yet: its notes are still the
/// ones the answer gave it (`generated_notes`).
pub(crate) fn remove_untouched(
    conn: &Connection,
    ctx: &Ctx,
    object_id: &str,
    key: &str,
    generated_notes: &str,
) -> Result<()> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM actions WHERE object_id = ?1 AND requirement_key = ?2 AND status = 'ej_paborjad'
               AND responsible = '' AND (notes = '' OR notes = ?3) AND due IS NULL",
            [object_id, key, generated_notes],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = id {
        conn.execute("DELETE FROM actions WHERE id = ?1", [&id])?;
        let entry = Entry { action: "delete", entity: "action", entity_id: &id, object_id };
        audit::record::<_, ()>(conn, ctx, entry, Some(&serde_json::json!({ "requirement": key })), None)?;
    }
    Ok(())
}

impl Store {
    /// The object's action plan: by due date (none last), then priority.
    pub fn action_plan(&self, object_id: &str, today: &str) -> Result<Vec<Action>> {
        crate::objects::read_meta(&self.conn, object_id)?;
        let sql = format!(
            "SELECT {COLUMNS} FROM actions WHERE object_id = ?1
             ORDER BY due IS NULL, due, CASE priority WHEN 'hog' THEN 0 WHEN 'medel' THEN 1 ELSE 2 END, created_at, requirement_key, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([object_id], |r| from_row(r, today))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Creates (no id) or changes an action.
    pub fn save_action(&mut self, ctx: &Ctx, object_id: &str, input: &ActionInput) -> Result<Action> {
        if input.measure.trim().is_empty() {
            return Err(StoreError::InvalidInput("an action needs a measure".into()));
        }
        for (field, text) in [("measure", &input.measure), ("responsible", &input.responsible), ("notes", &input.notes)]
        {
            check_text(|| format!("the action's {field}"), text, MAX_CELL_CHARS)?;
        }
        let due = input.due.as_deref().map(str::trim).filter(|d| !d.is_empty());
        if let Some(d) = due.filter(|d| !is_iso_date(d)) {
            return Err(StoreError::InvalidInput(format!("\"{d}\" is not a date (YYYY-MM-DD)")));
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        crate::objects::read_meta(&tx, object_id)?;
        let old = match &input.id {
            Some(id) => match read(&tx, id, &ctx.today)? {
                Some((owner, action)) if owner == object_id => Some(action),
                _ => return Err(StoreError::NotFound(id.clone())),
            },
            None => None,
        };
        let id = input.id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let values = params![
            id,
            object_id,
            input.requirement_key,
            input.measure.trim(),
            input.responsible.trim(),
            due,
            input.priority.as_str(),
            input.status.as_str(),
            input.notes.trim(),
            ctx.now
        ];
        if old.is_some() {
            tx.execute(
                "UPDATE actions SET measure = ?4, responsible = ?5, due = ?6, priority = ?7, status = ?8, notes = ?9,
                    updated_at = ?10 WHERE id = ?1 AND object_id = ?2",
                values,
            )?;
        } else {
            tx.execute(
                "INSERT INTO actions (id, object_id, requirement_key, measure, responsible, due, priority, status, notes,
                    created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                values,
            )?;
        }
        let (_, new) = read(&tx, &id, &ctx.today)?.expect("just written");
        let entry = Entry {
            action: if old.is_some() { "update" } else { "create" },
            entity: "action",
            entity_id: &id,
            object_id,
        };
        audit::record(&tx, ctx, entry, old.as_ref(), Some(&new))?;
        tx.commit()?;
        Ok(new)
    }

    pub fn delete_action(&mut self, ctx: &Ctx, object_id: &str, action_id: &str) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        crate::decommission::ensure_active(&tx, object_id)?;
        let old = match read(&tx, action_id, &ctx.today)? {
            Some((owner, action)) if owner == object_id => action,
            _ => return Err(StoreError::NotFound(action_id.to_string())),
        };
        tx.execute("DELETE FROM actions WHERE id = ?1", [action_id])?;
        let entry = Entry { action: "delete", entity: "action", entity_id: action_id, object_id };
        audit::record::<_, ()>(&tx, ctx, entry, Some(&old), None)?;
        tx.commit()?;
        Ok(())
    }
}

use infoklass_core::labels::{catalog_text, Lang};

/// The action plan as an export reads it: the object, and each row with the title of its
/// requirement (empty for a row added by hand).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActionPlanExport {
    pub object_name: String,
    pub profile: String,
    pub rows: Vec<(Action, String)>,
}

impl Store {
    /// The plan with requirement titles in `lang`; a measure still equal to its requirement's
    /// Swedish ÄR-text follows the language too (an edited measure is shown as typed).
    pub fn action_plan_export(&self, object_id: &str, today: &str, lang: Lang) -> Result<ActionPlanExport> {
        let actions = self.action_plan(object_id, today)?;
        let view = self.requirements(object_id)?;
        let items: std::collections::HashMap<&str, &crate::RequirementItem> =
            view.items.iter().chain(&view.dropped).map(|i| (i.key.as_str(), i)).collect();
        let rows = actions
            .into_iter()
            .map(|mut a| {
                let item = a.requirement_key.as_deref().and_then(|k| items.get(k));
                let title = item.map(|i| catalog_text(lang, &i.title_sv, &i.title_en)).unwrap_or_default();
                if let Some(i) = item.filter(|i| i.ar_sv == a.measure) {
                    a.measure = catalog_text(lang, &i.ar_sv, &i.ar_en);
                }
                (a, title)
            })
            .collect();
        Ok(ActionPlanExport { object_name: view.object_name, profile: view.profile, rows })
    }
}
