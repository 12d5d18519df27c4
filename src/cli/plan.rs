//! `meedoen plan SESSIE`: renders a saved session (`*.sessie.ron`, written beside every
//! plan) again, e.g. after the municipality changed its template, in one or more formats.
//! Earlier files are never overwritten: the new plan gets the next free name. The same
//! checks as in the app apply: a BSN stops the export, with where it was found, and
//! special-category data (health, religion, …) is named on stderr.

use std::io::Write;
use std::process::ExitCode;
use std::str::FromStr;

use super::{Cli, Fout};
use crate::core::bijzonder;
use crate::core::plan::{self, Formaat};
use crate::core::privacy;
use crate::store::assets;
use crate::store::drafts::load_session;
use crate::store::eventlog::{self, Event};
use crate::store::files;
use crate::store::paths::Paths;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Het opgeslagen gesprek (het .sessie.ron-bestand naast een plan)
    #[arg(value_name = "SESSIE", help_heading = "Argumenten")]
    pub sessie: std::path::PathBuf,
    /// Formaat van het plan: md, html of txt (mag vaker; standaard md)
    #[arg(long, value_name = "FORMAAT", value_parser = formaat)]
    pub formaat: Vec<Formaat>,
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
    let findings = privacy::session_bsn_findings(&session);
    if let Some(text) = privacy::describe_findings(&findings) {
        return Err(Fout::Gebruik(format!(
            "{text}\nHaal het BSN eerst weg (in de app, of in het bestand) en probeer het opnieuw."
        )));
    }
    let config = super::config_dir(cli)?;
    let mut paths = Paths::resolve(cli.uitvoer.as_deref()).map_err(Fout::Gebruik)?;
    paths.config = config.clone();
    let data = super::load(cli)?;
    let templates = assets::plan_templates(Some(&config)).map_err(|p| Fout::Gegevens(vec![p]))?;
    let (gemeente, _) = assets::gemeente(Some(&config)).map_err(|p| Fout::Gegevens(vec![p]))?;
    if cli.uitvoer.is_none()
        && let Some(dir) = gemeente
            .uitvoermap
            .as_deref()
            .filter(|d| !d.trim().is_empty())
    {
        paths.output = dir.into();
    }
    // Special categories (AVG art. 9) do not stop the plan: the consultant decides. They
    // are said on stderr, so a script that reads the file names from stdout still works.
    let lijst = assets::bijzonder(Some(&config)).map_err(|p| Fout::Gegevens(vec![p]))?;
    for w in bijzonder::waarschuwingen(&bijzonder::vondsten(&session, &lijst)) {
        eprintln!("{w}");
    }
    let formats = if args.formaat.is_empty() {
        vec![Formaat::Md]
    } else {
        args.formaat.clone()
    };
    let mut set = Vec::new();
    for f in &formats {
        let text = plan::render_with(*f, &session, &data, &templates, &gemeente)
            .map_err(|p| Fout::Gegevens(vec![p]))?;
        set.push((f.extension(), text));
    }
    // The session goes along under the new name, so the plan and its session stay a pair
    // (erasing a client finds plans by their session).
    let ron = ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default())
        .map_err(|e| Fout::Io(std::io::Error::other(e)))?;
    set.push(("sessie.ron", ron));
    let parts: Vec<(&str, &[u8])> = set.iter().map(|(e, t)| (*e, t.as_bytes())).collect();
    let stem = files::plan_stem(session.datum, &session.klant);
    let written = files::write_new_set(&paths.output, &stem, &parts)
        .map_err(|e| Fout::Gebruik(files::describe_io_error(&e, &paths.output)))?;
    for f in &formats {
        let _ = eventlog::append(
            &paths,
            &Event::PlanOpgeslagen {
                sessie: &session.id,
                formaat: *f,
            },
        );
    }
    for p in &written {
        writeln!(out, "{}", p.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
