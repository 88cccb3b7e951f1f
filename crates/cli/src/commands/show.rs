use infoklass_core::{Aspect, Origin};
use infoklass_store::{Ctx, ObjectDetail, Store};
use serde::Serialize;

use crate::output::{print_json, status_sv};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The object's id or name (case-insensitive).
    object: String,
    /// Print JSON: {"object": ObjectDetail, "dependencies": Dependencies, "history": [HistoryEntry]}.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    object: &'a ObjectDetail,
    dependencies: infoklass_store::Dependencies,
    history: Vec<infoklass_store::HistoryEntry>,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let id = store.find_object(&a.object)?;
    let d = store.get_object(&id, &ctx.today)?;
    let history = store.history(&id)?;
    let dependencies = store.dependencies(&id)?;
    if a.json {
        return print_json(&ShowJson { object: &d, dependencies, history });
    }
    let c = &d.current;
    println!("{}  ({})", d.meta.name, d.meta.kind.as_str());
    println!("  id: {}", d.id);
    println!("  Profil: {}   Status: {} (version {})", c.profile.text, status_sv(c.status), c.version);
    if let (Some(by), Some(at)) = (&c.approved_by, &c.approved_at) {
        println!("  Fastställd av {by}, {at}");
    }
    for (label, value) in [
        ("Förvaltning/enhet", &d.meta.unit),
        ("Informationsägare", &d.meta.information_owner),
        ("Systemägare", &d.meta.system_owner),
        ("Systemförvaltare", &d.meta.system_administrator),
        ("Leverantör", &d.meta.supplier),
    ] {
        if !value.is_empty() {
            println!("  {label}: {value}");
        }
    }
    if let Some(r) = &d.isak_record {
        println!("  {}", isak_line(r));
    }
    if let Some(gone) = &d.decommissioned {
        println!("  Avvecklad {}: {}", gone.date, gone.reason);
    }
    if let Some(next) = &d.meta.next_review {
        println!("  Nästa översyn: {next}{}", if d.review_overdue { " (försenad)" } else { "" });
    }
    if !c.profile.security_aspects.is_empty() {
        println!(
            "  OBS: nivå 4 (säkerhetsskydd) – särskild analys med säkerhetsskyddschefen krävs; inga krav härleds."
        );
    }
    println!("\nInformationsmängder:");
    for s in &c.content.sets {
        println!("  {}  {}", s.name, infoklass_core::profile_string(&s.levels));
        for (a, m) in s.motivations.iter().filter(|(_, m)| !m.is_empty()) {
            println!("    {}: {m}", a.code());
        }
    }
    println!("\nHärledning:");
    for a in Aspect::ALL {
        let from: Vec<String> = c.profile.origins.get(a).iter().map(origin_text).collect();
        println!("  {}: {}", a.code(), if from.is_empty() { "ej bedömd".into() } else { from.join(", ") });
    }
    if !dependencies.depends_on.is_empty() || !dependencies.depended_on_by.is_empty() {
        println!("\nBeroenden:");
        for l in &dependencies.depends_on {
            println!("  {} {} ({})", l.kind.name_sv(), l.name, l.profile);
        }
        for l in &dependencies.depended_on_by {
            println!("  används av {} ({}, {})", l.name, l.kind.name_sv(), l.profile);
        }
        if !dependencies.cycle.is_empty() {
            println!("  Cirkulärt beroende: {}", dependencies.cycle.join(" → "));
        }
    }
    if !d.issues.is_empty() {
        println!("\nAtt göra före fastställande:");
        for i in &d.issues {
            println!("  - {}", i.message_sv());
        }
    }
    println!("\nHistorik:");
    for h in &history {
        println!("  {}  {}  {} {}", h.at, h.actor, h.action, h.entity);
    }
    Ok(())
}

/// "Klassad i ISAK 2019-03-12 · deltagare … · informationsägare … · journalsystem.xlsx, blad Klassning".
fn isak_line(r: &infoklass_store::IsakRecord) -> String {
    let version = r.isak_version.as_deref().map(|v| format!(" {v}")).unwrap_or_default();
    let mut parts = vec![match &r.classified_on {
        Some(d) => format!("Klassad i ISAK{version} {d}"),
        None => format!("Klassad i ISAK{version} (datum saknas i arbetsboken)"),
    }];
    if !r.participants.is_empty() {
        parts.push(format!("deltagare {}", r.participants.join(", ")));
    }
    for (label, value) in [("informationsägare", &r.information_owner), ("systemägare", &r.system_owner)] {
        if !value.trim().is_empty() {
            parts.push(format!("{label} {value}"));
        }
    }
    let sheet = if r.sheet.is_empty() { String::new() } else { format!(", blad {}", r.sheet) };
    parts.push(format!("{}{sheet} (importerad {})", r.file_name, r.imported_at.get(..10).unwrap_or(&r.imported_at)));
    parts.join(" · ")
}

fn origin_text(o: &Origin) -> String {
    match o {
        Origin::Set { name, level, .. } => format!("{level} från {name}"),
        Origin::Lagrum { lagrum, level } => format!("{level} från lagrum {lagrum}"),
        Origin::Uplift { reason, level } => format!("{level} genom uppjustering ({reason:?})").to_lowercase(),
    }
}
