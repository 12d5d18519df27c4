//! `meedoen plan SESSIE`: renders a saved session (`*.sessie.ron`, written beside every
//! plan) again, e.g. after the municipality changed its template, in one or more formats.
//! Earlier files are never overwritten: the new plan gets the next free name. The same
//! checks as in the app apply: a BSN stops the export, with where it was found, and
//! special-category data (health, religion, …) is named on stderr.

use std::io::Write;
use std::process::ExitCode;
use std::str::FromStr;

use super::{Cli, Fout};
use crate::app::export::{self, Bron, Keuzes, Tegenhouder};
use crate::core::bijzonder;
use crate::core::plan::Formaat;
use crate::store::drafts::load_session;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Het opgeslagen gesprek (het .sessie.ron-bestand naast een plan)
    #[arg(value_name = "SESSIE", help_heading = "Argumenten")]
    pub sessie: std::path::PathBuf,
    /// Formaat van het plan: md, html of txt (mag vaker; standaard md)
    #[arg(long, value_name = "FORMAAT", value_parser = formaat)]
    pub formaat: Vec<Formaat>,
    /// Is het plan nog niet af, maak het dan toch, als concept (naam en kop zeggen concept)
    #[arg(long)]
    pub concept: bool,
    /// Gemeenteprofiel (gemeenten/NAAM.ron); standaard dat van het gesprek
    #[arg(long, value_name = "NAAM")]
    pub gemeente: Option<String>,
}

fn formaat(s: &str) -> Result<Formaat, String> {
    Formaat::from_str(s).map_err(|e| e.to_string())
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let session = load_session(&args.sessie).map_err(|p| Fout::Gegevens(vec![p]))?;
    if session.oefenen {
        return Err(Fout::Gebruik(
            "dit is een oefengesprek; daarvan wordt geen plan gemaakt".into(),
        ));
    }
    let mut session = session;
    if let Some(naam) = &args.gemeente {
        session.gemeente = Some(naam.clone());
    }
    let bundle = super::with_profile(super::bundle(cli)?, args.gemeente.as_deref())?;
    let (gemeente, notice) = bundle.gemeente_voor(&session);
    if let Some(notice) = notice {
        eprintln!("let op: {}", super::terminal_safe(&notice));
    }
    // Special categories (AVG art. 9) do not stop the plan: the consultant decides. They
    // are said on stderr, so a script that reads the file names from stdout still works.
    // A client's words can hold terminal escapes: shown through `terminal_safe`.
    let in_plan =
        bijzonder::vondsten_in_plan(&session, &bundle.data_for(&session), &bundle.bijzonder);
    for w in bijzonder::waarschuwingen(&in_plan) {
        eprintln!("{}", super::terminal_safe(&w));
    }
    let formats = if args.formaat.is_empty() {
        vec![Formaat::Md]
    } else {
        args.formaat.clone()
    };
    let data = bundle.data_for(&session);
    let bron = Bron {
        data: &data,
        templates: &bundle.templates,
        gemeente,
    };
    let keuzes = Keuzes {
        als_concept: args.concept,
        ..Keuzes::default()
    };
    let set = match export::prepare(bron, &session, &formats, None, keuzes) {
        Ok(set) => set,
        Err(Tegenhouder::Bsn(text)) => {
            return Err(Fout::Gebruik(format!(
                "{text}\nHaal het BSN eerst weg (in de app, of in het bestand) en probeer het opnieuw."
            )));
        }
        Err(Tegenhouder::Sjabloon(p)) => return Err(Fout::Gegevens(vec![p])),
        Err(t @ Tegenhouder::Onaf(_)) => {
            return Err(Fout::Gebruik(format!(
                "{}\nMaak het met --concept als concept, of maak het gesprek eerst af in de app.",
                t.melding()
            )));
        }
        Err(other) => return Err(Fout::Gebruik(other.melding())),
    };
    let written = export::write(&bundle.paths, &set).map_err(Fout::Bestand)?;
    for p in &written {
        writeln!(out, "{}", super::terminal_safe(&p.display().to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}
