//! The session: the single source of truth for one gesprek. Everything the consultant types
//! or picks lives here, so that autosave, resume, the plan and the review screen all read
//! the same data. There is deliberately no BSN field: the plan identifies the client by
//! initials or a pseudonym only (research §8).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::tally::Tally;
use super::taxonomy::TagKind;
use super::vervolg::{AfspraakEvaluatie, VorigPlan};

/// Format version of saved sessions; bumped when a field changes meaning.
pub const SESSION_VERSION: u32 = 1;

/// One concrete, SMART agreement: what, who, when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Afspraak {
    pub wat: String,
    pub wie: String,
    pub wanneer: String,
}

impl Afspraak {
    pub fn is_empty(&self) -> bool {
        self.wat.trim().is_empty() && self.wie.trim().is_empty() && self.wanneer.trim().is_empty()
    }
}

/// A free-text activity that is not in the catalogue ("kookgroep De Linde"): it is
/// chosen, counted and written in the plan like a catalogue option.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EigenActiviteit {
    pub titel: String,
    pub plaats: String,
    /// Contact person or how to reach the place.
    pub contact: String,
    pub uren: Option<u8>,
    /// What guidance the place gives, in plain words.
    pub begeleiding: String,
}

impl EigenActiviteit {
    pub fn is_empty(&self) -> bool {
        self.titel.trim().is_empty()
            && self.plaats.trim().is_empty()
            && self.contact.trim().is_empty()
            && self.uren.is_none()
            && self.begeleiding.trim().is_empty()
    }
}

/// Whether the client agrees with the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Akkoord {
    /// Not discussed yet.
    #[default]
    Onbekend,
    Ja,
    Nee,
}

impl Akkoord {
    pub fn label(self) -> &'static str {
        match self {
            Akkoord::Onbekend => "nog niet besproken",
            Akkoord::Ja => "ja",
            Akkoord::Nee => "nee",
        }
    }

    /// Cycles through the values, for a single-key toggle.
    pub fn next(self) -> Akkoord {
        match self {
            Akkoord::Onbekend => Akkoord::Ja,
            Akkoord::Ja => Akkoord::Nee,
            Akkoord::Nee => Akkoord::Onbekend,
        }
    }
}

/// One gesprek with one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub versie: u32,
    /// Unique id: creation time plus a random suffix; names the draft file.
    pub id: String,
    /// Initials or pseudonym. Never a BSN.
    pub klant: String,
    pub consulent: String,
    pub datum: NaiveDate,
    pub plaats: String,
    /// Age in years, only when an option's age range matters; optional on purpose.
    pub leeftijd: Option<u8>,
    /// Id of the script used.
    pub script: String,
    /// Free notes per step id.
    pub notities: BTreeMap<String, String>,
    pub wensen: Vec<String>,
    pub krachten: Vec<String>,
    pub belemmeringen: Vec<String>,
    /// How each belemmering is handled, by belemmering id; falls back to the taxonomy's
    /// standard aanpak when absent.
    pub aanpak: BTreeMap<String, String>,
    /// Option ids the client has done before (warns on projectmoeheid).
    pub eerder: Vec<String>,
    /// Categories the client is already active in: the form before `doet_al`, still read
    /// from older sessions.
    pub actief: Vec<String>,
    /// Hours per week the client says they can manage, if discussed.
    pub uren_kan: Option<u8>,
    /// Chosen option ids, in the order chosen.
    pub gekozen: Vec<String>,
    pub afspraken: Vec<Afspraak>,
    /// Agreed hours per week at the start.
    pub uren_per_week: Option<u8>,
    /// Why these hours, and how they build up (relative deprivation is avoided by saying it).
    pub uren_toelichting: String,
    pub startdatum: Option<NaiveDate>,
    pub evaluatiedatum: Option<NaiveDate>,
    pub volgend_contact: Option<NaiveDate>,
    pub akkoord: Akkoord,
    pub akkoord_toelichting: String,
    /// Step the consultant was on, so a resumed draft opens where they left off.
    pub huidige_stap: String,
    // The fields below came after the first saved sessions; each has its own default so
    // an older file still loads (the struct-level default covers them too, but the field
    // attributes keep that true if the struct-level one is ever dropped).
    /// The plan this vervolggesprek follows up; `None` for an intake.
    #[serde(default)]
    pub vervolg_op: Option<VorigPlan>,
    /// 1 for an intake; each vervolggesprek makes the next version.
    #[serde(default = "eerste_versie")]
    pub plan_versie: u32,
    /// In a vervolggesprek: how each afspraak of the previous plan went.
    #[serde(default)]
    pub evaluaties: Vec<AfspraakEvaluatie>,
    /// The trainer's MI tally, when one was kept.
    #[serde(default)]
    pub tally: Option<Tally>,
    /// A practice gesprek with a fictional client: never saved as a real client.
    #[serde(default)]
    pub oefenen: bool,
    /// Activities of the client's own choosing that are not in the catalogue.
    #[serde(default)]
    pub eigen: Vec<EigenActiviteit>,
    /// Why an option was chosen although the suggestions excluded it, by option id.
    #[serde(default)]
    pub gekozen_reden: BTreeMap<String, String>,
    /// Plan sections as edited on the review screen, by section id (`core::sectie`).
    /// A section without an entry is written from the notes; with one, from this text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plan_teksten: BTreeMap<String, String>,
    /// The titles of the chosen options when the plan was saved, by id: a plan made
    /// again after an option left the catalogue still names it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub titels: BTreeMap<String, String>,
    /// The gemeente profile (`gemeenten/<naam>.ron`) this gesprek falls under; `None`
    /// when the single `gemeente.ron` applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeente: Option<String>,
    /// What the client already does, as the catalogue's recognition option ids (care for
    /// a parent, existing vrijwilligerswerk, …); replaces `actief`.
    #[serde(default)]
    pub doet_al: Vec<String>,
    /// The wens marked as the client's main aim; `None` means the first wens.
    #[serde(default)]
    pub hoofdwens: Option<String>,
    /// Hours of care per week, when care duties are ticked.
    #[serde(default)]
    pub zorguren: Option<u8>,
}

