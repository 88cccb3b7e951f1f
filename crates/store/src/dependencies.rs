//! Dependencies between objects: add and remove links, read the graph around an object with
//! the levels its dependents suggest, and decide those suggestions. The rule of what is
//! suggested is `infoklass_core::dependency`; an accepted suggestion becomes an uplift
//! "integration" of the draft whose motivation names its origin.

use crate::sql::{params, Connection, OptionalExtension};
use infoklass_core::dependency::{
    cycle_through, dependency_suggestions, origin_text, DependencyDecision, DependencyDecisionStatus, DependencyKind,
    Dependent, SuggestionState,
};
use infoklass_core::{derive_profile, Aspect, Levels, Status, Uplift, UpliftReason};

use crate::audit::{self, Entry};
use crate::classify::store_derived;
use crate::decommission::ensure_active;
use crate::dto_dependencies::{Dependencies, DependencyDecisionInput, DependencyLink};
use crate::error::{Result, StoreError};
use crate::objects::read_meta;
use crate::rows;
use crate::{Ctx, Store};

/// The audit record of a link, written to the history of both objects.
#[derive(serde::Serialize)]
struct LinkRecord<'a> {
    object: &'a str,
    depends_on: &'a str,
    kind: DependencyKind,
}

fn record_link(
    conn: &Connection,
    ctx: &Ctx,
    action: &str,
    object_id: &str,
    on_id: &str,
    kind: DependencyKind,
) -> Result<()> {
    let (object, depends_on) = (read_meta(conn, object_id)?.name, read_meta(conn, on_id)?.name);
    let record = LinkRecord { object: &object, depends_on: &depends_on, kind };
    let entity_id = format!("{object_id}>{on_id}:{}", kind.as_str());
    for side in [object_id, on_id] {
        let entry = Entry { action, entity: "dependency", entity_id: &entity_id, object_id: side };
        match action {
            "add_dependency" => audit::record::<(), _>(conn, ctx, entry, None, Some(&record))?,
            _ => audit::record::<_, ()>(conn, ctx, entry, Some(&record), None)?,
        }
    }
    Ok(())
}

/// Links with the other end's current and last approved profile; `outgoing` reads what
/// `id` depends on, otherwise what depends on it.
fn links(conn: &Connection, id: &str, outgoing: bool) -> Result<Vec<DependencyLink>> {
    let (mine, other) = if outgoing { ("object_id", "depends_on_id") } else { ("depends_on_id", "object_id") };
    let sql = format!(
        "SELECT o.id, o.name, d.kind, c.status, c.profile, o.decommissioned_on IS NOT NULL,
                (SELECT profile FROM classifications WHERE object_id = o.id AND status = 'faststalld')
         FROM dependencies d
         JOIN objects o ON o.id = d.{other}
         JOIN classifications c ON c.object_id = o.id
          AND c.version = (SELECT MAX(version) FROM classifications WHERE object_id = o.id)
         WHERE d.{mine} = ?1 ORDER BY d.kind"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id], |r| {
        let kind: String = r.get(2)?;
        let status: String = r.get(3)?;
        Ok(DependencyLink {
            object_id: r.get(0)?,
            name: r.get(1)?,
            kind: DependencyKind::parse(&kind).unwrap_or(DependencyKind::Uses),
            status: Status::parse(&status).unwrap_or(Status::Utkast),
            profile: r.get(4)?,
            decommissioned: r.get(5)?,
            approved_profile: r.get(6)?,
        })
    })?;
    let mut out: Vec<DependencyLink> = rows.collect::<std::result::Result<_, _>>()?;
    infoklass_core::collate::sort_by_name(&mut out, |l| &l.name);
    Ok(out)
}

