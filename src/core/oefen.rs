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
use super::tally::Tally;
use super::taxonomy::{TagKind, Taxonomy};

/// What the demo client says at one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Antwoord {
    /// Step id in the intake script.
    pub stap: String,
    /// In the client's own voice.
    pub tekst: String,
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
    #[serde(default)]
    pub tags: Tags,
    #[serde(default)]
    pub voorbeelden: Vec<Voorbeeld>,
    #[serde(default)]
    pub bron: Vec<String>,
}

impl Oefenklant {
    /// The client's answer at a step, if the file has one.
    pub fn antwoord(&self, stap: &str) -> Option<&str> {
        self.antwoorden
            .iter()
            .find(|a| a.stap == stap)
            .map(|a| a.tekst.as_str())
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

/// What a technique is for, a good phrasing and a poor one, for the trainer's help panel.
/// The good phrasings are the real ones from the research (§2); the poor ones are the
/// pitfalls it names.
pub fn techniek_uitleg(t: Techniek) -> (&'static str, &'static str, &'static str) {
    match t {
        Techniek::NeutraalInformeren => (
            "Feiten geven zonder oordeel of dreiging, en daarna de klant weer aan het woord laten.",
            "De wet vraagt om een tegenprestatie, dat kan van alles zijn, bijvoorbeeld ook sporten. Maar hoe gaat het met u?",
            "U moet iets terugdoen voor uw uitkering, anders wordt u gekort.",
        ),
        Techniek::OpenVragen => (
            "Vragen waar geen ja of nee op past, zodat de klant zelf vertelt wat belangrijk is.",
            "Wat zou u kunnen of willen?",
            "U wilt toch ook wel iets doen, of niet?",
        ),
        Techniek::Reflecteren => (
            "Teruggeven wat u hoort, en bij een complexe reflectie ook wat eronder ligt.",
            "Ik zie een twinkeling in uw ogen als u daarover praat, dan komt de onderzoeker weer boven, klopt dat?",
            "Dat valt vast wel mee.",
        ),
        Techniek::Bekrachtigen => (
            "Oprecht benoemen wat de klant al doet of durft; een stap, geen compliment in het algemeen.",
            "Een jaar geleden had u dat niet gedurfd. Dan is dat toch een succes!",
            "Goed zo, zo hoort het ook.",
        ),
        Techniek::Samenvatten => (
            "Kort bundelen wat de klant zei, met de eigen woorden, en vragen of het klopt en wat nu.",
            "U hebt een droom, u zet stapjes; welke stappen zijn nog meer nodig?",
            "Dus we spreken af dat u twintig uur gaat doen.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"(klanten: [
    (
        id: "a",
        naam: "Demo: mevrouw A (fictief)",
        leeftijd: Some(58),
        achtergrond: "Lang in de bijstand.",
        antwoorden: [
            (stap: "welkom", tekst: "Goedemiddag."),
            (stap: "bestaat-niet", tekst: "Hm."),
            (stap: "welkom", tekst: "Nog eens."),
        ],
        tags: (wensen: ["koken", "vliegen"], belemmeringen: ["fysiek"], actief: ["nergens"]),
    ),
    (
        id: "a",
        naam: "Echte Naam",
        leeftijd: None,
        achtergrond: "x",
        antwoorden: [],
    ),
])"#;

    fn script() -> Script {
        crate::core::problem::parse_ron(
            "s.ron",
            r#"(id: "intake", titel: "T", fases: [(id: "f", titel: "F", stappen: [
                (id: "welkom", titel: "W", technieken: [OpenVragen], doel: "d"),
            ])])"#,
        )
        .unwrap()
    }

    fn taxonomy() -> Taxonomy {
        crate::core::problem::parse_ron(
            "t.ron",
            r#"(wensen: [(id: "koken", label: "K", omschrijving: "o")], krachten: [],
               belemmeringen: [(id: "fysiek", label: "F", omschrijving: "o")],
               categorieen: [(id: "mantelzorg", label: "M", omschrijving: "o")])"#,
        )
        .unwrap()
    }

    #[test]
    fn problems_are_found_and_placed() {
        let src = Source::new("oefen.ron", SRC);
        let k = parse(&src).unwrap().value;
        let problems = validate(&k, &script(), &taxonomy(), &src);
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let has = |line: usize, part: &str| {
            problems
                .iter()
                .any(|p| p.line == line && p.msg.contains(part))
        };
        assert!(has(9, "onbekende stap `bestaat-niet`"), "{msgs:#?}");
        assert!(has(10, "twee antwoorden bij stap `welkom`"), "{msgs:#?}");
        assert!(has(12, "onbekende wens `vliegen`"), "{msgs:#?}");
        assert!(has(12, "onbekende categorie `nergens`"), "{msgs:#?}");
        assert!(has(15, "komt twee keer voor"), "{msgs:#?}");
        assert!(has(16, "(fictief)"), "{msgs:#?}");
        assert_eq!(problems.len(), 6, "{msgs:#?}");
    }

    #[test]
    fn answers_and_practice_session() {
        let k = parse(&Source::new("o", SRC)).unwrap().value;
        let a = &k.klanten[0];
        assert_eq!(a.antwoord("welkom"), Some("Goedemiddag."));
        assert_eq!(a.antwoord("nergens"), None);
        let s = oefensessie(
            a,
            "o1".into(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "intake",
        );
        assert!(s.oefenen);
        assert_eq!(s.tally, Some(Tally::default()));
        assert_eq!(
            (s.klant.as_str(), s.leeftijd),
            ("Demo: mevrouw A (fictief)", Some(58))
        );
        assert!(s.wensen.is_empty(), "tags are for the trainee to tick");
    }

    #[test]
    fn every_technique_has_an_explanation() {
        for t in Techniek::ALL {
            let (uitleg, goed, slecht) = techniek_uitleg(t);
            assert!(!uitleg.is_empty() && !goed.is_empty() && !slecht.is_empty());
            assert_ne!(goed, slecht);
        }
    }
}
