//! The consultant's name is remembered from the last saved plan and offered for the next
//! new gesprek, by the full-screen app and by the line mode alike: both write through
//! `app::export::write` and start through `app::gesprek::nieuw`.

mod common;

use std::io::Cursor;

use chrono::NaiveDate;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::Page;
use meedoen::tui::effect::Effect;
use meedoen::tui::run::Runner;
use meedoen::tui::update::{enter_page, update};

/// A gesprek saved in the full-screen app, as a concept, under `consulent`.
fn save_in_tui(root: &std::path::Path, consulent: &str) {
    let mut app = common::app_in_gesprek();
    app.session.klant = "AB".into();
    app.session.consulent = consulent.into();
    enter_page(&mut app, Page::Review);
    update(&mut app, Action::Cmd(Command::Exporteren));
    let effects = update(&mut app, Action::Cmd(Command::AlsConcept));
    assert!(
        matches!(effects.as_slice(), [Effect::Export(_)]),
        "{effects:?}"
    );
    let mut runner = Runner::new(Paths::portable(root));
    common::run_effects(&mut app, &mut runner, effects);
    assert!(
        std::fs::read_dir(Paths::portable(root).output)
            .unwrap()
            .count()
            >= 2,
        "the plan and the session are on disk"
    );
}

/// The consulent of a new gesprek started in the full-screen app.
fn new_in_tui(root: &std::path::Path) -> String {
    let app = common::app();
    let mut runner = Runner::new(Paths::portable(root));
    match runner.perform(Effect::CreateSession(None), &app) {
        Some(Action::SessionLoaded(s)) => s.consulent,
        other => panic!("{other:?}"),
    }
}

/// What the line mode says when a new gesprek starts, up to the consultant's question.
fn new_in_line_mode(root: &std::path::Path) -> String {
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    // New gesprek, a client, then the input ends: the draft is kept, nothing saved.
    let mut input = Cursor::new(b"1\nC.D.\n".to_vec());
    let mut out = Vec::new();
    meedoen::access::run_in(Paths::portable(root), today, &mut input, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_saved_plan_names_the_consultant_of_the_next_gesprek_in_both_front_ends() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(new_in_tui(dir.path()), "");
    let out = new_in_line_mode(dir.path());
    assert!(out.contains("Consulent. Enter slaat over:"), "{out}");

    save_in_tui(dir.path(), " Sanne de Vries ");
    assert_eq!(new_in_tui(dir.path()), "Sanne de Vries");
    let out = new_in_line_mode(dir.path());
    assert!(
        out.contains("Consulent. Ingevuld: Sanne de Vries. Enter houdt dit"),
        "{out}"
    );

    // A plan saved without a name keeps the name remembered before.
    save_in_tui(dir.path(), "");
    assert_eq!(new_in_tui(dir.path()), "Sanne de Vries");
    save_in_tui(dir.path(), "Ahmed Yilmaz");
    assert_eq!(new_in_tui(dir.path()), "Ahmed Yilmaz");
}

#[test]
fn a_draft_never_saved_does_not_change_the_remembered_name() {
    let dir = tempfile::tempdir().unwrap();
    save_in_tui(dir.path(), "Sanne de Vries");
    // A line-mode gesprek where another name is typed, then the input ends: a draft.
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut input = Cursor::new(b"1\nC.D.\n/wijzig\nIemand Anders\n".to_vec());
    let mut out = Vec::new();
    meedoen::access::run_in(Paths::portable(dir.path()), today, &mut input, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Nieuwe tekst voor Consulent"), "{out}");
    assert_eq!(new_in_tui(dir.path()), "Sanne de Vries");
}
