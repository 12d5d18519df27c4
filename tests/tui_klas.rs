//! A class session in the TUI, end to end through `update` and a real runner on a
//! temporary folder: a round with its countdown, tally and globals written as Markdown
//! and CSV to the trainer folder, the class overview, Ctrl+Q mid-round (ask, then save),
//! leaving practice only after a confirmation, resizing and bad input.

mod common;

use meedoen::core::klas::KlasOpties;
use meedoen::core::tally::Gedrag;
use meedoen::store::paths::Paths;
use meedoen::store::trainer;
use meedoen::tui::action::{Action, ClientEntry};
use meedoen::tui::app::{App, Mode, Overlay, Screen, StartItem};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::run::Runner;
use meedoen::tui::screens::{groot, view};
use meedoen::tui::start_klas;
use meedoen::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The answer key of the trainer's questions (Alt+J by default).
fn alt_j() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

/// Performs effects and what follows from them; returns every effect seen.
fn run(app: &mut App, r: &mut Runner, effects: Vec<Effect>) -> Vec<Effect> {
    let mut seen = Vec::new();
    for e in effects {
        seen.push(e.clone());
        if let Some(a) = r.perform(e, app) {
            let more = update(app, a);
            seen.extend(run(app, r, more));
        }
    }
    seen
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

fn klas_app(minuten: u64) -> (App, tempfile::TempDir, Runner, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let r = Runner::new(paths.clone());
    let mut app = common::real_app();
    let opties = KlasOpties::check("Groep A", &["Anna".into(), "Bram".into()], minuten).unwrap();
    start_klas(&mut app, Some(opties));
    assert_eq!(app.mode, Mode::Oefenen);
    (app, dir, r, paths)
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Starts a round with the first demo client.
fn start_round(app: &mut App, r: &mut Runner) {
    assert_eq!(app.start_items()[0], StartItem::Oefenklant(0));
    let effects = press(app, key(KeyCode::Enter));
    run(app, r, effects);
    assert_eq!(app.screen, Screen::Gesprek);
    assert_eq!(
        app.turven,
        app.klas.is_some(),
        "a class round is tallied from the first second"
    );
}

#[test]
fn a_round_is_timed_tallied_rated_and_written_to_the_trainer_folder() {
    let (mut app, _dir, mut r, paths) = klas_app(10);
    let start = screen(&app, 80, 24);
    assert!(start.contains("Klassessie: Groep A"), "{start}");
    assert!(start.contains("Volgende ronde: Anna"), "{start}");
    start_round(&mut app, &mut r);
    // The trainer tallies; the runner's clock is simulated.
    for (sec, k) in [(30, '2'), (95, '5'), (96, '+'), (140, '.'), (141, '-')] {
        app.verstreken = sec;
        press(&mut app, ch(k));
    }
    update(&mut app, Action::Tick(95));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ronde 1"), "{shown}");
    assert!(shown.contains("Anna"), "{shown}");
    // 10:00 minus 1:35 = 8:25, in large digits.
    assert!(shown.contains(&groot::regels("8:25")[0]), "{shown}");
    assert!(shown.contains("TURVEN"), "{shown}");

    app.verstreken = 542;
    press(&mut app, key(KeyCode::F(7)));
    assert!(matches!(app.overlay, Some(Overlay::Globals(0, _))));
    let form = screen(&app, 100, 30);
    assert!(form.contains("Verandertaal cultiveren"), "{form}");
    assert!(
        form.contains("vaak, maar niet consequent"),
        "the anchor of 3: {form}"
    );
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Left));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        effects.as_slice(),
        [Effect::TrainerBestanden { .. }]
    ));
    run(&mut app, &mut r, effects);

    let msg = app.message.clone().unwrap().text;
    assert!(msg.starts_with("Ronde 1 opgeslagen: "), "{msg}");
    assert_eq!(app.screen, Screen::Start);
    let k = app.klas.as_ref().unwrap();
    assert_eq!(k.klas.rondes.len(), 1);
    assert_eq!(k.deelnemer(), Some("Bram"), "the next turn");
    let written = files(&trainer::dir(&paths));
    let stem = format!("{}-Groep-A", app.today.format("%Y-%m-%d"));
    assert_eq!(
        written,
        [
            format!("{stem}-klasoverzicht.md"),
            format!("{stem}-ronde-1-Anna.csv"),
            format!("{stem}-ronde-1-Anna.md"),
        ]
    );
    assert!(files(&paths.output).is_empty(), "nothing beside the plans");
    let csv = std::fs::read_to_string(trainer::dir(&paths).join(&written[1])).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "tijd,stap,code,spreker");
    assert_eq!(
        rows[1],
        "0:30,Welkom en doel van het gesprek,Open vraag,consulent"
    );
    assert_eq!(
        rows[3],
        "1:36,Welkom en doel van het gesprek,Verandertaal (klant),klant"
    );
    assert_eq!(rows.len(), 6);
    let md = std::fs::read_to_string(trainer::dir(&paths).join(&written[2])).unwrap();
    assert!(md.contains("- Duur: 9:02 (timer: 10:00)"), "{md}");
    assert!(md.contains("| Verandertaal cultiveren | 4 |"), "{md}");
    assert!(md.contains("| Behoudtaal verzachten | 2 |"), "{md}");
    let overzicht = std::fs::read_to_string(trainer::dir(&paths).join(&written[0])).unwrap();
    assert!(overzicht.contains("| 1 | Anna |"), "{overzicht}");
    assert!(overzicht.contains("| Bram | 0 |"), "{overzicht}");
    assert!(screen(&app, 80, 24).contains("Klasoverzicht:"));
}

