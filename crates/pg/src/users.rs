//! Which login has which role. A login is a PostgreSQL role of its own (authenticated as the
//! server is configured: SCRAM, LDAP, Kerberos, certificates); `users add` makes it a member
//! of one of the five group roles, which is what the grants and policies check, and records
//! its unit. Only an administrator (or the database's owner) can do this: the server refuses
//! everyone else.

use postgres::Client;

use crate::error::{PgError, Result};
use crate::ROLES;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    pub login: String,
    pub role: String,
    pub unit: String,
    pub added_at: String,
    pub added_by: String,
    /// False when the login has lost its role membership outside Infoklass.
    pub member: bool,
}

/// Gives `login` the role (replacing any other Infoklass role it had), creating the login
/// when the server does not have it yet.
pub fn add(client: &mut Client, login: &str, role: &str, unit: &str) -> Result<()> {
    check_login(login)?;
    if !ROLES.contains(&role) {
        return Err(PgError::InvalidInput(format!("\"{role}\" is not a role; the roles are {}", ROLES.join(", "))));
    }
    let ident = quote(login);
    let mut tx = client.transaction()?;
    let exists = tx.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&login])?.is_some();
    if !exists {
        tx.batch_execute(&format!("CREATE ROLE {ident} LOGIN"))?;
    }
    for other in direct_roles(&mut tx, login)?.iter().filter(|r| *r != role) {
        tx.batch_execute(&format!("REVOKE {} FROM {ident}", quote(other)))?;
    }
    tx.batch_execute(&format!("GRANT {role} TO {ident}"))?;
    let create_role = if role == "administrator" { "CREATEROLE" } else { "NOCREATEROLE" };
    tx.batch_execute(&format!("ALTER ROLE {ident} {create_role}"))?;
    tx.execute(
        "INSERT INTO app_users (login, role, unit, added_at, added_by)
         VALUES ($1, $2, $3, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), session_user)
         ON CONFLICT (login) DO UPDATE SET role = excluded.role, unit = excluded.unit,
             added_at = excluded.added_at, added_by = excluded.added_by",
        &[&login, &role, &unit.trim()],
    )?;
    tx.commit()?;
    Ok(())
}

pub fn list(client: &mut Client) -> Result<Vec<User>> {
    let rows = client.query(
        "SELECT u.login, u.role, u.unit, u.added_at, u.added_by,
                CASE WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = u.login)
                     THEN pg_has_role(u.login, u.role, 'MEMBER') ELSE false END
         FROM app_users u ORDER BY u.login",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| User {
            login: r.get(0),
            role: r.get(1),
            unit: r.get(2),
            added_at: r.get(3),
            added_by: r.get(4),
            member: r.get(5),
        })
        .collect())
}

/// Takes the login's Infoklass role away. The login itself stays: it may be used elsewhere
/// on the server, and the history still names it. False when it had no role here.
pub fn remove(client: &mut Client, login: &str) -> Result<bool> {
    check_login(login)?;
    let ident = quote(login);
    let mut tx = client.transaction()?;
    let known = tx.execute("DELETE FROM app_users WHERE login = $1", &[&login])? > 0;
    let exists = tx.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&login])?.is_some();
    if exists {
        for role in direct_roles(&mut tx, login)? {
            tx.batch_execute(&format!("REVOKE {} FROM {ident}", quote(&role)))?;
        }
        tx.batch_execute(&format!("ALTER ROLE {ident} NOCREATEROLE"))?;
    }
    tx.commit()?;
    Ok(known)
}

/// The Infoklass roles granted to the login itself (not those it has through another role).
fn direct_roles(tx: &mut postgres::Transaction<'_>, login: &str) -> Result<Vec<String>> {
    let roles: Vec<String> = ROLES.iter().map(|r| r.to_string()).collect();
    let rows = tx.query(
        "SELECT g.rolname FROM pg_auth_members m
         JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
         WHERE u.rolname = $1 AND g.rolname = ANY($2)",
        &[&login, &roles],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// A login as PostgreSQL names roles; our group roles and the server's own are not logins.
fn check_login(login: &str) -> Result<()> {
    let ok_chars = login.chars().all(|c| c.is_alphanumeric() || "._@-".contains(c));
    if login.is_empty() || login.len() > 63 || !ok_chars {
        return Err(PgError::InvalidInput(format!(
            "\"{login}\" is not a login name (letters, digits and . _ @ -, at most 63 bytes)"
        )));
    }
    if ROLES.contains(&login) || login.starts_with("pg_") || login == "public" {
        return Err(PgError::InvalidInput(format!("\"{login}\" is reserved and cannot be a login")));
    }
    Ok(())
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}