fn eerste_versie() -> u32 {
    1
}

impl Default for Session {
    fn default() -> Self {
        Session {
            versie: SESSION_VERSION,
            id: String::new(),
            klant: String::new(),
            consulent: String::new(),
            datum: NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date"),
            plaats: String::new(),
            leeftijd: None,
            script: String::new(),
            notities: BTreeMap::new(),
            wensen: Vec::new(),
            krachten: Vec::new(),
            belemmeringen: Vec::new(),
            aanpak: BTreeMap::new(),
            eerder: Vec::new(),
            actief: Vec::new(),
            uren_kan: None,
            gekozen: Vec::new(),
            afspraken: Vec::new(),
            uren_per_week: None,
            uren_toelichting: String::new(),
            startdatum: None,
            evaluatiedatum: None,
            volgend_contact: None,
            akkoord: Akkoord::Onbekend,
            akkoord_toelichting: String::new(),
            huidige_stap: String::new(),
            vervolg_op: None,
            plan_versie: eerste_versie(),
            evaluaties: Vec::new(),
            tally: None,
            oefenen: false,
            eigen: Vec::new(),
            gekozen_reden: BTreeMap::new(),
            plan_teksten: BTreeMap::new(),
            titels: BTreeMap::new(),
            gemeente: None,
            doet_al: Vec::new(),
            hoofdwens: None,
            zorguren: None,
        }
    }
}

impl Session {
    /// A new session for today's date with the given id.
    pub fn new(id: String, datum: NaiveDate, script: &str) -> Session {
        Session {
            id,
            datum,
            script: script.to_string(),
            ..Session::default()
        }
    }

    pub fn tags(&self, kind: TagKind) -> &[String] {
        match kind {
            TagKind::Wens => &self.wensen,
            TagKind::Kracht => &self.krachten,
            TagKind::Belemmering => &self.belemmeringen,
        }
    }

    fn tags_mut(&mut self, kind: TagKind) -> &mut Vec<String> {
        match kind {
            TagKind::Wens => &mut self.wensen,
            TagKind::Kracht => &mut self.krachten,
            TagKind::Belemmering => &mut self.belemmeringen,
        }
    }

    pub fn has_tag(&self, kind: TagKind, id: &str) -> bool {
        self.tags(kind).iter().any(|t| t == id)
    }

