//! Special categories of personal data (AVG art. 9: health, religion, sexual life, …;
//! criminal data, art. 10) in the plan's text. A plan van aanpak should hold only what
//! the afspraken need, and details about third parties (a relative's illness) rarely
//! belong in it (research §8). The word list is data (`assets/bijzonder.ron`, one a
//! municipality may replace), so a finding is a prompt to the consultant, who keeps,
//! rephrases or removes it; this module only finds and edits text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::data::Source;
use super::fields::{self, Field};
use super::problem::{Problem, parse_ron};
use super::search::fold_char;
use super::session::Session;

/// The embedded word list.
pub const STANDAARD: &str = include_str!("../../assets/bijzonder.ron");

/// File name of the word list in the settings folder.
pub const BESTAND: &str = "bijzonder.ron";

/// How many words before a finding a family word makes it about someone else
/// ("moeder (dementie)", "haar zoon zit in de gevangenis").
const ANDEREN_BEREIK: usize = 4;

/// The word list: kinds of special data with their words, and words for relatives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Woordenlijst {
    pub soorten: Vec<Soort>,
    /// Relatives and others close to the client, folded like the words.
    #[serde(default)]
    pub anderen: Vec<String>,
}

/// One kind of special data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soort {
    pub id: String,
    /// Dutch, for the warning: "gezondheid", "geloof of levensovertuiging".
    pub label: String,
    /// What "herschrijven" puts in place of the word.
    pub neutraal: String,
    /// Words and phrases; a trailing `*` also finds longer words starting so.
    pub woorden: Vec<String>,
}

/// One word of special data found in one text field of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vondst {
    /// The field it is in (from `fields::text_fields`, the list the BSN check uses too).
    pub field: Field,
    /// Where, in Dutch: "notitie bij stap welzijn".
    pub veld: String,
    /// Byte range in that field.
    pub range: Range<usize>,
    /// The word as written.
    pub tekst: String,
    /// The kind's label ("gezondheid").
    pub soort: String,
    /// The neutral word for rephrasing.
    pub neutraal: String,
    /// The relative it seems to be about ("moeder"), when a family word comes just before.
    pub over: Option<String>,
}

impl Vondst {
    /// One Dutch line for a warning: where, what, and whose.
    pub fn beschrijving(&self) -> String {
        let over = self
            .over
            .as_ref()
            .map(|a| format!("; gaat over een ander ({a})"))
            .unwrap_or_default();
        format!("{}: ‘{}’ ({}{over})", self.veld, self.tekst, self.soort)
    }
}

impl Woordenlijst {
    /// The embedded list.
    pub fn standaard() -> Woordenlijst {
        Woordenlijst::parse(&Source::embedded(BESTAND, STANDAARD))
            .expect("the embedded word list is valid (tested)")
    }

    /// Parses a word list, with Dutch errors at a line and column; an empty word is an
    /// error too (it would match everywhere).
    pub fn parse(source: &Source) -> Result<Woordenlijst, Problem> {
        let lijst: Woordenlijst = parse_ron(&source.name, &source.text)?;
        for s in &lijst.soorten {
            if let Some(w) = s
                .woorden
                .iter()
                .find(|w| w.trim_end_matches('*').trim().is_empty())
            {
                return Err(Problem::at(
                    &source.name,
                    &source.text,
                    source.text.find(&format!("\"{}\"", s.id)).unwrap_or(0),
                    &format!("\"{w}\""),
                    format!(
                        "soort `{}`: een leeg woord zou overal gevonden worden",
                        s.id
                    ),
                ));
            }
        }
        Ok(lijst)
    }

    /// Every word of special data in `text`, in order, as (range, kind, family word).
    pub fn zoek<'a>(&'a self, text: &str) -> Vec<(Range<usize>, &'a Soort, Option<String>)> {
        let words = words(text);
        let folded: Vec<String> = words.iter().map(|r| fold(&text[r.clone()])).collect();
        let mut found = Vec::new();
        let mut i = 0;
        'next: while i < words.len() {
            for soort in &self.soorten {
                for woord in &soort.woorden {
                    if let Some(n) = matches_at(&folded, i, woord) {
                        let range = words[i].start..words[i + n - 1].end;
                        let over = self.anderen_voor(text, &words, &folded, i);
                        found.push((range, soort, over));
                        i += n;
                        continue 'next;
                    }
                }
            }
            i += 1;
        }
        found
    }

    /// A family word among the few words before word `i`, within the same sentence.
    fn anderen_voor(
        &self,
        text: &str,
        words: &[Range<usize>],
        folded: &[String],
        i: usize,
    ) -> Option<String> {
        let from = i.saturating_sub(ANDEREN_BEREIK);
        (from..i).rev().find_map(|j| {
            let between = &text[words[j].end..words[i].start];
            if between.contains(['.', '!', '?', '\n']) {
                return None;
            }
            self.anderen
                .iter()
                .any(|a| fold(a) == folded[j])
                .then(|| text[words[j].clone()].to_string())
        })
    }
}

