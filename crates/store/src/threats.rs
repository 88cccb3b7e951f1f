//! The organisation's threat catalogue: copied from the shipped one at first start, then edited
//! here (add, change, retire) or replaced by a file. Threats are never deleted, so every risk
//! keeps the name of the threat it was made from.

use crate::sql::{params, Connection};
use infoklass_core::limits::{check_count, MAX_LIST_ENTRIES};
use infoklass_core::risk::{next_threat_key, Threat, ThreatCatalog, ThreatOrigin};

use crate::dto::ListImport;
use crate::dto_risks::{ThreatEntry, ThreatInput, ThreatList};
use crate::error::{Result, StoreError};
use crate::list_sync::{self, Listed, Writer};
use crate::risks::threat_catalog;
use crate::{Ctx, Store};

impl Listed for Threat {
    fn key(&self) -> &str {
        &self.key
    }
    fn retired(&self) -> bool {
        self.retired
    }
    fn with_retired(&self, retired: bool) -> Self {
        Threat { retired, ..self.clone() }
    }
}

const WRITER: Writer<Threat> = Writer { entity: "threat", table: "threats", insert, update };

fn find(conn: &Connection, key: &str) -> Result<Option<Threat>> {
    let (_, threats) = threat_catalog(conn)?;
    Ok(threats.into_iter().find(|t| t.key == key))
}

fn checked(t: &Threat, origins: &[ThreatOrigin]) -> Result<()> {
    t.check(origins).map_err(|p| StoreError::BadThreat { code: p.code, message: p.message })
}

fn insert(conn: &Connection, t: &Threat, position: Option<i64>) -> Result<()> {
    conn.execute(
        "INSERT INTO threats (key, origin, name_sv, name_en, description_sv, cause_sv, consequence_sv, aspects, retired, position,
            description_en, cause_en, consequence_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(?10, (SELECT COALESCE(MAX(position), -1) + 1 FROM threats)),
            ?11, ?12, ?13)",
        params![t.key, t.origin, t.name_sv, t.name_en, t.description_sv, t.cause_sv, t.consequence_sv,
            serde_json::to_string(&t.aspects)?, t.retired, position, t.description_en, t.cause_en, t.consequence_en],
    )?;
    Ok(())
}

fn update(conn: &Connection, t: &Threat) -> Result<()> {
    conn.execute(
        "UPDATE threats SET origin = ?2, name_sv = ?3, name_en = ?4, description_sv = ?5, cause_sv = ?6,
         consequence_sv = ?7, aspects = ?8, retired = ?9, description_en = ?10, cause_en = ?11, consequence_en = ?12
         WHERE key = ?1",
        params![
            t.key,
            t.origin,
            t.name_sv,
            t.name_en,
            t.description_sv,
            t.cause_sv,
            t.consequence_sv,
            serde_json::to_string(&t.aspects)?,
            t.retired,
            t.description_en,
            t.cause_en,
            t.consequence_en
        ],
    )?;
    Ok(())
}

fn trimmed(input: &ThreatInput, key: String, retired: bool) -> Threat {
    let mut aspects = input.aspects.clone();
    aspects.sort();
    aspects.dedup();
    Threat {
        key,
        origin: input.origin.trim().into(),
        name_sv: input.name_sv.trim().into(),
        name_en: input.name_en.trim().into(),
        description_sv: input.description_sv.trim().into(),
        cause_sv: input.cause_sv.trim().into(),
        consequence_sv: input.consequence_sv.trim().into(),
        description_en: input.description_en.trim().into(),
        cause_en: input.cause_en.trim().into(),
        consequence_en: input.consequence_en.trim().into(),
        aspects,
        retired,
    }
}

impl Store {
    /// Every threat, retired ones included, with how many risks name it.
    pub fn threats(&self) -> Result<ThreatList> {
        let (origins, threats) = threat_catalog(&self.conn)?;
        // Counted here rather than in SQL, whose JSON functions differ between the backends.
        let mut stmt = self.conn.prepare_cached("SELECT data FROM risks WHERE data LIKE '%\"threat_key\"%'")?;
        let mut used: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for data in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let risk: serde_json::Value = serde_json::from_str(&data?)?;
            if let Some(key) = risk.get("threat_key").and_then(|k| k.as_str()) {
                *used.entry(key.to_string()).or_default() += 1;
            }
        }
        let threats = threats
            .into_iter()
            .map(|t| ThreatEntry { used_in: used.get(&t.key).copied().unwrap_or(0), threat: t })
            .collect();
        Ok(ThreatList { origins, threats })
    }

    /// Adds a threat (no key: the next HOT-number) or changes one; returns it as stored.
    pub fn save_threat(&mut self, ctx: &Ctx, input: &ThreatInput) -> Result<Threat> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        let (origins, all) = threat_catalog(&tx)?;
        let old = match input.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            Some(key) => {
                Some(all.iter().find(|t| t.key == key).ok_or_else(|| StoreError::NotFound(format!("threat {key}")))?)
            }
            None => None,
        };
        let t = match old {
            Some(old) => trimmed(input, old.key.clone(), old.retired),
            None => trimmed(input, next_threat_key(all.iter().map(|t| t.key.as_str())), false),
        };
        checked(&t, &origins)?;
        WRITER.write(&tx, ctx, old, &t, "update")?;
        tx.commit()?;
        Ok(t)
    }

    /// Takes a threat out of use (or back into it). Risks made from it keep its name.
    pub fn set_threat_retired(&mut self, ctx: &Ctx, key: &str, retired: bool) -> Result<Threat> {
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        let old = find(&tx, key)?.ok_or_else(|| StoreError::NotFound(format!("threat {key}")))?;
        let t = old.with_retired(retired);
        WRITER.write(&tx, ctx, Some(&old), &t, if retired { "retire" } else { "restore" })?;
        tx.commit()?;
        Ok(t)
    }

    /// The catalogue as a file the organisation can edit and import again.
    pub fn threat_catalog_file(&self, version: &str) -> Result<ThreatCatalog> {
        let (origins, threats) = threat_catalog(&self.conn)?;
        let shipped = ThreatCatalog::default_catalog();
        Ok(ThreatCatalog { id: shipped.id, version: version.into(), origins, threats })
    }

    /// Makes the database's catalogue match the file: new threats added, changed ones updated,
    /// the file's order kept, threats missing from the file retired. One transaction; with
    /// `dry_run` nothing is written and the report says what would happen.
    pub fn import_threats(&mut self, ctx: &Ctx, file: &ThreatCatalog, dry_run: bool) -> Result<ListImport> {
        check_count("threats in the file", file.threats.len(), MAX_LIST_ENTRIES)?;
        check_count("origins in the file", file.origins.len(), MAX_LIST_ENTRIES)?;
        let tx = crate::write_tx::begin(&mut self.conn, &self.lock)?;
        for (i, o) in file.origins.iter().enumerate() {
            tx.execute(
                "INSERT INTO threat_origins (key, name_sv, name_en, position) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en, position = excluded.position",
                params![o.key, o.name_sv, o.name_en, i as i64],
            )?;
        }
        let (origins, before) = threat_catalog(&tx)?;
        for t in &file.threats {
            checked(t, &origins)?;
        }
        let plan = list_sync::plan(&before, &file.threats);
        WRITER.apply(&tx, ctx, &plan)?;
        let report = plan.report();
        if !dry_run {
            tx.commit()?;
        }
        Ok(report)
    }
}
