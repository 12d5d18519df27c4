//! The plan's own text, apart from the consultant's notes. Notes stay working notes; each
//! plan section the consultant can edit (situatie, wat u al doet, eerdere trajecten,
//! wensen, wat het lastig maakt, wat u gaat doen, samenvatting) starts prefilled from the
//! notes that feed it, and once edited on the review screen it is written from that text
//! alone. The client's own words are not among them: they stay verbatim.
//!
//! The draft summary for the Samenvatten step lives here too: it is read back to the
//! client, ends with a check, and feeds the situatie section.

use super::data::Data;
use super::script::PlanSectie;
use super::session::Session;
use super::taxonomy::{TagKind, Taxonomy};

/// The sections the consultant can edit, in the plan's order.
pub const BEWERKBAAR: [PlanSectie; 7] = [
    PlanSectie::Situatie,
    PlanSectie::AlActief,
    PlanSectie::Eerder,
    PlanSectie::Wensen,
    PlanSectie::Belemmeringen,
    PlanSectie::Keuze,
    PlanSectie::Samenvatting,
];

/// The check every draft summary ends with: a summary is offered, never imposed.
pub const CHECK: &str = "Klopt dat?";

/// The key of a section in `Session::plan_teksten`.
pub fn id(sectie: PlanSectie) -> &'static str {
    match sectie {
        PlanSectie::Situatie => "situatie",
        PlanSectie::AlActief => "al_actief",
        PlanSectie::Eerder => "eerder",
        PlanSectie::Wensen => "wensen",
        PlanSectie::Belemmeringen => "belemmeringen",
        PlanSectie::EigenWoorden => "eigen_woorden",
        PlanSectie::Keuze => "keuze",
        PlanSectie::Samenvatting => "samenvatting",
        PlanSectie::Geen => "geen",
    }
}

/// The section with this key, when it is one that can be edited.
pub fn by_id(key: &str) -> Option<PlanSectie> {
    BEWERKBAAR.into_iter().find(|s| id(*s) == key)
}

/// One piece of a section as the notes give it: a heading (the step's title) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuk {
    pub titel: String,
    pub tekst: String,
}

/// What feeds `sectie` when it has not been edited: the notes of its steps in script
/// order; for the situatie, first the summary read back to the client (without its
/// check, which was a question for the client, not a line for the plan).
pub fn stukken(session: &Session, data: &Data, sectie: PlanSectie) -> Vec<Stuk> {
    let mut out = Vec::new();
    if sectie == PlanSectie::Situatie {
        for step in data.script.steps().filter(|s| s.stap.concept_samenvatting) {
            let tekst = zonder_check(session.note(&step.stap.id));
            if !tekst.is_empty() {
                out.push(Stuk {
                    titel: "Samengevat".to_string(),
                    tekst,
                });
            }
        }
    }
    for step in data.script.steps() {
        let tekst = session.note(&step.stap.id);
        if step.stap.plan_sectie == sectie && !tekst.trim().is_empty() {
            out.push(Stuk {
                titel: step.stap.titel.clone(),
                tekst: tekst.to_string(),
            });
        }
    }
    out
}

