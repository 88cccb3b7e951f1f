//! Objects: create, change facts, delete, find, list.

use crate::sql::{params, Connection, OptionalExtension, ToValue, Value};
use infoklass_core::limits::check_meta;
use infoklass_core::object::is_iso_date;
use infoklass_core::object_list::{meets_minimums, risk_status, sort_rows, AnalysisFacts, SortFields};
use infoklass_core::{ObjectMeta, Status};

use crate::audit::{self, Entry};
use crate::classify::normalise_content;
use crate::dto::{NewObject, ObjectFilter, ObjectList, ObjectSummary};
use crate::error::{Result, StoreError};
use crate::rows::{self, hosting_str, name_key, search_text};
use crate::{Ctx, Store};

/// Trims the facts and checks what must hold for any saved object (drafts included).
pub(crate) fn normalise_meta(meta: &ObjectMeta) -> Result<ObjectMeta> {
    let mut m = meta.clone();
    m.name = m.name.trim().to_string();
    if m.name.is_empty() {
        return Err(StoreError::InvalidInput("the object needs a name".into()));
    }
    for date in [&mut m.classification_date, &mut m.next_review] {
        if date.as_deref().is_some_and(|d| d.trim().is_empty()) {
            *date = None;
        }
        if let Some(d) = date.as_deref().filter(|d| !is_iso_date(d)) {
            return Err(StoreError::InvalidInput(format!("\"{d}\" is not a date (YYYY-MM-DD)")));
        }
    }
    let clean = |list: &mut Vec<String>| {
        *list = list.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    };
    clean(&mut m.participants);
    clean(&mut m.tags);
    check_meta(&m)?;
    Ok(m)
}

fn ensure_name_free(conn: &Connection, name: &str, except_id: Option<&str>) -> Result<()> {
    let owner: Option<String> =
        conn.query_row("SELECT id FROM objects WHERE name_key = ?1", [name_key(name)], |r| r.get(0)).optional()?;
    match owner {
        Some(id) if Some(id.as_str()) != except_id => Err(StoreError::NameTaken(name.to_string())),
        _ => Ok(()),
    }
}

fn write_meta(conn: &Connection, id: &str, m: &ObjectMeta, now: &str, insert: bool) -> Result<()> {
    let sql = if insert {
        "INSERT INTO objects (id, name, name_key, kind, description, unit, information_owner, system_owner,
            system_administrator, supplier, hosting, participants, tags, classification_date, next_review,
            search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)"
    } else {
        "UPDATE objects SET name = ?2, name_key = ?3, kind = ?4, description = ?5, unit = ?6,
            information_owner = ?7, system_owner = ?8, system_administrator = ?9, supplier = ?10, hosting = ?11,
            participants = ?12, tags = ?13, classification_date = ?14, next_review = ?15, search_text = ?16,
            updated_at = ?17
         WHERE id = ?1"
    };
    let changed = conn.execute(
        sql,
        params![
            id,
            m.name,
            name_key(&m.name),
            m.kind.as_str(),
            m.description,
            m.unit,
            m.information_owner,
            m.system_owner,
            m.system_administrator,
            m.supplier,
            hosting_str(m.hosting),
            serde_json::to_string(&m.participants)?,
            serde_json::to_string(&m.tags)?,
            m.classification_date,
            m.next_review,
            search_text(m),
            now
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound(id.to_string()));
    }
    Ok(())
}

