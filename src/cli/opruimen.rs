//! `meedoen opruimen [--ja]`: erases what has passed the `bewaartermijn` of
//! `gemeente.ron` (AVG art. 5(1)(e)), per client, for the gemeente's scripts. The list
//! comes first; erasing needs a typed "ja" or `--ja`. A draft open in a window is never
//! erased. Without a term set, nothing is done and the command says so.

use std::io::Write;
use std::process::ExitCode;

use chrono::Local;

use super::{Cli, EXIT_BESTAND, Fout};
use crate::store::eventlog::{self, Event};
use crate::store::opruimen;
use crate::store::paths::Paths;
use crate::store::{assets, files};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Wissen zonder te vragen (voor scripts)
    #[arg(long)]
    pub ja: bool,
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let config = super::config_dir(cli)?;
    let mut paths = Paths::resolve(cli.uitvoer.as_deref()).map_err(Fout::Gebruik)?;
    paths.config = config.clone();
    let (gemeente, source) =
        assets::gemeente(Some(&config)).map_err(|p| Fout::Gegevens(vec![p]))?;
    // A wrong term must never erase by mistake: the settings are checked first.
    let data = super::load(cli)?;
    let problems = crate::core::gemeente::validate(&gemeente, &data.taxonomy, &source);
    if !problems.is_empty() {
        return Err(Fout::Gegevens(problems));
    }
    if cli.uitvoer.is_none()
        && let Some(dir) = gemeente
            .uitvoermap
            .as_deref()
            .filter(|d| !d.trim().is_empty())
    {
        paths.output = dir.into();
    }
    let termijn = gemeente.bewaartermijn;
    if termijn.concepten.is_none() && termijn.gesprekken.is_none() {
        writeln!(
            out,
            "Er is geen bewaartermijn ingesteld in gemeente.ron; er wordt niets opgeruimd."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Bewaartermijn: {}.", termijn.beschrijving())?;
    // A killed export's leftovers are not kept either.
    files::recover(&paths.output);
    let verlopen = opruimen::zoek(&paths, &termijn, Local::now().date_naive());
    if verlopen.is_empty() {
        writeln!(out, "Niets is over de bewaartermijn.")?;
        return Ok(ExitCode::SUCCESS);
    }
    for v in &verlopen {
        let n = v.bestanden.len();
        let what = if n == 1 { "bestand" } else { "bestanden" };
        writeln!(
            out,
            "Klant “{}”: {n} {what}, laatste van {}:",
            v.klant,
            v.laatste.format("%-d-%-m-%Y")
        )?;
        for f in &v.bestanden {
            writeln!(out, "  {}", f.display())?;
        }
    }
    if !args.ja && !super::wis::confirmed(out)? {
        writeln!(out, "Niets gewist.")?;
        return Ok(ExitCode::FAILURE);
    }
    let mut code = ExitCode::SUCCESS;
    for v in &verlopen {
        match opruimen::wis(v) {
            Ok(gewist) => {
                let _ = eventlog::append(
                    &paths,
                    &Event::KlantGewist {
                        bestanden: gewist.len(),
                    },
                );
                writeln!(out, "Klant “{}”: {} gewist.", v.klant, gewist.len())?;
            }
            Err(e) => {
                writeln!(out, "Klant “{}”: {}", v.klant, e.melding)?;
                code = if e.schijf {
                    ExitCode::from(EXIT_BESTAND)
                } else {
                    ExitCode::FAILURE
                };
            }
        }
    }
    Ok(code)
}
