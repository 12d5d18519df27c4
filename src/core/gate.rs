//! The export gate: what is missing or suspect in a plan before it is saved. A plan that
//! passes is saved as final; one that does not can still be saved, but only as a
//! concept, after the consultant confirms. The checks are pure (session, data, settings
//! and the suggestions in, findings out), so the full-screen app and the line mode ask
//! the same question and get the same answer.

use crate::core::data::Data;
use crate::core::gemeente::Gemeente;
use crate::core::matching::Suggesties;
use crate::core::plan::lange_datum;
use crate::core::script::{PlanSectie, StapSoort};
use crate::core::session::{Akkoord, Session};
use crate::core::vervolg::Status;

/// The words the plan templates write where something was not discussed. A final plan
/// never contains them; a rendered plan that does is a finding of its own.
pub const NIET_BESPROKEN: &str = "Nog niet besproken";

/// One thing the gate found, in words for the consultant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bevinding {
    /// Which check found it (stable, for tests and the event log).
    pub soort: Soort,
    pub tekst: String,
}

/// The kinds of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    GeenAfspraak,
    AfspraakOnvolledig,
    GeenActiviteit,
    AkkoordNietBesproken,
    GeenUren,
    GeenUrenReden,
    GeenDatum,
    DatumVoorGesprek,
    EvaluatieVoorStart,
    VersieEerderGedateerd,
    UitgeslotenZonderReden,
    TerugblikOpen,
    /// The rendered plan still says "Nog niet besproken" somewhere.
    PlanNietBesproken,
}

/// Everything missing or suspect in the session, in the order of the afspraken page.
/// `suggesties` are the suggestions for the session as it is now (the exclusions
/// decide whether a chosen option needs a reason).
pub fn check(
    session: &Session,
    data: &Data,
    gemeente: &Gemeente,
    suggesties: &Suggesties,
) -> Vec<Bevinding> {
    let mut out = Vec::new();
    let mut push = |soort, tekst: String| out.push(Bevinding { soort, tekst });
    let afspraken: Vec<_> = session.afspraken.iter().filter(|a| !a.is_empty()).collect();
    if afspraken.is_empty() {
        push(
            Soort::GeenAfspraak,
            "Er is nog geen afspraak (wat, wie, wanneer).".into(),
        );
    }
    for (i, a) in session.afspraken.iter().enumerate() {
        if a.is_empty() {
            continue;
        }
        let missing: Vec<&str> = [("wat", &a.wat), ("wie", &a.wie), ("wanneer", &a.wanneer)]
            .into_iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(name, _)| name)
            .collect();
        if !missing.is_empty() {
            push(
                Soort::AfspraakOnvolledig,
                format!("Afspraak {}: {} ontbreekt.", i + 1, missing.join(" en ")),
            );
        }
    }
    if session.gekozen.is_empty() {
        push(
            Soort::GeenActiviteit,
            "Er is nog geen activiteit gekozen.".into(),
        );
    }
    if session.akkoord == Akkoord::Onbekend {
        push(
            Soort::AkkoordNietBesproken,
            format!(
                "Of de {} akkoord gaat, is nog niet besproken.",
                gemeente.klant_label
            ),
        );
    }
    match session.uren_per_week {
        None => push(Soort::GeenUren, "Er staan geen uren per week in.".into()),
        Some(_) if session.uren_toelichting.trim().is_empty() => push(
            Soort::GeenUrenReden,
            "Bij de uren per week staat geen reden of opbouw.".into(),
        ),
        Some(_) => {}
    }
    dates(session, &mut push);
    if let Some(vorig) = &session.vervolg_op
        && (vorig.datum > session.datum || vorig.versie >= session.plan_versie)
    {
        push(
            Soort::VersieEerderGedateerd,
            format!(
                "Dit is versie {} van {}, maar versie {} is van {}: de datum van dit gesprek is eerder.",
                session.plan_versie,
                lange_datum(session.datum),
                vorig.versie,
                lange_datum(vorig.datum)
            ),
        );
    }
    let reden = has_keuze_reden(session, data);
    for u in &suggesties.uitgesloten {
        if session.is_chosen(&u.id) && !reden {
            let titel = data.catalogue.find(&u.id).map_or(&*u.id, |o| &o.titel);
            push(
                Soort::UitgeslotenZonderReden,
                format!(
                    "‘{titel}’ is gekozen terwijl het was uitgesloten ({}), zonder reden in de notities.",
                    u.reden.join("; ")
                ),
            );
        }
    }
    for (i, e) in session.evaluaties.iter().enumerate() {
        if e.status == Status::NogNietBesproken {
            push(
                Soort::TerugblikOpen,
                format!(
                    "Terugblik: bij afspraak {} uit het vorige plan is nog niet besproken hoe het ging.",
                    i + 1
                ),
            );
        }
    }
    out
}

/// Dates before the gesprek, a missing follow-up date, an evaluation before the start.
fn dates(session: &Session, push: &mut impl FnMut(Soort, String)) {
    let gesprek = session.datum;
    let named = [
        ("Startdatum", "startdatum", session.startdatum),
        ("Evaluatiedatum", "evaluatiedatum", session.evaluatiedatum),
        (
            "Volgend contact",
            "datum voor het volgend contact",
            session.volgend_contact,
        ),
    ];
    for (name, missing, date) in named {
        match date {
            None if name != "Startdatum" => {
                push(Soort::GeenDatum, format!("Er is geen {missing}."));
            }
            Some(d) if d < gesprek => push(
                Soort::DatumVoorGesprek,
                format!(
                    "{name} ({}) ligt vóór het gesprek van {}.",
                    lange_datum(d),
                    lange_datum(gesprek)
                ),
            ),
            _ => {}
        }
    }
    if let (Some(start), Some(eval)) = (session.startdatum, session.evaluatiedatum)
        && eval < start
    {
        push(
            Soort::EvaluatieVoorStart,
            format!(
                "De evaluatie ({}) ligt vóór de start ({}).",
                lange_datum(eval),
                lange_datum(start)
            ),
        );
    }
}

/// Whether the consultant wrote something where options are chosen: the notes of a
/// suggestions step or of a step whose notes go to the plan's "keuze" section.
fn has_keuze_reden(session: &Session, data: &Data) -> bool {
    data.script.steps().any(|s| {
        (s.stap.soort == StapSoort::Suggesties || s.stap.plan_sectie == PlanSectie::Keuze)
            && !session.note(&s.stap.id).trim().is_empty()
    })
}

/// The finding for a rendered plan that still says "Nog niet besproken" (a section the
/// checks above do not cover, or an own template), if it does.
pub fn check_rendered(plan: &str) -> Option<Bevinding> {
    plan.to_lowercase()
        .contains(&NIET_BESPROKEN.to_lowercase())
        .then(|| Bevinding {
            soort: Soort::PlanNietBesproken,
            tekst: format!(
                "Het plan zegt nog ‘{NIET_BESPROKEN}’ (bijvoorbeeld bij de situatie of de wensen)."
            ),
        })
}

#[cfg(test)]
mod tests;
