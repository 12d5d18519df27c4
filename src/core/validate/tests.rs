//! Tests for the cross-reference checks: each builds a small file, validates it and
//! asserts the message and the exact line and column the user is sent to.

use super::*;
use crate::core::problem::parse_ron;

const TAXONOMY: &str = r#"(
    wensen: [
        (id: "koken", label: "Koken", omschrijving: "Koken.", bron: ["003:L430"]),
    ],
    krachten: [],
    belemmeringen: [
        (id: "fysiek", label: "Lichamelijke klachten", omschrijving: "Pijn."),
        (id: "mantelzorg", label: "Mantelzorg", omschrijving: "Zorgt voor iemand."),
    ],
    categorieen: [
        (id: "mantelzorg", label: "Mantelzorg", omschrijving: "Zorg.", bron: ["mantelzorg"]),
    ],
)"#;

fn tax() -> Taxonomy {
    parse_ron("taxonomie.ron", TAXONOMY).unwrap()
}

// The fixtures stand in for the embedded data, which must cite the research in `bron`;
// a user's own file is checked in `bron_is_free_text_in_a_users_own_file`.
fn check_taxonomy(text: &str) -> Vec<Problem> {
    let src = Source::embedded("taxonomie.ron", text);
    taxonomy(&parse_ron(&src.name, &src.text).unwrap(), &src)
}

fn check_catalogue(text: &str) -> Vec<Problem> {
    let src = Source::embedded("catalogus.ron", text);
    let cat: Catalogue = parse_ron(&src.name, &src.text).unwrap();
    catalogue(&cat, &tax(), &src)
}

fn check_script(text: &str) -> Vec<Problem> {
    let src = Source::embedded("script.ron", text);
    let s: Script = parse_ron(&src.name, &src.text).unwrap();
    script(&s, &tax(), &src)
}

/// A catalogue with one option whose extra fields are `extra` (one per line).
fn one_option(extra: &str) -> String {
    format!(
        "(opties: [\n    (\n        id: \"o\",\n        titel: \"O\",\n        categorie: \"mantelzorg\",\n        omschrijving: \"Iets.\",\n        uren_min: 1,\n        uren_max: 4,\n        begeleiding: geen,\n{extra}\n    ),\n])"
    )
}

fn only(problems: Vec<Problem>) -> Problem {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn place(p: &Problem) -> (usize, usize) {
    (p.line, p.col)
}

#[test]
fn a_valid_catalogue_has_no_problems() {
    assert!(check_catalogue(&one_option("        bron: [\"003:L586–594\"],")).is_empty());
}

#[test]
fn taxonomy_bron_is_checked_in_the_right_list() {
    // `mantelzorg` is both a belemmering and a category: the problem must point at the
    // category's line, not the belemmering's.
    let p = only(check_taxonomy(TAXONOMY));
    assert_eq!(place(&p), (11, 79));
    assert!(
        p.msg.contains("categorie `mantelzorg`: bron `mantelzorg`"),
        "{}",
        p.msg
    );
}

#[test]
fn too_many_hours() {
    let text = one_option("").replace("uren_max: 4", "uren_max: 45");
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (8, 9));
    assert_eq!(
        p.msg,
        "optie `o`: uren_max (45) is meer dan 40 uur per week"
    );
}

#[test]
fn trede_outside_the_ladder() {
    let p = only(check_catalogue(&one_option("        trede: 7,")));
    assert_eq!(place(&p), (10, 9));
    assert!(p.msg.contains("trede 7 bestaat niet"), "{}", p.msg);
}

#[test]
fn leeftijd_min_above_max() {
    let text = one_option("        leeftijd_min: Some(30),\n        leeftijd_max: Some(20),");
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (10, 9));
    assert_eq!(
        p.msg,
        "optie `o`: leeftijd_min (30) is groter dan leeftijd_max (20)"
    );
}

#[test]
fn empty_omschrijving() {
    let text = one_option("").replace("\"Iets.\"", "\" \"");
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (6, 9));
    assert_eq!(p.msg, "optie `o` heeft geen omschrijving");
}

