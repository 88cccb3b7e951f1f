//! `infoklass top-risk-role`: show or name the role that may accept a risk in the matrix's top
//! band (e.g. Regiondirektör).

use infoklass_core::risk::matrix::{RiskMatrix, TOP_MANAGEMENT_ROLE};
use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The role's name in the organisation, e.g. "Kommundirektör".
    #[arg(long)]
    set: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    if let Some(title) = &a.set {
        store.set_top_risk_role(ctx, title)?;
    }
    let title = match store.top_risk_role()? {
        Some(t) => t,
        None => RiskMatrix::default_matrix().role(TOP_MANAGEMENT_ROLE).map(|r| r.name_sv.clone()).unwrap_or_default(),
    };
    if a.json {
        return print_json(&serde_json::json!({ "title": title }));
    }
    println!("Risker i det högsta bandet får accepteras av: {title}.");
    Ok(())
}
