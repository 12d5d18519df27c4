//! A B1 reading check for the plan text (research §8, *Direct Duidelijk*: short
//! sentences, common words, active voice, no jargon). Many clients read Dutch poorly and
//! they sign the plan, so the review screen marks sentences that are hard to read, each
//! with a short reason. It informs and never blocks: a consultant may have good reasons,
//! and a rule of thumb cannot judge a sentence the way a reader does.

use std::ops::Range;

use super::search::fold_char;

/// More words than this makes a sentence long (B1 guidance: about 15 or fewer; 20 leaves
/// room for a date or a name).
pub const MAX_WOORDEN: usize = 20;

/// Longer words than this (in letters) are hard for a weak reader; Dutch compounds
/// such as "vrijwilligerswerk" (17) stay under it.
pub const MAX_LETTERS: usize = 18;

/// Words and phrases of officialese or jargon a client should not have to know, with a
/// plainer word where there is one. Folded: lowercase, no accents. A trailing `*` also
/// finds longer words.
pub const JARGON: &[(&str, &str)] = &[
    ("verdringing", "betaald werk vervangen"),
    ("taakgericht*", "hulp bij het werk"),
    ("participatie*", "meedoen"),
    ("re-integratie*", "weer aan het werk"),
    ("activering", "meedoen"),
    ("ontheffing", "vrijstelling"),
    ("tegenprestatie", "iets terugdoen"),
    ("indicatie", "toestemming voor zorg"),
    ("trede", "stap"),
    ("sanctie*", "gevolg"),
    ("maatregel", "gevolg"),
    ("conform", "volgens"),
    ("middels", "met"),
    ("inzake", "over"),
    ("derhalve", "daarom"),
    ("teneinde", "om"),
    ("alsmede", "en"),
    ("dienen te", "moeten"),
    ("ten behoeve van", "voor"),
    ("in het kader van", "bij"),
    ("doelgroep", ""),
    ("traject", "plan"),
    ("interventie", ""),
];

/// Auxiliaries of the passive voice ("wordt … gekeken", "werden … geregeld").
const PASSIEF: [&str; 4] = ["wordt", "worden", "werd", "werden"];

/// A hard sentence: where it is in the text, the sentence, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moeilijk {
    pub range: Range<usize>,
    pub zin: String,
    pub redenen: Vec<String>,
}

/// Marks the hard sentences of `text`. Markdown markers at the start of a line (`#`,
/// `-`, `>`, `1.`) and `**` are not counted as words.
pub fn controleer(text: &str) -> Vec<Moeilijk> {
    zinnen(text)
        .into_iter()
        .filter_map(|range| {
            let zin = &text[range.clone()];
            let redenen = redenen(zin);
            (!redenen.is_empty()).then(|| Moeilijk {
                zin: zin.trim().to_string(),
                range,
                redenen,
            })
        })
        .collect()
}

/// Why a sentence is hard; empty when it is not.
pub fn redenen(zin: &str) -> Vec<String> {
    let woorden = woorden(zin);
    let folded: Vec<String> = woorden
        .iter()
        .map(|w| w.chars().map(fold_char).collect())
        .collect();
    let mut out = Vec::new();
    if woorden.len() > MAX_WOORDEN {
        out.push(format!("lange zin ({} woorden)", woorden.len()));
    }
    for w in &woorden {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters > MAX_LETTERS && !w.contains(['@', '/']) {
            out.push(format!("lang woord ‘{w}’"));
        }
    }
    for (term, beter) in JARGON {
        if let Some(i) = vind(&folded, term) {
            let n = term.split(' ').count();
            let gevonden = woorden[i..i + n].join(" ");
            // Explained right after, in brackets: "een indicatie (toestemming …)".
            let binnen_haakjes = zin.find(&gevonden).is_some_and(|p| {
                let voor = &zin[..p];
                voor.rfind('(') > voor.rfind(')')
            });
            if binnen_haakjes || zin.contains(&format!("{gevonden} (")) {
                continue;
            }
            out.push(if beter.is_empty() {
                format!("vakwoord ‘{gevonden}’")
            } else {
                format!("vakwoord ‘{gevonden}’ (eenvoudiger: {beter})")
            });
        }
    }
    if let Some((hulp, deelwoord)) = passief(&woorden, &folded) {
        out.push(format!("lijdende vorm (‘{hulp} … {deelwoord}’)"));
    }
    out
}

