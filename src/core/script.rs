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
    /// In a vervolggesprek: each afspraak of the previous plan with its status, what
    /// helped and what got in the way (`Session::evaluaties`).
    Evaluatie,
}

/// A list the consultant can pick from on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lijst {
    Wensen,
    Krachten,
    Belemmeringen,
    /// What the client already does: the catalogue's recognition options (care for a
    /// parent, existing vrijwilligerswerk, a course in progress, …), `Session::doet_al`.
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

impl PlanSectie {
    /// The heading of the default plan that a step's notes appear under, or `None` for
    /// working notes: shown above the notes, so the consultant knows what the client
    /// will read and what stays internal.
    pub fn plan_kop(self) -> Option<&'static str> {
        match self {
            PlanSectie::Situatie => Some("Huidige situatie"),
            PlanSectie::AlActief => Some("Wat u al doet"),
            PlanSectie::Eerder => Some("Eerdere trajecten"),
            PlanSectie::Wensen | PlanSectie::EigenWoorden => Some("Uw wensen en talenten"),
            PlanSectie::Belemmeringen => Some("Wat het lastig maakt"),
            PlanSectie::Keuze => Some("Wat u gaat doen"),
            PlanSectie::Samenvatting => Some("Samenvatting"),
            PlanSectie::Geen => None,
        }
    }

    /// One line for the notes' title: where the notes go, or that they stay internal.
    pub fn bestemming(self) -> String {
        match self.plan_kop() {
            Some(kop) => format!("komt in het plan bij ‘{kop}’"),
            None => "intern: komt niet in het plan".to_string(),
        }
    }
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

    /// Whether some combination of tags makes the condition hold, or `None` when it
    /// mentions more than [`MAX_SAT_TAGS`] distinct tags and trying them all is too costly.
    /// Tags are independent yes/no facts, so trying every assignment of the mentioned tags
    /// is exact; the tags a condition mentions are few in practice.
    pub fn satisfiable(&self) -> Option<bool> {
        let mut tags = Vec::new();
        self.tags(&mut tags);
        tags.sort();
        tags.dedup();
        if tags.len() > MAX_SAT_TAGS {
            return None;
        }
        let found = (0u32..1 << tags.len()).any(|bits| {
            let has = |kind: TagKind, id: &str| {
                tags.iter()
                    .position(|(k, t)| *k == kind && t == id)
                    .is_some_and(|i| bits & (1 << i) != 0)
            };
            self.holds(&has)
        });
        Some(found)
    }
}

/// Above this many distinct tags in one condition, [`Conditie::satisfiable`] gives up
/// (2^16 evaluations is still instant; more would only come from a generated script).
pub const MAX_SAT_TAGS: usize = 16;

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
    /// The step where the consultant sums up: its empty notes start with a draft summary
    /// (`core::sectie::concept_samenvatting`) to read back, which ends with a check.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concept_samenvatting: bool,
    /// Where this comes from: a place in the research in the embedded scripts, free text
    /// in a gemeente's own. One text or a list.
    #[serde(default, deserialize_with = "crate::core::parse::one_or_many")]
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

    /// Ids of the steps whose `toon_als` can never hold, whatever the tags (a contradiction
    /// such as `AlleVan([Belemmering("x"), Niet(Belemmering("x"))])`), so such a step would
    /// never show up in the sequence. Conditions over more than [`MAX_SAT_TAGS`] tags are
    /// skipped rather than guessed. A script is an ordered list of steps without jumps, so
    /// a step cannot be unreachable through a cycle: only its own condition can hide it.
    pub fn unreachable_steps(&self) -> Vec<&str> {
        self.steps()
            .filter(|s| {
                s.stap
                    .toon_als
                    .as_ref()
                    .is_some_and(|c| c.satisfiable() == Some(false))
            })
            .map(|s| s.stap.id.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bel(id: &str) -> Conditie {
        Conditie::Belemmering(id.to_string())
    }

    fn niet(c: Conditie) -> Conditie {
        Conditie::Niet(Box::new(c))
    }

    fn stap(id: &str, toon_als: Option<Conditie>) -> Stap {
        Stap {
            id: id.to_string(),
            titel: id.to_string(),
            technieken: vec![Techniek::OpenVragen],
            doel: "doel".to_string(),
            voorbeeldzinnen: Vec::new(),
            valkuilen: Vec::new(),
            soort: StapSoort::Gesprek,
            kiezen: Vec::new(),
            notitie_label: default_notitie_label(),
            plan_sectie: default_plan_sectie(),
            toon_als,
            concept_samenvatting: false,
            bron: Vec::new(),
        }
    }

    fn script(stappen: Vec<Stap>) -> Script {
        Script {
            id: "t".to_string(),
            titel: "t".to_string(),
            omschrijving: String::new(),
            fases: vec![Fase {
                id: "f".to_string(),
                titel: "f".to_string(),
                stappen,
            }],
        }
    }

    #[test]
    fn contradiction_is_unsatisfiable() {
        assert_eq!(
            Conditie::AlleVan(vec![bel("x"), niet(bel("x"))]).satisfiable(),
            Some(false)
        );
        assert_eq!(Conditie::EenVan(Vec::new()).satisfiable(), Some(false));
    }

    #[test]
    fn ordinary_conditions_are_satisfiable() {
        assert_eq!(bel("x").satisfiable(), Some(true));
        assert_eq!(niet(bel("x")).satisfiable(), Some(true));
        // Same id in different lists is a different tag: not a contradiction.
        let c = Conditie::AlleVan(vec![
            Conditie::Wens("x".to_string()),
            niet(Conditie::Kracht("x".to_string())),
        ]);
        assert_eq!(c.satisfiable(), Some(true));
        // Needs a and b both set and c not set: only one assignment of eight works.
        let c = Conditie::AlleVan(vec![bel("a"), bel("b"), niet(bel("c"))]);
        assert_eq!(c.satisfiable(), Some(true));
        assert_eq!(Conditie::AlleVan(Vec::new()).satisfiable(), Some(true));
    }

    #[test]
    fn too_many_tags_are_not_decided() {
        let many: Vec<Conditie> = (0..=MAX_SAT_TAGS).map(|i| bel(&format!("b{i}"))).collect();
        assert_eq!(Conditie::AlleVan(many.clone()).satisfiable(), None);
        let exact: Vec<Conditie> = many[..MAX_SAT_TAGS].to_vec();
        assert_eq!(Conditie::AlleVan(exact).satisfiable(), Some(true));
    }

    #[test]
    fn unreachable_steps_are_listed_in_order() {
        let s = script(vec![
            stap("altijd", None),
            stap(
                "nooit",
                Some(Conditie::AlleVan(vec![bel("x"), niet(bel("x"))])),
            ),
            stap("soms", Some(bel("x"))),
            stap(
                "ook-nooit",
                Some(niet(Conditie::EenVan(vec![bel("y"), niet(bel("y"))]))),
            ),
        ]);
        assert_eq!(s.unreachable_steps(), vec!["nooit", "ook-nooit"]);
    }
}
