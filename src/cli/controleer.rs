//! `meedoen controleer`: checks data files before they are used, printing each problem as
//! `file:line:column: message` (the form editors and CI logs link to) and a Dutch summary.
//! Municipalities and trainers edit catalogues by hand; this is how they find mistakes
//! without starting the app.
//!
//! A file's kind comes from its name (`catalogus.ron`, `taxonomie.ron`, `script.ron`,
//! `gemeente.ron`, `toetsen.ron`, or a `.j2` plan template), else from which kind it
//! parses as. Ids are
//! checked against the taxonomy in the same folder when there is one, else against the
//! embedded taxonomy.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Fout, config_dir};
use crate::core::catalogue::Catalogue;
use crate::core::data::Source;
use crate::core::gemeente::{self, Gemeente};
use crate::core::parse::{Parsed, parse_data};
use crate::core::problem::{Problem, parse_ron};
use crate::core::script::Script;
use crate::core::taxonomy::Taxonomy;
use crate::core::validate;
use crate::store::assets::{
    CATALOGUE_FILE, DEFAULT_TAXONOMY, GEMEENTE_FILE, HTML_TEMPLATE_FILE, MAX_DATA_FILE,
    SCRIPT_FILE, TAXONOMY_FILE, TEMPLATE_FILE, TXT_TEMPLATE_FILE,
};
use crate::tui::keymap::{KEYMAP_FILE, Keymap};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Te controleren bestanden; zonder bestanden: die in de instellingenmap
    #[arg(value_name = "PAD", help_heading = "Argumenten")]
    pub paden: Vec<PathBuf>,
}

/// The kinds of file a user can put in the config folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Soort {
    Catalogus,
    Taxonomie,
    Script,
    /// `gemeente.ron`: the municipality's settings.
    Gemeente,
    /// `toetsen.ron`: the user's keymap.
    Toetsen,
    /// A plan van aanpak template (minijinja).
    Sjabloon,
}

impl Soort {
    /// The kinds tried, in this order, for a file whose name says nothing.
    const ALL: [Soort; 5] = [
        Soort::Catalogus,
        Soort::Taxonomie,
        Soort::Script,
        Soort::Gemeente,
        Soort::Toetsen,
    ];
    /// What `controleer` without paths looks for, relative to the config folder.
    const CONFIG: [(Soort, &'static str); 8] = [
        (Soort::Catalogus, CATALOGUE_FILE),
        (Soort::Taxonomie, TAXONOMY_FILE),
        (Soort::Script, SCRIPT_FILE),
        (Soort::Gemeente, GEMEENTE_FILE),
        (Soort::Toetsen, KEYMAP_FILE),
        (Soort::Sjabloon, TEMPLATE_FILE),
        (Soort::Sjabloon, HTML_TEMPLATE_FILE),
        (Soort::Sjabloon, TXT_TEMPLATE_FILE),
    ];

    fn from_name(path: &Path) -> Option<Soort> {
        let name = path.file_name()?.to_str()?.to_lowercase();
        if name.ends_with(".j2") {
            return Some(Soort::Sjabloon);
        }
        Soort::ALL.into_iter().find(|s| s.file() == name)
    }

    /// The file name that identifies the kind.
    fn file(self) -> &'static str {
        match self {
            Soort::Catalogus => CATALOGUE_FILE,
            Soort::Taxonomie => TAXONOMY_FILE,
            Soort::Script => SCRIPT_FILE,
            Soort::Gemeente => GEMEENTE_FILE,
            Soort::Toetsen => KEYMAP_FILE,
            Soort::Sjabloon => TEMPLATE_FILE,
        }
    }

