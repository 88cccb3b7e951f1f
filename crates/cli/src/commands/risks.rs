use infoklass_store::{Ctx, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name.
    object: String,
    /// Print JSON (a RiskAnalysisView).
    #[arg(long)]
    json: bool,
}

pub fn run(store: &Store, _ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let view = store.risk_analysis(&id)?;
    if a.json {
        return print_json(&view);
    }
    println!("Riskanalys för {} ({})", view.object_name, view.profile);
    let Some(h) = &view.analysis else {
        println!("Ingen riskanalys påbörjad.");
        return Ok(());
    };
    println!("Status: {}   Riskägare: {}   Matris {} {}", h.status, h.risk_owner, h.matrix_id, h.matrix_version);
    let band =
        |key: &str| view.matrix.bands.iter().find(|b| b.key == key).map(|b| b.name_sv.clone()).unwrap_or_default();
    for r in &view.risks {
        let aspects: Vec<&str> = r.risk.aspects.iter().map(|a| a.code()).collect();
        let residual = r.residual_value.map(|v| format!(" → {v}")).unwrap_or_default();
        let review = r
            .needs_review
            .as_ref()
            .map(|f| format!("  BEHÖVER SES ÖVER (konsekvens {} → {})", f.old, f.new))
            .unwrap_or_default();
        let accepted = r.risk.acceptance.as_ref().map(|a| format!("  accepterad av {}", a.name)).unwrap_or_default();
        println!(
            "  {:>2} {:<11} S{} K{} [{}] {}{residual}{accepted}{review}",
            r.value,
            band(&r.band),
            r.risk.probability,
            r.risk.consequence,
            aspects.join(","),
            r.risk.event
        );
    }
    Ok(())
}
