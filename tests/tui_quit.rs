//! Stopping never loses typed text: when the draft cannot be saved, Ctrl+Q asks what to
//! do, no letter or digit picks anything, only F10 lets the text go, and an emergency
//! copy in the temp folder is offered back on the start screen.

mod common;

use std::fs;

use meedoen::core::session::Session;
use meedoen::store::emergency::Emergency;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Onbewaard, Overlay, Screen};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::run::{Runner, dispatch};
use meedoen::tui::screens::view;
use meedoen::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn blocked(app: &mut App) {
    update(
        app,
        Action::QuitBlocked {
            melding: "De schijf is vol.".into(),
            noodkopie: None,
            mappen: vec!["/tmp/nood".into(), "/home/c/Bureaublad".into()],
        },
    );
}

fn onbewaard(app: &App) -> &Onbewaard {
    match &app.overlay {
        Some(Overlay::Onbewaard(o)) => o,
        other => panic!("expected the choice, got {other:?}"),
    }
}

#[test]
fn no_letter_digit_or_space_answers_the_question() {
    let mut app = common::app_in_gesprek();
    blocked(&mut app);
    for c in ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain([' ', 'j', 'q'])
    {
        assert_eq!(press(&mut app, key(KeyCode::Char(c))), Vec::new(), "{c}");
    }
    assert!(!app.quit);
    assert_eq!(onbewaard(&app).keuze, 0);
    // Ctrl+Q again does not lose anything either.
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(press(&mut app, ctrl_q), Vec::new());
    assert!(!app.quit);
}

#[test]
fn enter_tries_again_esc_goes_back_and_only_f10_loses() {
    let mut app = common::app_in_gesprek();
    blocked(&mut app);
    assert_eq!(app.save_error.as_deref(), Some("De schijf is vol."));
    assert_eq!(press(&mut app, key(KeyCode::Enter)), vec![Effect::Quit]);
    assert!(!app.quit);
    blocked(&mut app);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    assert!(!app.quit);
    // The last row is "back", not "lose": Enter there keeps the gesprek open.
    blocked(&mut app);
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(onbewaard(&app).keuze, Onbewaard::KEUZES.len() - 1);
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.quit && app.overlay.is_none());
    blocked(&mut app);
    press(&mut app, key(KeyCode::F(10)));
    assert!(app.quit);
}

#[test]
fn save_elsewhere_offers_folders_and_stops_once_written() {
    let mut app = common::app_in_gesprek();
    blocked(&mut app);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert!(onbewaard(&app).map_kiezen);
    press(&mut app, key(KeyCode::Down));
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        vec![Effect::SaveElsewhere("/home/c/Bureaublad".into())]
    );
    // A failure keeps the question open with the new reason.
    update(
        &mut app,
        Action::SavedElsewhere(Err("Geen toestemming.".into())),
    );
    assert_eq!(onbewaard(&app).melding, "Geen toestemming.");
    assert!(!app.quit);
    update(
        &mut app,
        Action::SavedElsewhere(Ok("/home/c/Bureaublad/x.ron".into())),
    );
    assert!(app.quit);
    assert!(
        app.afscheid
            .as_deref()
            .unwrap()
            .contains("/home/c/Bureaublad/x.ron")
    );
}

#[test]
fn clipboard_failure_is_said_and_keeps_the_question() {
    let mut app = common::app_in_gesprek();
    blocked(&mut app);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        vec![Effect::CopyToClipboard]
    );
    update(&mut app, Action::Copied(Err("Er is geen klembord.".into())));
    assert!(!app.quit);
    assert_eq!(onbewaard(&app).melding, "Er is geen klembord.");
}

