//! Connecting the CLI to the organisation database: the URL, `.pgpass` and the service file
//! as libpq reads them, and a password asked on the terminal when the server wants one.

use std::io::IsTerminal;

use infoklass_pg::target::{Sources, Target};
use infoklass_pg::PgError;
use postgres::Client;

use crate::CliError;

impl From<PgError> for CliError {
    fn from(e: PgError) -> Self {
        CliError { code: e.code(), message: e.to_string() }
    }
}

/// The connection and the target it was made to (for messages: never the password).
pub fn connect(url: &str) -> Result<(Client, Target), CliError> {
    let target = Target::parse(url, &Sources::from_env())?;
    let client = match infoklass_pg::connect(&target, None) {
        Err(PgError::Authentication { reason, .. }) if target.password.is_none() && std::io::stdin().is_terminal() => {
            let prompt = format!("Lösenord för {} ({reason}): ", target.display());
            let password = rpassword::prompt_password(prompt)
                .map_err(|e| CliError { code: infoklass_core::ErrorCode::DbLoginFailed, message: e.to_string() })?;
            infoklass_pg::connect(&target, Some(&password))?
        }
        other => other?,
    };
    Ok((client, target))
}
