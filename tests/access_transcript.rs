//! Listening time as a measured budget: a realistic intake with the built-in script,
//! driven through a pipe the way a screen-reader user hears it, with the words it prints
//! counted; golden transcripts of an intake and a vervolg, so a change in wording shows
//! in review (`MEEDOEN_GOLDEN=bless cargo test --test access_transcript`, then read the
//! diff); and the bad input of issue 16, each answered with a sentence and nothing lost.
//!
//! Measured before the line mode was made short (the same intake without the searches
//! and `uitleg 1`): 6,093 words and 876 lines, about 20 minutes at 300 words a minute.
//! After: 1,922 words and 235 lines with `--kort` (about 6.5 minutes), 2,826 words and
//! 310 lines with the full guidance (about 9.5 minutes).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use meedoen::access::{run_in, run_kort_in};
use meedoen::store::drafts::load_session;
use meedoen::store::paths::Paths;

/// A full intake with `--kort` may print at most this many words: about 8 minutes at 300
/// words a minute.
const BUDGET: usize = 2_500;

fn lines(xs: &[&str]) -> String {
    xs.join("\n") + "\n"
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A realistic intake: a note at every step, a few tags found by searching, one
/// suggestion explained and chosen, one afspraak, the dates, saved in two formats.
fn intake() -> String {
    lines(&[
        "A.B.",
        "M. Jansen",
        "Utrecht",
        "",
        "",
        // welkom, wat-vraagt-de-gemeente, wat-komt-in-het-plan
        "Klant komt op tijd, wat gespannen.",
        "",
        "Uitgelegd wat de wet vraagt; klant vindt het begrijpelijk.",
        "",
        "Plan uitgelegd.",
        "",
        // hoe-gaat-het, gewone-dag
        "Slaapt slecht, rugklachten.",
        "Wil graag iets om handen hebben.",
        "",
        "Staat laat op, doet boodschappen.",
        "",
        // wat-u-al-doet: note, nothing ticked
        "Helpt de buurvrouw met boodschappen.",
        "",
        "",
        // eerdere-trajecten: note, search the 94 options, tick one
        "Vorig jaar een sollicitatietraining gedaan.",
        "",
        "kringloop",
        "21",
        "",
        // wensen-en-krachten: search, tick; krachten by number
        "Kookt graag voor anderen.",
        "",
        "koken",
        "5",
        "",
        "4",
        "",
        // belemmeringen
        "Rugklachten bij lang staan.",
        "",
        "rug",
        "3",
        "",
        // tussentijds-samenvatten
        "Samengevat: koken, rug ontzien.",
        "",
        // mogelijkheden: hours, hear the reasons of one, choose it
        "6",
        "uitleg 1",
        "1",
        "",
        "Klant kiest zelf.",
        "",
        // eigen-woorden
        "Ik wil koken in de buurt.",
        "",
        // afspraken: one afspraak, keep the aanpak, hours, dates, akkoord
        "Kennismaken in het buurthuis",
        "klant",
        "voor 15 december",
        "",
        "",
        "4",
        "Rustig opbouwen.",
        "1-12-2026",
        "1-3-2027",
        "15-1-2027",
        "1",
        "",
        "",
        // afsluiten
        "Goed gesprek.",
        "",
        // save
        "md txt",
    ])
}

/// Runs the line mode on `input`; returns what it printed, with the temporary folder
/// replaced by `MAP` so transcripts compare.
fn drive(dir: &Path, kort: bool, input: &str) -> String {
    let paths = Paths::portable(dir);
    let mut input = Cursor::new(input.as_bytes().to_vec());
    let mut out = Vec::new();
    if kort {
        run_kort_in(paths, today(), &mut input, &mut out).unwrap();
    } else {
        run_in(paths, today(), &mut input, &mut out).unwrap();
    }
    let text = String::from_utf8(out).unwrap();
    let text = text.replace(&dir.display().to_string(), "MAP");
    // Paths read the same on every system in the golden file.
    text.split_inclusive('\n')
        .map(|l| {
            if l.contains("MAP\\") {
                l.replace('\\', "/")
            } else {
                l.to_string()
            }
        })
        .collect()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Compares with the golden file, or writes it when `MEEDOEN_GOLDEN=bless`.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("MEEDOEN_GOLDEN").as_deref() == Ok("bless") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with MEEDOEN_GOLDEN=bless", path.display()))
        .replace("\r\n", "\n");
    let first = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b);
    assert!(
        expected == actual,
        "{} differs (first at line {:?}); if intended: MEEDOEN_GOLDEN=bless\n{actual}",
        path.display(),
        first.map(|i| i + 1)
    );
}