    /// What is used when the config folder has no such file.
    fn standaard(self) -> &'static str {
        match self {
            Soort::Toetsen => "de standaardtoetsen worden gebruikt",
            _ => "de ingebouwde standaard wordt gebruikt",
        }
    }

    /// A top-level field only this kind has, to pick whose parse error to show when a
    /// file with another name parses as none of them.
    fn marker(self) -> &'static str {
        match self {
            Soort::Catalogus => "opties",
            Soort::Taxonomie => "belemmeringen",
            Soort::Script => "fases",
            Soort::Gemeente => "klant_label",
            Soort::Toetsen => "toetsen",
            Soort::Sjabloon => "{{",
        }
    }

    /// Parses and validates `src` as this kind: its errors, then its warnings.
    fn check(self, src: &Source, tax: &Taxonomy) -> Result<Vec<Problem>, Problem> {
        // Errors first, then the warnings about ignored fields.
        fn with<T>(p: Parsed<T>, check: impl FnOnce(&T) -> Vec<Problem>) -> Vec<Problem> {
            let mut problems = check(&p.value);
            problems.extend(p.warnings);
            problems
        }
        Ok(match self {
            Soort::Catalogus => with(parse_data::<Catalogue>(&src.name, &src.text)?, |c| {
                validate::catalogue(c, tax, src)
            }),
            Soort::Taxonomie => with(parse_data::<Taxonomy>(&src.name, &src.text)?, |t| {
                validate::taxonomy(t, src)
            }),
            Soort::Script => with(parse_data::<Script>(&src.name, &src.text)?, |s| {
                validate::script(s, tax, src)
            }),
            Soort::Gemeente => with(Gemeente::parse(src)?, |g| gemeente::validate(g, tax, src)),
            Soort::Toetsen => {
                // Only a file that is a keymap at all counts as one when guessing.
                let parsed = parse_data::<crate::tui::keymap::KeymapFile>(&src.name, &src.text)?;
                match Keymap::from_source(src) {
                    Ok(map) => map.warnings,
                    Err(problems) => problems.into_iter().chain(parsed.warnings).collect(),
                }
            }
            Soort::Sjabloon => {
                // Notepad's byte order mark is stripped when the template is loaded.
                let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
                crate::core::plan::validate_template(&Source::new(src.name.clone(), text))
            }
        })
    }
}

