//! `meedoen wis KLANT`: erases everything meedoen holds about one client (AVG art. 17):
//! drafts, saved sessions and the plans beside them. The list is shown first and erasing
//! needs a typed "ja" (or `--ja` in a script), because deleting cannot be undone. The
//! logboek records that an erasure happened and how many files, never whose.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use super::{Cli, Fout};
use crate::store::erase;
use crate::store::eventlog::{self, Event};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// De klant zoals in het gesprek ingevuld (initialen of schuilnaam; hoofdletters
    /// tellen niet)
    #[arg(value_name = "KLANT", help_heading = "Argumenten")]
    pub klant: String,
    /// Wissen zonder te vragen (voor scripts)
    #[arg(long)]
    pub ja: bool,
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    if args.klant.trim().is_empty() {
        return Err(Fout::Gebruik(
            "geef de klant op zoals in het gesprek ingevuld, bijvoorbeeld: meedoen wis \"A.B.\""
                .into(),
        ));
    }
    // Every folder the settings name, the same as the app writes to.
    let bundle = super::bundle(cli)?;
    let paths = bundle.paths.clone();
    let plan = crate::app::erase::plan(&bundle, &args.klant);
    write!(out, "{}", erase::describe(&plan))?;
    if plan.files.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if !args.ja && !confirmed(out)? {
        writeln!(out, "Niets gewist.")?;
        return Ok(ExitCode::FAILURE);
    }
    let result = erase::execute(&plan);
    let gewist = match &result {
        Ok(gewist) => gewist.len(),
        Err(e) => e.gewist.len(),
    };
    if gewist > 0
        && let Err(e) = eventlog::append(&paths, &Event::KlantGewist { bestanden: gewist })
    {
        // The files are gone either way; say that the log could not record it.
        writeln!(out, "let op: het logboek kon niet worden bijgewerkt: {e}")?;
    }
    match result {
        Ok(_) => {
            let what = if gewist == 1 { "bestand" } else { "bestanden" };
            writeln!(out, "{gewist} {what} gewist.")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            writeln!(out, "{}", e.melding)?;
            if !e.gewist.is_empty() {
                writeln!(out, "Wel gewist:")?;
                for f in &e.gewist {
                    writeln!(out, "  {}", f.display())?;
                }
            }
            // A draft open elsewhere is a problem found; a disk that refuses is a disk error.
            Ok(if e.schijf {
                ExitCode::from(super::EXIT_BESTAND)
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

/// Asks for a typed "ja" on stdin; anything else, or no input, is a no.
pub(super) fn confirmed(out: &mut dyn Write) -> io::Result<bool> {
    write!(out, "Typ ja en Enter om te wissen: ")?;
    out.flush()?;
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    writeln!(out)?;
    Ok(line.trim().eq_ignore_ascii_case("ja"))
}