/// Lowercase without diacritics.
fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Byte ranges of the words of `text`: runs of letters and digits, with a hyphen or
/// apostrophe inside a word kept ("burn-out").
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '-' | '\'')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Whether `woord` (one or more words, maybe ending in `*`) starts at word `i`;
/// returns how many words it covers.
fn matches_at(folded: &[String], i: usize, woord: &str) -> Option<usize> {
    let (woord, prefix) = match woord.strip_suffix('*') {
        Some(w) => (w, true),
        None => (woord, false),
    };
    let parts: Vec<String> = woord.split_whitespace().map(fold).collect();
    if parts.is_empty() || i + parts.len() > folded.len() {
        return None;
    }
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .all(|(k, p)| {
            let w = &folded[i + k];
            if k == last && prefix {
                w.starts_with(p.as_str())
            } else {
                w == p
            }
        })
        .then_some(parts.len())
}

/// Every finding in the session's text fields, in field order.
pub fn vondsten(session: &Session, lijst: &Woordenlijst) -> Vec<Vondst> {
    vondsten_in(fields::text_fields(session), lijst)
}

/// Every finding in what reaches the client's plan (`sectie::in_het_plan`): a working
/// note, or the note behind a section the consultant rewrote, is not the client's text.
pub fn vondsten_in_plan(
    session: &Session,
    data: &super::data::Data,
    lijst: &Woordenlijst,
) -> Vec<Vondst> {
    vondsten_in(super::sectie::in_het_plan(session, data), lijst)
}

fn vondsten_in(velden: Vec<(fields::Field, &str)>, lijst: &Woordenlijst) -> Vec<Vondst> {
    let mut out = Vec::new();
    for (field, text) in velden {
        for (range, soort, over) in lijst.zoek(text) {
            out.push(Vondst {
                field: field.clone(),
                veld: field.place(),
                tekst: text[range.clone()].to_string(),
                range,
                soort: soort.label.clone(),
                neutraal: soort.neutraal.clone(),
                over,
            });
        }
    }
    out
}

/// What the consultant does with one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Besluit {
    /// Leave it: the afspraken need it.
    Houden,
    /// Replace the word with the kind's neutral word.
    Herschrijven,
    /// Take the word out.
    Weghalen,
}

/// Applies a decision to the session. Returns false when the text has changed since the
/// finding was made (then nothing is touched).
pub fn besluit(session: &mut Session, v: &Vondst, b: Besluit) -> bool {
    let current = fields::text_fields(session)
        .into_iter()
        .find(|(f, _)| *f == v.field)
        .map(|(_, t)| t.to_string());
    let Some(mut text) = current else {
        return false;
    };
    if text.get(v.range.clone()) != Some(v.tekst.as_str()) {
        return false;
    }
    match b {
        Besluit::Houden => return true,
        Besluit::Herschrijven => text.replace_range(v.range.clone(), &v.neutraal),
        Besluit::Weghalen => {
            // Take one neighbouring space with it, so no double space is left.
            let mut r = v.range.clone();
            if text[r.end..].starts_with(' ') {
                r.end += 1;
            } else if r.start > 0 && text[..r.start].ends_with(' ') {
                r.start -= 1;
            }
            text.replace_range(r, "");
        }
    }
    fields::rewrite_texts(session, |f, _| (*f == v.field).then(|| text.clone()));
    true
}

