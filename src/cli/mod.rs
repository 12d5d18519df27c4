//! The command line: parsing (clap, with Dutch help texts), dispatch to one module per
//! subcommand, and the helpers they share. Without a subcommand the interactive app
//! starts. Subcommands are thin: they load data through `store` and call `core`.
//!
//! Exit codes: 0 success, 1 the data or the app failed, 2 the command was used wrongly
//! (unknown option, unknown id, missing file), so scripts can tell them apart.

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::{Bundle, Instellingen};
use crate::core::problem::Problem;
use crate::core::search::fold;
use crate::tui::theme::ThemeKind;

pub mod controleer;
pub mod opruimen;
pub mod paden;
pub mod plan;
pub mod suggesties;
pub mod taxonomie;
pub mod veilig;
pub mod verhuis;
pub mod voorbeelden;
pub mod wis;

/// Clap's template with Dutch headings, for the top level and every subcommand.
const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}
";

#[derive(Debug, Parser)]
#[command(
    name = "meedoen",
    version,
    about = "Gespreksondersteuning voor activeringsconsulenten: NORBS-gesprek, \
             tegenprestatie-suggesties en een plan van aanpak. Alles blijft op deze computer.",
    after_help = "Zonder opdracht start de interactieve app.",
    disable_help_subcommand = true,
    disable_version_flag = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    next_help_heading = "Opties"
)]
pub struct Cli {
    /// Map waarin plannen van aanpak worden opgeslagen
    // Display order 100+: in a subcommand's help, the global options come after its own.
    #[arg(long, global = true, value_name = "MAP", display_order = 100)]
    pub uitvoer: Option<PathBuf>,
    /// Map met een eigen script, catalogus en taxonomie (in plaats van de standaardmap)
    #[arg(long, global = true, value_name = "MAP", display_order = 101)]
    pub instellingen: Option<PathBuf>,
    /// Teammap: gedeelde gegevens en instellingen van het team (tussen de ingebouwde en uw
    /// eigen bestanden; ook MEEDOEN_TEAM of teammap in gemeente.ron)
    #[arg(long, global = true, value_name = "MAP", display_order = 101)]
    pub team: Option<PathBuf>,
    /// Het gesprek als gewone vragen, regel voor regel: voor schermlezers en invoer uit
    /// een bestand
    #[arg(long, display_order = 102)]
    pub toegankelijk: bool,
    /// Regel voor regel zonder voorbeeldzinnen en valkuilen (ze blijven te horen met
    /// /uitleg); wordt onthouden
    #[arg(long, display_order = 102)]
    pub kort: bool,
    /// Kleuren van het scherm: standaard, zwartwit of hoog-contrast
    #[arg(long, global = true, value_name = "NAAM", value_parser = thema, display_order = 103)]
    pub thema: Option<ThemeKind>,
    #[command(subcommand)]
    pub opdracht: Option<Opdracht>,
}

impl Cli {
    /// What a start without arguments means, the way consultants start the app. Building
    /// clap's command tree for all subcommands took about a sixth of a millisecond before
    /// the first frame; a test checks this equals what clap makes of no arguments.
    fn without_arguments() -> Cli {
        Cli {
            uitvoer: None,
            instellingen: None,
            team: None,
            toegankelijk: false,
            kort: false,
            thema: None,
            opdracht: None,
        }
    }
}