#[test]
fn ctrl_q_mid_round_asks_and_saves_the_round_before_stopping() {
    let (mut app, _dir, mut r, paths) = klas_app(10);
    start_round(&mut app, &mut r);
    press(&mut app, ch('4'));
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(press(&mut app, ctrl_q).is_empty(), "no quit yet");
    assert_eq!(app.overlay, Some(Overlay::Stoppen));
    assert!(screen(&app, 80, 24).contains("Deze ronde is nog niet opgeslagen"));
    // Esc goes back, the round intact.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.session
            .tally
            .as_ref()
            .unwrap()
            .count(Gedrag::ReflectieEenvoudig),
        1
    );
    press(&mut app, ctrl_q);
    // Typing on, or Enter from the notes, answers nothing.
    for k in [ch('j'), ch('y'), ch('t'), key(KeyCode::Enter)] {
        assert!(press(&mut app, k).is_empty());
        assert_eq!(app.overlay, Some(Overlay::Stoppen));
    }
    let effects = press(&mut app, alt_j());
    let seen = run(&mut app, &mut r, effects);
    assert_eq!(seen.last(), Some(&Effect::Quit), "{seen:?}");
    assert_eq!(files(&trainer::dir(&paths)).len(), 3);
}

#[test]
fn ctrl_q_in_plain_practice_saves_the_report_to_the_trainer_folder() {
    let (mut app, _dir, mut r, paths) = klas_app(10);
    app.klas = None;
    start_round(&mut app, &mut r);
    press(&mut app, key(KeyCode::F(6)));
    assert!(app.turven);
    press(&mut app, ch('2'));
    press(
        &mut app,
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL),
    );
    assert_eq!(app.overlay, Some(Overlay::Stoppen));
    let effects = press(&mut app, alt_j());
    let seen = run(&mut app, &mut r, effects);
    assert_eq!(seen.last(), Some(&Effect::Quit));
    let written = files(&trainer::dir(&paths));
    assert_eq!(written.len(), 1);
    assert!(written[0].starts_with("oefening-") && written[0].ends_with(".mi-rapport.md"));
    assert!(files(&paths.output).is_empty());
}

