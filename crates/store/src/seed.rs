//! The shipped defaults (the scale and the information types) written into a new database.

use crate::sql::{params, Connection};
use infoklass_core::info_type::{parse_info_types, InfoType, DEFAULT_INFO_TYPES_TOML};
use infoklass_core::Scale;

use crate::error::Result;

/// Makes sure the default scale and information types are stored; returns the scale.
pub fn seed_defaults(conn: &Connection) -> Result<Scale> {
    let scale = Scale::default_scale();
    let tx = conn.savepoint()?;
    tx.execute(
        "INSERT INTO scales (id, version, definition) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        params![scale.id, scale.version, serde_json::to_string(&scale)?],
    )?;
    let have_types: i64 = tx.query_row("SELECT COUNT(*) FROM info_types", [], |r| r.get(0))?;
    if have_types == 0 {
        let types = parse_info_types(DEFAULT_INFO_TYPES_TOML).expect("the shipped information types are valid");
        for (i, t) in types.iter().enumerate() {
            tx.execute(
                "INSERT INTO info_types (key, name_sv, name_en, description_sv, levels, position, description_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    t.key,
                    t.name_sv,
                    t.name_en,
                    t.description_sv,
                    serde_json::to_string(&t.levels)?,
                    i as i64,
                    t.description_en
                ],
            )?;
        }
    }
    tx.commit()?;
    Ok(scale)
}

/// Every information type, retired ones included (sets that have one keep its floor).
pub fn info_types(conn: &Connection) -> Result<Vec<InfoType>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, name_sv, name_en, description_sv, levels, retired, description_en FROM info_types ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, String>(4)?, r.get(5)?, r.get(6)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (key, name_sv, name_en, description_sv, levels, retired, description_en) = row?;
        out.push(InfoType {
            key,
            name_sv,
            name_en,
            description_sv,
            description_en,
            levels: serde_json::from_str(&levels)?,
            retired,
        });
    }
    Ok(out)
}

/// Whether any shipped data (scale, information types, requirement catalogue, risk matrix,
/// threats) is missing; only then does opening write.
pub(crate) fn missing(conn: &Connection) -> Result<bool> {
    let scale = Scale::default_scale();
    let matrix = infoklass_core::risk::matrix::RiskMatrix::default_matrix();
    let catalog = infoklass_core::requirements::Catalog::default_catalog();
    let all_there: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM scales WHERE id = ?1 AND version = ?2)
            AND EXISTS (SELECT 1 FROM info_types)
            AND EXISTS (SELECT 1 FROM risk_matrices WHERE id = ?3 AND version = ?4)
            AND EXISTS (SELECT 1 FROM threats)
            -- the shipped catalogue is stored, or the organisation uses one of its own
            AND (EXISTS (SELECT 1 FROM catalogs WHERE id = ?5 AND version = ?6)
                 OR COALESCE((SELECT id FROM catalogs ORDER BY seq DESC LIMIT 1), ?5) <> ?5)",
        params![scale.id, scale.version, matrix.id, matrix.version, catalog.id, catalog.version],
        |r| r.get(0),
    )?;
    Ok(!all_there || crate::lagrum::missing(conn)?)
}