impl Cli {
    /// The folders chosen on the command line, for the application layer.
    pub fn folders(&self) -> Instellingen {
        Instellingen {
            uitvoer: self.uitvoer.clone(),
            instellingen: self.instellingen.clone(),
            team: self.team.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Opdracht {
    /// Rangschik de mogelijkheden uit de catalogus voor een klant, met de redenen
    Suggesties(suggesties::Args),
    /// Toon de wensen, krachten, belemmeringen en categorieën met hun ids
    Taxonomie(taxonomie::Args),
    /// Controleer catalogus, taxonomie, script, gemeente, toetsen en plansjablonen op fouten
    Controleer(controleer::Args),
    /// Toon de mappen die meedoen gebruikt
    Paden(paden::Args),
    /// Oefen een gesprek met een fictieve klant (trainersmodus)
    Oefenen(OefenArgs),
    /// Wis alle concepten, gesprekken en plannen van één klant (AVG)
    Wis(wis::Args),
    /// Maak opnieuw een plan van een opgeslagen gesprek (bijvoorbeeld met een nieuw sjabloon)
    Plan(plan::Args),
    /// Wis wat over de bewaartermijn van gemeente.ron is, per klant (AVG)
    Opruimen(opruimen::Args),
    /// Schrijf de ingebouwde gegevens en instellingen als voorbeeld in een map (overschrijft niets)
    Voorbeelden(voorbeelden::Args),
    /// Kopieer uw instellingen, gesprekken en plannen naar één map, voor een andere computer
    VerhuisNaar(verhuis::NaarArgs),
    /// Zet een verhuismap terug op deze computer (overschrijft niets)
    VerhuisVan(verhuis::VanArgs),
}

/// Options of `meedoen oefenen`.
#[derive(Debug, clap::Args)]
pub struct OefenArgs {
    /// Het oefengesprek als gewone vragen, regel voor regel (voor schermlezers)
    #[arg(long)]
    pub toegankelijk: bool,
    /// Start een klassessie met deze naam (rondes, timer, rapport per ronde, klasoverzicht)
    #[arg(long, value_name = "NAAM")]
    pub klas: Option<String>,
    /// Een deelnemer van de klassessie, alleen de naam van de cursist; herhaal per deelnemer
    #[arg(long = "deelnemer", value_name = "NAAM")]
    pub deelnemers: Vec<String>,
    /// Minuten per ronde in de klassessie (0: geen timer)
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub minuten: u64,
}

/// The clap command with Dutch help flags and headings everywhere.
fn command() -> clap::Command {
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .help("Toon deze hulp")
        .display_order(104)
        .action(ArgAction::Help)
        .global(true);
    Cli::command()
        .help_template(HELP_TEMPLATE)
        .disable_help_flag(true)
        .mut_subcommands(|s| {
            s.help_template(HELP_TEMPLATE)
                .disable_help_flag(true)
                .mut_args(|a| {
                    if a.get_help_heading().is_none() && !a.is_positional() {
                        a.help_heading("Opties")
                    } else {
                        a
                    }
                })
        })
        .arg(help)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .help("Toon het versienummer")
                .action(ArgAction::Version),
        )
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// Parses `args` and runs the command; returns the exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let parsed = if args.len() <= 1 {
        Ok(Cli::without_arguments())
    } else {
        command()
            .try_get_matches_from(args)
            .and_then(|m| Cli::from_arg_matches(&m))
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are "errors" to clap with exit code 0.
            let code = ExitCode::from(e.exit_code().clamp(0, 255) as u8);
            if e.use_stderr() {
                eprint!(
                    "{}",
                    crate::core::terminal::printable(&dutch_clap_error(&e.render().to_string()))
                );
            } else {
                let _ = e.print();
            }
            return code;
        }
    };
    let stdout = io::stdout();
    let mut out = veilig::Veilig::new(stdout.lock());
    let result = match &cli.opdracht {
        None => {
            drop(out);
            return start_app(&cli, cli.toegankelijk || cli.kort, false, None);
        }
        Some(Opdracht::Oefenen(a)) => {
            drop(out);
            let klas = crate::core::klas::KlasOpties::gevraagd;
            let klas = match klas(a.klas.as_deref(), &a.deelnemers, a.minuten) {
                Ok(k) => k,
                Err(msg) => {
                    eprintln!("fout: {msg}");
                    return ExitCode::from(2);
                }
            };
            return start_app(&cli, a.toegankelijk, true, klas);
        }
        Some(Opdracht::Suggesties(a)) => suggesties::run(&cli, a, &mut out),
        Some(Opdracht::Taxonomie(a)) => taxonomie::run(&cli, a, &mut out),
        Some(Opdracht::Controleer(a)) => controleer::run(&cli, a, &mut out),
        Some(Opdracht::Paden(a)) => paden::run(&cli, a, &mut out),
        Some(Opdracht::Wis(a)) => wis::run(&cli, a, &mut out),
        Some(Opdracht::Plan(a)) => plan::run(&cli, a, &mut out),
        Some(Opdracht::Opruimen(a)) => opruimen::run(&cli, a, &mut out),
        Some(Opdracht::Voorbeelden(a)) => voorbeelden::run(&cli, a, &mut out),
        Some(Opdracht::VerhuisNaar(a)) => verhuis::run_naar(&cli, a, &mut out),
        Some(Opdracht::VerhuisVan(a)) => verhuis::run_van(&cli, a, &mut out),
    };
    let _ = out.flush();
    match result {
        Ok(code) => code,
        Err(Fout::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fout: {}", crate::core::terminal::printable(&e.to_string()));
            e.code()
        }
    }
}

