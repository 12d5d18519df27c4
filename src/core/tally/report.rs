//! The trainer report: the tally as Markdown for a trainer and trainee to go through
//! after a (practice) gesprek. It is built from the tally and a few labels only, so a
//! client's notes cannot end up in it by construction.

use chrono::NaiveDate;
use std::fmt::Write as _;

use super::{
    DREMPEL_BRON, Gedrag, Gemiddelde, Global, Niveau, Spreker, Tally, percent_text, rating_text,
    ratio_text,
};
use crate::core::plan::{inline, lange_datum};
use crate::core::script::Script;
use crate::core::session::Session;

/// What the report says about the gesprek besides the counts. Deliberately holds no
/// notes: the trainer report is about the consultant's technique, never the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportMeta {
    /// The (demo) client's label: an oefenklant's name or the client's initials.
    pub klant: String,
    pub datum: Option<NaiveDate>,
    pub script_titel: String,
    /// Time spent per step, by step title, in script order.
    pub tijd_per_stap: Vec<(String, u64)>,
    /// Step titles by step id, to name the steps of the per-step table.
    pub stap_titels: Vec<(String, String)>,
    /// A practice gesprek with a fictional client.
    pub oefenen: bool,
}

impl ReportMeta {
    /// The labels for a session's report: its client label, date and script, with step
    /// titles from the script and the time per step from the session's tally, in script
    /// order (steps no longer in the script come last, under their id).
    pub fn for_session(session: &Session, script: &Script) -> ReportMeta {
        let stap_titels: Vec<(String, String)> = script
            .steps()
            .map(|r| (r.stap.id.clone(), r.stap.titel.clone()))
            .collect();
        let tijd = session
            .tally
            .as_ref()
            .map_or(&[][..], |t| t.tijd.as_slice());
        let titel = |id: &str| {
            stap_titels
                .iter()
                .find(|(i, _)| i == id)
                .map_or(id.to_string(), |(_, t)| t.clone())
        };
        let mut tijd_per_stap: Vec<(String, u64)> = stap_titels
            .iter()
            .filter_map(|(id, t)| {
                tijd.iter()
                    .find(|(s, _)| s == id)
                    .map(|(_, secs)| (t.clone(), *secs))
            })
            .collect();
        tijd_per_stap.extend(
            tijd.iter()
                .filter(|(s, _)| script.step(s).is_none())
                .map(|(s, secs)| (titel(s), *secs)),
        );
        ReportMeta {
            klant: session.klant.clone(),
            datum: Some(session.datum),
            script_titel: script.titel.clone(),
            tijd_per_stap,
            stap_titels,
            oefenen: session.oefenen,
        }
    }
}

impl ReportMeta {
    /// A step's title by id, or the id when the script no longer has it.
    pub fn stap_titel<'a>(&'a self, id: &'a str) -> &'a str {
        // The two pages around the script's steps have fixed ids.
        match id {
            "gegevens" => return "Gegevens",
            "controle" => return "Plan controleren",
            _ => {}
        }
        self.stap_titels
            .iter()
            .find(|(i, _)| i == id)
            .map_or(id, |(_, t)| t.as_str())
    }
}

/// Text safe for one Markdown table cell.
pub(crate) fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

