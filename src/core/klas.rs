//! A class session in trainer mode: the trainer names the session and the participants
//! (trainees, never clients), and each role-play is a round with its own tally, timer and
//! timeline of codes. Per round a Markdown report and a CSV (one row per code); at the end
//! a class overview comparing rounds and participants. Everything here is built from the
//! tally and the names the trainer typed, so nothing of a client can end up in it; the
//! store writes it to the trainer folder, never beside a plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

use super::plan::{inline, lange_datum};
use super::privacy::find_bsns;
use super::tally::report::{body_markdown, cell, minuten};
use super::tally::{
    Gedrag, Gemiddelde, Globals, ReportMeta, Tally, beoordeling, rating_text, ratio_text,
};

/// Longest name of a session or participant, in characters: a name, not a note.
pub const MAX_NAAM: usize = 40;

/// A session of role-plays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Klas {
    pub naam: String,
    pub datum: NaiveDate,
    pub deelnemers: Vec<String>,
    pub rondes: Vec<Ronde>,
}

/// One role-play: a trainee with a demo client, timed and tallied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ronde {
    pub nummer: u32,
    pub deelnemer: String,
    /// The demo client's name (always marked fictional).
    pub oefenklant: String,
    /// Clock time the round began ("14:02").
    pub begon: String,
    /// The countdown the trainer set, in seconds; 0 means no timer.
    pub duur: u64,
    /// Seconds the round actually took.
    pub gebruikt: u64,
    pub tally: Tally,
}

/// Checks a session or participant name. Control characters are dropped (a paste can
/// carry them); a name with something like a BSN in it, or eight or more digits, is
/// refused: these are trainees' names, and a number that long is an identity number by
/// mistake. Returns the cleaned name or a Dutch explanation.
pub fn naam_check(input: &str) -> Result<String, String> {
    let cleaned: String = input.chars().filter(|c| !c.is_control()).collect();
    let naam = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if naam.is_empty() {
        return Err("Vul een naam in.".into());
    }
    if naam.chars().count() > MAX_NAAM {
        return Err(format!(
            "Deze naam is langer dan {MAX_NAAM} tekens; een voornaam is genoeg."
        ));
    }
    let digits = naam.chars().filter(char::is_ascii_digit).count();
    if !find_bsns(&naam).is_empty() || digits >= 8 {
        return Err(
            "Deze naam bevat een lang nummer (mogelijk een BSN). Gebruik alleen de naam van de cursist."
                .into(),
        );
    }
    Ok(naam)
}

/// What the trainer sets up before a class session: its name, the participants and
/// the minutes per round (0: no timer). Checked by [`KlasOpties::check`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KlasOpties {
    pub naam: String,
    pub deelnemers: Vec<String>,
    pub minuten: u64,
}

/// Longest round the trainer can set, in minutes.
pub const MAX_MINUTEN: u64 = 90;

impl KlasOpties {
    /// The class session the command line asked for, checked: `Ok(None)` for practice
    /// without a class; participants without a session name are a mistake.
    pub fn gevraagd(
        naam: Option<&str>,
        deelnemers: &[String],
        minuten: u64,
    ) -> Result<Option<KlasOpties>, String> {
        match naam {
            None if deelnemers.is_empty() => Ok(None),
            None => Err("--deelnemer hoort bij een klassessie: geef ook --klas NAAM".into()),
            Some(naam) => KlasOpties::check(naam, deelnemers, minuten).map(Some),
        }
    }

