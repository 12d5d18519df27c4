//! Tests of the export gate: a complete session passes, and each check finds exactly
//! the one thing it is about.
use chrono::NaiveDate;

use super::*;
use crate::core::matching::{Matcher, Profiel};
use crate::core::session::Afspraak;
use crate::core::vervolg::{AfspraakEvaluatie, VorigPlan};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn data() -> Data {
    crate::store::assets::load(None).expect("embedded data is valid")
}

/// A session with everything the gate asks for.
fn complete(data: &Data) -> Session {
    let mut s = Session::new("x".into(), d(2026, 11, 23), &data.script.id);
    s.klant = "AB".into();
    s.wensen.push(data.taxonomy.wensen[0].id.clone());
    s.gekozen.push(data.catalogue.opties[0].id.clone());
    s.afspraken.push(Afspraak {
        wat: "Kennismaken bij de moestuin".into(),
        wie: "klant".into(),
        wanneer: "vóór 1 december".into(),
    });
    s.uren_per_week = Some(4);
    s.uren_toelichting = "Twee ochtenden, daarna kijken.".into();
    s.startdatum = Some(d(2026, 12, 1));
    s.evaluatiedatum = Some(d(2027, 3, 1));
    s.volgend_contact = Some(d(2026, 12, 14));
    s.akkoord = Akkoord::Ja;
    s
}

fn run(s: &Session, data: &Data) -> Vec<Soort> {
    let sugg = Matcher::new(&data.catalogue, &data.taxonomy).suggest(&Profiel::from(s));
    check(s, data, &Gemeente::default(), &sugg)
        .into_iter()
        .map(|b| b.soort)
        .collect()
}

#[test]
fn a_complete_session_passes() {
    let data = data();
    assert_eq!(run(&complete(&data), &data), Vec::<Soort>::new());
}

#[test]
fn an_empty_session_lists_every_missing_part() {
    let data = data();
    let s = Session::new("x".into(), d(2026, 11, 23), &data.script.id);
    let found = run(&s, &data);
    for soort in [
        Soort::GeenAfspraak,
        Soort::GeenActiviteit,
        Soort::AkkoordNietBesproken,
        Soort::GeenUren,
        Soort::GeenDatum,
    ] {
        assert!(found.contains(&soort), "{soort:?} in {found:?}");
    }
}

#[test]
fn an_afspraak_without_who_or_when_is_named() {
    let data = data();
    let mut s = complete(&data);
    s.afspraken[0].wie.clear();
    s.afspraken[0].wanneer = " ".into();
    let sugg = Suggesties::default();
    let found = check(&s, &data, &Gemeente::default(), &sugg);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].soort, Soort::AfspraakOnvolledig);
    assert_eq!(found[0].tekst, "Afspraak 1: wie en wanneer ontbreekt.");
}

#[test]
fn akkoord_not_discussed_uses_the_municipalitys_word() {
    let data = data();
    let mut s = complete(&data);
    s.akkoord = Akkoord::Onbekend;
    let g = Gemeente {
        klant_label: "bewoner".into(),
        ..Gemeente::default()
    };
    let found = check(&s, &data, &g, &Suggesties::default());
    assert_eq!(found.len(), 1);
    assert!(
        found[0].tekst.contains("de bewoner akkoord"),
        "{}",
        found[0].tekst
    );
    // "nee" is an answer: discussed.
    s.akkoord = Akkoord::Nee;
    assert!(run(&s, &data).is_empty());
}

#[test]
fn hours_need_a_reason() {
    let data = data();
    let mut s = complete(&data);
    s.uren_toelichting = "  ".into();
    assert_eq!(run(&s, &data), vec![Soort::GeenUrenReden]);
    s.uren_per_week = None;
    assert_eq!(run(&s, &data), vec![Soort::GeenUren]);
}

#[test]
fn dates_before_the_gesprek_are_found_each_by_name() {
    let data = data();
    let mut s = complete(&data);
    s.volgend_contact = Some(d(2026, 11, 11));
    let found = check(&s, &data, &Gemeente::default(), &Suggesties::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].soort, Soort::DatumVoorGesprek);
    assert_eq!(
        found[0].tekst,
        "Volgend contact (11 november 2026) ligt vóór het gesprek van 23 november 2026."
    );
    // The gesprek's own day is fine.
    s.volgend_contact = Some(s.datum);
    assert!(run(&s, &data).is_empty());
    s.startdatum = Some(d(2026, 1, 1));
    assert_eq!(run(&s, &data), vec![Soort::DatumVoorGesprek]);
}

#[test]
fn an_evaluation_before_the_start_is_found() {
    let data = data();
    let mut s = complete(&data);
    s.startdatum = Some(d(2027, 4, 1));
    assert_eq!(run(&s, &data), vec![Soort::EvaluatieVoorStart]);
}

#[test]
fn a_missing_evaluation_or_contact_date_is_found() {
    let data = data();
    let mut s = complete(&data);
    s.evaluatiedatum = None;
    assert_eq!(run(&s, &data), vec![Soort::GeenDatum]);
    // No start date is allowed: not every plan starts on a known day.
    let mut s = complete(&data);
    s.startdatum = None;
    assert!(run(&s, &data).is_empty());
}

#[test]
fn a_later_version_dated_earlier_is_found() {
    let data = data();
    let mut s = complete(&data);
    s.plan_versie = 3;
    s.vervolg_op = Some(VorigPlan {
        id: "v2".into(),
        datum: d(2026, 12, 5),
        versie: 2,
        gekozen: Vec::new(),
    });
    let found = check(&s, &data, &Gemeente::default(), &Suggesties::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].soort, Soort::VersieEerderGedateerd);
    assert!(found[0].tekst.contains("versie 3"), "{}", found[0].tekst);
    s.vervolg_op.as_mut().unwrap().datum = d(2026, 10, 1);
    assert!(run(&s, &data).is_empty());
}

#[test]
fn an_excluded_option_needs_a_reason_in_the_notes() {
    let data = data();
    let mut s = complete(&data);
    s.belemmeringen.push("fysiek".into());
    let sugg = Matcher::new(&data.catalogue, &data.taxonomy).suggest(&Profiel::from(&s));
    let excluded = sugg.uitgesloten.first().expect("fysiek excludes something");
    s.gekozen = vec![excluded.id.to_string()];
    let found = check(&s, &data, &Gemeente::default(), &sugg);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].soort, Soort::UitgeslotenZonderReden);
    let keuze = data
        .script
        .steps()
        .find(|st| st.stap.soort == StapSoort::Suggesties)
        .unwrap()
        .stap
        .id
        .clone();
    s.set_note(
        &keuze,
        "Ze wil het toch proberen, met de begeleider erbij.".into(),
    );
    assert!(check(&s, &data, &Gemeente::default(), &sugg).is_empty());
}

#[test]
fn an_open_terugblik_is_found() {
    let data = data();
    let mut s = complete(&data);
    s.evaluaties.push(AfspraakEvaluatie::default());
    assert_eq!(run(&s, &data), vec![Soort::TerugblikOpen]);
}

#[test]
fn a_rendered_plan_that_says_not_discussed_is_a_finding() {
    assert!(check_rendered("## Situatie\n\nNog niet besproken.\n").is_some());
    assert!(check_rendered("Akkoord: nog niet besproken").is_some());
    assert!(check_rendered("U gaat akkoord met dit plan.").is_none());
}
