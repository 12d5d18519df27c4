//! The one list of a session's fields that a person types into. The editors, the BSN and
//! special-category scans, the plan checks and the tests all go through it, so a field
//! added to the session cannot be forgotten by one of them: every match here is
//! exhaustive, and a test fails when the session grows a field this list does not know.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::datum;
use super::session::{Afspraak, EigenActiviteit, Session};

/// A field of the session that is edited as text (some are parsed into dates or numbers).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Klant,
    Consulent,
    Plaats,
    Datum,
    Leeftijd,
    /// Notes of a step, by step id.
    Note(String),
    AfspraakWat(usize),
    AfspraakWie(usize),
    AfspraakWanneer(usize),
    /// How a belemmering is handled, by belemmering id.
    Aanpak(String),
    /// Vervolggesprek: what helped with the n-th previous afspraak.
    EvalHielp(usize),
    /// Vervolggesprek: what got in the way of the n-th previous afspraak.
    EvalLastig(usize),
    /// Vervolggesprek: why the n-th previous afspraak goes on, changes or stops.
    EvalReden(usize),
    /// The n-th eigen activiteit: title, place, contact, hours, begeleiding.
    EigenTitel(usize),
    EigenPlaats(usize),
    EigenContact(usize),
    EigenUren(usize),
    EigenBegeleiding(usize),
    /// Why an excluded option was chosen anyway, by option id.
    GekozenReden(String),
    /// A plan section's text as edited on the review screen, by section id.
    PlanTekst(String),
    Uren,
    UrenToelichting,
    Startdatum,
    Evaluatiedatum,
    VolgendContact,
    AkkoordToelichting,
}

/// How a field's text is interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Date,
    /// A whole number with its upper bound.
    Number(u8),
}

impl Field {
    pub fn kind(&self) -> FieldKind {
        match self {
            Field::Datum | Field::Startdatum | Field::Evaluatiedatum | Field::VolgendContact => {
                FieldKind::Date
            }
            Field::Leeftijd => FieldKind::Number(120),
            Field::Uren | Field::EigenUren(_) => FieldKind::Number(40),
            Field::Klant
            | Field::Consulent
            | Field::Plaats
            | Field::Note(_)
            | Field::AfspraakWat(_)
            | Field::AfspraakWie(_)
            | Field::AfspraakWanneer(_)
            | Field::Aanpak(_)
            | Field::EvalHielp(_)
            | Field::EvalLastig(_)
            | Field::EvalReden(_)
            | Field::EigenTitel(_)
            | Field::EigenPlaats(_)
            | Field::EigenContact(_)
            | Field::EigenBegeleiding(_)
            | Field::GekozenReden(_)
            | Field::PlanTekst(_)
            | Field::UrenToelichting
            | Field::AkkoordToelichting => FieldKind::Text,
        }
    }

    /// Only notes take several lines; in other fields Enter moves on.
    pub fn is_multiline(&self) -> bool {
        matches!(self, Field::Note(_) | Field::PlanTekst(_))
    }

