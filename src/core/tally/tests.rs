//! Unit tests for the MI tally: counting, the score arithmetic at zero denominators and
//! exact thresholds, and the trainer report.

use super::*;
use chrono::NaiveDate;

fn tally(pairs: &[(Gedrag, u32)]) -> Tally {
    let mut t = Tally::default();
    for &(g, n) in pairs {
        for _ in 0..n {
            t.add(g);
        }
    }
    t
}

#[test]
fn keys_are_distinct_digits_and_round_trip() {
    let keys: Vec<char> = Gedrag::ALL.iter().map(|g| g.toets()).collect();
    assert_eq!(keys, ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for g in Gedrag::ALL {
        assert_eq!(Gedrag::from_toets(g.toets()), Some(g));
    }
    assert_eq!(Gedrag::from_toets('0'), None);
}

#[test]
fn only_persuading_and_confronting_are_mi_inconsistent() {
    let bad: Vec<Gedrag> = Gedrag::ALL
        .into_iter()
        .filter(|g| g.mi_inconsistent())
        .collect();
    assert_eq!(
        bad,
        [Gedrag::OvertuigenZonderToestemming, Gedrag::Confronteren]
    );
}

#[test]
fn undo_never_goes_below_zero() {
    let mut t = Tally::default();
    t.undo(Gedrag::OpenVraag);
    assert_eq!(t.count(Gedrag::OpenVraag), 0);
    t.add(Gedrag::OpenVraag);
    t.undo(Gedrag::OpenVraag);
    t.undo(Gedrag::OpenVraag);
    assert_eq!(t, Tally::default());
}

#[test]
fn undo_drops_the_latest_log_entry_of_that_behaviour() {
    let mut t = Tally::default();
    t.add_bij("a", Gedrag::OpenVraag);
    t.add_bij("b", Gedrag::Bekrachtigen);
    t.add_bij("c", Gedrag::OpenVraag);
    t.undo(Gedrag::OpenVraag);
    assert_eq!(
        t.log,
        [
            ("a".to_string(), Gedrag::OpenVraag),
            ("b".to_string(), Gedrag::Bekrachtigen)
        ]
    );
    let per: Vec<&str> = t.per_stap().iter().map(|(s, _)| *s).collect();
    assert_eq!(per, ["a", "b"]);
}

#[test]
fn zero_denominators_give_none() {
    let t = Tally::default();
    assert_eq!((t.rq(), t.pct_cr(), t.pct_open()), (None, None, None));
    assert!(t.scores().iter().all(|s| s.niveau.is_none()));
    // Summaries alone: reflections but no questions and no simple/complex split.
    let t = tally(&[(Gedrag::Samenvatten, 2)]);
    assert_eq!((t.rq(), t.pct_cr()), (None, None));
    // Reflections without questions: R:Q undefined, %CR defined.
    let t = tally(&[(Gedrag::ReflectieComplex, 1)]);
    assert_eq!((t.rq(), t.pct_cr()), (None, Some(100.0)));
}

#[test]
fn summaries_count_as_reflections_in_rq_but_not_in_cr() {
    let t = tally(&[
        (Gedrag::OpenVraag, 2),
        (Gedrag::ReflectieEenvoudig, 1),
        (Gedrag::ReflectieComplex, 1),
        (Gedrag::Samenvatten, 2),
    ]);
    assert_eq!(t.rq(), Some(2.0));
    assert_eq!(t.pct_cr(), Some(50.0));
}

#[test]
fn exact_boundaries_reach_the_level() {
    // R:Q exactly 1:1 and 2:1.
    let t = tally(&[(Gedrag::OpenVraag, 3), (Gedrag::ReflectieEenvoudig, 3)]);
    assert_eq!(t.rq(), Some(1.0));
    assert_eq!(t.scores()[0].niveau, Some(Niveau::Redelijk));
    let t = tally(&[(Gedrag::GeslotenVraag, 3), (Gedrag::ReflectieEenvoudig, 6)]);
    assert_eq!(t.scores()[0].niveau, Some(Niveau::Goed));
    // %CR exactly 40 % (2 of 5) and 50 % (3 of 6).
    let t = tally(&[
        (Gedrag::ReflectieComplex, 2),
        (Gedrag::ReflectieEenvoudig, 3),
    ]);
    assert_eq!(t.pct_cr(), Some(40.0));
    assert_eq!(t.scores()[1].niveau, Some(Niveau::Redelijk));
    let t = tally(&[
        (Gedrag::ReflectieComplex, 3),
        (Gedrag::ReflectieEenvoudig, 3),
    ]);
    assert_eq!(t.scores()[1].niveau, Some(Niveau::Goed));
    // % open exactly 50 % and 70 %, and just below.
    let t = tally(&[(Gedrag::OpenVraag, 7), (Gedrag::GeslotenVraag, 3)]);
    assert_eq!(t.pct_open(), Some(70.0));
    assert_eq!(t.scores()[2].niveau, Some(Niveau::Goed));
    let t = tally(&[(Gedrag::OpenVraag, 1), (Gedrag::GeslotenVraag, 1)]);
    assert_eq!(t.scores()[2].niveau, Some(Niveau::Redelijk));
    let t = tally(&[(Gedrag::OpenVraag, 69), (Gedrag::GeslotenVraag, 31)]);
    assert_eq!(t.scores()[2].niveau, Some(Niveau::Redelijk));
    let t = tally(&[(Gedrag::OpenVraag, 49), (Gedrag::GeslotenVraag, 51)]);
    assert_eq!(t.scores()[2].niveau, Some(Niveau::Onder));
}

#[test]
fn beoordeling_uses_at_or_above() {
    assert_eq!(beoordeling(0.99, 1.0, 2.0), Niveau::Onder);
    assert_eq!(beoordeling(1.0, 1.0, 2.0), Niveau::Redelijk);
    assert_eq!(beoordeling(1.99, 1.0, 2.0), Niveau::Redelijk);
    assert_eq!(beoordeling(2.0, 1.0, 2.0), Niveau::Goed);
}

#[test]
fn values_are_formatted_dutch_style() {
    assert_eq!(Maat::Rq.format(1.5), "1,5 : 1");
    assert_eq!(Maat::PctCr.format(40.0), "40 %");
    assert_eq!(Maat::PctOpen.format(66.666), "67 %");
}

#[test]
fn report_shows_counts_scores_thresholds_and_time() {
    let mut t = tally(&[(Gedrag::OpenVraag, 2), (Gedrag::GeslotenVraag, 2)]);
    t.add_bij("welkom", Gedrag::Confronteren);
    let meta = ReportMeta {
        klant: "Demo: meneer | Test".into(),
        datum: NaiveDate::from_ymd_opt(2026, 11, 23),
        script_titel: "Kennismakingsgesprek".into(),
        tijd_per_stap: vec![("Welkom".into(), 95), ("Afsluiten".into(), 30)],
        stap_titels: vec![("welkom".into(), "Welkom".into())],
        oefenen: true,
    };
    let r = report_markdown(&t, &meta);
    assert!(r.contains("Oefengesprek (fictieve klant): Demo: meneer | Test"));
    assert!(r.contains("23 november 2026"));
    assert!(r.contains("| Open vraag | 2 |"));
    assert!(r.contains("| Confronteren (niet MI-consistent) | 1 |"));
    assert!(r.contains("| % open vragen (MITI 3) | 50 % | redelijk | 50 % | 70 % |"));
    assert!(r.contains("| Reflecties : vragen (R:Q) | 0,0 : 1 | onder de drempel |"));
    assert!(r.contains("niet te berekenen"), "{r}");
    assert!(r.contains(DREMPEL_BRON));
    assert!(r.contains("1 keer overtuigen"));
    assert!(r.contains("| Welkom | 1:35 |"));
    assert!(r.contains("| **Totaal** | 2:05 |"));
    assert!(r.contains("| Welkom | 0 | 0 | 0 | 1 |"), "{r}");
}

#[test]
fn time_per_step_accumulates_in_first_visit_order() {
    let mut t = Tally::default();
    t.add_tijd("b", 30);
    t.add_tijd("a", 10);
    t.add_tijd("b", 15);
    assert_eq!(t.tijd, [("b".to_string(), 45), ("a".to_string(), 10)]);
}