/// What the section's editor starts with: the edited text, or the notes that feed it.
pub fn tekst(session: &Session, data: &Data, sectie: PlanSectie) -> String {
    match session.plan_teksten.get(id(sectie)) {
        Some(t) => t.clone(),
        None => stukken(session, data, sectie)
            .into_iter()
            .map(|s| s.tekst)
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

/// Whether the consultant has edited this section.
pub fn bewerkt(session: &Session, sectie: PlanSectie) -> bool {
    session.plan_teksten.contains_key(id(sectie))
}

/// `text` without a closing "Klopt dat?" (and the space before it).
fn zonder_check(text: &str) -> String {
    let t = text.trim();
    t.strip_suffix(CHECK).unwrap_or(t).trim_end().to_string()
}

/// Labels of `ids` in running text, first letter small: "koken, taal en fietsen".
fn opsomming(tax: &Taxonomy, kind: TagKind, ids: &[String]) -> Option<String> {
    let labels: Vec<String> = ids
        .iter()
        .map(|id| {
            let l = tax.label(kind, id);
            let mut c = l.chars();
            match c.next() {
                // An abbreviation ("GGZ") keeps its capitals.
                Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
                    f.to_lowercase().chain(c).collect()
                }
                _ => l.to_string(),
            }
        })
        .collect();
    match labels.as_slice() {
        [] => None,
        [een] => Some(een.clone()),
        [eerst @ .., laatste] => Some(format!("{} en {laatste}", eerst.join(", "))),
    }
}

/// A draft summary to read back to the client, built from the tags, the hours and the
/// client's own words, in "u" and short sentences, ending with [`CHECK`]. Empty when
/// nothing is known yet.
pub fn concept_samenvatting(session: &Session, data: &Data) -> String {
    let tax = &data.taxonomy;
    let mut zinnen = Vec::new();
    if let Some(w) = opsomming(tax, TagKind::Wens, &session.wensen) {
        zinnen.push(format!("U wilt graag iets doen met {w}."));
    }
    if let Some(k) = opsomming(tax, TagKind::Kracht, &session.krachten) {
        zinnen.push(format!("Uw sterke kanten zijn: {k}."));
    }
    if let Some(b) = opsomming(tax, TagKind::Belemmering, &session.belemmeringen) {
        zinnen.push(format!("Wat het lastig maakt: {b}."));
    }
    if let Some(n) = session.uren_kan {
        zinnen.push(format!("U kunt nu ongeveer {n} uur per week."));
    }
    // The client's own words, verbatim: the first line they said, quoted.
    let eigen = data
        .script
        .steps()
        .filter(|s| {
            s.stap.plan_sectie == PlanSectie::EigenWoorden
                || s.stap.notitie_label.contains("woorden van de klant")
        })
        .map(|s| session.note(&s.stap.id).trim())
        .find(|t| !t.is_empty())
        .and_then(|t| t.lines().next());
    if let Some(woorden) = eigen {
        zinnen.push(format!("U zei: “{}”", woorden.trim()));
    }
    if zinnen.is_empty() {
        return String::new();
    }
    // After the colon the sentence goes on: "…: u wilt graag …".
    let zinnen = zinnen.join(" ");
    let zinnen = zinnen
        .strip_prefix('U')
        .map_or(zinnen.clone(), |rest| format!("u{rest}"));
    format!("Als ik het goed begrijp: {zinnen} {CHECK}")
}

/// Where a step's notes go, for the title above them: the plan section they feed, that
/// the consultant gave that section its own text, or that they stay internal.
pub fn bestemming(session: &Session, stap: &super::script::Stap) -> String {
    let sectie = if stap.concept_samenvatting {
        PlanSectie::Situatie
    } else {
        stap.plan_sectie
    };
    if sectie != PlanSectie::Geen && bewerkt(session, sectie) {
        "het plan heeft hier een eigen, aangepaste tekst".to_string()
    } else {
        sectie.bestemming()
    }
}

/// The session's text fields that reach the plan: everything but the notes that stay
/// the consultant's (working notes, and the notes of a section the consultant rewrote).
/// The scans for special-category data look here, since they are about what the client
/// reads.
pub fn in_het_plan<'s>(session: &'s Session, data: &Data) -> Vec<(super::fields::Field, &'s str)> {
    use super::fields::Field;
    super::fields::text_fields(session)
        .into_iter()
        .filter(|(field, _)| {
            let Field::Note(stap) = field else {
                return true;
            };
            // Notes of a step the script no longer has are printed, so they count.
            let Some(step) = data.script.step(stap) else {
                return true;
            };
            let sectie = if step.stap.concept_samenvatting {
                PlanSectie::Situatie
            } else {
                step.stap.plan_sectie
            };
            sectie != PlanSectie::Geen && !bewerkt(session, sectie)
        })
        .collect()
}

