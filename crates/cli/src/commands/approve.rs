use infoklass_store::{Ctx, Store};

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Who approves (the information owner); defaults to the object's informationsägare.
    #[arg(long)]
    by: Option<String>,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let by = match a.by {
        Some(by) => by,
        None => store.get_object(&id, &ctx.today)?.meta.information_owner,
    };
    store.approve(ctx, &id, &by)?;
    let d = store.get_object(&id, &ctx.today)?;
    println!("Fastställd: {} {} (version {}, av {by})", d.meta.name, d.current.profile.text, d.current.version);
    Ok(())
}
