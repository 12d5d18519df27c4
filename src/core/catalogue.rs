//! The catalogue of participation options (tegenprestatie and related routes). Entries are
//! generic types of places and tasks, never real people or phone numbers; municipalities
//! and practitioners replace the embedded catalogue with their own file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How much guidance the receiving place offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Begeleiding {
    /// Works independently after a short introduction.
    Geen,
    /// A contact person for the tasks (werkbegeleider, inwerkplan).
    Taakgericht,
    /// Personal attention for the person, not only the tasks.
    Persoonlijk,
    /// A protected setting with close guidance (e.g. arbeidsmatige dagbesteding).
    Intensief,
}

impl Begeleiding {
    pub fn label(self) -> &'static str {
        match self {
            Begeleiding::Geen => "zelfstandig",
            Begeleiding::Taakgericht => "taakgerichte begeleiding",
            Begeleiding::Persoonlijk => "persoonlijke begeleiding",
            Begeleiding::Intensief => "intensieve begeleiding",
        }
    }

    /// What this begeleiding means, for the client, without the jargon of `label`.
    pub fn uitleg(self) -> &'static str {
        match self {
            Begeleiding::Geen => "U krijgt een korte uitleg. Daarna werkt u zelfstandig.",
            Begeleiding::Taakgericht => {
                "Iemand van de plek legt het werk uit. Met vragen kunt u bij die persoon terecht."
            }
            Begeleiding::Persoonlijk => {
                "U heeft een vaste begeleider. Die let ook op hoe het met u gaat."
            }
            Begeleiding::Intensief => "U krijgt veel begeleiding, op een rustige plek.",
        }
    }
}

/// Three-level rating, used for verdringing risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Niveau {
    Laag,
    Midden,
    Hoog,
}

impl Niveau {
    pub fn label(self) -> &'static str {
        match self {
            Niveau::Laag => "laag",
            Niveau::Midden => "midden",
            Niveau::Hoog => "hoog",
        }
    }
}

/// A practical threshold to arrange before starting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Drempel {
    /// Verklaring omtrent het gedrag required.
    Vog,
    /// Travel costs the client has to make (reimbursement to arrange).
    Reiskosten,
    /// Childcare has to be arranged.
    Kinderopvang,
    /// Working clothes, tools or a course fee.
    Kosten,
}

impl Drempel {
    pub fn label(self) -> &'static str {
        match self {
            Drempel::Vog => "VOG nodig",
            Drempel::Reiskosten => "reiskosten",
            Drempel::Kinderopvang => "kinderopvang regelen",
            Drempel::Kosten => "kosten (kleding, materiaal of cursusgeld)",
        }
    }
}

/// How the client takes part: what makes a new option feel like the same project again
/// (projectmoeheid, research §3: "alweer een projectje", `003:L304`). A classroom course
/// after a quit classroom course repeats; a taalmaatje after a classroom course does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vorm {
    /// A course or training with a teacher and a group, in a classroom.
    Klassikaal,
    /// A group activity or meeting, without a classroom.
    Groep,
    /// One person with one other: a maatje, a coach, a hulpverlener.
    EenOpEen,
    /// On one's own, at one's own moment.
    Zelfstandig,
    /// Learning and contributing by doing, at a real place.
    Praktijk,
}

impl Vorm {
    pub fn label(self) -> &'static str {
        match self {
            Vorm::Klassikaal => "klassikaal",
            Vorm::Groep => "in een groep",
            Vorm::EenOpEen => "één-op-één",
            Vorm::Zelfstandig => "zelfstandig",
            Vorm::Praktijk => "in de praktijk",
        }
    }
}

/// Who an option is for. An option for a specific group is suggested only when the
/// profile belongs to it; otherwise it stays in the whole catalogue with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voorwaarden {
    /// Needs an indication (Wmo, buurtteam). Met by a profile with an indication, or,
    /// when `belemmering` is not empty, by one of those belemmeringen (the indication is
    /// then to be applied for).
    #[serde(default)]
    pub indicatie: bool,
    /// Only for someone who needs Dutch: belemmering `taal` or wens `nederlands-oefenen`.
    #[serde(default)]
    pub taal: bool,
    /// Only for someone with at least one of these belemmeringen.
    #[serde(default)]
    pub belemmering: Vec<String>,
}

impl Voorwaarden {
    pub fn is_empty(&self) -> bool {
        !self.indicatie && !self.taal && self.belemmering.is_empty()
    }
}

/// A belemmering paired with the reason it matters for this option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bij {
    pub belemmering: String,
    pub reden: String,
}

/// Verdringing (displacement of paid work) risk with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdringing {
    pub risico: Niveau,
    #[serde(default)]
    pub reden: String,
}

