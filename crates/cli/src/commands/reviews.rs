//! `infoklass reviews`: the review queue, overdue first, grouped by unit and owner.

use std::path::PathBuf;

use infoklass_core::collate::compare;
use infoklass_files::procurement_csv::field;
use infoklass_store::{Ctx, ReviewDue, Store};

use crate::output::{print_json, write_file};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Also list reviews due within this many days (overdue ones are always listed).
    #[arg(long, default_value_t = 90, value_name = "DAYS")]
    due_within: u32,
    #[arg(long)]
    json: bool,
    /// Write the list as CSV (semicolon-separated, for Excel) to this file.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> Result<(), CliError> {
    let mut queue = store.review_queue(&ctx.today, a.due_within)?;
    // Grouped by unit, then owner, in Swedish order; within a group the most overdue first.
    queue.sort_by(|x, y| {
        compare(&x.unit, &y.unit)
            .then_with(|| compare(&x.information_owner, &y.information_owner))
            .then(x.days_left.cmp(&y.days_left))
    });
    if let Some(path) = &a.csv {
        write_file(path, csv(&queue).as_bytes())?;
        println!("{} översyner skrivna till {}", queue.len(), path.display());
        return Ok(());
    }
    if a.json {
        return print_json(&queue);
    }
    if queue.is_empty() {
        println!("Inga översyner försenade eller inom {} dagar.", a.due_within);
        return Ok(());
    }
    let mut group = None;
    for r in &queue {
        let key = (r.unit.as_str(), r.information_owner.as_str());
        if group != Some(key) {
            println!("\n{} · {}", or_dash(&r.unit), or_dash(&r.information_owner));
            group = Some(key);
        }
        println!("  {}  {:<14} {}", r.next_review, when(r.days_left), r.name);
    }
    Ok(())
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "–"
    } else {
        s
    }
}

fn when(days_left: i32) -> String {
    match days_left {
        d if d < 0 => format!("{} d försenad", -d),
        0 => "i dag".to_string(),
        d => format!("om {d} d"),
    }
}

/// CSV for Swedish Excel (UTF-8 with BOM, `;`), text never read as a formula.
fn csv(queue: &[ReviewDue]) -> String {
    let mut out = String::from(
        "\u{feff}Förvaltning/enhet;Informationsägare;Objekt;Nästa översyn;Dagar kvar;Fastställd version;ID\r\n",
    );
    for r in queue {
        let version = r.approved_version.map(|v| v.to_string()).unwrap_or_default();
        // Numbers as they are: a negative day count is a number, not a formula.
        let row = [
            field(&r.unit),
            field(&r.information_owner),
            field(&r.name),
            field(&r.next_review),
            r.days_left.to_string(),
        ];
        out.push_str(&[row.join(";"), version, field(&r.id)].join(";"));
        out.push_str("\r\n");
    }
    out
}
