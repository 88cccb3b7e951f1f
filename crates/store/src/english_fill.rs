//! English texts for a database made before they existed. The migration that adds the
//! columns leaves them empty; this fills in the shipped English text of each shipped threat,
//! information type and requirement (of a shipped catalogue) whose Swedish text is still the
//! shipped one. An entry the organisation reworded keeps an empty English text, so the UI shows
//! its own Swedish marked "(sv)" rather than a translation of other words. Runs inside the
//! open's write transaction.

use crate::sql::{params, Connection};
use infoklass_core::info_type::{parse_info_types, DEFAULT_INFO_TYPES_TOML};
use infoklass_core::requirements::{Catalog, Requirement};
use infoklass_core::risk::ThreatCatalog;

use crate::error::Result;

pub(crate) fn fill(conn: &Connection) -> Result<()> {
    for t in &ThreatCatalog::default_catalog().threats {
        for (sv_col, en_col, sv, en) in [
            ("description_sv", "description_en", &t.description_sv, &t.description_en),
            ("cause_sv", "cause_en", &t.cause_sv, &t.cause_en),
            ("consequence_sv", "consequence_en", &t.consequence_sv, &t.consequence_en),
        ] {
            conn.execute(
                &format!("UPDATE threats SET {en_col} = ?3 WHERE key = ?1 AND {sv_col} = ?2 AND {en_col} = ''"),
                params![t.key, sv, en],
            )?;
        }
    }
    let types = parse_info_types(DEFAULT_INFO_TYPES_TOML).expect("the shipped information types are valid");
    for t in &types {
        conn.execute(
            "UPDATE info_types SET description_en = ?3 WHERE key = ?1 AND description_sv = ?2 AND description_en = ''",
            params![t.key, t.description_sv, t.description_en],
        )?;
    }
    fill_catalogs(conn)
}

/// Shipped catalogues only (an empty `imported_at`): an imported one stays exactly as imported.
fn fill_catalogs(conn: &Connection) -> Result<()> {
    let shipped = Catalog::default_catalog();
    let stored: Vec<(String, String)> = conn
        .prepare("SELECT version, definition FROM catalogs WHERE id = ?1 AND imported_at = ''")?
        .query_map([&shipped.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    for (version, json) in stored {
        let mut c: Catalog = serde_json::from_str(&json)?;
        let mut changed = false;
        for r in &mut c.requirements {
            if let Some(s) = shipped.requirement(&r.key) {
                changed |= fill_requirement(r, s);
            }
        }
        if changed {
            conn.execute(
                "UPDATE catalogs SET definition = ?3 WHERE id = ?1 AND version = ?2",
                params![c.id, version, serde_json::to_string(&c)?],
            )?;
        }
    }
    Ok(())
}

fn fill_requirement(r: &mut Requirement, shipped: &Requirement) -> bool {
    let mut changed = false;
    for (en, sv, shipped_sv, shipped_en) in [
        (&mut r.ar_en, &r.ar_sv, &shipped.ar_sv, &shipped.ar_en),
        (&mut r.ska_en, &r.ska_sv, &shipped.ska_sv, &shipped.ska_en),
        (&mut r.guidance_en, &r.guidance_sv, &shipped.guidance_sv, &shipped.guidance_en),
    ] {
        if en.is_empty() && sv == shipped_sv && !shipped_en.is_empty() {
            *en = shipped_en.clone();
            changed = true;
        }
    }
    changed
}
