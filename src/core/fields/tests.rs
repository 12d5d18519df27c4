//! The field list must cover every place a person types text; these tests fail when the
//! session grows a field the list does not know.

use super::*;
use crate::core::vervolg::{AfspraakEvaluatie, Status};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The keys of a serialised struct (sorted), read back from RON, so a new field shows up here
/// without anyone remembering to add it.
fn keys<T: serde::Serialize>(value: &T) -> Vec<String> {
    let text = ron::ser::to_string(value).unwrap();
    match ron::from_str::<ron::Value>(&text).unwrap() {
        ron::Value::Map(m) => m
            .keys()
            .map(|k| match k {
                ron::Value::String(s) => s.clone(),
                other => panic!("unexpected key {other:?}"),
            })
            .collect(),
        other => panic!("not a struct: {other:?}"),
    }
}

/// Fields of the session that hold typed text, and those that do not (ids, tags, dates,
/// numbers, choices). A new session field must be put in one of the two lists; when it
/// holds text it must also be in `text_fields`.
const TEXT: [&str; 11] = [
    "klant",
    "consulent",
    "plaats",
    "notities",
    "afspraken",
    "aanpak",
    "evaluaties",
    "uren_toelichting",
    "eigen",
    "gekozen_reden",
    "plan_teksten",
];
const TEXT_TOO: [&str; 1] = ["akkoord_toelichting"];
const NOT_TEXT: [&str; 21] = [
    "versie",
    "id",
    "datum",
    "leeftijd",
    "script",
    "wensen",
    "krachten",
    "belemmeringen",
    "eerder",
    "actief",
    "uren_kan",
    "gekozen",
    "uren_per_week",
    "startdatum",
    "evaluatiedatum",
    "volgend_contact",
    "akkoord",
    "huidige_stap",
    "vervolg_op",
    "plan_versie",
    "tally",
];
const NOT_TEXT_TOO: [&str; 6] = [
    "oefenen",
    "titels",
    "gemeente",
    "doet_al",
    "hoofdwens",
    "zorguren",
];

#[test]
fn every_session_field_is_classified() {
    let known: Vec<&str> = TEXT
        .iter()
        .chain(&TEXT_TOO)
        .chain(&NOT_TEXT)
        .chain(&NOT_TEXT_TOO)
        .copied()
        .collect();
    for key in keys(&Session::default()) {
        assert!(
            known.contains(&key.as_str()),
            "Session::{key} is new: add it to core::fields (text_fields, value, store) or to NOT_TEXT"
        );
    }
    assert_eq!(keys(&Afspraak::default()), ["wanneer", "wat", "wie"]);
    let eval = AfspraakEvaluatie {
        afspraak: Afspraak::default(),
        status: Status::Nagekomen,
        hielp: String::new(),
        lastig: String::new(),
        besluit: None,
        reden: String::new(),
    };
    let mut eval_keys = keys(&eval);
    eval_keys.sort();
    assert_eq!(
        eval_keys,
        ["afspraak", "besluit", "hielp", "lastig", "reden", "status"]
    );
}

/// A session with a distinct marker in every text field.
fn filled() -> Session {
    let mut s = Session {
        klant: "m-klant".into(),
        consulent: "m-consulent".into(),
        plaats: "m-plaats".into(),
        uren_toelichting: "m-uren".into(),
        akkoord_toelichting: "m-akkoord".into(),
        ..Session::default()
    };
    s.notities.insert("welzijn".into(), "m-notitie".into());
    s.aanpak.insert("fysiek".into(), "m-aanpak".into());
    s.afspraken.push(Afspraak {
        wat: "m-wat".into(),
        wie: "m-wie".into(),
        wanneer: "m-wanneer".into(),
    });
    s.eigen.push(crate::core::session::EigenActiviteit {
        titel: "m-eigen-titel".into(),
        plaats: "m-eigen-plaats".into(),
        contact: "m-eigen-contact".into(),
        uren: Some(3),
        begeleiding: "m-eigen-begeleiding".into(),
    });
    s.gekozen_reden
        .insert("optie".into(), "m-gekozen-omdat".into());
    s.evaluaties.push(AfspraakEvaluatie {
        afspraak: Afspraak::default(),
        status: Status::Deels,
        hielp: "m-hielp".into(),
        lastig: "m-lastig".into(),
        besluit: None,
        reden: "m-reden".into(),
    });
    s
}