    /// Cleans and checks every name (see [`naam_check`]); participants must be named at
    /// least once and at most once each. The error names what is wrong, in Dutch.
    pub fn check(naam: &str, deelnemers: &[String], minuten: u64) -> Result<KlasOpties, String> {
        let naam = naam_check(naam).map_err(|e| format!("naam van de sessie: {e}"))?;
        if deelnemers.is_empty() {
            return Err("noem minstens één deelnemer (alleen de naam van de cursist)".into());
        }
        let mut namen: Vec<String> = Vec::new();
        for d in deelnemers {
            let n = naam_check(d).map_err(|e| format!("deelnemer `{}`: {e}", d.trim()))?;
            if namen.iter().any(|m| m.to_lowercase() == n.to_lowercase()) {
                return Err(format!("deelnemer `{n}` staat er twee keer in"));
            }
            namen.push(n);
        }
        if minuten > MAX_MINUTEN {
            return Err(format!(
                "een ronde duurt hoogstens {MAX_MINUTEN} minuten (0: geen timer)"
            ));
        }
        Ok(KlasOpties {
            naam,
            deelnemers: namen,
            minuten,
        })
    }
}

impl Klas {
    pub fn new(naam: String, datum: NaiveDate, deelnemers: Vec<String>) -> Klas {
        Klas {
            naam,
            datum,
            deelnemers,
            rondes: Vec::new(),
        }
    }

    /// Number of the next round (1 for the first).
    pub fn volgende_nummer(&self) -> u32 {
        self.rondes.iter().map(|r| r.nummer).max().unwrap_or(0) + 1
    }

    /// The participant whose turn it is: the one with the fewest rounds so far, first in
    /// the list on a tie. `None` without participants.
    pub fn aan_de_beurt(&self) -> Option<&str> {
        self.deelnemers
            .iter()
            .min_by_key(|d| self.rondes.iter().filter(|r| &r.deelnemer == *d).count())
            .map(String::as_str)
    }
}

/// Seconds as "m:ss".
fn mmss(secs: u64) -> String {
    minuten(secs)
}

/// The round report: who, with whom, how long, then the full tally report and the
/// timeline. `meta` names the steps.
pub fn ronde_markdown(klas: &Klas, ronde: &Ronde, meta: &ReportMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Ronde {}: {}\n",
        ronde.nummer,
        inline(&ronde.deelnemer)
    );
    let _ = writeln!(out, "- Sessie: {}", inline(&klas.naam));
    let _ = writeln!(out, "- Datum: {}", lange_datum(klas.datum));
    let _ = writeln!(out, "- Oefenklant: {}", inline(&ronde.oefenklant));
    let _ = writeln!(out, "- Begonnen: {}", inline(&ronde.begon));
    let timer = if ronde.duur == 0 {
        "geen".to_string()
    } else {
        mmss(ronde.duur)
    };
    let _ = writeln!(out, "- Duur: {} (timer: {timer})", mmss(ronde.gebruikt));
    let _ = writeln!(out, "- Geturfd: {} gedragingen\n", ronde.tally.total());
    body_markdown(&mut out, &ronde.tally, meta);
    let _ = writeln!(out, "\n## Tijdlijn\n");
    if ronde.tally.tijdlijn.is_empty() {
        let _ = writeln!(out, "Niets geturfd.");
    } else {
        let _ = writeln!(out, "| Tijd | Stap | Code | Wie |\n|---:|---|---|---|");
        for m in &ronde.tally.tijdlijn {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                mmss(m.sec),
                cell(meta.stap_titel(&m.stap)),
                m.gedrag.label(),
                m.gedrag.spreker().label()
            );
        }
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break, and with a leading
/// apostrophe when a spreadsheet would read it as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One row per code, in the order given: `tijd,stap,code,spreker` (time as m:ss since
/// the round began, the step's title, the code's Dutch name, consulent or klant).
pub fn ronde_csv(ronde: &Ronde, meta: &ReportMeta) -> String {
    let mut out = String::from("tijd,stap,code,spreker\r\n");
    for m in &ronde.tally.tijdlijn {
        let _ = write!(
            out,
            "{},{},{},{}\r\n",
            mmss(m.sec),
            csv_field(meta.stap_titel(&m.stap)),
            csv_field(m.gedrag.label()),
            m.gedrag.spreker().label()
        );
    }
    out
}

