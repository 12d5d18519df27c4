//! A vervolggesprek in the app: an afspraak not kept, or only partly, gets a "hoe
//! verder?" row (F3 cycles doorgaan, aanpassen, stoppen) and a reason, and the plan is
//! not written before every such afspraak is decided.

mod common;

use meedoen::core::vervolg::{AfspraakEvaluatie, Besluit, Status};
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Page};
use meedoen::tui::effect::Effect;
use meedoen::tui::form::{FormRow, rows};
use meedoen::tui::keymap::map_key;
use meedoen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match map_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

fn app_with_terugblik() -> App {
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    app.session.evaluaties = vec![AfspraakEvaluatie {
        afspraak: meedoen::core::session::Afspraak {
            wat: "Bellen".into(),
            ..Default::default()
        },
        status: Status::Niet,
        ..AfspraakEvaluatie::default()
    }];
    app
}

#[test]
fn an_afspraak_not_kept_is_decided_with_a_reason_before_export() {
    let mut app = app_with_terugblik();
    while app.page != Page::Review {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    assert!(press(&mut app, KeyCode::Char('e')).is_empty());
    let msg = &app.message.as_ref().unwrap().text;
    assert!(
        msg.contains("afspraak 1 ‘Bellen’ (niet gelukt): doorgaan, aanpassen of stoppen?"),
        "{msg}"
    );
    app.session.evaluaties[0].besluit = Some(Besluit::Aanpassen);
    app.session.evaluaties[0].reden = "Eerst een telefoonnummer zoeken.".into();
    let effects = press(&mut app, KeyCode::Char('e'));
    let [Effect::Export { files, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(
        files[0].1.contains("We passen de afspraak aan."),
        "{}",
        files[0].1
    );
}

#[test]
fn the_form_asks_how_to_go_on_only_for_afspraken_not_kept_and_f3_decides() {
    // The embedded vervolg script, which has the terugblik step.
    let mut app = common::real_app();
    let mut s = meedoen::tui::run::new_session(
        "v".into(),
        common::today(),
        &app.vervolg.id.clone(),
        &meedoen::core::gemeente::Gemeente::default(),
    );
    s.evaluaties = app_with_terugblik().session.evaluaties;
    s.evaluaties[0].status = Status::Nagekomen;
    update(&mut app, Action::SessionLoaded(Box::new(s)));
    let step = app
        .data
        .script
        .steps()
        .find(|s| s.stap.soort == meedoen::core::script::StapSoort::Evaluatie)
        .map(|s| s.stap.id.clone())
        .expect("the vervolg script has a terugblik step");
    while app.page != Page::Step(step.clone()) {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    assert!(!rows(&app).contains(&FormRow::Besluit(0)));
    app.session.evaluaties[0].status = Status::Deels;
    let r = rows(&app);
    let at = r.iter().position(|x| *x == FormRow::Besluit(0)).unwrap();
    assert_eq!(
        r.get(at + 1),
        Some(&FormRow::Text(meedoen::tui::editor::Field::EvalReden(0)))
    );
    while app.form_row != at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::F(3));
    assert_eq!(app.session.evaluaties[0].besluit, Some(Besluit::Doorgaan));
    press(&mut app, KeyCode::F(3));
    assert_eq!(app.session.evaluaties[0].besluit, Some(Besluit::Aanpassen));
}