/// Clap's error messages are English; the phrases a user meets most are put in Dutch,
/// the rest (rare) stays as clap says it.
fn dutch_clap_error(msg: &str) -> String {
    const PHRASES: [(&str, &str); 9] = [
        ("error: ", "fout: "),
        ("unexpected argument", "onbekend argument"),
        (" found", ""),
        ("invalid value", "ongeldige waarde"),
        (" for ", " voor "),
        ("a value is required", "er ontbreekt een waarde"),
        ("but none was supplied", ""),
        ("Usage: ", "Gebruik: "),
        ("For more information, try", "Meer uitleg:"),
    ];
    let mut out = msg.to_string();
    for (en, nl) in PHRASES {
        out = out.replace(en, nl);
    }
    out.replace("tip: ", "hint: ")
}

/// `--thema`: the names `ThemeKind::parse` knows, with a Dutch message otherwise.
fn thema(s: &str) -> Result<ThemeKind, String> {
    ThemeKind::parse(s).ok_or_else(|| "kies standaard, zwartwit of hoog-contrast".to_string())
}

/// The interactive app: full-screen, or line by line when asked for or when there is no
/// terminal. Input from a pipe or output to a file cannot drive a full-screen app; the
/// line-by-line mode can, and a screen reader follows it too. `klas`: a class session
/// for trainer mode.
fn start_app(
    cli: &Cli,
    toegankelijk: bool,
    oefenen: bool,
    klas: Option<crate::core::klas::KlasOpties>,
) -> ExitCode {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    if toegankelijk
        || dumb_terminal(term.as_deref())
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal()
    {
        start_access(cli, oefenen, klas)
    } else {
        start_tui(cli, oefenen, klas)
    }
}

/// `TERM=dumb` (Emacs shell buffers, some screen-reader set-ups, serial consoles) says
/// the terminal cannot move the cursor: a full-screen app would be unreadable there.
pub fn dumb_terminal(term: Option<&str>) -> bool {
    term.is_some_and(|t| t.trim().eq_ignore_ascii_case("dumb"))
}

fn start_access(cli: &Cli, oefenen: bool, klas: Option<crate::core::klas::KlasOpties>) -> ExitCode {
    let opts = crate::access::AccessOptions {
        instellingen: cli.folders(),
        oefenen,
        klas,
        keymap_check: crate::tui::keymap::check,
        kort: cli.kort,
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    match crate::access::run(opts, &mut stdin.lock(), &mut stdout.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "fout: {}",
                crate::core::terminal::printable(&format!("{e:#}"))
            );
            ExitCode::FAILURE
        }
    }
}

fn start_tui(cli: &Cli, oefenen: bool, klas: Option<crate::core::klas::KlasOpties>) -> ExitCode {
    let opts = crate::tui::Options {
        instellingen: cli.folders(),
        oefenen,
        thema: cli.thema,
        klas,
    };
    match crate::tui::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "fout: {}",
                crate::core::terminal::printable(&format!("{e:#}"))
            );
            ExitCode::FAILURE
        }
    }
}

/// What can go wrong in a subcommand, with the exit code it leads to.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    /// The command was used wrongly (exit 2).
    #[error("{0}")]
    Gebruik(String),
    /// The data files have problems (exit 1); each is printed with its place.
    #[error("{}\nde gegevens bevatten fouten; zie `meedoen controleer`", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Gegevens(Vec<Problem>),
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A file or disk error, already in Dutch (exit 3).
    #[error("{0}")]
    Bestand(String),
}

