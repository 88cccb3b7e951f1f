//! The schema of the organisation database: numbered migrations, each applied in one
//! transaction and recorded in `infoklass_schema`; `db init` applies what is missing.

use postgres::Client;

use crate::error::{PgError, Result};

const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../../migrations/postgres/0001_schema.sql")),
    (2, include_str!("../../../migrations/postgres/0002_roles.sql")),
    (3, include_str!("../../../migrations/postgres/0003_isak_record.sql")),
    (4, include_str!("../../../migrations/postgres/0004_notify.sql")),
    (5, include_str!("../../../migrations/postgres/0005_defaults.sql")),
    (6, include_str!("../../../migrations/postgres/0006_history_copy.sql")),
];

/// Serialises `db init` runs against one database (any number; a fixed key of ours).
const INIT_LOCK: i64 = 0x1F0C_1A55;

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// What `db init` did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InitReport {
    /// The version found; `None` for an empty database.
    pub from: Option<i64>,
    pub to: i64,
    pub applied: Vec<i64>,
}

/// The schema version of an Infoklass database, `None` when the database is not one.
pub fn version(client: &mut Client) -> Result<Option<i64>> {
    let exists: bool = client.query_one("SELECT to_regclass('infoklass_schema') IS NOT NULL", &[])?.get(0);
    if !exists {
        return Ok(None);
    }
    Ok(Some(client.query_one("SELECT COALESCE(MAX(version), 0) FROM infoklass_schema", &[])?.get(0)))
}

/// Refuses a database this program cannot work on: one from a newer Infoklass, one that is
/// not set up, or one set up by an older Infoklass (`db init` brings it up to date).
pub fn check(client: &mut Client) -> Result<()> {
    match version(client)? {
        Some(v) if v > latest_version() => Err(PgError::NewerSchema { found: v, supported: latest_version() }),
        Some(v) if v == latest_version() => Ok(()),
        Some(v) => Err(PgError::InvalidInput(format!(
            "the database has schema version {v}; run `infoklass db init` to bring it to {}",
            latest_version()
        ))),
        None => Err(PgError::InvalidInput("the database is not set up for Infoklass; run `infoklass db init`".into())),
    }
}

/// Creates the schema, the roles and the policies on an empty database, or applies the
/// migrations an older Infoklass database lacks. Running it again changes nothing.
pub fn init(client: &mut Client) -> Result<InitReport> {
    client.execute("SELECT pg_advisory_lock($1)", &[&INIT_LOCK])?;
    let result = init_locked(client);
    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&INIT_LOCK]);
    result
}

fn init_locked(client: &mut Client) -> Result<InitReport> {
    let from = version(client)?;
    match from {
        Some(v) if v > latest_version() => {
            return Err(PgError::NewerSchema { found: v, supported: latest_version() });
        }
        Some(_) => {}
        None => refuse_other_data(client)?,
    }
    let mut applied = Vec::new();
    for (number, sql) in MIGRATIONS.iter().filter(|(n, _)| *n > from.unwrap_or(0)) {
        let mut tx = client.transaction()?;
        if *number == 1 {
            tx.batch_execute(
                "CREATE TABLE infoklass_schema (
                     version     BIGINT PRIMARY KEY,
                     applied_at  TEXT NOT NULL,
                     applied_by  TEXT NOT NULL
                 )",
            )?;
        }
        tx.batch_execute(sql).map_err(|e| migration_error(*number, e))?;
        tx.execute(
            "INSERT INTO infoklass_schema (version, applied_at, applied_by)
             VALUES ($1, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), session_user)",
            &[number],
        )?;
        tx.commit()?;
        applied.push(*number);
    }
    Ok(InitReport { from, to: latest_version(), applied })
}

fn migration_error(number: i64, e: postgres::Error) -> PgError {
    match PgError::from(e) {
        PgError::Forbidden(m) => PgError::Forbidden(format!(
            "migration {number}: {m} (db init needs the database's owner with the right to create roles)"
        )),
        PgError::Db(m) => PgError::Db(format!("migration {number}: {m}")),
        other => other,
    }
}

/// A database that is not Infoklass's must be empty: `db init` never mixes with other data.
fn refuse_other_data(client: &mut Client) -> Result<()> {
    let rows = client.query(
        "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
         ORDER BY 1 LIMIT 6",
        &[],
    )?;
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = rows.iter().take(5).map(|r| r.get(0)).collect();
    let more = if rows.len() > 5 { ", …" } else { "" };
    Err(PgError::NotEmpty(format!("{}{more}", names.join(", "))))
}
