//! What a plan template sees: the plan's context, all text resolved (labels, not ids),
//! built by `context_for` in the parent module. Kept apart so the structures the
//! templates document (see the comment at the top of each built-in template) read as one
//! list.

use serde::Serialize;

use super::super::praktijk::Opsteller;
use super::super::session::Afspraak;
use super::GemeenteContext;
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
    /// In a vervolg: options of the previous plan the client has started and that are
    /// still chosen ("wat u al doet"). Un-choosing one in the vervolg leaves it out.
    pub al_begonnen: Vec<Label>,
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
    /// Who made the plan and how to reach them: the practice, or the gemeente.
    pub opsteller: Opsteller,
    /// Plan version: 1 for an intake, one more for each vervolggesprek.
    pub versie: u32,
    /// "plan 1 van 2 november 2026" when this plan follows an earlier one.
    pub vervolg_op: Option<String>,
    /// How the previous plan's afspraken went (vervolggesprek).
    pub terugblik: Vec<Terugblik>,
    /// A concept: saved although the export gate found something missing. The
    /// heading says so, and the file name.
    pub concept: bool,
    /// "Uw plan in het kort": at most six lines the client reads first.
    pub kort: Vec<Regel>,
}

/// One labelled line, such as "Vanaf: 1 december 2026".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Regel {
    pub label: String,
    pub tekst: String,
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
    /// What became of it, for the client ("We gaan ermee door."); empty when kept.
    pub besluit: String,
    /// Why, in the consultant's words for the client.
    pub reden: String,
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
    /// How it is handled, for the client: the session's own words, else the taxonomy's
    /// `aanpak_plan` (never the consultant's guidance).
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
    /// Short label for lists ("persoonlijke begeleiding").
    pub begeleiding: String,
    /// What that begeleiding means, in plain words for the client.
    pub begeleiding_uitleg: String,
    pub drempels: Vec<String>,
    /// Where (eigen activiteit), when known.
    pub plaats: String,
    /// Contact person (eigen activiteit), when known.
    pub contact: String,
    /// True for an eigen activiteit, not from the catalogue.
    pub eigen: bool,
    /// Why an excluded option was chosen anyway, in the consultant's words.
    pub gekozen_omdat: String,
    /// "laag", "midden" or "hoog"; for a municipality's own template, not the default.
    pub verdringing_risico: String,
    /// The catalogue's reason, written for the consultant; not in the default template.
    pub verdringing_reden: String,
    /// For the client, in plain words: this work comes on top of paid work.
    pub verdringing: String,
}
