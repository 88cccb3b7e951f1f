//! Tauri commands, grouped by domain. Each is a one-line delegation to the store; errors
//! cross to the UI as `ErrorBody {code, message, details}`.

pub mod classification;
pub mod objects;
pub mod reference;

use infoklass_store::{Ctx, ErrorBody, StoreError};

pub type CmdResult<T> = Result<T, ErrorBody>;

pub(crate) fn err(e: StoreError) -> ErrorBody {
    e.to_body()
}

/// The acting user and the time, read at the edge.
pub(crate) fn ctx() -> Ctx {
    Ctx::system()
}