    /// The label beside the field in a form.
    pub fn label(&self) -> &'static str {
        match self {
            Field::Klant => "Klant (initialen of schuilnaam)",
            Field::Consulent => "Consulent",
            Field::Plaats => "Plaats",
            Field::Datum => "Datum gesprek",
            Field::Leeftijd => "Leeftijd (optioneel)",
            Field::Note(_) => "Notities",
            Field::AfspraakWat(_) => "Wat",
            Field::AfspraakWie(_) => "Wie",
            Field::AfspraakWanneer(_) => "Wanneer",
            Field::Aanpak(_) => "Aanpak",
            Field::EvalHielp(_) => "Wat hielp",
            Field::EvalLastig(_) => "Wat zat in de weg",
            Field::EvalReden(_) => "Waarom zo verder",
            Field::EigenTitel(_) => "Wat",
            Field::EigenPlaats(_) => "Waar",
            Field::EigenContact(_) => "Contactpersoon",
            Field::EigenUren(_) => "Uren per week",
            Field::EigenBegeleiding(_) => "Begeleiding",
            Field::GekozenReden(_) => "Gekozen omdat",
            Field::PlanTekst(_) => "Tekst in het plan",
            Field::Uren => "Uren per week",
            Field::UrenToelichting => "Waarom deze uren / opbouw",
            Field::Startdatum => "Startdatum",
            Field::Evaluatiedatum => "Evaluatiedatum",
            Field::VolgendContact => "Volgend contact",
            Field::AkkoordToelichting => "Toelichting akkoord",
        }
    }

    /// Where the field is, in words that make sense outside its form: "notitie bij stap
    /// welzijn", "afspraak 2 (wie)". Used in findings of the privacy scans.
    pub fn place(&self) -> String {
        match self {
            Field::Klant => "klant".into(),
            Field::Consulent => "consulent".into(),
            Field::Plaats => "plaats".into(),
            Field::Datum => "datum".into(),
            Field::Leeftijd => "leeftijd".into(),
            Field::Note(step) => format!("notitie bij stap {step}"),
            Field::AfspraakWat(i) => format!("afspraak {} (wat)", i + 1),
            Field::AfspraakWie(i) => format!("afspraak {} (wie)", i + 1),
            Field::AfspraakWanneer(i) => format!("afspraak {} (wanneer)", i + 1),
            Field::Aanpak(id) => format!("aanpak bij {id}"),
            Field::EvalHielp(i) => format!("terugblik afspraak {} (wat hielp)", i + 1),
            Field::EvalLastig(i) => format!("terugblik afspraak {} (wat zat in de weg)", i + 1),
            Field::EvalReden(i) => format!("terugblik afspraak {} (waarom zo verder)", i + 1),
            Field::EigenTitel(i) => format!("eigen activiteit {} (wat)", i + 1),
            Field::EigenPlaats(i) => format!("eigen activiteit {} (waar)", i + 1),
            Field::EigenContact(i) => format!("eigen activiteit {} (contact)", i + 1),
            Field::EigenUren(i) => format!("eigen activiteit {} (uren)", i + 1),
            Field::EigenBegeleiding(i) => format!("eigen activiteit {} (begeleiding)", i + 1),
            Field::GekozenReden(id) => format!("gekozen omdat ({id})"),
            Field::PlanTekst(id) => format!("tekst in het plan ({id})"),
            Field::Uren => "uren per week".into(),
            Field::UrenToelichting => "toelichting bij de uren".into(),
            Field::Startdatum => "startdatum".into(),
            Field::Evaluatiedatum => "evaluatiedatum".into(),
            Field::VolgendContact => "volgend contact".into(),
            Field::AkkoordToelichting => "toelichting bij akkoord".into(),
        }
    }
}

/// Every free-text field of the session that holds text now, in the order of the gesprek:
/// details, notes, afspraken, aanpak, terugblik, hours, akkoord. Dates and numbers are left
/// out: they cannot hold a name, a BSN or a diagnosis.
pub fn text_fields(s: &Session) -> Vec<(Field, &str)> {
    let mut v = vec![
        (Field::Klant, s.klant.as_str()),
        (Field::Consulent, s.consulent.as_str()),
        (Field::Plaats, s.plaats.as_str()),
    ];
    v.extend(
        s.notities
            .iter()
            .map(|(step, t)| (Field::Note(step.clone()), t.as_str())),
    );
    for (i, a) in s.afspraken.iter().enumerate() {
        v.push((Field::AfspraakWat(i), a.wat.as_str()));
        v.push((Field::AfspraakWie(i), a.wie.as_str()));
        v.push((Field::AfspraakWanneer(i), a.wanneer.as_str()));
    }
    v.extend(
        s.aanpak
            .iter()
            .map(|(id, t)| (Field::Aanpak(id.clone()), t.as_str())),
    );
    for (i, e) in s.evaluaties.iter().enumerate() {
        v.push((Field::EvalHielp(i), e.hielp.as_str()));
        v.push((Field::EvalLastig(i), e.lastig.as_str()));
        v.push((Field::EvalReden(i), e.reden.as_str()));
    }
    for (i, e) in s.eigen.iter().enumerate() {
        v.push((Field::EigenTitel(i), e.titel.as_str()));
        v.push((Field::EigenPlaats(i), e.plaats.as_str()));
        v.push((Field::EigenContact(i), e.contact.as_str()));
        v.push((Field::EigenBegeleiding(i), e.begeleiding.as_str()));
    }
    v.extend(
        s.gekozen_reden
            .iter()
            .map(|(id, t)| (Field::GekozenReden(id.clone()), t.as_str())),
    );
    v.extend(
        s.plan_teksten
            .iter()
            .map(|(id, t)| (Field::PlanTekst(id.clone()), t.as_str())),
    );
    v.push((Field::UrenToelichting, s.uren_toelichting.as_str()));
    v.push((Field::AkkoordToelichting, s.akkoord_toelichting.as_str()));
    v.retain(|(_, t)| !t.is_empty());
    v
}

