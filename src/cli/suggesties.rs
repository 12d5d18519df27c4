//! `meedoen suggesties`: the ranked options for a profile given on the command line, as a
//! readable Dutch list or as JSON for other tools. Trainers use it to show how the
//! matching reasons; integrators use the JSON. Unknown ids are refused with the closest
//! valid ones, because a silently ignored typo would change the ranking unnoticed.

use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use super::{Cli, Fout, bundle, check_ids, terminal_safe};
use crate::app;
use crate::core::catalogue::{Catalogue, Optie};
use crate::core::matching::{Profiel, Suggesties};
use crate::core::taxonomy::{Entry, Taxonomy};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Wens-id; meerdere mogelijk (`--wens koken buiten` of `--wens koken,buiten`)
    #[arg(long = "wens", value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub wensen: Vec<String>,
    /// Belemmering-id; meerdere mogelijk
    #[arg(long = "belemmering", value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub belemmeringen: Vec<String>,
    /// Uren per week die de klant nu aankan (0 tot en met 40)
    #[arg(long, value_name = "N", value_parser = uren)]
    pub uren: Option<u8>,
    /// Id van een optie die de klant eerder deed (waarschuwt voor projectmoeheid)
    #[arg(long, value_name = "OPTIE_ID", num_args = 1.., value_delimiter = ',')]
    pub eerder: Vec<String>,
    /// Categorie waarin de klant al actief is (bestaand vrijwilligerswerk, mantelzorg)
    #[arg(long, value_name = "CATEGORIE", num_args = 1.., value_delimiter = ',')]
    pub actief: Vec<String>,
    /// Leeftijd in jaren, alleen nodig bij opties met een leeftijdsgrens
    #[arg(long, value_name = "N", value_parser = leeftijd)]
    pub leeftijd: Option<u8>,
    /// Uitvoer als JSON
    #[arg(long)]
    pub json: bool,
    /// Gemeenteprofiel (gemeenten/NAAM.ron) waarvan de regels gelden
    #[arg(long, value_name = "NAAM")]
    pub gemeente: Option<String>,
}

/// A whole number in `range`, with a Dutch message (clap's own is English).
fn getal(s: &str, range: std::ops::RangeInclusive<u8>, wat: &str) -> Result<u8, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            format!(
                "{wat} moet een heel getal van {} tot en met {} zijn",
                range.start(),
                range.end()
            )
        })
}

fn uren(s: &str) -> Result<u8, String> {
    getal(s, 0..=crate::core::validate::MAX_UREN, "uren")
}

fn leeftijd(s: &str) -> Result<u8, String> {
    getal(s, 0..=120, "leeftijd")
}

fn pairs(entries: &[Entry]) -> impl Iterator<Item = (&str, &str)> + Clone {
    entries.iter().map(|e| (e.id.as_str(), e.label.as_str()))
}

/// The profile from the arguments, every id checked against the data.
pub fn profiel(args: &Args, tax: &Taxonomy, cat: &Catalogue) -> Result<Profiel, Fout> {
    check_ids("wens", &args.wensen, pairs(&tax.wensen))?;
    check_ids(
        "belemmering",
        &args.belemmeringen,
        pairs(&tax.belemmeringen),
    )?;
    check_ids(
        "optie",
        &args.eerder,
        cat.opties.iter().map(|o| (o.id.as_str(), o.titel.as_str())),
    )?;
    check_ids("categorie", &args.actief, pairs(&tax.categorieen))?;
    Ok(Profiel {
        wensen: args.wensen.clone(),
        belemmeringen: args.belemmeringen.clone(),
        uren_kan: args.uren,
        eerder: args.eerder.clone(),
        actief: args.actief.clone(),
        leeftijd: args.leeftijd,
    })
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::with_profile(bundle(cli)?, args.gemeente.as_deref())?;
    let data = &bundle.data;
    let p = profiel(args, &data.taxonomy, &data.catalogue)?;
    let s = app::suggest::for_profile(&bundle, &p);
    // By id, so printing stays linear in the size of the catalogue.
    let opties: HashMap<&str, &Optie> = data
        .catalogue
        .opties
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    if args.json {
        serde_json::to_writer(&mut *out, &json(&s, &opties)).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        table(&s, &opties, &data.taxonomy, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonSuggestie<'a> {
    id: &'a str,
    titel: &'a str,
    categorie: &'a str,
    score: i32,
    uren_min: u8,
    uren_max: u8,
    waarom: Vec<String>,
    let_op: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonUitgesloten<'a> {
    id: &'a str,
    titel: &'a str,
    reden: &'a [String],
}

#[derive(Serialize)]
struct Json<'a> {
    suggesties: Vec<JsonSuggestie<'a>>,
    uitgesloten: Vec<JsonUitgesloten<'a>>,
}

fn json<'a>(s: &'a Suggesties, opties: &HashMap<&str, &'a Optie>) -> Json<'a> {
    let optie = |id: &str| {
        *opties
            .get(id)
            .expect("suggestions come from this catalogue")
    };
    Json {
        suggesties: s
            .suggesties
            .iter()
            .map(|x| {
                let o = optie(&x.id);
                JsonSuggestie {
                    id: &x.id,
                    titel: &o.titel,
                    categorie: &o.categorie,
                    score: x.score,
                    uren_min: o.uren_min,
                    uren_max: o.uren_max,
                    waarom: x.waarom().iter().map(ToString::to_string).collect(),
                    let_op: x.let_op().collect(),
                }
            })
            .collect(),
        uitgesloten: s
            .uitgesloten
            .iter()
            .map(|x| JsonUitgesloten {
                id: &x.id,
                titel: &optie(&x.id).titel,
                reden: &x.reden,
            })
            .collect(),
    }
}

fn table(
    s: &Suggesties,
    opties: &HashMap<&str, &Optie>,
    tax: &Taxonomy,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if s.suggesties.is_empty() {
        writeln!(out, "Geen passende mogelijkheden in de catalogus.")?;
    } else {
        writeln!(out, "Mogelijkheden, de best passende eerst:")?;
    }
    for (n, x) in s.suggesties.iter().enumerate() {
        let Some(o) = opties.get(&*x.id) else {
            continue;
        };
        writeln!(out)?;
        writeln!(
            out,
            "{:>3}. {}  [{}]  score {}",
            n + 1,
            terminal_safe(&o.titel),
            terminal_safe(&x.id),
            x.score
        )?;
        let uren = match (o.uren_min, o.uren_max) {
            (_, 0) => "geen uren".to_string(),
            (lo, hi) if lo == hi => format!("{lo} uur per week"),
            (lo, hi) => format!("{lo}–{hi} uur per week"),
        };
        writeln!(
            out,
            "     {}, {uren}, {}",
            terminal_safe(tax.categorie_label(&o.categorie)),
            o.begeleiding.label()
        )?;
        for f in x.waarom() {
            writeln!(out, "     {}", terminal_safe(&f.to_string()))?;
        }
        for l in x.let_op() {
            writeln!(out, "     let op: {}", terminal_safe(l))?;
        }
    }
    if !s.uitgesloten.is_empty() {
        writeln!(out)?;
        writeln!(out, "Niet geschikt:")?;
        for x in &s.uitgesloten {
            let titel = opties.get(&*x.id).map_or(&*x.id, |o| o.titel.as_str());
            writeln!(
                out,
                "   - {}  [{}]: {}",
                terminal_safe(titel),
                terminal_safe(&x.id),
                terminal_safe(&x.reden.join("; "))
            )?;
        }
    }
    Ok(())
}