/// The summary of a tally for the overview table, cells in column order, with the
/// globals averaged over the ratings given (one per rated round).
fn summary_cells(t: &Tally, globals: &[Globals]) -> [String; 8] {
    let s = t.scores();
    let score = |i: usize| {
        s[i].value.map_or("–".to_string(), |v| {
            format!(
                "{} ({})",
                s[i].maat.format(v),
                s[i].niveau.map_or("", |n| n.label())
            )
        })
    };
    let globals = |m: Gemiddelde| {
        if globals.is_empty() {
            return "–".to_string();
        }
        let mean = globals.iter().map(|g| g.gemiddelde(m)).sum::<f64>() / globals.len() as f64;
        let d = m.drempels();
        format!(
            "{} ({})",
            rating_text(mean),
            beoordeling(mean, d.redelijk, d.goed).label()
        )
    };
    [
        score(0),
        score(1),
        score(2),
        t.mi_adherent().to_string(),
        t.mi_inconsistent().to_string(),
        t.ct_st().map_or("–".to_string(), ratio_text),
        globals(Gemiddelde::Relationeel),
        globals(Gemiddelde::Technisch),
    ]
}

const SUMMARY_HEAD: &str = "R:Q | %CR | % open (MITI 3) | MI-consistent | Niet MI-consistent | Verandertaal : behoudtaal | Relationeel | Technisch";

/// The class overview: every round side by side, then every participant with their
/// rounds added up (the globals averaged over the rounds that have them).
pub fn overzicht_markdown(klas: &Klas) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Klasoverzicht: {}\n", inline(&klas.naam));
    let _ = writeln!(out, "- Datum: {}", lange_datum(klas.datum));
    let _ = writeln!(
        out,
        "- Deelnemers: {}",
        klas.deelnemers
            .iter()
            .map(|d| inline(d))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out, "- Rondes: {}\n", klas.rondes.len());

    let _ = writeln!(out, "## Per ronde\n");
    if klas.rondes.is_empty() {
        let _ = writeln!(out, "Nog geen rondes.");
    } else {
        let _ = writeln!(
            out,
            "| Ronde | Deelnemer | Oefenklant | Duur | Geturfd | {SUMMARY_HEAD} |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
        );
        for r in &klas.rondes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                r.nummer,
                cell(&r.deelnemer),
                cell(&r.oefenklant),
                mmss(r.gebruikt),
                r.tally.total(),
                summary_cells(&r.tally, r.tally.globals.as_slice()).join(" | ")
            );
        }
    }

    let _ = writeln!(out, "\n## Per deelnemer\n");
    let _ = writeln!(
        out,
        "| Deelnemer | Rondes | Geturfd | {SUMMARY_HEAD} |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    );
    for d in &klas.deelnemers {
        let rondes: Vec<&Ronde> = klas.rondes.iter().filter(|r| &r.deelnemer == d).collect();
        let som = optellen(rondes.iter().map(|r| &r.tally));
        let globals: Vec<Globals> = rondes.iter().filter_map(|r| r.tally.globals).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(d),
            rondes.len(),
            som.total(),
            summary_cells(&som, &globals).join(" | ")
        );
    }
    let _ = writeln!(
        out,
        "\nDrempels op basis van expertoordeel (MITI 4.2.1): R:Q redelijk 1:1, goed 2:1; %CR \
         redelijk 40 %, goed 50 %; % open vragen (MITI 3) redelijk 50 %, goed 70 %; \
         relationeel redelijk 3,5, goed 4; technisch redelijk 3, goed 4. Het zijn richtlijnen \
         voor oefening, geen beoordeling van een persoon."
    );
    out
}

/// Several tallies added up, code by code (the globals are averaged by the caller).
pub fn optellen<'a>(tallies: impl Iterator<Item = &'a Tally>) -> Tally {
    let mut som = Tally::default();
    for t in tallies {
        for &g in Gedrag::ALL {
            som.add_n(g, t.count(g));
        }
    }
    som
}

#[cfg(test)]
mod tests;
