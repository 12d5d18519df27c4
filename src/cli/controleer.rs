//! `meedoen controleer`: checks the data and settings exactly as the start does, because
//! it runs the same loader (`app::Bundle`) on the same files: it exits with 1 exactly when
//! the app would leave a file out. Each problem is printed as `file:line:column: message`
//! (the form editors and CI logs link to), followed by where every file comes from
//! (built-in, team, personal) and a Dutch summary.
//!
//! Without arguments it checks the user's own folders. `controleer MAP` checks a whole
//! folder as if it were the personal settings folder; `controleer BESTAND` checks one file
//! together with the files beside it (a catalogue against the taxonomy of its own folder),
//! and reports the problems of that file. A file with an unusual name is checked as the
//! kind it parses as.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Fout, load_bundle_with, terminal_safe};
use crate::app::{Bundle, Instellingen};
use crate::core::catalogue::Catalogue;
use crate::core::gemeente::Gemeente;
use crate::core::parse::parse_data;
use crate::core::problem::Problem;
use crate::core::script::Script;
use crate::core::taxonomy::Taxonomy;
use crate::store::assets::{CATALOGUE_FILE, GEMEENTE_FILE, SCRIPT_FILE, TAXONOMY_FILE};
use crate::store::layers::{FILES, KEYMAP_FILE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Te controleren mappen of bestanden; zonder: uw eigen instellingen (en de teammap)
    #[arg(value_name = "PAD", help_heading = "Argumenten")]
    pub paden: Vec<PathBuf>,
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    if args.paden.is_empty() {
        let bundle = load_bundle_with(&cli.folders())?;
        report(&bundle, out)?;
        return Ok(exit(&bundle));
    }
    // A mistyped path is a usage error, reported before anything is checked.
    for p in &args.paden {
        if !p.exists() {
            return Err(Fout::Gebruik(format!(
                "{} bestaat niet",
                terminal_safe(&p.display().to_string())
            )));
        }
    }
    let mut ok = true;
    for path in &args.paden {
        ok &= if path.is_dir() {
            writeln!(out, "Map {}:", terminal_safe(&path.display().to_string()))?;
            let b = load_bundle_with(&folder(cli, path))?;
            report(&b, out)?;
            b.in_orde()
        } else {
            check_file(cli, path, out)?
        };
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The command line's folders with `dir` as the personal settings folder.
fn folder(cli: &Cli, dir: &Path) -> Instellingen {
    Instellingen {
        instellingen: Some(dir.to_path_buf()),
        ..cli.folders()
    }
}

fn exit(bundle: &Bundle) -> ExitCode {
    if bundle.in_orde() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The kind of a file by its name: one of the layer files, or a plan template.
fn kind_by_name(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?.to_lowercase();
    FILES
        .iter()
        .copied()
        .find(|f| f.rsplit('/').next() == Some(name.as_str()))
}

/// The kind a file with an unusual name parses as; else the parse error of the kind whose
/// marker field appears, so the user gets the error that is about their file.
fn kind_by_content(path: &Path, text: &str) -> Result<&'static str, Problem> {
    let name = path.display().to_string();
    type Parse = fn(&str, &str) -> Result<(), Problem>;
    let tries: [(&'static str, &str, Parse); 4] = [
        (CATALOGUE_FILE, "opties", |n, t| {
            parse_data::<Catalogue>(n, t).map(drop)
        }),
        (TAXONOMY_FILE, "belemmeringen", |n, t| {
            parse_data::<Taxonomy>(n, t).map(drop)
        }),
        (SCRIPT_FILE, "fases", |n, t| {
            parse_data::<Script>(n, t).map(drop)
        }),
        (GEMEENTE_FILE, "klant_label", |n, t| {
            parse_data::<Gemeente>(n, t).map(drop)
        }),
    ];
    let mut errors = Vec::new();
    for (file, marker, parse) in tries {
        match parse(&name, text) {
            Ok(()) => return Ok(file),
            Err(p) => errors.push((marker, p)),
        }
    }
    if text.contains("toetsen:") {
        return Ok(KEYMAP_FILE);
    }
    match errors
        .into_iter()
        .find(|(marker, _)| text.contains(&format!("{marker}:")))
    {
        Some((_, p)) => Err(p),
        None => Err(Problem::new(
            &name,
            1,
            1,
            format!(
                "dit is geen catalogus, taxonomie, script, gemeente-instelling of toetsenindeling (noem het bestand {CATALOGUE_FILE}, {TAXONOMY_FILE}, {SCRIPT_FILE}, {GEMEENTE_FILE} of {KEYMAP_FILE}, of een sjabloon *.j2, voor een precieze foutmelding)"
            ),
        )),
    }
}

/// Checks one file as part of its own folder: the folder is loaded as a personal layer,
/// so the file is checked against the taxonomy beside it, and only its own problems are
/// printed. A file with another name is checked from a copy under its kind's name.
/// Returns whether the file (and its folder) are in order.
fn check_file(cli: &Cli, path: &Path, out: &mut dyn Write) -> Result<bool, Fout> {
    let shown = terminal_safe(&path.display().to_string());
    let mut copy = None;
    let (dir, kind) = match kind_by_name(path) {
        Some(kind) => {
            let mut dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
            // A template lives in `templates/` of the settings folder.
            if kind.contains('/') {
                dir = dir.parent().unwrap_or(Path::new("")).to_path_buf();
            }
            (dir, kind)
        }
        None => {
            // Only a regular file, and never more than the data limit (a FIFO or
            // /dev/zero under another name must not hang or fill the memory).
            let limit = crate::store::assets::MAX_DATA_FILE;
            let bytes = crate::store::lezen::read_regular(path, limit)
                .map_err(|e| Fout::Gebruik(format!("{shown}: {}", e.melding(path, limit))))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                Fout::Gebruik(format!("{shown} is geen tekstbestand (geen geldige UTF-8)"))
            })?;
            let kind = match kind_by_content(path, &text) {
                Ok(kind) => kind,
                Err(p) => {
                    writeln!(out, "{}", terminal_safe(&p.to_string()))?;
                    writeln!(out, "{}", summary(1, shown))?;
                    return Ok(false);
                }
            };
            let tmp = tempfile::tempdir()?;
            std::fs::write(tmp.path().join(kind), &text)?;
            let beside = path.parent().unwrap_or(Path::new("")).join(TAXONOMY_FILE);
            if kind != TAXONOMY_FILE && beside.is_file() {
                std::fs::copy(&beside, tmp.path().join(TAXONOMY_FILE))?;
            }
            let dir = tmp.path().to_path_buf();
            copy = Some(tmp);
            (dir, kind)
        }
    };
    let bundle = load_bundle_with(&folder(cli, &dir))?;
    let target = dir.join(kind).display().to_string();
    let (mut own, others): (Vec<&Problem>, Vec<&Problem>) = bundle
        .own_problems()
        .into_iter()
        .partition(|p| p.file == target);
    own.sort_by_key(|p| (p.line, p.col));
    for p in &own {
        let mut p = (*p).clone();
        p.file = path.display().to_string();
        writeln!(out, "{}", terminal_safe(&p.to_string()))?;
    }
    if !others.is_empty() && copy.is_none() {
        writeln!(
            out,
            "let op: andere bestanden in {} hebben ook problemen ({}); `meedoen controleer {}` toont ze",
            terminal_safe(&dir.display().to_string()),
            others.len(),
            terminal_safe(&dir.display().to_string())
        )?;
    }
    // Ignored fields: shown, not counted, as start-up does not refuse them.
    for w in bundle.data.warnings.iter().filter(|w| w.file == target) {
        let mut w = w.clone();
        w.file = path.display().to_string();
        writeln!(out, "{}", terminal_safe(&w.to_string()))?;
    }
    writeln!(out, "{}", summary(own.len(), shown))?;
    drop(copy);
    Ok(own.is_empty() && others.is_empty())
}

fn summary(problems: usize, what: String) -> String {
    match problems {
        0 => format!("In orde: {what}, geen problemen."),
        1 => format!("1 probleem gevonden in {what}."),
        n => format!("{n} problemen gevonden in {what}."),
    }
}

/// Prints the problems, the notices and where each file comes from.
fn report(bundle: &Bundle, out: &mut dyn Write) -> std::io::Result<()> {
    let mut problems: Vec<&Problem> = bundle.problems();
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    for p in &problems {
        writeln!(out, "{}", terminal_safe(&p.to_string()))?;
    }
    for m in &bundle.meldingen {
        writeln!(out, "let op: {}", terminal_safe(m))?;
    }
    writeln!(out, "Waar elk bestand vandaan komt:")?;
    for h in &bundle.herkomst {
        let used: Vec<String> = h
            .lagen
            .iter()
            .map(|(laag, name, effect)| match (laag, effect) {
                (crate::store::layers::Laag::Ingebouwd, _) => "ingebouwd".to_string(),
                (_, Some(e)) => format!("{} ({name}; {e})", laag.label()),
                (_, None) => format!("{} ({name})", laag.label()),
            })
            .collect();
        let used = if used.is_empty() {
            "standaard".to_string()
        } else {
            used.join(" + ")
        };
        writeln!(out, "  {}: {}", h.file, terminal_safe(&used))?;
    }
    let n = bundle.uitgesloten.len();
    let line = match (n, bundle.own_problems().len()) {
        (0, _) => "In orde: geen problemen; zo start meedoen ook.".to_string(),
        (n, p) => format!(
            "{p} {} in {n} {}; meedoen laat {} weg en gebruikt de laag eronder.",
            if p == 1 { "probleem" } else { "problemen" },
            if n == 1 { "bestand" } else { "bestanden" },
            if n == 1 {
                "dat bestand"
            } else {
                "die bestanden"
            },
        ),
    };
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_file_name() {
        assert_eq!(
            kind_by_name(Path::new("/x/Catalogus.ron")),
            Some(CATALOGUE_FILE)
        );
        assert_eq!(kind_by_name(Path::new("script.ron")), Some(SCRIPT_FILE));
        assert_eq!(kind_by_name(Path::new("mijn.ron")), None);
        assert_eq!(kind_by_name(Path::new("toetsen.ron")), Some(KEYMAP_FILE));
        assert_eq!(
            kind_by_name(Path::new("templates/plan.html.j2")),
            Some(crate::store::assets::HTML_TEMPLATE_FILE)
        );
    }

    #[test]
    fn summaries_in_dutch() {
        assert_eq!(
            summary(0, "a.ron".into()),
            "In orde: a.ron, geen problemen."
        );
        assert_eq!(summary(1, "a.ron".into()), "1 probleem gevonden in a.ron.");
        assert_eq!(summary(4, "a.ron".into()), "4 problemen gevonden in a.ron.");
    }
}
