//! What can go wrong with the organisation database, each with the code the UI and the CLI
//! show (see `infoklass_core::ErrorCode`).

use infoklass_core::ErrorCode;

pub type Result<T> = std::result::Result<T, PgError>;

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("{0}")]
    BadUrl(String),
    #[error("the database server {host} cannot be reached: {reason}")]
    Unreachable { host: String, reason: String },
    #[error("the login {user} was refused by {host}: {reason}")]
    Authentication { host: String, user: String, reason: String },
    #[error("no secure (TLS) connection to {host}: {reason}")]
    Tls { host: String, reason: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("the database holds other data ({0}); Infoklass sets up only an empty database")]
    NotEmpty(String),
    #[error("the database has schema version {found}; this Infoklass knows up to {supported}")]
    NewerSchema { found: i64, supported: i64 },
    #[error("{0}")]
    InvalidInput(String),
    #[error("database error: {0}")]
    Db(String),
}

impl PgError {
    pub fn code(&self) -> ErrorCode {
        match self {
            PgError::BadUrl(_) | PgError::InvalidInput(_) => ErrorCode::InvalidInput,
            PgError::Unreachable { .. } => ErrorCode::DbUnreachable,
            PgError::Authentication { .. } => ErrorCode::DbLoginFailed,
            PgError::Tls { .. } => ErrorCode::DbTls,
            PgError::Forbidden(_) => ErrorCode::Forbidden,
            PgError::NotEmpty(_) => ErrorCode::DbNotEmpty,
            PgError::NewerSchema { .. } => ErrorCode::DbNewerSchema,
            PgError::Db(_) => ErrorCode::DbError,
        }
    }
}

impl From<postgres::Error> for PgError {
    /// Errors from statements: a refusal by a grant, a policy or one of our triggers is
    /// `FORBIDDEN`; everything else keeps the server's message.
    fn from(e: postgres::Error) -> Self {
        if let Some(db) = e.as_db_error() {
            let message = db.message().to_string();
            if *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
                || message.starts_with("new row violates row-level security policy")
            {
                return PgError::Forbidden(message);
            }
            return PgError::Db(message);
        }
        PgError::Db(e.to_string())
    }
}