/// The levels of the object's last approved classification.
fn approved_levels(conn: &Connection, id: &str) -> Result<Option<Levels>> {
    let levels: Option<String> = conn
        .query_row("SELECT levels FROM classifications WHERE object_id = ?1 AND status = 'faststalld'", [id], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(levels.map(|l| serde_json::from_str(&l)).transpose()?)
}

fn decisions(conn: &Connection, id: &str) -> Result<Vec<DependencyDecision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_object_id, aspect, level, status, reason FROM dependency_decisions WHERE object_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        let aspect: String = r.get(1)?;
        let status: String = r.get(3)?;
        Ok(DependencyDecision {
            from_object_id: r.get(0)?,
            aspect: Aspect::ALL.into_iter().find(|a| a.code() == aspect).unwrap_or(Aspect::K),
            level: r.get(2)?,
            status: if status == "accepted" {
                DependencyDecisionStatus::Accepted
            } else {
                DependencyDecisionStatus::Declined
            },
            reason: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// The graph around `id`, with the suggestions of its (not decommissioned) dependents.
pub(crate) fn read(conn: &Connection, id: &str) -> Result<Dependencies> {
    read_meta(conn, id)?;
    let depends_on = links(conn, id, true)?;
    let depended_on_by = links(conn, id, false)?;
    let mut dependents = Vec::new();
    for l in depended_on_by.iter().filter(|l| !l.decommissioned) {
        let approved = approved_levels(conn, &l.object_id)?;
        dependents.push(Dependent { object_id: l.object_id.clone(), name: l.name.clone(), kind: l.kind, approved });
    }
    let current: String = conn.query_row(
        "SELECT levels FROM classifications WHERE object_id = ?1 ORDER BY version DESC LIMIT 1",
        [id],
        |r| r.get(0),
    )?;
    let current: Levels = serde_json::from_str(&current)?;
    let suggestions = dependency_suggestions(&dependents, &current, &decisions(conn, id)?);
    let mut stmt = conn.prepare_cached("SELECT object_id, depends_on_id FROM dependencies")?;
    let edges: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
    let mut cycle = Vec::new();
    for member in cycle_through(id, &edges) {
        cycle.push(read_meta(conn, &member)?.name);
    }
    Ok(Dependencies { depends_on, depended_on_by, suggestions, cycle })
}

impl Store {
    /// Records that `object_id` depends on `on_id` in the way `kind` says.
    pub fn add_dependency(&mut self, ctx: &Ctx, object_id: &str, on_id: &str, kind: DependencyKind) -> Result<()> {
        if object_id == on_id {
            return Err(StoreError::DependencyOnItself);
        }
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        ensure_active(&tx, object_id)?;
        ensure_active(&tx, on_id)?;
        let added = tx.execute(
            "INSERT INTO dependencies (object_id, depends_on_id, kind, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![object_id, on_id, kind.as_str(), ctx.now],
        )?;
        if added == 0 {
            return Err(StoreError::DependencyExists);
        }
        record_link(&tx, ctx, "add_dependency", object_id, on_id, kind)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a dependency; `NOT_FOUND` when there is none.
    pub fn remove_dependency(&mut self, ctx: &Ctx, object_id: &str, on_id: &str, kind: DependencyKind) -> Result<()> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        ensure_active(&tx, object_id)?;
        let removed = tx.execute(
            "DELETE FROM dependencies WHERE object_id = ?1 AND depends_on_id = ?2 AND kind = ?3",
            params![object_id, on_id, kind.as_str()],
        )?;
        if removed == 0 {
            return Err(StoreError::NotFound(format!("{object_id} {} {on_id}", kind.as_str())));
        }
        record_link(&tx, ctx, "remove_dependency", object_id, on_id, kind)?;
        tx.commit()?;
        Ok(())
    }

    /// The dependency graph around one object ("Beroenden").
    pub fn dependencies(&self, id: &str) -> Result<Dependencies> {
        read(&self.conn, id)
    }

    /// Accepts or declines one suggestion. Accepting raises the draft with an uplift
    /// "integration" naming the origin (an approved classification is frozen: start a
    /// re-classification first, `NOT_DRAFT`); declining needs a reason.
    pub fn decide_dependency_suggestion(&mut self, ctx: &Ctx, id: &str, input: &DependencyDecisionInput) -> Result<()> {
        let reason = input.reason.trim();
        if !input.accept && reason.is_empty() {
            return Err(StoreError::ReasonRequired);
        }
        infoklass_core::limits::check_text(|| "reason".into(), reason, infoklass_core::limits::MAX_CELL_CHARS)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        ensure_active(&tx, id)?;
        let graph = read(&tx, id)?;
        let s = graph
            .suggestions
            .iter()
            .find(|s| s.from_object_id == input.from_object_id && s.aspect == input.aspect)
            .ok_or(StoreError::NoSuchSuggestion)?;
        let old = serde_json::json!({ "state": s.state, "reason": s.reason });
        if input.accept {
            let current = rows::current_classification(&tx, id)?;
            if current.status != Status::Utkast {
                return Err(StoreError::NotDraft);
            }
            let scale = rows::load_scale(&tx, &current.scale_id, &current.scale_version)?;
            if s.min_level >= scale.security_level && reason.is_empty() {
                return Err(StoreError::ReasonRequired);
            }
            let mut content = rows::content_of(&tx, &current, &read_meta(&tx, id)?)?.content;
            let uplift = content.uplifts.get_mut(s.aspect);
            if uplift.as_ref().is_none_or(|u| u.level < s.min_level) {
                let motivation = origin_text(&s.from_name, s.kind, s.aspect, s.min_level);
                *uplift = Some(Uplift { level: s.min_level, reason: UpliftReason::Integration, motivation });
                store_derived(&tx, &current.id, &content, &derive_profile(&content, &scale))?;
                tx.execute("UPDATE classifications SET updated_at = ?2 WHERE id = ?1", params![current.id, ctx.now])?;
            }
        } else if s.state == SuggestionState::Met {
            return Err(StoreError::NoSuchSuggestion);
        }
        let status = if input.accept { "accepted" } else { "declined" };
        tx.execute(
            "INSERT INTO dependency_decisions (object_id, from_object_id, aspect, level, status, reason, decided_at, decided_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (object_id, from_object_id, aspect) DO UPDATE SET
                level = excluded.level, status = excluded.status, reason = excluded.reason,
                decided_at = excluded.decided_at, decided_by = excluded.decided_by",
            params![id, s.from_object_id, s.aspect.code(), s.min_level, status, reason, ctx.now, ctx.actor],
        )?;
        tx.execute("UPDATE objects SET updated_at = ?2 WHERE id = ?1", params![id, ctx.now])?;
        let entity_id = format!("{}:{}", s.from_object_id, s.aspect.code());
        let entry = Entry {
            action: "decide_dependency",
            entity: "dependency_suggestion",
            entity_id: &entity_id,
            object_id: id,
        };
        let new = serde_json::json!({
            "from": s.from_name, "aspect": s.aspect, "level": s.min_level, "status": status, "reason": reason,
        });
        audit::record(&tx, ctx, entry, Some(&old), Some(&new))?;
        tx.commit()?;
        Ok(())
    }
}
