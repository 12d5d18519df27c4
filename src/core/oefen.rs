//! Demo clients for trainers who show *motiverende gespreksvoering*: fictional people with
//! a background, an answer per step of the intake script, the tags a trainer could tick,
//! and good and poor phrasings per NORBS technique. Amsterdam trains its klantmanagers in
//! MI with buddies giving feedback (`001:L923–926`); these clients make that practice
//! possible without a real client's data. The clients live in `assets/oefenklanten.ron`.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use chrono::NaiveDate;

use super::data::Source;
use super::parse::{Parsed, parse_data};
use super::problem::Problem;
use super::script::{Script, Techniek};
use super::session::Session;
use super::tally::{Gedrag, Tally};
use super::taxonomy::{TagKind, Taxonomy};

/// What the trainee just did, as far as the demo client's answer depends on it. The
/// trainer marks it by tallying: the consultant's latest code at the step decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zet {
    /// An open question, or nothing marked yet.
    OpenVraag,
    /// A reflection, a summary, or another MI-adherent move (affirming, autonomy).
    Reflectie,
    GeslotenVraag,
    /// Advice or persuasion without permission, or confronting.
    AdviesZonderToestemming,
}

impl Zet {
    pub const ALL: [Zet; 4] = [
        Zet::OpenVraag,
        Zet::Reflectie,
        Zet::GeslotenVraag,
        Zet::AdviesZonderToestemming,
    ];

    /// What a tallied code means for the client. Giving information and persuading with
    /// permission invite the client to speak as an open question does.
    pub fn from_gedrag(g: Gedrag) -> Option<Zet> {
        match g {
            Gedrag::OpenVraag | Gedrag::NeutraalInformeren | Gedrag::OvertuigenMetToestemming => {
                Some(Zet::OpenVraag)
            }
            Gedrag::ReflectieEenvoudig
            | Gedrag::ReflectieComplex
            | Gedrag::Samenvatten
            | Gedrag::Bekrachtigen
            | Gedrag::SamenwerkingZoeken
            | Gedrag::AutonomieBenadrukken => Some(Zet::Reflectie),
            Gedrag::GeslotenVraag => Some(Zet::GeslotenVraag),
            Gedrag::OvertuigenZonderToestemming | Gedrag::Confronteren => {
                Some(Zet::AdviesZonderToestemming)
            }
            Gedrag::Verandertaal | Gedrag::Behoudtaal => None,
        }
    }

    /// "na een open vraag", for the label above the answer.
    pub fn label(self) -> &'static str {
        match self {
            Zet::OpenVraag => "na een open vraag",
            Zet::Reflectie => "na een reflectie of bekrachtiging",
            Zet::GeslotenVraag => "na een gesloten vraag",
            Zet::AdviesZonderToestemming => "na advies zonder toestemming",
        }
    }
}

/// What the demo client says at one step. `tekst` answers an open question; the other
/// answers follow what MI predicts: a reflection brings more change talk, a closed
/// question a short answer, unasked-for advice resistance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Antwoord {
    /// Step id in the intake script.
    pub stap: String,
    /// In the client's own voice, after an open question.
    pub tekst: String,
    #[serde(default)]
    pub na_reflectie: Option<String>,
    #[serde(default)]
    pub na_gesloten: Option<String>,
    #[serde(default)]
    pub na_advies: Option<String>,
}

/// How the client responds when a step has no answer for that move of its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reacties {
    pub na_reflectie: String,
    pub na_gesloten: String,
    pub na_advies: String,
}

/// The tags a trainer could tick for this client; suggestions, never pre-filled, since
/// hearing and tagging them is the exercise.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Tags {
    pub wensen: Vec<String>,
    pub krachten: Vec<String>,
    pub belemmeringen: Vec<String>,
    /// Catalogue categories the client is already active in.
    pub actief: Vec<String>,
}

impl Tags {
    pub fn list(&self, kind: TagKind) -> &[String] {
        match kind {
            TagKind::Wens => &self.wensen,
            TagKind::Kracht => &self.krachten,
            TagKind::Belemmering => &self.belemmeringen,
        }
    }
}

/// A good and a poor reaction to this client, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voorbeeld {
    pub techniek: Techniek,
    pub goed: String,
    pub slecht: String,
    pub waarom: String,
}

/// One fictional client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Oefenklant {
    pub id: String,
    /// Always visibly fictional ("Demo: … (fictief)").
    pub naam: String,
    /// Fills the session's age, so options with an age range match as for a real client.
    #[serde(default)]
    pub leeftijd: Option<u8>,
    /// 2–4 sentences for the trainer.
    pub achtergrond: String,
    pub antwoorden: Vec<Antwoord>,
    /// The client's usual response per move, where a step has none of its own. Optional
    /// so files written before clients responded to the move still load; without it a
    /// step's open answer stands in, and the screen says so.
    #[serde(default)]
    pub reacties: Option<Reacties>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default)]
    pub voorbeelden: Vec<Voorbeeld>,
    #[serde(default)]
    pub bron: Vec<String>,
}

