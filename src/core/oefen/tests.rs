//! Tests of the demo clients: problems found and placed by the validation, and the
//! answers and practice session of a client.

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
    reacties: Some((na_reflectie: "Ja.", na_gesloten: "Nee.", na_advies: "Moet dat?")),
),
(
    id: "a",
    naam: "Echte Naam",
    leeftijd: None,
    achtergrond: "x",
    antwoorden: [],
    reacties: Some((na_reflectie: "Ja.", na_gesloten: "Nee.", na_advies: " ")),
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
    assert!(has(16, "komt twee keer voor"), "{msgs:#?}");
    assert!(has(17, "(fictief)"), "{msgs:#?}");
    assert!(has(16, "`na_advies` in `reacties` is leeg"), "{msgs:#?}");
    assert_eq!(problems.len(), 7, "{msgs:#?}");
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
