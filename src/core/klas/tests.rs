//! Tests of the class session: names, the round report and CSV formats, and the class
//! overview, on hand-made rounds whose numbers were worked out by hand.

use super::*;
use crate::core::tally::Globals;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn meta() -> ReportMeta {
    ReportMeta {
        klant: "Demo: meneer Bakker (fictief)".into(),
        datum: Some(date()),
        script_titel: "Kennismakingsgesprek".into(),
        tijd_per_stap: Vec::new(),
        stap_titels: vec![
            ("welkom".into(), "Welkom, en het doel".into()),
            ("hoe-gaat-het".into(), "Hoe gaat het met u?".into()),
        ],
        oefenen: true,
    }
}

fn ronde(nummer: u32, deelnemer: &str, codes: &[(u64, &str, Gedrag)]) -> Ronde {
    let mut tally = Tally::default();
    for &(sec, stap, g) in codes {
        tally.add_op(stap, g, sec);
    }
    Ronde {
        nummer,
        deelnemer: deelnemer.into(),
        oefenklant: "Demo: meneer Bakker (fictief)".into(),
        begon: "14:02".into(),
        duur: 600,
        gebruikt: 542,
        tally,
    }
}

#[test]
fn names_are_cleaned_and_identity_numbers_refused() {
    assert_eq!(
        naam_check("  Anna \u{7}de\u{1b} Vries \n"),
        Ok("Anna de Vries".into())
    );
    assert_eq!(naam_check("Bram 2"), Ok("Bram 2".into()));
    for bad in [
        "Anna 123456782",
        "Anna 123 456 782",
        "Piet 12345678",
        "",
        " \u{0} ",
    ] {
        assert!(naam_check(bad).is_err(), "{bad:?}");
    }
    let err = naam_check("Anna 123456782").unwrap_err();
    assert!(err.contains("BSN"), "{err}");
    assert!(naam_check(&"a".repeat(MAX_NAAM + 1)).is_err());
    assert!(
        naam_check(&"é".repeat(MAX_NAAM)).is_ok(),
        "characters, not bytes"
    );
}

#[test]
fn class_options_refuse_bad_names_and_duplicates() {
    let ok = KlasOpties::check(" Groep\u{7} A ", &["Anna".into(), " Bram ".into()], 10).unwrap();
    assert_eq!(ok.naam, "Groep A");
    assert_eq!(ok.deelnemers, ["Anna", "Bram"]);
    let err = |n: &str, d: &[&str], m: u64| {
        let d: Vec<String> = d.iter().map(|s| s.to_string()).collect();
        KlasOpties::check(n, &d, m).unwrap_err()
    };
    assert!(err("Groep", &[], 10).contains("minstens één deelnemer"));
    assert!(err("Groep", &["Anna", "anna"], 10).contains("twee keer"));
    assert!(err("Groep", &["Anna 123456782"], 10).contains("deelnemer `Anna 123456782`"));
    assert!(err("", &["Anna"], 10).contains("naam van de sessie"));
    assert!(err("Groep", &["Anna"], 91).contains("90 minuten"));
    assert_eq!(KlasOpties::check("G", &["A".into()], 0).unwrap().minuten, 0);
}

#[test]
fn turns_go_to_whoever_had_fewest_rounds() {
    let mut k = Klas::new("Groep A".into(), date(), vec!["Anna".into(), "Bram".into()]);
    assert_eq!((k.aan_de_beurt(), k.volgende_nummer()), (Some("Anna"), 1));
    k.rondes.push(ronde(1, "Anna", &[]));
    assert_eq!((k.aan_de_beurt(), k.volgende_nummer()), (Some("Bram"), 2));
    k.rondes.push(ronde(2, "Bram", &[]));
    assert_eq!(k.aan_de_beurt(), Some("Anna"));
    assert_eq!(Klas::new("x".into(), date(), vec![]).aan_de_beurt(), None);
}

#[test]
fn the_csv_has_one_row_per_code_in_order() {
    let r = ronde(
        3,
        "Anna",
        &[
            (5, "welkom", Gedrag::OpenVraag),
            (12, "welkom", Gedrag::Behoudtaal),
            (75, "hoe-gaat-het", Gedrag::ReflectieComplex),
            (3_601, "weg-uit-script", Gedrag::OvertuigenZonderToestemming),
        ],
    );
    assert_eq!(
        ronde_csv(&r, &meta()),
        "tijd,stap,code,spreker\r\n\
         0:05,\"Welkom, en het doel\",Open vraag,consulent\r\n\
         0:12,\"Welkom, en het doel\",Behoudtaal (klant),klant\r\n\
         1:15,Hoe gaat het met u?,Complexe reflectie,consulent\r\n\
         60:01,weg-uit-script,Overtuigen zonder toestemming,consulent\r\n"
    );
    let empty = ronde(4, "Bram", &[]);
    assert_eq!(ronde_csv(&empty, &meta()), "tijd,stap,code,spreker\r\n");
}

#[test]
fn csv_fields_cannot_become_formulas_or_break_rows() {
    assert_eq!(csv_field("=SOM(A1)"), "'=SOM(A1)");
    assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
    assert_eq!(csv_field("regel\nnieuw"), "\"regel\nnieuw\"");
}

