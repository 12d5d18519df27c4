//! The plan van aanpak: the session turned into a document the client can read and sign.
//! `context` resolves every id to its label (falling back to the raw id, so a session
//! made with an older catalogue still renders); `render_markdown` runs a minijinja
//! template over that context. Templates may come from users, so rendering is fenced
//! in: no file access, a fuel limit, and all user text escaped so it cannot break the
//! Markdown around it.

mod engine;
mod formaat;
mod markdown;
mod output;

use chrono::NaiveDate;
use serde::Serialize;

use self::engine::{environment, problem};
use super::catalogue::Niveau;
use super::data::{Data, Source};
use super::gemeente::Gemeente;
use super::problem::Problem;
use super::script::PlanSectie;
use super::session::{Afspraak, Akkoord, Session};
use super::taxonomy::TagKind;

pub use formaat::{
    Formaat, GemeenteContext, TekstenContext, Templates, check_source, render, render_source,
    render_status, render_with,
};
pub use markdown::{blockquote, inline};
pub use output::clean;

/// Everything a plan template can use. All text is resolved: labels, not ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanContext {
    /// Long Dutch date, "23 november 2026".
    pub datum: String,
    pub plaats: String,
    pub consulent: String,
    /// Initials or pseudonym.
    pub klant: String,
    /// Title of the gesprek script used.
    pub gesprek: String,
    pub notities: Notities,
    pub wensen: Vec<Label>,
    pub krachten: Vec<Label>,
    pub belemmeringen: Vec<Belemmering>,
    /// Categories the client is already active in.
    pub actief: Vec<Label>,
    /// Options the client did before.
    pub eerder: Vec<Label>,
    pub gekozen: Vec<Activiteit>,
    /// Non-empty afspraken only.
    pub afspraken: Vec<Afspraak>,
    /// Hours per week the client said they can manage, if discussed.
    pub uren_kan: Option<u8>,
    /// Agreed hours per week at the start.
    pub uren_per_week: Option<u8>,
    /// The consultant's explanation, or a default build-up sentence when hours are set.
    pub uren_toelichting: String,
    pub startdatum: Option<String>,
    pub evaluatiedatum: Option<String>,
    pub volgend_contact: Option<String>,
    /// "ja", "nee" or "onbekend", for template logic.
    pub akkoord: &'static str,
    /// "ja", "nee" or "nog niet besproken", for display.
    pub akkoord_label: &'static str,
    pub akkoord_toelichting: String,
    /// The municipality's settings that change the wording.
    pub gemeente: GemeenteContext,
    /// Plan version: 1 for an intake, one more for each vervolggesprek.
    pub versie: u32,
    /// "plan 1 van 2 november 2026" when this plan follows an earlier one.
    pub vervolg_op: Option<String>,
    /// How the previous plan's afspraken went (vervolggesprek).
    pub terugblik: Vec<Terugblik>,
    /// A concept: saved although the export gate found something missing. The
    /// heading says so, and the file name.
    pub concept: bool,
}

/// One afspraak of the previous plan, looked back on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terugblik {
    pub wat: String,
    pub wie: String,
    pub wanneer: String,
    /// "nagekomen", "deels", "niet" or "nog niet besproken".
    pub status: &'static str,
    pub hielp: String,
    pub lastig: String,
}

/// Notes grouped by the plan section of their step, in script order. Working notes
/// (`PlanSectie::Geen`) are never included.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Notities {
    pub situatie: Vec<Notitie>,
    pub al_actief: Vec<Notitie>,
    pub eerder: Vec<Notitie>,
    pub wensen: Vec<Notitie>,
    pub belemmeringen: Vec<Notitie>,
    pub eigen_woorden: Vec<Notitie>,
    pub keuze: Vec<Notitie>,
    pub samenvatting: Vec<Notitie>,
    /// Notes of steps the current script no longer has; kept so no words go missing.
    pub overig: Vec<Notitie>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notitie {
    /// Step id.
    pub stap: String,
    /// Step title, or the id when the step is gone.
    pub titel: String,
    pub tekst: String,
}

/// An id with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Belemmering {
    pub id: String,
    pub label: String,
    /// How it is handled: the session's own words, else the taxonomy's standard aanpak.
    pub aanpak: String,
}

/// A chosen option, resolved from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activiteit {
    pub id: String,
    /// False when the option is no longer in the catalogue; only `titel` (the id) is set.
    pub bekend: bool,
    pub titel: String,
    pub categorie: String,
    pub omschrijving: String,
    pub taken: Vec<String>,
    pub uren_min: u8,
    pub uren_max: u8,
    /// "4 tot 12 uur per week".
    pub uren: String,
    pub duur: String,
    pub begeleiding: String,
    pub drempels: Vec<String>,
    /// "laag", "midden" or "hoog".
    pub verdringing_risico: String,
    pub verdringing_reden: String,
    /// One line for the verdringing check.
    pub verdringing: String,
}