/// Byte ranges of the sentences: split after `.`, `!`, `?` or `:` followed by a space,
/// and at every line break (a list item or heading is a sentence of its own).
fn zinnen(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | ':'
                if bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                    && !afkorting(&text[start..i]) =>
            {
                Some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = end {
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = if c == '\n' { i + 1 } else { end };
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Whether the text before a full stop ends in an abbreviation or initials ("ca", "A.B"),
/// so the stop does not end the sentence.
fn afkorting(voor: &str) -> bool {
    let last = voor.rsplit(char::is_whitespace).next().unwrap_or("");
    let folded: String = last.chars().map(fold_char).collect();
    matches!(
        folded.as_str(),
        "ca" | "bijv" | "o.a" | "d.w.z" | "evt" | "nr" | "dhr" | "mevr" | "mw"
    ) || (last.chars().count() <= 4 && last.contains('.') && last.chars().any(char::is_uppercase))
        || last.chars().count() == 1 && last.chars().all(char::is_uppercase)
}

/// The words of a sentence, without Markdown markers and punctuation around them.
fn woorden(zin: &str) -> Vec<String> {
    zin.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@')
                .to_string()
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Index of the first word where `term` (maybe several words, maybe ending in `*`)
/// starts.
fn vind(folded: &[String], term: &str) -> Option<usize> {
    let (term, prefix) = match term.strip_suffix('*') {
        Some(t) => (t, true),
        None => (term, false),
    };
    let parts: Vec<&str> = term.split(' ').collect();
    (0..folded.len()).find(|&i| {
        i + parts.len() <= folded.len()
            && parts.iter().enumerate().all(|(k, p)| {
                let w = folded[i + k].as_str();
                if prefix && k == parts.len() - 1 {
                    w.starts_with(p)
                } else {
                    w == *p
                }
            })
    })
}

/// An auxiliary of the passive followed later in the sentence by a past participle
/// (`ge…d`, `ge…t`, `ge…en`, or `…ge…` after a separable prefix: "opgevraagd").
fn passief<'a>(woorden: &'a [String], folded: &[String]) -> Option<(&'a str, &'a str)> {
    let hulp = folded.iter().position(|w| PASSIEF.contains(&w.as_str()))?;
    folded[hulp + 1..]
        .iter()
        .position(|w| deelwoord(w))
        .map(|k| (woorden[hulp].as_str(), woorden[hulp + 1 + k].as_str()))
}

fn deelwoord(w: &str) -> bool {
    let n = w.chars().count();
    let ge = w.starts_with("ge")
        || [
            "op", "af", "in", "uit", "mee", "aan", "door", "terug", "vast", "na",
        ]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with("ge")));
    n >= 5 && ge && (w.ends_with('d') || w.ends_with('t') || w.ends_with("en"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<Vec<String>> {
        controleer(text).into_iter().map(|m| m.redenen).collect()
    }

    #[test]
    fn short_plain_active_sentences_pass() {
        for t in [
            "U gaat koken in het buurtrestaurant.",
            "We beginnen met 4 uur per week. Na de evaluatie kijken we of meer kan.",
            "Lukt een afspraak niet? Laat het dan zo snel mogelijk weten.",
            "- **Wat u gaat doen:** Koken in een buurtrestaurant",
            "Uw zorg voor een ander telt mee.",
            "",
        ] {
            assert!(controleer(t).is_empty(), "{t:?}: {:?}", controleer(t));
        }
    }

    #[test]
    fn a_long_sentence_is_marked_with_its_length() {
        let t = "U gaat samen met de begeleider van de organisatie op dinsdag en donderdag in de keuken van het buurthuis aan de slag met het eten voor de buurt.";
        assert_eq!(reasons(t), [vec!["lange zin (28 woorden)".to_string()]]);
    }

    #[test]
    fn long_words_and_jargon_get_their_own_reason() {
        assert_eq!(
            reasons("Er is een arbeidsmatigedagbestedingsplek gevonden."),
            [vec![
                "lang woord ‘arbeidsmatigedagbestedingsplek’".to_string()
            ]]
        );
        assert_eq!(
            reasons("Het risico op verdringing is laag."),
            [vec![
                "vakwoord ‘verdringing’ (eenvoudiger: betaald werk vervangen)".to_string()
            ]]
        );
        assert_eq!(
            reasons("U krijgt taakgerichte begeleiding."),
            [vec![
                "vakwoord ‘taakgerichte’ (eenvoudiger: hulp bij het werk)".to_string()
            ]]
        );
        assert_eq!(
            reasons("Dit telt ten behoeve van uw uitkering."),
            [vec![
                "vakwoord ‘ten behoeve van’ (eenvoudiger: voor)".to_string()
            ]]
        );
    }

    #[test]
    fn the_passive_voice_is_marked() {
        assert_eq!(
            reasons("Uw uren worden door de consulent vastgelegd."),
            [vec!["lijdende vorm (‘worden … vastgelegd’)".to_string()]]
        );
        assert_eq!(
            reasons("Er wordt gekeken naar uw gezondheid."),
            [vec!["lijdende vorm (‘wordt … gekeken’)".to_string()]]
        );
        // Jargon explained in brackets is fine.
        assert!(controleer("Vaak is toestemming nodig (een indicatie).").is_empty());
        // Not a passive: "worden" as a main verb.
        assert!(controleer("U kunt vrijwilliger worden.").is_empty());
    }

    #[test]
    fn sentences_split_at_stops_and_lines_but_not_at_initials() {
        let t = "Mevrouw A.B. zorgt ca. 12 uur per week.\nDat is veel! Klopt dat?";
        let m: Vec<_> = zinnen(t)
            .into_iter()
            .map(|r| t[r].trim().to_string())
            .collect();
        assert_eq!(
            m,
            [
                "Mevrouw A.B. zorgt ca. 12 uur per week.",
                "Dat is veel!",
                "Klopt dat?"
            ]
        );
    }

    #[test]
    fn a_one_megabyte_note_is_checked_without_trouble() {
        let t = "Dit is een zin. ".repeat(65_536);
        assert!(controleer(&t).is_empty());
        let t = "woord ".repeat(200_000);
        assert_eq!(controleer(&t).len(), 1);
    }
}
