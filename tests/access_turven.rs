//! Tallying and the trainer report in the accessible mode, on the embedded demo
//! clients: codes typed as `turf …` at any question, the demo client's answer following
//! the latest code, the globals asked on `stop`, and the report in the trainer folder.

use std::io::Cursor;

use chrono::NaiveDate;
use meedoen::access::run_oefenen_in;
use meedoen::store::paths::Paths;
use meedoen::store::trainer;

fn drive(paths: &Paths, input: &[&str]) -> String {
    let text = input.join("\n") + "\n";
    let mut input = Cursor::new(text.into_bytes());
    let mut out = Vec::new();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    run_oefenen_in(paths.clone(), today, &mut input, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The answers that take the first demo client through the details page to the first
/// step: keep the name, skip consultant and place, keep date and age.
const TO_FIRST_STEP: [&str; 6] = ["1", "", "", "", "", ""];

#[test]
fn codes_count_the_answer_follows_and_the_report_goes_to_the_trainer_folder() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let mut input: Vec<&str> = TO_FIRST_STEP.to_vec();
    input.extend([
        "turf",
        "antwoord",
        "turf 4 + x",
        "antwoord",
        "/turf .",
        "antwoord",
        "/ongedaan",
        "stand",
        "/stop",
        "4",
        "3",
        "5",
        "4",
    ]);
    let out = drive(&paths, &input);
    assert!(
        out.contains("+: Verandertaal (klant)"),
        "the list of codes:\n{out}"
    );
    assert!(
        out.contains("na een open vraag: “Ja, ik kreeg een brief."),
        "{out}"
    );
    assert!(
        out.contains("Geteld: Eenvoudige reflectie, Verandertaal (klant). Onbekende code: x."),
        "{out}"
    );
    // After a reflection the client's own reflection answer for the step (or the usual
    // one); after advice, resistance.
    assert!(
        out.contains("na een reflectie of bekrachtiging: “"),
        "{out}"
    );
    assert!(out.contains("na advies zonder toestemming: “"), "{out}");
    assert!(
        out.contains("Turf ongedaan: Overtuigen zonder toestemming."),
        "{out}"
    );
    assert!(
        out.contains("Reflecties : vragen (R:Q): niet te berekenen."),
        "{out}"
    );
    assert!(
        out.contains("Verandertaal cultiveren (1 = geen aandacht"),
        "{out}"
    );
    assert!(
        out.contains("Trainersrapport opgeslagen in de trainersmap: "),
        "{out}"
    );

    let dir = trainer::dir(&paths);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let report = std::fs::read_to_string(&names[0]).unwrap();
    assert!(
        report.contains("| Eenvoudige reflectie |  | 1 |"),
        "{report}"
    );
    assert!(report.contains("| Partnerschap | 5 |"), "{report}");
    assert!(
        report.contains("| Technisch (verandertaal, behoudtaal) | 3,5 | redelijk |"),
        "{report}"
    );
    assert!(!paths.output.exists() || std::fs::read_dir(&paths.output).unwrap().count() == 0);
}

#[test]
fn a_pipe_that_ends_saves_the_report_without_asking_the_globals() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let mut input: Vec<&str> = TO_FIRST_STEP.to_vec();
    input.extend(["turf 2 2 5"]);
    let out = drive(&paths, &input);
    assert!(!out.contains("Globale scores (MITI"), "{out}");
    assert!(out.contains("Trainersrapport opgeslagen"), "{out}");
    let report = std::fs::read_dir(trainer::dir(&paths))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(report).unwrap();
    assert!(text.contains("Niet ingevuld."), "{text}");
    assert!(text.contains("| Open vraag |  | 2 |"), "{text}");
}

#[test]
fn nothing_tallied_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let mut input: Vec<&str> = TO_FIRST_STEP.to_vec();
    input.push("/stop");
    let out = drive(&paths, &input);
    assert!(!out.contains("Trainersrapport"), "{out}");
    assert!(!trainer::dir(&paths).exists());
}

#[test]
fn the_shared_export_writes_a_practice_report_to_the_trainer_folder() {
    use meedoen::app::export::{Bron, Keuzes, prepare, write};
    use meedoen::core::tally::Gedrag;
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let data = meedoen::store::assets::load(None).unwrap();
    let templates = meedoen::store::assets::plan_templates(None).unwrap();
    let gemeente = meedoen::core::gemeente::Gemeente::default();
    let bron = Bron {
        data: &data,
        templates: &templates,
        gemeente: &gemeente,
    };
    let mut session = meedoen::core::session::Session::new(
        "oefen-1".into(),
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        "intake",
    );
    session.oefenen = true;
    session.klant = "Demo: meneer Bakker (fictief)".into();
    let mut tally = meedoen::core::tally::Tally::default();
    tally.add_bij("welkom", Gedrag::OpenVraag);
    session.tally = Some(tally);
    let set = prepare(bron, &session, &[], None, Keuzes::default()).unwrap();
    assert!(set.trainer);
    let written = write(&paths, &set).unwrap();
    assert_eq!(written.len(), 1);
    assert!(trainer::is_trainer_file(&paths, &written[0]), "{written:?}");
    assert!(!paths.output.exists());
}