impl Oefenklant {
    /// The client's answer to an open question at a step, if the file has one.
    pub fn antwoord(&self, stap: &str) -> Option<&str> {
        self.antwoord_op(stap, Zet::OpenVraag)
    }

    /// The client's answer at a step after this move: the step's own answer for the
    /// move, else the client's usual response to it, else the open answer. A step the
    /// file has no answer for stays silent.
    pub fn antwoord_op(&self, stap: &str, zet: Zet) -> Option<&str> {
        self.reactie(stap, zet).map(|(_, t)| t)
    }

    /// Like [`Oefenklant::antwoord_op`], with the move the answer was written for: an
    /// open question when the file has nothing for this move.
    pub fn reactie(&self, stap: &str, zet: Zet) -> Option<(Zet, &str)> {
        let a = self.antwoorden.iter().find(|a| a.stap == stap)?;
        let r = self.reacties.as_ref();
        let (eigen, gewoon) = match zet {
            Zet::OpenVraag => (None, None),
            Zet::Reflectie => (a.na_reflectie.as_deref(), r.map(|r| &r.na_reflectie)),
            Zet::GeslotenVraag => (a.na_gesloten.as_deref(), r.map(|r| &r.na_gesloten)),
            Zet::AdviesZonderToestemming => (a.na_advies.as_deref(), r.map(|r| &r.na_advies)),
        };
        let filled = |t: &&str| !t.trim().is_empty();
        Some(
            eigen
                .filter(filled)
                .or_else(|| gewoon.map(String::as_str).filter(filled))
                .map_or((Zet::OpenVraag, a.tekst.as_str()), |t| (zet, t)),
        )
    }

    pub fn voorbeelden(&self, techniek: Techniek) -> impl Iterator<Item = &Voorbeeld> {
        self.voorbeelden
            .iter()
            .filter(move |v| v.techniek == techniek)
    }
}

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Oefenklanten {
    pub klanten: Vec<Oefenklant>,
}

impl Oefenklanten {
    pub fn find(&self, id: &str) -> Option<&Oefenklant> {
        self.klanten.iter().find(|k| k.id == id)
    }
}

/// Parses an `oefenklanten.ron`, with warnings for what is ignored.
pub fn parse(source: &Source) -> Result<Parsed<Oefenklanten>, Problem> {
    parse_data(&source.name, &source.text)
}

/// Byte offset of the first line at or after `from` that defines `id` (`id: "…"`), to
/// place problems in the right client.
fn id_offset(text: &str, id: &str, from: usize) -> Option<usize> {
    let needle = format!("\"{id}\"");
    let mut at = from.min(text.len());
    while let Some(i) = text.get(at..).and_then(|t| t.find(&needle)) {
        let hit = at + i;
        let line_start = text[..hit].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..hit].trim_end().ends_with("id:") {
            return Some(line_start);
        }
        at = hit + needle.len();
    }
    None
}

