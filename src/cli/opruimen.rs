//! `meedoen opruimen [--ja]`: erases what has passed the `bewaartermijn` of
//! `gemeente.ron` (AVG art. 5(1)(e)), per client, for the gemeente's scripts. The list
//! comes first; erasing needs a typed "ja" or `--ja`. A draft open in a window is never
//! erased. Without a term set, nothing is done and the command says so.

use std::io::Write;
use std::process::ExitCode;

use chrono::Local;

use super::{Cli, EXIT_BESTAND, Fout};
use crate::store::eventlog::{self, Event};
use crate::store::files;
use crate::store::opruimen;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Wissen zonder te vragen (voor scripts)
    #[arg(long)]
    pub ja: bool,
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::bundle(cli)?;
    // A gemeente.ron with problems is left out by the loader; its term must then not
    // be guessed: nothing is erased until the settings are right.
    if let Some(u) = bundle
        .uitgesloten
        .iter()
        .find(|u| u.file == crate::store::assets::GEMEENTE_FILE)
    {
        return Err(Fout::Gegevens(u.problems.clone()));
    }
    let gemeente = &bundle.gemeente;
    let termijn = gemeente.bewaartermijn;
    if termijn.concepten.is_none() && termijn.gesprekken.is_none() {
        writeln!(
            out,
            "Er is geen bewaartermijn ingesteld in gemeente.ron; er wordt niets opgeruimd."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Bewaartermijn: {}.", termijn.beschrijving())?;
    // Every folder plans may have been written to; drafts are looked at once.
    let today = Local::now().date_naive();
    let mut verlopen = Vec::new();
    for (i, dir) in crate::app::erase::plan_folders(&bundle)
        .into_iter()
        .enumerate()
    {
        // A killed export's leftovers are not kept either.
        files::recover(&dir);
        let mut paths = bundle.paths.clone();
        paths.output = dir;
        let mut termijn = termijn;
        if i > 0 {
            termijn.concepten = None;
        }
        verlopen.extend(opruimen::zoek(&paths, &termijn, today));
    }
    let paths = bundle.paths.clone();
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