pub(crate) fn read_meta(conn: &Connection, id: &str) -> Result<ObjectMeta> {
    let sql = format!("SELECT {} FROM objects WHERE id = ?1", rows::META_COLUMNS);
    conn.query_row(&sql, [id], |r| rows::meta_from_row(r, 0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(id.to_string()))
}

impl Store {
    /// Creates an object with its first classification as a draft; returns the new id.
    pub fn create_object(&mut self, ctx: &Ctx, input: &NewObject) -> Result<String> {
        let meta = normalise_meta(&input.meta)?;
        let mut content = normalise_content(&input.content, &self.scale)?;
        self.resolve_lagrum(&mut content)?;
        let id = uuid::Uuid::new_v4().to_string();
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        ensure_name_free(&tx, &meta.name, None)?;
        write_meta(&tx, &id, &meta, &ctx.now, true)?;
        crate::classify::insert_draft(&tx, ctx, &id, 1, &self.scale, &content)?;
        let entry = Entry { action: "create", entity: "object", entity_id: &id, object_id: &id };
        let new = NewObject { meta, content };
        audit::record::<(), _>(&tx, ctx, entry, None, Some(&new))?;
        tx.commit()?;
        Ok(id)
    }

    /// Changes the facts of an object. Approved classifications keep the facts they froze.
    pub fn update_object(&mut self, ctx: &Ctx, id: &str, meta: &ObjectMeta) -> Result<()> {
        let meta = normalise_meta(meta)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        update_meta_in(&tx, ctx, id, &meta)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an object that was never approved, with its draft; the audit log keeps the
    /// full record. An object with an approved classification is refused
    /// (`OBJECT_HAS_APPROVED`): it is an allmän handling, to be decommissioned instead.
    pub fn delete_object(&mut self, ctx: &Ctx, id: &str) -> Result<()> {
        let detail = self.get_object(id, &ctx.today)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        if crate::decommission::was_approved(&tx, id)? {
            return Err(StoreError::ObjectHasApproved);
        }
        // Recorded first: on the organisation database the record checks that this login may
        // change the object, which it cannot tell once the object is gone.
        let entry = Entry { action: "delete", entity: "object", entity_id: id, object_id: id };
        audit::record::<_, ()>(&tx, ctx, entry, Some(&detail), None)?;
        tx.execute("DELETE FROM objects WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Finds an object by id, or by name (case-insensitive).
    pub fn find_object(&self, id_or_name: &str) -> Result<String> {
        // Cached: an export names up to thousands of objects, one lookup each.
        self.conn
            .prepare_cached("SELECT id FROM objects WHERE id = ?1 OR name_key = ?2")?
            .query_row(params![id_or_name.trim(), name_key(id_or_name)], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id_or_name.to_string()))
    }

    /// The object list with search and filters, sorted by the filter's column (names in
    /// Swedish order). Plain facts are filtered in SQL; the minimum levels, the risk-analysis
    /// status and the order are the core's rules (`infoklass_core::object_list`).
    pub fn list_objects(&self, filter: &ObjectFilter, today: &str) -> Result<ObjectList> {
        if let Some((a, l)) = filter.min_levels.iter().find_map(|(a, l)| l.filter(|l| *l > 4).map(|l| (a, l))) {
            return Err(StoreError::InvalidInput(format!("{}{l} is not a level of the scale (0–4)", a.code())));
        }
        let mut sql = String::from(
            "SELECT o.id, o.name, o.kind, o.unit, o.information_owner, o.next_review, o.updated_at,
                    c.status, c.levels, c.profile, o.decommissioned_on,
                    (SELECT substr(MAX(a.approved_at), 1, 10) FROM classifications a WHERE a.object_id = o.id),
                    ra.status, substr(ra.updated_at, 1, 10),
                    EXISTS (SELECT 1 FROM imports i WHERE i.object_id = o.id AND i.format = 'isak'),
                    (SELECT COUNT(*) FROM actions x WHERE x.object_id = o.id AND x.status <> 'klar'),
                    (SELECT COUNT(*) FROM actions x WHERE x.object_id = o.id AND x.status <> 'klar'
                        AND x.due IS NOT NULL AND x.due < ?1)
             FROM objects o
             JOIN classifications c ON c.object_id = o.id
              AND c.version = (SELECT MAX(version) FROM classifications WHERE object_id = o.id)
             LEFT JOIN risk_analyses ra ON ra.object_id = o.id
             WHERE 1 = 1",
        );
        let mut args: Vec<Value> = vec![today.to_value()];
        if let Some(words) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            for word in words.to_lowercase().split_whitespace() {
                let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                args.push(format!("%{escaped}%").to_value());
                sql.push_str(&format!(" AND o.search_text LIKE ?{} ESCAPE '\\'", args.len()));
            }
        }
        if let Some(kind) = filter.kind {
            args.push(kind.as_str().to_value());
            sql.push_str(&format!(" AND o.kind = ?{}", args.len()));
        }
        if let Some(unit) = filter.unit.as_deref().filter(|u| !u.is_empty()) {
            args.push(unit.to_string().to_value());
            sql.push_str(&format!(" AND o.unit = ?{}", args.len()));
        }
        if let Some(status) = filter.status {
            args.push(status.as_str().to_value());
            sql.push_str(&format!(" AND c.status = ?{}", args.len()));
        }
        if !filter.include_decommissioned {
            sql.push_str(" AND o.decommissioned_on IS NULL");
        }
        if filter.review_overdue {
            sql.push_str(" AND o.next_review IS NOT NULL AND o.next_review < ?1");
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(args, |r| {
            let kind: String = r.get(2)?;
            let status: String = r.get(7)?;
            let levels: String = r.get(8)?;
            let next_review: Option<String> = r.get(5)?;
            let approved_on: Option<String> = r.get(11)?;
            let analysis = match r.get::<_, Option<String>>(12)? {
                Some(s) => Some(AnalysisFacts { approved: s == "faststalld", changed_on: r.get(13)? }),
                None => None,
            };
            Ok(ObjectSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: infoklass_core::ObjectKind::parse(&kind).unwrap_or(infoklass_core::ObjectKind::System),
                unit: r.get(3)?,
                information_owner: r.get(4)?,
                review_overdue: next_review.as_deref().is_some_and(|d| d < today),
                next_review,
                updated_at: r.get(6)?,
                status: Status::parse(&status).unwrap_or(Status::Utkast),
                levels: serde_json::from_str(&levels).unwrap_or_default(),
                profile: r.get(9)?,
                security_level: false,
                decommissioned_on: r.get(10)?,
                risk_status: risk_status(analysis.as_ref(), approved_on.as_deref()),
                from_isak: r.get(14)?,
                open_actions: r.get(15)?,
                overdue_actions: r.get(16)?,
            })
        })?;
        let mut items: Vec<ObjectSummary> = rows.collect::<std::result::Result<_, _>>()?;
        items.retain(|o| {
            meets_minimums(&o.levels, &filter.min_levels)
                && filter.risk.is_none_or(|r| r == o.risk_status)
                && (!filter.from_isak || o.from_isak)
                && (!filter.open_actions || o.open_actions > 0)
                && (!filter.overdue_actions || o.overdue_actions > 0)
        });
        for item in &mut items {
            item.security_level = item.levels.iter().any(|(_, l)| l.is_some_and(|l| l >= self.scale.security_level));
        }
        sort_rows(&mut items, filter.sort, filter.descending, |o| SortFields {
            name: &o.name,
            unit: &o.unit,
            levels: &o.levels,
            next_review: o.next_review.as_deref(),
            status: o.status,
            decommissioned: o.decommissioned_on.is_some(),
        });
        let total: u32 = self.conn.query_row("SELECT COUNT(*) FROM objects", [], |r| r.get(0))?;
        let mut units_stmt = self.conn.prepare_cached("SELECT DISTINCT unit FROM objects WHERE unit <> ''")?;
        let mut units: Vec<String> = units_stmt.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
        infoklass_core::collate::sort_by_name(&mut units, |u| u);
        Ok(ObjectList { items, total, units })
    }

    /// The audit history of an object, newest first (also after it was deleted).
    pub fn history(&self, id: &str) -> Result<Vec<crate::dto::HistoryEntry>> {
        if !audit::has_history(&self.conn, id)? {
            return Err(StoreError::NotFound(id.to_string()));
        }
        audit::history(&self.conn, id)
    }
}

/// `update_object` inside the caller's transaction, with facts already normalised; writes
/// nothing when they are unchanged.
pub(crate) fn update_meta_in(tx: &Connection, ctx: &Ctx, id: &str, meta: &ObjectMeta) -> Result<()> {
    let old = read_meta(tx, id)?;
    crate::decommission::ensure_active(tx, id)?;
    if old == *meta {
        return Ok(());
    }
    ensure_name_free(tx, &meta.name, Some(id))?;
    write_meta(tx, id, meta, &ctx.now, false)?;
    let entry = Entry { action: "update", entity: "object", entity_id: id, object_id: id };
    audit::record(tx, ctx, entry, Some(&old), Some(meta))
}