/// "23 november 2026"; the one Dutch long date, from `core::datum`.
pub fn lange_datum(d: NaiveDate) -> String {
    super::datum::in_words(d)
}

/// Builds the template context from the session and the data, with the default
/// municipality settings.
pub fn context(session: &Session, data: &Data) -> PlanContext {
    context_with(session, data, &Gemeente::default())
}

/// Builds the template context from the session, the data and the municipality's
/// settings.
pub fn context_with(session: &Session, data: &Data, gemeente: &Gemeente) -> PlanContext {
    let tax = &data.taxonomy;
    let labels = |kind: TagKind, ids: &[String]| -> Vec<Label> {
        ids.iter()
            .map(|id| Label {
                id: id.clone(),
                label: tax.label(kind, id).to_string(),
            })
            .collect()
    };
    let belemmeringen = session
        .belemmeringen
        .iter()
        .map(|id| Belemmering {
            id: id.clone(),
            label: tax.label(TagKind::Belemmering, id).to_string(),
            aanpak: session
                .aanpak
                .get(id)
                .filter(|a| !a.trim().is_empty())
                .cloned()
                .or_else(|| tax.find(TagKind::Belemmering, id).map(|e| e.aanpak.clone()))
                .unwrap_or_default(),
        })
        .collect();
    // What the client already does: the ticked recognition options by title, then any
    // categories from a session saved before those existed.
    let actief = session
        .doet_al
        .iter()
        .map(|id| Label {
            id: id.clone(),
            label: data
                .catalogue
                .find(id)
                .map_or_else(|| id.clone(), |o| o.titel.clone()),
        })
        .chain(session.actief.iter().map(|id| Label {
            id: id.clone(),
            label: tax.categorie_label(id).to_string(),
        }))
        .collect();
    let eerder = session
        .eerder
        .iter()
        .map(|id| Label {
            id: id.clone(),
            label: data
                .catalogue
                .find(id)
                .map_or_else(|| id.clone(), |o| o.titel.clone()),
        })
        .collect();
    let uren_toelichting = match (session.uren_per_week, session.uren_toelichting.trim()) {
        (_, t) if !t.is_empty() => session.uren_toelichting.clone(),
        (Some(n), _) => {
            format!("We beginnen met {n} uur per week en kijken bij de evaluatie of meer past.")
        }
        (None, _) => String::new(),
    };
    PlanContext {
        datum: lange_datum(session.datum),
        plaats: session.plaats.clone(),
        consulent: session.consulent.clone(),
        klant: session.klant.clone(),
        gesprek: if data.script.id == session.script {
            data.script.titel.clone()
        } else {
            session.script.clone()
        },
        notities: notities(session, data),
        wensen: labels(TagKind::Wens, &session.wensen),
        krachten: labels(TagKind::Kracht, &session.krachten),
        belemmeringen,
        actief,
        eerder,
        gekozen: session
            .gekozen
            .iter()
            .map(|id| activiteit(id, data, session.titels.get(id)))
            .collect(),
        afspraken: session
            .afspraken
            .iter()
            .filter(|a| !a.is_empty())
            .cloned()
            .collect(),
        uren_kan: session.uren_kan,
        uren_per_week: session.uren_per_week,
        uren_toelichting,
        startdatum: session.startdatum.map(lange_datum),
        evaluatiedatum: session.evaluatiedatum.map(lange_datum),
        volgend_contact: session.volgend_contact.map(lange_datum),
        akkoord: match session.akkoord {
            Akkoord::Ja => "ja",
            Akkoord::Nee => "nee",
            Akkoord::Onbekend => "onbekend",
        },
        akkoord_label: session.akkoord.label(),
        akkoord_toelichting: session.akkoord_toelichting.clone(),
        gemeente: GemeenteContext::new(gemeente),
        versie: session.plan_versie.max(1),
        vervolg_op: session
            .vervolg_op
            .as_ref()
            .map(|v| format!("plan {} van {}", v.versie, lange_datum(v.datum))),
        terugblik: session
            .evaluaties
            .iter()
            .map(|e| Terugblik {
                wat: e.afspraak.wat.clone(),
                wie: e.afspraak.wie.clone(),
                wanneer: e.afspraak.wanneer.clone(),
                status: e.status.label(),
                hielp: e.hielp.clone(),
                lastig: e.lastig.clone(),
            })
            .collect(),
        concept: false,
    }
}