#[test]
fn the_round_report_has_header_tally_and_timeline() {
    let mut r = ronde(
        1,
        "Anna | de Vries",
        &[
            (5, "welkom", Gedrag::OpenVraag),
            (75, "hoe-gaat-het", Gedrag::ReflectieComplex),
            (80, "hoe-gaat-het", Gedrag::Verandertaal),
        ],
    );
    r.tally.globals = Some(Globals::default());
    let k = Klas::new("Groep A".into(), date(), vec!["Anna | de Vries".into()]);
    let md = ronde_markdown(&k, &r, &meta());
    for line in [
        "# Ronde 1: Anna | de Vries\n",
        "- Sessie: Groep A\n",
        "- Datum: 2 december 2026\n",
        "- Oefenklant: Demo: meneer Bakker (fictief)\n",
        "- Duur: 9:02 (timer: 10:00)\n",
        "- Geturfd: 2 gedragingen\n",
        "| Reflecties : vragen (R:Q) | 1,0 : 1 | redelijk | 1,0 : 1 | 2,0 : 1 |\n",
        "| Relationeel (partnerschap, empathie) | 3,0 | onder de drempel | 3,5 | 4,0 |\n",
        "## Tijdlijn\n\n| Tijd | Stap | Code | Wie |\n|---:|---|---|---|\n\
         | 0:05 | Welkom, en het doel | Open vraag | consulent |\n\
         | 1:15 | Hoe gaat het met u? | Complexe reflectie | consulent |\n\
         | 1:20 | Hoe gaat het met u? | Verandertaal (klant) | klant |\n",
    ] {
        assert!(md.contains(line), "{line:?} not in\n{md}");
    }
}

#[test]
fn the_overview_compares_rounds_and_participants() {
    use Gedrag::*;
    let mut k = Klas::new(
        "Groep A".into(),
        date(),
        vec!["Anna".into(), "Bram".into(), "Cem".into()],
    );
    // Anna, round 1: 2 questions (1 open), 2 reflections (1 complex): R:Q 1:1, %CR 50 %.
    let mut r1 = ronde(
        1,
        "Anna",
        &[
            (1, "welkom", OpenVraag),
            (2, "welkom", GeslotenVraag),
            (3, "welkom", ReflectieEenvoudig),
            (4, "welkom", ReflectieComplex),
            (5, "welkom", Verandertaal),
        ],
    );
    r1.tally.globals = Some(Globals {
        verandertaal_cultiveren: 4,
        behoudtaal_verzachten: 4,
        partnerschap: 4,
        empathie: 3,
    });
    // Bram, round 2: one unasked-for advice, one sustain talk; nothing to divide by.
    let r2 = ronde(
        2,
        "Bram",
        &[
            (1, "welkom", OvertuigenZonderToestemming),
            (2, "welkom", Behoudtaal),
        ],
    );
    // Anna, round 3: 1 open question, 3 complex reflections, one affirm.
    let mut r3 = ronde(
        3,
        "Anna",
        &[
            (1, "welkom", OpenVraag),
            (2, "welkom", ReflectieComplex),
            (3, "welkom", ReflectieComplex),
            (4, "welkom", ReflectieComplex),
            (5, "welkom", Bekrachtigen),
        ],
    );
    r3.tally.globals = Some(Globals {
        verandertaal_cultiveren: 5,
        behoudtaal_verzachten: 4,
        partnerschap: 5,
        empathie: 5,
    });
    k.rondes = vec![r1, r2, r3];
    let md = overzicht_markdown(&k);
    for line in [
        "- Deelnemers: Anna, Bram, Cem\n",
        "- Rondes: 3\n",
        "| 1 | Anna | Demo: meneer Bakker (fictief) | 9:02 | 4 | 1,0 : 1 (redelijk) | 50 % (goed) | 50 % (redelijk) | 0 | 0 | – | 3,5 (redelijk) | 4,0 (goed) |\n",
        "| 2 | Bram | Demo: meneer Bakker (fictief) | 9:02 | 1 | – | – | – | 0 | 1 | 0,0 : 1 | – | – |\n",
        "| 3 | Anna | Demo: meneer Bakker (fictief) | 9:02 | 5 | 3,0 : 1 (goed) | 100 % (goed) | 100 % (goed) | 1 | 0 | – | 5,0 (goed) | 4,5 (goed) |\n",
        // Anna over both rounds: 3 questions (2 open: 67 %), 5 reflections (1 simple,
        // 4 complex: %CR 80 %), R:Q 5:3 = 1,7 : 1; relational (3,5 + 5) / 2 = 4,25 and
        // technical (4 + 4,5) / 2 = 4,25, both shown to one decimal.
        "| Anna | 2 | 9 | 1,7 : 1 (redelijk) | 80 % (goed) | 67 % (redelijk) | 1 | 0 | – | 4,2 (goed) | 4,2 (goed) |\n",
        "| Bram | 1 | 1 | – | – | – | 0 | 1 | 0,0 : 1 | – | – |\n",
        "| Cem | 0 | 0 | – | – | – | 0 | 0 | – | – | – |\n",
        "Drempels op basis van expertoordeel (MITI 4.2.1)",
    ] {
        assert!(md.contains(line), "{line:?} not in\n{md}");
    }
}