/// Rewrites every free-text field through `change` (which returns the new text, or `None`
/// to leave it); returns how many fields changed. The BSN removal uses it.
pub fn rewrite_texts(
    s: &mut Session,
    mut change: impl FnMut(&Field, &str) -> Option<String>,
) -> usize {
    let updates: Vec<(Field, String)> = text_fields(s)
        .into_iter()
        .filter_map(|(f, t)| change(&f, t).map(|new| (f, new)))
        .collect();
    let n = updates.len();
    let mut invalid = BTreeMap::new();
    for (f, text) in updates {
        // Text fields always store; only dates and numbers can be refused.
        let _ = store(&f, text, s, &mut invalid);
    }
    n
}

fn eigen(session: &Session, i: usize) -> EigenActiviteit {
    session.eigen.get(i).cloned().unwrap_or_default()
}

fn eigen_mut(session: &mut Session, i: usize) -> &mut EigenActiviteit {
    if session.eigen.len() <= i {
        session.eigen.resize_with(i + 1, EigenActiviteit::default);
    }
    &mut session.eigen[i]
}

fn afspraak(session: &Session, i: usize) -> Afspraak {
    session.afspraken.get(i).cloned().unwrap_or_default()
}

fn afspraak_mut(session: &mut Session, i: usize) -> &mut Afspraak {
    if session.afspraken.len() <= i {
        session.afspraken.resize_with(i + 1, Afspraak::default);
    }
    &mut session.afspraken[i]
}

/// The text shown for a field: what the user typed if it does not parse yet, else the
/// session's value.
pub fn value(field: &Field, session: &Session, invalid: &BTreeMap<Field, String>) -> String {
    if let Some(raw) = invalid.get(field) {
        return raw.clone();
    }
    let date = |d: Option<NaiveDate>| d.map(datum::format).unwrap_or_default();
    let eval = |i: usize, f: fn(&super::vervolg::AfspraakEvaluatie) -> &String| {
        session
            .evaluaties
            .get(i)
            .map(f)
            .cloned()
            .unwrap_or_default()
    };
    match field {
        Field::Klant => session.klant.clone(),
        Field::Consulent => session.consulent.clone(),
        Field::Plaats => session.plaats.clone(),
        Field::Datum => datum::format(session.datum),
        Field::Leeftijd => session.leeftijd.map(|n| n.to_string()).unwrap_or_default(),
        Field::Note(step) => session.note(step).to_string(),
        Field::AfspraakWat(i) => afspraak(session, *i).wat,
        Field::AfspraakWie(i) => afspraak(session, *i).wie,
        Field::AfspraakWanneer(i) => afspraak(session, *i).wanneer,
        Field::Aanpak(id) => session.aanpak.get(id).cloned().unwrap_or_default(),
        Field::EvalHielp(i) => eval(*i, |e| &e.hielp),
        Field::EvalLastig(i) => eval(*i, |e| &e.lastig),
        Field::EvalReden(i) => eval(*i, |e| &e.reden),
        Field::EigenTitel(i) => eigen(session, *i).titel,
        Field::EigenPlaats(i) => eigen(session, *i).plaats,
        Field::EigenContact(i) => eigen(session, *i).contact,
        Field::EigenUren(i) => eigen(session, *i)
            .uren
            .map(|n| n.to_string())
            .unwrap_or_default(),
        Field::EigenBegeleiding(i) => eigen(session, *i).begeleiding,
        Field::GekozenReden(id) => session.gekozen_reden.get(id).cloned().unwrap_or_default(),
        Field::PlanTekst(id) => session.plan_teksten.get(id).cloned().unwrap_or_default(),
        Field::Uren => session
            .uren_per_week
            .map(|n| n.to_string())
            .unwrap_or_default(),
        Field::UrenToelichting => session.uren_toelichting.clone(),
        Field::Startdatum => date(session.startdatum),
        Field::Evaluatiedatum => date(session.evaluatiedatum),
        Field::VolgendContact => date(session.volgend_contact),
        Field::AkkoordToelichting => session.akkoord_toelichting.clone(),
    }
}

