//! `infoklass users`: which login has which role in the organisation database. The server
//! itself refuses anyone but an administrator (or the database's owner).

use std::path::Path;

use infoklass_core::ErrorCode;
use infoklass_pg::users;

use crate::commands::org_db;
use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: UsersCommand,
}

#[derive(clap::Subcommand)]
enum UsersCommand {
    /// Give a login a role (lasare, informationsagare, upphandlare, samordnare, administrator).
    Add {
        login: String,
        #[arg(long)]
        role: String,
        /// The förvaltning or enhet the user works in.
        #[arg(long, default_value = "")]
        unit: String,
    },
    /// The logins and their roles.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take a login's role away (the login and its history stay).
    Remove { login: String },
}

pub fn run(location: &Path, a: Args) -> Result<(), CliError> {
    let text = location.to_string_lossy();
    if !infoklass_pg::is_database_url(&text) {
        return Err(CliError {
            code: ErrorCode::InvalidInput,
            message: "users and roles belong to an organisation database (--db postgresql://…); \
                      on a local file there is one user with every role"
                .into(),
        });
    }
    let (mut client, _) = org_db::connect(&text)?;
    match a.command {
        UsersCommand::Add { login, role, unit } => {
            users::add(&mut client, &login, &role, &unit)?;
            println!(
                "{login}: {role}{}",
                if unit.trim().is_empty() { String::new() } else { format!(" ({})", unit.trim()) }
            );
        }
        UsersCommand::List { json } => {
            let list = users::list(&mut client)?;
            if json {
                return print_json(&list);
            }
            for u in list {
                let warning = if u.member { "" } else { "  (saknar rollen i databasen)" };
                println!("{}\t{}\t{}\t{} av {}{warning}", u.login, u.role, u.unit, u.added_at, u.added_by);
            }
        }
        UsersCommand::Remove { login } => {
            let known = users::remove(&mut client, &login)?;
            println!("{login}: {}", if known { "rollen är borttagen" } else { "hade ingen roll" });
        }
    }
    Ok(())
}
