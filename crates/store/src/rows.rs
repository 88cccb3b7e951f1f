//! Mapping between table rows and domain values.

use crate::sql::{params, Connection, OptionalExtension, Row};
use infoklass_core::{
    ClassificationContent, Hosting, InformationSet, ObjectKind, ObjectMeta, PerAspect, Scale, Status,
};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

pub const META_COLUMNS: &str = "name, kind, description, unit, information_owner, system_owner, \
     system_administrator, supplier, hosting, participants, tags, classification_date, next_review";

/// Reads the 13 META_COLUMNS starting at column `at`.
pub fn meta_from_row(r: &Row, at: usize) -> crate::sql::Result<ObjectMeta> {
    let json_list = |i: usize| -> crate::sql::Result<Vec<String>> {
        let text: String = r.get(at + i)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    let kind: String = r.get(at + 1)?;
    let hosting: Option<String> = r.get(at + 8)?;
    Ok(ObjectMeta {
        name: r.get(at)?,
        kind: ObjectKind::parse(&kind).unwrap_or(ObjectKind::System),
        description: r.get(at + 2)?,
        unit: r.get(at + 3)?,
        information_owner: r.get(at + 4)?,
        system_owner: r.get(at + 5)?,
        system_administrator: r.get(at + 6)?,
        supplier: r.get(at + 7)?,
        hosting: hosting.as_deref().and_then(parse_hosting),
        participants: json_list(9)?,
        tags: json_list(10)?,
        classification_date: r.get(at + 11)?,
        next_review: r.get(at + 12)?,
    })
}

fn parse_hosting(s: &str) -> Option<Hosting> {
    match s {
        "egen" => Some(Hosting::Egen),
        "moln" => Some(Hosting::Moln),
        "hybrid" => Some(Hosting::Hybrid),
        _ => None,
    }
}

pub fn hosting_str(h: Option<Hosting>) -> Option<&'static str> {
    h.map(|h| match h {
        Hosting::Egen => "egen",
        Hosting::Moln => "moln",
        Hosting::Hybrid => "hybrid",
    })
}

/// The lower-case text the object list search matches against.
pub fn search_text(m: &ObjectMeta) -> String {
    [&m.name, &m.description, &m.unit, &m.information_owner, &m.system_owner, &m.system_administrator, &m.supplier]
        .into_iter()
        .cloned()
        .chain(m.tags.iter().cloned())
        .collect::<Vec<_>>()
        .join(" \u{1f} ")
        .to_lowercase()
}

pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Replaces the sets of a draft classification.
pub fn write_sets(conn: &Connection, classification_id: &str, sets: &[InformationSet]) -> Result<()> {
    conn.execute("DELETE FROM information_sets WHERE classification_id = ?1", [classification_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO information_sets (id, classification_id, position, name, description, info_type,
            level_k, level_r, level_t, level_s, motivation_k, motivation_r, motivation_t, motivation_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, s) in sets.iter().enumerate() {
        let (l, m) = (&s.levels, &s.motivations);
        stmt.execute(params![
            s.id,
            classification_id,
            i as i64,
            s.name,
            s.description,
            s.info_type,
            l.k,
            l.r,
            l.t,
            l.s,
            m.k,
            m.r,
            m.t,
            m.s
        ])?;
    }
    Ok(())
}

pub fn read_sets(conn: &Connection, classification_id: &str) -> Result<Vec<InformationSet>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, description, info_type, level_k, level_r, level_t, level_s,
                motivation_k, motivation_r, motivation_t, motivation_s
         FROM information_sets WHERE classification_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([classification_id], |r| {
        Ok(InformationSet {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            info_type: r.get(3)?,
            levels: PerAspect { k: r.get(4)?, r: r.get(5)?, t: r.get(6)?, s: r.get(7)? },
            motivations: PerAspect { k: r.get(8)?, r: r.get(9)?, t: r.get(10)?, s: r.get(11)? },
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// What an approval freezes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub meta: ObjectMeta,
    pub content: ClassificationContent,
}

/// One row of `classifications`.
#[derive(Debug, Clone)]
pub struct ClassificationRow {
    pub id: String,
    pub object_id: String,
    pub version: u32,
    pub status: Status,
    pub scale_id: String,
    pub scale_version: String,
    pub uplifts: String,
    pub lagrum: String,
    pub snapshot: Option<String>,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
    pub created_at: String,
    pub catalog_id: Option<String>,
    pub catalog_version: Option<String>,
    pub lagrum_version: Option<String>,
}

pub const CLASSIFICATION_COLUMNS: &str = "id, object_id, version, status, scale_id, scale_version, uplifts, lagrum, \
     snapshot, approved_by, approved_at, created_at, catalog_id, catalog_version, lagrum_version";

pub fn classification_from_row(r: &Row) -> crate::sql::Result<ClassificationRow> {
    let status: String = r.get(3)?;
    Ok(ClassificationRow {
        id: r.get(0)?,
        object_id: r.get(1)?,
        version: r.get(2)?,
        status: Status::parse(&status).unwrap_or(Status::Utkast),
        scale_id: r.get(4)?,
        scale_version: r.get(5)?,
        uplifts: r.get(6)?,
        lagrum: r.get(7)?,
        snapshot: r.get(8)?,
        approved_by: r.get(9)?,
        approved_at: r.get(10)?,
        created_at: r.get(11)?,
        catalog_id: r.get(12)?,
        catalog_version: r.get(13)?,
        lagrum_version: r.get(14)?,
    })
}

/// Every classification of an object, oldest first.
pub fn classifications(conn: &Connection, object_id: &str) -> Result<Vec<ClassificationRow>> {
    let sql = format!("SELECT {CLASSIFICATION_COLUMNS} FROM classifications WHERE object_id = ?1 ORDER BY version");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([object_id], classification_from_row)?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// The newest classification of an object.
pub fn current_classification(conn: &Connection, object_id: &str) -> Result<ClassificationRow> {
    let sql = format!(
        "SELECT {CLASSIFICATION_COLUMNS} FROM classifications WHERE object_id = ?1 ORDER BY version DESC LIMIT 1"
    );
    conn.query_row(&sql, [object_id], classification_from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(object_id.to_string()))
}

/// The content of a classification: frozen snapshot if approved, live rows if a draft.
pub fn content_of(conn: &Connection, c: &ClassificationRow, live_meta: &ObjectMeta) -> Result<Snapshot> {
    if let Some(snapshot) = &c.snapshot {
        return Ok(serde_json::from_str(snapshot)?);
    }
    Ok(Snapshot {
        meta: live_meta.clone(),
        content: ClassificationContent {
            sets: read_sets(conn, &c.id)?,
            uplifts: serde_json::from_str(&c.uplifts)?,
            lagrum: serde_json::from_str(&c.lagrum)?,
        },
    })
}

pub fn load_scale(conn: &Connection, id: &str, version: &str) -> Result<Scale> {
    let json: String =
        conn.query_row("SELECT definition FROM scales WHERE id = ?1 AND version = ?2", [id, version], |r| r.get(0))?;
    Ok(serde_json::from_str(&json)?)
}