/// Writes typed text into the session. Text that does not parse (a half-typed date) is
/// kept in `invalid` and the session keeps its previous value; the returned message says
/// what is expected.
pub fn store(
    field: &Field,
    text: String,
    session: &mut Session,
    invalid: &mut BTreeMap<Field, String>,
) -> Result<(), String> {
    let date = || -> Result<Option<NaiveDate>, String> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            datum::parse(&text)
                .map(Some)
                .ok_or_else(|| "Typ een datum als 1-12-2026.".to_string())
        }
    };
    let number = |max: u8| -> Result<Option<u8>, String> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        match text.trim().parse::<u8>() {
            Ok(n) if n <= max => Ok(Some(n)),
            _ => Err(format!("Typ een heel getal van 0 tot en met {max}.")),
        }
    };
    let result = match field {
        Field::Datum => date().map(|d| {
            // The gesprek always has a date; clearing the field keeps the old one.
            if let Some(d) = d {
                session.datum = d;
            }
        }),
        Field::Startdatum => date().map(|d| session.startdatum = d),
        Field::Evaluatiedatum => date().map(|d| session.evaluatiedatum = d),
        Field::VolgendContact => date().map(|d| session.volgend_contact = d),
        Field::Leeftijd => number(120).map(|n| session.leeftijd = n),
        Field::Uren => number(40).map(|n| session.uren_per_week = n),
        Field::EigenUren(i) => number(40).map(|n| eigen_mut(session, *i).uren = n),
        Field::EigenTitel(i) => {
            eigen_mut(session, *i).titel = text.clone();
            Ok(())
        }
        Field::EigenPlaats(i) => {
            eigen_mut(session, *i).plaats = text.clone();
            Ok(())
        }
        Field::EigenContact(i) => {
            eigen_mut(session, *i).contact = text.clone();
            Ok(())
        }
        Field::EigenBegeleiding(i) => {
            eigen_mut(session, *i).begeleiding = text.clone();
            Ok(())
        }
        Field::GekozenReden(id) if text.trim().is_empty() => {
            session.gekozen_reden.remove(id);
            Ok(())
        }
        Field::GekozenReden(id) => {
            session.gekozen_reden.insert(id.clone(), text.clone());
            Ok(())
        }
        // An emptied section stays edited (and empty): it never falls back to the notes
        // behind the consultant's back.
        Field::PlanTekst(id) => {
            session.plan_teksten.insert(id.clone(), text.clone());
            Ok(())
        }
        Field::Klant => {
            session.klant = text.clone();
            Ok(())
        }
        Field::Consulent => {
            session.consulent = text.clone();
            Ok(())
        }
        Field::Plaats => {
            session.plaats = text.clone();
            Ok(())
        }
        Field::Note(step) => {
            session.set_note(step, text.clone());
            Ok(())
        }
        Field::AfspraakWat(i) => {
            afspraak_mut(session, *i).wat = text.clone();
            Ok(())
        }
        Field::AfspraakWie(i) => {
            afspraak_mut(session, *i).wie = text.clone();
            Ok(())
        }
        Field::AfspraakWanneer(i) => {
            afspraak_mut(session, *i).wanneer = text.clone();
            Ok(())
        }
        // Empty means: use the taxonomy's standard aanpak again.
        Field::Aanpak(id) if text.trim().is_empty() => {
            session.aanpak.remove(id);
            Ok(())
        }
        Field::Aanpak(id) => {
            session.aanpak.insert(id.clone(), text.clone());
            Ok(())
        }
        Field::EvalHielp(i) | Field::EvalLastig(i) | Field::EvalReden(i) => {
            match session.evaluaties.get_mut(*i) {
                Some(e) => {
                    match field {
                        Field::EvalHielp(_) => e.hielp = text.clone(),
                        Field::EvalLastig(_) => e.lastig = text.clone(),
                        _ => e.reden = text.clone(),
                    }
                    Ok(())
                }
                // There is no such afspraak to look back on: refuse rather than drop the text.
                None => Err("Deze afspraak bestaat niet (meer).".to_string()),
            }
        }
        Field::UrenToelichting => {
            session.uren_toelichting = text.clone();
            Ok(())
        }
        Field::AkkoordToelichting => {
            session.akkoord_toelichting = text.clone();
            Ok(())
        }
    };
    match result {
        Ok(()) => {
            invalid.remove(field);
            Ok(())
        }
        Err(e) => {
            invalid.insert(field.clone(), text);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests;