#[test]
fn werkt_aan_and_ongeschikt_bij_the_same_belemmering() {
    let text = one_option(
        "        werkt_aan: [\"fysiek\"],\n        ongeschikt_bij: [(belemmering: \"fysiek\", reden: \"tillen\")],",
    );
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (11, 40));
    assert!(
        p.msg
            .contains("werkt aan `fysiek` en is er ook ongeschikt bij"),
        "{}",
        p.msg
    );
}

#[test]
fn bij_without_reden() {
    let text = one_option(
        "        ongeschikt_bij: [(belemmering: \"fysiek\", reden: \"tillen\")],\n        let_op_bij: [(belemmering: \"fysiek\", reden: \"\")],",
    );
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (11, 46));
    assert!(
        p.msg.contains("let_op_bij `fysiek` heeft geen reden"),
        "{}",
        p.msg
    );
}

#[test]
fn bron_of_the_wrong_form() {
    let text = one_option("        bron: [\"003:L586\", \"rapport p. 12\"],");
    let p = only(check_catalogue(&text));
    assert_eq!(place(&p), (10, 28));
    assert!(
        p.msg
            .contains("bron `rapport p. 12` heeft niet de vorm `NNN:L…`"),
        "{}",
        p.msg
    );
}

#[test]
fn unknown_ids_and_min_above_max_still_work() {
    let text = one_option("        wensen: [\"zeilen\"],").replace("uren_min: 1", "uren_min: 9");
    let ps = check_catalogue(&text);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert_eq!(
        (place(&ps[0]), ps[0].msg.as_str()),
        ((7, 9), "optie `o`: uren_min (9) is groter dan uren_max (4)")
    );
    assert_eq!(
        (place(&ps[1]), ps[1].msg.as_str()),
        ((10, 18), "optie `o`: onbekende wens `zeilen`")
    );
}

const SCRIPT: &str = r#"(
    id: "s",
    titel: "S",
    fases: [(id: "f", titel: "F", stappen: [
        (id: "a", titel: "A", technieken: [OpenVragen], doel: "D", soort: Suggesties),
        (id: "b", titel: "B", technieken: [OpenVragen], doel: "D", soort: Afspraken),
        (id: "c", titel: "C", technieken: [OpenVragen], doel: "D",
            voorbeeldzinnen: ["Hoe gaat het?", "", "Wat wilt u?"]),
        (id: "d", titel: "D", technieken: [Samenvatten], doel: "D", soort: Suggesties, bron: ["L12"]),
    ])],
)"#;

#[test]
fn script_problems_are_placed() {
    let ps = check_script(SCRIPT);
    assert_eq!(ps.len(), 3, "{ps:#?}");
    assert_eq!(place(&ps[0]), (8, 48));
    assert_eq!(ps[0].msg, "stap `c` heeft een lege voorbeeldzin");
    assert_eq!(place(&ps[1]), (9, 76));
    assert!(
        ps[1].msg.contains("al een stap met `soort: Suggesties`"),
        "{}",
        ps[1].msg
    );
    assert_eq!(place(&ps[2]), (9, 95));
    assert!(ps[2].msg.contains("bron `L12`"), "{}", ps[2].msg);
}

#[test]
fn a_second_evaluatie_step_is_reported() {
    let text = SCRIPT
        .replace("soort: Suggesties, bron: [\"L12\"]", "soort: Evaluatie")
        .replace(
            "doel: \"D\",\n            voorbeeldzinnen",
            "doel: \"D\", soort: Evaluatie,\n            voorbeeldzinnen",
        )
        .replace("\"\", ", "");
    let p = only(check_script(&text));
    assert_eq!(place(&p), (9, 76));
    assert!(
        p.msg.contains("al een stap met `soort: Evaluatie`"),
        "{}",
        p.msg
    );
}

#[test]
fn one_suggesties_and_one_afspraken_step_is_fine() {
    let text = SCRIPT
        .replace("soort: Suggesties, bron: [\"L12\"]", "soort: Gesprek")
        .replace("\"\", ", "");
    assert!(check_script(&text).is_empty(), "{:#?}", check_script(&text));
}

