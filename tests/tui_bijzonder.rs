//! Special-category data (AVG art. 9) at export in the app: each finding is decided on
//! with a key that cannot be typed (Alt+L keeps, Alt+H rephrases, Alt+W removes), and the
//! overlay says when a finding is about someone else. Also what the consultant sees
//! before export: the B1 pane on the review screen and, above every note, whether it goes
//! into the plan or stays internal.

mod common;

use meedoen::tui::action::Action;
use meedoen::tui::app::{App, Overlay, Page};
use meedoen::tui::effect::Effect;
use meedoen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    common::press_with(app, code, KeyModifiers::NONE)
}

fn alt(app: &mut App, c: char) -> Vec<Effect> {
    common::press_with(app, KeyCode::Char(c), KeyModifiers::ALT)
}

/// Ctrl+S; these plans have no afspraken, so the gate asks first and Alt+C saves a
/// concept: the special categories are asked after that.
fn save(app: &mut App) -> Vec<Effect> {
    let effects = common::press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    if matches!(app.overlay, Some(Overlay::Gate(_))) {
        return alt(app, 'c');
    }
    effects
}

fn at_review(note: &str) -> App {
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    app.session.set_note("welkom", note.into());
    while app.page != Page::Review {
        let _ = update(
            &mut app,
            Action::Cmd(meedoen::tui::action::Command::Volgende),
        );
    }
    app
}

#[test]
fn each_finding_is_decided_before_the_plan_is_written() {
    let mut app = at_review("Zorgt voor moeder (dementie). Slikt oxazepam. Gaat naar de moskee.");
    assert!(save(&mut app).is_empty());
    let Some(Overlay::Bijzonder(v, open)) = &app.overlay else {
        panic!(
            "expected the special-category question, got {:?}",
            app.overlay
        );
    };
    assert_eq!((v.tekst.as_str(), *open), ("dementie", 3));
    let s = common::screen(&app, 100, 30);
    assert!(s.contains("gaat over een ander"), "{s}");
    assert!(s.contains("Het gaat over iemand anders"), "{s}");
    assert!(s.contains("Alt+L   laten staan"), "{s}");
    assert!(s.contains("Alt+H   vervangen door ‘gezondheid’"), "{s}");
    // A letter, Enter or Delete typed on decides nothing.
    for code in [KeyCode::Char('j'), KeyCode::Enter, KeyCode::Delete] {
        assert!(press(&mut app, code).is_empty());
        assert!(matches!(app.overlay, Some(Overlay::Bijzonder(_, 3))));
    }
    assert!(app.session.note("welkom").contains("dementie"));
    // Alt+H: the neutral word.
    alt(&mut app, 'h');
    assert_eq!(
        app.session.note("welkom"),
        "Zorgt voor moeder (gezondheid). Slikt oxazepam. Gaat naar de moskee."
    );
    let Some(Overlay::Bijzonder(v, 2)) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(v.tekst, "oxazepam");
    // Alt+W: the word goes.
    alt(&mut app, 'w');
    assert_eq!(
        app.session.note("welkom"),
        "Zorgt voor moeder (gezondheid). Slikt. Gaat naar de moskee."
    );
    // Alt+L: kept, and then the plan is written with it (as the concept asked for).
    let effects = alt(&mut app, 'l');
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("expected the export, got {effects:?}");
    };
    let files = &set.files;
    assert!(files[0].1.contains("moskee"));
    assert!(!files[0].1.contains("dementie"));
    assert!(set.stem.ends_with("-concept"), "{}", set.stem);
    // Kept findings are not asked again in this gesprek.
    assert!(matches!(save(&mut app).as_slice(), [Effect::Export(_)]));
}

#[test]
fn esc_goes_back_without_writing_or_changing_anything() {
    let mut app = at_review("Heeft diabetes.");
    assert!(save(&mut app).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Bijzonder(..))));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(app.session.note("welkom"), "Heeft diabetes.");
}

#[test]
fn the_review_screen_marks_hard_sentences_and_saving_still_works() {
    let mut app = at_review(
        "Er wordt door de organisatie gekeken of er sprake is van verdringing van betaalde arbeidsplaatsen in de wijk en daarbuiten en verder.",
    );
    let s = common::screen(&app, 100, 30);
    assert!(
        s.contains("B1 · 1 zin is misschien moeilijk te lezen"),
        "{s}"
    );
    assert!(s.contains("lange zin (22 woorden)"), "{s}");
    // Informs, never blocks.
    assert!(matches!(save(&mut app).as_slice(), [Effect::Export(_)]));
    // A plain plan has no B1 pane.
    let app = at_review("Zij wil graag koken.");
    assert!(!common::screen(&app, 100, 30).contains("B1 ·"));
}

#[test]
fn the_notes_say_whether_they_go_into_the_plan_or_stay_internal() {
    use meedoen::tui::action::Command;
    let mut app = common::app_in_gesprek();
    while app.page != Page::Step("welkom".into()) {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let s = common::screen(&app, 100, 30);
    assert!(s.contains("komt in het plan bij ‘Huidige situatie’"), "{s}");
    // The crisis step has no plan section: its notes are working notes.
    app.session
        .toggle_tag(meedoen::core::taxonomy::TagKind::Belemmering, "crisis");
    while app.page != Page::Step("crisis".into()) {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let s = common::screen(&app, 100, 30);
    assert!(s.contains("intern: komt niet in het plan"), "{s}");
}
