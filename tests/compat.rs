//! Compatibility both ways. Sessions and drafts saved by this release (`versie: 1`,
//! kept in `tests/fixtures/versie1/` exactly as written on 2 December 2026) keep
//! loading; a draft from a newer release is shown read-only with a notice and its file
//! is never rewritten, so fields this release does not know are never dropped.

mod common;

use std::fs;
use std::path::Path;

use meedoen::core::session::{Akkoord, SESSION_VERSION};
use meedoen::core::tally::Gedrag;
use meedoen::store::drafts::{Drafts, load_session};
use meedoen::store::emergency::Emergency;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{Overlay, Screen};
use meedoen::tui::effect::Effect;
use meedoen::tui::run::{Runner, dispatch};
use meedoen::tui::update::update;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/versie1");

#[test]
fn todays_draft_and_sessions_keep_loading() {
    let dir = Path::new(FIXTURES);
    for file in ["concept.ron", "2026-11-23-ab.sessie.ron"] {
        let s = load_session(&dir.join(file)).unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(s.versie, 1);
        assert_eq!(s.klant, "A.B.");
        assert_eq!(s.consulent, "Sanne de Vries");
        assert_eq!(s.datum.to_string(), "2026-11-23");
        assert_eq!(
            s.notities["actief"],
            "Ik pas twee dagen per week op mijn kleinkind 🙂"
        );
        assert!(s.notities["welzijn"].contains("‘soms’ té veel"));
        assert_eq!(s.wensen, ["koken", "verdwenen-wens"]);
        assert_eq!(s.belemmeringen, ["fysiek", "taal"]);
        assert_eq!(s.aanpak["fysiek"], "Zittend werk; na een uur pauze.");
        assert!(!s.afspraken.is_empty());
        let tally = s.tally.expect("the tally is kept");
        assert_eq!(tally.log.len(), 2);
        assert_eq!(tally.log[1].1, Gedrag::ReflectieComplex);
    }
    let v = load_session(&dir.join("2026-12-07-ab.sessie.ron")).unwrap();
    assert_eq!(v.plan_versie, 2);
    assert_eq!(v.vervolg_op.as_ref().unwrap().id, "20261123-ab");
    assert!(!v.evaluaties.is_empty());
    assert_eq!(
        v.notities["terugblik"],
        "Het koken ging goed; de rug minder."
    );
    assert_eq!(v.akkoord, Akkoord::Onbekend);
}

#[test]
fn this_release_still_writes_versie_1() {
    // When this changes, add the new release's files as fixtures and keep these.
    assert_eq!(SESSION_VERSION, 1);
}

const NEWER: &str = "(versie: 2, id: \"20270301-000000-0002\", klant: \"N.V.\", \
     datum: \"2027-03-01\", script: \"test\", stemming: \"goed\", \
     notities: {\"welkom\": \"Wil koken\"})";

#[test]
fn a_newer_draft_opens_read_only_and_its_file_stays_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    fs::create_dir_all(&paths.drafts).unwrap();
    let file = paths.drafts.join("20270301-000000-0002.ron");
    fs::write(&file, NEWER).unwrap();
    let mut runner = Runner::with_emergency(paths.clone(), Emergency::new(dir.path().join("n")));
    let mut app = common::app();
    let listed = runner.perform(Effect::ListDrafts, &app).unwrap();
    update(&mut app, listed);
    assert_eq!(app.start.drafts.len(), 1);
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Omlaag));
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Kiezen));
    assert_eq!(app.screen, Screen::Start, "opened for editing");
    match &app.overlay {
        Some(Overlay::Plan(title, text, _)) => {
            assert!(title.contains("Alleen lezen"), "{title}");
            assert!(text.contains("nieuwere versie van meedoen"), "{text}");
            assert!(text.contains("stemming: \"goed\""), "{text}");
        }
        other => panic!("expected the read-only view, got {other:?}"),
    }
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Terug));
    dispatch(&mut app, &mut runner, Action::Cmd(Command::Stoppen));
    assert!(app.quit);
    assert_eq!(fs::read_to_string(&file).unwrap(), NEWER);
    // Nor can the line mode's loader open it for editing.
    let p = Drafts::new(paths.drafts.clone())
        .load("20270301-000000-0002")
        .unwrap_err();
    assert!(p.msg.contains("nieuwere versie"), "{p}");
}