#[test]
fn embedded_data_passes_the_checks() {
    let s = crate::store::assets::embedded();
    let data = crate::core::data::Data::parse(&s);
    assert!(data.is_ok(), "{:#?}", data.err());
}

#[test]
fn bron_is_free_text_in_a_users_own_file() {
    let text = one_option("        bron: [\"beleidsregels 2025, artikel 4\"],");
    let src = Source::new("catalogus.ron", text.as_str());
    let cat: Catalogue = parse_ron(&src.name, &src.text).unwrap();
    assert_eq!(catalogue(&cat, &tax(), &src), Vec::new());
    let one: Catalogue = parse_ron(
        "catalogus.ron",
        &one_option("        bron: \"website van de gemeente\","),
    )
    .unwrap();
    assert_eq!(one.opties[0].bron, ["website van de gemeente"]);
}

#[test]
fn a_duplicate_id_on_a_line_starting_with_an_invisible_character_does_not_panic() {
    // U+200E (left-to-right mark) comes along when text is copied from a web page.
    let text = "(\n    wensen: [\n\u{200e}(id: \"koken\", label: \"K\", omschrijving: \"o\"),\n\u{200e}(id: \"koken\", label: \"K\", omschrijving: \"o\"),\n    ],\n    krachten: [],\n    belemmeringen: [],\n    categorieen: [],\n)";
    let p = only(check_taxonomy(text));
    assert_eq!(place(&p), (4, 7), "{p}");
    assert!(p.msg.contains("`koken` komt twee keer voor"), "{p}");
}

#[test]
fn unknown_ids_suggest_the_closest_known_one() {
    let p = only(check_catalogue(&one_option("        wensen: [\"kokne\"],")));
    assert!(
        p.msg.contains("onbekende wens `kokne`; bedoelt u `koken`?"),
        "{p}"
    );
    let p = only(check_catalogue(&one_option(
        "        werkt_aan: [\"fysiek2\"],",
    )));
    assert!(p.msg.contains("bedoelt u `fysiek`?"), "{p}");
    let text = one_option("").replace("\"mantelzorg\"", "\"mantelzrg\"");
    let p = only(check_catalogue(&text));
    assert!(p.msg.contains("bedoelt u `mantelzorg`?"), "{p}");
}

#[test]
fn a_condition_that_can_never_hold_is_reported() {
    use crate::core::script::Conditie::{self, *};
    let b = |id: &str| Belemmering(id.to_string());
    assert!(never_holds(&AlleVan(vec![
        b("crisis"),
        Niet(Box::new(b("crisis")))
    ])));
    assert!(never_holds(&EenVan(vec![])));
    assert!(never_holds(&Niet(Box::new(AlleVan(vec![])))));
    assert!(!never_holds(&b("crisis")));
    assert!(!never_holds(&EenVan(vec![
        b("mantelzorg"),
        b("kinderzorg")
    ])));
    assert!(!never_holds(&Niet(Box::new(b("crisis")))));
    let c: Conditie = AlleVan(vec![b("crisis"), Wens("koken".into())]);
    assert!(!never_holds(&c));

    let data = crate::store::assets::load(None).unwrap();
    let text = crate::store::assets::DEFAULT_SCRIPT.replacen(
        "toon_als: Some(Belemmering(\"crisis\"))",
        "toon_als: Some(AlleVan([Belemmering(\"crisis\"), Niet(Belemmering(\"crisis\"))]))",
        1,
    );
    assert_ne!(text, crate::store::assets::DEFAULT_SCRIPT);
    let src = Source::new("script.ron", text);
    let parsed: crate::core::script::Script =
        crate::core::problem::parse_ron(&src.name, &src.text).unwrap();
    let problems = script(&parsed, &data.taxonomy, &src);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].msg.contains("nooit getoond"), "{}", problems[0]);
    assert!(problems[0].line > 1);
}