impl Default for Verdringing {
    fn default() -> Self {
        Verdringing {
            risico: Niveau::Laag,
            reden: String::new(),
        }
    }
}

/// One participation option. Every field may be left out of a file so that a layer can
/// hide an entry with just `(id: "…", verborgen: true)`; validation says which fields a
/// visible entry needs (titel, categorie, omschrijving).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Optie {
    pub id: String,
    pub titel: String,
    /// Category id from the taxonomy.
    pub categorie: String,
    pub omschrijving: String,
    #[serde(default)]
    pub taken: Vec<String>,
    /// Hours per week, lower bound.
    pub uren_min: u8,
    /// Hours per week, upper bound.
    pub uren_max: u8,
    /// Typical duration, in words ("een half jaar").
    #[serde(default)]
    pub duur: String,
    pub begeleiding: Begeleiding,
    /// Wens ids this option serves.
    #[serde(default)]
    pub wensen: Vec<String>,
    /// Kracht ids this option makes use of.
    #[serde(default)]
    pub krachten: Vec<String>,
    /// Belemmering ids this option works on.
    #[serde(default)]
    pub werkt_aan: Vec<String>,
    /// Belemmeringen that make it unsuitable, each with the reason.
    #[serde(default)]
    pub ongeschikt_bij: Vec<Bij>,
    /// Belemmeringen that do not exclude it but need attention.
    #[serde(default)]
    pub let_op_bij: Vec<Bij>,
    #[serde(default)]
    pub drempels: Vec<Drempel>,
    #[serde(default)]
    pub verdringing: Verdringing,
    /// Whether this option recognises or formalises something the client already does
    /// (existing vrijwilligerswerk, care for a parent, a course in progress). The consultant
    /// ticks such an option under "Doet al"; only then is it suggested, and it comes first.
    /// It is never "another project".
    #[serde(default)]
    pub erkent_bestaand: bool,
    /// How the client takes part; `None` for a route such as an ontheffing.
    #[serde(default)]
    pub vorm: Option<Vorm>,
    /// Who the option is for, if it is for a specific group.
    #[serde(default)]
    pub voorwaarden: Voorwaarden,
    /// Step on the participatieladder (1 geïsoleerd … 6 betaald werk).
    #[serde(default = "default_trede")]
    pub trede: u8,
    #[serde(default)]
    pub leeftijd_min: Option<u8>,
    #[serde(default)]
    pub leeftijd_max: Option<u8>,
    /// When someone last checked that this offer still exists and accepts people.
    #[serde(default)]
    pub laatst_gecontroleerd: Option<NaiveDate>,
    /// Where this comes from: in the embedded data a place in the research (`"003:L586"`),
    /// in a gemeente's own file free text. One text or a list.
    #[serde(default, deserialize_with = "crate::core::parse::one_or_many")]
    pub bron: Vec<String>,
    /// In a team or personal layer: hide the entry with this id from the layers below.
    #[serde(default, skip_serializing_if = "is_false")]
    pub verborgen: bool,
}

fn default_trede() -> u8 {
    3
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Default for Optie {
    fn default() -> Self {
        Optie {
            id: String::new(),
            titel: String::new(),
            categorie: String::new(),
            omschrijving: String::new(),
            taken: Vec::new(),
            uren_min: 0,
            uren_max: 0,
            duur: String::new(),
            begeleiding: Begeleiding::Geen,
            wensen: Vec::new(),
            krachten: Vec::new(),
            werkt_aan: Vec::new(),
            ongeschikt_bij: Vec::new(),
            let_op_bij: Vec::new(),
            drempels: Vec::new(),
            verdringing: Verdringing::default(),
            erkent_bestaand: false,
            vorm: None,
            voorwaarden: Voorwaarden::default(),
            trede: default_trede(),
            leeftijd_min: None,
            leeftijd_max: None,
            laatst_gecontroleerd: None,
            bron: Vec::new(),
            verborgen: false,
        }
    }
}

/// All options.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Catalogue {
    pub opties: Vec<Optie>,
    /// In a team or personal layer: this file replaces the catalogue below it entirely,
    /// instead of adding to it.
    #[serde(skip_serializing_if = "is_false")]
    pub vervangt_alles: bool,
}

impl Catalogue {
    pub fn find(&self, id: &str) -> Option<&Optie> {
        self.opties.iter().find(|o| o.id == id)
    }

    /// The options that recognise what the client already does: what the consultant
    /// can tick under "Doet al", in catalogue order.
    pub fn erkenningen(&self) -> impl Iterator<Item = &Optie> {
        self.opties.iter().filter(|o| o.erkent_bestaand)
    }
}
