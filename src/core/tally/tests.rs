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
fn keys_are_the_numeric_keypad_and_round_trip() {
    let keys: Vec<&str> = Gedrag::ALL.iter().map(|g| g.toets()).collect();
    assert_eq!(
        keys,
        [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ".", "/", "+", "-"
        ]
    );
    for &g in Gedrag::ALL {
        assert_eq!(Gedrag::from_toets(g.toets()), Some(g));
    }
    assert_eq!(Gedrag::from_toets("*"), None);
    let codes: std::collections::HashSet<&str> = Gedrag::ALL.iter().map(|g| g.code()).collect();
    assert_eq!(codes.len(), Gedrag::ALL.len(), "CSV codes are distinct");
}

#[test]
fn miti_classes_of_the_codes() {
    let pick = |f: fn(Gedrag) -> bool| -> Vec<Gedrag> {
        Gedrag::ALL.iter().copied().filter(|&g| f(g)).collect()
    };
    assert_eq!(
        pick(Gedrag::mi_inconsistent),
        [Gedrag::OvertuigenZonderToestemming, Gedrag::Confronteren]
    );
    assert_eq!(
        pick(Gedrag::mi_adherent),
        [
            Gedrag::Bekrachtigen,
            Gedrag::SamenwerkingZoeken,
            Gedrag::AutonomieBenadrukken
        ]
    );
    let p = Gedrag::OvertuigenMetToestemming;
    assert!(!p.mi_adherent() && !p.mi_inconsistent());
    assert_eq!(
        pick(|g| g.spreker() == Spreker::Klant),
        [Gedrag::Verandertaal, Gedrag::Behoudtaal]
    );
}

/// A hand-coded fragment of a practice gesprek, scored by hand first:
///
/// ```text
/// C: Wat brengt u hier vandaag?                         open vraag
/// K: Ik moet van de gemeente. Ik zie het nut niet.      behoudtaal
/// C: U bent hier niet uit vrije wil.                    eenvoudige reflectie
/// K: Nee. Al zou ik wel weer iets willen doen.           verandertaal
/// C: Ergens wilt u wel, als het maar bij u past.        complexe reflectie
/// K: Ja, iets met mijn handen.                          verandertaal
/// C: U hebt jaren de fietsen van de straat gemaakt.     bekrachtigen
/// C: Heeft u een fiets?                                 gesloten vraag
/// C: Zullen we samen kijken wat er is?                  samenwerking zoeken
/// C: U beslist zelf wat u kiest.                        autonomie benadrukken
/// C: Mag ik iets vertellen over de fietsenmakerij? …    overtuigen met toestemming
/// C: Dat moet u gewoon doen.                            overtuigen zonder toestemming
/// K: Dat zeggen ze allemaal.                            behoudtaal
/// C: Als ik het goed hoor: … (samenvatting)             samenvatten
/// C: Wat zou een eerste stap zijn?                      open vraag
/// ```
///
/// The asserts below walk through the arithmetic by hand.
#[test]
fn miti_arithmetic_on_a_hand_coded_fragment() {
    use Gedrag::*;
    let fragment = [
        OpenVraag,
        Behoudtaal,
        ReflectieEenvoudig,
        Verandertaal,
        ReflectieComplex,
        Verandertaal,
        Bekrachtigen,
        GeslotenVraag,
        SamenwerkingZoeken,
        AutonomieBenadrukken,
        OvertuigenMetToestemming,
        OvertuigenZonderToestemming,
        Behoudtaal,
        Samenvatten,
        OpenVraag,
    ];
    let mut t = Tally::default();
    for (sec, g) in fragment.into_iter().enumerate() {
        t.add_op("s", g, sec as u64 * 10);
    }
    // Counts: 12 consultant codes, 4 client codes.
    assert_eq!(t.total(), 11);
    assert_eq!((t.open_vraag, t.gesloten_vraag, t.questions()), (2, 1, 3));
    // Reflections: simple 1 + complex 1 + summary 1 = 3.
    assert_eq!(t.reflections(), 3);
    // R:Q = 3 / 3 = 1,0 : 1 (fair).
    assert_eq!(t.rq(), Some(1.0));
    assert_eq!(t.scores()[0].niveau, Some(Niveau::Redelijk));
    // %CR = 1 / (1 + 1) = 50 % (good); the summary is left out.
    assert_eq!(t.pct_cr(), Some(50.0));
    assert_eq!(t.scores()[1].niveau, Some(Niveau::Goed));
    // % open (MITI 3) = 2 / 3 = 66,7 % (fair, below 70).
    assert_eq!(t.pct_open(), Some(200.0 / 3.0));
    assert_eq!(t.scores()[2].niveau, Some(Niveau::Redelijk));
    // MIA = affirm 1 + seek 1 + autonomy 1 = 3; MINA = persuade 1 + confront 0 = 1;
    // persuade with permission counts in neither.
    assert_eq!((t.mi_adherent(), t.mi_inconsistent()), (3, 1));
    // Client: change talk 2, sustain talk 2: ratio 1,0 : 1 and 50 %.
    assert_eq!((t.verandertaal, t.behoudtaal), (2, 2));
    assert_eq!((t.ct_st(), t.pct_verandertaal()), (Some(1.0), Some(50.0)));
    // The timeline keeps every code with its second, in order.
    assert_eq!(t.tijdlijn.len(), 15);
    assert_eq!(t.tijdlijn[13].sec, 130);
    assert_eq!(t.tijdlijn[13].gedrag, Samenvatten);
    // The client responds to the consultant's latest code, not to their own talk.
    assert_eq!(t.laatste_bij("s"), Some(OpenVraag));
    assert_eq!(t.undo_laatste(), Some(OpenVraag));
    assert_eq!(t.laatste_bij("s"), Some(Samenvatten));
    assert_eq!((t.tijdlijn.len(), t.log.len(), t.open_vraag), (14, 14, 1));

    // Globals: CCT 4, SST 3, Partnership 4, Empathy 3.
    let mut g = Globals::default();
    g.set(Global::VerandertaalCultiveren, 4);
    g.set(Global::Partnerschap, 4);
    g.set(Global::Empathie, 9); // out of range: kept within 1–5
    assert_eq!(g.empathie, 5);
    g.set(Global::Empathie, 3);
    // Relational = (4 + 3) / 2 = 3,5: exactly fair. Technical = (4 + 3) / 2 = 3,5: fair.
    assert_eq!(g.gemiddelde(Gemiddelde::Relationeel), 3.5);
    assert_eq!(g.niveau(Gemiddelde::Relationeel), Niveau::Redelijk);
    assert_eq!(g.gemiddelde(Gemiddelde::Technisch), 3.5);
    assert_eq!(g.niveau(Gemiddelde::Technisch), Niveau::Redelijk);
    // Relational 3,0 is below fair (3,5) while Technical 3,0 is exactly fair.
    g.set(Global::Partnerschap, 3);
    g.set(Global::VerandertaalCultiveren, 3);
    assert_eq!(g.niveau(Gemiddelde::Relationeel), Niveau::Onder);
    assert_eq!(g.niveau(Gemiddelde::Technisch), Niveau::Redelijk);
    // 4 and 4 are good on both.
    for gl in Global::ALL {
        g.set(gl, 4);
    }
    assert_eq!(g.niveau(Gemiddelde::Relationeel), Niveau::Goed);
    assert_eq!(g.niveau(Gemiddelde::Technisch), Niveau::Goed);
    assert!(g.buiten_bereik().is_empty());
    let bad = Globals {
        empathie: 0,
        ..Globals::default()
    };
    assert_eq!(bad.buiten_bereik(), [Global::Empathie]);
}

