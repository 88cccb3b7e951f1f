use std::path::PathBuf;

use infoklass_store::{Ctx, Store};

use crate::input::read_object_file;
use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON or TOML description of the object and its information sets.
    file: PathBuf,
    /// Print the created object as JSON (like `show --json`).
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let input = read_object_file(&a.file)?;
    let id = store.create_object(ctx, &input)?;
    let detail = store.get_object(&id, &ctx.today)?;
    if a.json {
        return print_json(&detail);
    }
    println!("Skapat: {} {} (utkast) {id}", detail.meta.name, detail.current.profile.text);
    for issue in &detail.issues {
        println!("  att göra före fastställande: {}", issue.message_sv());
    }
    Ok(())
}