#[test]
fn every_typed_text_is_listed_once_and_reads_back() {
    let s = filled();
    let listed = text_fields(&s);
    let ron = ron::ser::to_string(&s).unwrap();
    let markers: Vec<&str> = ron.split('"').filter(|t| t.starts_with("m-")).collect();
    assert_eq!(markers.len(), 18, "{ron}");
    for m in markers {
        let hits: Vec<_> = listed.iter().filter(|(_, t)| *t == m).collect();
        assert_eq!(hits.len(), 1, "{m} listed {} times", hits.len());
        let (field, _) = hits[0];
        assert_eq!(value(field, &s, &BTreeMap::new()), m, "{field:?}");
    }
}

#[test]
fn rewriting_reaches_every_text_including_the_terugblik() {
    let mut s = filled();
    let changed = rewrite_texts(&mut s, |_, t| Some(t.replace("m-", "x-")));
    assert_eq!(changed, 18);
    assert_eq!(s.evaluaties[0].hielp, "x-hielp");
    assert_eq!(s.evaluaties[0].reden, "x-reden");
    assert_eq!(s.evaluaties[0].lastig, "x-lastig");
    assert_eq!(s.notities["welzijn"], "x-notitie");
    assert!(text_fields(&s).iter().all(|(_, t)| t.starts_with("x-")));
}

#[test]
fn places_name_the_field_for_a_finding() {
    assert_eq!(
        Field::Note("welzijn".into()).place(),
        "notitie bij stap welzijn"
    );
    assert_eq!(Field::AfspraakWie(1).place(), "afspraak 2 (wie)");
    assert_eq!(
        Field::EvalLastig(0).place(),
        "terugblik afspraak 1 (wat zat in de weg)"
    );
}

#[test]
fn invalid_date_keeps_the_typed_text_and_the_old_value() {
    let mut s = Session::default();
    let mut invalid = BTreeMap::new();
    store(&Field::Startdatum, "1-12-2026".into(), &mut s, &mut invalid).unwrap();
    let err = store(&Field::Startdatum, "1-13-20".into(), &mut s, &mut invalid).unwrap_err();
    assert!(err.contains("1-12-2026"));
    assert_eq!(s.startdatum, Some(d(2026, 12, 1)));
    assert_eq!(value(&Field::Startdatum, &s, &invalid), "1-13-20");
    store(&Field::Startdatum, String::new(), &mut s, &mut invalid).unwrap();
    assert_eq!(s.startdatum, None);
    assert!(invalid.is_empty());
}

#[test]
fn hours_are_bounded() {
    let mut s = Session::default();
    let mut invalid = BTreeMap::new();
    store(&Field::Uren, "8".into(), &mut s, &mut invalid).unwrap();
    assert_eq!(s.uren_per_week, Some(8));
    assert!(store(&Field::Uren, "80".into(), &mut s, &mut invalid).is_err());
    assert_eq!(s.uren_per_week, Some(8));
}

#[test]
fn afspraak_fields_grow_the_list() {
    let mut s = Session::default();
    let mut invalid = BTreeMap::new();
    store(&Field::AfspraakWie(1), "klant".into(), &mut s, &mut invalid).unwrap();
    assert_eq!(s.afspraken.len(), 2);
    assert_eq!(value(&Field::AfspraakWie(1), &s, &invalid), "klant");
    assert_eq!(value(&Field::AfspraakWat(5), &s, &invalid), "");
}

#[test]
fn text_for_a_missing_terugblik_is_kept_not_dropped() {
    let mut s = Session::default();
    let mut invalid = BTreeMap::new();
    assert!(
        store(
            &Field::EvalHielp(3),
            "buurvrouw".into(),
            &mut s,
            &mut invalid
        )
        .is_err()
    );
    assert_eq!(value(&Field::EvalHielp(3), &s, &invalid), "buurvrouw");
}