/// What a screen reader would speak as symbols.
fn assert_speakable(text: &str) {
    for bad in ["**", "›", "–", "●", "◉", "○", "__", "##", "⚠"] {
        assert!(!text.contains(bad), "{bad:?} in the transcript:\n{text}");
    }
    for line in text.lines() {
        assert!(!line.starts_with('>') && !line.starts_with('#'), "{line}");
    }
}

#[test]
fn a_full_intake_with_kort_stays_within_the_word_budget() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(dir.path(), true, &intake());
    let n = words(&out);
    assert!(n <= BUDGET, "{n} words, budget {BUDGET}:\n{out}");
    assert_speakable(&out);
    // Saved in both formats, with the session beside them.
    assert!(out.contains("Opgeslagen, de bestanden staan op de schijf:\nMAP/plannen/2026-11-23-ab.md\nMAP/plannen/2026-11-23-ab.txt"), "{out}");
    // The searches found what a consultant looks for, with the TUI's matching.
    let s = load_session(&dir.path().join("plannen/2026-11-23-ab.sessie.ron")).unwrap();
    assert_eq!(s.wensen, ["koken"]);
    assert_eq!(s.belemmeringen.len(), 1);
    assert_eq!(s.eerder.len(), 1);
    assert_eq!(s.gekozen.len(), 1);
    assert!(
        out.contains(
            "Start 1 december 2026, evaluatie 1 maart 2027, volgend contact 15 januari 2027."
        ),
        "{out}"
    );
    golden("toegankelijk-intake.txt", &out);
}

#[test]
fn the_same_intake_in_full_reads_the_guidance_and_is_still_far_shorter_than_before() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(dir.path(), false, &intake());
    assert!(out.contains("Voorbeeldzin: Fijn dat u er bent."), "{out}");
    assert_speakable(&out);
    // 6,093 words before lists were paged and the plan was read only on request.
    assert!(words(&out) < 4_000, "{} words:\n{out}", words(&out));
}

#[test]
fn a_vervolg_transcript_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    drive(dir.path(), true, &intake());
    let mut input = vec!["2", "", "", "", "", ""];
    // The step that looks back: the one afspraak went partly.
    input.extend([
        "Het ging wisselend.",
        "",
        "2",
        "de buurvrouw",
        "mijn rug",
        // Partly kept: how to go on, and why.
        "2",
        "Kleiner beginnen.",
        "",
    ]);
    input.extend([""; 22]);
    // No new afspraak and no akkoord yet: saved as a concept.
    input.push("j");
    input.push("concept");
    let out = drive(dir.path(), true, &lines(&input));
    assert_speakable(&out);
    assert!(out.contains("Vervolggesprek met A.B."), "{out}");
    golden("toegankelijk-vervolg.txt", &out);
}

#[test]
fn kort_is_remembered_and_uitgebreid_turns_it_off_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = drive(dir.path(), false, "/kort\nA.B.\n\n\n\n\n");
    assert!(
        out.contains("Kort: voorbeeldzinnen en valkuilen worden niet meer voorgelezen."),
        "{out}"
    );
    assert!(!out.contains("Voorbeeldzin:"), "{out}");
    // The next start, without --kort, remembers; /uitleg still reads the phrases.
    let out = drive(dir.path(), false, "2\n/uitleg\n/uitgebreid\n/stop\n");
    assert!(
        out.contains("Uitleg bij Welkom en doel van het gesprek."),
        "{out}"
    );
    assert_eq!(
        out.matches("Voorbeeldzin: Fijn dat u er bent.").count(),
        1,
        "{out}"
    );
    let out = drive(dir.path(), false, "2\n/stop\n");
    assert!(out.contains("Voorbeeldzin: Fijn dat u er bent."), "{out}");
}