#[test]
fn leaving_practice_never_shows_real_clients_without_a_confirmation() {
    let (mut app, _dir, _r, _paths) = klas_app(10);
    app.start.clients.push(ClientEntry {
        klant: "Echte-Klant-4B".into(),
        laatste: "1-11-2026".into(),
        volgend_contact: None,
        opvolgen: None,
        te_laat: false,
        plan_versie: 1,
        sessie: "x.sessie.ron".into(),
        gemeente: None,
        datum: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    });
    let last = app.start_items().len() - 1;
    assert_eq!(app.start_items()[last], StartItem::Echt);
    for _ in 0..last {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.overlay, Some(Overlay::VerlaatOefenen));
    assert_eq!(app.mode, Mode::Oefenen);
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("Echte-Klant"), "{shown}");
    assert!(shown.contains("projector"), "{shown}");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.mode, Mode::Oefenen);
    assert!(!screen(&app, 100, 30).contains("Echte-Klant"));
    // A held Enter, or a typed j, does not answer the question.
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('j'));
    assert_eq!(app.mode, Mode::Oefenen);
    assert!(screen(&app, 100, 30).contains("Alt+J"));
    press(&mut app, alt_j());
    assert_eq!(app.mode, Mode::Echt);
    assert!(screen(&app, 100, 30).contains("Echte-Klant"));
}

#[test]
fn the_participant_and_timer_are_chosen_with_keys_that_type_nothing() {
    let (mut app, _dir, mut r, _paths) = klas_app(10);
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.klas.as_ref().unwrap().deelnemer(), Some("Bram"));
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.klas.as_ref().unwrap().deelnemer(), Some("Anna"));
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.klas.as_ref().unwrap().timer, 660);
    for _ in 0..20 {
        press(&mut app, key(KeyCode::PageDown));
    }
    assert_eq!(app.klas.as_ref().unwrap().timer, 0);
    start_round(&mut app, &mut r);
    let l = app.klas.as_ref().unwrap().lopend.clone().unwrap();
    assert_eq!((l.deelnemer.as_str(), l.duur), ("Bram", 0));
}

#[test]
fn a_zero_second_round_without_timer_is_saved_as_such() {
    let (mut app, _dir, mut r, paths) = klas_app(0);
    start_round(&mut app, &mut r);
    app.verstreken = 0;
    assert!(screen(&app, 80, 24).contains("geen timer"));
    press(&mut app, key(KeyCode::F(7)));
    let effects = press(&mut app, key(KeyCode::Enter));
    run(&mut app, &mut r, effects);
    let dir = trainer::dir(&paths);
    let md = files(&dir)
        .into_iter()
        .find(|f| f.ends_with("Anna.md"))
        .unwrap();
    let text = std::fs::read_to_string(dir.join(md)).unwrap();
    assert!(text.contains("- Duur: 0:00 (timer: geen)"), "{text}");
    assert!(text.contains("Niets geturfd."), "{text}");
}

#[test]
fn resizing_and_ten_thousand_codes_lose_nothing() {
    let (mut app, _dir, mut r, _paths) = klas_app(10);
    start_round(&mut app, &mut r);
    for i in 0..10_000u64 {
        app.verstreken = i / 10;
        press(&mut app, ch(if i % 2 == 0 { '2' } else { '5' }));
    }
    for (w, h) in [(80, 24), (200, 60), (60, 20), (80, 24)] {
        let s = screen(&app, w, h);
        assert!(!s.trim().is_empty());
    }
    let t = app.session.tally.as_ref().unwrap();
    assert_eq!((t.open_vraag, t.reflectie_complex), (5_000, 5_000));
    assert_eq!(t.tijdlijn.len(), 10_000);
    assert!(screen(&app, 80, 24).contains("5000"));
}

