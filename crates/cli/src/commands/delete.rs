use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    store.delete_object(ctx, &id)?;
    println!("Borttaget: {} ({id})", a.object);
    Ok(())
}
