//! The gesprek script: phases of steps, each step naming its NORBS technique(s), its doel,
//! example phrases and pitfalls, and what it captures. NORBS names techniques, not phases,
//! and practice uses the methods as a toolbox (research §2), so a script is an ordered
//! suggestion: the consultant may skip, go back and jump freely.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::taxonomy::TagKind;

/// The five NORBS techniques.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Techniek {
    NeutraalInformeren,
    OpenVragen,
    Reflecteren,
    Bekrachtigen,
    Samenvatten,
}

impl Techniek {
    pub const ALL: [Techniek; 5] = [
        Techniek::NeutraalInformeren,
        Techniek::OpenVragen,
        Techniek::Reflecteren,
        Techniek::Bekrachtigen,
        Techniek::Samenvatten,
    ];

    /// The NORBS letter, used as a badge.
    pub fn letter(self) -> char {
        match self {
            Techniek::NeutraalInformeren => 'N',
            Techniek::OpenVragen => 'O',
            Techniek::Reflecteren => 'R',
            Techniek::Bekrachtigen => 'B',
            Techniek::Samenvatten => 'S',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Techniek::NeutraalInformeren => "Neutraal informeren",
            Techniek::OpenVragen => "Open vragen",
            Techniek::Reflecteren => "Reflecteren",
            Techniek::Bekrachtigen => "Bekrachtigen",
            Techniek::Samenvatten => "Samenvatten",
        }
    }
}

/// What kind of screen a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StapSoort {
    /// Notes and tag pickers.
    #[default]
    Gesprek,
    /// The ranked suggestions from the catalogue, to discuss and pick from.
    Suggesties,
    /// Afspraken, hours, dates and the client's agreement.
    Afspraken,
}

/// A list the consultant can pick from on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lijst {
    Wensen,
    Krachten,
    Belemmeringen,
    /// Categories the client is already active in (existing vrijwilligerswerk, mantelzorg).
    AlActief,
    /// Catalogue options the client has done before (to warn on projectmoeheid).
    Eerder,
}

impl Lijst {
    /// The taxonomy list behind this picker, if it is a tag list.
    pub fn tag_kind(self) -> Option<TagKind> {
        match self {
            Lijst::Wensen => Some(TagKind::Wens),
            Lijst::Krachten => Some(TagKind::Kracht),
            Lijst::Belemmeringen => Some(TagKind::Belemmering),
            Lijst::AlActief | Lijst::Eerder => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Lijst::Wensen => "Wensen",
            Lijst::Krachten => "Krachten",
            Lijst::Belemmeringen => "Belemmeringen",
            Lijst::AlActief => "Doet al",
            Lijst::Eerder => "Eerder gedaan",
        }
    }
}

/// The section of the plan van aanpak where a step's notes end up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlanSectie {
    /// Current situation: wellbeing, health, contacts, daily structure.
    Situatie,
    /// What the client already does (vrijwilligerswerk, mantelzorg).
    AlActief,
    /// Previous trajectories.
    Eerder,
    /// Wensen, talents and dreams.
    Wensen,
    /// Belemmeringen and their handling.
    Belemmeringen,
    /// The client's own words about the plan.
    EigenWoorden,
    /// Notes about the chosen activity.
    Keuze,
    /// The closing summary.
    Samenvatting,
    /// Not written into the plan (working notes).
    Geen,
}

/// A condition over the session's tags that decides whether a step is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conditie {
    Wens(String),
    Kracht(String),
    Belemmering(String),
    /// True when any of the conditions holds.
    EenVan(Vec<Conditie>),
    /// True when all of the conditions hold.
    AlleVan(Vec<Conditie>),
    Niet(Box<Conditie>),
}

impl Conditie {
    /// Evaluates the condition against a tag lookup.
    pub fn holds(&self, has: &dyn Fn(TagKind, &str) -> bool) -> bool {
        match self {
            Conditie::Wens(id) => has(TagKind::Wens, id),
            Conditie::Kracht(id) => has(TagKind::Kracht, id),
            Conditie::Belemmering(id) => has(TagKind::Belemmering, id),
            Conditie::EenVan(cs) => cs.iter().any(|c| c.holds(has)),
            Conditie::AlleVan(cs) => cs.iter().all(|c| c.holds(has)),
            Conditie::Niet(c) => !c.holds(has),
        }
    }

    /// Every tag the condition refers to, for validation.
    pub fn tags(&self, out: &mut Vec<(TagKind, String)>) {
        match self {
            Conditie::Wens(id) => out.push((TagKind::Wens, id.clone())),
            Conditie::Kracht(id) => out.push((TagKind::Kracht, id.clone())),
            Conditie::Belemmering(id) => out.push((TagKind::Belemmering, id.clone())),
            Conditie::EenVan(cs) | Conditie::AlleVan(cs) => cs.iter().for_each(|c| c.tags(out)),
            Conditie::Niet(c) => c.tags(out),
        }
    }
}

/// One step of the gesprek.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stap {
    pub id: String,
    pub titel: String,
    pub technieken: Vec<Techniek>,
    /// What this step is for, in one sentence.
    pub doel: String,
    /// 2–4 phrases the consultant can say (formal "u").
    #[serde(default)]
    pub voorbeeldzinnen: Vec<String>,
    /// 1–2 pitfalls to avoid.
    #[serde(default)]
    pub valkuilen: Vec<String>,
    #[serde(default)]
    pub soort: StapSoort,
    /// Which pickers the step offers, in this order.
    #[serde(default)]
    pub kiezen: Vec<Lijst>,
    /// Label above the notes editor ("Notities", "In de woorden van de klant").
    #[serde(default = "default_notitie_label")]
    pub notitie_label: String,
    /// Where the notes go in the plan.
    #[serde(default = "default_plan_sectie")]
    pub plan_sectie: PlanSectie,
    /// Shown only when this holds; absent means always shown.
    #[serde(default)]
    pub toon_als: Option<Conditie>,
    #[serde(default)]
    pub bron: Vec<String>,
}

fn default_notitie_label() -> String {
    "Notities".to_string()
}

fn default_plan_sectie() -> PlanSectie {
    PlanSectie::Geen
}

/// A phase groups steps under a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fase {
    pub id: String,
    pub titel: String,
    pub stappen: Vec<Stap>,
}

/// A whole gesprek script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub id: String,
    pub titel: String,
    #[serde(default)]
    pub omschrijving: String,
    pub fases: Vec<Fase>,
}

/// A step with its place in the script.
#[derive(Debug, Clone, Copy)]
pub struct StapRef<'a> {
    pub fase: &'a Fase,
    pub stap: &'a Stap,
}

impl Script {
    /// All steps in order, with their phase.
    pub fn steps(&self) -> impl Iterator<Item = StapRef<'_>> {
        self.fases
            .iter()
            .flat_map(|fase| fase.stappen.iter().map(move |stap| StapRef { fase, stap }))
    }

    pub fn step(&self, id: &str) -> Option<StapRef<'_>> {
        self.steps().find(|s| s.stap.id == id)
    }

    /// Ids of the steps shown for the given tags, in script order. A step whose condition
    /// does not hold is left out of the sequence; the consultant can still jump to it.
    pub fn visible_steps(&self, tags: &BTreeSet<(TagKind, String)>) -> Vec<&str> {
        let has = |kind: TagKind, id: &str| tags.contains(&(kind, id.to_string()));
        self.steps()
            .filter(|s| s.stap.toon_als.as_ref().is_none_or(|c| c.holds(&has)))
            .map(|s| s.stap.id.as_str())
            .collect()
    }
}
