//! New wensen, krachten and belemmeringen kept from inside the app, end to end on the
//! embedded data and a real settings folder: added from the option form's list (and found
//! ticked there), added from "Hele catalogus" with the aanpak texts, refused until valid,
//! typed letters that never act as commands, and a half-filled form kept over a restart.

mod common;

use meedoen::app::Bundle;
use meedoen::core::taxonomy::TagKind;
use meedoen::store::emergency::Emergency;
use meedoen::store::paths::Paths;
use meedoen::tui::action::{Action, Command};
use meedoen::tui::app::{App, Overlay, PageKind, SuggTab};
use meedoen::tui::effect::Effect;
use meedoen::tui::keymap::map_key;
use meedoen::tui::optie_form::Veld;
use meedoen::tui::run::Runner;
use meedoen::tui::term_form::TermVeld;
use meedoen::tui::theme::{Theme, ThemeKind};
use meedoen::tui::update::{enter_page, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        update(
            app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        insta::assert_snapshot!(format!("{name}-{w}x{h}"), common::screen(app, w, h));
    }
}

fn start(root: &std::path::Path) -> (App, Runner) {
    let paths = Paths::portable(root);
    let bundle = Bundle::load_in(paths, None, false, meedoen::tui::keymap::check, "nu");
    let (mut app, paths) = meedoen::tui::load_app(
        bundle,
        &meedoen::tui::Options::default(),
        Theme::new(ThemeKind::Standard),
    );
    app.today = common::today();
    let runner = Runner::with_emergency(paths, Emergency::new(root.join("nood")));
    (app, runner)
}

fn in_catalogus(app: &mut App) {
    let s = meedoen::tui::run::new_session(
        "20261123-100000-abcd".into(),
        common::today(),
        &app.intake.id.clone(),
        &meedoen::core::gemeente::Gemeente::default(),
    );
    update(app, Action::SessionLoaded(Box::new(s)));
    let page = app
        .pages()
        .into_iter()
        .find(|p| {
            enter_page(app, p.clone());
            app.page_kind() == PageKind::Suggesties
        })
        .unwrap();
    enter_page(app, page);
    update(app, Action::Cmd(Command::Zoeken));
    assert_eq!(app.sugg_tab, SuggTab::Catalogus);
}

fn run(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) {
    common::run_effects(app, runner, effects);
}

fn cmd(app: &mut App, runner: &mut Runner, c: Command) {
    let effects = update(app, Action::Cmd(c));
    run(app, runner, effects);
}

/// A key through the keymap, as pressed.
fn press(app: &mut App, runner: &mut Runner, code: KeyCode, mods: KeyModifiers) {
    let effects = common::press_with(app, code, mods);
    run(app, runner, effects);
}

fn typ(app: &mut App, runner: &mut Runner, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = map_key(app, key).expect("a typed letter is text or a search");
        assert!(!matches!(action, Action::Cmd(_)), "{c} acted as a command");
        let effects = update(app, action);
        run(app, runner, effects);
    }
}

fn naar(app: &mut App, veld: TermVeld) {
    while app.term_form.as_ref().unwrap().veld() != veld {
        update(app, Action::Cmd(Command::Omlaag));
    }
}

#[test]
fn a_wens_added_from_the_option_form_is_ticked_there_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    while app.optie_form.as_ref().unwrap().veld() != Veld::Wensen {
        update(&mut app, Action::Cmd(Command::Omlaag));
    }
    // In the open list nothing fits yet: Alt+W makes a new wens.
    cmd(&mut app, &mut runner, Command::Kiezen);
    typ(&mut app, &mut runner, "imker");
    press(&mut app, &mut runner, KeyCode::Char('w'), KeyModifiers::ALT);
    assert_eq!(app.overlay, Some(Overlay::Term));
    let f = app.term_form.as_ref().unwrap();
    assert_eq!((f.soort, f.voor), (TagKind::Wens, Some(Veld::Wensen)));
    typ(&mut app, &mut runner, "Imker worden");
    assert_eq!(
        app.term_form.as_ref().unwrap().tekst(TermVeld::Id),
        "imker-worden"
    );
    snap("term-wens-uit-optie", &mut app);
    // Refused until it has an omschrijving; the cursor goes there.
    press(
        &mut app,
        &mut runner,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );
    let msg = app.message.clone().unwrap().text;
    assert!(
        msg.contains("Omschrijving: Vul een omschrijving in."),
        "{msg}"
    );
    assert_eq!(
        app.term_form.as_ref().unwrap().veld(),
        TermVeld::Omschrijving
    );
    typ(&mut app, &mut runner, "Wil leren bijen houden.");
    naar(&mut app, TermVeld::Synoniemen);
    typ(&mut app, &mut runner, "bijen, honing");
    press(
        &mut app,
        &mut runner,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );

    // Back in the option form, with the new wens ticked.
    assert_eq!(app.overlay, Some(Overlay::Optie), "{:?}", app.message);
    assert!(app.term_form.is_none());
    let o = app.optie_form.as_ref().unwrap();
    assert!(
        o.gekozen(Veld::Wensen)
            .contains(&"imker-worden".to_string())
    );
    let e = app
        .data
        .taxonomy
        .find(TagKind::Wens, "imker-worden")
        .unwrap();
    assert_eq!(e.synoniemen, ["bijen", "honing"]);
    let text = std::fs::read_to_string(dir.path().join("instellingen/taxonomie.ron")).unwrap();
    assert!(text.contains("imker-worden"), "{text}");
    // After a restart it is part of the taxonomy, on top of the built-in wensen.
    let (again, _) = start(dir.path());
    assert_eq!(
        again.data.taxonomy.find(TagKind::Wens, "imker-worden"),
        Some(e)
    );
    assert_eq!(
        again.data.taxonomy.wensen.len(),
        app.data.taxonomy.wensen.len()
    );
}

