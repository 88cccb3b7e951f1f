//! The organisation database on PostgreSQL.
//!
//! - [`target`]: where to connect, from a `postgresql://` URL, libpq's service file and
//!   `.pgpass` (the app never stores a password of its own);
//! - [`connect`]: the connection, with TLS as the URL's `sslmode` asks and errors that say
//!   whether the host, the login or TLS failed;
//! - [`schema`]: `db init`, the numbered migrations in `migrations/postgres/`, each in one
//!   transaction, and the refusal of a database from a newer Infoklass or holding other data;
//! - [`users`]: which login has which role (`infoklass users`).
//!
//! The rules of who may do what are in the database itself (grants and row-level policies in
//! the migrations), so a user who opens `psql` with their own login can do no more than the
//! app lets them.

pub mod connect;
pub mod error;
pub mod schema;
pub mod target;
pub mod users;

pub use connect::connect;
pub use error::{PgError, Result};
pub use target::{is_database_url, Target};

/// The roles of the organisation database, from least to most.
pub const ROLES: [&str; 5] = ["lasare", "informationsagare", "upphandlare", "samordnare", "administrator"];

/// Runs `f`, which blocks on the driver's own runtime, also from a task of another async
/// runtime (the desktop app's commands run on Tauri's), which Tokio would otherwise refuse:
/// on a multi-threaded runtime the task steps aside (`block_in_place`), on a single-threaded
/// one `f` runs on a thread of its own. Outside any runtime (the CLI) it simply runs.
pub fn blocking<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        Ok(_) => std::thread::scope(|s| s.spawn(f).join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
        Err(_) => f(),
    }
}
