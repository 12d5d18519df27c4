//! The practice: a re-integratiecoach working for clients of several gemeenten keeps
//! the practice's name, address, phone, e-mail, KvK number and a header line in an
//! optional `praktijk.ron`. The plan then says who made it and how to reach them; the
//! client must be able to see that the plan comes from a practice, not from the gemeente
//! itself. This module parses and checks the file and says who made a plan.

use serde::{Deserialize, Serialize};

use super::data::Source;
use super::gemeente::Gemeente;
use super::parse::{Parsed, parse_data};
use super::problem::Problem;

/// Longest header line accepted: it is one line above the plan's title, and a longer
/// one wraps into a paragraph nobody meant.
pub const MAX_KOP: usize = 120;

/// Longest name, address, phone or e-mail: a whole letter pasted into a field is a
/// mistake, not a name.
pub const MAX_VELD: usize = 200;

/// The practice's settings; every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Praktijk {
    /// The practice's name, as the client reads it: "Re-integratiepraktijk De Brug".
    pub naam: String,
    /// Street, number and place, on one line.
    pub adres: String,
    pub telefoon: String,
    pub email: String,
    /// Chamber of Commerce number, 8 digits.
    pub kvk: String,
    /// One line above the plan's title, like a letterhead.
    pub kop: String,
}

impl Praktijk {
    /// Parses a `praktijk.ron`, with Dutch errors pointing at a line and column and
    /// warnings for what is ignored.
    pub fn parse(source: &Source) -> Result<Parsed<Praktijk>, Problem> {
        parse_data(&source.name, &source.text)
    }

    /// Whether the file says anything: an example with every field commented out is
    /// the same as no file.
    pub fn in_gebruik(&self) -> bool {
        !self.naam.trim().is_empty()
    }
}

/// Checks the practice's settings. Every problem is placed on its field in the source.
pub fn validate(p: &Praktijk, src: &Source) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |needle: &str, msg: String| Problem::at(&src.name, &src.text, 0, needle, msg);
    let velden = [
        ("naam", &p.naam),
        ("adres", &p.adres),
        ("telefoon", &p.telefoon),
        ("email", &p.email),
        ("kvk", &p.kvk),
        ("kop", &p.kop),
    ];
    for (veld, waarde) in velden {
        if waarde.contains('\n') {
            problems.push(at(
                veld,
                format!("`{veld}` is één regel; haal de nieuwe regel (\\n) weg"),
            ));
        }
        let max = if veld == "kop" { MAX_KOP } else { MAX_VELD };
        let n = waarde.trim().chars().count();
        if n > max {
            problems.push(at(
                veld,
                format!("`{veld}` is {n} tekens lang; gebruik hooguit {max} tekens"),
            ));
        }
    }
    let ingevuld = velden[1..].iter().any(|(_, w)| !w.trim().is_empty());
    if !p.in_gebruik() && ingevuld {
        let eerste = velden[1..]
            .iter()
            .find(|(_, w)| !w.trim().is_empty())
            .map_or("naam", |(v, _)| *v);
        problems.push(at(
            eerste,
            "`naam` is leeg; het plan noemt de praktijk bij naam, vul die in (of haal de andere velden weg)"
                .into(),
        ));
    }
    let kvk = p.kvk.trim();
    if !kvk.is_empty() {
        let cijfers: String = kvk.chars().filter(|c| !c.is_whitespace()).collect();
        if cijfers.chars().count() != 8 || !cijfers.chars().all(|c| c.is_ascii_digit()) {
            problems.push(at(
                "kvk",
                format!("`kvk` is \"{kvk}\"; een KvK-nummer bestaat uit 8 cijfers"),
            ));
        }
    }
    let email = p.email.trim();
    if !email.is_empty() {
        let goed = email.split_once('@').is_some_and(|(naam, domein)| {
            !naam.is_empty() && domein.contains('.') && !domein.starts_with('.')
        }) && !email.contains(char::is_whitespace);
        if !goed {
            problems.push(at(
                "email",
                format!("`email` is \"{email}\"; dat is geen e-mailadres (zoals info@praktijk.nl)"),
            ));
        }
    }
    let telefoon = p.telefoon.trim();
    if !telefoon.is_empty() {
        let goed = telefoon
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
            && telefoon.chars().filter(char::is_ascii_digit).count() >= 3;
        if !goed {
            problems.push(at(
                "telefoon",
                format!(
                    "`telefoon` is \"{telefoon}\"; gebruik alleen cijfers, spaties, +, - en haakjes (zoals \"038 123 45 67\")"
                ),
            ));
        }
    }
    problems
}

