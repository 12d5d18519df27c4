//! Export: the checks that stop it, the set it writes, and the logboek.

use super::*;
use crate::core::data::Source;
use crate::core::session::Afspraak;
use crate::core::tally::Gedrag;
use crate::core::vervolg::{AfspraakEvaluatie, Status};

fn bundle(root: &std::path::Path) -> Bundle {
    fn no_check(_: &Source) -> Vec<Problem> {
        Vec::new()
    }
    Bundle::load_in(Paths::portable(root), None, false, no_check, "nu")
}

fn session() -> Session {
    let mut s = Session::new(
        "20261202-093000-ab12".into(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    s.klant = "K.v.D.".into();
    s.afspraken.push(Afspraak {
        wat: "Proefdag".into(),
        wie: "klant".into(),
        wanneer: "volgende week".into(),
    });
    s
}

/// The sessions here are not complete, so the gate lets them through only as a concept;
/// what these tests check is the same for a concept and a final plan.
fn concept() -> Keuzes {
    Keuzes {
        als_concept: true,
        ..Keuzes::default()
    }
}

fn bron(b: &Bundle) -> Bron<'_> {
    Bron {
        data: &b.data,
        templates: &b.templates,
        gemeente: &b.gemeente,
    }
}

#[test]
fn a_plan_needs_a_client_and_valid_fields() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let mut s = session();
    let invalid = (Field::Startdatum, "31-2".to_string());
    assert_eq!(
        prepare(
            bron(&b),
            &s,
            &[Formaat::Md],
            Some((&invalid.0, &invalid.1)),
            Keuzes::default()
        ),
        Err(Tegenhouder::OngeldigVeld(
            "Startdatum".into(),
            "31-2".into()
        ))
    );
    s.klant = "  ".into();
    let err = prepare(bron(&b), &s, &[Formaat::Md], None, Keuzes::default()).unwrap_err();
    assert_eq!(err, Tegenhouder::GeenKlant);
    assert!(err.melding().contains("initialen"));
}

#[test]
fn a_bsn_anywhere_the_plan_prints_stops_it_until_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let mut s = session();
    s.evaluaties.push(AfspraakEvaluatie {
        afspraak: Afspraak::default(),
        status: Status::Niet,
        hielp: String::new(),
        lastig: "brief 111222333".into(),
        // Decided on, so the BSN check is what stops it.
        besluit: Some(crate::core::vervolg::Besluit::Stoppen),
        reden: "Niet meer nodig.".into(),
    });
    let Err(Tegenhouder::Bsn(text)) =
        prepare(bron(&b), &s, &[Formaat::Md], None, Keuzes::default())
    else {
        panic!("a BSN in the terugblik must stop the export");
    };
    assert!(text.contains("terugblik afspraak 1"), "{text}");
    let keuzes = Keuzes {
        bsn_toch: true,
        ..concept()
    };
    assert!(prepare(bron(&b), &s, &[Formaat::Md], None, keuzes).is_ok());
}

#[test]
fn every_format_the_session_and_a_separate_mi_report() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let mut s = session();
    s.tally
        .get_or_insert_with(Default::default)
        .add(Gedrag::OpenVraag);
    let set = prepare(bron(&b), &s, &Formaat::ALL, None, concept()).unwrap();
    let exts: Vec<&str> = set.files.iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(exts, ["md", "html", "txt", "sessie.ron", "mi-rapport.md"]);
    assert_eq!(set.stem, "2026-12-02-kvd-concept");
    for (ext, text) in &set.files[..3] {
        assert!(text.contains("Proefdag"), "{ext}");
        assert!(
            !text.contains("MITI"),
            "the tally never goes into the plan ({ext})"
        );
    }
}

#[test]
fn practice_writes_only_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let mut s = session();
    s.oefenen = true;
    assert_eq!(
        prepare(bron(&b), &s, &[Formaat::Md], None, Keuzes::default()),
        Err(Tegenhouder::NietsTeOefenen)
    );
    s.tally
        .get_or_insert_with(Default::default)
        .add(Gedrag::OpenVraag);
    let set = prepare(bron(&b), &s, &[Formaat::Md], None, concept()).unwrap();
    assert_eq!(set.files.len(), 1);
    assert!(set.stem.starts_with("oefening-"));
    assert!(set.formats.is_empty());
}

#[test]
fn write_puts_the_set_on_disk_and_notes_it_without_content() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let set = prepare(
        bron(&b),
        &session(),
        &[Formaat::Md, Formaat::Txt],
        None,
        concept(),
    )
    .unwrap();
    let written = write(&b.paths, &set).unwrap();
    assert_eq!(written.len(), 3);
    assert!(written.iter().all(|p| p.starts_with(&b.paths.output)));
    let again = write(&b.paths, &set).unwrap();
    assert_ne!(written, again, "never overwrites");
    let log = std::fs::read_to_string(b.paths.data.join("logboek.txt")).unwrap();
    assert_eq!(log.matches("plan-opgeslagen").count(), 4);
    assert!(!log.contains("K.v.D."));
}

#[test]
fn an_option_that_left_the_catalogue_keeps_its_title_in_a_plan_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = bundle(dir.path());
    let mut s = session();
    let option = b.data.catalogue.opties[0].clone();
    s.gekozen.push(option.id.clone());
    let set = prepare(bron(&b), &s, &[Formaat::Md], None, concept()).unwrap();
    let saved: Session = ron::from_str(&set.files[1].1).unwrap();
    assert_eq!(saved.titels.get(&option.id), Some(&option.titel));
    // The catalogue loses the option; the saved session is rendered again.
    b.data.catalogue.opties.remove(0);
    let again = prepare(bron(&b), &saved, &[Formaat::Md], None, concept()).unwrap();
    let plan = &again.files[0].1;
    assert!(plan.contains(&option.titel), "{plan}");
}

#[test]
fn an_incomplete_plan_is_held_by_the_gate_until_a_concept_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let s = session();
    let Err(Tegenhouder::Onaf(found)) =
        prepare(bron(&b), &s, &[Formaat::Md], None, Keuzes::default())
    else {
        panic!("an incomplete plan must be held");
    };
    assert!(found.iter().any(|f| f.contains("akkoord")), "{found:?}");
    assert_eq!(found, onaf(bron(&b), &s, &[Formaat::Md]));
    let set = prepare(bron(&b), &s, &[Formaat::Md], None, concept()).unwrap();
    assert!(set.stem.ends_with("-concept"));
    assert!(set.files[0].1.starts_with("# Plan van aanpak (concept)"));
}

#[test]
fn an_afspraak_not_kept_without_a_decision_stops_the_export_for_every_front_end() {
    let dir = tempfile::tempdir().unwrap();
    let b = bundle(dir.path());
    let mut s = session();
    s.evaluaties.push(AfspraakEvaluatie {
        afspraak: Afspraak {
            wat: "Bellen".into(),
            ..Afspraak::default()
        },
        status: Status::Deels,
        ..AfspraakEvaluatie::default()
    });
    let err = prepare(bron(&b), &s, &[Formaat::Md], None, Keuzes::default()).unwrap_err();
    assert_eq!(
        err.melding(),
        "Eerst beslissen bij de terugblik: afspraak 1 ‘Bellen’ (deels): doorgaan, aanpassen of stoppen?"
    );
    s.evaluaties[0].besluit = Some(crate::core::vervolg::Besluit::Doorgaan);
    s.evaluaties[0].reden = "Het lukt bijna.".into();
    assert!(prepare(bron(&b), &s, &[Formaat::Md], None, concept()).is_ok());
}
