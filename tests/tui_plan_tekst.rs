//! The plan's own text on the review screen: Ctrl+E opens the sections one at a time,
//! each starting from the notes that feed it; what is typed there is what the plan says,
//! and the notes stay the consultant's. The Samenvatten step starts with a draft summary
//! that ends with a check.

mod common;

use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Overlay, Page};
use meedoen::tui::effect::Effect;
use meedoen::tui::update::{enter_page, update};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    common::press_with(app, code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn at_review() -> App {
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    app.session.set_note(
        "welkom",
        "Slaapt slecht, moeder (dementie) woont in.".into(),
    );
    while app.page != Page::Review {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    app
}

/// The Markdown plan as it would be saved (a concept: the test gesprek is not finished).
fn saved_plan(app: &mut App) -> String {
    common::press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let effects = common::press_with(app, KeyCode::Char('c'), KeyModifiers::ALT);
    // Special-category findings are kept as they are, one by one.
    let mut effects = effects;
    while matches!(app.overlay, Some(Overlay::Bijzonder(..))) {
        effects = common::press_with(app, KeyCode::Char('l'), KeyModifiers::ALT);
    }
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("expected the export, got {effects:?} ({:?})", app.overlay);
    };
    set.files[0].1.clone()
}

#[test]
fn a_section_starts_from_its_notes_and_the_plan_says_what_was_typed() {
    let mut app = at_review();
    common::press_with(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(app.overlay, Some(Overlay::PlanTekst(0)));
    assert_eq!(
        app.editor.text(),
        "Slaapt slecht, moeder (dementie) woont in."
    );
    let s = common::screen(&app, 80, 24);
    assert!(
        s.contains("Tekst in het plan · Huidige situatie (1/7)"),
        "{s}"
    );
    assert!(s.contains("Begint met de notities"), "{s}");
    // Rewritten for the client.
    common::press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "U slaapt slecht. Uw moeder woont bij u in.");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![Effect::SaveDraft]);
    assert!(app.overlay.is_none());
    assert_eq!(
        app.session.plan_teksten.get("situatie").map(String::as_str),
        Some("U slaapt slecht. Uw moeder woont bij u in.")
    );
    // The notes stay the consultant's.
    assert_eq!(
        app.session.note("welkom"),
        "Slaapt slecht, moeder (dementie) woont in."
    );
    // What the review shows is what is written.
    let s = common::screen(&app, 120, 40);
    assert!(
        s.contains("U slaapt slecht. Uw moeder woont bij u in."),
        "{s}"
    );
    assert!(!s.contains("dementie"), "{s}");
    // The diagnosis stays in the consultant's note only, so nothing is asked about it.
    common::press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let effects = common::press_with(&mut app, KeyCode::Char('c'), KeyModifiers::ALT);
    assert!(
        matches!(effects.as_slice(), [Effect::Export(_)]),
        "{effects:?} {:?}",
        app.overlay
    );
    let plan = saved_plan(&mut app);
    assert!(
        plan.contains("U slaapt slecht. Uw moeder woont bij u in."),
        "{plan}"
    );
    assert!(!plan.contains("dementie"), "{plan}");
    assert!(
        !plan.contains("**Welkom"),
        "an edited section has no step headings: {plan}"
    );
}

#[test]
fn tab_moves_through_the_sections_and_the_client_words_are_not_among_them() {
    let mut app = at_review();
    common::press_with(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    let mut koppen = Vec::new();
    for _ in 0..7 {
        let s = common::screen(&app, 120, 40);
        let kop = s
            .lines()
            .find_map(|l| l.split("Tekst in het plan · ").nth(1))
            .unwrap()
            .split(" (")
            .next()
            .unwrap()
            .to_string();
        koppen.push(kop);
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.overlay, Some(Overlay::PlanTekst(0)), "Tab wraps around");
    assert_eq!(
        koppen,
        [
            "Huidige situatie",
            "Wat u al doet",
            "Eerdere trajecten",
            "Uw wensen en talenten",
            "Wat het lastig maakt",
            "Wat u gaat doen",
            "Samenvatting"
        ]
    );
    common::press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.overlay, Some(Overlay::PlanTekst(6)));
    // Opening and leaving without typing changes nothing.
    press(&mut app, KeyCode::Esc);
    assert!(app.session.plan_teksten.is_empty());
}

#[test]
fn the_samenvatten_step_starts_with_a_draft_that_ends_with_a_check() {
    let mut app = common::real_app();
    let s = meedoen::tui::run::new_session(
        "20261123-100000-abcd".into(),
        common::today(),
        "intake",
        &meedoen::core::gemeente::Gemeente::default(),
    );
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    app.session.wensen = vec!["koken".into()];
    app.session.uren_kan = Some(4);
    enter_page(&mut app, Page::Step("tussentijds-samenvatten".into()));
    let note = app.session.note("tussentijds-samenvatten").to_string();
    assert_eq!(
        note,
        "Als ik het goed begrijp: u wilt graag iets doen met koken. U kunt nu ongeveer 4 uur per week. Klopt dat?"
    );
    assert_eq!(app.editor.text(), note);
    // The consultant's edit stays: the draft is not put back on a second visit.
    app.session.set_note(
        "tussentijds-samenvatten",
        "U kookt graag. Klopt dat?".into(),
    );
    enter_page(&mut app, Page::Step("tussentijds-samenvatten".into()));
    assert_eq!(
        app.session.note("tussentijds-samenvatten"),
        "U kookt graag. Klopt dat?"
    );
    // It feeds the situatie, without the question meant for the client.
    assert_eq!(
        meedoen::core::sectie::tekst(
            &app.session,
            &app.data,
            meedoen::core::script::PlanSectie::Situatie
        ),
        "U kookt graag."
    );
}
