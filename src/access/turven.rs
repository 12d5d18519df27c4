//! Tallying in the accessible mode, for a trainer who practises line by line (with a
//! screen reader, or in front of a class through a pipe). In a practice gesprek these
//! lines are commands at every question: `turf` lists the codes, `turf 2 5 +` counts
//! codes with the same keys as the full-screen app, `ongedaan` takes back the last one,
//! `stand` reads out the counts and scores, `rapport` reads out the trainer report. The
//! demo client's `antwoord` follows the latest code at the step. When the practice ends,
//! the trainer is asked for the four globals (on `stop`; a pipe that ends skips them)
//! and the report is written to the trainer folder, never beside a plan.

use std::io;
use std::time::Instant;

use crate::core::oefen::{Oefenklant, Zet};
use crate::core::tally::{
    Gedrag, Global, Globals, ReportMeta, Tally, percent_text, ratio_text, report_markdown,
};

use super::Gesprek;
use super::prompt::{Console, Stop};

/// The tally of a practice gesprek in line mode.
#[derive(Debug, Clone)]
pub struct Turven {
    /// The step on screen (the page loop keeps it current).
    pub stap: String,
    pub tally: Tally,
    /// The labels of the report (demo client, date, step titles).
    pub meta: ReportMeta,
    begon: Instant,
}

impl Turven {
    pub fn new(meta: ReportMeta) -> Turven {
        Turven {
            stap: String::new(),
            tally: Tally::default(),
            meta,
            begon: Instant::now(),
        }
    }
}

/// The help lines for the tally commands.
pub const HULP: &str = "\
Turven (MITI 4.2.1):
- turf: de codes met hun toets.
- turf 2 5 +: telt een open vraag, een complexe reflectie en verandertaal van de klant.
  Ook met een schuine streep: /turf, /ongedaan, /stand, /rapport.
- ongedaan: de laatste turf terug.
- stand: de tellingen en scores.
- rapport: het trainersrapport voorlezen.";

/// The codes with their keys, one per line.
pub fn lijst() -> String {
    let mut out = vec!["Codes (typ turf en de toetsen, gescheiden door spaties):".to_string()];
    for &g in Gedrag::ALL {
        out.push(format!("{}: {}", g.toets(), g.label()));
    }
    out.join("\n")
}

/// The counts and scores, as sentences a screen reader reads well.
pub fn stand(t: &Tally) -> String {
    let mut out = Vec::new();
    let counted: Vec<String> = Gedrag::ALL
        .iter()
        .filter(|&&g| t.count(g) > 0)
        .map(|&g| format!("{} {}", g.label(), t.count(g)))
        .collect();
    if counted.is_empty() {
        return "Nog niets geturfd.".into();
    }
    out.push(format!("Geteld: {}.", counted.join(", ")));
    for s in t.scores() {
        let value = s.value.map_or("niet te berekenen".to_string(), |v| {
            format!(
                "{}, {}",
                s.maat.format(v),
                s.niveau.map_or("", |n| n.label())
            )
        });
        out.push(format!("{}: {value}.", s.maat.label()));
    }
    out.push(format!(
        "MI-consistent {}, niet MI-consistent {}.",
        t.mi_adherent(),
        t.mi_inconsistent()
    ));
    out.push(format!(
        "Verandertaal : behoudtaal {} (verandertaal {}).",
        t.ct_st().map_or("–".into(), ratio_text),
        t.pct_verandertaal().map_or("–".into(), percent_text)
    ));
    out.push("Drempels op basis van expertoordeel (MITI 4.2.1).".into());
    out.join("\n")
}