#[test]
fn wis_and_the_plan_never_mix_with_trainer_files() {
    use meedoen::store::erase::{execute, plan_erase};
    use meedoen::tui::action::Command;
    use meedoen::tui::app::Page;
    use meedoen::tui::update::enter_page;

    // A class round first: its files lie in the trainer folder.
    let (mut app, _dir, mut r, paths) = klas_app(10);
    start_round(&mut app, &mut r);
    press(&mut app, ch('2'));
    press(&mut app, key(KeyCode::F(7)));
    let effects = press(&mut app, key(KeyCode::Enter));
    run(&mut app, &mut r, effects);
    let trainer_files = files(&trainer::dir(&paths));
    assert_eq!(trainer_files.len(), 3);

    // Then a real, tallied gesprek with a plan.
    app.klas = None;
    app.mode = Mode::Echt;
    let effects = update(&mut app, Action::Cmd(Command::Nieuw));
    run(&mut app, &mut r, effects);
    app.session.klant = "ZZ".into();
    enter_page(&mut app, Page::Step("welkom".into()));
    update(&mut app, Action::Cmd(Command::Turven));
    update(&mut app, Action::Turf(Gedrag::OpenVraag));
    update(&mut app, Action::Cmd(Command::Turven));
    enter_page(&mut app, Page::Review);
    // The plan is not finished: the gate asks, and it is saved as a concept.
    update(&mut app, Action::Cmd(Command::Exporteren));
    assert!(matches!(app.overlay, Some(Overlay::Gate(_))));
    let effects = update(&mut app, Action::Cmd(Command::AlsConcept));
    run(&mut app, &mut r, effects);
    let plans = files(&paths.output);
    assert_eq!(plans.len(), 3, "{plans:?}");
    let md = plans
        .iter()
        .find(|p| p.ends_with(".md") && !p.ends_with(".mi-rapport.md"));
    let plan = std::fs::read_to_string(paths.output.join(md.unwrap())).unwrap();
    for trainer_text in ["R:Q", "Terugkoppeling", "Anna", "Groep A", "Ronde", "MITI"] {
        assert!(
            !plan.contains(trainer_text),
            "{trainer_text} in the plan:\n{plan}"
        );
    }

    // Erasing the client takes the report beside the plan and leaves the trainer folder.
    let erasure = plan_erase(&paths, "ZZ");
    let names: Vec<String> = erasure
        .files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with(".mi-rapport.md")),
        "{names:?}"
    );
    assert!(
        erasure
            .files
            .iter()
            .all(|p| !trainer::is_trainer_file(&paths, p))
    );
    execute(&erasure).unwrap();
    assert!(
        files(&paths.output).is_empty(),
        "{:?}",
        files(&paths.output)
    );
    assert_eq!(files(&trainer::dir(&paths)), trainer_files);
}

#[test]
fn bad_class_options_stop_before_anything_starts() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_meedoen"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&[
        "oefenen",
        "--klas",
        "Groep",
        "--deelnemer",
        "Anna 123456782",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("deelnemer `Anna 123456782`") && err.contains("BSN"),
        "{err}"
    );
    let (code, err) = run(&["oefenen", "--deelnemer", "Anna"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--klas"), "{err}");
    let (code, err) = run(&["oefenen", "--klas", "Groep"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("minstens één deelnemer"), "{err}");
}

#[test]
fn typing_in_the_trainers_windows_answers_and_changes_nothing() {
    // What a trainer still typing a note, or a class member at the keyboard, might send.
    let stream = "Ja, jy nt tja! + - / ? 0123456789 . * é";
    let typed = |app: &mut App| {
        for c in stream.chars() {
            assert!(press(app, ch(c)).is_empty(), "{c:?} acted");
        }
    };
    let (mut app, _dir, mut r, _paths) = klas_app(10);
    start_round(&mut app, &mut r);
    press(&mut app, ch('2'));
    // The globals: a rating changes only with the arrows.
    press(&mut app, key(KeyCode::F(7)));
    let globals = app.overlay.clone();
    assert!(matches!(globals, Some(Overlay::Globals(..))));
    typed(&mut app);
    assert_eq!(app.overlay, globals);
    press(&mut app, key(KeyCode::Right));
    assert_ne!(app.overlay, globals);
    press(&mut app, key(KeyCode::Esc));
    // The question before stopping.
    press(
        &mut app,
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL),
    );
    typed(&mut app);
    assert_eq!(app.overlay, Some(Overlay::Stoppen));
    press(&mut app, key(KeyCode::Esc));
    // The projector, with tally mode off: no slide turns, nothing is counted.
    press(&mut app, key(KeyCode::F(6)));
    assert!(!app.turven);
    press(&mut app, key(KeyCode::F(5)));
    let tally = app.session.tally.clone();
    let dia = app.dia;
    typed(&mut app);
    assert_eq!((app.dia, &app.session.tally), (dia, &tally));
    assert!(app.presentatie);
    assert_eq!(app.session.notities.get(&app.session.huidige_stap), None);
}
