//! Storage limitation on the start screen: clients whose files passed the bewaartermijn
//! are listed at start; Delete twice erases one client's files, a letter never does,
//! and Esc leaves everything in place.

mod common;

use std::fs;

use chrono::NaiveDate;
use meedoen::core::gemeente::Bewaartermijn;
use meedoen::core::session::Session;
use meedoen::store::emergency::Emergency;
use meedoen::store::paths::Paths;
use meedoen::tui::action::Action;
use meedoen::tui::app::{App, Overlay, VerlopenEntry};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::run::{Runner, dispatch};
use meedoen::tui::update::update;
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

fn entry(klant: &str) -> VerlopenEntry {
    VerlopenEntry {
        klant: klant.into(),
        bestanden: 2,
        laatste: "1-3-2020".into(),
    }
}

#[test]
fn delete_twice_erases_letters_never_and_esc_keeps() {
    let mut app = common::app();
    update(
        &mut app,
        Action::VerlopenLoaded(vec![entry("O.P."), entry("S.T.")]),
    );
    assert_eq!(
        app.overlay,
        Some(Overlay::Bewaartermijn {
            keuze: 0,
            bevestigen: false
        })
    );
    for c in ['d', 'j', 'y', 'x', ' ', 'q', 'n'] {
        assert_eq!(press(&mut app, key(KeyCode::Char(c))), Vec::new(), "{c}");
    }
    press(&mut app, key(KeyCode::Down));
    assert_eq!(press(&mut app, key(KeyCode::Delete)), Vec::new());
    assert_eq!(
        app.overlay,
        Some(Overlay::Bewaartermijn {
            keuze: 1,
            bevestigen: true
        })
    );
    // Esc after the first Delete takes the question back, not the list.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(
        app.overlay,
        Some(Overlay::Bewaartermijn {
            keuze: 1,
            bevestigen: false
        })
    );
    press(&mut app, key(KeyCode::Delete));
    assert_eq!(
        press(&mut app, key(KeyCode::Delete)),
        vec![Effect::WisVerlopen(1)]
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
}

#[test]
fn at_start_the_runner_lists_and_erases_one_client_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::portable(dir.path());
    fs::create_dir_all(&paths.output).unwrap();
    for (stem, klant, datum) in [
        (
            "oud-op",
            "O.P.",
            NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
        ),
        (
            "oud-st",
            "S.T.",
            NaiveDate::from_ymd_opt(2021, 5, 1).unwrap(),
        ),
        ("nieuw-uv", "U.V.", common::today()),
    ] {
        let mut s = Session::new(format!("id-{stem}"), datum, "test");
        s.klant = klant.into();
        fs::write(
            paths.output.join(format!("{stem}.sessie.ron")),
            ron::to_string(&s).unwrap(),
        )
        .unwrap();
        fs::write(paths.output.join(format!("{stem}.md")), "plan").unwrap();
    }
    let mut runner = Runner::with_emergency(paths.clone(), Emergency::new(dir.path().join("n")));
    let mut app = common::app();
    app.gemeente.bewaartermijn = Bewaartermijn {
        concepten: Some(6),
        gesprekken: Some(24),
    };
    let listed = runner.perform(Effect::ListVerlopen, &app).unwrap();
    dispatch(&mut app, &mut runner, listed);
    let klanten: Vec<_> = app
        .start
        .verlopen
        .iter()
        .map(|v| v.klant.as_str())
        .collect();
    assert_eq!(klanten, ["O.P.", "S.T."]);
    let delete = map_key(&app, key(KeyCode::Delete)).unwrap();
    dispatch(&mut app, &mut runner, delete.clone());
    assert!(
        paths.output.join("oud-op.md").exists(),
        "erased after one press"
    );
    dispatch(&mut app, &mut runner, delete);
    assert!(!paths.output.join("oud-op.md").exists());
    assert!(!paths.output.join("oud-op.sessie.ron").exists());
    assert!(paths.output.join("oud-st.md").exists());
    assert!(paths.output.join("nieuw-uv.md").exists());
    let klanten: Vec<_> = app
        .start
        .verlopen
        .iter()
        .map(|v| v.klant.as_str())
        .collect();
    assert_eq!(klanten, ["S.T."]);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Van klant O.P. is 2 bestanden gewist")
    );
}

#[test]
fn the_list_is_drawn_with_what_delete_will_do() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = common::app();
    update(&mut app, Action::VerlopenLoaded(vec![entry("O.P.")]));
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| meedoen::tui::screens::view(app, f))
            .unwrap();
        let buf = terminal.backend().buffer().clone();
        (0..24)
            .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect::<String>()
    };
    let screen = draw(&app);
    for must in [
        "Bewaartermijn verstreken",
        "▶ O.P.  2 bestanden, laatste van 1-3-2020",
        "Delete",
    ] {
        assert!(screen.contains(must), "missing {must:?}:\n{screen}");
    }
    press(&mut app, key(KeyCode::Delete));
    let screen = draw(&app);
    assert!(screen.contains("Nogmaals Delete"), "{screen}");
}
