//! The personal catalogue writer: add, edit, copy, hide, restore, and the refusals.

use super::*;
use crate::core::catalogue::{Begeleiding, Vorm};

fn builtin() -> crate::core::data::Data {
    crate::store::assets::load(None).unwrap()
}

fn nieuwe() -> Optie {
    Optie {
        id: "kookgroep-de-linde".into(),
        titel: "Kookgroep De Linde".into(),
        categorie: "ontmoeting".into(),
        omschrijving: "Samen koken in het buurthuis.".into(),
        uren_min: 2,
        uren_max: 4,
        begeleiding: Begeleiding::Taakgericht,
        vorm: Some(Vorm::Groep),
        laatst_gecontroleerd: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
        bron: vec!["eigen ervaring".into()],
        ..Optie::default()
    }
}

fn bewaar(o: Optie, nieuw: bool) -> Wijziging {
    Wijziging::Bewaar {
        optie: Box::new(o),
        nieuw,
    }
}

#[test]
fn a_new_option_is_added_and_reads_back_whole() {
    let d = builtin();
    let n = d.catalogue.opties.len();
    let u = wijzig(None, &bewaar(nieuwe(), true), &d.catalogue, &d.taxonomy).unwrap();
    assert_eq!(u.catalogus.opties.len(), n + 1);
    assert_eq!(u.catalogus.find("kookgroep-de-linde"), Some(&nieuwe()));
    // The written text is a personal layer of exactly one option.
    let layer: Catalogue = parse_data(BESTAND, &u.tekst).unwrap().value;
    assert_eq!(layer.opties, vec![nieuwe()]);
    assert_eq!(herkomst(&nieuwe(), &d.catalogue), Herkomst::Eigen);
}

#[test]
fn editing_an_own_option_replaces_it_in_the_file() {
    let d = builtin();
    let eerst = wijzig(None, &bewaar(nieuwe(), true), &d.catalogue, &d.taxonomy).unwrap();
    let mut anders = nieuwe();
    anders.titel = "Kookgroep De Linde (dinsdag)".into();
    let u = wijzig(
        Some(&eerst.tekst),
        &bewaar(anders.clone(), false),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    let layer: Catalogue = parse_data(BESTAND, &u.tekst).unwrap().value;
    assert_eq!(layer.opties, vec![anders]);
}

#[test]
fn an_edited_builtin_becomes_an_override_and_restoring_brings_the_original_back() {
    let d = builtin();
    let origineel = d.catalogue.opties[0].clone();
    let mut eigen = origineel.clone();
    eigen.titel = "Mijn versie".into();
    let u = wijzig(
        None,
        &bewaar(eigen.clone(), false),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    assert_eq!(u.catalogus.opties.len(), d.catalogue.opties.len());
    assert_eq!(
        u.catalogus.opties[0].titel, "Mijn versie",
        "replaced in place"
    );
    assert_eq!(
        herkomst(&u.catalogus.opties[0], &d.catalogue),
        Herkomst::Aangepast
    );
    let terug = wijzig(
        Some(&u.tekst),
        &Wijziging::Herstel(origineel.id.clone()),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    assert_eq!(terug.catalogus, d.catalogue);
    let layer: Catalogue = parse_data(BESTAND, &terug.tekst).unwrap().value;
    assert!(layer.opties.is_empty());
}

#[test]
fn hiding_a_builtin_writes_verborgen_and_hiding_an_own_option_removes_it() {
    let d = builtin();
    let id = d.catalogue.opties[1].id.clone();
    let u = wijzig(
        None,
        &Wijziging::Verberg(id.clone()),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    assert!(u.catalogus.find(&id).is_none());
    assert!(
        u.tekst
            .contains(&format!("(id: \"{id}\", verborgen: true)"))
    );
    let eigen = wijzig(
        Some(&u.tekst),
        &bewaar(nieuwe(), true),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    let weg = wijzig(
        Some(&eigen.tekst),
        &Wijziging::Verberg(nieuwe().id),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    let layer: Catalogue = parse_data(BESTAND, &weg.tekst).unwrap().value;
    assert_eq!(layer.opties.len(), 1, "only the hidden built-in stays");
    assert!(layer.opties[0].verborgen);
}

#[test]
fn unhiding_a_builtin_removes_the_verborgen_entry_and_keeps_the_own_options() {
    let d = builtin();
    let orig = d.catalogue.opties[1].clone();
    let eigen = wijzig(None, &bewaar(nieuwe(), true), &d.catalogue, &d.taxonomy).unwrap();
    let weg = wijzig(
        Some(&eigen.tekst),
        &Wijziging::Verberg(orig.id.clone()),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    assert!(weg.catalogus.find(&orig.id).is_none());
    let terug = wijzig(
        Some(&weg.tekst),
        &Wijziging::Herstel(orig.id.clone()),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap();
    // The built-in option is back in its own place, unchanged; the own option stays.
    assert_eq!(terug.catalogus.opties[1], orig);
    assert_eq!(terug.catalogus.find(&nieuwe().id), Some(&nieuwe()));
    let layer: Catalogue = parse_data(BESTAND, &terug.tekst).unwrap().value;
    assert_eq!(layer.opties, vec![nieuwe()]);
    assert!(!terug.tekst.contains(&format!("(id: \"{}\"", orig.id)));
}

#[test]
fn a_new_option_may_not_take_an_existing_id() {
    let d = builtin();
    let bestaand = d.catalogue.opties[2].clone();
    let mut o = nieuwe();
    o.id = bestaand.id.clone();
    let err = wijzig(None, &bewaar(o, true), &d.catalogue, &d.taxonomy).unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].starts_with(&format!("Er is al een optie met id `{}`", bestaand.id)));
    assert!(err[0].contains(&bestaand.titel));
}

#[test]
fn an_invalid_option_is_refused_with_the_loaders_dutch_message() {
    let d = builtin();
    let mut o = nieuwe();
    o.categorie = "ontmoetng".into();
    o.uren_min = 9;
    let err = wijzig(None, &bewaar(o, true), &d.catalogue, &d.taxonomy).unwrap_err();
    assert!(
        err.iter()
            .any(|m| m.contains("onbekende categorie `ontmoetng`") && m.contains("ontmoeting")),
        "{err:?}"
    );
    assert!(
        err.iter()
            .any(|m| m.contains("uren_min (9) is groter dan uren_max (4)"))
    );
}

#[test]
fn an_unreadable_personal_file_is_left_alone() {
    let d = builtin();
    let err = wijzig(
        Some("(opties: [ (id: \"x\""),
        &bewaar(nieuwe(), true),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap_err();
    assert!(err[0].starts_with("Uw eigen catalogus kan niet worden gelezen"));
}

#[test]
fn restoring_an_own_option_is_refused() {
    let d = builtin();
    let err = wijzig(
        None,
        &Wijziging::Herstel("bestaat-niet".into()),
        &d.catalogue,
        &d.taxonomy,
    )
    .unwrap_err();
    assert!(err[0].contains("geen ingebouwde versie"));
}
