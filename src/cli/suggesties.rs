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
use crate::core::catalogue::{Catalogue, Optie, Vorm};
use crate::core::matching::{Profiel, Suggesties};
use crate::core::taxonomy::{Entry, Taxonomy};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Wens-id; meerdere mogelijk (`--wens koken buiten` of `--wens koken,buiten`). De
    /// eerste is het hoofddoel, tenzij `--hoofddoel` een andere noemt
    #[arg(long = "wens", value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub wensen: Vec<String>,
    /// De wens die de klant het belangrijkst vindt (telt zwaarder)
    #[arg(long, value_name = "ID")]
    pub hoofddoel: Option<String>,
    /// Kracht-id; meerdere mogelijk
    #[arg(long = "kracht", value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub krachten: Vec<String>,
    /// Belemmering-id; meerdere mogelijk
    #[arg(long = "belemmering", value_name = "ID", num_args = 1.., value_delimiter = ',')]
    pub belemmeringen: Vec<String>,
    /// Uren per week die de klant nu aankan (0 tot en met 40)
    #[arg(long, value_name = "N", value_parser = uren)]
    pub uren: Option<u8>,
    /// Id van een optie die de klant eerder deed (waarschuwt voor projectmoeheid)
    #[arg(long, value_name = "OPTIE_ID", num_args = 1.., value_delimiter = ',')]
    pub eerder: Vec<String>,
    /// Wat de klant al doet: id van de optie die het erkent (bijvoorbeeld
    /// `mantelzorg-erkennen`, `vrijwilligerswerk-formaliseren`)
    #[arg(long = "doet-al", value_name = "OPTIE_ID", num_args = 1.., value_delimiter = ',')]
    pub doet_al: Vec<String>,
    /// Uren zorg per week (mantelzorg of kinderen), 0 tot en met 168
    #[arg(long, value_name = "N", value_parser = zorguren)]
    pub zorguren: Option<u8>,
    /// De klant heeft een indicatie (Wmo, buurtteam) voor plekken die erom vragen
    #[arg(long)]
    pub indicatie: bool,
    /// Vervangen door --doet-al; werkt nog deze versie, met een melding
    #[arg(long, value_name = "CATEGORIE", num_args = 1.., value_delimiter = ',')]
    pub actief: Vec<String>,
    /// Leeftijd in jaren, alleen nodig bij opties met een leeftijdsgrens
    #[arg(long, value_name = "N", value_parser = leeftijd)]
    pub leeftijd: Option<u8>,
    /// Hoeveel suggesties (standaard 10 als tekst, alle passende als JSON)
    #[arg(long, value_name = "N", value_parser = top)]
    pub top: Option<usize>,
    /// Toon ook de rest van de catalogus, met de reden dat het nu niet past
    #[arg(long)]
    pub alles: bool,
    /// Uitvoer als JSON
    #[arg(long)]
    pub json: bool,
    /// Gemeenteprofiel (gemeenten/NAAM.ron) waarvan de regels gelden
    #[arg(long, value_name = "NAAM")]
    pub gemeente: Option<String>,
}

/// Suggestions in the text output without `--top`.
pub const TOP_TEKST: usize = 10;

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

/// Hours of care per week: at most every hour of the week.
fn zorguren(s: &str) -> Result<u8, String> {
    getal(s, 0..=168, "zorguren")
}

fn top(s: &str) -> Result<usize, String> {
    s.trim()
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| "top moet een heel getal van 1 of meer zijn".to_string())
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
    check_ids("kracht", &args.krachten, pairs(&tax.krachten))?;
    // Only what recognises something the client does can be ticked as done already.
    let erkent = || {
        cat.opties
            .iter()
            .filter(|o| o.erkent_bestaand)
            .map(|o| (o.id.as_str(), o.titel.as_str()))
    };
    check_ids("optie voor --doet-al", &args.doet_al, erkent())?;
    check_ids("categorie", &args.actief, pairs(&tax.categorieen))?;
    if let Some(h) = &args.hoofddoel
        && !args.wensen.contains(h)
    {
        return Err(Fout::Gebruik(format!(
            "hoofddoel '{h}' staat niet bij de wensen; geef het ook met --wens"
        )));
    }
    Ok(Profiel {
        wensen: args.wensen.clone(),
        hoofddoel: args.hoofddoel.clone(),
        krachten: args.krachten.clone(),
        belemmeringen: args.belemmeringen.clone(),
        uren_kan: args.uren,
        zorguren: args.zorguren,
        eerder: args.eerder.clone(),
        doet_al: args.doet_al.clone(),
        actief: args.actief.clone(),
        leeftijd: args.leeftijd,
        indicatie: args.indicatie,
    })
}

