//! `meedoen paden`: where meedoen reads and writes, so a consultant or an IT department
//! can find the drafts, plans and override files (and check nothing goes elsewhere).

use std::io::Write;
use std::process::ExitCode;

use super::{Cli, Fout};
use crate::store::paths::{PORTABLE_DIR, Paths};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(cli: &Cli, _args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let mut paths = Paths::resolve(cli.uitvoer.as_deref()).map_err(Fout::Gebruik)?;
    if let Some(dir) = &cli.instellingen {
        paths.config = dir.clone();
    }
    for (what, dir) in paths.describe() {
        writeln!(out, "{what}:\n  {}", dir.display())?;
    }
    let mode = if paths.portable {
        format!("aan (map `{PORTABLE_DIR}` naast het programma)")
    } else {
        "uit".to_string()
    };
    writeln!(out, "draagbare modus: {mode}")?;
    // Which storage terms apply; a broken gemeente.ron is `controleer`'s to report.
    let termijn = crate::store::assets::gemeente(Some(&paths.config))
        .map(|(g, _)| g.bewaartermijn.beschrijving())
        .unwrap_or_else(|_| "onbekend (gemeente.ron bevat fouten; zie meedoen controleer)".into());
    writeln!(out, "bewaartermijn: {termijn}")?;
    Ok(ExitCode::SUCCESS)
}