#[test]
fn a_belemmering_from_the_catalogue_asks_for_both_aanpak_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    press(&mut app, &mut runner, KeyCode::Char('w'), KeyModifiers::ALT);
    assert_eq!(app.overlay, Some(Overlay::Term));
    naar(&mut app, TermVeld::Soort);
    cmd(&mut app, &mut runner, Command::Kiezen);
    cmd(&mut app, &mut runner, Command::Kiezen);
    assert_eq!(app.term_form.as_ref().unwrap().soort, TagKind::Belemmering);
    naar(&mut app, TermVeld::Label);
    typ(&mut app, &mut runner, "Geen fiets");
    naar(&mut app, TermVeld::Omschrijving);
    typ(&mut app, &mut runner, "Heeft geen vervoer naar de plek.");
    naar(&mut app, TermVeld::AanpakPlan);
    typ(&mut app, &mut runner, "Verwijs naar het fietsenplan.");
    snap("term-belemmering-meldingen", &mut app);
    cmd(&mut app, &mut runner, Command::TermOpslaan);
    assert_eq!(app.overlay, Some(Overlay::Term), "refused, the form stays");
    naar(&mut app, TermVeld::Aanpak);
    typ(
        &mut app,
        &mut runner,
        "Zoek met de {klant} een plek dichtbij.",
    );
    naar(&mut app, TermVeld::AanpakPlan);
    cmd(&mut app, &mut runner, Command::VeldLeegmaken);
    typ(
        &mut app,
        &mut runner,
        "We zoeken een plek die u zonder fiets bereikt.",
    );
    cmd(&mut app, &mut runner, Command::TermOpslaan);
    assert_eq!(app.overlay, None, "{:?}", app.message);
    let b = app
        .data
        .taxonomy
        .find(TagKind::Belemmering, "geen-fiets")
        .unwrap();
    assert_eq!(
        b.aanpak_voor("inwoner"),
        "Zoek met de inwoner een plek dichtbij."
    );
    assert!(b.aanpak_plan.starts_with("We zoeken"));
    // Pickable at once in a new option form.
    cmd(&mut app, &mut runner, Command::OptieNieuw);
    let keuzes = meedoen::tui::update::zichtbaar(Veld::WerktAan, "fiets", &app.data.taxonomy);
    assert!(
        keuzes.iter().any(|(id, _)| id == "geen-fiets"),
        "{keuzes:?}"
    );
}

#[test]
fn typed_letters_in_the_new_form_never_act() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    press(&mut app, &mut runner, KeyCode::Char('w'), KeyModifiers::ALT);
    let all: String = (' '..='~').chain("éëïöüß€".chars()).collect();
    for veld in [TermVeld::Label, TermVeld::Omschrijving, TermVeld::Soort] {
        naar(&mut app, veld);
        typ(&mut app, &mut runner, &all);
        assert_eq!(app.overlay, Some(Overlay::Term));
    }
    let f = app.term_form.as_ref().unwrap();
    assert_eq!(f.tekst(TermVeld::Label), all);
    assert_eq!(f.tekst(TermVeld::Omschrijving), all);
    assert_eq!(f.soort, TagKind::Wens, "letters never change the kind");
    assert!(!dir.path().join("instellingen/taxonomie.ron").exists());
}

#[test]
fn a_half_filled_form_survives_a_restart_and_leaving_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = start(dir.path());
    in_catalogus(&mut app);
    press(&mut app, &mut runner, KeyCode::Char('w'), KeyModifiers::ALT);
    typ(&mut app, &mut runner, "Tuinieren");
    drop(app);

    let (mut app, mut runner) = start(dir.path());
    assert!(
        app.start
            .problems
            .iter()
            .any(|p| p.contains("half ingevulde")),
        "{:?}",
        app.start.problems
    );
    in_catalogus(&mut app);
    press(&mut app, &mut runner, KeyCode::Char('w'), KeyModifiers::ALT);
    assert_eq!(
        app.term_form.as_ref().unwrap().tekst(TermVeld::Label),
        "Tuinieren"
    );
    cmd(&mut app, &mut runner, Command::Terug);
    assert!(matches!(app.overlay, Some(Overlay::OptieVraag(_))));
    cmd(&mut app, &mut runner, Command::Nee);
    assert_eq!(app.overlay, Some(Overlay::Term), "Esc keeps the form");
    cmd(&mut app, &mut runner, Command::Terug);
    cmd(&mut app, &mut runner, Command::Ja);
    assert!(app.term_form.is_none());
    assert!(!dir.path().join("gegevens/taxonomie-formulier.ron").exists());
}