/// For a Samenvatten step whose notes are still empty: the draft summary to start them
/// with, so what the consultant reads back is also what is kept and fed to the plan.
pub fn voorzet(session: &Session, data: &Data, stap: &str) -> Option<String> {
    let step = data.script.step(stap)?;
    if !step.stap.concept_samenvatting || !session.note(stap).trim().is_empty() {
        return None;
    }
    Some(concept_samenvatting(session, data)).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Data {
        crate::store::assets::load(None).expect("embedded data is valid")
    }

    fn session() -> Session {
        let mut s = Session::new(
            "t".into(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            "intake",
        );
        s.wensen = vec!["koken".into(), "mensen-helpen".into()];
        s.krachten = vec!["betrouwbaar".into()];
        s.belemmeringen = vec!["fysiek".into()];
        s.uren_kan = Some(4);
        s
    }

    #[test]
    fn the_draft_summary_uses_tags_hours_and_own_words_and_ends_with_a_check() {
        let d = data();
        let mut s = session();
        s.set_note(
            "wensen-en-krachten",
            "Ik kook graag voor anderen.\nEn ik wandel.".into(),
        );
        let t = concept_samenvatting(&s, &d);
        assert_eq!(
            t,
            "Als ik het goed begrijp: u wilt graag iets doen met koken en mensen helpen. \
             Uw sterke kanten zijn: betrouwbaar. Wat het lastig maakt: lichamelijke klachten. \
             U kunt nu ongeveer 4 uur per week. U zei: “Ik kook graag voor anderen.” Klopt dat?"
        );
        assert_eq!(concept_samenvatting(&Session::default(), &d), "");
    }

    #[test]
    fn an_unedited_section_is_its_notes_and_the_situatie_starts_with_the_summary() {
        let d = data();
        let mut s = session();
        s.set_note("hoe-gaat-het", "Slaapt slecht.".into());
        s.set_note("gewone-dag", "Staat laat op.".into());
        s.set_note(
            "tussentijds-samenvatten",
            "Als ik het goed begrijp: u kookt graag. Klopt dat?".into(),
        );
        let stukken = stukken(&s, &d, PlanSectie::Situatie);
        let teksten: Vec<&str> = stukken.iter().map(|s| s.tekst.as_str()).collect();
        assert_eq!(
            teksten,
            [
                "Als ik het goed begrijp: u kookt graag.",
                "Slaapt slecht.",
                "Staat laat op."
            ]
        );
        assert_eq!(
            tekst(&s, &d, PlanSectie::Situatie),
            "Als ik het goed begrijp: u kookt graag.\n\nSlaapt slecht.\n\nStaat laat op."
        );
        assert!(!bewerkt(&s, PlanSectie::Situatie));
    }

    #[test]
    fn only_what_reaches_the_plan_is_scanned_for_the_client() {
        let d = data();
        let mut s = session();
        s.set_note("hoe-gaat-het", "Moeder heeft dementie.".into());
        s.set_note("welkom", "Werkaantekening.".into());
        let velden = |s: &Session| -> Vec<String> {
            in_het_plan(s, &d).iter().map(|(f, _)| f.place()).collect()
        };
        assert!(velden(&s).contains(&"notitie bij stap hoe-gaat-het".to_string()));
        assert!(
            !velden(&s).contains(&"notitie bij stap welkom".to_string()),
            "a working note"
        );
        s.plan_teksten
            .insert("situatie".into(), "U zorgt voor uw moeder.".into());
        let v = velden(&s);
        assert!(
            !v.contains(&"notitie bij stap hoe-gaat-het".to_string()),
            "{v:?}"
        );
        assert!(
            v.contains(&"tekst in het plan (situatie)".to_string()),
            "{v:?}"
        );
        let stap = d.script.step("hoe-gaat-het").unwrap().stap;
        assert_eq!(
            bestemming(&s, stap),
            "het plan heeft hier een eigen, aangepaste tekst"
        );
        let samen = d.script.step("tussentijds-samenvatten").unwrap().stap;
        s.plan_teksten.clear();
        assert_eq!(
            bestemming(&s, samen),
            "komt in het plan bij ‘Huidige situatie’"
        );
    }

    #[test]
    fn an_edited_section_is_its_text_even_when_emptied() {
        let d = data();
        let mut s = session();
        s.set_note("hoe-gaat-het", "Slaapt slecht.".into());
        s.plan_teksten.insert("situatie".into(), String::new());
        assert_eq!(tekst(&s, &d, PlanSectie::Situatie), "");
        assert!(bewerkt(&s, PlanSectie::Situatie));
        assert_eq!(by_id("situatie"), Some(PlanSectie::Situatie));
        assert_eq!(
            by_id("eigen_woorden"),
            None,
            "the client's words stay verbatim"
        );
    }
}
