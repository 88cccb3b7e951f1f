use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Print JSON (a list of Action).
    #[arg(long)]
    json: bool,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let plan = store.action_plan(&id, &ctx.today)?;
    if a.json {
        return print_json(&plan);
    }
    if plan.is_empty() {
        println!("Handlingsplanen är tom.");
    }
    for action in &plan {
        let due = action.due.clone().unwrap_or_else(|| "–".into());
        let flag = if action.overdue { "  FÖRSENAD" } else { "" };
        let from = action.requirement_key.clone().unwrap_or_else(|| "egen".into());
        println!(
            "{due:<10}  {:<6} {:<12} {:<8} {}{flag}",
            action.priority.as_str(),
            action.status.as_str(),
            from,
            action.measure
        );
    }
    Ok(())
}