/// Who made the plan, for the plan's template: the practice when there is one, else the
/// gemeente (its team), with how to reach them. Every field empty when neither is known.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Opsteller {
    /// True when the practice made the plan.
    pub praktijk: bool,
    /// "Re-integratiepraktijk De Brug" or "de gemeente Zwolle"; empty when unknown.
    pub wie: String,
    /// The practice's header line; empty for a gemeente.
    pub kop: String,
    pub adres: String,
    pub telefoon: String,
    pub email: String,
    pub kvk: String,
}

impl Opsteller {
    /// The practice when `praktijk.ron` names one, else the gemeente with its contact.
    pub fn new(praktijk: Option<&Praktijk>, gemeente: &Gemeente) -> Opsteller {
        let t = |s: &str| s.trim().to_string();
        match praktijk.filter(|p| p.in_gebruik()) {
            Some(p) => Opsteller {
                praktijk: true,
                wie: t(&p.naam),
                kop: t(&p.kop),
                adres: t(&p.adres),
                telefoon: t(&p.telefoon),
                email: t(&p.email),
                kvk: t(&p.kvk),
            },
            None if !gemeente.naam.trim().is_empty() => Opsteller {
                praktijk: false,
                wie: format!("de gemeente {}", gemeente.naam.trim()),
                kop: String::new(),
                adres: t(&gemeente.contact.bezoekadres),
                telefoon: t(&gemeente.contact.telefoon),
                email: t(&gemeente.contact.email),
                kvk: String::new(),
            },
            None => Opsteller::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOED: &str = r#"(
    naam: "Re-integratiepraktijk De Brug",
    adres: "Dorpsstraat 1, 8011 AA Zwolle",
    telefoon: "06 12 34 56 78",
    email: "info@debrug.nl",
    kvk: "1234 5678",
    kop: "De Brug · coaching naar meedoen",
)"#;

    fn parse(text: &str) -> (Praktijk, Vec<Problem>) {
        let src = Source::new("praktijk.ron", text);
        let p = Praktijk::parse(&src).unwrap().value;
        let problems = validate(&p, &src);
        (p, problems)
    }

    #[test]
    fn a_full_file_parses_and_is_valid() {
        let (p, problems) = parse(GOED);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.kvk, "1234 5678");
        assert!(p.in_gebruik());
        let o = Opsteller::new(Some(&p), &Gemeente::default());
        assert!(o.praktijk);
        assert_eq!(o.wie, "Re-integratiepraktijk De Brug");
        assert_eq!(o.kop, "De Brug · coaching naar meedoen");
    }

    #[test]
    fn an_empty_or_commented_file_is_no_practice() {
        let (p, problems) = parse("(\n    // naam: \"\",\n)");
        assert!(problems.is_empty());
        assert!(!p.in_gebruik());
        let g = Gemeente {
            naam: "Kampen".into(),
            contact: crate::core::gemeente::Contact {
                telefoon: "14 038".into(),
                ..Default::default()
            },
            ..Gemeente::default()
        };
        let o = Opsteller::new(Some(&p), &g);
        assert!(!o.praktijk);
        assert_eq!(o.wie, "de gemeente Kampen");
        assert_eq!(o.telefoon, "14 038");
        assert_eq!(
            Opsteller::new(None, &Gemeente::default()),
            Opsteller::default()
        );
    }

    #[test]
    fn a_misspelt_field_is_a_warning_at_its_place() {
        let text = GOED.replace("kvk:", "kvknummer:");
        let parsed = Praktijk::parse(&Source::new("praktijk.ron", text)).unwrap();
        let w: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("praktijk.ron:6:5:"), "{w:?}");
        assert!(w[0].contains("`kvknummer`"), "{w:?}");
    }

    #[test]
    fn wrong_values_are_reported_on_their_line() {
        let text = GOED
            .replace("1234 5678", "123")
            .replace("info@debrug.nl", "info at debrug")
            .replace("06 12 34 56 78", "bel maar")
            .replace("De Brug · coaching naar meedoen", &"x".repeat(130));
        let (_, problems) = parse(&text);
        let lines: Vec<_> = problems.iter().map(|p| (p.line, p.msg.as_str())).collect();
        assert_eq!(problems.len(), 4, "{lines:?}");
        assert!(lines.iter().any(|(l, m)| *l == 4 && m.contains("telefoon")));
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 5 && m.contains("e-mailadres"))
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 6 && m.contains("8 cijfers"))
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 7 && m.contains("130 tekens"))
        );
    }

    #[test]
    fn details_without_a_name_are_an_error() {
        let (_, problems) = parse("(\n    telefoon: \"038 123 45 67\",\n)");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].msg.contains("`naam` is leeg"), "{problems:?}");
    }
}
