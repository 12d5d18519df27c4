//! `meedoen paden`: where meedoen reads and writes, so a consultant or an IT department
//! can find the drafts, plans and override files (and check nothing goes elsewhere). The
//! folders come from the same loader the app uses, so the plans folder shown is the one
//! plans are written to (with the gemeente's `uitvoermap` applied), and every data file
//! says which layer it comes from.

use std::io::Write;
use std::process::ExitCode;

use super::{Cli, Fout, terminal_safe};
use crate::store::layers::Laag;
use crate::store::paths::PORTABLE_DIR;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(cli: &Cli, _args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::bundle(cli)?;
    let paths = &bundle.paths;
    let show = |p: &std::path::Path| terminal_safe(&p.display().to_string());
    for (what, dir) in paths.describe() {
        writeln!(out, "{what}:\n  {}", show(&dir))?;
    }
    let others: Vec<_> = crate::app::erase::plan_folders(&bundle)
        .into_iter()
        .skip(1)
        .collect();
    if !others.is_empty() {
        writeln!(out, "ook doorzocht bij `meedoen wis`:")?;
        for dir in others {
            writeln!(out, "  {}", show(&dir))?;
        }
    }
    match &bundle.team {
        Some(t) => {
            let staat = if t.bereikbaar {
                "bereikbaar"
            } else {
                "niet bereikbaar"
            };
            writeln!(
                out,
                "teammap (via {}, {staat}):\n  {}\nkopie van de teammap:\n  {}",
                t.via.label(),
                show(&t.dir),
                show(&t.kopie)
            )?;
        }
        None => writeln!(
            out,
            "teammap: geen (--team, MEEDOEN_TEAM of teammap in gemeente.ron)"
        )?,
    }
    if bundle.profielen.is_empty() {
        writeln!(out, "gemeenteprofielen: geen (alleen gemeente.ron)")?;
    } else {
        writeln!(out, "gemeenteprofielen (--gemeente NAAM):")?;
        for p in &bundle.profielen {
            writeln!(
                out,
                "  {}: {} ({})",
                terminal_safe(&p.naam),
                p.laag.label(),
                terminal_safe(&p.bestand)
            )?;
        }
    }
    writeln!(out, "gegevensbestanden en hun laag:")?;
    for h in &bundle.herkomst {
        let lagen: Vec<String> = h
            .lagen
            .iter()
            .map(|(laag, name, _)| match laag {
                Laag::Ingebouwd => "ingebouwd".to_string(),
                _ => format!("{} ({})", laag.label(), terminal_safe(name)),
            })
            .collect();
        let lagen = if lagen.is_empty() {
            "standaard".to_string()
        } else {
            lagen.join(" + ")
        };
        writeln!(out, "  {}: {lagen}", h.file)?;
    }
    let mode = if paths.portable {
        format!("aan (map `{PORTABLE_DIR}` naast het programma)")
    } else {
        "uit".to_string()
    };
    writeln!(out, "draagbare modus: {mode}")?;
    // The storage terms of the gemeente settings in use (from whichever layer).
    writeln!(
        out,
        "bewaartermijn: {}",
        bundle.gemeente.bewaartermijn.beschrijving()
    )?;
    Ok(ExitCode::SUCCESS)
}
