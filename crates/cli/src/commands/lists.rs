//! The subcommands shared by the lists an organisation keeps as files (threats, information
//! types): list them, write them out to edit, read an edited file back.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use infoklass_core::ErrorCode;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ListCommand,
}

#[derive(Subcommand)]
pub enum ListCommand {
    /// List the entries, with how much each is used and which are retired.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write the list as a TOML file to edit.
    Export { file: PathBuf },
    /// Make the list match an edited file: new entries added, changed ones updated, entries
    /// missing from the file retired (never deleted).
    Import {
        file: PathBuf,
        /// Report what would change, without storing anything.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

/// The file's text (size-capped); a file that is not UTF-8 text has the list's `code`.
pub fn read(file: &Path, code: ErrorCode) -> Result<String, CliError> {
    let bytes = crate::input::read_capped(file, infoklass_core::limits::MAX_FILE_BYTES)?;
    String::from_utf8(bytes).map_err(|_| invalid(file, code, "it is not UTF-8 text"))
}

/// A file that is not a valid list: nothing was imported.
pub fn invalid(file: &Path, code: ErrorCode, reason: impl std::fmt::Display) -> CliError {
    CliError { code, message: format!("{}: {reason}; nothing was imported", file.display()) }
}

/// One line on what an import of an edited list did (or would do).
pub fn print_sync(created: &[String], updated: &[String], retired: &[String], unchanged: u32, dry_run: bool) {
    let list = |keys: &[String]| if keys.is_empty() { String::new() } else { format!(" ({})", keys.join(", ")) };
    println!(
        "{} nya{}, {} ändrade{}, {} tas ur bruk{}, {} oförändrade{}",
        created.len(),
        list(created),
        updated.len(),
        list(updated),
        retired.len(),
        list(retired),
        unchanged,
        if dry_run { " (inget sparat)" } else { "" }
    );
}