/// Handles a tally command; `None` when the line is not one (then it is an answer).
pub fn command(t: &mut Turven, line: &str) -> Option<String> {
    let lower = line.trim().to_lowercase();
    // `/turf` as well as `turf`: in a text field every other command starts with `/`.
    let lower = lower.strip_prefix('/').unwrap_or(&lower);
    let mut words = lower.split_whitespace();
    match words.next()? {
        "turf" => {
            let keys: Vec<&str> = words.collect();
            if keys.is_empty() {
                return Some(lijst());
            }
            let sec = t.begon.elapsed().as_secs();
            let mut geteld = Vec::new();
            let mut onbekend = Vec::new();
            for k in keys {
                match Gedrag::from_toets(k) {
                    Some(g) => {
                        t.tally.add_op(&t.stap, g, sec);
                        geteld.push(g.label());
                    }
                    None => onbekend.push(k),
                }
            }
            let mut reply = if geteld.is_empty() {
                "Niets geteld.".to_string()
            } else {
                format!("Geteld: {}.", geteld.join(", "))
            };
            if !onbekend.is_empty() {
                reply.push_str(&format!(
                    " Onbekende code: {}. Typ turf voor de lijst.",
                    onbekend.join(" ")
                ));
            }
            Some(reply)
        }
        "ongedaan" if words.next().is_none() => Some(match t.tally.undo_laatste() {
            Some(g) => format!("Turf ongedaan: {}.", g.label()),
            None => "Er is niets om ongedaan te maken.".into(),
        }),
        "stand" if words.next().is_none() => Some(stand(&t.tally)),
        "rapport" if words.next().is_none() => Some(report_markdown(&t.tally, &t.meta)),
        _ => None,
    }
}

/// What the demo client says at a step after the latest code there.
pub fn antwoord(klant: &Oefenklant, stap: &str, tally: Option<&Tally>) -> String {
    let zet = tally
        .and_then(|t| t.laatste_bij(stap))
        .and_then(Zet::from_gedrag)
        .unwrap_or(Zet::OpenVraag);
    match klant.reactie(stap, zet) {
        Some((zet, a)) => format!("{} zegt, {}: “{a}”", klant.naam, zet.label()),
        None => format!("{} heeft bij deze stap geen antwoord.", klant.naam),
    }
}

/// Ends the practice: asks for the globals when the trainer stopped (not when the input
/// ran out), then writes the report to the trainer folder and says where.
pub fn afronden(g: &mut Gesprek, con: &mut Console, vragen: bool) -> io::Result<()> {
    let Some(t) = con.turven.take() else {
        return Ok(());
    };
    if t.tally.log.is_empty() {
        return Ok(());
    }
    let mut tally = t.tally;
    if vragen {
        match globals(con) {
            Ok(gl) => tally.globals = gl,
            Err(Stop::Io(e)) => return Err(e),
            Err(_) => {}
        }
    }
    let meta = ReportMeta::for_session(&g.session, &g.data.script);
    let report = report_markdown(&tally, &meta);
    let stem = format!(
        "oefening-{}",
        crate::store::files::plan_stem(g.session.datum, &g.session.klant)
    );
    let files = vec![(crate::store::trainer::MI_RAPPORT_EXT.to_string(), report)];
    match crate::store::trainer::write_set(&g.bundle.paths, &stem, &files) {
        Ok(paths) => con.say(&format!(
            "Trainersrapport opgeslagen in de trainersmap: {}",
            paths
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        )),
        Err(e) => con.say(&format!(
            "Het trainersrapport kon niet worden opgeslagen: {}",
            crate::store::files::describe_io_error(
                &e,
                &crate::store::trainer::dir(&g.bundle.paths)
            )
        )),
    }
}

/// Asks the four globals, 1–5 with the anchors of 1, 3 and 5; an empty answer skips
/// them all.
fn globals(con: &mut Console) -> Result<Option<Globals>, Stop> {
    con.say(
        "Globale scores (MITI 4.2.1), elk 1 tot 5. Druk op Enter zonder cijfer om over te slaan.",
    )?;
    let mut g = Globals::default();
    for gl in Global::ALL {
        let prompt = format!(
            "{} (1 = {}, 3 = {}, 5 = {}):",
            gl.label(),
            gl.anker(1),
            gl.anker(3),
            gl.anker(5)
        );
        let v = con.ask_valid(&prompt, |s| match s {
            "" => Ok(None),
            _ => match s.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Some(n)),
                _ => Err("Typ een cijfer van 1 tot 5, of Enter om over te slaan.".into()),
            },
        })?;
        match v {
            Some(n) => g.set(gl, n),
            None => return Ok(None),
        }
    }
    Ok(Some(g))
}