#[test]
fn the_question_is_drawn_with_f10_apart() {
    let mut app = common::app_in_gesprek();
    blocked(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view(&app, f)).unwrap();
    let buf = terminal.backend().buffer();
    let text: String = (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    for must in [
        "Niet opgeslagen",
        "De schijf is vol.",
        "▶ Opnieuw proberen op te slaan",
        "Elders opslaan",
        "klembord",
        "F10",
    ] {
        assert!(text.contains(must), "missing {must:?} in\n{text}");
    }
}

/// A runner whose drafts folder cannot be written: a file stands where it should be.
fn failing_runner(root: &std::path::Path) -> (Runner, Paths, Emergency) {
    let paths = Paths::portable(root);
    fs::create_dir_all(paths.drafts.parent().unwrap()).unwrap();
    fs::write(&paths.drafts, b"geen map").unwrap();
    let nood = Emergency::new(root.join("tmp").join("meedoen-noodkopie"));
    (
        Runner::with_emergency(paths.clone(), nood.clone()),
        paths,
        nood,
    )
}

#[test]
fn a_failing_drafts_folder_blocks_quitting_and_leaves_an_emergency_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut runner, _, nood) = failing_runner(dir.path());
    let mut app = common::app_in_gesprek();
    for c in "Maria".chars() {
        let action = map_key(&app, key(KeyCode::Char(c))).unwrap();
        dispatch(&mut app, &mut runner, action);
    }
    assert_eq!(app.session.klant, "Maria");
    assert!(app.save_error.as_deref().unwrap().contains("noodkopie"));
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Stoppen));
    assert!(!app.quit, "quit with the text only in memory");
    let o = onbewaard(&app).clone();
    let copy = o.noodkopie.expect("an emergency copy");
    assert!(copy.starts_with(nood.dir()));
    let saved: Session = ron::from_str(&fs::read_to_string(&copy).unwrap()).unwrap();
    assert_eq!(saved.klant, "Maria");
    assert_eq!(o.mappen[0], nood.dir());
    // Saving in a chosen folder writes the whole gesprek there and then stops.
    let elders = dir.path().join("elders");
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Omlaag));
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Kiezen));
    if let Some(Overlay::Onbewaard(o)) = &mut app.overlay {
        o.mappen = vec![elders.clone()];
    }
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Kiezen));
    assert!(app.quit);
    let written = fs::read_dir(&elders)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    assert!(fs::read_to_string(written).unwrap().contains("Maria"));
}

#[test]
fn quitting_with_a_working_folder_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let nood = Emergency::new(dir.path().join("nood"));
    let mut runner = Runner::with_emergency(paths.clone(), nood);
    let mut app = common::app_in_gesprek();
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Stoppen));
    assert!(app.quit);
    assert!(app.overlay.is_none());
}

#[test]
fn the_start_screen_offers_an_emergency_copy_back() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    let nood = Emergency::new(dir.path().join("nood"));
    let mut s = meedoen::tui::run::new_session(
        "20261123-090000-0001".into(),
        common::today(),
        "test",
        &Default::default(),
    );
    s.klant = "K.L.".into();
    s.set_note("welkom", "Wil graag koken".into());
    let copy = nood.save(&s).unwrap();
    let mut runner = Runner::with_emergency(paths.clone(), nood);
    let mut app = common::app();
    let listed = runner.perform(Effect::ListDrafts, &app).unwrap();
    update(&mut app, listed);
    assert_eq!(app.start.drafts.len(), 1);
    assert_eq!(
        app.start.drafts[0].noodkopie.as_deref(),
        Some(copy.as_path())
    );
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Omlaag));
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Kiezen));
    assert_eq!(app.screen, Screen::Gesprek);
    assert_eq!(app.session.klant, "K.L.");
    // Back in the drafts folder, and only then gone from the temp folder.
    assert!(paths.drafts.join("20261123-090000-0001.ron").is_file());
    assert!(!copy.exists());
}

#[test]
fn a_terminal_closed_after_the_plan_was_saved_leaves_no_draft_to_resume() {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::portable(root.path());
    let mut runner = Runner::new(paths.clone());
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    // The draft as autosave leaves it.
    common::run_effects(&mut app, &mut runner, vec![Effect::SaveDraft]);
    let drafts = || {
        fs::read_dir(&paths.drafts)
            .map(|d| d.flatten().count())
            .unwrap_or(0)
    };
    assert!(drafts() > 0);
    meedoen::tui::update::enter_page(&mut app, meedoen::tui::app::Page::Review);
    update(&mut app, Action::Cmd(Command::Exporteren));
    let effects = update(&mut app, Action::Cmd(Command::AlsConcept));
    common::run_effects(&mut app, &mut runner, effects);
    assert!(!app.exported.is_empty(), "{:?}", app.message);
    assert!(drafts() > 0, "the draft stays while the app is open");
    // SIGTERM or SIGHUP now: nothing to save, and the gesprek is not offered again.
    assert_eq!(runner.save_before_exit(&app), None);
    assert_eq!(drafts(), 0);
}