#[test]
fn ten_thousand_codes_count_and_score_exactly() {
    let mut t = Tally::default();
    for i in 0..10_000u64 {
        let g = if i % 4 == 0 {
            Gedrag::OpenVraag
        } else {
            Gedrag::ReflectieComplex
        };
        t.add_op("s", g, i);
    }
    assert_eq!((t.open_vraag, t.reflectie_complex), (2_500, 7_500));
    assert_eq!(t.rq(), Some(3.0));
    assert_eq!(t.tijdlijn.len(), 10_000);
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
    assert!(r.contains("| Open vraag |  | 2 |"), "{r}");
    assert!(r.contains("| Confronteren | niet MI-consistent | 1 |"));
    assert!(r.contains("| Samenwerking zoeken | MI-consistent | 0 |"));
    assert!(r.contains("| Overtuigen met toestemming |  | 0 |"));
    assert!(
        r.contains("Totaal niet MI-consistent (overtuigen zonder toestemming, confronteren): 1")
    );
    assert!(r.contains("## Globale scores\n\nNiet ingevuld."), "{r}");
    assert!(r.contains("- Verandertaal : behoudtaal: – (verandertaal – van wat de klant zei)"));
    assert!(r.contains("| % open vragen (MITI 3) | 50 % | redelijk | 50 % | 70 % |"));
    assert!(r.contains("| Reflecties : vragen (R:Q) | 0,0 : 1 | onder de drempel |"));
    assert!(r.contains("niet te berekenen"), "{r}");
    assert!(r.contains(DREMPEL_BRON));
    assert!(r.contains("1 keer overtuigen"));
    assert!(r.contains("| Welkom | 1:35 |"));
    assert!(r.contains("| **Totaal** | 2:05 |"));
    assert!(r.contains("| Welkom | 0 | 0 | 0 | 1 | 0 | 0 |"), "{r}");
    t.globals = Some(Globals {
        verandertaal_cultiveren: 4,
        behoudtaal_verzachten: 2,
        partnerschap: 4,
        empathie: 4,
    });
    t.add(Gedrag::Verandertaal);
    t.add(Gedrag::Verandertaal);
    t.add(Gedrag::Verandertaal);
    t.add(Gedrag::Behoudtaal);
    let r = report_markdown(&t, &meta);
    assert!(
        r.contains("| Behoudtaal verzachten | 2 | gaat vaak in op behoudtaal |"),
        "{r}"
    );
    assert!(r.contains("| Relationeel (partnerschap, empathie) | 4,0 | goed | 3,5 | 4,0 |"));
    assert!(r.contains("| Technisch (verandertaal, behoudtaal) | 3,0 | redelijk | 3,0 | 4,0 |"));
    assert!(
        r.contains("- Verandertaal : behoudtaal: 3,0 : 1 (verandertaal 75 % van wat de klant zei)")
    );
    assert!(
        r.contains("- Geturfd: 5 gedragingen"),
        "client talk is not the consultant's: {r}"
    );
}

#[test]
fn time_per_step_accumulates_in_first_visit_order() {
    let mut t = Tally::default();
    t.add_tijd("b", 30);
    t.add_tijd("a", 10);
    t.add_tijd("b", 15);
    assert_eq!(t.tijd, [("b".to_string(), 45), ("a".to_string(), 10)]);
}
