//! `infoklass decommission OBJ --reason TEXT [--date YYYY-MM-DD]`: avveckla an object. It is
//! kept, read-only, and left out of `objects` unless `--all` is given.

use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Why the object is decommissioned.
    #[arg(long)]
    reason: String,
    /// The date it was decommissioned (default: today).
    #[arg(long)]
    date: Option<String>,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let date = a.date.unwrap_or_else(|| ctx.today.clone());
    store.decommission(ctx, &id, &date, &a.reason)?;
    println!("Avvecklat: {} ({date})", a.object);
    Ok(())
}
