//! Correcting and bad input in the line mode, with the built-in script through a pipe:
//! notes that are exactly "stop" or "terug", `/wijzig`, afspraken changed and deleted,
//! `/terug` halfway an afspraak, `/ga`, `/overzicht`, `/plan`, dates read back, `n` at
//! the save question, a 100 KB note line, and the input ending at every prompt.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use meedoen::access::run_in;
use meedoen::core::session::Session;
use meedoen::store::drafts::load_session;
use meedoen::store::paths::Paths;

fn lines(xs: &[&str]) -> String {
    xs.join("\n") + "\n"
}

fn drive(dir: &Path, input: &str) -> String {
    let paths = Paths::portable(dir);
    let mut input = Cursor::new(input.as_bytes().to_vec());
    let mut out = Vec::new();
    run_in(
        paths,
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        &mut input,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn only_draft(dir: &Path) -> Session {
    let drafts: Vec<PathBuf> = std::fs::read_dir(Paths::portable(dir).drafts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    load_session(&drafts[0]).unwrap()
}

#[test]
fn notes_can_be_plain_words_and_are_replaced_with_wijzig() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(
        dir.path(),
        &lines(&[
            "A.B.",
            "",
            "",
            "",
            "",
            // welkom: /wijzig without a note, then two notes that look like commands
            "/wijzig",
            "stop",
            "terug",
            "",
            // wat-vraagt-de-gemeente: a note, replaced, then the welkom note is cleared
            "eerste versie",
            "/wijzig",
            "tweede versie",
            "",
            "/ga 99",
            "/ga 2",
            "/wijzig",
            "wis",
            "ja",
            "",
            // back at step 3 by Enter: the replaced note is read back
        ]),
    );
    assert!(
        out.contains("Bij deze stap staat nog geen notitie. Typ gewoon uw tekst."),
        "{out}"
    );
    assert!(out.contains("Notities is vervangen."), "{out}");
    assert!(
        out.contains("Er is geen stap 99. Kies een stap van 1 tot en met 16; u blijft waar u was."),
        "{out}"
    );
    // A jump back reads only the question, not the guidance again.
    assert_eq!(
        out.matches("Doel: De klant op het gemak stellen").count(),
        1,
        "{out}"
    );
    assert!(
        out.contains(
            "Stap 2 van 16: Welkom en doel van het gesprek.\nNotities, wat er staat:\nstop\nterug"
        ),
        "{out}"
    );
    assert!(out.contains("Notities is gewist."), "{out}");
    let s = only_draft(dir.path());
    assert_eq!(s.note("welkom"), "");
    assert_eq!(s.note("wat-vraagt-de-gemeente"), "tweede versie");
}

#[test]
fn afspraken_are_changed_and_deleted_and_terug_leaves_no_half_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(
        dir.path(),
        &lines(&[
            "A.B.",
            "",
            "",
            "",
            "",
            "/ga 14",
            // a first afspraak abandoned at wie, then two whole ones
            "Bellen",
            "/terug",
            "Bellen met het buurthuis",
            "klant",
            "morgen",
            "Kennismaken",
            "klant",
            "maandag",
            "",
            // hours, toelichting, dates (one typed short, one in the past), akkoord
            "",
            "",
            "2/12/26",
            "1-1-2020",
            "",
            "",
            "",
            "",
            // afsluiten note, then the save question: n does not quit
            "/overzicht",
            "/plan",
            "",
            "n",
            // back to the afspraken: change the first, delete the second
            "/ga 14",
            "1",
            "wijzig",
            "",
            "",
            "vrijdag",
            "2",
            "verwijder",
            "ja",
            "",
        ]),
    );
    assert!(
        out.contains("Afspraak 1 (Bellen) is niet bewaard, omdat wie en wanneer nog ontbraken."),
        "{out}"
    );
    assert!(out.contains("Startdatum: 2 december 2026."), "{out}");
    assert!(
        out.contains(
            "Evaluatiedatum: 1 januari 2020. Let op: die datum ligt voor de dag van het gesprek."
        ),
        "{out}"
    );
    assert!(
        out.contains("Overzicht van wat er is ingevuld.\nGesprek met A.B. op 23 november 2026."),
        "{out}"
    );
    assert!(
        out.contains("Afspraak 2: Kennismaken (klant, maandag)."),
        "{out}"
    );
    assert!(
        out.contains("Het plan zoals het wordt opgeslagen:\nPLAN VAN AANPAK"),
        "{out}"
    );
    assert!(!out.contains("____"), "{out}");
    assert!(
        out.contains("Niet opgeslagen; het concept blijft bewaard."),
        "{out}"
    );
    assert!(
        out.contains("Afspraak 1 is nu: Bellen met het buurthuis (klant, vrijdag)."),
        "{out}"
    );
    assert!(
        out.contains("Verwijderd: Kennismaken (klant, maandag)."),
        "{out}"
    );
    assert!(out.contains("De invoer is beëindigd."), "{out}");
    let s = only_draft(dir.path());
    assert_eq!(s.afspraken.len(), 1, "{:?}", s.afspraken);
    assert_eq!(s.afspraken[0].wanneer, "vrijdag");
    assert_eq!(s.startdatum, NaiveDate::from_ymd_opt(2026, 12, 2));
}

#[test]
fn a_note_line_of_100_kb_is_kept_whole_and_not_read_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(100_000);
    let out = drive(
        dir.path(),
        &lines(&["A.B.", "", "", "", "", &long, "", "/ga 2", ""]),
    );
    assert!(
        out.contains("Die regel is erg lang (100000 tekens). Hij is helemaal bewaard."),
        "{out:.2000}"
    );
    assert!(
        out.contains("Notities, de eerste 400 van 100000 tekens:"),
        "{out:.2000}"
    );
    assert!(out.len() < 150_000, "read back whole: {} bytes", out.len());
    assert_eq!(only_draft(dir.path()).note("welkom").len(), 100_000);
}

