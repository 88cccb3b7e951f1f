//! `infoklass deps add|list|remove|decide`: dependencies between objects and the levels
//! the objects depending on one suggest for it.

use infoklass_core::dependency::{DependencyKind, SuggestionState};
use infoklass_core::Aspect;
use infoklass_core::ErrorCode;
use infoklass_store::{Ctx, DependencyDecisionInput, DependencyLink, Store};

use crate::output::print_json;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Record that OBJ depends on another object.
    Add(Link),
    /// Remove a dependency.
    Remove(Link),
    /// What OBJ depends on, what depends on it, and the levels suggested to it.
    List {
        object: String,
        /// Print JSON (a Dependencies value).
        #[arg(long)]
        json: bool,
    },
    /// Accept (as an uplift of the draft) or decline a suggestion from a dependent object.
    Decide {
        object: String,
        /// The dependent object whose level is suggested.
        #[arg(long)]
        from: String,
        /// K, R or T.
        #[arg(long, value_parser = parse_aspect)]
        aspect: Aspect,
        #[arg(long, conflicts_with = "decline")]
        accept: bool,
        #[arg(long)]
        decline: bool,
        /// Required when declining.
        #[arg(long, default_value = "")]
        reason: String,
    },
}

#[derive(clap::Args)]
struct Link {
    /// The object that depends (id or name).
    object: String,
    /// The object it depends on (id or name).
    #[arg(long)]
    on: String,
    /// uses, integrates_with, runs_on or supplied_by.
    #[arg(long, value_parser = parse_kind)]
    kind: DependencyKind,
}

fn parse_kind(s: &str) -> Result<DependencyKind, String> {
    DependencyKind::parse(s)
        .ok_or_else(|| format!("unknown kind \"{s}\" (uses, integrates_with, runs_on, supplied_by)"))
}

fn parse_aspect(s: &str) -> Result<Aspect, String> {
    Aspect::ALL
        .into_iter()
        .find(|a| a.code().eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| format!("unknown aspect \"{s}\""))
}

pub fn run(store: &mut Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    match a.command {
        Sub::Add(l) => {
            let (id, on) = (store.find_object(&l.object)?, store.find_object(&l.on)?);
            store.add_dependency(ctx, &id, &on, l.kind)?;
            println!("Beroende tillagt: {} {} {}", l.object, l.kind.name_sv(), l.on);
        }
        Sub::Remove(l) => {
            let (id, on) = (store.find_object(&l.object)?, store.find_object(&l.on)?);
            store.remove_dependency(ctx, &id, &on, l.kind)?;
            println!("Beroende borttaget: {} {} {}", l.object, l.kind.name_sv(), l.on);
        }
        Sub::List { object, json } => list(store, &object, json)?,
        Sub::Decide { object, from, aspect, accept, decline, reason } => {
            if accept == decline {
                return Err(CliError { code: ErrorCode::InvalidInput, message: "give --accept or --decline".into() });
            }
            let id = store.find_object(&object)?;
            let from_object_id = store.find_object(&from)?;
            store.decide_dependency_suggestion(
                ctx,
                &id,
                &DependencyDecisionInput { from_object_id, aspect, accept, reason },
            )?;
            println!(
                "{}: förslag från {from} ({}) {}",
                object,
                aspect.code(),
                if accept { "godtaget" } else { "avböjt" }
            );
        }
    }
    Ok(())
}

fn list(store: &Store, object: &str, json: bool) -> Result<(), CliError> {
    let d = store.dependencies(&store.find_object(object)?)?;
    if json {
        return print_json(&d);
    }
    let line = |l: &DependencyLink| {
        let gone = if l.decommissioned { ", avvecklad" } else { "" };
        format!("{} {}  ({}{gone})", l.kind.name_sv(), l.name, l.approved_profile.as_deref().unwrap_or("ej fastställd"))
    };
    println!("Beroenden för {object}");
    println!("  Beror på:");
    d.depends_on.iter().for_each(|l| println!("    {}", line(l)));
    println!("  Används av:");
    d.depended_on_by.iter().for_each(|l| println!("    {}", line(l)));
    if !d.cycle.is_empty() {
        println!("  Cirkulärt beroende: {} → {}", d.cycle.join(" → "), d.cycle[0]);
    }
    for s in &d.suggestions {
        let state = match s.state {
            SuggestionState::Met => "uppfyllt",
            SuggestionState::Pending => "att ta ställning till",
            SuggestionState::Accepted => "godtaget",
            SuggestionState::Declined => "avböjt",
        };
        let reason = if s.reason.is_empty() { String::new() } else { format!(": {}", s.reason) };
        println!(
            "  Förslag {} ≥ {} från beroende: {} {}{} ({}) – {state}{reason}",
            s.aspect.code(),
            s.min_level,
            s.from_name,
            s.aspect.code(),
            s.min_level,
            s.kind.name_sv()
        );
    }
    Ok(())
}