/// Cross-checks the demo clients against the script their answers belong to and the
/// taxonomy their tags come from: unknown step and tag ids, duplicate ids and answers, and
/// names that do not say the client is fictional.
pub fn validate(
    klanten: &Oefenklanten,
    script: &Script,
    tax: &Taxonomy,
    src: &Source,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut from = 0;
    for k in &klanten.klanten {
        // Clients are located in file order, so a repeated id points at the repeat.
        let at = id_offset(&src.text, &k.id, from).unwrap_or(from);
        from = src.text[at..]
            .find('\n')
            .map_or(src.text.len(), |i| at + i + 1);
        let problem = |offset: usize, needle: &str, msg: String| {
            Problem::at(&src.name, &src.text, offset, needle, msg)
        };
        if !seen.insert(k.id.as_str()) {
            problems.push(problem(
                at,
                &format!("\"{}\"", k.id),
                format!(
                    "oefenklant `{}` komt twee keer voor; ids moeten uniek zijn",
                    k.id
                ),
            ));
        }
        if !k.naam.to_lowercase().contains("fictief") {
            problems.push(problem(
                at,
                "naam",
                format!(
                    "oefenklant `{}`: zet \"(fictief)\" in de naam, zodat niemand denkt aan een echte klant",
                    k.id
                ),
            ));
        }
        let mut stappen = HashSet::new();
        // Answers are located one after the other, so a repeated step points at the repeat.
        let mut cursor = at;
        for a in &k.antwoorden {
            let needle = format!("\"{}\"", a.stap);
            let here = src
                .text
                .get(cursor..)
                .and_then(|t| t.find(&needle))
                .map_or(cursor, |i| cursor + i);
            cursor = here + 1;
            if script.step(&a.stap).is_none() {
                problems.push(problem(
                    here,
                    &needle,
                    format!(
                        "oefenklant `{}`: onbekende stap `{}` in script `{}`{}",
                        k.id,
                        a.stap,
                        script.id,
                        super::problem::bedoelt_u(
                            &a.stap,
                            script.steps().map(|s| s.stap.id.as_str())
                        )
                    ),
                ));
            } else if !stappen.insert(a.stap.as_str()) {
                problems.push(problem(
                    here,
                    &needle,
                    format!(
                        "oefenklant `{}`: twee antwoorden bij stap `{}`",
                        k.id, a.stap
                    ),
                ));
            }
            if a.tekst.trim().is_empty() {
                problems.push(problem(
                    here,
                    &needle,
                    format!("oefenklant `{}`: leeg antwoord bij stap `{}`", k.id, a.stap),
                ));
            }
            for (veld, tekst) in [
                ("na_reflectie", &a.na_reflectie),
                ("na_gesloten", &a.na_gesloten),
                ("na_advies", &a.na_advies),
            ] {
                if tekst.as_ref().is_some_and(|t| t.trim().is_empty()) {
                    problems.push(problem(
                        here,
                        veld,
                        format!(
                            "oefenklant `{}`: `{veld}` bij stap `{}` is leeg; laat het weg of schrijf wat de klant zegt",
                            k.id, a.stap
                        ),
                    ));
                }
            }
        }
        let reacties = k.reacties.as_ref().map_or(Vec::new(), |r| {
            vec![
                ("na_reflectie", &r.na_reflectie),
                ("na_gesloten", &r.na_gesloten),
                ("na_advies", &r.na_advies),
            ]
        });
        for (veld, tekst) in reacties {
            if tekst.trim().is_empty() {
                // Pointing at the client's id: a missing `reacties` has no place of its own.
                problems.push(problem(
                    at,
                    &format!("\"{}\"", k.id),
                    format!(
                        "oefenklant `{}`: `{veld}` in `reacties` is leeg; schrijf hoe deze klant daarop reageert",
                        k.id
                    ),
                ));
            }
        }
        for kind in TagKind::ALL {
            for id in k.tags.list(kind) {
                if tax.find(kind, id).is_none() {
                    problems.push(problem(
                        at,
                        &format!("\"{id}\""),
                        format!(
                            "oefenklant `{}`: onbekende {} `{id}`{}",
                            k.id,
                            kind.singular(),
                            super::problem::bedoelt_u(id, super::validate::ids(tax, kind))
                        ),
                    ));
                }
            }
        }
        for id in &k.tags.actief {
            if tax.categorie(id).is_none() {
                problems.push(problem(
                    at,
                    &format!("\"{id}\""),
                    format!(
                        "oefenklant `{}`: onbekende categorie `{id}`{}",
                        k.id,
                        super::problem::bedoelt_u(
                            id,
                            tax.categorieen.iter().map(|e| e.id.as_str())
                        )
                    ),
                ));
            }
        }
    }
    problems
}

/// Fits the embedded demo clients to a user's own script and taxonomy: answers to steps
/// the script does not have, and tags the taxonomy does not know, are left out. They were
/// written for the embedded intake; a consultant with an own script should still be able
/// to practise, and should not be told to repair a file they never wrote. A user's own
/// demo clients are checked strictly by `validate` instead.
pub fn fit(klanten: &mut Oefenklanten, script: &Script, tax: &Taxonomy) {
    for k in &mut klanten.klanten {
        k.antwoorden.retain(|a| script.step(&a.stap).is_some());
        k.tags
            .wensen
            .retain(|id| tax.find(TagKind::Wens, id).is_some());
        k.tags
            .krachten
            .retain(|id| tax.find(TagKind::Kracht, id).is_some());
        k.tags
            .belemmeringen
            .retain(|id| tax.find(TagKind::Belemmering, id).is_some());
        k.tags.actief.retain(|id| tax.categorie(id).is_some());
    }
}

/// A practice session for a demo client: marked `oefenen` so it is never saved as a real
/// client, with an empty tally ready, and the client's name and age filled in. The tags
/// are left for the trainee to tick.
pub fn oefensessie(klant: &Oefenklant, id: String, today: NaiveDate, script: &str) -> Session {
    let mut s = Session::new(id, today, script);
    s.klant = klant.naam.clone();
    s.leeftijd = klant.leeftijd;
    s.oefenen = true;
    s.tally = Some(Tally::default());
    s
}

mod uitleg;
pub use uitleg::{Uitleg, techniek_uitleg};

#[cfg(test)]
mod tests;