/// The session's notes sorted into plan sections, in script order.
fn notities(session: &Session, data: &Data) -> Notities {
    let mut n = Notities::default();
    for step in data.script.steps() {
        let tekst = session.note(&step.stap.id);
        if tekst.trim().is_empty() {
            continue;
        }
        let list = match step.stap.plan_sectie {
            PlanSectie::Situatie => &mut n.situatie,
            PlanSectie::AlActief => &mut n.al_actief,
            PlanSectie::Eerder => &mut n.eerder,
            PlanSectie::Wensen => &mut n.wensen,
            PlanSectie::Belemmeringen => &mut n.belemmeringen,
            PlanSectie::EigenWoorden => &mut n.eigen_woorden,
            PlanSectie::Keuze => &mut n.keuze,
            PlanSectie::Samenvatting => &mut n.samenvatting,
            PlanSectie::Geen => continue,
        };
        list.push(Notitie {
            stap: step.stap.id.clone(),
            titel: step.stap.titel.clone(),
            tekst: tekst.to_string(),
        });
    }
    for (stap, tekst) in &session.notities {
        if data.script.step(stap).is_none() && !tekst.trim().is_empty() {
            n.overig.push(Notitie {
                stap: stap.clone(),
                titel: stap.clone(),
                tekst: tekst.clone(),
            });
        }
    }
    n
}

/// A chosen option with everything the plan says about it.
/// An option of the plan; one no longer in the catalogue keeps the title it had when it
/// was chosen (`stored`), so an old session rendered again never shows a raw id.
fn activiteit(id: &str, data: &Data, stored: Option<&String>) -> Activiteit {
    let Some(o) = data.catalogue.find(id) else {
        return Activiteit {
            id: id.to_string(),
            bekend: false,
            titel: stored.cloned().unwrap_or_else(|| id.to_string()),
            categorie: String::new(),
            omschrijving: String::new(),
            taken: Vec::new(),
            uren_min: 0,
            uren_max: 0,
            uren: String::new(),
            duur: String::new(),
            begeleiding: String::new(),
            drempels: Vec::new(),
            verdringing_risico: String::new(),
            verdringing_reden: String::new(),
            verdringing: String::new(),
        };
    };
    let uren = if o.uren_min == o.uren_max {
        format!("{} uur per week", o.uren_min)
    } else {
        format!("{} tot {} uur per week", o.uren_min, o.uren_max)
    };
    let v = &o.verdringing;
    let reden = v.reden.trim();
    let check = "We vragen de organisatie te bevestigen dat dit werk extra is.";
    let verdringing = match (v.risico, reden.is_empty()) {
        (Niveau::Laag, true) => "Laag risico. Dit werk komt naast betaald werk.".to_string(),
        (Niveau::Laag, false) => format!("Laag risico. {reden}"),
        (niveau, true) => format!("Risico {}. {check}", niveau.label()),
        (niveau, false) => format!("Risico {}. {reden} {check}", niveau.label()),
    };
    Activiteit {
        id: o.id.clone(),
        bekend: true,
        titel: o.titel.clone(),
        categorie: data.taxonomy.categorie_label(&o.categorie).to_string(),
        omschrijving: o.omschrijving.clone(),
        taken: o.taken.clone(),
        uren_min: o.uren_min,
        uren_max: o.uren_max,
        uren,
        duur: o.duur.clone(),
        begeleiding: o.begeleiding.label().to_string(),
        drempels: o.drempels.iter().map(|d| d.label().to_string()).collect(),
        verdringing_risico: v.risico.label().to_string(),
        verdringing_reden: v.reden.clone(),
        verdringing,
    }
}

/// Checks that a template parses, for `meedoen controleer`; does not render it.
pub fn validate_template(template: &Source) -> Vec<Problem> {
    let mut env = environment();
    match env.add_template_owned(template.name.clone(), template.text.clone()) {
        Ok(()) => Vec::new(),
        Err(e) => vec![problem(template, &e)],
    }
}

/// Renders the plan as Markdown with the given template source (a minijinja template)
/// and the default municipality settings.
pub fn render_markdown(
    session: &Session,
    data: &Data,
    template: &Source,
) -> Result<String, Problem> {
    render_source(Formaat::Md, &context(session, data), template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_are_dutch() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(lange_datum(d(2026, 11, 23)), "23 november 2026");
        assert_eq!(lange_datum(d(2027, 3, 1)), "1 maart 2027");
        assert_eq!(lange_datum(d(2026, 1, 5)), "5 januari 2026");
    }
}
