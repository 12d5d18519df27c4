//! What the afspraken and terugblik pages add to the plan. A vervolggesprek: an afspraak
//! not kept, or only partly, gets a "hoe verder?" row (F3 cycles doorgaan, aanpassen,
//! stoppen) and a reason, and the plan is not written before every such afspraak is
//! decided. An eigen activiteit (Ctrl+E) and the reason for an excluded option chosen
//! anyway end up in the plan like a catalogue option does.

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
    press_with(app, code, KeyModifiers::NONE)
}

fn press_with(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    match map_key(app, KeyEvent::new(code, mods)) {
        Some(a) => update(app, a),
        None => Vec::new(),
    }
}

/// Ctrl+S; a plan the gate holds (no akkoord yet) is saved as a concept with Alt+C.
fn save(app: &mut App) -> Vec<Effect> {
    let effects = press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    if matches!(app.overlay, Some(meedoen::tui::app::Overlay::Gate(_))) {
        return press_with(app, KeyCode::Char('c'), KeyModifiers::ALT);
    }
    effects
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
    assert!(save(&mut app).is_empty());
    let msg = &app.message.as_ref().unwrap().text;
    assert!(
        msg.contains("afspraak 1 ‘Bellen’ (niet gelukt): doorgaan, aanpassen of stoppen?"),
        "{msg}"
    );
    app.session.evaluaties[0].besluit = Some(Besluit::Aanpassen);
    app.session.evaluaties[0].reden = "Eerst een telefoonnummer zoeken.".into();
    let effects = save(&mut app);
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let files = &set.files;
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

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn an_eigen_activiteit_is_added_with_ctrl_e_and_written_like_an_option() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    while app.page != Page::Step("afspraken".into()) {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
    let a = map_key(&app, ctrl_e).expect("Ctrl+E is bound on the afspraken page");
    update(&mut app, a);
    assert_eq!(
        app.editor.field,
        meedoen::tui::editor::Field::EigenTitel(0),
        "the cursor goes to the new activity"
    );
    type_text(&mut app, "Kookgroep De Linde");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Buurthuis De Linde");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Marja");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2");
    let e = &app.session.eigen[0];
    assert_eq!(
        (
            e.titel.as_str(),
            e.plaats.as_str(),
            e.contact.as_str(),
            e.uren
        ),
        ("Kookgroep De Linde", "Buurthuis De Linde", "Marja", Some(2))
    );
    while app.page != Page::Review {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let effects = save(&mut app);
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let files = &set.files;
    let plan = &files[0].1;
    assert!(plan.contains("### Kookgroep De Linde"), "{plan}");
    assert!(plan.contains("- **Waar:** Buurthuis De Linde"), "{plan}");
    assert!(plan.contains("- **Tijd:** 2 uur per week"), "{plan}");
    assert!(
        plan.contains("**Wat u gaat doen:** Kookgroep De Linde"),
        "{plan}"
    );
}

#[test]
fn an_excluded_option_chosen_anyway_asks_why_and_the_plan_says_so() {
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    // Lichamelijke klachten exclude the buurtkeuken (lang staan en tillen).
    app.session
        .toggle_tag(meedoen::core::taxonomy::TagKind::Belemmering, "fysiek");
    app.session.toggle_chosen("buurtkeuken");
    while app.page != Page::Step("afspraken".into()) {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let reden = FormRow::Text(meedoen::tui::editor::Field::GekozenReden(
        "buurtkeuken".into(),
    ));
    let at = rows(&app).iter().position(|r| *r == reden);
    let at = at.expect("a 'gekozen omdat' row for the excluded option");
    while app.form_row != at {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "zij zittend kan werken");
    while app.page != Page::Review {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let effects = save(&mut app);
    let [Effect::Export(set)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let files = &set.files;
    assert!(
        files[0]
            .1
            .contains("- **Gekozen omdat:** zij zittend kan werken"),
        "{}",
        files[0].1
    );
}

#[test]
fn kopieer_naar_klembord_puts_the_text_plan_there_or_says_where_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner =
        meedoen::tui::run::Runner::new(meedoen::store::paths::Paths::portable(dir.path()));
    let mut app = common::app_in_gesprek();
    app.session.klant = "A.B.".into();
    app.session
        .set_note("welkom", "Zij wil graag koken.".into());
    while app.page != Page::Review {
        let _ = update(&mut app, Action::Cmd(Command::Volgende));
    }
    let ctrl_k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
    let kopieren = map_key(&app, ctrl_k).expect("Ctrl+K is bound");
    let effects = update(&mut app, kopieren);
    let [Effect::Kopieer { tekst, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(
        tekst.starts_with("PLAN VAN AANPAK"),
        "the text version: {tekst}"
    );
    common::run_effects(&mut app, &mut runner, effects);
    let msg = app.message.as_ref().unwrap().text.clone();
    if cfg!(windows) {
        assert!(msg.contains("klembord"), "{msg}");
    } else {
        // No clipboard here: the text is written to a file, and the message says where.
        assert!(
            msg.starts_with("Niet gekopieerd: Er is op deze computer geen klembord beschikbaar"),
            "{msg}"
        );
        let path = msg.rsplit("De tekst staat in ").next().unwrap();
        let on_disk = std::fs::read_to_string(path).unwrap();
        assert!(on_disk.contains("Zij wil graag koken."), "{on_disk}");
    }
}