/// Reads a file named on the command line; a missing or unreadable one is a usage error.
fn read(path: &Path) -> Result<Source, Fout> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| Fout::Gebruik(format!("kan {name} niet openen: {e}")))?;
    if !meta.is_file() {
        return Err(Fout::Gebruik(format!("{name} is geen bestand")));
    }
    if meta.len() > MAX_DATA_FILE {
        return Err(Fout::Gebruik(format!(
            "{name} is te groot voor een gegevensbestand ({} MB)",
            meta.len() / (1024 * 1024)
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Fout::Gebruik(format!("kan {name} niet lezen: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(name, text)),
        Err(e) => {
            let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
            let (line, col) = crate::core::problem::position(&valid, usize::MAX);
            Err(Fout::Gegevens(vec![Problem::new(
                &name,
                line,
                col,
                "het bestand is geen geldige UTF-8-tekst (is het een tekstbestand?)",
            )]))
        }
    }
}

/// The taxonomy to check ids against: the one beside `path`, else the embedded one.
/// Returns a note when the neighbour is broken and the embedded one is used instead.
fn taxonomy_for(path: &Path) -> (Taxonomy, Option<String>) {
    let embedded = || parse_ron::<Taxonomy>("", DEFAULT_TAXONOMY).expect("embedded is valid");
    let beside = path.parent().unwrap_or(Path::new(".")).join(TAXONOMY_FILE);
    if !beside.is_file() {
        return (embedded(), None);
    }
    let parsed = std::fs::read_to_string(&beside)
        .ok()
        .and_then(|text| parse_ron::<Taxonomy>("", &text).ok());
    match parsed {
        Some(tax) => (tax, None),
        None => (
            embedded(),
            Some(format!(
                "{} is ongeldig; ids zijn gecontroleerd tegen de ingebouwde taxonomie",
                beside.display()
            )),
        ),
    }
}

/// Checks one file; returns its problems.
fn check_file(path: &Path, out: &mut dyn Write) -> Result<Vec<Problem>, Fout> {
    let src = read(path)?;
    let (tax, note) = taxonomy_for(path);
    let by_name = Soort::from_name(path);
    let soort_needs_tax = matches!(
        by_name,
        None | Some(Soort::Catalogus | Soort::Script | Soort::Gemeente)
    );
    if let Some(note) = note.filter(|_| soort_needs_tax) {
        writeln!(out, "let op: {note}")?;
    }
    if let Some(soort) = by_name {
        return Ok(soort.check(&src, &tax).unwrap_or_else(|p| vec![p]));
    }
    // Unknown name: the first kind it parses as; else the parse error of the kind whose
    // marker field appears, so the user gets the error that is about their file.
    let mut errors = Vec::new();
    for soort in Soort::ALL {
        match soort.check(&src, &tax) {
            Ok(problems) => return Ok(problems),
            Err(p) => errors.push((soort, p)),
        }
    }
    let guess = errors
        .iter()
        .find(|(s, _)| src.text.contains(&format!("{}:", s.marker())));
    Ok(vec![match guess {
        Some((_, p)) => p.clone(),
        None => Problem::new(
            &src.name,
            1,
            1,
            format!(
                "dit is geen catalogus, taxonomie, script, gemeente-instelling of toetsenindeling (noem het bestand {CATALOGUE_FILE}, {TAXONOMY_FILE}, {SCRIPT_FILE}, {GEMEENTE_FILE} of {KEYMAP_FILE}, of een sjabloon *.j2, voor een precieze foutmelding)"
            ),
        ),
    }])
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let paths: Vec<PathBuf> = if args.paden.is_empty() {
        let dir = config_dir(cli)?;
        let mut found = Vec::new();
        for (soort, file) in Soort::CONFIG {
            // Joined part by part, so Windows shows `templates\plan.md.j2` like its
            // other paths.
            let rel: PathBuf = file.split('/').collect();
            let path = dir.join(&rel);
            if path.is_file() {
                found.push(path);
            } else {
                writeln!(
                    out,
                    "{}: geen eigen bestand in {}; {}",
                    rel.display(),
                    dir.display(),
                    soort.standaard()
                )?;
            }
        }
        found
    } else {
        // A mistyped path is a usage error, reported before any file is checked.
        for p in &args.paden {
            if !p.is_file() {
                return Err(Fout::Gebruik(format!(
                    "{} bestaat niet of is geen bestand",
                    p.display()
                )));
            }
        }
        args.paden.clone()
    };

    let mut total = 0;
    let mut wrong_files = 0;
    let mut warnings = 0;
    for path in &paths {
        let mut problems = match check_file(path, out) {
            Ok(ps) => ps,
            Err(Fout::Gegevens(ps)) => ps,
            Err(e) => return Err(e),
        };
        // In file order, so the user can work from top to bottom.
        problems.sort_by_key(|p| (p.line, p.col));
        // Warnings (an ignored field) are shown, but do not fail the check: start-up
        // does not refuse them either.
        let errors = problems.iter().filter(|p| !p.is_warning()).count();
        if errors > 0 {
            wrong_files += 1;
        }
        total += errors;
        warnings += problems.len() - errors;
        for p in problems {
            writeln!(out, "{p}")?;
        }
    }
    writeln!(out, "{}", summary(total, wrong_files, paths.len()))?;
    if warnings > 0 {
        let w = if warnings == 1 {
            "1 waarschuwing".to_string()
        } else {
            format!("{warnings} waarschuwingen")
        };
        writeln!(
            out,
            "{w}: deze velden worden overgeslagen; meedoen start er wel mee."
        )?;
    }
    Ok(if total == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn summary(problems: usize, wrong_files: usize, files: usize) -> String {
    let bestanden = |n: usize| if n == 1 { "bestand" } else { "bestanden" };
    match (files, problems) {
        (0, _) => {
            "Geen eigen bestanden gevonden; alleen de ingebouwde gegevens worden gebruikt.".into()
        }
        (n, 0) => format!(
            "In orde: {n} {} gecontroleerd, geen problemen.",
            bestanden(n)
        ),
        (n, p) => {
            let problemen = if p == 1 { "probleem" } else { "problemen" };
            if n == 1 {
                format!("{p} {problemen} gevonden in 1 bestand.")
            } else {
                format!("{p} {problemen} gevonden in {wrong_files} van de {n} bestanden.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_file_name() {
        assert_eq!(
            Soort::from_name(Path::new("/x/Catalogus.ron")),
            Some(Soort::Catalogus)
        );
        assert_eq!(
            Soort::from_name(Path::new("script.ron")),
            Some(Soort::Script)
        );
        assert_eq!(Soort::from_name(Path::new("mijn.ron")), None);
        assert_eq!(
            Soort::from_name(Path::new("toetsen.ron")),
            Some(Soort::Toetsen)
        );
        assert_eq!(
            Soort::from_name(Path::new("templates/plan.html.j2")),
            Some(Soort::Sjabloon)
        );
    }

    #[test]
    fn summaries_in_dutch() {
        assert_eq!(
            summary(0, 0, 1),
            "In orde: 1 bestand gecontroleerd, geen problemen."
        );
        assert_eq!(
            summary(1, 1, 3),
            "1 probleem gevonden in 1 van de 3 bestanden."
        );
        assert_eq!(
            summary(4, 2, 2),
            "4 problemen gevonden in 2 van de 2 bestanden."
        );
    }
}