pub(crate) fn minuten(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The trainer report as Markdown: counts with their MITI class, the totals MI-adherent
/// and non-adherent, the summary scores with levels and thresholds, the client's change
/// and sustain talk, the globals when rated, and time and counts per step when known.
pub fn report_markdown(tally: &Tally, meta: &ReportMeta) -> String {
    let mut out = String::new();
    let soort = if meta.oefenen {
        "Oefengesprek (fictieve klant)"
    } else {
        "Gesprek"
    };
    // Writing into a String cannot fail, hence the ignored results.
    let _ = writeln!(out, "# Terugkoppeling gespreksvoering\n");
    let _ = writeln!(out, "- {soort}: {}", inline(&meta.klant));
    if let Some(d) = meta.datum {
        let _ = writeln!(out, "- Datum: {}", lange_datum(d));
    }
    if !meta.script_titel.trim().is_empty() {
        let _ = writeln!(out, "- Script: {}", inline(&meta.script_titel));
    }
    let _ = writeln!(out, "- Geturfd: {} gedragingen\n", tally.total());
    body_markdown(&mut out, tally, meta);
    out
}

/// Everything below the header; the class round report shares it.
pub(crate) fn body_markdown(out: &mut String, tally: &Tally, meta: &ReportMeta) {
    let _ = writeln!(out, "## Geturfd gedrag\n");
    let _ = writeln!(out, "| Gedrag | MITI | Aantal |\n|---|---|---:|");
    for &g in Gedrag::ALL
        .iter()
        .filter(|g| g.spreker() == Spreker::Consulent)
    {
        let soort = if g.mi_inconsistent() {
            "niet MI-consistent"
        } else if g.mi_adherent() {
            "MI-consistent"
        } else {
            ""
        };
        let _ = writeln!(out, "| {} | {soort} | {} |", g.label(), tally.count(g));
    }
    let _ = writeln!(
        out,
        "\n- Totaal MI-consistent (bekrachtigen, samenwerking zoeken, autonomie benadrukken): {}",
        tally.mi_adherent()
    );
    let _ = writeln!(
        out,
        "- Totaal niet MI-consistent (overtuigen zonder toestemming, confronteren): {}",
        tally.mi_inconsistent()
    );
    let _ = writeln!(
        out,
        "- Overtuigen met toestemming telt bij geen van beide: {}",
        tally.count(Gedrag::OvertuigenMetToestemming)
    );

    let _ = writeln!(out, "\n## Scores\n");
    let _ = writeln!(
        out,
        "| Maat | Waarde | Niveau | Redelijk vanaf | Goed vanaf |\n|---|---:|---|---:|---:|"
    );
    for s in tally.scores() {
        let d = s.maat.drempels();
        let value = s.value.map_or("–".to_string(), |v| s.maat.format(v));
        let niveau = s.niveau.map_or("niet te berekenen", Niveau::label);
        let _ = writeln!(
            out,
            "| {} | {value} | {niveau} | {} | {} |",
            s.maat.label(),
            s.maat.format(d.redelijk),
            s.maat.format(d.goed)
        );
    }
    let _ = writeln!(
        out,
        "\nDe niveaus gebruiken {DREMPEL_BRON}; % open vragen komt uit MITI 3. Het zijn \
         richtlijnen voor oefening, geen beoordeling van een persoon. Samenvattingen tellen \
         bij R:Q mee als reflectie, bij %CR niet."
    );

    let _ = writeln!(out, "\n## Wat de klant zei\n");
    let _ = writeln!(
        out,
        "- Verandertaal: {}\n- Behoudtaal: {}",
        tally.verandertaal, tally.behoudtaal
    );
    let verhouding = tally.ct_st().map_or("–".to_string(), ratio_text);
    let aandeel = tally
        .pct_verandertaal()
        .map_or("–".to_string(), percent_text);
    let _ = writeln!(
        out,
        "- Verandertaal : behoudtaal: {verhouding} (verandertaal {aandeel} van wat de klant zei)"
    );

    let _ = writeln!(out, "\n## Globale scores\n");
    match &tally.globals {
        None => {
            let _ = writeln!(out, "Niet ingevuld.");
        }
        Some(g) => {
            let _ = writeln!(out, "| Global | Score (1–5) | Anker |\n|---|---:|---|");
            for gl in Global::ALL {
                let v = g.get(gl);
                let _ = writeln!(out, "| {} | {v} | {} |", gl.label(), gl.anker(v));
            }
            let _ = writeln!(
                out,
                "\n| Gemiddelde | Waarde | Niveau | Redelijk vanaf | Goed vanaf |\n|---|---:|---|---:|---:|"
            );
            for m in [Gemiddelde::Relationeel, Gemiddelde::Technisch] {
                let d = m.drempels();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    m.label(),
                    rating_text(g.gemiddelde(m)),
                    g.niveau(m).label(),
                    rating_text(d.redelijk),
                    rating_text(d.goed)
                );
            }
        }
    }

    let _ = writeln!(out, "\n## Niet MI-consistent\n");
    let n = tally.mi_inconsistent();
    if n == 0 {
        let _ = writeln!(
            out,
            "Geen overtuigen zonder toestemming of confronteren geturfd."
        );
    } else {
        let _ = writeln!(
            out,
            "{n} keer overtuigen zonder toestemming of confronteren. Vraag eerst toestemming \
             (\"Mag ik u iets vertellen over…?\") of reflecteer wat de klant zegt."
        );
    }

    let per_stap = tally.per_stap();
    if !meta.tijd_per_stap.is_empty() || !per_stap.is_empty() {
        let _ = writeln!(out, "\n## Per stap\n");
    }
    if !meta.tijd_per_stap.is_empty() {
        let _ = writeln!(out, "| Stap | Tijd (min:sec) |\n|---|---:|");
        for (titel, secs) in &meta.tijd_per_stap {
            let _ = writeln!(out, "| {} | {} |", cell(titel), minuten(*secs));
        }
        let totaal: u64 = meta.tijd_per_stap.iter().map(|(_, s)| s).sum();
        let _ = writeln!(out, "| **Totaal** | {} |", minuten(totaal));
    }
    if !per_stap.is_empty() {
        if !meta.tijd_per_stap.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "| Stap | Vragen | Reflecties | MI-consistent | Niet MI-consistent | Verandertaal | Behoudtaal |\n|---|---:|---:|---:|---:|---:|---:|"
        );
        for (id, t) in per_stap {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(meta.stap_titel(id)),
                t.questions(),
                t.reflections(),
                t.mi_adherent(),
                t.mi_inconsistent(),
                t.verandertaal,
                t.behoudtaal
            );
        }
    }
}
