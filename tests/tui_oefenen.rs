//! Practice in the TUI, as a class sees it: the demo client's answer follows what the
//! trainer tallied and is never cut off, tally mode leaves the page's other keys working,
//! and research citations (`bron`) never reach the screen.

mod common;

use meedoen::core::oefen::Zet;
use meedoen::store::paths::Paths;
use meedoen::tui::app::{App, Mode, Overlay, Page, StartItem};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::run::Runner;
use meedoen::tui::screens::view;
use meedoen::tui::update::{enter_page, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_key(app, k) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// The screen as one line of words, so a wrapped sentence can be searched for.
fn words(s: &str) -> String {
    s.replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A practice session with the first demo client, open on the step with this id.
fn practice(step: &str) -> (App, tempfile::TempDir, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Runner::new(Paths::portable(dir.path()));
    let mut app = common::real_app();
    app.mode = Mode::Oefenen;
    assert_eq!(app.start_items()[0], StartItem::Oefenklant(0));
    let effects = press(&mut app, key(KeyCode::Enter));
    common::run_effects(&mut app, &mut r, effects);
    assert!(app.session.oefenen);
    enter_page(&mut app, Page::Step(step.into()));
    (app, dir, r)
}

#[test]
fn the_demo_answer_follows_the_tallied_move_and_fits_80x24() {
    let step = "wensen-en-krachten";
    let (mut app, _dir, _r) = practice(step);
    let klant = app.oefenklant().unwrap().clone();
    press(&mut app, key(KeyCode::F(6)));
    press(&mut app, key(KeyCode::F(4)));
    let before = words(&screen(&app, 80, 24));
    assert!(before.contains("na een open vraag"), "{before}");
    let open = klant.antwoord_op(step, Zet::OpenVraag).unwrap();
    assert!(before.contains(open), "{open:?} not whole in\n{before}");

    // A complex reflection: the client answers with change talk.
    press(&mut app, key(KeyCode::Char('5')));
    let after = words(&screen(&app, 80, 24));
    let refl = klant.antwoord_op(step, Zet::Reflectie).unwrap();
    assert_ne!(refl, open);
    assert!(after.contains("na een reflectie"), "{after}");
    assert!(after.contains(refl), "{refl:?} not whole in\n{after}");

    // Advice without permission: resistance.
    press(&mut app, key(KeyCode::Char('.')));
    let advies = klant
        .antwoord_op(step, Zet::AdviesZonderToestemming)
        .unwrap();
    let shown = words(&screen(&app, 80, 24));
    assert!(shown.contains(advies), "{advies:?} not in\n{shown}");
    // Client talk does not change what the client responds to.
    press(&mut app, key(KeyCode::Char('+')));
    assert!(words(&screen(&app, 80, 24)).contains(advies));
    // One-key undo takes back the client talk, then the advice.
    press(&mut app, key(KeyCode::Char('*')));
    press(&mut app, key(KeyCode::Char('*')));
    assert!(words(&screen(&app, 80, 24)).contains(refl));
    assert_eq!(
        app.session.note(step),
        "",
        "nothing was typed into the notes"
    );
}

#[test]
fn tally_mode_keeps_f2_and_ctrl_s_but_not_letters() {
    let (mut app, _dir, _r) = practice("hoe-gaat-het");
    press(&mut app, key(KeyCode::F(6)));
    press(&mut app, key(KeyCode::F(2)));
    assert_eq!(app.overlay, Some(Overlay::Toelichting));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    assert!(app.turven, "Esc closed the overlay, not tally mode");
    press(&mut app, key(KeyCode::Char('2')));
    enter_page(&mut app, Page::Review);
    assert!(press(&mut app, key(KeyCode::Char('x'))).is_empty());
    assert!(
        press(&mut app, key(KeyCode::Char('e'))).is_empty(),
        "letters do nothing"
    );
    // The hints and the help say which key saves while tallying.
    let shown = screen(&app, 100, 30);
    let hints = shown.lines().last().unwrap();
    assert!(hints.contains("Ctrl+S plan opslaan"), "{hints}");
    press(&mut app, key(KeyCode::F(1)));
    let help = screen(&app, 100, 40);
    assert!(help.contains("Ook tijdens het turven"), "{help}");
    press(&mut app, key(KeyCode::Esc));
    let effects = press(&mut app, ctrl('s'));
    assert!(
        matches!(effects.as_slice(), [Effect::TrainerBestanden { .. }]),
        "{effects:?}"
    );
}

#[test]
fn research_citations_never_reach_the_screen() {
    let (mut app, _dir, _r) = practice("wensen-en-krachten");
    press(&mut app, key(KeyCode::F(2)));
    let shown = screen(&app, 160, 60);
    assert!(shown.contains("Wat u zou kunnen of willen"), "{shown}");
    assert!(!shown.contains("Bron"), "{shown}");
    assert!(
        !shown.contains(":L"),
        "a citation like 001:L882 is on screen:\n{shown}"
    );
}

#[test]
fn the_projector_shows_large_slides_that_scroll_and_ignore_typing() {
    use meedoen::tui::projector::dias;
    use meedoen::tui::screens::groot;
    let (mut app, _dir, _r) = practice("hoe-gaat-het");
    press(&mut app, key(KeyCode::F(5)));
    let first = screen(&app, 80, 24);
    // The step title, in block letters: "Hoe gaat het met u?" breaks into two lines.
    let kop = groot::afbreken("Hoe gaat het met u?", 78);
    assert!(first.contains(&groot::regels(&kop[0])[0]), "{first}");
    let n = dias(&app).len();
    assert_eq!(n, 1 + 3 + 1, "title, three techniques, the client");
    assert!(first.contains(&format!("dia 1 van {n}")), "{first}");
    assert!(
        !first.contains("Notities"),
        "no notes field on the projector"
    );
    // Typing does nothing: not into hidden notes, not as a command.
    for c in "xq2 e".chars() {
        assert!(press(&mut app, key(KeyCode::Char(c))).is_empty(), "{c:?}");
    }
    assert_eq!(app.session.note("hoe-gaat-het"), "");
    assert_eq!(app.dia, 0);
    // Down pages through the techniques to the client's answer, and stops there.
    press(&mut app, key(KeyCode::Down));
    let tech = screen(&app, 80, 24);
    assert!(tech.contains(&groot::regels("Open")[0]), "{tech}");
    assert!(
        words(&tech).contains("Goed: “Wat zou u kunnen of willen?”"),
        "{tech}"
    );
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.dia, n - 1);
    let last = words(&screen(&app, 80, 24));
    let answer = app.oefenklant().unwrap().antwoord("hoe-gaat-het").unwrap();
    assert!(last.contains(answer), "{answer:?} not in {last}");
    assert!(last.contains("na een open vraag"), "{last}");
    // PgDn goes on to the next step's first slide; Esc leaves the projector.
    press(&mut app, key(KeyCode::PageDown));
    assert_eq!((app.dia, app.presentatie), (0, true));
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.presentatie);
    let back = screen(&app, 80, 24);
    assert!(
        back.contains("Situatie: dagritme"),
        "the notes are back: {back}"
    );
}

#[test]
fn the_projector_keeps_tallying_on_the_keypad() {
    let (mut app, _dir, _r) = practice("hoe-gaat-het");
    press(&mut app, key(KeyCode::F(6)));
    press(&mut app, key(KeyCode::F(5)));
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.dia, 1, "arrows page the slides while tallying");
    let t = app.session.tally.as_ref().unwrap();
    assert_eq!(t.reflectie_complex, 1);
    let shown = screen(&app, 80, 24);
    assert!(
        !shown.contains("TURVEN"),
        "the projector stays calm: {shown}"
    );
}