/// The notice for `--actief`, naming the options that replace the given categories.
pub fn actief_melding(actief: &[String], cat: &Catalogue) -> Option<String> {
    if actief.is_empty() {
        return None;
    }
    let ids: Vec<&str> = cat
        .opties
        .iter()
        .filter(|o| o.erkent_bestaand && actief.contains(&o.categorie))
        .map(|o| o.id.as_str())
        .collect();
    let voorbeeld = if ids.is_empty() {
        String::new()
    } else {
        format!(" (voor deze categorieën: --doet-al {})", ids.join(","))
    };
    Some(format!(
        "let op: --actief is vervangen door --doet-al en verdwijnt in de volgende versie; \
         geef aan wat de klant precies doet{voorbeeld}"
    ))
}

pub fn run(cli: &Cli, args: &Args, out: &mut dyn Write) -> Result<ExitCode, Fout> {
    let bundle = super::with_profile(bundle(cli)?, args.gemeente.as_deref())?;
    let data = &bundle.data;
    let p = profiel(args, &data.taxonomy, &data.catalogue)?;
    if let Some(m) = actief_melding(&args.actief, &data.catalogue) {
        eprintln!("{m}");
    }
    let s = app::suggest::for_profile(&bundle, &p);
    // By id, so printing stays linear in the size of the catalogue.
    let opties: HashMap<&str, &Optie> = data
        .catalogue
        .opties
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    if args.json {
        let top = args.top.unwrap_or(usize::MAX);
        serde_json::to_writer(&mut *out, &json(&s, &opties, top)).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        let top = args.top.unwrap_or(TOP_TEKST);
        table(&s, &opties, &data.taxonomy, (top, args.alles), out)?;
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
    /// How the client takes part (`een-op-een`, …); `null` for a route.
    vorm: Option<Vorm>,
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
    /// Options neither suggested nor excluded: in the whole catalogue, not fitting now.
    overig_aantal: usize,
}

fn json<'a>(s: &'a Suggesties, opties: &HashMap<&str, &'a Optie>, top: usize) -> Json<'a> {
    let optie = |id: &str| {
        *opties
            .get(id)
            .expect("suggestions come from this catalogue")
    };
    Json {
        suggesties: s
            .suggesties
            .iter()
            .take(top)
            .map(|x| {
                let o = optie(&x.id);
                JsonSuggestie {
                    id: &x.id,
                    titel: &o.titel,
                    categorie: &o.categorie,
                    score: x.score,
                    uren_min: o.uren_min,
                    uren_max: o.uren_max,
                    vorm: o.vorm,
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
        overig_aantal: s.overig.len(),
    }
}

fn table(
    s: &Suggesties,
    opties: &HashMap<&str, &Optie>,
    tax: &Taxonomy,
    (top, alles): (usize, bool),
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match s.leeg_reden() {
        Some(reden) => writeln!(out, "{reden}")?,
        None => writeln!(out, "Mogelijkheden, de best passende eerst:")?,
    }
    for (n, x) in s.suggesties.iter().take(top).enumerate() {
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
        let vorm = o.vorm.map_or(String::new(), |v| format!(", {}", v.label()));
        writeln!(
            out,
            "     {}, {uren}, {}{vorm}",
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
    let meer = s.suggesties.len().saturating_sub(top);
    if meer > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "Nog {meer} passende mogelijkheden na deze {top}; --top N toont er meer."
        )?;
    }
    if s.overig.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    if !alles {
        writeln!(
            out,
            "Hele catalogus: nog {} mogelijkheden passen nu niet; --alles toont ze met de reden.",
            s.overig.len()
        )?;
        return Ok(());
    }
    writeln!(out, "Hele catalogus, nu niet voorgesteld:")?;
    for x in &s.overig {
        let titel = opties.get(&*x.id).map_or(&*x.id, |o| o.titel.as_str());
        let score = x.score.map_or(String::new(), |n| format!(" (score {n})"));
        writeln!(out, "   - {titel}  [{}]: {}{score}", x.id, x.reden)?;
    }
    Ok(())
}