/// Dutch warnings for `meedoen plan` and the line mode: one line per finding.
pub fn waarschuwingen(vondsten: &[Vondst]) -> Vec<String> {
    vondsten
        .iter()
        .map(|v| {
            format!(
                "let op: bijzondere persoonsgegevens in het plan, {}",
                v.beschrijving()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        let lijst = Woordenlijst::standaard();
        lijst
            .zoek(text)
            .into_iter()
            .map(|(r, s, o)| (text[r].to_string(), s.id.clone(), o))
            .collect()
    }

    #[test]
    fn embedded_list_is_valid_and_has_every_kind() {
        let l = Woordenlijst::standaard();
        let ids: Vec<_> = l.soorten.iter().map(|s| s.id.as_str()).collect();
        for id in [
            "gezondheid",
            "medicatie",
            "verslaving",
            "geloof",
            "seksualiteit",
            "vakbond",
            "strafrecht",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn finds_health_medication_addiction_and_religion_with_spelling_variants() {
        assert_eq!(
            found("Is depressief, slikt Oxazepam. Was verslaafd aan cocaine; gaat naar de moskee.")
                .iter()
                .map(|(w, s, _)| (w.as_str(), s.as_str()))
                .collect::<Vec<_>>(),
            [
                ("depressief", "gezondheid"),
                ("Oxazepam", "medicatie"),
                ("verslaafd", "verslaving"),
                ("cocaine", "verslaving"),
                ("moskee", "geloof"),
            ]
        );
        assert_eq!(found("Had een burn-out")[0].0, "burn-out");
        assert_eq!(found("een BURNOUT")[0].0, "BURNOUT");
        assert_eq!(found("medicijngebruik")[0].0, "medicijngebruik");
        assert_eq!(found("chronisch ziek sinds 2020")[0].0, "chronisch ziek");
    }

    #[test]
    fn whole_words_only() {
        assert!(found("Ze kerkt niet maar kookt graag; kerkhofstraat").is_empty());
        assert!(found("ramadan").len() == 1);
        assert!(found("rasecht, grasmaaier, Parkinsonlaan").is_empty());
        assert!(found("").is_empty());
    }

    #[test]
    fn health_of_a_relative_is_flagged_as_about_someone_else() {
        let f = found("Zorgt ma/wo/vr-middag voor moeder (dementie), ca. 12 uur per week.");
        assert_eq!(
            f,
            [(
                "dementie".into(),
                "gezondheid".into(),
                Some("moeder".into())
            )]
        );
        let f = found("Haar zoon zit in de gevangenis.");
        assert_eq!(f[0].2.as_deref(), Some("zoon"));
        // Another sentence is not about the relative.
        let f = found("Woont bij moeder. Zelf diabetes.");
        assert_eq!(f[0].2, None);
        // Too far before.
        let f = found("moeder woont ver weg en ik heb zelf reuma");
        assert_eq!(f[0].2, None);
    }

    #[test]
    fn a_note_that_is_all_health_details_gives_one_finding_per_word() {
        let t = "depressie, diabetes, reuma, methadon, ptss";
        assert_eq!(found(t).len(), 5);
        let big = "ptss ".repeat(20_000);
        assert_eq!(found(&big).len(), 20_000);
    }

    fn session() -> Session {
        let mut s = Session::new(
            "s".into(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "intake",
        );
        s.set_note(
            "welzijn",
            "Zorgt voor moeder (dementie). Slikt medicijnen.".into(),
        );
        s.akkoord_toelichting = "Gaat vrijdag naar de moskee".into();
        s
    }

    #[test]
    fn findings_name_the_field_and_decisions_edit_only_that_word() {
        let lijst = Woordenlijst::standaard();
        let mut s = session();
        let v = vondsten(&s, &lijst);
        let d: Vec<_> = v.iter().map(Vondst::beschrijving).collect();
        assert_eq!(
            d,
            [
                "notitie bij stap welzijn: ‘dementie’ (gezondheid; gaat over een ander (moeder))",
                "notitie bij stap welzijn: ‘medicijnen’ (medicijnen)",
                "toelichting bij akkoord: ‘moskee’ (geloof of levensovertuiging)",
            ]
        );
        assert!(besluit(&mut s, &v[0], Besluit::Herschrijven));
        assert_eq!(
            s.note("welzijn"),
            "Zorgt voor moeder (gezondheid). Slikt medicijnen."
        );
        // The second finding's range moved: nothing is touched.
        assert!(!besluit(&mut s, &v[1], Besluit::Weghalen));
        let v = vondsten(&s, &lijst);
        assert!(besluit(&mut s, &v[0], Besluit::Weghalen));
        assert_eq!(s.note("welzijn"), "Zorgt voor moeder (gezondheid). Slikt.");
        let v = vondsten(&s, &lijst);
        assert!(besluit(&mut s, &v[0], Besluit::Houden));
        assert_eq!(s.akkoord_toelichting, "Gaat vrijdag naar de moskee");
        assert_eq!(
            waarschuwingen(&v)[0],
            "let op: bijzondere persoonsgegevens in het plan, toelichting bij akkoord: ‘moskee’ (geloof of levensovertuiging)"
        );
    }

    #[test]
    fn a_broken_or_empty_word_list_is_a_dutch_error() {
        let p = Woordenlijst::parse(&Source::new(
            "bijzonder.ron",
            "(soorten: [(id: \"x\", label: \"x\", neutraal: \"x\", woorden: [\"*\"])])",
        ))
        .unwrap_err();
        assert!(p.msg.contains("leeg woord"), "{p}");
        let p = Woordenlijst::parse(&Source::new(
            "bijzonder.ron",
            "(soorten: [(id: \"x\", woorde: [])])",
        ))
        .unwrap_err();
        assert_eq!(p.line, 1, "{p}");
    }
}
