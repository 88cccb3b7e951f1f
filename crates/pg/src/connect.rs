//! Opening a connection. A failure says which part failed (the host, the login or TLS) and
//! comes within the URL's `connect_timeout` (5 s unless it says otherwise), so the app can
//! tell the user and offer the local file instead of waiting.

use std::time::Duration;

use native_tls::{Certificate, TlsConnector};
use postgres::config::SslMode as PgSslMode;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

use crate::error::{PgError, Result};
use crate::target::{SslMode, Target};

/// Connects to the target; `password` (asked for by the app) wins over the URL's and
/// `.pgpass`.
pub fn connect(target: &Target, password: Option<&str>) -> Result<Client> {
    let mut config = postgres::Config::new();
    config
        .host(&target.host)
        .port(target.port)
        .user(&target.user)
        .dbname(&target.dbname)
        .application_name(&target.application_name)
        .connect_timeout(Duration::from_secs(target.connect_timeout_s.max(1)));
    if let Some(p) = password.or(target.password.as_deref()) {
        config.password(p);
    }
    config.ssl_mode(match target.sslmode {
        SslMode::Disable => PgSslMode::Disable,
        SslMode::Prefer => PgSslMode::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => PgSslMode::Require,
    });
    let tls = tls_connector(target)?;
    config.connect(tls).map_err(|e| classify(target, e))
}

fn tls_connector(target: &Target) -> Result<MakeTlsConnector> {
    let tls_error = |reason: String| PgError::Tls { host: target.host.clone(), reason };
    let mut builder = TlsConnector::builder();
    if let Some(file) = &target.sslrootcert {
        let pem = std::fs::read(file).map_err(|e| tls_error(format!("cannot read {}: {e}", file.display())))?;
        let cert = Certificate::from_pem(&pem).map_err(|e| tls_error(format!("{}: {e}", file.display())))?;
        builder.add_root_certificate(cert);
    }
    // libpq's meanings: `require` only encrypts (unless a root certificate is given, when it
    // checks the chain like `verify-ca`); `verify-ca` checks the chain, `verify-full` also
    // the host name. `prefer` encrypts when it can, without checking.
    let mode = match (target.sslmode, &target.sslrootcert) {
        (SslMode::Require, Some(_)) => SslMode::VerifyCa,
        (m, _) => m,
    };
    match mode {
        SslMode::Disable | SslMode::Prefer | SslMode::Require => {
            builder.danger_accept_invalid_certs(true).danger_accept_invalid_hostnames(true);
        }
        SslMode::VerifyCa => {
            builder.danger_accept_invalid_hostnames(true);
        }
        SslMode::VerifyFull => {}
    }
    let connector = builder.build().map_err(|e| tls_error(e.to_string()))?;
    Ok(MakeTlsConnector::new(connector))
}

/// Sorts a connection failure into host, login or TLS by what the server or the driver said.
fn classify(target: &Target, e: postgres::Error) -> PgError {
    let host = format!("{}:{}", target.host, target.port);
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        use postgres::error::SqlState;
        if *code == SqlState::INVALID_PASSWORD || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            return PgError::Authentication { host, user: target.user.clone(), reason: db.message().to_string() };
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            return PgError::Unreachable { host, reason: db.message().to_string() };
        }
        return PgError::Db(db.message().to_string());
    }
    let text = e.to_string();
    let reason = std::error::Error::source(&e).map_or(text.clone(), |s| format!("{text}: {s}"));
    let lower = reason.to_lowercase();
    if lower.contains("password missing") {
        return PgError::Authentication { host, user: target.user.clone(), reason: "a password is needed".into() };
    }
    if lower.contains("tls") || lower.contains("ssl") || lower.contains("certificate") {
        return PgError::Tls { host, reason };
    }
    PgError::Unreachable { host, reason }
}
