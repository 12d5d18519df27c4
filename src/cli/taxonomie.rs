//! `meedoen taxonomie`: every id with its label, so the ids for `meedoen suggesties` and
//! for a municipality's own catalogue can be looked up without opening the RON file.

use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

use super::{Cli, Fout, bundle, terminal_safe};
use crate::core::taxonomy::{Entry, Taxonomy};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Uitvoer als JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    label: &'a str,
    /// Guidance for the consultant (belemmeringen), with `{klant}` left in.
    #[serde(skip_serializing_if = "str::is_empty")]
    aanpak: &'a str,
    /// The sentence for the client's plan (belemmeringen).
    #[serde(skip_serializing_if = "str::is_empty")]
    aanpak_plan: &'a str,
}

#[derive(Serialize)]
struct Json<'a> {
    wensen: Vec<Item<'a>>,
    krachten: Vec<Item<'a>>,
    belemmeringen: Vec<Item<'a>>,
    categorieen: Vec<Item<'a>>,
}

fn items(entries: &[Entry]) -> Vec<Item<'_>> {
    entries
        .iter()
        .map(|e| Item {
            id: &e.id,
            label: &e.label,
            aanpak: &e.aanpak,
            aanpak_plan: &e.aanpak_plan,
        })
        .collect()
}

/// The lists in display order with their Dutch headings.
fn lists(tax: &Taxonomy) -> [(&'static str, &[Entry]); 4] {
    [
        ("Wensen", &tax.wensen),
        ("Krachten", &tax.krachten),
        ("Belemmeringen", &tax.belemmeringen),
        ("Categorieën", &tax.categorieen),
    ]
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = bundle(cli)?;
    let tax = &bundle.data.taxonomy;
    if args.json {
        let json = Json {
            wensen: items(&tax.wensen),
            krachten: items(&tax.krachten),
            belemmeringen: items(&tax.belemmeringen),
            categorieen: items(&tax.categorieen),
        };
        serde_json::to_writer(&mut *out, &json).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // One column width for all lists, so the labels line up across headings.
    let width = lists(tax)
        .iter()
        .flat_map(|(_, l)| l.iter())
        .map(|e| e.id.width())
        .max()
        .unwrap_or(0);
    for (i, (heading, list)) in lists(tax).iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{heading} ({})", list.len())?;
        for e in list.iter() {
            writeln!(
                out,
                "  {}{}  {}",
                terminal_safe(&e.id),
                " ".repeat(width.saturating_sub(e.id.width())),
                terminal_safe(&e.label)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