#[test]
fn input_ending_at_any_prompt_says_so_and_keeps_every_answer() {
    let all: Vec<&str> = vec![
        "A.B.",
        "M. Jansen",
        "Utrecht",
        "",
        "",
        "Een notitie.",
        "",
        // A wish first: only what fits the client is suggested.
        "/ga 9",
        "",
        "5",
        "",
        "",
        "/ga 11",
        "Samengevat.",
        "",
        "6",
        "koken",
        "1",
        "",
        "",
        "",
        "Bellen",
        "klant",
        "morgen",
        "",
        "",
        "",
        "1-12-2026",
        "",
        "",
        "1",
        "",
        "",
        "",
        "j",
    ];
    for cut in 0..all.len() {
        let dir = tempfile::tempdir().unwrap();
        let out = drive(dir.path(), &lines(&all[..cut]));
        let last = out.trim_end().lines().last().unwrap_or("");
        assert!(
            last.contains("De invoer is beëindigd."),
            "cut at {cut}:\n{out}"
        );
        let s = only_draft(dir.path());
        if cut > 0 {
            assert_eq!(s.klant, "A.B.", "cut at {cut}");
        }
        if cut > 5 {
            assert_eq!(s.note("welkom"), "Een notitie.", "cut at {cut}");
        }
        if cut > 21 {
            // Ended in the middle of an afspraak: what was typed is in the draft.
            let wat = s.afspraken.first().map(|a| a.wat.as_str());
            assert_eq!(wat, Some("Bellen"), "cut at {cut}:\n{out}");
        }
    }
}

#[test]
fn the_menu_says_an_overdue_contact_and_reads_the_last_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(
        dir.path(),
        &lines(&[
            "A.B.",
            "",
            "",
            "",
            "",
            "/ga 14",
            "",
            "",
            "",
            "",
            "",
            "1-11-2026",
            "",
            "",
            "",
            "",
            "j",
            "concept",
        ]),
    );
    assert!(
        out.contains(
            "Volgend contact: 1 november 2026. Let op: die datum ligt voor de dag van het gesprek."
        ),
        "{out}"
    );
    assert!(
        out.contains("Opgeslagen, de bestanden staan op de schijf:"),
        "{out}"
    );
    let out = drive(dir.path(), &lines(&["lees 1", "lees 2", "stop"]));
    assert!(
        out.contains("2. Vervolggesprek met A.B. (plan 1 van 23 november 2026, volgend contact 1 november 2026, 22 dagen te laat)"),
        "{out}"
    );
    assert!(
        out.contains("Typ lees en het nummer van een vervolggesprek."),
        "{out}"
    );
    assert!(
        out.contains("Het laatste plan van A.B.:\nPLAN VAN AANPAK"),
        "{out}"
    );
    assert!(!out.contains("____"), "{out}");
}

#[test]
fn special_category_data_is_named_before_the_save_question() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(
        dir.path(),
        &lines(&[
            "A.B.",
            "",
            "",
            "",
            "",
            // A note that goes into the plan (the welkom step's notes stay internal).
            "/ga 5",
            "Zorgt voor moeder (dementie).",
            "",
            "/ga 16",
        ]),
    );
    let at = out
        .find("Let op, bijzondere persoonsgegevens (AVG art. 9): ")
        .unwrap_or_else(|| panic!("{out}"));
    let line = out[at..].lines().next().unwrap();
    assert!(line.contains("‘dementie’"), "{line}");
    assert!(line.contains("moeder"), "{line}");
    assert!(at < out.find("Opslaan?").unwrap(), "{out}");
}

#[test]
fn tekst_at_the_save_question_rewrites_a_plan_section_and_keeps_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(
        dir.path(),
        &lines(&[
            "A.B.",
            "",
            "",
            "",
            "",
            "/ga 5",
            "Slaapt slecht, moeder (dementie) woont in.",
            "",
            "/ga 16",
            "tekst",
            "1",
            "/wijzig",
            "U slaapt slecht. Uw moeder woont bij u.",
            "j",
            "concept",
        ]),
    );
    assert!(
        out.contains("1. Huidige situatie, uit de notities."),
        "{out}"
    );
    assert!(out.contains("Huidige situatie is aangepast."), "{out}");
    let plan = std::fs::read_to_string(
        Paths::portable(dir.path())
            .output
            .join("2026-11-23-ab-concept.md"),
    )
    .unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert!(
        plan.contains("U slaapt slecht. Uw moeder woont bij u."),
        "{plan}"
    );
    assert!(!plan.contains("dementie"), "{plan}");
    let s = meedoen::store::drafts::load_session(
        &Paths::portable(dir.path())
            .output
            .join("2026-11-23-ab-concept.sessie.ron"),
    )
    .unwrap();
    assert_eq!(
        s.note("hoe-gaat-het"),
        "Slaapt slecht, moeder (dementie) woont in."
    );
}
