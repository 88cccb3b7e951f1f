//! Import tests: the shared ISAK samples, then one generated workbook per case in ISAK-FORMAT.md.

mod common;
#[path = "../support/crafted.rs"]
mod crafted;

mod broken;
mod formats;
mod hostile;
mod layout;
mod samples;
mod tolerant;
mod values;