    /// Adds or removes a tag; returns whether it is now set.
    pub fn toggle_tag(&mut self, kind: TagKind, id: &str) -> bool {
        let tags = self.tags_mut(kind);
        if let Some(pos) = tags.iter().position(|t| t == id) {
            tags.remove(pos);
            false
        } else {
            tags.push(id.to_string());
            true
        }
    }

    /// All tags as a set, for evaluating script conditions.
    pub fn tag_set(&self) -> BTreeSet<(TagKind, String)> {
        TagKind::ALL
            .iter()
            .flat_map(|&k| self.tags(k).iter().map(move |t| (k, t.clone())))
            .collect()
    }

    pub fn note(&self, step: &str) -> &str {
        self.notities.get(step).map_or("", String::as_str)
    }

    /// Stores a note; an empty note is removed so saved files stay small.
    pub fn set_note(&mut self, step: &str, text: String) {
        if text.is_empty() {
            self.notities.remove(step);
        } else {
            self.notities.insert(step.to_string(), text);
        }
    }

    pub fn is_chosen(&self, option: &str) -> bool {
        self.gekozen.iter().any(|g| g == option)
    }

    /// Picks or un-picks an option; returns whether it is now chosen.
    pub fn toggle_chosen(&mut self, option: &str) -> bool {
        if let Some(pos) = self.gekozen.iter().position(|g| g == option) {
            self.gekozen.remove(pos);
            false
        } else {
            self.gekozen.push(option.to_string());
            true
        }
    }

    /// Whether nothing has been entered yet (such a draft is not worth offering).
    pub fn is_blank(&self) -> bool {
        self.klant.trim().is_empty()
            && self.notities.is_empty()
            && TagKind::ALL.iter().all(|&k| self.tags(k).is_empty())
            && self.gekozen.is_empty()
            && self.eigen.iter().all(EigenActiviteit::is_empty)
            && self.afspraken.iter().all(Afspraak::is_empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(
            "s1".into(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "intake",
        )
    }

    #[test]
    fn toggling_a_tag_twice_removes_it() {
        let mut s = session();
        assert!(s.toggle_tag(TagKind::Wens, "koken"));
        assert!(s.has_tag(TagKind::Wens, "koken"));
        assert!(!s.toggle_tag(TagKind::Wens, "koken"));
        assert!(!s.has_tag(TagKind::Wens, "koken"));
    }

    #[test]
    fn tags_of_different_kinds_are_separate() {
        let mut s = session();
        s.toggle_tag(TagKind::Belemmering, "taal");
        assert!(!s.has_tag(TagKind::Wens, "taal"));
        assert!(
            s.tag_set()
                .contains(&(TagKind::Belemmering, "taal".to_string()))
        );
    }

    #[test]
    fn empty_note_is_removed() {
        let mut s = session();
        s.set_note("a", "tekst".into());
        assert_eq!(s.note("a"), "tekst");
        s.set_note("a", String::new());
        assert!(s.notities.is_empty());
    }

    #[test]
    fn blank_session_is_detected() {
        let mut s = session();
        assert!(s.is_blank());
        s.set_note("a", "x".into());
        assert!(!s.is_blank());
    }

    #[test]
    fn chosen_options_keep_their_order() {
        let mut s = session();
        s.toggle_chosen("b");
        s.toggle_chosen("a");
        assert_eq!(s.gekozen, vec!["b", "a"]);
        s.toggle_chosen("b");
        assert_eq!(s.gekozen, vec!["a"]);
    }

    #[test]
    fn session_round_trips_through_ron() {
        let mut s = session();
        s.set_note("open", "Zij zegt: ‘ik wil graag koken’ é ë 🙂".into());
        s.afspraken.push(Afspraak {
            wat: "Kennismaken".into(),
            wie: "klant".into(),
            wanneer: "vóór 1 december".into(),
        });
        let text = ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::default()).unwrap();
        let back: Session = ron::from_str(&text).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn session_without_the_newer_fields_loads_as_an_intake() {
        let s: Session = ron::from_str(
            "(versie: 1, id: \"oud\", klant: \"A.B.\", datum: \"2026-01-05\", script: \"intake\")",
        )
        .unwrap();
        assert_eq!(s.klant, "A.B.");
        assert_eq!((s.plan_versie, s.oefenen), (1, false));
        assert!(s.vervolg_op.is_none() && s.evaluaties.is_empty() && s.tally.is_none());
    }
}
