//! `meedoen voorbeelden MAP`: writes the built-in data and settings files into a folder,
//! as a starting point for a gemeente's team folder or a consultant's own settings. Each
//! file carries its comments, which explain the fields. Nothing is ever overwritten: a
//! file that exists is left as it is and named, so running it twice is harmless.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Cli, Fout, terminal_safe};
use crate::store::assets::{
    CATALOGUE_FILE, DEFAULT_CATALOGUE, DEFAULT_GEMEENTE, DEFAULT_HTML_TEMPLATE, DEFAULT_SCRIPT,
    DEFAULT_TAXONOMY, DEFAULT_TEMPLATE, DEFAULT_TXT_TEMPLATE, EXAMPLE_PRAKTIJK, GEMEENTE_FILE,
    HTML_TEMPLATE_FILE, PRAKTIJK_FILE, SCRIPT_FILE, TAXONOMY_FILE, TEMPLATE_FILE,
    TXT_TEMPLATE_FILE,
};
use crate::store::extras::{
    DEFAULT_OEFENKLANTEN, DEFAULT_VERVOLG, OEFENKLANTEN_FILE, VERVOLG_FILE,
};
use crate::store::files;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Map waarin de voorbeeldbestanden komen (wordt gemaakt als die er niet is)
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: PathBuf,
}

/// Every built-in file with its name in a settings folder, and the commented example of
/// the optional `praktijk.ron`.
pub const FILES: [(&str, &str); 10] = [
    (GEMEENTE_FILE, DEFAULT_GEMEENTE),
    (PRAKTIJK_FILE, EXAMPLE_PRAKTIJK),
    (TAXONOMY_FILE, DEFAULT_TAXONOMY),
    (CATALOGUE_FILE, DEFAULT_CATALOGUE),
    (SCRIPT_FILE, DEFAULT_SCRIPT),
    (VERVOLG_FILE, DEFAULT_VERVOLG),
    (OEFENKLANTEN_FILE, DEFAULT_OEFENKLANTEN),
    (TEMPLATE_FILE, DEFAULT_TEMPLATE),
    (HTML_TEMPLATE_FILE, DEFAULT_HTML_TEMPLATE),
    (TXT_TEMPLATE_FILE, DEFAULT_TXT_TEMPLATE),
];

pub fn run(_cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let dir = &args.map;
    if dir.exists() && !dir.is_dir() {
        return Err(Fout::Gebruik(format!(
            "{} is een bestand, geen map",
            terminal_safe(&dir.display().to_string())
        )));
    }
    let mut written = 0;
    for (name, text) in FILES {
        let rel: PathBuf = name.split('/').collect();
        let path = dir.join(&rel);
        let shown = terminal_safe(&path.display().to_string());
        if path.exists() {
            writeln!(out, "bestaat al, niet overschreven: {shown}")?;
            continue;
        }
        if let Some(parent) = path.parent() {
            files::create_private_dir_all(parent)
                .map_err(|e| Fout::Gebruik(files::describe_io_error(&e, parent)))?;
        }
        files::write_new(&path, text.as_bytes())
            .map_err(|e| Fout::Gebruik(files::describe_io_error(&e, &path)))?;
        writeln!(out, "geschreven: {shown}")?;
        written += 1;
    }
    writeln!(
        out,
        "{written} voorbeeldbestand(en) geschreven. Haal weg wat u niet wijzigt: een teammap of \
         eigen map hoeft alleen de bestanden te bevatten die afwijken. Een catalogus of \
         taxonomie vult de ingebouwde aan (zelfde id vervangt, `verborgen: true` verbergt). \
         Controleer de map met `meedoen controleer {}`.",
        terminal_safe(&dir.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