/// Exit code for a file or disk error (documented in the README: 0 ok, 1 problem found,
/// 2 wrong usage, 3 a file or disk error).
pub const EXIT_BESTAND: u8 = 3;

impl Fout {
    pub fn code(&self) -> ExitCode {
        match self {
            Fout::Gebruik(_) => ExitCode::from(2),
            Fout::Gegevens(_) => ExitCode::FAILURE,
            Fout::Io(_) | Fout::Bestand(_) => ExitCode::from(EXIT_BESTAND),
        }
    }
}

/// Loads every layer the way the app does. This module is where the commands meet the
/// full-screen app's keymap check, so the commands check `toetsen.ron` exactly as the
/// start does without importing the TUI themselves. Files left out because of problems
/// are reported on stderr; the command goes on with what the app would use.
pub fn bundle(cli: &Cli) -> Result<Bundle, Fout> {
    let bundle = load_bundle_with(&cli.folders())?;
    for m in &bundle.meldingen {
        eprintln!("let op: {}", terminal_safe(m));
    }
    if let Some(text) = bundle.fallback_text() {
        eprintln!("let op: {}", terminal_safe(&text));
    }
    Ok(bundle)
}

/// The bundle with the gemeente profile `naam` as its gemeente settings (`--gemeente`);
/// an unknown name is a usage error naming the closest profiles.
pub fn with_profile(mut bundle: Bundle, naam: Option<&str>) -> Result<Bundle, Fout> {
    let Some(naam) = naam else { return Ok(bundle) };
    match bundle.profiel(naam) {
        Some(p) => {
            bundle.gemeente = p.gemeente.clone();
            Ok(bundle)
        }
        None => {
            let known = bundle
                .profielen
                .iter()
                .map(|p| (p.naam.as_str(), p.gemeente.naam.as_str()));
            let near = closest(naam, known);
            let hint = match (near.is_empty(), bundle.profielen.is_empty()) {
                (_, true) => {
                    "er zijn geen gemeenteprofielen (map gemeenten/ in de instellingen)".to_string()
                }
                (true, false) => "`meedoen paden` toont de profielen".to_string(),
                (false, false) => format!("bedoelt u: {}?", near.join(", ")),
            };
            Err(Fout::Gebruik(format!(
                "onbekend gemeenteprofiel '{}'; {hint}",
                terminal_safe(naam)
            )))
        }
    }
}

/// Loads every layer for these folders, reporting nothing: `controleer` prints the
/// problems itself.
pub fn load_bundle_with(folders: &Instellingen) -> Result<Bundle, Fout> {
    Bundle::load(folders, crate::tui::keymap::check).map_err(Fout::Gebruik)
}

/// Text from data files made safe to print: control characters (escape sequences that
/// could move the cursor, set the window title or write the clipboard) become `�`, line
/// breaks and tabs stay.
pub fn terminal_safe(text: &str) -> String {
    crate::core::terminal::printable(text)
}

/// Up to three known ids closest to `wrong`, by edit distance on the id and the label,
/// for "bedoelt u …?". Far-off ids are not offered: a wrong guess misleads more than none.
pub fn closest<'a>(wrong: &str, known: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<&'a str> {
    let wrong = fold(wrong.trim());
    let limit = (wrong.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = known
        .filter_map(|(id, label)| {
            let d = levenshtein(&wrong, id).min(levenshtein(&wrong, &fold(label)));
            let prefix = id.starts_with(&wrong) || fold(label).starts_with(&wrong);
            let d = if prefix && !wrong.is_empty() { 1 } else { d };
            (d <= limit).then_some((d, id))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}

/// Edit distance in characters (insert, delete, substitute).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// Checks `ids` against the known ones; the first unknown one becomes a usage error that
/// names the closest valid ids.
pub fn check_ids<'a>(
    what: &str,
    ids: &[String],
    known: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Result<(), Fout> {
    for id in ids {
        if known.clone().any(|(k, _)| k == id) {
            continue;
        }
        let near = closest(id, known.clone());
        let hint = if near.is_empty() {
            "zie `meedoen taxonomie` voor alle ids".to_string()
        } else {
            format!("bedoelt u: {}?", near.join(", "))
        };
        return Err(Fout::Gebruik(format!("onbekende {what} '{id}'; {hint}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
